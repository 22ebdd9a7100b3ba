import DesignExport
import DesignModel
import Foundation
import TerminalText
import Testing

/// What every export format writes is safe on a terminal: no raw control, bidi, zero-width or
/// other invisible character; the JSON export keeps every value exactly (escapes, read back
/// the same); DOT labels stay within graphviz's limit.
@Suite struct OutputSafetyTests {
    /// One of each kind of character that must not reach a terminal raw.
    static let invisibles: [Unicode.Scalar] = {
        var v: [UInt32] = Array(0x00...0x1F) + [0x7F] + Array(0x80...0x9F)
        v += [0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x180B, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F,
              0x2028, 0x2029, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064,
              0x2066, 0x2067, 0x2068, 0x2069, 0x206A, 0x206F, 0x3164, 0xFE00, 0xFE0F, 0xFEFF, 0xFFA0, 0xFFF9, 0xFFFB,
              0xFFFE, 0xFFFF, 0x1BCA0, 0x1D173, 0xE0001, 0xE0041, 0xE007F, 0xE0100, 0xE01EF, 0x1FFFE, 0x10FFFF]
        return v.map { Unicode.Scalar($0)! }
    }()

    /// A design whose every text field carries all of them, between ASCII letters (where a
    /// joiner or selector has nothing to shape) and beside emoji (where it has).
    static func design() throws -> Design {
        let all = String(String.UnicodeScalarView(invisibles))
        let text = "ad" + all + "min"
        var d = Design(title: "Title " + text, problem: "Problem " + text, now: Date(timeIntervalSince1970: 1_790_000_000))
        d.addRequirement(.functional, "Req " + text)
        let a = d.addComponent(name: "A " + text, kind: .service, responsibility: "R " + text, technology: "T " + text)
        let b = d.addComponent(name: "B 👩‍💻 ❤️ 1️⃣ क्‍ष", kind: .database)
        try d.addFlow(from: a, to: b, label: "flow " + text)
        d.addTradeOff(title: "Trade " + text, stage: .dataStorage, options: [("opt " + text, ["pro " + text], ["con " + text])],
                      chosenIndex: 0, rationale: "why " + text, status: .accepted)
        d.updateStage(.requirements) { $0.notes = "notes " + text }
        d.addCustomItem("item " + text, to: .requirements)
        return d
    }

    static func catalogue() -> StageCatalogue { Fixtures.catalogue() }

