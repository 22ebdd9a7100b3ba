import Foundation
import Testing
import TestSupport
@testable import DesignModel

/// The fast encoder writes exactly `JSONEncoder`'s canonical bytes: files saved by this build and
/// earlier builds stay byte-identical, and `sysdraft fmt` output does not change.
@Suite struct CanonicalJSONTests {
    static func reference<T: Encodable>(_ value: T) throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        e.dateEncodingStrategy = .iso8601
        return String(decoding: try e.encode(value), as: UTF8.self)
    }

    static func fast<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try CanonicalJSONEncoder().encode(value), as: UTF8.self)
    }

    /// Every scalar from U+0000 to U+00A0, the separators and bidi controls, emoji, CJK,
    /// combining marks, quotes and slashes.
    static let awkward: String = {
        var s = ""
        for u in 0...0xA0 { s.unicodeScalars.append(Unicode.Scalar(u)!) }
        return s + "\u{2028}\u{2029}\u{202E}\u{2066}\u{200F}\u{FEFF}\u{FFFF}é e\u{301} 東京 👩‍💻 🇫🇷 \\/\"//\\\""
    }()

    @Test func theSampleAndTheWorkedExampleMatchJSONEncoder() throws {
        var sample = try sampleDesign()
        sample.title = Self.awkward
        sample.interview = InterviewRecord(plan: "standard", phases: [
            .init(key: "clarify", title: "Clarify", plannedSeconds: 600, actualSeconds: 655, stages: [.requirements]),
        ], scores: ["requirements": 3, "communication": 4], assessmentNote: "ok\n")
        #expect(try Self.fast(sample) == Self.reference(sample))
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Assets/examples/url-shortener.json").standardized
        let data = try Data(contentsOf: example)
        let design = try DesignCodec.decode(data)
        #expect(try DesignCodec.encode(design) == data, "the shipped example is canonical")
        #expect(try Self.fast(design) == Self.reference(design))
    }

    @Test func generatedDesignsMatchJSONEncoder() throws {
        let seed = UInt64.random(in: 0...UInt64.max)
        var g = SeededGenerator(seed: seed)
        let pieces = ["", " ", "a", "Cache", "\u{1b}[31m", "\t", "\n", "\r\n", "\"", "\\", "/", "東京", "👩‍💻",
                      "e\u{301}", "\u{7f}", "\u{85}", "\u{2028}", "|", "<b>", "{}", "[]", ":", ","]
        func text() -> String {
            (0..<Int.random(in: 0...6, using: &g)).map { _ in pieces.randomElement(using: &g)! }.joined()
        }
        for round in 0..<60 {
            var d = Design(title: text(), problem: text(),
                           now: Date(timeIntervalSince1970: Double(Int.random(in: 0...4_000_000_000, using: &g))))
            for _ in 0..<Int.random(in: 0...8, using: &g) {
                d.addComponent(name: text(), kind: Component.Kind.allCases.randomElement(using: &g)!,
                               responsibility: text(), technology: text(), notes: text())
            }
            for _ in 0..<Int.random(in: 0...10, using: &g) where !d.components.isEmpty {
                try d.addFlow(from: d.components.randomElement(using: &g)!.id, to: d.components.randomElement(using: &g)!.id,
                              label: text(), mode: Bool.random(using: &g) ? .sync : .async, notes: text())
            }
            for _ in 0..<Int.random(in: 0...5, using: &g) {
                d.addRequirement(Requirement.Kind.allCases.randomElement(using: &g)!, text(),
                                 category: Bool.random(using: &g) ? .latency : nil)
            }
            if Bool.random(using: &g) {
                d.addTradeOff(title: text(), options: [(text(), [text()], [text(), text()])], chosenIndex: 0, rationale: text())
            }
            d.updateStage(.security) { $0.notes = text() }
            d.addCustomItem(text(), to: .monitoring, done: Bool.random(using: &g))
            let fast = try DesignCodec.encode(d)
            // JSONEncoder's bytes with the hidden characters escaped (what every save writes).
            var expected = InvisibleEscapes.apply(try DesignCodec.referenceEncode(d))
            expected.append(0x0A)
            #expect(fast == expected, "seed \(seed), round \(round)")
            #expect(try DesignCodec.decode(fast) == d)
        }
    }

    /// The parts of the `Encoder` API the model does not use today still write what
    /// `JSONEncoder` writes, so a new field cannot silently change the file format.
    struct Everything: Encodable {
        enum K: String, CodingKey { case b, a, nested, list, nils, small, big, negative, sup, dup, none }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: K.self)
            try c.encode(true, forKey: .b)
            try c.encode("first", forKey: .a)
            var n = c.nestedContainer(keyedBy: K.self, forKey: .nested)
            try n.encode([Int](), forKey: .list)
            try n.encode([String: Int](), forKey: .dup)
            var l = c.nestedUnkeyedContainer(forKey: .list)
            try l.encode(1)
            try l.encodeNil()
            var inner = l.nestedContainer(keyedBy: K.self)
            try inner.encode(UInt8(7), forKey: .small)
            var deeper = l.nestedUnkeyedContainer()
            try deeper.encode([[String]]([[], ["x"]]))
            try c.encodeNil(forKey: .nils)
            try c.encode(UInt64.max, forKey: .big)
            try c.encode(Int64.min, forKey: .negative)
            try c.encodeIfPresent(String?.none, forKey: .none)
            try "via super".encode(to: c.superEncoder(forKey: .sup))
            try c.encode(["z": 1, "A": 2, "_": 3, "a10": 4, "a9": 5], forKey: .dup)
        }
    }

    @Test func everyContainerKindMatchesJSONEncoder() throws {
        #expect(try Self.fast(Everything()) == Self.reference(Everything()))
        #expect(try Self.fast([Everything(), Everything()]) == Self.reference([Everything(), Everything()]))
        #expect(try Self.fast(Self.awkward) == Self.reference(Self.awkward))
        #expect(try Self.fast([String: [Int]]()) == Self.reference([String: [Int]]()))
    }

    @Test func whatItDoesNotCoverFallsBackToJSONEncoder() throws {
        #expect(throws: CanonicalJSONEncoder.Unsupported.self) { try Self.fast(["é": 1]) }
        #expect(throws: CanonicalJSONEncoder.Unsupported.self) { try Self.fast([1.5]) }
        var d = try sampleDesign()
        d.interview = InterviewRecord(plan: "standard", phases: [], scores: ["clarté": 2])
        var expected = try DesignCodec.referenceEncode(d)
        expected.append(0x0A)
        #expect(try DesignCodec.encode(d) == expected, "a non-ASCII key takes the JSONEncoder path")
    }
}
