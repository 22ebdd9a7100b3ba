import Foundation
import Testing
import TestSupport
@testable import DesignModel

/// `canonicalJSON()` encodes straight into a `JSONValue`: it must be the value of the bytes a
/// save writes (parsed back), for every container kind the `Encoder` API has.
@Suite struct JSONValueEncoderTests {
    static func parsedReference<T: Encodable>(_ value: T) throws -> JSONValue {
        try JSONValue.parse(Array(try CanonicalJSONTests.reference(value).utf8))
    }

    @Test func everyContainerKindGivesTheValueOfTheSavedBytes() throws {
        let everything = CanonicalJSONTests.Everything()
        #expect(try JSONValueEncoding.value(of: everything) == Self.parsedReference(everything))
        #expect(try JSONValueEncoding.value(of: [everything, everything]) == Self.parsedReference([everything, everything]))
        #expect(try JSONValueEncoding.value(of: CanonicalJSONTests.awkward) == Self.parsedReference(CanonicalJSONTests.awkward))
        #expect(try JSONValueEncoding.value(of: ["é": 1, "a": 2]) == Self.parsedReference(["é": 1, "a": 2]))
        #expect(try JSONValueEncoding.value(of: [String: [Int]]()) == .object([]))
        #expect(throws: CanonicalJSONEncoder.Unsupported.self) { try JSONValueEncoding.value(of: [1.5]) }
    }

    @Test func designsGiveTheValueOfTheirSavedFile() throws {
        var sample = try sampleDesign()
        sample.title = CanonicalJSONTests.awkward
        #expect(try sample.canonicalJSON() == JSONValue.parse(Array(try DesignCodec.encode(sample))))
        var generator = DesignGenerator(seed: UInt64.random(in: 0...UInt64.max))
        let generated = generator.design(components: 40, flows: 60)
        #expect(try generated.canonicalJSON() == JSONValue.parse(Array(try DesignCodec.encode(generated))))
        // A key the canonical writer does not cover (non-ASCII) takes the JSONEncoder path: same value.
        var d = sample
        d.interview = InterviewRecord(plan: "standard", phases: [], scores: ["clarté": 2])
        #expect(try d.canonicalJSON() == JSONValue.parse(Array(try DesignCodec.encode(d))))
        #expect(try Design(json: try d.canonicalJSON()) == d)
    }
}
