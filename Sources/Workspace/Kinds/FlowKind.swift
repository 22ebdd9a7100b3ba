import DesignModel

/// Data flows: arrows between two components.
enum FlowKind {
    static let kind = ItemKind.list(
        .flows, \Design.flows,
        title: "Data flows", shortTitle: "Flows", noun: "data flow", inGrid: true,
        name: { d, f in "\(d.components[id: f.from]?.name ?? f.from.rawValue) → \(d.components[id: f.to]?.name ?? f.to.rawValue)" + (f.label.isEmpty ? "" : ": \(f.label)") },
        searchText: { state, f in
            "\(f.id) \(state.componentName(f.from)) \(state.componentName(f.to)) \(f.label) \(f.protocolLabel) \(f.mode.label) \(f.notes)"
        },
        form: { state, f in form(f, in: state.design) },
        apply: apply,
        cannotAdd: { $0.components.isEmpty ? "Add components first: a flow runs between two of them" : nil },
        preview: LoadFields.flowPreview,
        deleteEffects: ScenarioUse.flow)

    /// A flow's ends are picked from the design's components by name.
    static func form(_ f: Flow?, in design: Design, defaultFrom: ItemID<Component>? = nil) -> Form {
        let names = design.components.map { "\($0.name) (\($0.id))" }
        let requirements = TraceabilityChoices.requirements(design)
        let ids = design.components.map(\.id.rawValue)
        let index = { (id: ItemID<Component>?) in id.flatMap { design.components.firstIndex(of: $0) } ?? 0 }
        let from = index(f?.from ?? defaultFrom)
        let to = f.map { index($0.to) } ?? (design.components.count > 1 ? (from + 1) % design.components.count : 0)
        return Form(
            title: f == nil ? "New data flow" : "Edit data flow \(f!.id)",
            target: f.map { .item(.flows, $0.id.rawValue) } ?? .newItem(.flows),
            fields: [
                .init("from", "From", choices: names, selected: from, ids: ids),
                .init("to", "To", choices: names, selected: to, ids: ids),
                .init("label", "What moves", text: f?.label ?? ""),
                .init("protocol", "Protocol", choices: Flow.Protocol_.labels, selected: f?.protocol.caseIndex ?? 0),
                .init("protocolName", "Protocol name", text: f?.protocolName ?? ""),
                .init("mode", "Sync/async", choices: Flow.Mode.labels, selected: f?.mode.caseIndex ?? 0),
                .init("direction", "Direction", choices: Flow.Direction.labels, selected: f?.direction.caseIndex ?? 0),
                .init("rate", "Rate", text: f?.rate ?? ""),
                .init("payload", "Payload", text: f?.payload ?? ""),
                .init("notes", "Notes", paragraph: f?.notes ?? ""),
                .init("serves", "Serves", options: requirements.labels, ids: requirements.ids,
                      selected: f?.requirements.map(\.rawValue) ?? []),
            ])
    }

    static func apply(_ form: Form, to design: inout Design) -> Result<String, FormError> {
        guard !design.components.isEmpty else { return .failure(FormError("Add components first.")) }
        // Ends come from the component list, so they always exist.
        guard let from = form["from"]?.choiceID, let to = form["to"]?.choiceID,
              design.components[id: ItemID(from)] != nil, design.components[id: ItemID(to)] != nil else {
            return .failure(FormError("Pick both ends from the component list."))
        }
        let id = design.flows.idForEdit(form.target.editedID)
        var f = design.flows[id: id] ?? Flow(id: id, from: ItemID(from), to: ItemID(to))
        f.from = ItemID(from)
        f.to = ItemID(to)
        f.label = form.text("label")
        f.protocol = .fromIndex(form.choice("protocol"))
        f.protocolName = FormText.trimmed(form.text("protocolName"))
        f.mode = .fromIndex(form.choice("mode"))
        f.direction = .fromIndex(form.choice("direction"))
        f.notes = form.text("notes")
        if let serves = form["serves"] { f.requirements = serves.selectedIDs.map { ItemID($0) } }
        if let rate = LoadFields.read(form, "rate") { f.rate = rate }
        if let payload = LoadFields.read(form, "payload") { f.payload = payload }
        design.flows.upsert(f)
        return .success(f.id.rawValue)
    }
}
