import DesignExport
import DesignModel
import DesignReview

/// What the report's Design review section must hold, for the structure checks: its headings,
/// its tables (the coverage matrix or list, one per stage with open findings, accepted risks)
/// with the text of their cells, and its list items (the requirements nothing addresses).
enum ReviewReportExpectations {
    static func headings(_ catalogue: StageCatalogue) -> Set<String> {
        Set(["Requirements coverage", "Requirements nothing addresses", "Open findings", "Accepted risks"]
            + StageKey.allCases.map { MarkdownReport.stageHeading(catalogue[$0]) })
    }

    static func tables(_ design: Design, _ options: MarkdownReport.Options) -> [(cols: Int, rows: [[String?]])] {
        guard options.includeReview else { return [] }
        var out: [(cols: Int, rows: [[String?]])] = []
        let result = DesignReviewer.review(design, config: options.reviewConfig)
        if !design.requirements.isEmpty {
            let indirect = Traceability.indirectComponents(design)
            var seen = Set<String>()
            let columns = design.components.filter { c in
                seen.insert(c.id.rawValue).inserted
                    && (!c.requirements.isEmpty || indirect.values.contains { $0.contains(c.id.rawValue) })
            }
            if !columns.isEmpty {
                let cols = columns.count <= 24 ? columns.count + 2 : 3
                out.append((cols, design.requirements.map { r in
                    [r.id.rawValue + " " + TextSafety.oneLine(r.text)] + Array(repeating: nil, count: cols - 1)
                }))
            }
        }
        for key in StageKey.allCases {
            let found = result.open(in: key)
            if !found.isEmpty {
                out.append((5, found.map { [$0.severity.rawValue, TextSafety.oneLine($0.message), nil, TextSafety.oneLine($0.hint), $0.rule] }))
            }
        }
        if !result.accepted.isEmpty {
            out.append((4, result.accepted.map { [TextSafety.oneLine($0.finding.message), nil, TextSafety.oneLine($0.acceptance.reason), $0.finding.rule] }))
        }
        return out
    }

    static func listItems(_ design: Design, _ options: MarkdownReport.Options) -> Int {
        guard options.includeReview else { return 0 }
        return Traceability(design).unaddressed(in: design).count
    }
}
