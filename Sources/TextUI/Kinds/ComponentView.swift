import DesignModel
import Workspace

enum ComponentView {
    static let view = KindView(pane: .components, row: { state, i in
        let c = state.design.components[i]
        let over = c.capacity != nil && LoadText.componentLoad(state, i)?.isOverloaded == true
        return RowText.Row(tag: "[\(c.kind.shortTag)]", text: c.name,
                           trailing: over ? "⚠ over capacity" + (c.technology.isEmpty ? "" : " · " + c.technology) : c.technology)
    }, detail: { state, i in
        let d = state.design
        let c = d.components[i]
        let flows = d.flows(touching: c.id)
        let ins = flows.filter { $0.to == c.id }.count, outs = flows.count - ins
        var out = [DetailLine("Component", c.name),
                   DetailLine("Kind", "\(c.kind.label)" + (c.technology.isEmpty ? "" : " · \(c.technology)") + "  (\(c.id))"),
                   DetailLine("Does", c.responsibility.isEmpty ? "—" : c.responsibility),
                   DetailLine("Flows", "\(outs) out, \(ins) in")]
        out += LoadText.componentDetail(state, i)
        if let redundancy = c.redundancy { out.append(DetailLine("Redundancy", redundancy)) }
        if let serves = TraceabilityLines.serves(c.requirements, d) { out.append(serves) }
        if !c.notes.isEmpty { out.append(DetailLine("Notes", c.notes)) }
        if let refs = KindViews.referencedBy(c.id.rawValue, d) { out.append(refs) }
        return out
    })
}
