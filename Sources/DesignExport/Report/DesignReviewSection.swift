import DesignModel
import DesignReview

/// The report's `## Design review`: requirements coverage (a matrix of requirements by the
/// components that address them, and the requirements nothing addresses), the open findings of
/// the review by checklist stage, and the findings the design accepts, with their reasons, as
/// accepted risks.
extension ReportWriter {
    /// Above this many addressing components the matrix becomes a list (a table that wide is
    /// unreadable).
    static let coverageMatrixLimit = 24

    mutating func writeDesignReview() {
        let result = DesignReviewer.review(design, config: options.reviewConfig)
        heading(2, MarkdownReport.reviewHeading, anchorKey: "design-review")
        let counts = ReviewSeverity.allCases.map { $0.counted(result.count($0)) }.joined(separator: ", ")
        paragraph("**Open findings:** \(counts)" + (result.accepted.isEmpty ? "" : "; \(result.accepted.count) accepted")
                  + ". `sysdraft review` lists them with the line of each item; the Review screen (R) jumps to them.")
        writeCoverage()
        writeOpenFindings(result)
        writeAcceptedRisks(result)
    }

    mutating func writeCoverage() {
        heading(3, "Requirements coverage")
        if design.requirements.isEmpty {
            paragraph("_No requirements recorded yet._")
            return
        }
        let trace = Traceability(design)
        let indirect = Traceability.indirectComponents(design)
        var columns: [Component] = []
        var seen = Set<String>()
        for c in design.components where seen.insert(c.id.rawValue).inserted {
            let addresses = !c.requirements.isEmpty || indirect.values.contains { $0.contains(c.id.rawValue) }
            if addresses { columns.append(c) }
        }
        func mark(_ r: Requirement, _ c: Component) -> String {
            if c.requirements.contains(r.id) { return "✓" }
            return indirect[r.id.rawValue]?.contains(c.id.rawValue) == true ? "(✓)" : ""
        }
        func others(_ r: Requirement) -> String {
            let ids = trace.links(r.id).filter { $0.kind != .component }.map(\.id)
            return ids.isEmpty ? "" : ids.map { cell($0) }.joined(separator: ", ")
        }
        if columns.isEmpty {
            paragraph("_No component is linked to a requirement yet (a component's Serves field, or a requirement's Addressed by)._")
        } else if columns.count <= Self.coverageMatrixLimit {
            paragraph("✓ the component is linked to the requirement; (✓) it takes part through a linked flow, endpoint, "
                      + "entity or scenario. Columns: " + columns.map { cell($0.id.rawValue) + " " + cell($0.name) }.joined(separator: ", ") + ".")
            table(["Requirement"] + columns.map { cell($0.id.rawValue) } + ["Other items"],
                  align: ["l"] + columns.map { _ in "l" } + ["l"],
                  rows: design.requirements.map { r in
                      [cell(r.id.rawValue) + " " + cell(r.text)] + columns.map { mark(r, $0) } + [others(r)]
                  })
        } else {
            paragraph("\(columns.count) components address requirements, too many for a matrix; each requirement with its components "
                      + "(✓ linked, (✓) through a flow, endpoint, entity or scenario) and other items:")
            table(["Requirement", "Components", "Other items"], align: ["l", "l", "l"],
                  rows: design.requirements.map { r in
                      let comps = columns.compactMap { c -> String? in
                          let m = mark(r, c)
                          return m.isEmpty ? nil : cell(c.id.rawValue) + (m == "✓" ? "" : " (✓)")
                      }
                      return [cell(r.id.rawValue) + " " + cell(r.text), comps.joined(separator: ", "), others(r)]
                  })
        }
        heading(3, "Requirements nothing addresses")
        let missing = trace.unaddressed(in: design)
        if missing.isEmpty {
            paragraph("_Every requirement is addressed by something in the design._")
        } else {
            for r in missing {
                line("- " + cell(r.id.rawValue) + " (\(r.kind.label.lowercased()), \(r.priority.label.lowercased())): " + cell(r.text))
            }
            line()
        }
    }

    mutating func writeOpenFindings(_ result: ReviewResult) {
        heading(3, "Open findings")
        if result.open.isEmpty {
            paragraph("_The review finds nothing open._")
            return
        }
        for key in StageKey.allCases {
            let found = result.open(in: key)
            guard !found.isEmpty else { continue }
            heading(4, MarkdownReport.stageHeading(catalogue[key]))
            table(["Severity", "Finding", "Items", "Fix", "Rule"], align: ["l", "l", "l", "l", "l"],
                  rows: found.map { f in
                      [f.severity.rawValue, cell(f.message), concerns(f.items), cell(f.hint), "`" + f.rule + "`"]
                  })
        }
    }

    mutating func writeAcceptedRisks(_ result: ReviewResult) {
        heading(3, "Accepted risks")
        if result.accepted.isEmpty && result.stale.isEmpty {
            paragraph("_No finding is accepted._")
            return
        }
        if !result.accepted.isEmpty {
            table(["Finding", "Items", "Reason", "Rule"], align: ["l", "l", "l", "l"],
                  rows: result.accepted.map { a in
                      [cell(a.finding.message), concerns(a.finding.items), cell(a.acceptance.reason), "`" + a.finding.rule + "`"]
                  })
        }
        if !result.stale.isEmpty {
            paragraph("_Accepted but no longer found (the design changed, or the rule is off):_ "
                      + result.stale.map { cell($0.id.rawValue) + " " + cell($0.message.isEmpty ? $0.rule : $0.message) }.joined(separator: "; ") + ".")
        }
    }
}
