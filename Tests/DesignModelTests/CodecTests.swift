import DesignModel
import Foundation
import Testing

@Suite struct CodecTests {
    @Test func encodeDecodeEncodeIsByteIdentical() throws {
        let d = try sampleDesign()
        let first = try DesignCodec.encode(d)
        let decoded = try DesignCodec.decode(first)
        #expect(decoded == d)
        #expect(try DesignCodec.encode(decoded) == first)
    }

    @Test func outputIsPrettySortedAndDiffFriendly() throws {
        let s = text(try DesignCodec.encode(try sampleDesign()))
        #expect(s.hasSuffix("}\n"))
        #expect(s.contains("\"created\" : \"2026-09-21T"), "ISO-8601, whole seconds")
        #expect(!s.contains(".75"))
        // Sorted keys: "components" before "created" before "flows".
        let c = s.range(of: "\"components\"")!.lowerBound, cr = s.range(of: "\"created\"")!.lowerBound
        #expect(c < cr)
        // Arrays stay in user order.
        #expect(s.range(of: "\"flow-1\"")!.lowerBound < s.range(of: "\"flow-3\"")!.lowerBound)
        // Control characters are escaped, never raw bytes in the file.
        #expect(!s.contains("\u{1b}"))
        #expect(s.contains("\\u001b"))
        #expect(s.contains("漢字"), "non-ASCII stays readable")
    }

    func loadError(_ json: String) -> DesignLoadError? {
        do { _ = try DesignCodec.decode(Data(json.utf8)); return nil } catch { return error }
    }

    @Test func notJSONGivesLineAndColumn() {
        let e = loadError("{\n  \"schemaVersion\": 1,\n  \"title\": oops\n}")
        guard case .notJSON(let pos, _)? = e else { Issue.record("got \(String(describing: e))"); return }
        #expect(pos?.line == 3)
        #expect(e!.description.contains("line 3"))
    }

    @Test func truncatedFileIsNotJSON() throws {
        let full = text(try DesignCodec.encode(try sampleDesign()))
        let e = loadError(String(full.prefix(full.count / 2)))
        guard case .notJSON? = e else { Issue.record("got \(String(describing: e))"); return }
    }

    @Test func emptyAndNonObjectFilesAreRefused() {
        #expect(loadError("  \n") == .empty)
        #expect(loadError("[1, 2]") == .notAnObject)
        #expect(loadError("{\"title\": \"x\"}") == .missingSchemaVersion)
    }

    @Test func wrongTypesNameThePathAndPosition() throws {
        var s = text(try DesignCodec.encode(try sampleDesign()))
        s = s.replacingOccurrences(of: "\"kind\" : \"database\"", with: "\"kind\" : 42")
        let e = loadError(s)
        guard case .wrongShape(let path, let pos, let detail)? = e else { Issue.record("got \(String(describing: e))"); return }
        #expect(path == "components[2].kind")
        #expect(detail.contains("expected a string"))
        let line = s.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("\"kind\" : 42") }! + 1
        #expect(pos?.line == line)
    }

    @Test func unknownEnumValuesAreNamed() throws {
        let s = text(try DesignCodec.encode(try sampleDesign()))
            .replacingOccurrences(of: "\"protocol\" : \"sql\"", with: "\"protocol\" : \"carrier-pigeon\"")
        let e = loadError(s)
        guard case .wrongShape(let path, _, let detail)? = e else { Issue.record("got \(String(describing: e))"); return }
        #expect(path == "flows[1].protocol")
        #expect(detail.contains("carrier-pigeon"))
    }

    @Test func missingFieldsAreNamed() throws {
        let s = text(try DesignCodec.encode(try sampleDesign()))
            .replacingOccurrences(of: "\"responsibility\" : \"serves\",", with: "")
        let e = loadError(s)
        guard case .wrongShape(let path, _, let detail)? = e else { Issue.record("got \(String(describing: e))"); return }
        #expect(path == "components[1]")
        #expect(detail.contains("\"responsibility\""))
    }

    @Test func danglingReferencesAreRefused() throws {
        let s = text(try DesignCodec.encode(try sampleDesign()))
            .replacingOccurrences(of: "\"to\" : \"comp-3\"", with: "\"to\" : \"comp-77\"")
        let e = loadError(s)
        guard case .integrity(let findings)? = e else { Issue.record("got \(String(describing: e))"); return }
        #expect(findings.count == 2)
        #expect(e!.description.contains("comp-77"))
    }

    @Test func newerSchemaIsRefusedNotDowngraded() throws {
        let s = text(try DesignCodec.encode(try sampleDesign()))
            .replacingOccurrences(of: "\"schemaVersion\" : \(Design.currentSchemaVersion)", with: "\"schemaVersion\" : 99")
        #expect(loadError(s) == .newerSchema(found: 99, supported: Design.currentSchemaVersion))
        #expect(loadError(s)!.description.contains("newer"))
    }

    @Test func badDatesAreNamed() throws {
        let s = text(try DesignCodec.encode(try sampleDesign()))
            .replacingOccurrences(of: "\"created\" : \"2026-09-21T", with: "\"created\" : \"yesterday")
        guard case .wrongShape(let path, _, let detail)? = loadError(s) else { Issue.record("no error"); return }
        #expect(path == "created")
        #expect(detail.contains("ISO-8601"))
    }
}

@Suite struct MigrationTests {
    @Test func prototypeFormatIsUpgraded() throws {
        let d = try DesignCodec.decode(try fixture("v0-prototype.json"))
        #expect(d.schemaVersion == Design.currentSchemaVersion)
        #expect(d.title == "Paste bin (prototype file)")
        #expect(d.problem == "Share text snippets by link.")
        #expect(d.requirements.map(\.priority) == [.must, .should])
        #expect(d.requirements[1].category == .latency)
        #expect(d.components.map(\.kind) == [.client, .service, .database])
        #expect(d.components[1].technology == "Go")
        #expect(d.flows.map(\.direction) == [.oneWay, .twoWay, .oneWay])
        #expect(d.flows.map(\.mode) == [.sync, .sync, .async])
        #expect(d.flows[0].from == "comp-1" && d.flows[0].to == "comp-2")
        #expect(d.stage(.requirements).done == ["requirements.functional"])
        #expect(d.stage(.requirements).notes == "Mostly reads.")
        #expect(d.stages.count == 10)
        #expect(d.tradeOffs.isEmpty)
        // Upgraded once, it is a normal current document.
        let again = try DesignCodec.decode(try DesignCodec.encode(d))
        #expect(again == d)
    }

    @Test func everyOlderVersionHasAStep() {
        for v in 0..<Design.currentSchemaVersion {
            #expect(Migrations.steps.contains { $0.from == v }, "no migration from \(v)")
        }
    }

    @Test func brokenOldFilesFailWithTheVersionNamed() throws {
        let bad = text(try fixture("v0-prototype.json")).replacingOccurrences(of: "\"edges\": [", with: "\"edges\": [ 3, ")
        do {
            _ = try DesignCodec.decode(Data(bad.utf8))
            Issue.record("expected a failure")
        } catch {
            #expect(error == .migrationFailed(from: 0, detail: "\"edges\" must be a list of objects"))
        }
    }
}