    /// The scalars at which `text` has something a terminal would act on or hide.
    static func rawProblems(_ text: String, format: ExportFormat) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var out: [String] = []
        for (i, s) in scalars.enumerated() {
            let v = s.value
            let control = (v < 0x20 && v != 0x0A) || v == 0x7F || (0x80...0x9F).contains(v)
            let hidden = format == .json ? JSONExport.mustEscape(s) : InvisibleCharacters.mustShow(scalars, at: i)
            if control || hidden { out.append("U+" + String(v, radix: 16, uppercase: true) + " at \(i)") }
        }
        return out
    }

    @Test(arguments: ExportFormat.allCases)
    func noFormatWritesARawControlOrInvisibleCharacter(format: ExportFormat) throws {
        let out = try Exporter.export(try Self.design(), catalogue: Self.catalogue(), format: format)
        let problems = Self.rawProblems(out, format: format)
        #expect(problems.isEmpty, "\(format): \(problems.prefix(20))")
    }

    /// For people (Markdown, Mermaid, DOT) the invisible characters are shown as U+XXXX;
    /// joiners and selectors that shape emoji and scripts are kept as they are.
    @Test func readableFormatsShowInvisiblesAndKeepEmojiSequences() throws {
        let md = try Exporter.export(try Self.design(), catalogue: Self.catalogue(), format: .markdown)
        #expect(md.contains("U+200B") && md.contains("U+200D") && md.contains("U+FEFF") && md.contains("U+E0041"))
        #expect(md.contains("👩‍💻"), "the ZWJ sequence is drawn as one emoji")
        #expect(md.contains("❤️") && md.contains("1️⃣") && md.contains("क्‍ष"))
        let dot = try Exporter.export(try Self.design(), catalogue: Self.catalogue(), format: .dot)
        #expect(dot.contains("U+200B"))
        let r = try runTool("dot", ["-Tsvg"], input: dot)
        #expect(r.status == 0, "dot failed: \(r.stderr)")
    }

    /// The JSON export escapes, it does not replace: read back, it is the same design, and
    /// the escapes are valid JSON (also for characters beyond U+FFFF, as surrogate pairs).
    @Test func theJSONExportRoundTripsExactly() throws {
        let design = try Self.design()
        let json = try Exporter.export(design, catalogue: Self.catalogue(), format: .json)
        #expect(json.contains("\\u200b") && json.contains("\\u0085") && json.contains("\\udb40\\udc41"), "tag A as a pair")
        #expect(try DesignCodec.decode(Data(json.utf8)) == design)
        let generic = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect((generic?["title"] as? String) == design.title)
        // Without such characters the export is the canonical file, byte for byte.
        var plain = design
        plain.title = "Plain"
        plain.problem = "Plain — with an em dash, 漢字 and 🚀"
        plain.components = []
        plain.flows = []
        plain.tradeOffs = []
        plain.requirements = []
        plain.stages = Design(title: "", now: Date(timeIntervalSince1970: 0)).stages
        #expect(try Exporter.export(plain, catalogue: Self.catalogue(), format: .json)
                == String(decoding: try DesignCodec.encode(plain), as: UTF8.self))
    }

    /// Graphviz refuses a quoted string longer than about 16 KB. Long labels are cut, with a
    /// marker, and `dot` reads the result — also with multi-byte characters and characters
    /// that quoting makes longer (`&`, `\`, `"`).
    @Test func longDotLabelsAreCutToGraphvizsLimit() throws {
        for filler in ["a", "é", "漢", "&", "\\", "\"", "🚀", "a&b\\c\"d"] {
            var d = Design(title: "Long labels", now: Date(timeIntervalSince1970: 0))
            let long = String(repeating: filler, count: 40_000 / filler.count)
            let a = d.addComponent(name: long, kind: .service)
            let b = d.addComponent(name: "short", kind: .database)
            try d.addFlow(from: a, to: b, label: long)
            d.title = long
            let dot = DotExport.render(d)
            #expect(dot.contains("(cut: \(long.count) characters in all)"), "\(filler)")
            let r = try runTool("dot", ["-Tsvg"], input: dot)
            #expect(r.status == 0, "\(filler): dot failed: \(r.stderr.prefix(300))")
        }
        // Up to the limit nothing is cut.
        let fits = String(repeating: "x", count: DotExport.maximumLabelBytes)
        #expect(DotExport.quote(fits) == "\"" + fits + "\"")
        #expect(DotExport.quote(fits + "x").hasSuffix("(cut: \(fits.count + 1) characters in all)\""))
        #expect(DotExport.quote(fits + "x").utf8.count <= DotExport.maximumLabelBytes + 2)
    }

    /// Interview numbers at the ends of `Int` (as a design built in memory may hold; loading
    /// refuses them) never trap an exporter.
    @Test func extremeInterviewNumbersNeverTrapAnExport() throws {
        for value in [Int.min, -1, 0, InterviewRecord.maximumSeconds, Int.max - 1, Int.max] {
            var d = Design(title: "Numbers", now: Date(timeIntervalSince1970: 0))
            d.interview = InterviewRecord(plan: "p", phases: [
                .init(key: "a", title: "A", plannedSeconds: value, extraSeconds: value, actualSeconds: value),
                .init(key: "b", title: "B", plannedSeconds: value, extraSeconds: value, actualSeconds: value),
            ], currentPhase: value, pausedSeconds: value, pauses: value, suspendedSeconds: value,
                scores: ["communication": value])
            for format in ExportFormat.allCases {
                let out = try Exporter.export(d, catalogue: Self.catalogue(), format: format)
                #expect(!out.isEmpty)
            }
        }
    }
}
