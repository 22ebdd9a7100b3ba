import DesignModel

/// Requirements: functional, non-functional and constraints, with a priority.
enum RequirementKind {
    static let kind = ItemKind.list(
        .requirements, \Design.requirements,
        title: "Requirements", shortTitle: "Reqs", noun: "requirement", inGrid: true,
        name: { _, r in r.text },
        searchText: { _, r in
            "\(r.id) \(r.text) \(r.kind.label) \(r.priority.label) \(r.category?.label ?? "") \(r.notes)"
        },
        form: { _, r in form(r) },
        apply: apply,
        adjust: { form, _ in adjust(&form) })

    /// A functional requirement has no non-functional category: choosing Functional clears it.
    static func adjust(_ form: inout Form) {
        guard Requirement.Kind.fromIndex(form.choice("kind")) == .functional,
              let i = form.fields.firstIndex(where: { $0.key == "category" }),
              case .choice(let options, let selected) = form.fields[i].value, selected != 0 else { return }
        form.fields[i].value = .choice(options, 0)
    }

    static func form(_ r: Requirement?) -> Form {
        let categories = ["—"] + Requirement.Category.labels
        return Form(
            title: r == nil ? "New requirement" : "Edit requirement \(r!.id)",
            target: r.map { .item(.requirements, $0.id.rawValue) } ?? .newItem(.requirements),
            fields: [
                .init("text", "Requirement", text: r?.text ?? ""),
                .init("kind", "Kind", choices: Requirement.Kind.labels, selected: r?.kind.caseIndex ?? 0),
                .init("priority", "Priority", choices: Requirement.Priority.labels, selected: r?.priority.caseIndex ?? 0),
                .init("category", "Category", choices: categories, selected: r?.category.map { $0.caseIndex + 1 } ?? 0),
                .init("notes", "Notes", paragraph: r?.notes ?? ""),
            ])
    }

    static func apply(_ form: Form, to design: inout Design) -> Result<String, FormError> {
        let text = FormText.trimmed(form.text("text"))
        guard !text.isEmpty else { return .failure(FormError("The requirement needs some text.")) }
        let kind = Requirement.Kind.fromIndex(form.choice("kind"))
        let cat = kind == .functional ? 0 : form.choice("category")
        let r = Requirement(id: design.requirements.idForEdit(form.target.editedID), kind: kind,
                            text: text, priority: .fromIndex(form.choice("priority")),
                            category: cat == 0 ? nil : .fromIndex(cat - 1), notes: form.text("notes"))
        design.requirements.upsert(r)
        return .success(r.id.rawValue)
    }
}

/// Small text helpers shared by the item forms.
enum FormText {
    static func trimmed(_ s: String) -> String { s.trimmingCharacters(in: .whitespaces) }

    /// One entry per line (pros, cons), blank lines dropped.
    static func lines(_ s: String) -> [String] {
        s.split(separator: "\n").map { trimmed(String($0)) }.filter { !$0.isEmpty }
    }
}
