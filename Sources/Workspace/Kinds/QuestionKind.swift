import DesignModel

/// Open questions: what the design cannot answer yet, and who will find out.
enum QuestionKind {
    static let kind = ItemKind.list(
        .questions, \Design.questions,
        title: "Open questions", shortTitle: "Questions", noun: "question",
        name: { _, q in q.text },
        searchText: { _, q in "\(q.id) \(q.text) \(q.owner) \(q.status.label) \(q.answer) \(q.concerns.joined(separator: " "))" },
        form: { state, q in form(q, in: state.design) },
        apply: apply)

    static func form(_ q: OpenQuestion?, in design: Design) -> Form {
        let items = ItemKinds.itemChoices(design, excluding: .questions)
        return Form(
            title: q == nil ? "New question" : "Edit question \(q!.id)",
            target: q.map { .item(.questions, $0.id.rawValue) } ?? .newItem(.questions),
            fields: [
                .init("text", "Question", text: q?.text ?? ""),
                .init("status", "Status", choices: FollowUpStatus.labels, selected: q?.status.caseIndex ?? 0),
                .init("owner", "Owner", text: q?.owner ?? ""),
                .init("concerns", "Concerns", options: items.labels, ids: items.ids, selected: q?.concerns ?? []),
                .init("answer", "Answer", paragraph: q?.answer ?? ""),
            ])
    }

    static func apply(_ form: Form, to design: inout Design) -> Result<String, FormError> {
        let text = FormText.trimmed(form.text("text"))
        guard !text.isEmpty else { return .failure(FormError("Write the question.")) }
        let id = design.questions.idForEdit(form.target.editedID)
        var q = design.questions[id: id] ?? OpenQuestion(id: id, text: text)
        q.text = text
        q.status = .fromIndex(form.choice("status"))
        q.owner = FormText.trimmed(form.text("owner"))
        q.concerns = form["concerns"]?.selectedIDs ?? []
        q.answer = form.text("answer")
        design.questions.upsert(q)
        return .success(q.id.rawValue)
    }
}
