import DesignExport
import DesignModel
import Foundation
import SequenceDiagram
import Testing

/// What the scenario sections add to a report, worked out from the design (for
/// `checkReportStructure`): their headings, code blocks (a Mermaid and a text diagram per
/// scenario with steps) and list items (one per step not in the architecture).
struct ScenarioReportParts {
    var headings: Set<String> = []
    var codeBlocks = 0
    var listItems = 0

    init(_ design: Design) {
        guard !design.scenarios.isEmpty else { return }
        headings.insert("Scenarios")
        if design.scenarios.contains(where: { $0.tag == .failure }) { headings.insert("Failure scenarios") }
        for s in design.scenarios {
            let name = TextSafety.oneLine(s.name), id = TextSafety.oneLine(s.id.rawValue)
            headings.insert(name.isEmpty ? id : "\(id): \(name)")
            if s.stepCount > 0 {
                codeBlocks += 2
                listItems += design.unsupportedSteps(in: s).count
            }
        }
    }
}

/// Reads a Mermaid `sequenceDiagram` the way Mermaid's lexer does for the statements sysdraft
/// writes: a `#` starts a comment unless it opens an entity code (`#quot;`, `#59;`), `;` ends
/// a statement, `%%` starts a comment, and text runs to the end of the line. Anything else is
/// an error, so user text that became syntax fails the test.
enum MermaidSequenceReader {
    enum Statement: Equatable {
        case participant(id: String, name: String)
        case message(from: String, arrow: String, to: String, text: String)
        case note(over: [String], text: String)
        case block(keyword: String, text: String)
        case end
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    static func read(_ text: String) throws -> [Statement] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.first == "sequenceDiagram" else { throw Failure(description: "no header") }
        if lines.last == "" { lines.removeLast() }
        var out: [Statement] = []
        var depth = 0
        for raw in lines.dropFirst() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            try checkLexically(line)
            if line == "autonumber" { continue }
            if line == "end" {
                depth -= 1
                if depth < 0 { throw Failure(description: "unbalanced end") }
                out.append(.end)
                continue
            }
            if let m = line.wholeMatch(of: /participant (p[0-9]+) as (.*)/) {
                out.append(.participant(id: String(m.1), name: decode(String(m.2))))
            } else if let m = line.wholeMatch(of: /(p[0-9]+)(->>|-->>|--\)|-\))(p[0-9]+):(.*)/) {
                out.append(.message(from: String(m.1), arrow: String(m.2), to: String(m.3), text: decode(String(m.4))))
            } else if let m = line.wholeMatch(of: /Note over (p[0-9]+)(?:,(p[0-9]+))?: (.*)/) {
                out.append(.note(over: [String(m.1)] + (m.2.map { [String($0)] } ?? []), text: decode(String(m.3))))
            } else if let m = line.wholeMatch(of: /(alt|else|opt|loop|par|and|critical|option)(?: (.*))?/) {
                if ["alt", "opt", "loop", "par", "critical"].contains(String(m.1)) { depth += 1 }
                out.append(.block(keyword: String(m.1), text: decode(m.2.map(String.init) ?? "")))
            } else {
                throw Failure(description: "not a statement sysdraft writes: \(line)")
            }
        }
        if depth != 0 { throw Failure(description: "\(depth) blocks left open") }
        return out
    }

    static func checkLexically(_ line: String) throws {
        if line.contains("%%") { throw Failure(description: "comment: \(line)") }
        var i = line.startIndex
        while i < line.endIndex {
            if line[i] == "#" {
                let rest = line[line.index(after: i)...]
                guard let m = rest.prefixMatch(of: /[A-Za-z0-9]+;/) else { throw Failure(description: "comment starts in \(line)") }
                i = m.range.upperBound
                continue
            }
            if line[i] == ";" { throw Failure(description: "statement break in \(line)") }
            i = line.index(after: i)
        }
        let lower = line.lowercased()
        for word in ["click", "link ", "links ", "properties", "details", "box", "activate", "deactivate", "create", "destroy", "title", "acc"]
            where lower.hasPrefix(word) {
            throw Failure(description: "directive-like line: \(line)")
        }
        if lower.hasPrefix("wrap:") || lower.contains(": wrap:") || lower.contains(": nowrap:") {
            throw Failure(description: "wrap directive: \(line)")
        }
    }

    /// Mermaid's entity decoding, then the trimming its parser does.
    static func decode(_ s: String) -> String {
        var out = ""
        var i = s.startIndex
        while i < s.endIndex {
            if s[i] == "#", let m = s[s.index(after: i)...].prefixMatch(of: /([A-Za-z0-9]+);/) {
                let name = String(m.1)
                switch name {
                case "quot": out += "\""
                case "lt": out += "<"
                case "gt": out += ">"
                case "amp": out += "&"
                default:
                    if let v = UInt32(name), let u = Unicode.Scalar(v) { out.unicodeScalars.append(u) } else { out += "#" + name + ";" }
                }
                i = m.range.upperBound
                continue
            }
            out.append(s[i])
            i = s.index(after: i)
        }
        return out.trimmingCharacters(in: .whitespaces)
    }
}

