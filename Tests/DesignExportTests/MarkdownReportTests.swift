import DesignExport
import DesignModel
import Foundation
import Interview
import Testing

/// Renders a report with the real GFM renderer and checks its structure against the document:
/// headings, tables, task-list boxes, lists, links and the absence of raw HTML.
func checkReportStructure(_ design: Design, _ catalogue: StageCatalogue,
                          options: MarkdownReport.Options = MarkdownReport.Options(),
                          sourceLocation: SourceLocation = #_sourceLocation) throws {
    let md = MarkdownReport.render(design, catalogue: catalogue, options: options)
    let html = try cmarkGFM(md)
    let unsafe = try cmarkGFM(md, unsafe: true)

    // Headings: one h1 (the title), then exactly Progress, the ten stages in order, and the
    // interview appendix when there is an interview.
    #expect(HTML.count("<h1", in: html) == 1, sourceLocation: sourceLocation)
    var h2 = ["Progress"] + StageKey.allCases.map { "\($0.number). " + TextSafety.oneLine(catalogue[$0].title) }
    if design.interview != nil && options.includeInterview { h2.append("Appendix: mock interview") }
    #expect(HTML.elements("h2", in: html).map(HTML.text) == h2, sourceLocation: sourceLocation)
    #expect(HTML.count("<h5", in: html) == 0 && HTML.count("<h6", in: html) == 0, sourceLocation: sourceLocation)
    let recordTitles = design.tradeOffs.map { t in
        TextSafety.oneLine(t.title).isEmpty ? TextSafety.oneLine(t.id.rawValue)
            : TextSafety.oneLine(t.id.rawValue) + ": " + TextSafety.oneLine(t.title)
    }
    let fixed: Set<String> = lowLevelHeadings(design).union(["Checklist", "Notes", "Requirements", "Functional", "Non-functional", "Constraints",
                              "Components", "Data flows", "Architecture diagram", "Trade-offs", "Timing log",
                              "Self-assessment", "Risks", "Open questions",
                              "Capacity estimates", "Load on the data flows", "Component capacity",
                              "What was added, per phase", "Flags", "Curveball", "Key points", "Activity log"])
    let scenarioParts = ScenarioReportParts(design)
    let h3 = HTML.elements("h3", in: html).map(HTML.text) + HTML.elements("h4", in: html).map(HTML.text)
    for h in h3 where !fixed.contains(h) && !recordTitles.contains(h) && !scenarioParts.headings.contains(h) {
        Issue.record("unexpected heading \"\(h)\"", sourceLocation: sourceLocation)
    }
    #expect(HTML.elements("h3", in: html).map(HTML.text).filter { recordTitles.contains($0) && !fixed.contains($0) }.count
            == recordTitles.filter { !fixed.contains($0) }.count, sourceLocation: sourceLocation)

    // Tables, in order, with row counts and the text of user cells as the document has it.
    var expected: [(cols: Int, rows: [[String?]])] = []
    expected.append((4, Array(repeating: [nil, nil, nil, nil], count: 11)))
    if !design.requirements.isEmpty {
        for kind in Requirement.Kind.allCases {
            let reqs = design.requirements.filter { $0.kind == kind }
            if !reqs.isEmpty {
                expected.append((5, reqs.map { [$0.id.rawValue, TextSafety.oneLine($0.text), nil, nil,
                                                TextSafety.oneLine($0.notes)] }))
            }
        }
    }
    expected += capacityEstimateTables(design)
    if !design.components.isEmpty {
        expected.append((6, design.components.map {
            [$0.id.rawValue, TextSafety.oneLine($0.name), $0.kind.label, TextSafety.oneLine($0.responsibility),
             TextSafety.oneLine($0.technology), TextSafety.oneLine($0.notes)]
        }))
    }
    if !design.flows.isEmpty {
        expected.append((7, design.flows.map {
            [$0.id.rawValue, nil, TextSafety.oneLine($0.label), TextSafety.oneLine($0.protocolLabel), $0.mode.label,
             $0.direction.label, TextSafety.oneLine($0.notes)]
        }))
    }
    expected += loadTables(design)
    expected += lowLevelTables(design)
    if !design.risks.isEmpty {
        expected.append((7, design.risks.map { [$0.id.rawValue, TextSafety.oneLine($0.text), nil, nil, nil, nil, nil] }))
    }
    if !design.questions.isEmpty {
        expected.append((6, design.questions.map { [$0.id.rawValue, TextSafety.oneLine($0.text), nil, nil, nil, nil] }))
    }
    var coachItems = 0
    if let r = design.interview, options.includeInterview {
        if !r.phases.isEmpty { expected.append((5, Array(repeating: [nil, nil, nil, nil, nil], count: r.phases.count + 1))) }
        // The coach's sections: what was added per phase, the key points, the activity log.
        if !r.timeline.isEmpty { expected.append((5, Array(repeating: [nil, nil, nil, nil, nil], count: r.phases.count))) }
        if !r.keyPoints.isEmpty {
            expected.append((4, r.keyPoints.map { [$0.covered ? "✓" : "✗", $0.kind, TextSafety.oneLine($0.text), nil] }))
        }
        if !r.timeline.isEmpty { expected.append((3, Array(repeating: [nil, nil, nil], count: r.timeline.count))) }
        let review = CoachingReview(record: r)
        coachItems = max(1, review.flags.count) + (!r.finished && !review.pending.isEmpty ? 1 : 0)
        let extra = Set(r.scores.keys).subtracting(InterviewRecord.Dimension.allCases.map(\.rawValue)).count
        expected.append((3, InterviewRecord.Dimension.allCases.map { d in
            [d.title, nil, r.evidence[d.rawValue].map { TextSafety.oneLine($0) } ?? "—"]
        } + Array(repeating: [nil, nil, nil], count: extra)))
    }
    let tables = HTML.tables(html)
    #expect(tables.count == expected.count, "tables", sourceLocation: sourceLocation)
    for (t, e) in zip(tables, expected) {
        #expect(t.headerCells == e.cols, sourceLocation: sourceLocation)
        #expect(t.rows.count == e.rows.count, sourceLocation: sourceLocation)
        #expect(t.rows.allSatisfy { $0 == e.cols }, sourceLocation: sourceLocation)
        for (row, want) in zip(t.bodyText, e.rows) {
            for (got, w) in zip(row, want) where w != nil {
                #expect(got == w!, sourceLocation: sourceLocation)
            }
        }
    }

    // Task-list boxes: one per checklist item (catalogue and custom), ticked as in the document.
    let items = StageKey.allCases.map { catalogue[$0].items.count + design.stage($0).custom.count }.reduce(0, +)
    let ticked = StageKey.allCases.map { design.progress(of: $0, in: catalogue).done }.reduce(0, +)
    #expect(HTML.count("<input type=\"checkbox\"", in: html) == items, sourceLocation: sourceLocation)
    #expect(HTML.count("checked=\"\"", in: html) == ticked, sourceLocation: sourceLocation)

    // List items: checklist items, links to tagged trade-offs, options with their pros and cons.
    let tagged = design.tradeOffs.filter { $0.stage != .tradeOffs }.count
    let optionItems = design.tradeOffs.flatMap(\.options).map { 1 + $0.pros.count + $0.cons.count }.reduce(0, +)
    #expect(HTML.count("<li", in: html) == items + tagged + optionItems + scenarioParts.listItems + lowLevelListItems(design) + coachItems,
            sourceLocation: sourceLocation)

    // Links: only internal anchors and bare web URLs; never javascript:.
    #expect(!html.lowercased().contains("javascript:\""), sourceLocation: sourceLocation)
    for href in HTML.hrefs(unsafe) {
        #expect(href.hasPrefix("#") || href.hasPrefix("http://") || href.hasPrefix("https://")
                || href.hasPrefix("mailto:"), "href \(href)", sourceLocation: sourceLocation)
    }
    // Every internal link points at a heading GitHub would anchor (checked with our slugger,
    // whose rules are tested on their own).
    var slugger = HeadingSlugger()
    var anchors = Set<String>()
    for heading in headingsInOrder(html) { anchors.insert(slugger.slug(heading)) }
    for href in HTML.hrefs(html) where href.hasPrefix("#") {
        let target = String(href.dropFirst()).removingPercentEncoding ?? ""
        #expect(anchors.contains(target), "dangling link \(href)", sourceLocation: sourceLocation)
    }

    // No raw HTML: nothing was even recognised as HTML, and with --unsafe only tags Markdown
    // itself produces appear.
    #expect(!html.contains("raw HTML omitted"), sourceLocation: sourceLocation)
    let allowed: Set<String> = ["h1", "h2", "h3", "h4", "p", "strong", "em", "table", "thead", "tbody", "tr",
                                "th", "td", "ul", "ol", "li", "input", "a", "pre", "code", "br"]
    let seen = Set(HTML.tagNames(unsafe))
    #expect(seen.isSubset(of: allowed), "unexpected tags \(seen.subtracting(allowed))", sourceLocation: sourceLocation)
    #expect(!unsafe.lowercased().contains("<script"), sourceLocation: sourceLocation)
    #expect(unsafe == html, "raw HTML made a difference", sourceLocation: sourceLocation)
    #expect(HTML.count("<pre", in: html) == (design.components.isEmpty ? 0 : (options.textDiagram == nil ? 1 : 2)) + scenarioParts.codeBlocks
            + (design.entities.isEmpty ? 0 : 1),
            sourceLocation: sourceLocation)
}

