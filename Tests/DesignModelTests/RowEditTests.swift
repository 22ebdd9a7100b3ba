import DesignModel
import Testing

@Suite struct RowEditTests {
    @Test func addDeleteMoveReplaceOnRows() throws {
        var rows = ["a", "b", "c"]
        #expect(try rows.apply(.add("d")) == 3)
        #expect(try rows.apply(.add("x", at: 1)) == 1)
        #expect(rows == ["a", "x", "b", "c", "d"])
        #expect(try rows.apply(.add("y", at: 99)) == 5)   // past the end: appended
        #expect(try rows.apply(.delete(at: 5)) == 4)       // the last row goes: the new last is selected
        #expect(try rows.apply(.delete(at: 1)) == 1)       // the next row takes its place
        #expect(rows == ["a", "b", "c", "d"])
        #expect(try rows.apply(.move(from: 0, to: 2)) == 2)
        #expect(rows == ["b", "c", "a", "d"])
        #expect(try rows.apply(.move(from: 0, to: -1)) == 0)   // the top row cannot go higher
        #expect(try rows.apply(.move(from: 3, to: 4)) == 3)    // nor the bottom one lower
        #expect(rows == ["b", "c", "a", "d"])
        #expect(try rows.apply(.replace(at: 2, with: "A")) == 2)
        #expect(rows == ["b", "c", "A", "d"])
        for _ in 0..<4 { try rows.apply(.delete(at: 0)) }
        #expect(rows.isEmpty)
    }

    @Test func aStaleRowIsRefusedAndNothingChanges() {
        var rows = ["a"]
        #expect(throws: RowEditError(index: 1, count: 1)) { try rows.apply(.delete(at: 1)) }
        #expect(throws: RowEditError(index: -1, count: 1)) { try rows.apply(.replace(at: -1, with: "z")) }
        #expect(throws: RowEditError(index: 5, count: 1)) { try rows.apply(.move(from: 5, to: 0)) }
        #expect(rows == ["a"])
        var empty: [String] = []
        #expect(throws: RowEditError.self) { try empty.apply(.delete(at: 0)) }
        #expect(RowEditError(index: 0, count: 0).description == "the table has no rows")
    }

    @Test func endpointTablesAreEditedInPlace() throws {
        var d = lowLevelSample()
        let r = try d.editEndpoint("api-2", \.errors, .add(.init(code: "429", meaning: "Slow down")))
        #expect(r.selection == 1 && r.alsoChanged.isEmpty)
        try d.editEndpoint("api-2", \.errors, .move(from: 1, to: 0))
        #expect(d.endpoints[1].errors.map(\.code) == ["429", "409"])
        try d.editEndpoint("api-2", \.request, .replace(at: 0, with: .init(name: "long_url", type: "url", required: true)))
        #expect(d.endpoints[1].request[0].name == "long_url")
        try d.editEndpoint("api-1", \.filters, .delete(at: 0))
        #expect(d.endpoints[0].filters.isEmpty)
        #expect(throws: EditError.unknownItem("api-9")) { try d.editEndpoint("api-9", \.errors, .delete(at: 0)) }
    }