enum ScenarioFixtures {
    /// Mermaid sequence syntax and friends, beside the shared hostile strings.
    static let corpus = Fixtures.hostile + [
        "end", "End", ";", "a;b", "x ; y", "#", "#59;", "##", "%%", "%% comment", "%%{init: {}}%%", "-->", "->>", "-->>p2: x",
        "--)", "\"", "'single'", "<br>", "a<br/>b", "<br />", "wrap: text", "nowrap:x", ":wrap: y", "Note over p1: x",
        "participant p9 as evil", "alt x", "else", "autonumber", "direction TB", "loop\nend", "a\nend\nb",
        "activate p1", "title hi", "link p1: x@y", "&amp;", "#quot;", "p1->>p2: fake",
    ]

    /// A design whose every scenario text is one of the corpus strings.
    static func hostileScenarios() -> Design {
        var d = Fixtures.hostileDesign()
        let comps = d.components.map(\.id)
        let corpus = corpus
        for (i, text) in corpus.enumerated() {
            let a = comps[i % comps.count], b = comps[(i * 5 + 1) % comps.count]
            let kinds = ScenarioBlock.Kind.allCases
            let block = ScenarioBlock(kind: kinds[i % kinds.count], branches: [
                .init(condition: text, steps: [.step(ScenarioStep(from: b, to: a, message: text, kind: .reply))]),
            ] + (kinds[i % kinds.count].maxBranches == nil ? [.init(condition: text, steps: [.step(ScenarioStep(from: a, to: a, message: text))])] : []),
                                      attempts: i % 2 == 0 ? 2 : nil, timeout: i % 3 == 0 ? text : nil)
            d.addScenario(name: text, description: text + "\n\n" + text, tag: i % 4 == 0 ? .failure : .happyPath,
                          requirements: [d.requirements[i % d.requirements.count].id, "req-404"], steps: [
                              .step(ScenarioStep(from: a, to: b, message: text, kind: [.sync, .async, .reply][i % 3], notes: text)),
                              .block(block),
                          ])
        }
        d.addScenario(name: "", description: "no name, no steps")
        return d
    }

    static func workedExample() throws -> Design {
        try DesignCodec.decode(try Data(contentsOf: TestPaths.workedExample))
    }
}

@Suite struct ScenarioMermaidTests {
    @Test func everyCorpusStringComesOutAsText() throws {
        let d = ScenarioFixtures.hostileScenarios()
        for s in d.scenarios where s.stepCount > 0 {
            let mermaid = SequenceMermaid.render(s, in: d)
            let statements = try MermaidSequenceReader.read(mermaid)
            let expected = TextSafety.oneLine(s.name)
            let participants = statements.compactMap { if case .participant(_, let n) = $0 { n } else { nil } }
            #expect(participants.count == d.participants(of: s).count)
            let messages = statements.compactMap { if case .message(_, _, _, let t) = $0 { t } else { nil } }
            #expect(messages.count == s.stepCount)
            #expect(messages.allSatisfy { $0 == expected }, "\(expected.debugDescription): \(messages)")
            let notes = statements.compactMap { if case .note(_, let t) = $0 { t } else { nil } }
            #expect(notes == (expected.isEmpty ? [] : [expected]))
            let blocks = statements.compactMap { if case .block(let k, let t) = $0 { (k, t) } else { nil } }
            for (keyword, text) in blocks {
                switch keyword {
                case "critical": #expect(text.hasPrefix("retry") && text.hasSuffix(expected))
                case "option": #expect(text == "fallback" + (expected.isEmpty ? "" : ": " + expected))
                default: #expect(text == expected, "\(keyword) \(text.debugDescription)")
                }
            }
        }
    }

