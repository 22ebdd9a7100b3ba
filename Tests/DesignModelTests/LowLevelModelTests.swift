import Foundation
import Testing
@testable import DesignModel

@Suite struct LowLevelModelTests {
    @Test func endpointsAndEntitiesSurviveASaveAndLoad() throws {
        let d = lowLevelSample()
        let data = try DesignCodec.encode(d)
        #expect(try DesignCodec.decode(data) == d)
        // The fast canonical encoder writes the bytes JSONEncoder would.
        var reference = try DesignCodec.referenceEncode(d)
        reference.append(0x0A)
        #expect(data == reference)
        #expect(UnknownFields.find(in: data, decoded: d) == [])
    }

    /// A file from before endpoints and entities (the worked example as it was) opens with its
    /// content unchanged and neither endpoints nor entities.
    @Test func anOlderFileOpensWithItsContentUnchangedAndNoEndpointsOrEntities() throws {
        let old = try fixture("v2-url-shortener.json")
        let oldObject = try #require(try JSONSerialization.jsonObject(with: old) as? [String: Any])
        let version = try #require(oldObject["schemaVersion"] as? Int)
        #expect(version < Design.currentSchemaVersion && version <= Migrations.addEndpointsAndEntities.from)
        #expect(oldObject["endpoints"] == nil && oldObject["entities"] == nil)

        let d = try DesignCodec.decode(old)
        #expect(d.schemaVersion == Design.currentSchemaVersion)
        #expect(d.endpoints.isEmpty)
        #expect(d.entities.isEmpty)
        #expect(d.errors.isEmpty)
        #expect(d.findings().isEmpty)
        #expect(LowLevelChecks.run(d).isEmpty)

        // Everything the old file said is still said, word for word.
        let upgraded = try #require(try JSONSerialization.jsonObject(with: try DesignCodec.encode(d)) as? [String: Any])
        #expect(upgraded["endpoints"] as? [Any] != nil && upgraded["entities"] as? [Any] != nil)
        for (key, value) in oldObject where key != "schemaVersion" {
            #expect(NSDictionary(dictionary: [key: value]).isEqual(to: [key: upgraded[key] as Any]), "\(key)")
        }
    }

    @Test func theStepLeavesWhatIsThereAlone() throws {
        let object: [String: Any] = ["title": "x", "endpoints": [["id": "api-1"]]]
        let out = try Migrations.addEndpointsAndEntities.apply(object)
        #expect((out["endpoints"] as? [[String: Any]])?.count == 1)
        #expect((out["entities"] as? [Any])?.isEmpty == true)
        #expect(out["title"] as? String == "x")
    }

    @Test func theSampleIsClean() {
        let d = lowLevelSample()
        #expect(d.findings().isEmpty, "\(d.findings())")
        #expect(LowLevelChecks.run(d).isEmpty, "\(LowLevelChecks.run(d))")
    }

    /// Dangling references are warnings with their path: the file still opens.
    @Test func danglingReferencesAreReportedAsWarnings() throws {
        var d = lowLevelSample()
        d.endpoints[0].component = "comp-99"
        d.endpoints[1].requirements = ["req-77"]
        d.entities[0].store = "comp-98"
        d.entities[1].fields[2].references = .init(entity: "ent-1", field: "uid")
        d.entities[1].fields[1].references = .init(entity: "ent-9", field: "id")
        d.entities[1].indexes[0].fields.append("gone")
        d.entities[0].relationships[0].target = "ent-44"
        d.entities[1].accessPatterns[0].index = "no_such_index"
        d.entities[1].requirements = ["req-1", "req-55"]
        d.entities[0].fields.append(.init(name: "email"))

        let found = d.findings()
        #expect(found.allSatisfy { $0.severity == .warning })
        let byPath = Dictionary(found.map { ($0.path, $0.message) }, uniquingKeysWith: { a, _ in a })
        #expect(byPath["endpoints[0].component"]?.contains("comp-99") == true)
        #expect(byPath["endpoints[1].requirements[0]"]?.contains("req-77") == true)
        #expect(byPath["entities[0].store"]?.contains("comp-98") == true)
        #expect(byPath["entities[1].fields[2].references"]?.contains("\"uid\"") == true)
        #expect(byPath["entities[1].fields[1].references"]?.contains("ent-9") == true)
        #expect(byPath["entities[1].indexes[0].fields[2]"]?.contains("gone") == true)
        #expect(byPath["entities[0].relationships[0].target"]?.contains("ent-44") == true)
        #expect(byPath["entities[1].accessPatterns[0].index"]?.contains("no_such_index") == true)
        #expect(byPath["entities[1].requirements[1]"]?.contains("req-55") == true)
        #expect(byPath["entities[0].fields[6].name"]?.contains("two fields named \"email\"") == true)
        #expect(found.count == 10)
        // Still loads.
        #expect(try DesignCodec.decode(try DesignCodec.encode(d)) == d)
    }

