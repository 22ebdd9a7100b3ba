import DesignModel
import Foundation
import TestSupport
import Testing
@testable import TextUI
@testable import Workspace

// The scenario screens drawn: the Scenarios list, the step editor, the sequence diagram (with
// its participant rows pinned while the body scrolls, in Unicode and ASCII) and the
// architecture diagram with a scenario's path highlighted.

/// The worked example with scenario `n` (1-based) selected in the Scenarios list.
func exampleOnScenario(_ n: Int, _ columns: Int, _ rows: Int) -> AppState {
    var s = viewState(viewExample, columns, rows)
    viewSend(&s, .char(Character(String(Pane.scenarios.number))))
    for _ in 1..<n { viewSend(&s, .char("j")) }
    return s
}

@Suite("Scenario screens")
struct ScenarioViewTests {
    @Test("the Scenarios list and the step editor on the worked example", arguments: [(80, 24), (120, 40)])
    func listAndSteps(size: (Int, Int)) {
        var s = exampleOnScenario(3, size.0, size.1)
        checkScreen("scenarios", s)
        viewSend(&s, .char("s"))
        for _ in 0..<5 { viewSend(&s, .char("j")) }     // step 4, inside alt and retry
        checkScreen("steps", s, styled: size.0 == 120)
    }

    @Test("the sequence diagram, scrolled, in Unicode and ASCII", arguments: [(80, 24), (120, 40)])
    func sequence(size: (Int, Int)) {
        var s = exampleOnScenario(3, size.0, size.1)
        viewSend(&s, .char("S"))
        checkScreen("sequence", s)
        for _ in 0..<12 { viewSend(&s, .char("j")) }
        checkScreen("sequence-scrolled", s, styled: size.0 == 120)
        viewSend(&s, .char("A"))
        checkScreen("sequence-ascii", s)
    }

    @Test("a step not in the architecture: marked, listed, selected")
    func missingStep() {
        var d = viewExample
        // Redirect service ⇢ Analytics store: no flow carries it.
        d.scenarios[1].steps.append(.step(ScenarioStep(from: "comp-7", to: "comp-13", message: "count a redirect", kind: .async)))
        var s = viewState(d, 100, 30)
        viewSend(&s, .char(Character(String(Pane.scenarios.number))), .char("j"))
        checkScreen("scenarios-missing", s)
        viewSend(&s, .char("S"), .char("n"))
        checkScreen("sequence-missing", s, styled: true)
    }

    @Test("the architecture diagram with a scenario highlighted and the rest dimmed")
    func highlightedDiagram() throws {
        var s = exampleOnScenario(2, 120, 40)
        viewSend(&s, .char("D"))
        checkScreen("diagram-scenario", s, styled: true)
        let grid = viewRender(s)
        let layout = try #require(s.diagram.layout)
        let inner = ScreenLayout.compute(s.size, focus: s.focus).body.inset(horizontal: 1, vertical: 1)
        func styles(of id: String) -> Set<Role> {
            guard let r = layout.diagram.nodeRects[id] else { return [] }
            var out = Set<Role>()
            for y in r.y..<r.maxY {
                for x in r.x..<r.maxX {
                    let sx = x - s.diagram.panX, sy = y - s.diagram.panY
                    guard sx >= 0, sy >= 0, sx < inner.width, sy < inner.height else { continue }
                    out.insert(grid[inner.x + sx, inner.y + sy].style.role)
                }
            }
            return out
        }
        // Redirect with a cache hit uses the redirect service, not the shorten service.
        #expect(styles(of: "comp-7").contains(.diagramBox))
        #expect(!styles(of: "comp-7").contains(.dim))
        #expect(styles(of: "comp-6") == [.dim] || styles(of: "comp-6").isEmpty)
    }

