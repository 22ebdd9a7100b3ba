import DesignModel

/// Builds the edit form for each kind of item and writes a confirmed form back into the design.
public enum ItemForms {
    public static func requirement(_ r: Requirement?) -> Form {
        let categories = ["—"] + Requirement.Category.labels
        return Form(
            title: r == nil ? "New requirement" : "Edit requirement \(r!.id)",
            target: r.map { .requirement($0.id.rawValue) } ?? .newRequirement,
            fields: [
                .init("text", "Requirement", text: r?.text ?? ""),
                .init("kind", "Kind", choices: Requirement.Kind.labels, selected: r?.kind.caseIndex ?? 0),
                .init("priority", "Priority", choices: Requirement.Priority.labels, selected: r?.priority.caseIndex ?? 0),
                .init("category", "Category", choices: categories, selected: r?.category.map { $0.caseIndex + 1 } ?? 0),
                .init("notes", "Notes", text: r?.notes ?? ""),
            ])
    }

    public static func component(_ c: Component?) -> Form {
        Form(
            title: c == nil ? "New component" : "Edit component \(c!.id)",
            target: c.map { .component($0.id.rawValue) } ?? .newComponent,
            fields: [
                .init("name", "Name", text: c?.name ?? ""),
                .init("kind", "Kind", choices: Component.Kind.labels, selected: c?.kind.caseIndex ?? Component.Kind.service.caseIndex),
                .init("responsibility", "Responsibility", text: c?.responsibility ?? ""),
                .init("technology", "Technology", text: c?.technology ?? ""),
                .init("notes", "Notes", text: c?.notes ?? ""),
            ])
    }

    /// A flow's endpoints are picked from the design's components by name.
    public static func flow(_ f: Flow?, in design: Design, defaultFrom: ItemID<Component>? = nil) -> Form {
        let names = design.components.map { "\($0.name) (\($0.id))" }
        let index = { (id: ItemID<Component>?) in id.flatMap { design.components.firstIndex(of: $0) } ?? 0 }
        let from = index(f?.from ?? defaultFrom)
        let to = f.map { index($0.to) } ?? (design.components.count > 1 ? (from + 1) % design.components.count : 0)
        return Form(
            title: f == nil ? "New data flow" : "Edit data flow \(f!.id)",
            target: f.map { .flow($0.id.rawValue) } ?? .newFlow,
            fields: [
                .init("from", "From", choices: names, selected: from),
                .init("to", "To", choices: names, selected: to),
                .init("label", "What moves", text: f?.label ?? ""),
                .init("protocol", "Protocol", choices: Flow.Protocol_.labels, selected: f?.protocol.caseIndex ?? 0),
                .init("mode", "Sync/async", choices: Flow.Mode.labels, selected: f?.mode.caseIndex ?? 0),
                .init("direction", "Direction", choices: Flow.Direction.labels, selected: f?.direction.caseIndex ?? 0),
                .init("notes", "Notes", text: f?.notes ?? ""),
            ])
    }

    /// Options are edited as up to N name / pros / cons rows; pros and cons are `;`-separated.
    public static func tradeOff(_ t: TradeOff?) -> Form {
        let options: [TradeOff.Option] = t?.options ?? []
        let slots = max(3, options.count + 1)
        let stageNames: [String] = StageKey.allCases.map { "\($0.number) \($0.label)" }
        var fields: [Form.Field] = []
        fields.append(.init("title", "Decision", text: t?.title ?? ""))
        fields.append(.init("stage", "Stage", choices: stageNames, selected: t?.stage.caseIndex ?? 9))
        fields.append(.init("status", "Status", choices: TradeOff.Status.labels, selected: t?.status.caseIndex ?? 0))
        fields.append(.init("context", "Context", text: t?.context ?? ""))
        for i in 0..<slots {
            let o: TradeOff.Option? = options.indices.contains(i) ? options[i] : nil
            let letter = optionLetter(i)
            fields.append(.init("option\(i)", "Option \(letter)", text: o?.name ?? ""))
            fields.append(.init("pros\(i)", "  pros", text: o?.pros.joined(separator: "; ") ?? ""))
            fields.append(.init("cons\(i)", "  cons", text: o?.cons.joined(separator: "; ") ?? ""))
        }
        var chosen = 0
        if let id = t?.chosen, let i = options.firstIndex(where: { $0.id == id }) { chosen = i + 1 }
        let chosenNames: [String] = ["—"] + (0..<slots).map { "Option " + optionLetter($0) }
        fields.append(.init("chosen", "Chosen", choices: chosenNames, selected: chosen))
        fields.append(.init("rationale", "Rationale", text: t?.rationale ?? ""))
        return Form(title: t == nil ? "New trade-off" : "Edit trade-off \(t!.id)",
                    target: t.map { .tradeOff($0.id.rawValue) } ?? .newTradeOff, fields: fields)
    }

    static func optionLetter(_ i: Int) -> String { String(UnicodeScalar(UInt8(65 + i % 26))) }

