import Foundation
import Testing
@testable import DesignModel

/// Fields the model does not know are found, so nothing drops them silently.
@Suite struct UnknownFieldsTests {
    static func canonical() throws -> (Design, String) {
        let d = try sampleDesign()
        return (d, String(decoding: try DesignCodec.encode(d), as: UTF8.self))
    }

    static func find(_ text: String) throws -> [String] {
        let data = Data(text.utf8)
        return UnknownFields.find(in: data, decoded: try DesignCodec.decode(data))
    }

    @Test func aFileSysdraftWroteHasNone() throws {
        let (_, text) = try Self.canonical()
        #expect(try Self.find(text) == [])
        // Reformatted by hand (one line, other key order): still nothing unknown.
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        let compact = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        #expect(compact != text)
        #expect(try Self.find(compact) == [])
    }

    @Test func addedFieldsAreNamedWithTheirPath() throws {
        let (_, text) = try Self.canonical()
        var edited = text.replacingOccurrences(of: "\"schemaVersion\" : \(Design.currentSchemaVersion),",
                                               with: "\"owner\" : \"ada\", \"schemaVersion\" : \(Design.currentSchemaVersion),")
        edited = edited.replacingOccurrences(of: "\"name\" : \"API\",", with: "\"name\" : \"API\", \"colour\" : \"red\", \"sla\" : {\"p99\" : 50},")
        edited = edited.replacingOccurrences(of: "\"notes\" : \"\",", with: "\"notes\" : \"\", \"gone\" : null,")
        #expect(try Self.find(edited) == ["components[1].colour", "components[1].sla", "owner"])
    }

    @Test func olderSchemasAreLeftToTheirMigration() throws {
        let v0 = try fixture("v0-prototype.json")
        #expect(UnknownFields.find(in: v0, decoded: try DesignCodec.decode(v0)) == [])
    }
}
