@testable import DesignModel
import Foundation
import Testing

/// Schema step `addTraceabilityAndReview`: traceability links, redundancy notes and accepted
/// review findings; their validation and cleanup on delete.
@Suite struct TraceabilityModelTests {
    @Test func aFileFromBeforeOpensWithItsContentUnchanged() throws {
        let data = try fixture("before-traceability.json")
        let old = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect((old["schemaVersion"] as? Int).map { $0 < Design.currentSchemaVersion } == true)
        #expect(old["acceptedFindings"] == nil)
        let design = try DesignCodec.decode(data)
        #expect(design.schemaVersion == Design.currentSchemaVersion)
        #expect(design.acceptedFindings.isEmpty)
        #expect(design.components.allSatisfy { $0.requirements.isEmpty && $0.redundancy == nil })
        #expect(design.flows.allSatisfy { $0.requirements.isEmpty })
        #expect(design.errors.isEmpty)
        #expect(design.findings().isEmpty)
        let new = try #require(try JSONSerialization.jsonObject(with: DesignCodec.encode(design)) as? [String: Any])
        for (key, value) in old where key != "schemaVersion" {
            #expect(new[key].map { NSDictionary(dictionary: ["v": $0]) } == NSDictionary(dictionary: ["v": value]), "\(key)")
        }
        #expect((new["acceptedFindings"] as? [Any])?.isEmpty == true)
    }

    @Test func theStepIsNamedForWhatItAddsAndKeepsWhatIsThere() throws {
        #expect(Migrations.steps.contains { $0.summary.contains("accepted review findings") })
        let out = try Migrations.addTraceabilityAndReview.apply(["acceptedFindings": [["id": "accept-1"]], "title": "x"])
        #expect((out["acceptedFindings"] as? [[String: Any]])?.count == 1)
    }

    func sample() -> Design {
        var d = Design(title: "T", now: Date(timeIntervalSince1970: 1_700_000_000))
        d.requirements = [Requirement(id: "req-1", kind: .functional, text: "Do it")]
        d.components = [Component(id: "comp-1", name: "A", kind: .database, redundancy: "Multi-AZ", requirements: ["req-1"]),
                        Component(id: "comp-2", name: "B", kind: .service)]
        d.flows = [Flow(id: "flow-1", from: "comp-2", to: "comp-1", label: "write", requirements: ["req-1"])]
        d.acceptedFindings = [AcceptedFinding(id: "accept-1", rule: "flow.unlabelled", items: ["flow-1"], message: "m", reason: "Because")]
        return d
    }

    @Test func linksAndAcceptancesRoundTripAndEmptyListsAreLeftOut() throws {
        let d = sample()
        let data = try DesignCodec.encode(d)
        #expect(try DesignCodec.decode(data) == d)
        #expect(Data(try DesignCodec.referenceEncode(d)) + Data([0x0A]) == data)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let components = try #require(object["components"] as? [[String: Any]])
        #expect(components[0]["requirements"] as? [String] == ["req-1"])
        #expect(components[1]["requirements"] == nil, "comp-2 serves none and writes none")
        #expect(components[0]["redundancy"] as? String == "Multi-AZ" && components[1]["redundancy"] == nil)
        #expect((object["flows"] as? [[String: Any]])?[0]["requirements"] as? [String] == ["req-1"])
    }

    @Test func danglingLinksAndReasonlessAcceptancesAreWarnings() {
        var d = sample()
        d.components[1].requirements = ["req-9"]
        d.flows[0].requirements = ["req-8"]
        d.acceptedFindings.append(AcceptedFinding(id: "accept-2", rule: "", items: [], reason: " "))
        d.acceptedFindings.append(AcceptedFinding(id: "accept-1", rule: "x", items: [], reason: "dup"))
        let f = d.findings()
        #expect(f.contains { $0.severity == .warning && $0.path == "components[1].requirements[0]" && $0.message.contains("req-9") })
        #expect(f.contains { $0.severity == .warning && $0.path == "flows[0].requirements[0]" })
        #expect(f.contains { $0.severity == .warning && $0.path == "acceptedFindings[1].rule" })
        #expect(f.contains { $0.severity == .warning && $0.path == "acceptedFindings[1].reason" })
        #expect(f.contains { $0.severity == .error && $0.path == "acceptedFindings[2].id" })
    }

    @Test func deletingAnItemDropsLinksToItAndAcceptancesThatNamedIt() {
        var d = sample()
        d.dropReferences(to: "req-1")
        #expect(d.components[0].requirements.isEmpty && d.flows[0].requirements.isEmpty)
        d.dropReferences(to: "flow-1")
        #expect(d.acceptedFindings.isEmpty)
    }

    @Test func settingWhatAddressesARequirementFromItsSide() {
        var d = sample()
        d.tradeOffs = [TradeOff(id: "trade-1", title: "X")]
        d.setAddressing("req-1", by: ["comp-2", "trade-1"])
        #expect(d.components.map(\.requirements) == [[], ["req-1"]])
        #expect(d.flows[0].requirements.isEmpty)
        #expect(d.tradeOffs[0].drivers == ["req-1"])
        #expect(Traceability.links(to: "req-1", in: d).map(\.id) == ["comp-2", "trade-1"])
        let t = Traceability(d)
        #expect(t.isAddressed("req-1"))
        #expect(t.links("req-1").map(\.kind) == [.component, .decision])
    }

    @Test func aHandWrittenComponentMayLeaveRequirementsOut() throws {
        let json = #"{"id": "comp-1", "name": "A", "kind": "service", "responsibility": "", "technology": "", "notes": ""}"#
        let c = try JSONDecoder().decode(Component.self, from: Data(json.utf8))
        #expect(c.requirements.isEmpty && c.redundancy == nil)
    }
}
