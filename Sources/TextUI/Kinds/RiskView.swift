import DesignModel
import Workspace

enum RiskView {
    static let view = KindView(pane: .risks, row: { state, i in
        let r = state.design.risks[i]
        let mark = switch r.status { case .open: "!"; case .resolved: "✓"; case .accepted: "~" }
        return RowText.Row(tag: "\(mark) \(r.impact.label.prefix(1))", text: r.text,
                           trailing: [r.owner, r.status.label].filter { !$0.isEmpty }.joined(separator: " · "))
    }, detail: { state, i in
        let r = state.design.risks[i]
        var out = [DetailLine("Risk", "\(r.id)  \(r.text)"),
                   DetailLine("Standing", "\(r.impact.label) impact · \(r.status.label)" + (r.owner.isEmpty ? "" : " · owner \(r.owner)")),
                   DetailLine("Concerns", KindViews.names(r.concerns, state.design))]
        out.append(DetailLine("Mitigation", r.mitigation.isEmpty ? "—" : r.mitigation))
        return out
    })
}
