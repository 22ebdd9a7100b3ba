import DesignModel
import Foundation
import Testing

@Suite struct EditingTests {
    @Test func idsAreReadableAndNeverReused() throws {
        var d = try sampleDesign()
        #expect(d.components.map(\.id.rawValue) == ["comp-1", "comp-2", "comp-3"])
        _ = try d.removeComponent("comp-3")
        // The next id follows the highest in use, not the count.
        let id = d.addComponent(name: "Cache", kind: .cache)
        #expect(id == "comp-3")
        let later = d.addComponent(name: "Queue", kind: .queue)
        #expect(later == "comp-4")
        #expect(ItemID<Component>("comp-2") < ItemID<Component>("comp-10"))
    }

    @Test func flowsMustPointAtExistingComponents() throws {
        var d = try sampleDesign()
        #expect(throws: EditError.unknownComponent("comp-99")) {
            try d.addFlow(from: "comp-1", to: "comp-99")
        }
        var f = d.flows[0]
        f.to = "nope"
        #expect(throws: EditError.unknownComponent("nope")) { try d.updateFlow(f) }
        #expect(d.flows[0].to == "comp-2")
    }

    @Test func deletingAComponentRemovesAndReportsItsFlows() throws {
        var d = try sampleDesign()
        let before = d
        let removal = try d.removeComponent("comp-2")
        #expect(removal.component.name == "API")
        #expect(removal.flows.map(\.flow.id.rawValue) == ["flow-1", "flow-2", "flow-3"])
        #expect(d.flows.isEmpty)
        #expect(d.errors.isEmpty, "no dangling flows left behind")
        d.restore(removal)
        #expect(d == before)
    }

    @Test func deletingALeafKeepsUnrelatedFlowsInOrder() throws {
        var d = try sampleDesign()
        let removal = try d.removeComponent("comp-1")
        #expect(removal.flows.map(\.index) == [0])
        #expect(d.flows.map(\.id.rawValue) == ["flow-2", "flow-3"])
        #expect(throws: EditError.unknownComponent("comp-1")) { try d.removeComponent("comp-1") }
    }

    @Test func customItemIdsAreUniqueAcrossStages() throws {
        var d = try sampleDesign()
        let a = d.addCustomItem("x", to: .security)
        let b = d.addCustomItem("y", to: .monitoring)
        #expect(a != b)
        #expect(d.stage(.security).custom.map(\.text) == ["x"])
    }

    @Test func normalizeStagesMergesDuplicatesAndRestoresOrder() {
        var d = Design(title: "t", now: Date(timeIntervalSince1970: 0))
        d.stages = [StageState(stage: .security, done: ["security.b"], notes: "one"),
                    StageState(stage: .security, done: ["security.a"], notes: "two")]
        d.normalizeStages()
        #expect(d.stages.map(\.stage) == StageKey.allCases)
        #expect(d.stage(.security).done == ["security.a", "security.b"])
        #expect(d.stage(.security).notes == "one\n\ntwo")
    }

    @Test func stageKeysParseLeniently() {
        #expect(StageKey(lenient: "4") == .scalability)
        #expect(StageKey(lenient: "SEC") == .security)
        #expect(StageKey(lenient: "re") == nil, "ambiguous: requirements / reliability")
        #expect(StageKey.tradeOffs.number == 10)
    }
}

@Suite struct UpsertTests {
    @Test func upsertReplacesInPlaceOrAppends() throws {
        var d = try sampleDesign()
        var api = d.components[1]
        api.name = "Gateway API"
        d.components.upsert(api)
        #expect(d.components.map(\.name) == ["Client", "Gateway API", "DB ✓ 漢字"])
        d.components.upsert(Component(id: "comp-9", name: "New", kind: .cache))
        #expect(d.components.last?.id == "comp-9")
        #expect(d.components.idForEdit("comp-2") == "comp-2")
        #expect(d.components.idForEdit("comp-404") == "comp-10", "a vanished item gets a fresh id")
        #expect(d.components.idForEdit(nil) == "comp-10")
    }
}