/// Plain text of every h1–h4, in document order.
func headingsInOrder(_ html: String) -> [String] {
    let regex = try! NSRegularExpression(pattern: "<h[1-4]>(.*?)</h[1-4]>")
    let ns = html as NSString
    return regex.matches(in: html, range: NSRange(location: 0, length: ns.length))
        .map { HTML.text(ns.substring(with: $0.range(at: 1))) }
}

@Suite struct MarkdownReportTests {
    @Test func hostileDesignKeepsItsStructureInGFM() throws {
        try checkReportStructure(Fixtures.hostileDesign(), Fixtures.catalogue())
    }

    /// The text diagram drawn by the diagram engine, hostile labels and all, stays inside its
    /// code block.
    @Test func hostileDesignWithTheEnginesTextDiagram() throws {
        let design = Fixtures.hostileDesign()
        let options = MarkdownReport.Options(textDiagram: DesignDiagram.text(design))
        try checkReportStructure(design, Fixtures.catalogue(), options: options)
    }

    @Test func hostileDesignWithShippedCatalogue() throws {
        let catalogue = try #require(try Fixtures.shippedCatalogue() ?? Optional(Fixtures.catalogue()))
        var design = Fixtures.hostileDesign()
        design.stages = StageKey.allCases.map { StageState(stage: $0, done: [], custom: design.stage($0).custom,
                                                           notes: design.stage($0).notes) }
        for s in catalogue.stages.prefix(3) { design.updateStage(s.key) { $0.setDone(s.items[0].key, true) } }
        try checkReportStructure(design, catalogue)
    }