    @Test func duplicateIdsAreErrors() {
        var d = lowLevelSample()
        d.endpoints[1].id = d.endpoints[0].id
        d.entities[1].id = "ent-1"
        #expect(Set(d.errors.map(\.path)) == ["endpoints[1].id", "entities[1].id"])
    }

    @Test func accessPatternsMayNameTheKeyAFieldOrAnIndex() {
        let e = lowLevelSample().entities[1]
        for name in ["primary key", "PK", "Primary Key", "links_by_owner", "owner_id", " url "] {
            #expect(e.hasIndex(named: name), "\(name)")
        }
        #expect(!e.hasIndex(named: "by_owner"))
    }

    @Test func newItemsGetTheNextFreeId() {
        var d = lowLevelSample()
        #expect(d.addEndpoint(.delete, "/links/{id}", servedBy: "comp-4") == "api-3")
        #expect(d.addEntity("tags", kind: .document) == "ent-3")
        #expect(d.endpoints(servedBy: "comp-4").count == 3)
        #expect(d.entities(heldBy: "comp-5").map(\.id) == ["ent-1", "ent-2"])
    }
}

/// Endpoints and entities written by hand need only what identifies them.
@Suite struct LowLevelHandWrittenTests {
    func withItems(_ endpoints: String, _ entities: String) throws -> String {
        let text = String(decoding: try DesignCodec.encode(sampleDesign()), as: UTF8.self)
        return text.replacingOccurrences(of: "\"endpoints\" : [\n\n  ]", with: "\"endpoints\" : \(endpoints)")
            .replacingOccurrences(of: "\"entities\" : [\n\n  ]", with: "\"entities\" : \(entities)")
    }

    @Test func theRestGetsDefaults() throws {
        let text = try withItems(
            #"[{"id": "api-1", "method": "post", "path": "/links", "errors": [{"code": "409"}], "request": [{"name": "url"}]}]"#,
            #"[{"id": "ent-1", "name": "links", "fields": [{"name": "id", "primaryKey": true}], "indexes": [{"fields": ["id"]}], "relationships": [{"cardinality": "1:N", "target": "ent-1"}], "accessPatterns": [{"query": "by id"}]}]"#)
        #expect(text.contains("\"api-1\""))
        let d = try DesignCodec.decode(Data(text.utf8))
        #expect(d.endpoints == [Endpoint(id: "api-1", method: .post, path: "/links", request: [.init(name: "url")],
                                         errors: [.init(code: "409")])])
        #expect(d.entities == [Entity(id: "ent-1", name: "links", fields: [.init(name: "id", primaryKey: true)],
                                      indexes: [.init(fields: ["id"])],
                                      relationships: [.init(cardinality: .oneToMany, target: "ent-1")],
                                      accessPatterns: [.init(query: "by id")])])
        // Nothing is unknown; saving writes every key, and that reads back the same.
        #expect(UnknownFields.find(in: Data(text.utf8), decoded: d) == [])
        let saved = try DesignCodec.encode(d)
        #expect(String(decoding: saved, as: UTF8.self).contains("\"pageSizeLimit\" : 0"))
        #expect(try DesignCodec.decode(saved) == d)
    }

    @Test func whatIdentifiesAnItemIsRequired() throws {
        for (endpoints, entities, path) in [
            (#"[{"id": "api-1", "path": "/x"}]"#, "[]", "endpoints[0]"),
            (#"[{"id": "api-1", "method": "fetch"}]"#, "[]", "endpoints[0].method"),
            ("[]", #"[{"id": "ent-1"}]"#, "entities[0]"),
            ("[]", #"[{"id": "ent-1", "name": "x", "fields": [{"type": "int"}]}]"#, "entities[0].fields[0]"),
            ("[]", #"[{"id": "ent-1", "name": "x", "kind": "graph"}]"#, "entities[0].kind"),
        ] {
            let data = Data(try withItems(endpoints, entities).utf8)
            let error: DesignLoadError?
            do { _ = try DesignCodec.decode(data); error = nil } catch let e { error = e }
            guard case .wrongShape(let p, let position, _)? = error else {
                Issue.record("\(path): got \(String(describing: error))")
                continue
            }
            #expect(p == path)
            #expect(position != nil)
        }
    }
}
