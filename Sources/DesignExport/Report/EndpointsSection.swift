import DesignModel

/// Stage 3 of the report: the API table and a section per endpoint (request, response,
/// errors, limits).
extension ReportWriter {
    mutating func writeEndpoints() {
        heading(3, "API endpoints")
        if design.endpoints.isEmpty {
            paragraph("_No API endpoints recorded yet._")
            return
        }
        table(["ID", "Method", "Path or name", "Served by", "Auth", "Summary"], align: ["l", "l", "l", "l", "l", "l"],
              rows: design.endpoints.enumerated().map { i, e in
                  [link(e.id.rawValue, to: "endpoint-\(i)"), e.method.label, cell(e.path), server(e.component),
                   e.auth.label, cell(e.summary)]
              })
        for (i, e) in design.endpoints.enumerated() { writeEndpoint(e, index: i) }
    }

    mutating func writeEndpoint(_ e: Endpoint, index: Int) {
        let path = TextSafety.oneLine(e.path)
        heading(4, TextSafety.oneLine(e.id.rawValue) + ": " + e.method.label + (path.isEmpty ? "" : " " + path),
                anchorKey: "endpoint-\(index)")
        let summary = MarkdownText.block(e.summary)
        if !summary.isEmpty { paragraph(summary) }
        var facts = ["**Served by:** " + server(e.component)]
        if e.successStatus > 0 { facts.append("**Success:** \(e.successStatus)") }
        facts.append("**Auth:** " + e.auth.label)
        if !e.requirements.isEmpty {
            facts.append("**Requirements:** " + e.requirements.map { cell($0.rawValue) }.joined(separator: ", "))
        }
        paragraph(facts.joined(separator: " · "))

        // An event's request fields are its message.
        let request = e.method == .event ? "Message" : "Request"
        if e.request.isEmpty {
            paragraph("**\(request):** _no fields recorded._")
        } else {
            paragraph("**\(request):**")
            table(["Field", "Type", "In", "Required", "Notes"], align: ["l", "l", "l", "l", "l"],
                  rows: e.request.map { f in
                      [cell(f.name), cell(f.type), f.location.label, f.required ? "yes" : "no", cell(f.notes)]
                  })
        }
        if e.response.isEmpty {
            if e.method != .event { paragraph("**Response:** _no fields recorded._") }
        } else {
            paragraph("**Response:**")
            table(["Field", "Type", "In", "Notes"], align: ["l", "l", "l", "l"],
                  rows: e.response.map { f in [cell(f.name), cell(f.type), f.location.label, cell(f.notes)] })
        }
        if e.errors.isEmpty {
            paragraph("**Errors:** _none recorded._")
        } else {
            paragraph("**Errors:**")
            table(["Code", "Meaning"], align: ["l", "l"], rows: e.errors.map { [cell($0.code), cell($0.meaning)] })
        }

        paragraph("**Limits:**")
        var pagination = e.pagination.label
        if e.pagination != .none {
            pagination += e.pageSizeLimit > 0 ? ", up to \(e.pageSizeLimit) per page" : ", no page-size limit"
        }
        line("- Pagination: " + pagination)
        if !e.filters.isEmpty { line("- Filters: " + e.filters.map(cell).joined(separator: ", ")) }
        if !e.sortKeys.isEmpty { line("- Sort keys: " + e.sortKeys.map(cell).joined(separator: ", ")) }
        let rate = TextSafety.oneLine(e.rateLimit)
        line("- Rate limit: " + (rate.isEmpty ? "none" : cell(rate)))
        line("- Idempotency: " + e.idempotency.label)
        line()

        let notes = MarkdownText.block(e.notes)
        if !notes.isEmpty { paragraph("**Notes.** " + notes) }
    }

    /// A component's name for a table cell, or a marked id when it is missing or unset.
    func server(_ id: ItemID<Component>?) -> String {
        guard let id else { return "_(none)_" }
        return endpoint(id)
    }
}
