import DesignModel
import Foundation
import Testing
@testable import TextUI
@testable import Workspace

// Golden screens of the whole workspace: each test builds a state the way a user would reach
// it (keys through the reducer), renders it with `WorkspaceView.render`, checks the grid is
// sane (every row exactly `width` columns, no raw control scalars, cursor inside) and
// compares the text with Tests/TextUITests/Golden/views/<name>.txt.
// Re-record with: SYSDRAFT_RECORD=1 swift test --filter ViewGoldenTests

/// The sizes most screens are checked at: the small tabs layout, the smallest grid, a roomy grid.
let viewSizes: [(Int, Int)] = [(80, 24), (100, 30), (120, 40)]

/// Renders, checks the grid and compares with the golden file `name-WxH`.
func checkScreen(_ name: String, _ state: AppState, styled: Bool = false,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    let grid = viewRender(state)
    let size = "\(state.size.columns)x\(state.size.rows)"
    expectSaneGrid(grid, "\(name) \(size)", sourceLocation: sourceLocation)
    let borders = viewBrokenBorders(state, grid)
    #expect(borders.isEmpty, "\(name) \(size): \(borders.prefix(4))", sourceLocation: sourceLocation)
    expectViewGolden("\(name)-\(size)", grid.lines(trimTrailing: true), sourceLocation: sourceLocation)
    if styled {
        expectViewGolden("\(name)-\(size).styled", grid.styledLines(), sourceLocation: sourceLocation)
    }
}

/// A design whose names hold CJK, emoji and a combining accent.
let viewWideDesign: Design = {
    var d = Design(title: "多言語 shortener 🚀", now: viewNow)
    d.addRequirement(.functional, "ユーザーは短縮URLを作成できる (users create short links)", priority: .must)
    d.addRequirement(.nonFunctional, "Redirect p99 < 20 ms 🚀 even under load", priority: .should, category: .latency)
    let a = d.addComponent(name: "漢字 gateway", kind: .apiGateway, technology: "Envoy 🛡")
    let b = d.addComponent(name: "🚀 Launch service", kind: .service, responsibility: "Turns long links into codes", technology: "Swift")
    let c = d.addComponent(name: "Cafe\u{301} cache", kind: .cache, technology: "Redis")
    let e = d.addComponent(name: "ストア store", kind: .database, technology: "PostgreSQL")
    _ = try? d.addFlow(from: a, to: b, label: "作成 request", protocol: .http)
    _ = try? d.addFlow(from: b, to: c, label: "cache fill 🚀", protocol: .tcp, mode: .async)
    _ = try? d.addFlow(from: b, to: e, label: "write", protocol: .sql)
    d.addTradeOff(title: "漢字 IDs vs 🚀 random codes", options: [("Counter", ["short"], ["guessable"]), ("Random", ["opaque"], [])],
                  chosenIndex: 1, status: .accepted)
    return d
}()

/// The hostile name from the brief: an OSC title change, a bell, a colour escape, a bidi override.
let viewHostileName = "\u{1b}]2;x\u{7}\u{1b}[31mEvil\u{202E}gnp.exe"

let viewHostileDesign: Design = {
    var d = Design(title: "Hostile \u{1b}[2J title\u{7}", now: viewNow)
    d.addRequirement(.functional, "Text with DEL\u{7f} and C1\u{85} and RLO\u{202E}here", priority: .must)
    let a = d.addComponent(name: viewHostileName, kind: .service, responsibility: "Clears \u{1b}[2J the screen\u{1b}[0m",
                           technology: "\u{1b}[5mblink", notes: "line one\nline two\u{2066}isolate")
    let b = d.addComponent(name: "Plain store", kind: .database)
    _ = try? d.addFlow(from: a, to: b, label: "\u{1b}[31mred\u{1b}[0m rows", protocol: .sql)
    return d
}()

@Suite("View golden screens")
struct ViewGoldenTests {

    // MARK: the worked example in the panes view

    @Test("worked example, requirements focused", arguments: viewSizes)
    func examplePanes(size: (Int, Int)) {
        checkScreen("example", viewState(viewExample, size.0, size.1), styled: size.0 == 120)
    }

