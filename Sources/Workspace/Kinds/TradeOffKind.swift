import DesignModel

/// Trade-offs: decision records with any number of options, as MADR keeps them.
enum TradeOffKind {
    static let kind = ItemKind.list(
        .tradeOffs, \Design.tradeOffs,
        title: "Trade-offs", shortTitle: "Trade-offs", noun: "trade-off", inGrid: true,
        name: { _, t in t.title },
        searchText: { _, t in
            "\(t.id) \(t.title) \(t.status.label) \(t.context) \(t.options.map(\.name).joined(separator: " ")) \(t.rationale)"
        },
        form: { state, t in form(t, in: state.design) },
        apply: apply,
        adjust: adjust)

    static func form(_ t: TradeOff?, in design: Design) -> Form {
        let stageNames: [String] = StageKey.allCases.map { "\($0.number) \($0.label)" }
        let others = design.tradeOffs.filter { $0.id != t?.id }
        var fields: [Form.Field] = [
            .init("title", "Decision", text: t?.title ?? ""),
            .init("stage", "Stage", choices: stageNames, selected: t?.stage.caseIndex ?? 9),
            .init("status", "Status", choices: TradeOff.Status.labels, selected: t?.status.caseIndex ?? 0),
            .init("supersededBy", "Superseded by", choices: ["—"] + others.map { "\($0.id)  \($0.title)" },
                  selected: t?.supersededBy.flatMap { by in others.firstIndex { $0.id == by } }.map { $0 + 1 } ?? 0,
                  ids: [""] + others.map(\.id.rawValue)),
            .init("drivers", "Drivers", options: design.requirements.map { "\($0.id)  \($0.text)" },
                  ids: design.requirements.map(\.id.rawValue), selected: t?.drivers.map(\.rawValue) ?? []),
            .init("context", "Context", paragraph: t?.context ?? ""),
        ]
        for (i, o) in (t?.options ?? []).enumerated() { fields += optionFields(i, o) }
        var chosen = 0
        if let id = t?.chosen, let i = t?.options.firstIndex(where: { $0.id == id }) { chosen = i + 1 }
        fields.append(.init("chosen", "Chosen", choices: ["—"], selected: 0))
        fields.append(.init("rationale", "Rationale", paragraph: t?.rationale ?? ""))
        var form = Form(title: t == nil ? "New trade-off" : "Edit trade-off \(t!.id)",
                        target: t.map { .item(.tradeOffs, $0.id.rawValue) } ?? .newItem(.tradeOffs), fields: fields)
        adjust(&form, design)
        if let i = form.fields.firstIndex(where: { $0.key == "chosen" }), case .choice(let names, _) = form.fields[i].value {
            form.fields[i].value = .choice(names, chosen)
        }
        // The initial chosen index counts as unchanged.
        return Form(title: form.title, target: form.target, fields: form.fields)
    }

    static func optionFields(_ i: Int, _ o: TradeOff.Option?) -> [Form.Field] {
        [.init("option\(i)", "Option \(i + 1)", text: o?.name ?? ""),
         .init("pros\(i)", "  pros", paragraph: o?.pros.joined(separator: "\n") ?? ""),
         .init("cons\(i)", "  cons", paragraph: o?.cons.joined(separator: "\n") ?? "")]
    }

    /// The number of option slots in a form.
    static func slots(_ form: Form) -> Int {
        var n = 0
        while form["option\(n)"] != nil { n += 1 }
        return n
    }

    /// Keeps one empty option slot at the end (so there is always room for one more option),
    /// and the Chosen list naming the options as they are typed.
    static func adjust(_ form: inout Form, _ design: Design) {
        var n = slots(form)
        let isEmpty = { (f: Form, i: Int) in
            f.text("option\(i)").isEmpty && f.text("pros\(i)").isEmpty && f.text("cons\(i)").isEmpty
        }
        let focusedKey = form.fields.indices.contains(form.focus) ? form.fields[form.focus].key : nil
        // Drop surplus empty slots at the end (keeping one), unless the cursor is in them.
        while n >= 2 && isEmpty(form, n - 1) && isEmpty(form, n - 2)
            && !["option\(n - 1)", "pros\(n - 1)", "cons\(n - 1)"].contains(focusedKey ?? "") {
            form.fields.removeAll { ["option\(n - 1)", "pros\(n - 1)", "cons\(n - 1)"].contains($0.key) }
            n -= 1
        }
        if n == 0 || !isEmpty(form, n - 1) {
            let at = form.fields.firstIndex { $0.key == "chosen" } ?? form.fields.count
            form.fields.insert(contentsOf: optionFields(n, nil), at: at)
            n += 1
        }
        if let focusedKey, let i = form.fields.firstIndex(where: { $0.key == focusedKey }) { form.focus = i }
        // The Chosen list: "—" then each option by name.
        guard let c = form.fields.firstIndex(where: { $0.key == "chosen" }) else { return }
        let names = ["—"] + (0..<n).map { i -> String in
            let name = FormText.trimmed(form.text("option\(i)"))
            return name.isEmpty ? "Option \(i + 1) (no name yet)" : name
        }
        let selected = min(form.fields[c].choiceIndex ?? 0, names.count - 1)
        form.fields[c].value = .choice(names, selected)
    }

    static func apply(_ form: Form, to design: inout Design) -> Result<String, FormError> {
        let title = FormText.trimmed(form.text("title"))
        guard !title.isEmpty else { return .failure(FormError("The trade-off needs a decision title.")) }
        let existing: TradeOff? = form.target.editedID.flatMap { design.tradeOffs[id: ItemID($0)] }
        var options: [TradeOff.Option] = []
        var chosen: ItemID<TradeOff.Option>?
        for slot in 0..<slots(form) {
            let name = FormText.trimmed(form.text("option\(slot)"))
            let pros = FormText.lines(form.text("pros\(slot)")), cons = FormText.lines(form.text("cons\(slot)"))
            if name.isEmpty {
                if form.choice("chosen") == slot + 1 { return .failure(FormError("The chosen option has no name.")) }
                if !pros.isEmpty || !cons.isEmpty {
                    return .failure(FormError("Option \(slot + 1) has pros or cons but no name."))
                }
                continue
            }
            // Keep an option's id while it stays in the same slot.
            let old = existing.flatMap { $0.options.indices.contains(slot) ? $0.options[slot].id : nil }
            let id = old.flatMap { o in options.contains { $0.id == o } ? nil : o } ?? options.nextID()
            options.append(TradeOff.Option(id: id, name: name, pros: pros, cons: cons))
            if form.choice("chosen") == slot + 1 { chosen = id }
        }
        let status = TradeOff.Status.fromIndex(form.choice("status"))
        let by = form["supersededBy"]?.choiceID.flatMap { $0.isEmpty ? nil : ItemID<TradeOff>($0) }
        var t = existing ?? TradeOff(id: design.tradeOffs.nextID(), title: title)
        t.title = title
        t.stage = .fromIndex(form.choice("stage"))
        t.context = form.text("context")
        t.options = options
        t.chosen = chosen
        t.rationale = form.text("rationale")
        t.status = status
        t.supersededBy = by
        t.drivers = (form["drivers"]?.selectedIDs ?? []).map { ItemID($0) }
        design.tradeOffs.upsert(t)
        return .success(t.id.rawValue)
    }
}
