import DesignModel
import Foundation
import Testing
@testable import Workspace

extension AppState {
    var topTable: TableEditor? {
        if case .table(let t)? = overlays.last { return t }
        return nil
    }
}

/// An entity `links` in the Link store with no fields yet, selected on the Entities list.
func entityState() -> (AppState, ItemID<Entity>) {
    var s = lowLevelState()
    let id = s.design.addEntity("links", store: "comp-3")
    s.savedDesign = s.design
    goTo(&s, "entities")
    return (s, id)
}

@Suite struct TableEditorTests {
    @Test func threeFieldsTypedInPlace() throws {
        var (s, id) = entityState()
        send(&s, .char("r"))
        let t = try #require(s.topTable)
        #expect(t.spec.title == "Fields")
        // a: a new row, typing its name; Tab keeps it and types the next text cell.
        send(&s, .char("a"))
        type(&s, "code")
        send(&s, .tab)
        #expect(s.design.entities[0].fields.map(\.name) == ["code"], "the row is written once its first cell is kept")
        send(&s, .ctrl("u"))                                // the type cell holds "string": clear it
        type(&s, "varchar(16)")
        send(&s, .tab)                                      // PK: a tick box, not typed
        send(&s, .char(" "))                                // ticked
        send(&s, .tab, .tab, .char(" "))                    // Uniq ticked
        send(&s, .tab, .tab, .tab)                          // past Idx and References: Notes (typing)
        type(&s, "the short code")
        send(&s, .enter)
        send(&s, .char("a"))
        type(&s, "long_url")
        send(&s, .tab, .ctrl("u"))
        type(&s, "text")
        send(&s, .enter)
        send(&s, .char("a"))
        type(&s, "created_at")
        send(&s, .tab, .ctrl("u"))
        type(&s, "timestamptz")
        send(&s, .enter)
        let fields = try #require(s.design.entities[id: id]?.fields)
        #expect(fields == [
            Entity.Field(name: "code", type: "varchar(16)", primaryKey: true, unique: true, notes: "the short code"),
            Entity.Field(name: "long_url", type: "text"),
            Entity.Field(name: "created_at", type: "timestamptz"),
        ])
        #expect(s.message?.text == "Updated field \"created_at\"")
        #expect(s.topTable?.row == 2)
        // Each kept cell is one undo step; the table stays open through undo.
        send(&s, .char("u"))
        #expect(s.design.entities[id: id]?.fields[2].type == "string")
        #expect(s.topTable != nil)
        #expect(s.message?.text == "Undid: Edit field \"created_at\" of ent-1")
        send(&s, .ctrl("r"))
        #expect(s.design.entities[id: id]?.fields[2].type == "timestamptz")
        send(&s, .escape)
        #expect(s.overlays.isEmpty)
    }

    @Test func aNewRowLeftWithEscIsNotWritten() {
        var (s, _) = entityState()
        send(&s, .char("r"), .char("a"))
        type(&s, "half")
        send(&s, .escape)
        #expect(s.design.entities[0].fields.isEmpty)
        #expect(!s.history.canUndo)
        #expect(s.topTable?.draft == nil)
        #expect(s.topTable?.mode == .browse)
    }

    @Test func aRowNeedsAName() {
        var (s, _) = entityState()
        send(&s, .char("r"), .char("a"), .enter)
        #expect(s.topTable?.error == "A field needs a name.")
        guard case .text? = s.topTable?.mode else { Issue.record("the cell should stay open"); return }
        type(&s, "id")
        send(&s, .enter)
        #expect(s.design.entities[0].fields.map(\.name) == ["id"])
        #expect(s.topTable?.error == nil)
        // A second field of the same name is refused.
        send(&s, .char("a"))
        type(&s, "id")
        send(&s, .enter)
        #expect(s.topTable?.error == "The entity already has a field named id.")
        #expect(s.design.entities[0].fields.count == 1)
    }

    @Test func renamingAFieldSaysWhatElseChanged() throws {
        var (s, links) = entityState()
        let clicks = s.design.addEntity("clicks", store: "comp-3")
        try s.design.editEntityFields(links, .add(Entity.Field(name: "code", primaryKey: true)))
        try s.design.editEntityFields(links, .add(Entity.Field(name: "owner", type: "uuid")))
        try s.design.editEntity(links, \.indexes, .add(Entity.Index(fields: ["owner", "code"])))
        try s.design.editEntityFields(clicks, .add(Entity.Field(name: "link", references: .init(entity: links, field: "code"))))
        send(&s, .char("r"), .enter, .ctrl("u"))
        type(&s, "short_code")
        send(&s, .enter)
        #expect(s.message?.text == "Updated field \"short_code\"; also renamed in 1 index, renamed in 1 reference")
        #expect(s.design.entities[id: links]?.indexes.first?.fields == ["owner", "short_code"])
        #expect(s.design.entities[id: clicks]?.fields.first?.references == .init(entity: links, field: "short_code"))
        // Deleting it clears the reference and takes it out of the index.
        send(&s, .char("d"))
        #expect(s.message?.text == "Deleted field \"short_code\"; also removed from 1 index, cleared 1 reference — u undoes")
        #expect(s.design.entities[id: clicks]?.fields.first?.references == nil)
        send(&s, .char("u"))
        #expect(s.design.entities[id: clicks]?.fields.first?.references == .init(entity: links, field: "short_code"))
    }

    @Test func rowsMoveAndTheFilterNarrowsThem() throws {
        var (s, links) = entityState()
        for name in ["id", "code", "owner_id", "created_at"] {
            try s.design.editEntityFields(links, .add(Entity.Field(name: name)))
        }
        send(&s, .char("r"), .char("J"))
        #expect(s.design.entities[0].fields.map(\.name) == ["code", "id", "owner_id", "created_at"])
        #expect(s.topTable?.row == 1, "the moved row stays selected")
        send(&s, .char("K"), .char("K"))
        #expect(s.design.entities[0].fields.map(\.name) == ["id", "code", "owner_id", "created_at"])
        send(&s, .char("/"))
        type(&s, "_")
        send(&s, .enter)
        let t = try #require(s.topTable)
        let rows = try #require(t.spec.rows(s.design, t.itemID))
        #expect(t.shown(rows, s.design) == [2, 3])
        #expect(s.message?.text == "2 rows match \"_\" — / then Esc clears")
        send(&s, .char("j"), .char("J"))
        #expect(s.message?.text == "Clear the filter (/ then Esc) to reorder")
        send(&s, .char("a"))
        #expect(s.message?.text == "Clear the filter (/ then Esc) to add rows")
        send(&s, .escape)
        #expect(s.topTable?.filter == "")
        #expect(s.topTable?.row == 3, "created_at stays selected once every row shows")
        send(&s, .escape)
        #expect(s.overlays.isEmpty)
    }

    @Test func theReferencePickerListsEveryEntityField() throws {
        var (s, links) = entityState()
        let users = s.design.addEntity("users", store: "comp-3")
        try s.design.editEntityFields(users, .add(Entity.Field(name: "id", type: "uuid", primaryKey: true)))
        try s.design.editEntityFields(users, .add(Entity.Field(name: "email")))
        try s.design.editEntityFields(links, .add(Entity.Field(name: "owner_id", type: "uuid")))
        send(&s, .char("r"))
        for _ in 0..<6 { send(&s, .char("l")) }           // References
        send(&s, .enter)
        guard case .pick(let options, _)? = s.topTable?.mode else { Issue.record("no list open"); return }
        #expect(options.map(\.label) == ["—", "links.owner_id", "users.id", "users.email"])
        type(&s, "users.i")
        send(&s, .enter)
        #expect(s.design.entities[id: links]?.fields[0].references == .init(entity: users, field: "id"))
        // The checks see a reference with no index leading with it: Idx is one key away.
        let unindexed = { (d: Design) in LowLevelChecks.run(d).contains { $0.check == "entity.reference-without-index" } }
        #expect(unindexed(s.design))
        send(&s, .char("h"), .char(" "))
        #expect(s.design.entities[id: links]?.fields[0].indexed == true)
        #expect(!unindexed(s.design))
    }

    @Test func anIndexTicksItsFieldsInOrder() throws {
        var (s, links) = entityState()
        for name in ["code", "owner_id", "created_at"] { try s.design.editEntityFields(links, .add(Entity.Field(name: name))) }
        send(&s, .char("r"), .char(">"))
        #expect(s.topTable?.spec.title == "Indexes")
        send(&s, .char("a"))
        guard case .tick? = s.topTable?.mode else { Issue.record("no list to tick"); return }
        send(&s, .enter)
        #expect(s.topTable?.error?.hasPrefix("An index needs at least one field") == true)
        send(&s, .char("j"), .char(" "), .char("j"), .char(" "), .enter)   // owner_id, then created_at
        send(&s, .tab)
        type(&s, "a user's links, newest first")
        send(&s, .enter)
        #expect(s.design.entities[id: links]?.indexes == [Entity.Index(fields: ["owner_id", "created_at"], query: "a user's links, newest first")])
        // Ticking again in another order rewrites the order.
        send(&s, .char("0"))                               // does nothing, says so
        #expect(s.message?.text.contains("does nothing here") == true)
        send(&s, .char("h"), .enter, .char("j"), .char(" "), .char(" "), .enter)
        #expect(s.design.entities[id: links]?.indexes.first?.fields == ["created_at", "owner_id"])
    }

    @Test func accessPatternsPickTheirIndex() throws {
        var (s, links) = entityState()
        try s.design.editEntityFields(links, .add(Entity.Field(name: "code", primaryKey: true)))
        try s.design.editEntity(links, \.indexes, .add(Entity.Index(name: "by_owner", fields: ["code"])))
        send(&s, .char("r"), .char("<"))                   // wraps to the last table
        #expect(s.topTable?.spec.title == "Access patterns")
        send(&s, .char("a"))
        type(&s, "get a link by its code")
        send(&s, .tab)                                     // Index used: not typed, Enter opens its list
        send(&s, .enter)
        guard case .pick(let options, _)? = s.topTable?.mode else { Issue.record("no list open"); return }
        #expect(options.map(\.label) == ["—", "primary key", "by_owner (index)", "code (field)"])
        type(&s, "p")
        send(&s, .enter)
        #expect(s.design.entities[id: links]?.accessPatterns == [Entity.AccessPattern(query: "get a link by its code", index: "primary key")])
    }

    @Test func relationshipsPickTheOtherEntity() throws {
        var (s, links) = entityState()
        let clicks = s.design.addEntity("clicks")
        send(&s, .char("r"), .char(">"), .char(">"))
        #expect(s.topTable?.spec.title == "Relationships")
        send(&s, .char("a"))                              // the kind's list opens: 1:N is highlighted
        send(&s, .enter)
        send(&s, .tab, .tab)
        type(&s, "has")
        send(&s, .enter)
        #expect(s.design.entities[id: links]?.relationships == [Entity.Relationship(cardinality: .oneToMany, target: clicks, label: "has")])
    }

    @Test func endpointTablesErrorsFiltersAndSortKeys() throws {
        var s = lowLevelState()
        let id = s.design.addEndpoint(.get, "/links", servedBy: "comp-2")
        goTo(&s, "apis")
        send(&s, .char("r"))
        #expect(s.topTable?.tables.map(\.title) == ["Request", "Response", "Errors", "Filters", "Sort keys"])
        send(&s, .char("a"))
        type(&s, "limit")
        send(&s, .tab, .ctrl("u"))
        type(&s, "int")
        send(&s, .tab, .enter)                             // In: the list of places
        type(&s, "q")
        send(&s, .enter)
        send(&s, .char(">"), .char(">"), .char("a"))
        type(&s, "429")
        send(&s, .tab)
        type(&s, "too many requests")
        send(&s, .enter)
        send(&s, .char(">"), .char("a"))
        type(&s, "owner")
        send(&s, .enter)
        send(&s, .char(">"), .char("a"))
        type(&s, "created_at")
        send(&s, .enter)
        let e = try #require(s.design.endpoints[id: id])
        #expect(e.request == [Endpoint.Field(name: "limit", type: "int", location: .query)])
        #expect(e.errors == [Endpoint.ErrorResponse(code: "429", meaning: "too many requests")])
        #expect(e.filters == ["owner"])
        #expect(e.sortKeys == ["created_at"])
        send(&s, .char("a"))
        type(&s, "created_at")
        send(&s, .enter)
        #expect(s.topTable?.error == "created_at is already a sort key of this endpoint.")
    }

    @Test func theTableNeedsAnItemAndAKindWithRows() {
        var s = lowLevelState()
        send(&s, .char("r"))
        #expect(s.overlays.isEmpty)
        #expect(s.message?.text.hasPrefix("Requirements have no table of rows") == true)
        goTo(&s, "apis")
        send(&s, .char("r"))
        #expect(s.message?.text == "Nothing selected — a adds one")
        #expect(s.overlays.isEmpty)
    }

    @Test func readOnlyDesignsOpenNoTable() {
        var (s, _) = entityState()
        s.readOnly = true
        send(&s, .char("r"))
        #expect(s.overlays.isEmpty)
        #expect(s.message?.kind == .error)
    }

    @Test func theFullViewOpensTheTableAndComesBack() {
        var (s, _) = entityState()
        send(&s, .char("v"), .char("r"))
        #expect(s.topTable != nil)
        send(&s, .escape)
        guard case .itemView(.entities, id: "ent-1", scroll: 0)? = s.overlays.last else {
            Issue.record("the full view should be under the table"); return
        }
    }

    @Test func undoingTheItemClosesItsTable() throws {
        var (s, _) = entityState()
        send(&s, .char("a"))
        type(&s, "sessions")
        send(&s, .enter)
        #expect(s.design.entities.count == 2)
        send(&s, .char("r"), .char("a"))
        type(&s, "id")
        send(&s, .enter, .char("u"), .char("u"))
        #expect(s.design.entities.count == 1)
        #expect(s.topTable == nil)
        #expect(s.message?.text.hasSuffix("the entity is gone, so is its table") == true)
    }

    @Test func otherScreensWaitUntilTheTableCloses() {
        var (s, _) = entityState()
        send(&s, .char("r"), .char("c"))
        #expect(s.screen == .panes)
        #expect(s.topTable != nil)
        #expect(s.message?.text.hasPrefix("Close the table first") == true)
        send(&s, .char("?"))
        guard case .help? = s.overlays.last else { Issue.record("help opens over the table"); return }
        send(&s, .escape)
        #expect(s.topTable != nil)
    }

    @Test func theMouseSelectsAndOpensCells() throws {
        var (s, links) = entityState()
        try s.design.editEntityFields(links, .add(Entity.Field(name: "code")))
        try s.design.editEntityFields(links, .add(Entity.Field(name: "owner")))
        send(&s, .char("r"))
        _ = Workspace.reduce(&s, .tableMouse(.cell(row: 1, column: 3)), env)
        #expect(s.topTable?.row == 1 && s.topTable?.column == 3)
        #expect(s.design.entities[0].fields[1].nullable == false)
        _ = Workspace.reduce(&s, .tableMouse(.cell(row: 1, column: 3)), env)   // the selected cell: ticks it
        #expect(s.design.entities[0].fields[1].nullable == true)
        // A click while typing keeps the text first.
        send(&s, .char("k"), .char("h"), .char("h"), .char("h"), .enter)
        type(&s, "_x")
        _ = Workspace.reduce(&s, .tableMouse(.cell(row: 1, column: 0)), env)
        #expect(s.design.entities[0].fields.map(\.name) == ["code_x", "owner"])
        #expect(s.topTable?.row == 1 && s.topTable?.mode == .browse)
        _ = Workspace.reduce(&s, .tableMouse(.table(2)), env)
        #expect(s.topTable?.spec.title == "Relationships")
        _ = Workspace.reduce(&s, .tableMouse(.scroll(3)), env)
        #expect(s.topTable?.row == 0, "no rows to scroll to")
    }

    @Test func pastedTextGoesIntoTheCell() {
        var (s, _) = entityState()
        send(&s, .char("r"), .char("a"))
        _ = Workspace.reduce(&s, .paste("pasted\nname"), env)
        send(&s, .enter)
        #expect(s.design.entities[0].fields.map(\.name) == ["pasted name"])
    }

    @Test func theRecoveryCopyHoldsTheCellBeingTyped() {
        var (s, _) = entityState()
        send(&s, .char("r"), .char("a"))
        type(&s, "typed_but_not_kept")
        #expect(s.design.entities[0].fields.isEmpty)
        #expect(RecoveryContent.design(s).entities[0].fields.map(\.name) == ["typed_but_not_kept"])
    }

    @Test func theTableHasItsOwnKeymapContext() throws {
        let help = HelpText.lines(.standard).map(\.text)
        let heading = try #require(help.firstIndex { $0.hasPrefix("Table editor") })
        #expect(help[heading...].contains { $0.contains("Add a row below") })
        // Rebindable in config.toml under [keys.table].
        let (map, problems) = Keymap.standard.applying([KeyOverride(context: "table", key: "+", action: "table.add")])
        #expect(problems.isEmpty)
        #expect(map.command(for: .char("+"), in: .table) == .tableAdd)
        let (_, wrong) = Keymap.standard.applying([KeyOverride(context: "panes", key: "+", action: "table.add")])
        #expect(wrong.first?.message.contains("[keys.table]") == true)
        // Table commands are not offered in the palette; opening the table is (`:rows`).
        #expect(CommandTable.named("rows")?.command == .editRows)
        #expect(!CommandTable.all.contains { $0.command == .tableAdd })
    }
}
