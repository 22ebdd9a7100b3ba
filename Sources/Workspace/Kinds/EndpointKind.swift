import DesignModel

extension Pane {
    /// API endpoints (`:apis`).
    public static let endpoints = Pane("apis")
}

/// API endpoints: the contract of each operation, RPC, WebSocket or topic. The scalar fields are
/// edited in the form; request and response fields, errors, filters and sort keys in the table
/// editor (`r`, `EndpointTables`).
enum EndpointKind {
    static let kind = ItemKind.list(
        .endpoints, \Design.endpoints,
        title: "APIs", shortTitle: "APIs", noun: "endpoint",
        name: { _, e in "\(e.method.label) \(e.path)" },
        searchText: { state, e in
            let served = e.component.map { state.componentName($0) } ?? ""
            let fields = (e.request + e.response).map(\.name).joined(separator: " ")
            return "\(e.id) \(e.method.label) \(e.path) \(served) \(e.summary) \(e.auth.label) \(fields) "
                + "\(e.errors.map(\.code).joined(separator: " ")) \(e.rateLimit) \(e.notes)"
        },
        form: { state, e in form(e, in: state.design) },
        apply: apply)

    static func form(_ e: Endpoint?, in design: Design) -> Form {
        let components = LowLevelChoices.components(design.components, current: e?.component, eligible: { _ in true })
        return Form(
            title: e == nil ? "New endpoint" : "Edit endpoint \(e!.id)",
            target: e.map { .item(.endpoints, $0.id.rawValue) } ?? .newItem(.endpoints),
            fields: [
                .init("method", "Method", choices: Endpoint.Method.labels, selected: e?.method.caseIndex ?? 0),
                .init("path", "Path or name", text: e?.path ?? ""),
                .init("component", "Served by", choices: components.labels, selected: components.selected, ids: components.ids),
                .init("summary", "Summary", text: e?.summary ?? ""),
                .init("status", "Success status", text: (e?.successStatus ?? 0) > 0 ? String(e!.successStatus) : ""),
                .init("auth", "Auth", choices: Endpoint.Auth.labels, selected: e?.auth.caseIndex ?? 0),
                .init("pagination", "Pagination", choices: Endpoint.Pagination.labels, selected: e?.pagination.caseIndex ?? 0),
                .init("pageSize", "Page-size limit", text: (e?.pageSizeLimit ?? 0) > 0 ? String(e!.pageSizeLimit) : ""),
                .init("rateLimit", "Rate limit", text: e?.rateLimit ?? ""),
                .init("idempotency", "Idempotency", choices: Endpoint.Idempotency.labels, selected: e?.idempotency.caseIndex ?? 0),
                .init("requirements", "Requirements", options: design.requirements.map { "\($0.id)  \($0.text)" },
                      ids: design.requirements.map(\.id.rawValue), selected: e?.requirements.map(\.rawValue) ?? []),
                .init("notes", "Notes", paragraph: e?.notes ?? ""),
            ])
    }

    static func apply(_ form: Form, to design: inout Design) -> Result<String, FormError> {
        let path = FormText.trimmed(form.text("path"))
        guard !path.isEmpty else {
            return .failure(FormError("Path or name: give the endpoint a path (or the RPC's or topic's name).", field: "path"))
        }
        let status: Int
        switch LowLevelChoices.whole(form.text("status"), in: Endpoint.successStatusRange) {
        case .success(let n): status = n
        case .failure(let typed):
            let r = Endpoint.successStatusRange
            return .failure(FormError("Success status: \"\(typed.message)\" is not an HTTP status; give a whole number from "
                + "\(r.lowerBound) to \(r.upperBound) (200, 201, 204), or leave it empty.", field: "status"))
        }
        let pageSize: Int
        switch LowLevelChoices.whole(form.text("pageSize"), in: Endpoint.pageSizeRange) {
        case .success(let n): pageSize = n
        case .failure(let typed):
            let r = Endpoint.pageSizeRange
            return .failure(FormError("Page-size limit: \"\(typed.message)\" is not a limit; give a whole number from "
                + "\(r.lowerBound) to \(r.upperBound), or leave it empty for none.", field: "pageSize"))
        }
        let id = design.endpoints.idForEdit(form.target.editedID)
        var e = design.endpoints[id: id] ?? Endpoint(id: id)
        e.method = .fromIndex(form.choice("method"))
        e.path = path
        e.component = form["component"]?.choiceID.flatMap { $0.isEmpty ? nil : ItemID($0) }
        e.summary = FormText.trimmed(form.text("summary"))
        e.successStatus = status
        e.auth = .fromIndex(form.choice("auth"))
        e.pagination = .fromIndex(form.choice("pagination"))
        e.pageSizeLimit = pageSize
        e.rateLimit = FormText.trimmed(form.text("rateLimit"))
        e.idempotency = .fromIndex(form.choice("idempotency"))
        e.requirements = (form["requirements"]?.selectedIDs ?? []).map { ItemID($0) }
        e.notes = form.text("notes")
        // Two endpoints on one method and path make the design invalid: refuse it here.
        if let key = LowLevelChecks.routeKey(e),
           let other = design.endpoints.first(where: { $0.id != e.id && LowLevelChecks.routeKey($0) == key }) {
            return .failure(FormError("\(other.id) is already \(other.method.label) \(other.path): one endpoint per method and path."))
        }
        design.endpoints.upsert(e)
        return .success(e.id.rawValue)
    }
}

/// Choices and numbers shared by the endpoint and entity forms.
enum LowLevelChoices {
    /// "—" then the components (eligible ones, plus the current one whatever it is, marked, so
    /// opening and saving a form never drops a reference silently), with ids and the selection.
    static func components(_ all: [Component], current: ItemID<Component>?,
                           eligible: (Component) -> Bool) -> (labels: [String], ids: [String], selected: Int) {
        var labels = ["—"], ids = [""]
        var selected = 0
        for c in all where eligible(c) || c.id == current {
            if c.id == current { selected = ids.count }
            labels.append(eligible(c) ? "\(c.name) (\(c.id))" : "⚠ \(c.name) (\(c.id), a \(c.kind.label.lowercased()))")
            ids.append(c.id.rawValue)
        }
        if let current, !ids.contains(current.rawValue) {
            // A dangling reference: kept as it is until another value is picked.
            selected = ids.count
            labels.append("⚠ missing \(current)")
            ids.append(current.rawValue)
        }
        return (labels, ids, selected)
    }

    /// A whole number typed into a field: empty is 0; otherwise it must lie in `range`. A
    /// failure carries what was typed (trimmed, cut short when long), to quote back.
    static func whole(_ text: String, in range: ClosedRange<Int>) -> Result<Int, FormError> {
        let t = FormText.trimmed(text)
        if t.isEmpty { return .success(0) }
        guard t.count <= 9, t.allSatisfy(\.isASCII), let n = Int(t), range.contains(n) else {
            return .failure(FormError(t.count > 24 ? String(t.prefix(24)) + "…" : t))
        }
        return .success(n)
    }
}
