import DesignModel
import Foundation
import TestSupport
import Testing
@testable import DesignExport

/// Stage 3 (API) and stage 5 (data model) in the report, and the ER diagram.
@Suite struct LowLevelReportTests {
    /// Hostile text in every endpoint and entity field: through cmark-gfm every table keeps its
    /// rows and columns and shows the text as written, no raw HTML gets through, links resolve.
    @Test(arguments: [UInt64(21), 22, 23, 24])
    func hostileContractsKeepTheReportIntact(seed: UInt64) throws {
        let design = LowLevelDesigns.make(seed: seed, endpoints: 8, entities: 6, hostile: true)
        try checkReportStructure(design, Fixtures.catalogue())
    }

    @Test func sectionsSitInTheirStages() throws {
        let design = LowLevelDesigns.make(seed: 3, endpoints: 3, entities: 2, hostile: false)
        let md = MarkdownReport.render(design, catalogue: Fixtures.catalogue())
        let stage3 = try #require(section(md, "## 3. "))
        let stage5 = try #require(section(md, "## 5. "))
        #expect(stage3.contains("\n### API endpoints\n"))
        for e in design.endpoints { #expect(stage3.contains("\n#### \(e.id): \(e.method.label)")) }
        #expect(stage5.contains("\n### Data model\n") && stage5.contains("\n### Entity-relationship diagram\n"))
        #expect(stage5.contains("```mermaid\nerDiagram\n"))
        for e in design.entities { #expect(stage5.contains("\n#### \(e.id): ")) }

        let empty = MarkdownReport.render(Fixtures.emptyDesign(), catalogue: Fixtures.catalogue())
        #expect(try #require(section(empty, "## 3. ")).contains("### API endpoints\n\n_No API endpoints recorded yet._"))
        #expect(try #require(section(empty, "## 5. ")).contains("### Data model\n\n_No entities recorded yet._"))
        #expect(!empty.contains("erDiagram"))
    }

    /// With --only-started, endpoints or entities alone are enough to keep their stage.
    @Test func endpointsAndEntitiesStartTheirStage() throws {
        var d = Fixtures.emptyDesign()
        var options = MarkdownReport.Options()
        options.onlyStarted = true
        #expect(!MarkdownReport.render(d, catalogue: Fixtures.catalogue(), options: options).contains("\n## 3. "))
        d.addEndpoint(.get, "/health")
        d.addEntity("users")
        let md = MarkdownReport.render(d, catalogue: Fixtures.catalogue(), options: options)
        #expect(md.contains("\n## 3. ") && md.contains("\n## 5. ") && !md.contains("\n## 4. "))
    }

    @Test func theWorkedExampleShowsItsContracts() throws {
        let design = try #require(try Fixtures.workedExample())
        let catalogue = try #require(try Fixtures.shippedCatalogue())
        let html = try cmarkGFM(MarkdownReport.render(design, catalogue: catalogue))
        let api = try #require(HTML.tables(html).first { $0.headerCells == 6 && $0.bodyText.first?.first == "api-1" })
        #expect(api.bodyText.map { $0[0] } == design.endpoints.map(\.id.rawValue))
        #expect(html.contains("links"))
    }

    /// Every line of the ER diagram is one of the shapes it writes; quoted text holds no quote,
    /// percent, backslash or Mermaid syntax, and decodes back to the text shown.
    @Test(arguments: [UInt64(31), 32, 33, 34, 35])
    func erDiagramEscapesLikeTheFlowchart(seed: UInt64) throws {
        var design = LowLevelDesigns.make(seed: seed, endpoints: 0, entities: 25, hostile: true)
        design.entities[0].name = "\"; erDiagram\nclick e_ent_1 call alert(1) %%{init}%% \\ direction TB DIRECTION lr"
        design.entities[1].relationships = [.init(cardinality: .oneToOne, target: "ent-1", label: "Direction RL")]
        let mermaid = EntityDiagram.render(design)
        let quoted = #""([^"%\\]*)""#
        let shapes = [
            #"^erDiagram$"#,
            #"^    e_[A-Za-z0-9_]+\[\#(quoted)\]( \{)?$"#,
            #"^        [A-Za-z_][A-Za-z0-9_]* [A-Za-z_][A-Za-z0-9_]*( (PK|FK|UK)(, (PK|FK|UK))*)?( \#(quoted))?$"#,
            #"^    \}$"#,
            #"^    e_[A-Za-z0-9_]+ (\|\|--\|\||\|\|--o\{|\}o--o\{|\}o--\|\||\}o\.\.\|\|) e_[A-Za-z0-9_]+ : \#(quoted)$"#,
        ].map { try! NSRegularExpression(pattern: $0) }
        let lines = mermaid.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        for line in lines {
            let s = String(line)
            let range = NSRange(s.startIndex..., in: s)
            #expect(shapes.contains { $0.firstMatch(in: s, range: range) != nil }, "unexpected line \(s.debugDescription)")
            // Statements (outside attribute blocks, whose words the lexer reads as plain words)
            // hold no keyword outside quotes; no line is taken for a direction.
            let bare = s.replacingOccurrences(of: quoted, with: "Q", options: .regularExpression)
            if !s.hasPrefix("        ") {
                for word in ["click", "style", "classDef", "%%", "direction"] { #expect(!bare.contains(word), "\(s)") }
            }
            #expect(s.range(of: #"direction\s+(TB|BT|RL|LR)"#, options: [.regularExpression, .caseInsensitive]) == nil, "\(s)")
            // Attribute words are never the key keywords.
            if s.hasPrefix("        ") {
                let words = s.split(separator: " ")
                #expect(!["pk", "fk", "uk"].contains(words[0].lowercased()) && !["pk", "fk", "uk"].contains(words[1].lowercased()))
            }
        }
        // Names decode to the text shown.
        let ids = EntityDiagram.ids(design.entities)
        for e in design.entities {
            let prefix = "    \(ids[e.id]!)[\""
            let line = try #require(lines.first { $0.hasPrefix(prefix) })
            let encoded = line.dropFirst(prefix.count).prefix { $0 != "\"" }
            let caption = TextSafety.oneLine(e.name).isEmpty ? e.id.rawValue : TextSafety.oneLine(e.name)
            #expect(decode(String(encoded)) == caption)
        }
        #expect(mermaid.hasPrefix("erDiagram\n") && mermaid.hasSuffix("\n"))
    }

    @Test func relationshipsAndReferencesAreDrawn() {
        var d = Design(title: "", now: Fixtures.epoch)
        d.entities = [
            Entity(id: "ent-1", name: "users", fields: [.init(name: "id", primaryKey: true), .init(name: "pk")],
                   relationships: [.init(cardinality: .oneToMany, target: "ent-2", label: "owns")]),
            Entity(id: "ent-2", name: "links", fields: [
                .init(name: "id", primaryKey: true),
                .init(name: "owner id", nullable: true, references: .init(entity: "ent-1", field: "id")),
                .init(name: "tag_id", references: .init(entity: "ent-3", field: "id")),
                .init(name: "gone", references: .init(entity: "ent-9", field: "id")),
            ]),
            Entity(id: "ent-3", name: "tags", relationships: [.init(cardinality: .manyToMany, target: "ent-2"),
                                                            .init(cardinality: .oneToOne, target: "ent-404")]),
        ]
        let m = EntityDiagram.render(d)
        #expect(m.contains("    e_ent_1 ||--o{ e_ent_2 : \"owns\"\n"))
        #expect(m.contains("    e_ent_3 }o--o{ e_ent_2 : \"\"\n"))
        #expect(!m.contains("ent_404") && !m.contains("ent_9"))
        // links.tag_id has no declared relationship with tags: drawn from the reference.
        #expect(m.contains("    e_ent_2 }o--|| e_ent_3 : \"tag_id → id\"\n"))
        // owner id is covered by users' "owns" only from users' side, so it is drawn, dashed (nullable).
        #expect(m.contains("    e_ent_2 }o..|| e_ent_1 : \"owner id → id\"\n"))
        #expect(m.contains("        string owner_id FK \"owner id · nullable\"\n"))
        #expect(m.contains("        string pk_ \"pk\"\n"))
        #expect(m.contains("    e_ent_3[\"tags\"]\n"))
    }

    func section(_ md: String, _ heading: String) -> String? {
        guard let start = md.range(of: "\n" + heading) else { return nil }
        let rest = md[start.upperBound...]
        let end = rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }

    func decode(_ s: String) -> String {
        var out = s
        for (code, ch) in [("#quot;", "\""), ("#lt;", "<"), ("#gt;", ">"), ("#amp;", "&"), ("#37;", "%"),
                           ("#124;", "|"), ("#96;", "`"), ("#123;", "{"), ("#125;", "}"), ("#100;", "d"),
                           ("#68;", "D"), ("#92;", "\\"), ("#32;", " "), ("#35;", "#")] {
            out = out.replacingOccurrences(of: code, with: ch)
        }
        return out
    }
}
