import Foundation
import Testing
@testable import DesignModel

/// Files written by the first wave (schema 1) open unchanged: every field they had keeps its
/// value, and what later schemas added starts empty.
@Suite struct MigrationV1Tests {
    @Test func aSchema1FileOpensWithItsContentUnchanged() throws {
        let data = try fixture("v1-url-shortener.json")
        let old = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(old["schemaVersion"] as? Int == 1)
        let design = try DesignCodec.decode(data)
        #expect(design.schemaVersion == Design.currentSchemaVersion)
        #expect(design.risks.isEmpty && design.questions.isEmpty)
        #expect(design.flows.allSatisfy { $0.protocolName.isEmpty })
        #expect(design.tradeOffs.allSatisfy { $0.drivers.isEmpty && $0.supersededBy == nil })
        #expect(design.errors.isEmpty)

        // Everything the old file said is still said, value for value.
        let new = try #require(try JSONSerialization.jsonObject(with: DesignCodec.encode(design)) as? [String: Any])
        for (key, value) in old where key != "schemaVersion" {
            #expect(Self.contains(new[key], value), "\(key) changed")
        }
    }

    /// True when `new` holds everything in `old` (objects may have gained keys).
    static func contains(_ new: Any?, _ old: Any) -> Bool {
        switch (new, old) {
        case (let n as [String: Any], let o as [String: Any]):
            return o.allSatisfy { contains(n[$0.key], $0.value) }
        case (let n as [Any], let o as [Any]):
            return n.count == o.count && zip(n, o).allSatisfy { contains($0, $1) }
        case (let n as NSObject, let o as NSObject):
            return n == o
        default:
            return false
        }
    }

    @Test func theMigrationStepIsOnlyAddition() throws {
        let v1: [String: Any] = ["flows": [["id": "flow-1", "protocol": "other"]], "tradeOffs": [["id": "trade-1"]]]
        let v2 = try Migrations.addRisksAndQuestions.apply(v1)
        #expect((v2["risks"] as? [Any])?.isEmpty == true)
        #expect((v2["questions"] as? [Any])?.isEmpty == true)
        #expect((v2["flows"] as? [[String: Any]])?.first?["protocolName"] as? String == "")
        #expect((v2["flows"] as? [[String: Any]])?.first?["protocol"] as? String == "other")
        #expect(((v2["tradeOffs"] as? [[String: Any]])?.first?["drivers"] as? [String])?.isEmpty == true)
    }
}
