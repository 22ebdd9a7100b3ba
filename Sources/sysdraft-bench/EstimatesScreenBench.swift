import App
import DesignModel
import DesignStorage
import Foundation
import Workspace

/// A keystroke on the Estimates screen (issue 12): the keystroke harness (`runKeystrokes`)
/// over a design with 1,000 interdependent estimates, 1,000 flows whose rates and payloads
/// name them and 500 components with capacities. The script moves through the list, filters
/// it, types into an estimate's expression (every key recomputes the preview), saves an edit
/// and undoes it, adds an estimate and undoes it, opens the reference card and the template
/// picker, and looks at the flows. Target p99 ≤ 2 ms.
func runEstimatesScreenBench() {
    let design = makeLoadDesign(makeEstimateRows(1_000))
    let assets = (try? AssetLocator.locate()).map(WorkspaceStart.estimateAssets) ?? EstimateAssets()
    if assets.templates == nil { out("warning: Assets/estimates not found; the template picker and card do nothing") }
    runKeystrokes("keystroke→frame, Estimates screen", design: design, catalogue: benchCatalogue(),
                  script: estimatesKeyScript(), size: "\(design.estimates.count) est / \(describe(design)), 200×60") { state in
        state.estimateAssets = assets
    }
}

func estimatesKeyScript() -> [Step] {
    var s: [Step] = []
    func keys(_ label: String, _ ks: Key...) { for k in ks { s.append(Step(label: label, key: k)) } }
    func repeated(_ label: String, _ k: Key, _ n: Int) { for _ in 0..<n { s.append(Step(label: label, key: k)) } }
    func type(_ label: String, _ text: String) { for c in text { s.append(Step(label: label, key: .char(c))) } }

    let number = Character(String(Pane.estimates.number))
    let rounds = Int(ProcessInfo.processInfo.environment["SYSDRAFT_BENCH_ROUNDS"] ?? "") ?? 6
    for round in 0..<rounds {
        keys("pane switch", .char(number))
        repeated("j/k move", .char("j"), 30)
        repeated("j/k move", .char("k"), 8)
        keys("g/G ends", .char("G"), .char("g"))
        repeated("page", .pageDown, 3)
        keys("page", .pageUp)
        // Filter by typing, then clear it.
        keys("/ filter open", .char("/"))
        type("filter typing", ["rate", "size", "count"][round % 3])
        keys("filter Esc", .escape)
        // Type into an estimate's expression: every key previews its value.
        repeated("j/k move", .char("j"), 5)
        keys("form open", .char("e"))
        keys("form typing", .tab, .end)
        type("preview typing", " * 2 + 1")
        repeated("preview typing", .backspace, 8)
        type("preview typing", " * 3")
        keys("edit confirm", .enter)
        keys("undo", .char("u"))
        // Type a new estimate that uses others, save it, undo it.
        keys("form open", .char("a"))
        type("form typing", "extra_\(round)")
        keys("form typing", .tab)
        type("preview typing", "users * actions / day to /s")
        keys("add confirm", .enter)
        keys("undo", .char("u"))
        // The reference card, scrolled and closed; the template picker, opened and closed.
        keys("reference card", .char("R"), .char("j"), .char("j"), .char(" "), .escape)
        keys("template picker", .char("A"), .down, .down, .escape)
        // The flows, with their load on every row.
        keys("pane switch", .char("3"))
        repeated("j/k move", .char("j"), 15)
        keys("pane switch", .char(number))
    }
    return s
}
