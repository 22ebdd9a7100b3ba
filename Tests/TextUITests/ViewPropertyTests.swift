import DesignModel
import Foundation
import Testing
@testable import TextUI
@testable import Workspace

// Property-style checks over many random states: random designs, sizes between 60×15 and
// 200×60 (and some below the minimum), random keys reaching every screen and overlay.
// Whatever the state, rendering never crashes, every row is exactly `width` columns, no raw
// control scalar reaches a cell, and the cursor, when set, is inside the grid.

/// Keys that reach every part of the workspace: panes, forms, pickers, confirms, help, palette,
/// search, the checklist and its notes editor, the diagram.
let viewRandomKeys: [Key] = [
    .tab, .backTab, .char("1"), .char("2"), .char("3"), .char("4"), .char("j"), .char("k"), .char("g"), .char("G"),
    .down, .up, .pageDown, .pageUp, .home, .end, .left, .right, .ctrlLeft, .ctrlRight,
    .char("a"), .char("e"), .enter, .char("d"), .char("J"), .char("K"), .char("/"), .char("n"), .char("N"),
    .char("?"), .char(":"), .char("c"), .char("D"), .char("p"), .char("o"), .char(" "), .char("x"), .char("y"),
    .escape, .escape, .backspace, .delete, .ctrl("a"), .ctrl("e"), .ctrl("w"), .ctrl("u"), .ctrl("k"),
    .char("u"), .ctrl("r"), .char("i"), .char("t"), .char("]"), .char("["), .char("+"),
]

/// Text typed into fields: ASCII, CJK, emoji, combining marks, controls and bidi.
let viewRandomTexts = ["cache", "漢字", "🚀", "e\u{301}", "\u{1b}[31m", "\u{202E}", "\u{7}", "a very long piece of text that will not fit in any field at all",
                       "ストア", " ", "x", "\u{85}", "👩‍👩‍👧", "🇺🇸"]

func viewRandomDesign(_ rng: inout ViewRNG) -> Design {
    switch Int.random(in: 0..<5, using: &rng) {
    case 0: return viewExample
    case 1: return viewWideDesign
    case 2: return viewHostileDesign
    case 3: return Design(title: "", now: viewNow)
    default:
        var d = Design(title: viewRandomTexts.randomElement(using: &rng)!, now: viewNow)
        var ids: [ItemID<Component>] = []
        for _ in 0..<Int.random(in: 0...40, using: &rng) {
            let name = (0..<Int.random(in: 1...4, using: &rng)).map { _ in viewRandomTexts.randomElement(using: &rng)! }.joined()
            ids.append(d.addComponent(name: name, kind: Component.Kind.allCases.randomElement(using: &rng)!,
                                      technology: viewRandomTexts.randomElement(using: &rng)!))
        }
        for _ in 0..<Int.random(in: 0...30, using: &rng) where !ids.isEmpty {
            _ = try? d.addFlow(from: ids.randomElement(using: &rng)!, to: ids.randomElement(using: &rng)!,
                               label: viewRandomTexts.randomElement(using: &rng)!)
        }
        for _ in 0..<Int.random(in: 0...20, using: &rng) {
            d.addRequirement(.functional, viewRandomTexts.randomElement(using: &rng)! + " requirement")
        }
        for _ in 0..<Int.random(in: 0...5, using: &rng) {
            d.addTradeOff(title: viewRandomTexts.randomElement(using: &rng)!, options: [("A", ["p"], ["c"])], chosenIndex: 0)
        }
        return d
    }
}

@Suite("View properties")
struct ViewPropertyTests {