    @Test("worked example, each pane focused with the selection moved")
    func exampleEachPane() {
        for (n, pane) in Pane.allCases.filter(\.inGrid).enumerated() {
            for (w, h) in [(80, 24), (120, 40)] {
                var s = viewState(viewExample, w, h)
                viewSend(&s, .char(Character("\(n + 1)")), .char("j"), .char("j"))
                #expect(s.focus == pane)
                #expect(s.selectedRow(pane) == 2)
                let name = "example-\(["requirements", "components", "flows", "tradeoffs"][n])"
                checkScreen(name, s, styled: pane == .components && w == 120)
            }
        }
    }

    @Test("a long list scrolls and shows where the selection is")
    func exampleScrolledToEnd() {
        var s = viewState(viewExample, 100, 30)
        viewSend(&s, .char("2"), .char("G"))
        checkScreen("example-components-end", s)
    }

    // MARK: wide characters and hostile text

    @Test("CJK, emoji and combining marks keep the columns aligned", arguments: viewSizes)
    func wideCharacters(size: (Int, Int)) {
        var s = viewState(viewWideDesign, size.0, size.1, file: "/tmp/多言語.json")
        viewSend(&s, .char("2"), .char("j"), .char("j"))
        checkScreen("wide", s)
        viewSend(&s, .char("3"))
        checkScreen("wide-flows", s)
    }

