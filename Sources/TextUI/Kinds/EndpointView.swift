import DesignModel
import Workspace

enum EndpointView {
    static let view = KindView(pane: .endpoints, row: { state, i in
        let e = state.design.endpoints[i]
        return RowText.Row(tag: tag(e.method), text: e.path.isEmpty ? "(no path)" : e.path,
                           trailing: e.component.map { state.componentName($0) } ?? "no component")
    }, detail: { state, i in
        let d = state.design
        let e = d.endpoints[i]
        var out = [DetailLine("Endpoint", "\(e.id)  \(e.method.label) \(e.path)"),
                   DetailLine(e.method == .event ? "Published by" : "Served by",
                              e.component.map { KindViews.names([$0.rawValue], d) } ?? "—")]
        if !e.summary.isEmpty { out.append(DetailLine("Summary", e.summary)) }
        out.append(DetailLine("Request", fields(e.request)))
        out.append(DetailLine("Response", fields(e.response)))
        if e.successStatus > 0 { out.append(DetailLine("Success", String(e.successStatus))) }
        out.append(DetailLine("Errors", e.errors.isEmpty ? "—"
                              : e.errors.map { $0.code + ($0.meaning.isEmpty ? "" : "  " + $0.meaning) }.joined(separator: "\n")))
        out.append(DetailLine("Auth", e.auth.label))
        var paging = e.pagination.label
        if e.pagination != .none { paging += e.pageSizeLimit > 0 ? " · at most \(e.pageSizeLimit) a page" : " · no page-size limit" }
        out.append(DetailLine("Pagination", paging))
        if !e.filters.isEmpty { out.append(DetailLine("Filters", e.filters.joined(separator: ", "))) }
        if !e.sortKeys.isEmpty { out.append(DetailLine("Sort keys", e.sortKeys.joined(separator: ", "))) }
        out.append(DetailLine("Rate limit", e.rateLimit.isEmpty ? "—" : e.rateLimit))
        out.append(DetailLine("Idempotency", e.idempotency.label))
        if !e.requirements.isEmpty { out.append(DetailLine("Requirements", KindViews.names(e.requirements.map(\.rawValue), d))) }
        if !e.notes.isEmpty { out.append(DetailLine("Notes", e.notes)) }
        if let checks = KindViews.checks(LowLevelChecks.findings(endpoint: e.id, in: d)) { out.append(checks) }
        if let refs = KindViews.referencedBy(e.id.rawValue, d) { out.append(refs) }
        out.append(DetailLine("Rows", "r edits the request, response, errors, filters and sort keys"))
        return out
    })

    /// A short, fixed-width method tag for list rows.
    static func tag(_ m: Endpoint.Method) -> String {
        let t = switch m {
        case .get: "GET"
        case .post: "POST"
        case .put: "PUT"
        case .patch: "PATCH"
        case .delete: "DELETE"
        case .grpc: "gRPC"
        case .websocket: "WS"
        case .event: "EVENT"
        }
        return t.padding(toLength: 6, withPad: " ", startingAt: 0)
    }

    /// One field a line: "long_url: string · body · required — what it is".
    static func fields(_ fields: [Endpoint.Field]) -> String {
        guard !fields.isEmpty else { return "—" }
        return fields.map { f in
            "\(f.name): \(f.type) · \(f.location.label.lowercased())" + (f.required ? " · required" : "")
                + (f.notes.isEmpty ? "" : " — \(f.notes)")
        }.joined(separator: "\n")
    }
}

extension KindViews {
    /// What the design checks say about an item ("⚠ no rate limit"), or nil when nothing.
    static func checks(_ findings: [CheckFinding]) -> DetailLine? {
        guard !findings.isEmpty else { return nil }
        return DetailLine("Checks", findings.map { ($0.severity == .error ? "✗ " : "⚠ ") + $0.message }.joined(separator: "\n"))
    }
}