    @Test("random states render sane grids", arguments: 0..<8)
    func randomStates(seed: UInt64) {
        var rng = ViewRNG(seed: 0x5157_D2AF ^ (seed &* 0x1000_0001))
        for run in 0..<40 {
            let columns = Int.random(in: 60...200, using: &rng), rows = Int.random(in: 15...60, using: &rng)
            var state = viewState(viewRandomDesign(&rng), columns, rows)
            var memory = ViewMemory()
            var trail: [String] = []
            for step in 0..<Int.random(in: 1...60, using: &rng) {
                let roll = Int.random(in: 0..<100, using: &rng)
                if roll < 8 {
                    let text = viewRandomTexts.randomElement(using: &rng)!
                    if roll < 4 {
                        // As a terminal sends it: one key per scalar (a mark after its letter).
                        trail.append("type scalars \(text.debugDescription)")
                        for u in text.unicodeScalars { _ = Workspace.reduce(&state, .key(.char(Character(u))), viewEnv) }
                    } else {
                        trail.append("type \(text.debugDescription)")
                        viewType(&state, text)
                    }
                } else if roll < 10 {
                    let size = roll == 8
                        ? ScreenSize(columns: Int.random(in: 60...200, using: &rng), rows: Int.random(in: 15...60, using: &rng))
                        : ScreenSize(columns: Int.random(in: 1...70, using: &rng), rows: Int.random(in: 1...20, using: &rng))
                    trail.append("resize \(size.columns)×\(size.rows)")
                    _ = Workspace.reduce(&state, .resized(size), viewEnv)
                } else {
                    let key = viewRandomKeys.randomElement(using: &rng)!
                    // Keep the run in the workspace: q would only ask, and quitting stops nothing here.
                    trail.append(key.description)
                    viewSend(&state, key)
                }
                if step % 3 == 0 || step < 5 {
                    let grid = viewRender(state, memory: &memory)
                    let problems = viewGridProblems(grid) + viewBrokenBorders(state, grid)
                    if !problems.isEmpty {
                        Issue.record("""
                            seed \(seed) run \(run): after \(trail.joined(separator: " ")) at \(state.size.columns)×\(state.size.rows):
                            \(problems.prefix(6).joined(separator: "\n"))
                            \(grid.lines().joined(separator: "\n"))
                            """)
                        return
                    }
                    #expect(grid.width == state.size.columns && grid.height == state.size.rows)
                }
            }
        }
    }

    @Test("every overlay at every size from 60×15 up keeps the cursor inside")
    func overlaysAtManySizes() {
        let openers: [(String, [Key])] = [
            ("component form", [.char("2"), .char("a")]), ("flow picker", [.char("3"), .char("a"), .char(" ")]),
            ("trade-off form", [.char("4"), .char("a"), .end]), ("confirm", [.char("2"), .char("d")]),
            ("help", [.char("?"), .char("G")]), ("palette", [.char(":"), .char("t")]), ("search", [.char("/"), .char("x")]),
            ("notes", [.char("c"), .char("n"), .char("x")]), ("checklist", [.char("c"), .char("G")]),
            ("diagram", [.char("D"), .tab]),
        ]
        var rng = ViewRNG(seed: 42)
        for (name, keys) in openers {
            for _ in 0..<25 {
                let columns = Int.random(in: 60...200, using: &rng), rows = Int.random(in: 15...60, using: &rng)
                var s = viewState(viewExample, columns, rows)
                for k in keys { viewSend(&s, k) }
                let grid = viewRender(s)
                let problems = viewGridProblems(grid)
                #expect(problems.isEmpty, "\(name) at \(columns)×\(rows): \(problems.prefix(4))\n\(grid.lines().joined(separator: "\n"))")
            }
        }
    }
}

@Suite("View tabs")
struct ViewTabTests {
    @Test("tabs fit the screen from 60 columns and clicks land on the tab drawn there")
    func tabsFitAndClick() {
        for columns in 60..<100 {
            for focus in Pane.allCases {
                var s = viewState(viewExample, columns, 24)
                s.focus = focus
                let grid = viewRender(s)
                let ranges = Chrome.tabRanges(s)
                #expect(ranges.last!.1.upperBound <= columns, "tabs cut off at \(columns) columns: \(grid.lines()[1])")
                for (pane, range) in ranges {
                    let mid = (range.lowerBound + range.upperBound) / 2
                    #expect(WorkspaceView.hitTest(MouseEvent(.press, x: mid, y: 1), s, ViewMemory()) == .clickedPane(pane, row: nil))
                    #expect(grid.lines()[1].contains("\(pane.number) "))
                }
            }
        }
    }
}