    @Test("random scenarios on random screens: a sane grid, the participants pinned, nothing over the border")
    func randomSequences() {
        var rng = SeededGenerator(seed: 14)
        for round in 0..<40 {
            let design = randomScenarioDesign(&rng, hostile: round % 3 == 0)
            let columns = 60 + rng.int(100), rows = 15 + rng.int(35)
            var s = viewState(design, columns, rows)
            viewSend(&s, .char(Character(String(Pane.scenarios.number))), .char("S"))
            if rng.int(2) == 0 { viewSend(&s, .char("A")) }
            for _ in 0..<rng.int(30) {
                viewSend(&s, [.char("j"), .char("k"), .char("l"), .char("h"), .pageDown, .char("G"), .char("n")][rng.int(7)])
            }
            let grid = viewRender(s)
            let what = "round \(round) \(columns)x\(rows)"
            expectSaneGrid(grid, what)
            let body = ScreenLayout.compute(s.size, focus: s.focus).body
            for y in (body.y + 1)..<(body.maxY - 1) {
                #expect(grid[body.x, y].symbol == "┃" && grid[body.maxX - 1, y].symbol == "┃", "\(what): border at row \(y)")
            }
            guard let layout = s.scenarioScreens.sequence.layout else { continue }
            let view = s.scenarioScreens.sequence, d = layout.drawing
            let v = view.viewport(s.size)
            let inner = body.inset(horizontal: 1, vertical: 1)
            let lines = grid.lines()
            // The participant rows are always the drawing's first rows, whatever the scroll.
            for r in 0..<min(d.headerHeight, v.height) {
                let shown = DisplayWidth.window(lines[inner.y + r], from: inner.x + 1, width: v.width)
                let expected = d.window(top: r, left: view.scrollX, width: v.width, height: 1).first ?? ""
                #expect(shown.trimmingTrailingSpaces == expected.trimmingTrailingSpaces, "\(what): header row \(r)")
            }
            if view.ascii && round % 3 != 0 {
                // Plain words and ASCII glyphs: every cell of the drawing is ASCII.
                for r in 0..<v.height {
                    let shown = DisplayWidth.window(lines[inner.y + r], from: inner.x + 1, width: v.width)
                    let ascii = shown.unicodeScalars.allSatisfy { $0.isASCII }
                    #expect(ascii, "\(what): ASCII drawing row \(r): \(shown)")
                }
            }
            if d.fits { #expect(d.width <= v.width, "\(what): fitted to the screen") }
        }
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}

/// The worked example's components and flows with one random scenario: steps between random
/// components (some with no flow), nested blocks, hostile text now and then.
func randomScenarioDesign(_ rng: inout SeededGenerator, hostile: Bool) -> Design {
    var d = viewExample
    d.scenarios = []
    let ids = d.components.map(\.id)
    let words = hostile ? ["\u{1b}[31mred", "end", "a|b", "<br>", "\u{202E}rtl", "漢字", "🚀 go", "%%"]
        : ["GET /x", "lookup", "write the row", "ack", "publish", "retry later"]
    func text() -> String { (0...rng.int(3)).map { _ in words[rng.int(words.count)] }.joined(separator: " ") }
    func nodes(_ depth: Int) -> [ScenarioNode] {
        (0..<(1 + rng.int(5))).map { _ in
            if depth < 3 && rng.int(4) == 0 {
                let kind = ScenarioBlock.Kind.allCases[rng.int(5)]
                let branches = kind.maxBranches == 1 ? 1 : 1 + rng.int(3)
                return .block(ScenarioBlock(kind: kind, branches: (0..<branches).map { _ in
                    ScenarioBlock.Branch(condition: text(), steps: nodes(depth + 1))
                }, attempts: kind == .retry ? 1 + rng.int(4) : nil))
            }
            let kind = ScenarioStep.Kind.allCases[rng.int(3)]
            return .step(ScenarioStep(from: ids[rng.int(ids.count)], to: ids[rng.int(ids.count)], message: text(),
                                      kind: kind, notes: rng.int(5) == 0 ? text() : ""))
        }
    }
    d.addScenario(name: hostile ? "\u{1b}]2;x\u{7}Evil scenario" : "Random", steps: nodes(0))
    return d
}