    @Test func theWorkedExampleReadsBack() throws {
        let d = try ScenarioFixtures.workedExample()
        for s in d.scenarios {
            let statements = try MermaidSequenceReader.read(SequenceMermaid.render(s, in: d))
            let messages = statements.compactMap { st -> (String, String, String)? in
                if case .message(let f, let a, let t, _) = st { (f, a, t) } else { nil }
            }
            let ids = d.participants(of: s)
            let expected = s.numberedSteps.map { n -> (String, String, String) in
                let arrow = n.step.kind == .sync ? "->>" : n.step.kind == .reply ? "-->>" : "--)"
                return ("p\(ids.firstIndex(of: n.step.from)! + 1)", arrow, "p\(ids.firstIndex(of: n.step.to)! + 1)")
            }
            #expect(messages.map { "\($0.0)\($0.1)\($0.2)" } == expected.map { "\($0.0)\($0.1)\($0.2)" })
        }
        let failure = SequenceMermaid.render(d.scenarios[2], in: d)
        #expect(failure.contains("    alt cache circuit breaker closed\n        critical retry 2 attempts, timeout 20 ms: cache lookup\n"))
        #expect(failure.contains("        option fallback: cache still unreachable\n"))
        #expect(failure.contains("    autonumber\n"))
    }

    @Test func escapingIsMinimal() {
        #expect(SequenceMermaid.text("GET /links") == "GET /links")
        #expect(SequenceMermaid.text("a;b") == "a#59;b")
        #expect(SequenceMermaid.text("C# <b>") == "C#35; #lt;b#gt;")
        #expect(SequenceMermaid.text("wrap: x") == "#119;rap: x")
        #expect(SequenceMermaid.text("x\ny") == "x / y")
    }
}

@Suite struct ScenarioReportTests {
    @Test func hostileScenariosKeepTheReportValidGFM() throws {
        let d = ScenarioFixtures.hostileScenarios()
        try checkReportStructure(d, Fixtures.catalogue())
        let md = MarkdownReport.render(d, catalogue: Fixtures.catalogue())
        let html = try cmarkGFM(md)
        // Each scenario's heading is its own text; Mermaid and text diagrams stay in code blocks.
        let h4 = Set(HTML.elements("h4", in: html).map(HTML.text))
        for s in d.scenarios {
            let name = TextSafety.oneLine(s.name)
            #expect(h4.contains(name.isEmpty ? s.id.rawValue : "\(s.id): \(name)"))
        }
        let drawn = d.scenarios.filter { $0.stepCount > 0 }.count
        #expect(HTML.count("<code class=\"language-mermaid\"", in: html) == drawn + 1)
        #expect(HTML.count("<code class=\"language-text\"", in: html) == drawn)
        #expect(md.contains("req-404 _(missing)_"))
    }

    @Test func scenariosCountAsWorkForOnlyStarted() throws {
        var d = Fixtures.emptyDesign()
        let a = d.addComponent(name: "A", kind: .client), b = d.addComponent(name: "B", kind: .service)
        d.addScenario(name: "Failing", tag: .failure, steps: [.step(ScenarioStep(from: a, to: b, message: "x"))])
        let md = MarkdownReport.render(d, catalogue: Fixtures.catalogue(), options: MarkdownReport.Options(onlyStarted: true))
        #expect(md.contains("### Failure scenarios"), "stage 6 is shown for its failure scenario")
        #expect(!md.contains("### Scenarios"), "stage 3 has nothing and stays hidden")
        let html = try cmarkGFM(md)
        #expect(HTML.elements("h2", in: html).map(HTML.text).contains { $0.hasPrefix("6. ") })
        #expect(HTML.elements("h3", in: html).map(HTML.text).contains("Failure scenarios"))
    }

