import DesignModel
import Workspace

enum FlowView {
    static let view = KindView(pane: .flows, row: { state, i in
        let f = state.design.flows[i]
        let arrow = f.direction == .twoWay ? "↔" : (f.mode == .async ? "⇢" : "→")
        let mode = f.mode == .async ? "async" : "sync"
        let load = LoadText.flowLoad(state, i).map(LoadText.flowRow) ?? ""
        return RowText.Row(tag: "", text: "\(state.componentName(f.from)) \(arrow) \(state.componentName(f.to))",
                           trailing: [f.label, load, "\(f.protocolLabel) \(mode)"].filter { !$0.isEmpty }.joined(separator: " · "))
    }, detail: { state, i in
        let f = state.design.flows[i]
        let arrow = f.direction == .twoWay ? "↔" : "→"
        var out = [DetailLine("Flow", "\(f.id)  \(state.componentName(f.from)) \(arrow) \(state.componentName(f.to))"),
                   DetailLine("Carries", f.label.isEmpty ? "—" : f.label),
                   DetailLine("How", "\(f.protocolLabel) · \(f.mode.label) · \(f.direction.label)")]
        if let serves = TraceabilityLines.serves(f.requirements, state.design) { out.append(serves) }
        out += LoadText.flowDetail(state, i)
        if !f.notes.isEmpty { out.append(DetailLine("Notes", f.notes)) }
        if let refs = KindViews.referencedBy(f.id.rawValue, state.design) { out.append(refs) }
        return out
    })
}
