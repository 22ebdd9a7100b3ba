import DesignModel
import Workspace

enum QuestionView {
    static let view = KindView(pane: .questions, row: { state, i in
        let q = state.design.questions[i]
        let mark = switch q.status { case .open: "?"; case .resolved: "✓"; case .accepted: "~" }
        return RowText.Row(tag: mark, text: q.text,
                           trailing: [q.owner, q.status.label].filter { !$0.isEmpty }.joined(separator: " · "))
    }, detail: { state, i in
        let q = state.design.questions[i]
        return [DetailLine("Question", "\(q.id)  \(q.text)"),
                DetailLine("Standing", q.status.label + (q.owner.isEmpty ? "" : " · owner \(q.owner)")),
                DetailLine("Concerns", KindViews.names(q.concerns, state.design)),
                DetailLine("Answer", q.answer.isEmpty ? "—" : q.answer)]
    })
}