    @Test func renamingAFieldFollowsItThroughTheDesign() throws {
        var d = lowLevelSample()
        d.entities[0].partitionKey = "id"
        d.entities[0].accessPatterns.append(.init(query: "By id", index: "id"))
        d.entities[0].indexes.append(.init(fields: ["email", "id"]))
        var renamed = d.entities[0].fields[0]
        renamed.name = "user_id"
        let r = try d.editEntityFields("ent-1", .replace(at: 0, with: renamed))
        #expect(r.selection == 0)
        #expect(d.entities[0].fields[0].name == "user_id")
        #expect(d.entities[0].indexes[0].fields == ["email", "user_id"])
        #expect(d.entities[0].accessPatterns.map(\.index) == ["primary key", "user_id"])
        #expect(d.entities[0].partitionKey == "user_id")
        #expect(d.entities[1].fields[2].references == .init(entity: "ent-1", field: "user_id"))
        #expect(r.alsoChanged == ["renamed in 1 index", "renamed in 1 access pattern", "renamed in the partition key",
                                  "renamed in 1 reference"])
        #expect(d.findings().isEmpty)
        // The other entity's own field of the same name is untouched.
        #expect(d.entities[1].fields[0].name == "id")
    }

    @Test func deletingAFieldTakesItOutOfIndexesAndReferences() throws {
        var d = lowLevelSample()
        d.entities[1].indexes.append(.init(fields: ["owner_id"]))
        let r = try d.editEntityFields("ent-2", .delete(at: 2))   // owner_id
        #expect(d.entities[1].indexes.map(\.fields) == [["created_at"]])
        #expect(r.alsoChanged == ["removed from 2 indexes (1 index left empty and dropped)"])
        let r2 = try d.editEntityFields("ent-1", .delete(at: 0))  // users.id, referenced by nothing now
        #expect(r2.alsoChanged.isEmpty)

        var e = lowLevelSample()
        let r3 = try e.editEntityFields("ent-1", .delete(at: 0))  // users.id, referenced by links.owner_id
        #expect(e.entities[1].fields[2].references == nil)
        #expect(r3.alsoChanged == ["cleared 1 reference"])
        #expect(e.findings().isEmpty)
    }

    @Test func nothingFollowsWhileAnotherFieldKeepsTheName() throws {
        var d = lowLevelSample()
        d.entities[0].fields.append(.init(name: "id", type: "text"))   // a duplicate name
        var renamed = d.entities[0].fields[0]
        renamed.name = "key"
        let r = try d.editEntityFields("ent-1", .replace(at: 0, with: renamed))
        #expect(r.alsoChanged.isEmpty)
        #expect(d.entities[1].fields[2].references?.field == "id")
        // Editing anything but the name changes nothing else either.
        var typed = d.entities[1].fields[1]
        typed.type = "varchar(2048)"
        #expect(try d.editEntityFields("ent-2", .replace(at: 1, with: typed)).alsoChanged.isEmpty)
        // Reordering and adding fields.
        #expect(try d.editEntityFields("ent-2", .move(from: 1, to: 0)).selection == 0)
        #expect(try d.editEntityFields("ent-2", .add(.init(name: "title"), at: 1)).selection == 1)
        #expect(d.entities[1].fields.prefix(3).map(\.name) == ["url", "title", "id"])
    }

    @Test func entityTablesAndRemovingAnEntity() throws {
        var d = lowLevelSample()
        try d.editEntity("ent-2", \.indexes, .add(.init(fields: ["url"], unique: true, query: "By URL")))
        try d.editEntity("ent-2", \.accessPatterns, .replace(at: 0, with: .init(query: "Own links", index: "links_by_owner")))
        #expect(d.entities[1].indexes.count == 2)
        let also = try d.removeEntity("ent-1")
        #expect(also == ["cleared 1 reference"])
        #expect(d.entities.map(\.id) == ["ent-2"])
        #expect(d.findings().isEmpty)
        var e = lowLevelSample()
        #expect(try e.removeEntity("ent-2") == ["dropped 1 relationship"])
        #expect(throws: EditError.unknownItem("ent-2")) { try e.removeEntity("ent-2") }
    }

    /// Deleting a component, requirement or entity anywhere (the workspace calls
    /// `dropReferences`) leaves no dangling id in endpoints or entities.
    @Test func deletesElsewhereLeaveNoDanglingReferences() {
        var d = lowLevelSample()
        d.components.removeAll { $0.id == "comp-4" }
        d.flows.removeAll { $0.from == "comp-4" || $0.to == "comp-4" }
        d.dropReferences(to: "comp-4")
        d.requirements.removeAll { $0.id == "req-1" }
        d.dropReferences(to: "req-1")
        d.entities.removeAll { $0.id == "ent-1" }
        d.dropReferences(to: "ent-1")
        #expect(d.endpoints.allSatisfy { $0.component == nil })
        #expect(d.endpoints.map(\.requirements) == [["req-2"], []])
        #expect(d.entities[0].requirements == ["req-2"])
        #expect(d.entities[0].fields[2].references == nil)
        #expect(d.findings().isEmpty, "\(d.findings())")
        #expect(d.itemIDs["api-1"] == "endpoints" && d.itemIDs["ent-2"] == "entities")
    }
}