    @Test("a hostile name is drawn visibly, never raw", arguments: viewSizes)
    func hostileName(size: (Int, Int)) {
        var s = viewState(viewHostileDesign, size.0, size.1, file: "/tmp/evil\u{1b}[31m.json")
        viewSend(&s, .char("2"))
        let grid = viewRender(s)
        let text = grid.lines().joined(separator: "\n")
        #expect(text.contains("^[]2;x^G^[[31mEvil"), "the escape sequence is shown in caret notation")
        #expect(text.contains("\\u{202e}"), "the bidi override is shown by name")
        for u in text.unicodeScalars {
            #expect(!(u.value < 0x20 && u.value != 0x0A) && u.value != 0x7F && !(0x80..<0xA0).contains(u.value)
                    && !(0x202A...0x202E).contains(u.value) && !(0x2066...0x2069).contains(u.value),
                    "raw U+\(String(u.value, radix: 16)) on screen")
        }
        checkScreen("hostile", s)
        // Its details, its delete confirmation and its edit form are just as safe.
        viewSend(&s, .char("e"))
        checkScreen("hostile-form", s)
        viewSend(&s, .escape, .char("d"))
        checkScreen("hostile-confirm", s)
        // The diagram lays boxes out around the names: the visible forms must fit the boxes.
        viewSend(&s, .escape, .char("D"), .tab)
        checkScreen("hostile-diagram", s)
    }

    // MARK: overlays

    @Test("add-component form with a long name scrolled horizontally", arguments: [(80, 24), (120, 40)])
    func addComponentForm(size: (Int, Int)) {
        var s = viewState(viewExample, size.0, size.1)
        viewSend(&s, .char("2"), .char("a"))
        viewType(&s, "Regional read replica of the link store for the EU, with its own failover and a very long name")
        let grid = viewRender(s)
        #expect(grid.cursor != nil, "the cursor sits in the name field")
        #expect(grid.lines().contains { $0.contains("very long name") }, "the end of the text is in view")
        checkScreen("form-component", s)
    }

    @Test("flow form with the From picker open", arguments: [(80, 24), (120, 40)])
    func flowFormPicker(size: (Int, Int)) {
        var s = viewState(viewExample, size.0, size.1)
        viewSend(&s, .char("3"), .char("a"), .char(" "), .char("j"), .char("j"))
        if case .form(let f)? = s.overlays.last { #expect(f.picker != nil) } else { Issue.record("no form open") }
        checkScreen("form-flow-picker", s, styled: size.0 == 120)
    }

    @Test("deleting a component with flows asks first and says how many", arguments: [(80, 24), (120, 40)])
    func confirmDelete(size: (Int, Int)) {
        var s = viewState(viewExample, size.0, size.1)
        viewSend(&s, .char("2"), .char("j"), .char("j"), .char("d"))
        if case .confirm? = s.overlays.last {} else { Issue.record("no confirm open") }
        checkScreen("confirm-delete", s)
    }

    @Test("help overlay, generated from the keymap", arguments: [(80, 24), (120, 40)])
    func help(size: (Int, Int)) {
        var s = viewState(viewExample, size.0, size.1)
        viewSend(&s, .char("?"))
        let text = viewRender(s).lines().joined(separator: "\n")
        #expect(text.contains("Everywhere"))
        checkScreen("help", s)
        viewSend(&s, .char("G"), .char("j"), .char("j"), .char("j"), .char("j"), .char("j"), .char("j"))
        checkScreen("help-scrolled", s)
    }

    @Test("palette with a fuzzy query", arguments: [(80, 24), (120, 40)])
    func palette(size: (Int, Int)) {
        var s = viewState(viewExample, size.0, size.1)
        viewSend(&s, .char(":"))
        viewType(&s, "ex")
        checkScreen("palette", s, styled: size.0 == 120)
    }

    @Test("search filter in the status bar", arguments: [(80, 24), (120, 40)])
    func search(size: (Int, Int)) {
        var s = viewState(viewExample, size.0, size.1)
        viewSend(&s, .char("2"), .char("/"))
        viewType(&s, "serv")
        checkScreen("search", s)
        viewSend(&s, .enter)
        checkScreen("search-kept", s)
    }

    @Test("notes editor with wrapped multi-line text", arguments: [(80, 24), (120, 40)])
    func notesEditor(size: (Int, Int)) {
        var s = viewState(viewWideDesign, size.0, size.1)
        viewSend(&s, .char("c"), .char("n"))
        viewSend(&s, .ctrl("u"))
        viewType(&s, "Reads dominate writes about 100:1, so the redirect path must never wait on the write path or on analytics.")
        viewSend(&s, .enter)
        viewType(&s, "漢字 and 🚀 take two cells; e\u{301} takes one.")
        viewSend(&s, .enter, .enter)
        viewType(&s, "- cache hit ratio ≥ 95 %")
        checkScreen("notes-editor", s)
    }

    // MARK: full-screen views

    @Test("checklist: ticked, unticked and custom items with notes", arguments: viewSizes)
    func checklist(size: (Int, Int)) {
        var s = viewState(viewExample, size.0, size.1)
        viewSend(&s, .char("c"), .tab, .tab, .tab, .char("j"), .char(" "), .char("j"))
        checkScreen("checklist", s, styled: size.0 == 120)
    }

    @Test("diagram with a highlighted component", arguments: [(80, 24), (120, 40)])
    func diagram(size: (Int, Int)) {
        var s = viewState(viewExample, size.0, size.1)
        viewSend(&s, .char("D"), .tab, .tab, .tab, .tab, .tab)
        #expect(s.diagram.focused != nil)
        checkScreen("diagram", s, styled: size.0 == 120)
    }

    @Test("terminal too small", arguments: [(40, 10), (59, 15), (60, 14)])
    func tooSmall(size: (Int, Int)) {
        let s = viewState(viewExample, size.0, size.1)
        checkScreen("too-small", s)
    }

    @Test("a question asked on a terminal too small still shows", arguments: [(40, 10), (59, 14)])
    func tooSmallQuestion(size: (Int, Int)) {
        // An edit made at a usable size; the terminal then shrinks. (Keys other than quit,
        // redraw and the question's own do nothing under the notice.)
        var s = viewState(viewExample, 100, 30)
        viewSend(&s, .char("d"))
        _ = Workspace.reduce(&s, .resized(ScreenSize(columns: size.0, rows: size.1)), viewEnv)
        viewSend(&s, .char("q"))
        guard case .confirm? = s.overlays.last else { Issue.record("q did not ask"); return }
        checkScreen("too-small-quit", s)
    }

    @Test("the smallest workspace that is drawn", arguments: [(60, 15)])
    func smallest(size: (Int, Int)) {
        var s = viewState(viewExample, size.0, size.1)
        checkScreen("smallest", s)
        viewSend(&s, .char("3"), .char("a"))
        checkScreen("smallest-form", s)
    }
}