    @Test func emptyDesignShowsEveryStageAsNotStarted() throws {
        let design = Fixtures.emptyDesign()
        try checkReportStructure(design, Fixtures.catalogue())
        let md = MarkdownReport.render(design, catalogue: Fixtures.catalogue())
        #expect(HTML.count("**Status:** Not started — 0 of ", in: md) == 10)
        #expect(md.hasPrefix("# Untitled design\n"))
        #expect(md.contains("|  | **Overall** | 0/"))
        #expect(md.contains("**not started** |"))
    }

    @Test func textDiagramFollowsTheMermaidBlock() throws {
        let design = Fixtures.hostileDesign()
        let diagram = "┌─────┐\n│ a|b │──▶ ``` <script>\u{1B}[2J\n└─────┘\n"
        let options = MarkdownReport.Options(textDiagram: diagram)
        try checkReportStructure(design, Fixtures.catalogue(), options: options)
        let md = MarkdownReport.render(design, catalogue: Fixtures.catalogue(), options: options)
        let mermaidEnd = try #require(md.range(of: "```mermaid\n")).upperBound
        let close = try #require(md[mermaidEnd...].range(of: "\n```\n"))
        #expect(md[close.upperBound...].hasPrefix("\n````text\n┌─────┐\n│ a|b │──▶ ``` <script>^[[2J\n└─────┘\n````\n"))
        let html = try cmarkGFM(md)
        let pre = HTML.elements("pre", in: html)
        #expect(pre.count == 2)
        #expect(HTML.text(pre[1]) == "┌─────┐\n│ a|b │──▶ ``` <script>^[[2J\n└─────┘\n")
        // Without the option there is no text block.
        #expect(!MarkdownReport.render(design, catalogue: Fixtures.catalogue()).contains("```text"))
    }

