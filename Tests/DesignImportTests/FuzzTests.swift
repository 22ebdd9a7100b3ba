import DesignModel
import Foundation
import Testing
import TestSupport
@testable import DesignImport

/// Random bytes, random tokens of each language and every truncation of the samples: each
/// import ends with a design or an error, never a crash; the design is always valid; and the
/// parsers read each byte a bounded number of times (`work`), which is what keeps them fast
/// on any input — checked by counting, not by timing.
@Suite struct FuzzTests {
    static let tokens: [ImportFormat: [String]] = [
        .mermaid: ["graph", "flowchart", "LR", "TD", "subgraph", "end", "-->", "---", "-.->", "==>", "<-->", "--o", "x--x",
                   "|", "[", "]", "(", ")", "((", "))", "[(", ")]", "{", "}", "{{", "}}", ">", "&", ";", ":::", "@{",
                   "\"", "%%", "classDef", "style", "click", "A", "B", "node-1", "-- text -->", "#quot;", "\n", " ", "\t",
                   "direction", "class", "kind_database", "-.", ".->", "==", "\u{1B}[31m", "漢字", "\r\n"],
        .structurizr: ["workspace", "model", "views", "person", "softwareSystem", "container", "component", "group",
                       "=", "->", "{", "}", "\"", "\"name\"", "a", "b", "!identifiers", "hierarchical", "/*", "*/", "//",
                       "#", "\n", " ", "tags", "description", "technology", "this", "a.b", "\\", "\u{0}"],
        .d2: ["a", "b", "c.d", "->", "<-", "<->", "--", ":", "{", "}", ";", "\"", "'", "shape", "cylinder", "queue",
              "label", "style.fill", "#", "\n", " ", "|md", "|", "layers", "(a -> b)[0]", "*", "...@x", "sql_table",
              "\\", "null"],
    ]

    func check(_ text: String, _ format: ImportFormat, _ what: String) {
        let bytes = text.utf8.count
        do {
            let diagram = try DesignImporter.parse(text, format: format)
            #expect(diagram.work <= 16 * bytes + 64, "\(what): \(diagram.work) reads for \(bytes) bytes")
            if let r = try? DesignImporter.importDesign(text, format: format) {
                #expect(r.design.errors.isEmpty, "\(what): \(r.design.errors)")
                #expect((try? DesignCodec.decode(DesignCodec.encode(r.design))) == r.design, "\(what)")
            }
        } catch {
            #expect(!error.message.isEmpty)
        }
    }

    @Test(arguments: ImportFormat.allCases)
    func randomTokens(format: ImportFormat) {
        var rng = SeededGenerator(seed: 0xF022 &+ UInt64(format.rawValue.count))
        let vocabulary = Self.tokens[format]!
        let header = format == .mermaid ? "graph LR\n" : ""
        for round in 0..<400 {
            let n = rng.int(80)
            let text = header + (0..<n).map { _ in vocabulary[rng.int(vocabulary.count)] }.joined(separator: rng.int(2) == 0 ? " " : "")
            check(text, format, "\(format) tokens round \(round)")
        }
    }

    @Test(arguments: ImportFormat.allCases)
    func randomBytes(format: ImportFormat) {
        var rng = SeededGenerator(seed: 0xB17E5 &+ UInt64(format.rawValue.count))
        for round in 0..<200 {
            let bytes = (0..<rng.int(300)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            check((format == .mermaid ? "graph TD\n" : "") + String(decoding: bytes, as: UTF8.self), format, "\(format) bytes round \(round)")
        }
    }

    @Test func everyTruncationOfTheSamples() {
        let samples: [(String, ImportFormat)] = [
            (Samples.mermaidCheckout, .mermaid), (Samples.mermaidTopDown, .mermaid), (Samples.structurizrBank, .structurizr),
            (Samples.structurizrFlat, .structurizr), (Samples.d2Photos, .d2), (Samples.d2Plain, .d2),
        ]
        for (text, format) in samples {
            let chars = Array(text)
            var cut = 0
            while cut <= chars.count {
                check(String(chars[..<cut]), format, "\(format) cut at \(cut)")
                cut += 5
            }
        }
    }

    /// Deep nesting and very long lines stay linear.
    @Test func pathologicalShapes() {
        check("graph LR\n" + String(repeating: "subgraph s\n", count: 5_000) + "A-->B\n", .mermaid, "deep subgraphs")
        check("graph LR\n" + (0..<3_000).map { "n\($0)" }.joined(separator: " --> "), .mermaid, "long chain")
        check("graph LR\nA[" + String(repeating: "(", count: 50_000), .mermaid, "unclosed label")
        check("graph LR\nA" + String(repeating: " -- x", count: 20_000), .mermaid, "unclosed text arrows")
        check(String(repeating: "a = softwareSystem \"x\" {\n", count: 3_000), .structurizr, "deep blocks")
        check(String(repeating: "a.", count: 50_000) + "b -> c", .d2, "deep path")
        check(String(repeating: "x: {\n", count: 5_000), .d2, "deep containers")
        check(String(repeating: "\"", count: 10_001), .d2, "quotes")
    }
}
