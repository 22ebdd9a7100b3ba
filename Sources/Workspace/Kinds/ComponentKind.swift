import DesignModel

/// Components: the boxes of the architecture.
enum ComponentKind {
    static let kind = ItemKind.list(
        .components, \Design.components,
        title: "Components", shortTitle: "Comps", noun: "component", inGrid: true,
        name: { _, c in c.name },
        searchText: { _, c in "\(c.id) \(c.name) \(c.kind.label) \(c.responsibility) \(c.technology) \(c.notes)" },
        form: { state, c in form(c, in: state.design) },
        apply: apply,
        preview: LoadFields.componentPreview,
        remove: { d, i in
            // A component takes the flows to and from it along.
            let id = d.components[i].id
            let before = d
            let removed = try? d.removeComponent(id)
            d.dropReferences(to: id.rawValue)
            for f in removed?.flows ?? [] { d.dropReferences(to: f.flow.id.rawValue) }
            let n = removed?.flows.count ?? 0
            return (n > 0 ? " and \(n) data flow\(n == 1 ? "" : "s")" : "") + LowLevelChoices.componentRemoved(before, id)
        },
        deleteEffects: { d, i in
            let n = d.flows(touching: d.components[i].id).count
            return LowLevelChoices.joinEffects(ScenarioUse.component(d, i, also: n > 0 ? "the \(n) data flow\(n == 1 ? "" : "s") to and from it" : nil),
                                               LowLevelChoices.componentEffects(d, d.components[i].id))
        })

    static func form(_ c: Component?, in design: Design) -> Form {
        let requirements = TraceabilityChoices.requirements(design)
        return Form(
            title: c == nil ? "New component" : "Edit component \(c!.id)",
            target: c.map { .item(.components, $0.id.rawValue) } ?? .newItem(.components),
            fields: [
                .init("name", "Name", text: c?.name ?? ""),
                .init("kind", "Kind", choices: Component.Kind.labels, selected: c?.kind.caseIndex ?? Component.Kind.service.caseIndex),
                .init("responsibility", "Responsibility", paragraph: c?.responsibility ?? ""),
                .init("technology", "Technology", text: c?.technology ?? ""),
                .init("capacity", "Capacity", text: c?.capacity ?? ""),
                .init("instances", "Instances", text: c?.instances ?? ""),
                .init("notes", "Notes", paragraph: c?.notes ?? ""),
                .init("serves", "Serves", options: requirements.labels, ids: requirements.ids,
                      selected: c?.requirements.map(\.rawValue) ?? []),
                .init("redundancy", "Redundancy", text: c?.redundancy ?? ""),
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
        if let serves = form["serves"] { c.requirements = serves.selectedIDs.map { ItemID($0) } }
        if form["redundancy"] != nil { c.redundancy = FormText.optional(form.text("redundancy")) }
        if let capacity = LoadFields.read(form, "capacity") { c.capacity = capacity }
        if let instances = LoadFields.read(form, "instances") { c.instances = instances }
        design.components.upsert(c)
        return .success(c.id.rawValue)
    }
}