    @Test func failureScenariosGoUnderReliability() throws {
        let d = try ScenarioFixtures.workedExample()
        let catalogue = try #require(try Fixtures.shippedCatalogue())
        try checkReportStructure(d, catalogue)
        let md = MarkdownReport.render(d, catalogue: catalogue)
        let html = try cmarkGFM(md)
        let order = headingsInOrder(html)
        func index(_ prefix: String) -> Int { order.firstIndex { $0.hasPrefix(prefix) } ?? -1 }
        #expect(index("3. ") < index("Scenarios") && index("Scenarios") < index("scen-1:") && index("scen-1:") < index("scen-2:"))
        #expect(index("scen-2:") < index("4. "))
        #expect(index("6. ") < index("Failure scenarios") && index("Failure scenarios") < index("scen-3:") && index("scen-3:") < index("7. "))
        #expect(md.contains("1 failure scenario is under [6. "))
        #expect(!md.contains("Not in the architecture"), "the worked example is consistent")
        #expect(md.contains("**Demonstrates:** req-1 (Create a short link for any valid long URL)"))
    }
}

@Suite struct ScenarioDiagramTests {
    /// The worked example's scenarios as text, in both forms at two widths. Reviewed by eye when
    /// recorded (SYSDRAFT_RECORD=1).
    @Test(arguments: [(120, false), (120, true), (72, false), (72, true)])
    func workedExampleGoldens(width: Int, ascii: Bool) throws {
        let d = try ScenarioFixtures.workedExample()
        #expect(d.scenarios.count >= 3)
        for s in d.scenarios {
            let drawing = ScenarioDiagram.render(s, in: d, options: SequenceOptions(ascii: ascii, width: width))
            #expect(drawing.width <= width && drawing.fits)
            if ascii {
                let plain = drawing.text().unicodeScalars.allSatisfy { $0.isASCII }
                #expect(plain, "the worked example's texts are ASCII, so its ASCII drawings are too")
            }
            expectGolden(drawing.text(), "sequence/\(s.id)-w\(width)\(ascii ? "-ascii" : "").txt")
        }
    }

    @Test func theWorkedExampleIsConsistentWithItsArchitecture() throws {
        let d = try ScenarioFixtures.workedExample()
        #expect(d.findings().filter { $0.path.hasPrefix("scenarios") }.isEmpty)
        for s in d.scenarios {
            #expect(d.unsupportedSteps(in: s).isEmpty, "\(s.id)")
            #expect(s.numberedSteps.allSatisfy { d.flowMatch(for: $0.step) != .missing })
        }
        #expect(d.scenarios.map(\.tag) == [.happyPath, .happyPath, .failure])
        let failure = d.scenarios[2]
        func kinds(_ nodes: [ScenarioNode]) -> [ScenarioBlock.Kind] {
            nodes.flatMap { n -> [ScenarioBlock.Kind] in
                guard case .block(let b) = n else { return [] }
                return [b.kind] + b.branches.flatMap { kinds($0.steps) }
            }
        }
        #expect(kinds(failure.steps).contains(.retry), "the cache-down scenario retries, then falls back")
        let usage = d.usage(of: d.scenarios[1])
        #expect(usage.flows == ["flow-2", "flow-3", "flow-4", "flow-9", "flow-11", "flow-12", "flow-13"])
        #expect(usage.components.count == 8)
    }

    @Test func participantsMissingFromTheDesignAreNamedSo() throws {
        var d = try ScenarioFixtures.workedExample()
        d.scenarios[0].steps.append(.step(ScenarioStep(from: "comp-1", to: "comp-99", message: "who?")))
        let text = ScenarioDiagram.text(d.scenarios[0], in: d)
        #expect(text.contains("comp-99 (missing)"))
        #expect(SequenceMermaid.render(d.scenarios[0], in: d).contains("as comp-99 (missing)"))
    }
}
