import DesignModel
import Workspace

enum TradeOffView {
    static let view = KindView(pane: .tradeOffs, row: { state, i in
        let t = state.design.tradeOffs[i]
        return RowText.Row(tag: t.status.mark, text: t.title, trailing: t.chosenOption.map { "→ \($0.name)" } ?? "")
    }, detail: { state, i in
        let d = state.design
        let t = d.tradeOffs[i]
        var out = [DetailLine("Decision", "\(t.id)  \(t.title)"),
                   DetailLine("Stage", "\(t.stage.number). \(state.catalogue[t.stage].title) · \(t.status.label)")]
        if let by = t.supersededBy { out.append(DetailLine("Superseded by", KindViews.names([by.rawValue], d))) }
        if !t.drivers.isEmpty { out.append(DetailLine("Drivers", KindViews.names(t.drivers.map(\.rawValue), d))) }
        if !t.context.isEmpty { out.append(DetailLine("Context", t.context)) }
        for (n, o) in t.options.enumerated() {
            var text = (o.id == t.chosen ? "✓ " : "") + o.name
            for p in o.pros { text += "\n+ " + p }
            for c in o.cons { text += "\n− " + c }
            out.append(DetailLine("Option \(n + 1)", text))
        }
        out.append(DetailLine("Chosen", t.chosenOption?.name ?? "—"))
        if !t.rationale.isEmpty { out.append(DetailLine("Why", t.rationale)) }
        if let refs = KindViews.referencedBy(t.id.rawValue, d) { out.append(refs) }
        return out
    })
}