    @Test func interviewAppendixCanBeLeftOut() throws {
        let design = Fixtures.hostileDesign()
        let options = MarkdownReport.Options(includeInterview: false)
        try checkReportStructure(design, Fixtures.catalogue(), options: options)
        #expect(!MarkdownReport.render(design, catalogue: Fixtures.catalogue(), options: options)
            .contains("mock interview"))
    }

    @Test func progressTableMatchesTheModel() throws {
        let design = Fixtures.hostileDesign()
        let catalogue = Fixtures.catalogue()
        let html = try cmarkGFM(MarkdownReport.render(design, catalogue: catalogue))
        let progress = try #require(HTML.tables(html).first)
        var done = 0, total = 0
        for (i, key) in StageKey.allCases.enumerated() {
            let p = design.progress(of: key, in: catalogue)
            done += p.done
            total += p.total
            #expect(progress.bodyText[i] == ["\(key.number)", TextSafety.oneLine(catalogue[key].title),
                                             "\(p.done)/\(p.total)", p.status.rawValue])
        }
        #expect(progress.bodyText[10] == ["", "Overall", "\(done)/\(total)", "in progress"])
        // Stage 6 has everything ticked, stage 10 only a decision record, stage 9 blank notes.
        #expect(progress.bodyText[5][3] == "done")
        #expect(progress.bodyText[8][3] == "not started")
    }

    @Test func decisionRecordsAreLinkedFromTheirStages() throws {
        let design = Fixtures.hostileDesign()
        let md = MarkdownReport.render(design, catalogue: Fixtures.catalogue())
        #expect(md.contains("(#trade-1-sql--nosql-bb)"))
        #expect(md.contains("(#trade-2-sql--nosql-bb)"))
        #expect(md.contains("- Decision record [trade-3: Cache 🚀 strategy](#trade-3-cache--strategy) (proposed)"))
        // Stage 10 links nowhere else but holds all five records.
        let html = try cmarkGFM(md)
        let tail = try #require(html.range(of: "10. Stage 10"))
        #expect(HTML.count("<h3>trade-", in: String(html[tail.upperBound...])) == 5)
        #expect(md.contains("1. \\- \\[x\\] Postgres — **chosen**"))
        #expect(md.contains("**Decision:** \\- \\[x\\] Postgres"))
    }

    @Test func outputIsDeterministic() {
        let d = Fixtures.hostileDesign()
        #expect(MarkdownReport.render(d, catalogue: Fixtures.catalogue())
                == MarkdownReport.render(d, catalogue: Fixtures.catalogue()))
    }
}
