import DesignModel
import Workspace

enum RequirementView {
    static let view = KindView(pane: .requirements, row: { state, i in
        let r = state.design.requirements[i]
        return RowText.Row(tag: "\(r.kind.shortTag.padding(toLength: 3, withPad: " ", startingAt: 0)) \(r.priority.label.prefix(1))",
                           text: r.text, trailing: r.category?.label ?? "")
    }, detail: { state, i in
        let r = state.design.requirements[i]
        var out = [DetailLine("Requirement", "\(r.id)  \(r.kind.label) · \(r.priority.label)" + (r.category.map { " · \($0.label)" } ?? "")),
                   DetailLine("Text", r.text)]
        if !r.notes.isEmpty { out.append(DetailLine("Notes", r.notes)) }
        if let refs = KindViews.referencedBy(r.id.rawValue, state.design) { out.append(refs) }
        return out
    })
}
