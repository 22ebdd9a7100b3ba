import Foundation
import Testing
@testable import DesignModel

@Suite struct MergeConflictMigrationTests {
    /// A file of the version before merge conflicts existed (the worked example as it was)
    /// opens with its content unchanged and no conflicts.
    @Test func aFileFromBeforeOpensUnchanged() throws {
        let data = try fixture("before-merge-conflicts.json")
        let old = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect((old["schemaVersion"] as? Int).map { $0 < Design.currentSchemaVersion } == true)
        #expect(old["conflicts"] == nil)
        let design = try DesignCodec.decode(data)
        #expect(design.schemaVersion == Design.currentSchemaVersion)
        #expect(design.conflicts.isEmpty)
        #expect(design.errors.isEmpty && design.conflictFindings.isEmpty)
        // Every field the old file had is still there with the same value.
        let new = try #require(try JSONSerialization.jsonObject(with: DesignCodec.encode(design)) as? [String: Any])
        for (key, value) in old where key != "schemaVersion" {
            #expect(new[key].map { NSDictionary(dictionary: ["v": $0]) } == NSDictionary(dictionary: ["v": value]), "\(key)")
        }
        #expect((new["conflicts"] as? [Any])?.isEmpty == true)
    }

    @Test func theStepIsNamedForWhatItAdds() {
        #expect(Migrations.steps.contains { $0.summary.contains("merge conflicts") })
    }

    @Test func conflictsStillLoadButAreReported() throws {
        var d = try sampleDesign()
        d.conflicts = [MergeConflict(id: "conflict-1", reason: .bothChanged, path: "title", item: "",
                                     base: "\"A\"", ours: "\"B\"", theirs: "\"C\"", note: "changed differently on both sides")]
        let back = try DesignCodec.decode(try DesignCodec.encode(d))
        #expect(back == d)
        #expect(back.errors.isEmpty)
        #expect(back.conflictFindings.count == 1)
        #expect(back.conflictFindings[0].severity == .error && back.conflictFindings[0].path == "conflicts[0]")
    }
}
