import DesignModel
import Foundation
import TestSupport
import Testing
@testable import TextUI
@testable import Workspace

/// Goes to a list through the palette, whatever its number.
func viewGoTo(_ s: inout AppState, _ list: String) {
    viewSend(&s, .char(":"))
    viewType(&s, list)
    viewSend(&s, .enter)
}

/// Every line the full view of the selected item shows, scrolled from top to bottom, joined.
func fullViewText(_ state: AppState) -> String {
    var s = state
    viewSend(&s, .char("v"))
    var seen: [String] = []
    for _ in 0..<200 {
        let grid = viewRender(s)
        expectSaneGrid(grid, "full view")
        seen += grid.lines()
        let before = s.overlays
        viewSend(&s, .char("j"))
        // Scrolling stops at the end: the limit is what the view measured.
        if s.overlays == before { break }
    }
    return seen.joined(separator: "\n")
}

@Suite("APIs and Entities screens")
struct LowLevelViewTests {
    @Test("the APIs list shows each endpoint's method, path and serving component at 80×24")
    func apisList() {
        var s = viewState(viewExample, 80, 24)
        viewGoTo(&s, "apis")
        let lines = viewRender(s).lines()
        for e in viewExample.endpoints {
            let served = viewExample.components[id: e.component!]!.name
            #expect(lines.contains { $0.contains(e.path) && $0.contains(String(served.prefix(10))) && $0.contains(EndpointView.tag(e.method).trimmingCharacters(in: .whitespaces)) },
                    "\(e.id) row")
        }
        checkScreen("apis", s)
    }

    @Test("the Entities list shows each entity's name, kind and store at 80×24")
    func entitiesList() {
        var s = viewState(viewExample, 80, 24)
        viewGoTo(&s, "entities")
        let lines = viewRender(s).lines()
        for e in viewExample.entities {
            let store = viewExample.components[id: e.store!]!.name
            #expect(lines.contains { $0.contains(e.name) && $0.contains(store) && $0.contains(EntityView.tag(e.kind).trimmingCharacters(in: .whitespaces)) })
        }
        checkScreen("entities", s)
    }

    @Test("every field of every endpoint is readable in the full view at 80×24")
    func endpointFullViews() {
        var s = viewState(viewExample, 80, 24)
        viewGoTo(&s, "apis")
        for (n, e) in viewExample.endpoints.enumerated() {
            s.selection[.endpoints] = n
            let text = fullViewText(s).replacingOccurrences(of: "\n", with: " ")
            var wanted = [e.path, e.summary, e.rateLimit, e.auth.label, e.idempotency.label, e.pagination.label]
            wanted += (e.request + e.response).flatMap { [$0.name, $0.type] }
            wanted += e.errors.map(\.code) + e.filters + e.sortKeys + e.requirements.map(\.rawValue)
            if e.successStatus > 0 { wanted.append(String(e.successStatus)) }
            for w in wanted where !w.isEmpty {
                // Long values wrap: look for each word.
                for word in w.split(separator: " ") {
                    #expect(text.contains(word), "\(e.id): \(word) not shown")
                }
            }
        }
    }

    @Test("every field of an entity is readable in the full view at 80×24, with what points at it")
    func entityFullView() throws {
        var d = viewExample
        let links = try #require(d.entities.first)
        let clicks = d.addEntity("clicks", store: links.store)
        try d.editEntityFields(clicks, .add(Entity.Field(name: "link_code", references: .init(entity: links.id, field: "code"))))
        var s = viewState(d, 80, 24)
        viewGoTo(&s, "entities")
        let text = fullViewText(s).replacingOccurrences(of: "\n", with: " ")
        for f in links.fields {
            #expect(text.contains("\(f.name): \(f.type)"))
        }
        for x in links.indexes { #expect(text.contains(x.fields.joined(separator: ", "))) }
        for a in links.accessPatterns {
            for word in a.query.split(separator: " ") { #expect(text.contains(word)) }
        }
        #expect(text.contains("clicks.link_code → code"), "the reference from clicks")
        #expect(text.contains(links.partitionKey))
    }

    @Test("the checks' findings show in an item's details")
    func checksInDetails() {
        var d = Design(title: "T", now: viewNow)
        let svc = d.addComponent(name: "svc", kind: .service)
        d.addEndpoint(.post, "/orders", servedBy: svc)
        var s = viewState(d, 100, 30)
        viewGoTo(&s, "apis")
        let text = fullViewText(s)
        let findings = LowLevelChecks.run(d)
        #expect(!findings.isEmpty)
        #expect(text.contains("Checks"))
        for f in findings {
            for word in f.message.split(separator: " ") { #expect(text.contains(word), "\(word) of \(f.message)") }
        }
    }

    @Test("the table editor at 80×24 and 120×40: tabs, columns, the selected cell in full", arguments: [(80, 24), (120, 40)])
    func tableEditor(size: (Int, Int)) {
        var s = viewState(viewExample, size.0, size.1)
        viewGoTo(&s, "entities")
        viewSend(&s, .char("r"), .char("j"), .char("l"))
        let lines = viewRender(s).lines()
        #expect(lines.contains { $0.contains("Fields") && $0.contains("Indexes") && $0.contains("Relationships") && $0.contains("Access patterns") })
        #expect(lines.contains { $0.contains("Name") && $0.contains("Type") && $0.contains("PK") && $0.contains("References") })
        let field = viewExample.entities[0].fields[1]
        #expect(lines.contains { $0.contains("Type: \(field.type)") }, "the selected cell in full")
        checkScreen("table-fields", s)
        // Typing in a narrow cell widens its column; the cursor is in the cell.
        viewSend(&s, .char("l"), .char("l"), .char("l"), .char("l"), .char("l"), .char("l"), .enter)
        viewType(&s, " and some more words about it")
        let grid = viewRender(s)
        expectSaneGrid(grid, "typing in a cell")
        let cursor = grid.cursor
        #expect(cursor != nil)
        #expect(grid.lines()[cursor!.y].contains("more words about it"))
        checkScreen("table-typing", s)
        // A list of values opens under its cell.
        viewSend(&s, .escape, .char("h"), .enter)
        checkScreen("table-picker", s)
    }

    @Test("the endpoint tables and the tick list of an index fit 80×24")
    func endpointTables() {
        var s = viewState(viewExample, 80, 24)
        viewGoTo(&s, "apis")
        viewSend(&s, .char("r"))
        for _ in 0..<5 {
            let grid = viewRender(s)
            expectSaneGrid(grid, "endpoint table")
            viewSend(&s, .char(">"))
        }
        viewSend(&s, .char(">"), .char(">"))
        checkScreen("table-errors", s)
        viewSend(&s, .escape)
        viewGoTo(&s, "entities")
        viewSend(&s, .char("r"), .char(">"), .enter, .char("j"), .char(" "))
        checkScreen("table-index-ticks", s)
    }

    @Test("hostile text in rows is drawn visibly, never raw", arguments: [(60, 15), (80, 24), (120, 40)])
    func hostileRows(size: (Int, Int)) {
        let d = LowLevelDesigns.make(seed: 7, endpoints: 12, entities: 6, hostile: true)
        var s = viewState(d, size.0, size.1)
        for list in ["apis", "entities"] {
            viewGoTo(&s, list)
            expectSaneGrid(viewRender(s), "\(list) list")
            viewSend(&s, .char("v"))
            expectSaneGrid(viewRender(s), "\(list) full view")
            viewSend(&s, .escape, .char("r"))
            for _ in 0..<5 {
                viewSend(&s, .char("j"), .char("l"))
                expectSaneGrid(viewRender(s), "\(list) table")
                viewSend(&s, .char(">"))
            }
            viewSend(&s, .char("/"))
            viewType(&s, "a")
            expectSaneGrid(viewRender(s), "\(list) table filtered")
            viewSend(&s, .escape, .escape)
        }
    }

    @Test("a click lands on the cell drawn under it")
    func clicksLandOnCells() throws {
        var s = viewState(viewExample, 80, 24)
        viewGoTo(&s, "entities")
        viewSend(&s, .char("r"))
        let grid = viewRender(s)
        let lines = grid.lines()
        // Find the row of the third field, and the column where its type is drawn.
        let field = viewExample.entities[0].fields[2]
        let y = try #require(lines.firstIndex { $0.contains(field.name) && $0.contains(field.type) })
        let line = Array(lines[y])
        let nameAt = try #require(String(line).range(of: field.type)).lowerBound.utf16Offset(in: String(line))
        let action = WorkspaceView.hitTest(MouseEvent(.press, x: nameAt, y: y), s, ViewMemory())
        #expect(action == .tableMouse(.cell(row: 2, column: 1)))
        _ = Workspace.reduce(&s, action!, viewEnv)
        #expect(s.overlays.last.flatMap { if case .table(let t) = $0 { return (t.row, t.column) == (2, 1) } else { return false } } == true)
        // The tab of the third table.
        let tabY = try #require(lines.firstIndex { $0.contains("Relationships") })
        let tabX = try #require(lines[tabY].range(of: "Relationships")).lowerBound.utf16Offset(in: lines[tabY])
        #expect(WorkspaceView.hitTest(MouseEvent(.press, x: tabX, y: tabY), s, ViewMemory()) == .tableMouse(.table(2)))
        #expect(WorkspaceView.hitTest(MouseEvent(.wheelDown, x: 40, y: 10), s, ViewMemory()) == .tableMouse(.scroll(3)))
    }

    @Test("column widths fit the width and keep every column", arguments: [20, 40, 56, 74, 96, 116])
    func columnWidths(width: Int) {
        for table in RowTables.tables(.endpoints) + RowTables.tables(.entities) {
            for focus in [nil] + table.columns.indices.map({ Optional($0) }) {
                let w = TableEditorView.columnWidths(table.columns, total: width, focus: focus.map { ($0, 40) })
                #expect(w.count == table.columns.count)
                #expect(w.allSatisfy { $0 >= 1 })
                #expect(w.reduce(0, +) + table.columns.count - 1 <= max(width, 2 * table.columns.count - 1), "\(table.title) at \(width)")
                if width >= 56 {
                    #expect(zip(w, table.columns).allSatisfy { $0 >= $1.minWidth }, "\(table.title) at \(width)")
                }
            }
        }
    }
}
