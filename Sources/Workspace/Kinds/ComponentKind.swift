import DesignModel

/// Components: the boxes of the architecture.
enum ComponentKind {
    static let kind = ItemKind.list(
        .components, \Design.components,
        title: "Components", shortTitle: "Comps", noun: "component", inGrid: true,
        name: { _, c in c.name },
        searchText: { _, c in "\(c.id) \(c.name) \(c.kind.label) \(c.responsibility) \(c.technology) \(c.notes)" },
        form: { _, c in form(c) },
        apply: apply,
        remove: { d, i in
            // A component takes the flows to and from it along.
            let id = d.components[i].id
            let removed = try? d.removeComponent(id)
            d.dropReferences(to: id.rawValue)
            for f in removed?.flows ?? [] { d.dropReferences(to: f.flow.id.rawValue) }
            let n = removed?.flows.count ?? 0
            return n > 0 ? " and \(n) data flow\(n == 1 ? "" : "s")" : ""
        },
        deleteEffects: { d, i in
            let n = d.flows(touching: d.components[i].id).count
            return n > 0 ? "the \(n) data flow\(n == 1 ? "" : "s") to and from it" : nil
        })

    static func form(_ c: Component?) -> Form {
        Form(
            title: c == nil ? "New component" : "Edit component \(c!.id)",
            target: c.map { .item(.components, $0.id.rawValue) } ?? .newItem(.components),
            fields: [
                .init("name", "Name", text: c?.name ?? ""),
                .init("kind", "Kind", choices: Component.Kind.labels, selected: c?.kind.caseIndex ?? Component.Kind.service.caseIndex),
                .init("responsibility", "Responsibility", paragraph: c?.responsibility ?? ""),
                .init("technology", "Technology", text: c?.technology ?? ""),
                .init("notes", "Notes", paragraph: c?.notes ?? ""),
            ])
    }

    static func apply(_ form: Form, to design: inout Design) -> Result<String, FormError> {
        let name = FormText.trimmed(form.text("name"))
        guard !name.isEmpty else { return .failure(FormError("The component needs a name.")) }
        let id = design.components.idForEdit(form.target.editedID)
        var c = design.components[id: id] ?? Component(id: id, name: name, kind: .service)
        c.name = name
        c.kind = .fromIndex(form.choice("kind"))
        c.responsibility = form.text("responsibility")
        c.technology = form.text("technology")
        c.notes = form.text("notes")
        design.components.upsert(c)
        return .success(c.id.rawValue)
    }
}
