import DesignModel
import Foundation
import Testing

@Suite struct GroupMigrationTests {
    static var step: Migration { Migrations.steps.first { $0.summary.contains("component groups") }! }

    /// A file of the version before groups (an old fixture brought up to that version by the
    /// earlier steps) opens with every field as it was, no groups, the diagram top-down, and
    /// passes validation.
    @Test func fileWithoutGroupsOpensUnchanged() throws {
        let data = try fixture("v1-before-groups.json")
        var old = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(old["schemaVersion"] as? Int == 1)
        for step in Migrations.steps where step.from >= 1 && step.from < Self.step.from { old = try step.apply(old) }
        old["schemaVersion"] = Self.step.from
        #expect(old["groups"] == nil && old["diagramDirection"] == nil)
        let before = try JSONSerialization.data(withJSONObject: old)
        let d = try DesignCodec.decode(before)
        #expect(d.schemaVersion == Design.currentSchemaVersion)
        #expect(d.groups.isEmpty)
        #expect(d.diagramDirection == .topDown)
        #expect(d.components.allSatisfy { $0.group == nil })
        #expect(d.errors.isEmpty)
        // Everything the old file held is there, unchanged.
        var new = try #require(try JSONSerialization.jsonObject(with: try DesignCodec.encode(d)) as? [String: Any])
        #expect(new["groups"] as? [Any] != nil)
        #expect(new["diagramDirection"] as? String == "top-down")
        let added = Set(new.keys).subtracting(old.keys)
        #expect(added == ["groups", "diagramDirection"])
        for key in added.union(["schemaVersion"]) { new[key] = nil }
        var oldRest = old
        oldRest["schemaVersion"] = nil
        #expect(NSDictionary(dictionary: new).isEqual(to: oldRest))
    }

    @Test func groupsSurviveASaveAndLoad() throws {
        var d = try sampleDesign()
        let region = d.addGroup(name: "us-east-1", kind: .region)
        let vpc = d.addGroup(name: "VPC", kind: .network, parent: region)
        d.components[1].group = vpc
        d.components[2].group = region
        d.diagramDirection = .leftRight
        let again = try DesignCodec.decode(try DesignCodec.encode(d))
        #expect(again == d)
        #expect(again.groups.map(\.kind) == [.region, .network])
        #expect(again.components(inGroup: region).map(\.id) == [d.components[1].id, d.components[2].id])
        #expect(again.components(inGroup: vpc).map(\.id) == [d.components[1].id])
        // The fast encoder writes exactly JSONEncoder's bytes for the new fields too.
        #expect(try DesignCodec.referenceEncode(d) + Data([0x0A]) == DesignCodec.encode(d))
    }
}

@Suite struct GroupValidationTests {
    @Test func danglingGroupsAndParentCyclesAreErrors() throws {
        var d = try sampleDesign()
        let a = d.addGroup(name: "A", kind: .team)
        let b = d.addGroup(name: "B", kind: .team, parent: a)
        d.groups[0].parent = b                      // A in B in A
        d.components[0].group = "group-9"           // no such group
        d.groups.append(ComponentGroup(id: "group-5", name: "C", parent: "group-7"))
        let findings = d.findings()
        #expect(findings.contains { $0.severity == .error && $0.path == "components[0].group" && $0.message.contains("group-9") })
        #expect(findings.contains { $0.severity == .error && $0.path == "groups[2].parent" && $0.message.contains("group-7") })
        #expect(findings.contains { $0.severity == .error && $0.path.hasPrefix("groups[") && $0.message.contains("inside itself") })
        // A file with these is refused with the paths named, not drawn with a broken tree.
        var failure: DesignLoadError?
        let bytes = try DesignCodec.encode(d)
        do { _ = try DesignCodec.decode(bytes) } catch let e { failure = e }
        guard case .integrity(let list)? = failure else {
            Issue.record("expected an integrity error"); return
        }
        #expect(list.contains { $0.path == "components[0].group" })
    }

    @Test func duplicateGroupIdsAndEmptyNames() throws {
        var d = try sampleDesign()
        d.groups = [ComponentGroup(id: "group-1", name: "A"), ComponentGroup(id: "group-1", name: " ")]
        let f = d.findings()
        #expect(f.contains { $0.path == "groups[1].id" && $0.severity == .error })
        #expect(f.contains { $0.path == "groups[1].name" && $0.severity == .warning })
    }

    @Test func removingAGroupMovesItsMembersUp() throws {
        var d = try sampleDesign()
        let outer = d.addGroup(name: "outer")
        let inner = d.addGroup(name: "inner", parent: outer)
        let leaf = d.addGroup(name: "leaf", parent: inner)
        d.components[0].group = inner
        d.removeGroup(inner)
        #expect(d.components[0].group == outer)
        #expect(d.groups.first { $0.id == leaf }?.parent == outer)
        #expect(d.errors.isEmpty)
    }
}
