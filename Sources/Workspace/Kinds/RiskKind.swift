import DesignModel

/// Risks and technical debt: what could go wrong, who owns it, how it is mitigated.
enum RiskKind {
    static let kind = ItemKind.list(
        .risks, \Design.risks,
        title: "Risks", shortTitle: "Risks", noun: "risk",
        name: { _, r in r.text },
        searchText: { _, r in "\(r.id) \(r.text) \(r.owner) \(r.status.label) \(r.impact.label) \(r.mitigation) \(r.concerns.joined(separator: " "))" },
        form: { state, r in form(r, in: state.design) },
        apply: apply)

    static func form(_ r: Risk?, in design: Design) -> Form {
        let items = ItemKinds.itemChoices(design, excluding: .risks)
        return Form(
            title: r == nil ? "New risk" : "Edit risk \(r!.id)",
            target: r.map { .item(.risks, $0.id.rawValue) } ?? .newItem(.risks),
            fields: [
                .init("text", "Risk", text: r?.text ?? ""),
                .init("impact", "Impact", choices: Risk.Impact.labels, selected: r?.impact.caseIndex ?? 1),
                .init("status", "Status", choices: FollowUpStatus.labels, selected: r?.status.caseIndex ?? 0),
                .init("owner", "Owner", text: r?.owner ?? ""),
                .init("concerns", "Concerns", options: items.labels, ids: items.ids, selected: r?.concerns ?? []),
                .init("mitigation", "Mitigation", paragraph: r?.mitigation ?? ""),
            ])
    }

    static func apply(_ form: Form, to design: inout Design) -> Result<String, FormError> {
        let text = FormText.trimmed(form.text("text"))
        guard !text.isEmpty else { return .failure(FormError("Say what the risk is.")) }
        let id = design.risks.idForEdit(form.target.editedID)
        var r = design.risks[id: id] ?? Risk(id: id, text: text)
        r.text = text
        r.impact = .fromIndex(form.choice("impact"))
        r.status = .fromIndex(form.choice("status"))
        r.owner = FormText.trimmed(form.text("owner"))
        r.concerns = form["concerns"]?.selectedIDs ?? []
        r.mitigation = form.text("mitigation")
        design.risks.upsert(r)
        return .success(r.id.rawValue)
    }
}
