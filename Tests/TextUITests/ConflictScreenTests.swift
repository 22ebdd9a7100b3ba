import DesignModel
import Foundation
import Testing
@testable import TextUI
@testable import Workspace

/// A design as a merge leaves it: a field changed on both sides, a flow deleted by ours and
/// changed by theirs, and hostile text in one side's value.
let viewConflictedDesign: Design = {
    var d = Design(title: "Shop", now: viewNow)
    let api = d.addComponent(name: "API gateway", kind: .apiGateway, technology: "Envoy")
    let db = d.addComponent(name: "Orders DB", kind: .database)
    _ = try? d.addFlow(from: api, to: db, label: "orders (edge cached)", protocol: .sql)
    d.conflicts = [
        MergeConflict(id: "conflict-1", reason: .bothChanged, path: "components[comp-1].technology", item: "comp-1",
                      base: "\"Nginx\"", ours: "\"Envoy\"", theirs: "\"Kong \\u001b[31mred\\u001b[0m \\u202e|x|\"",
                      note: "changed on both sides"),
        MergeConflict(id: "conflict-2", reason: .deletedAndChanged, path: "flows[flow-1]", item: "flow-1",
                      base: #"{"from":"comp-1","id":"flow-1","label":"orders","to":"comp-2"}"#, ours: nil,
                      theirs: #"{"from":"comp-1","id":"flow-1","label":"orders (edge cached)","to":"comp-2"}"#,
                      note: "data flow flow-1 was deleted on ours and changed on theirs; the design keeps theirs"),
    ]
    return d
}()

@Suite("Merge conflicts screen")
struct ConflictScreenTests {
    @Test("the conflicts list, opened as the workspace opens a merged file", arguments: [(80, 24), (120, 40)])
    func list(size: (Int, Int)) {
        var s = viewState(viewConflictedDesign, size.0, size.1)
        _ = Workspace.reduce(&s, .opened(path: "/home/ada/designs/shop.json", design: viewConflictedDesign, isNew: false), viewEnv)
        checkScreen("conflicts", s, styled: size.0 == 120)
        let text = viewRender(s).lines(trimTrailing: true).joined(separator: "\n")
        #expect(text.contains("⚠ 2 conflicts"))
        #expect(text.contains("comp-1 › technology"))
    }

    @Test("a conflict in full: base, ours and theirs stacked", arguments: [(80, 24), (120, 40)])
    func fullView(size: (Int, Int)) {
        var s = viewState(viewConflictedDesign, size.0, size.1)
        _ = Workspace.reduce(&s, .opened(path: "/home/ada/designs/shop.json", design: viewConflictedDesign, isNew: false), viewEnv)
        viewSend(&s, .char("v"))
        checkScreen("conflict-full", s)
        viewSend(&s, .escape, .char("j"), .char("v"))
        checkScreen("conflict-full-item", s)
        let text = viewRender(s).lines(trimTrailing: true).joined(separator: "\n")
        #expect(text.contains("(deleted on ours)"))
        #expect(text.contains("Theirs (now)"))
    }

    @Test func withoutConflictsThereIsNoTabAndNoCount() {
        var d = viewConflictedDesign
        d.conflicts = []
        let s = viewState(d, 80, 24)
        let text = viewRender(s).lines(trimTrailing: true).joined(separator: "\n")
        #expect(!text.contains("Conflicts") && !text.contains("⚠"))
        #expect(!Chrome.tabRanges(s).contains { $0.0 == .conflicts })
    }
}