    public static func customItem(_ item: CustomItem?, stage: StageKey) -> Form {
        Form(title: item == nil ? "New checklist item" : "Edit checklist item",
             target: item.map { .customItem($0.id.rawValue) } ?? .newCustomItem(stage: stage.rawValue),
             fields: [.init("text", "Item", text: item?.text ?? "")])
    }

    static func trimmed(_ s: String) -> String { s.trimmingCharacters(in: .whitespaces) }

    static func list(_ s: String) -> [String] {
        s.split(separator: ";").map { trimmed(String($0)) }.filter { !$0.isEmpty }
    }

    /// Applies a confirmed form. Returns the id of the item written, or an error message for the
    /// form to show (the design is unchanged then).
    public static func apply(_ form: Form, to design: inout Design) -> Result<String, FormError> {
        switch form.target {
        case .newRequirement, .requirement:
            let text = trimmed(form.text("text"))
            guard !text.isEmpty else { return .failure(FormError("The requirement needs some text.")) }
            let cat = form.choice("category")
            let r = Requirement(id: design.requirements.idForEdit(form.target.editedID), kind: .fromIndex(form.choice("kind")),
                                text: text, priority: .fromIndex(form.choice("priority")),
                                category: cat == 0 ? nil : .fromIndex(cat - 1), notes: form.text("notes"))
            design.requirements.upsert(r)
            return .success(r.id.rawValue)

        case .newComponent, .component:
            let name = trimmed(form.text("name"))
            guard !name.isEmpty else { return .failure(FormError("The component needs a name.")) }
            let c = Component(id: design.components.idForEdit(form.target.editedID), name: name,
                              kind: .fromIndex(form.choice("kind")), responsibility: form.text("responsibility"),
                              technology: form.text("technology"), notes: form.text("notes"))
            design.components.upsert(c)
            return .success(c.id.rawValue)

        case .newFlow, .flow:
            guard !design.components.isEmpty else { return .failure(FormError("Add components first.")) }
            let comps = design.components
            let from = comps[min(form.choice("from"), comps.count - 1)].id
            let to = comps[min(form.choice("to"), comps.count - 1)].id
            // Endpoints come from the component list, so they always exist.
            let f = Flow(id: design.flows.idForEdit(form.target.editedID), from: from, to: to, label: form.text("label"),
                         protocol: .fromIndex(form.choice("protocol")), mode: .fromIndex(form.choice("mode")),
                         direction: .fromIndex(form.choice("direction")), notes: form.text("notes"))
            design.flows.upsert(f)
            return .success(f.id.rawValue)

        case .newTradeOff, .tradeOff:
            let title = trimmed(form.text("title"))
            guard !title.isEmpty else { return .failure(FormError("The trade-off needs a decision title.")) }
            let existing: TradeOff? = {
                if case .tradeOff(let id) = form.target { return design.tradeOffs[id: ItemID(id)] }
                return nil
            }()
            var options: [TradeOff.Option] = []
            var chosen: ItemID<TradeOff.Option>?
            var slot = 0
            while form["option\(slot)"] != nil {
                let name = trimmed(form.text("option\(slot)"))
                if !name.isEmpty {
                    // Keep an option's id while it stays in the same slot.
                    let old = existing.flatMap { $0.options.indices.contains(slot) ? $0.options[slot].id : nil }
                    let id = old.flatMap { o in options.contains { $0.id == o } ? nil : o } ?? options.nextID()
                    options.append(TradeOff.Option(id: id, name: name, pros: list(form.text("pros\(slot)")),
                                                   cons: list(form.text("cons\(slot)"))))
                    if form.choice("chosen") == slot + 1 { chosen = id }
                } else if form.choice("chosen") == slot + 1 {
                    return .failure(FormError("The chosen option has no name."))
                }
                slot += 1
            }
            let t = TradeOff(id: existing?.id ?? design.tradeOffs.nextID(), title: title,
                             stage: .fromIndex(form.choice("stage")), context: form.text("context"),
                             options: options, chosen: chosen, rationale: form.text("rationale"),
                             status: .fromIndex(form.choice("status")))
            design.tradeOffs.upsert(t)
            return .success(t.id.rawValue)

        case .newCustomItem(let stageRaw):
            let text = trimmed(form.text("text"))
            guard !text.isEmpty, let stage = StageKey(rawValue: stageRaw) else { return .failure(FormError("The item needs some text.")) }
            return .success(design.addCustomItem(text, to: stage).rawValue)

        case .customItem(let id):
            let text = trimmed(form.text("text"))
            guard !text.isEmpty else { return .failure(FormError("The item needs some text.")) }
            for s in StageKey.allCases {
                design.updateStage(s) { st in
                    if let i = st.custom.firstIndex(where: { $0.id.rawValue == id }) { st.custom[i].text = text }
                }
            }
            return .success(id)

        case .stageNotes:
            return .failure(FormError("Stage notes are edited in the notes editor."))
        case .assessment:
            return .failure(FormError("The self-assessment belongs to the interview."))
        }
    }
}

public struct FormError: Error, Equatable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
