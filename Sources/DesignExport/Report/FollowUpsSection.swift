import DesignModel

/// Stage 10's risks and open questions: one table each, with what they concern.
extension ReportWriter {
    mutating func writeRisks() {
        heading(3, "Risks")
        if design.risks.isEmpty {
            paragraph("_No risks recorded yet._")
            return
        }
        table(["ID", "Risk", "Impact", "Status", "Owner", "Concerns", "Mitigation"],
              align: ["l", "l", "l", "l", "l", "l", "l"],
              rows: design.risks.map { r in
                  [cell(r.id.rawValue), cell(r.text), r.impact.label, r.status.label, cell(r.owner),
                   concerns(r.concerns), cell(r.mitigation)]
              })
    }

    mutating func writeQuestions() {
        heading(3, "Open questions")
        if design.questions.isEmpty {
            paragraph("_No open questions recorded._")
            return
        }
        table(["ID", "Question", "Status", "Owner", "Concerns", "Answer"], align: ["l", "l", "l", "l", "l", "l"],
              rows: design.questions.map { q in
                  [cell(q.id.rawValue), cell(q.text), q.status.label, cell(q.owner), concerns(q.concerns), cell(q.answer)]
              })
    }

    /// Item ids, comma-separated, each escaped for a table cell.
    func concerns(_ ids: [String]) -> String {
        ids.isEmpty ? "—" : ids.map { cell($0) }.joined(separator: ", ")
    }
}
