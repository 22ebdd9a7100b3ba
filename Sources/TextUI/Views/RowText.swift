import DesignModel
import Workspace

/// How one item reads as a list row and in the detail strip.
enum RowText {
    struct Row {
        /// A short coloured tag at the start ("NFR", "[DB]").
        var tag: String
        var text: String
        /// Secondary text, drawn dim after the main text (technology, protocol).
        var trailing: String
    }

    static func row(_ state: AppState, _ pane: Pane, _ i: Int) -> Row {
        let d = state.design
        switch pane {
        case .requirements:
            let r = d.requirements[i]
            let cat = r.category.map { " · \($0.label)" } ?? ""
            return Row(tag: "\(r.kind.shortTag.padding(toLength: 3, withPad: " ", startingAt: 0)) \(r.priority.label.prefix(1))",
                       text: r.text, trailing: cat.isEmpty ? "" : String(cat.dropFirst(3)))
        case .components:
            let c = d.components[i]
            return Row(tag: "[\(c.kind.shortTag)]", text: c.name, trailing: c.technology)
        case .flows:
            let f = d.flows[i]
            let arrow = f.direction == .twoWay ? "↔" : (f.mode == .async ? "⇢" : "→")
            let mode = f.mode == .async ? "async" : "sync"
            return Row(tag: "", text: "\(state.componentName(f.from)) \(arrow) \(state.componentName(f.to))",
                       trailing: [f.label, "\(f.protocol.label) \(mode)"].filter { !$0.isEmpty }.joined(separator: " · "))
        case .tradeOffs:
            let t = d.tradeOffs[i]
            let mark = switch t.status { case .accepted: "✓"; case .proposed: "?"; case .superseded: "✗" }
            return Row(tag: mark, text: t.title, trailing: t.chosenOption.map { "→ \($0.name)" } ?? "")
        }
    }

    /// Label/value lines for the detail strip.
    static func detail(_ state: AppState, _ pane: Pane, _ i: Int) -> [(String, String)] {
        let d = state.design
        switch pane {
        case .requirements:
            let r = d.requirements[i]
            var out: [(String, String)] = [("Requirement", "\(r.id)  \(r.kind.label) · \(r.priority.label)" + (r.category.map { " · \($0.label)" } ?? "")),
                                           ("Text", r.text)]
            if !r.notes.isEmpty { out.append(("Notes", r.notes)) }
            return out
        case .components:
            let c = d.components[i]
            let flows = d.flows(touching: c.id)
            let ins = flows.filter { $0.to == c.id }.count, outs = flows.count - ins
            var out: [(String, String)] = [("Component", c.name),
                                           ("Kind", "\(c.kind.label)" + (c.technology.isEmpty ? "" : " · \(c.technology)") + "  (\(c.id))"),
                                           ("Does", c.responsibility.isEmpty ? "—" : c.responsibility),
                                           ("Flows", "\(outs) out, \(ins) in")]
            if !c.notes.isEmpty { out.append(("Notes", c.notes)) }
            return out
        case .flows:
            let f = d.flows[i]
            var out: [(String, String)] = [("Flow", "\(f.id)  \(state.componentName(f.from)) → \(state.componentName(f.to))"),
                                           ("Carries", f.label.isEmpty ? "—" : f.label),
                                           ("How", "\(f.protocol.label) · \(f.mode.label) · \(f.direction.label)")]
            if !f.notes.isEmpty { out.append(("Notes", f.notes)) }
            return out
        case .tradeOffs:
            let t = d.tradeOffs[i]
            var out: [(String, String)] = [("Decision", "\(t.id)  \(t.title)"),
                                           ("Stage", "\(t.stage.number). \(state.catalogue[t.stage].title) · \(t.status.label)")]
            if !t.context.isEmpty { out.append(("Context", t.context)) }
            for o in t.options {
                let mark = o.id == t.chosen ? "✓ " : "  "
                out.append(("Option", mark + o.name + (o.pros.isEmpty ? "" : "  + " + o.pros.joined(separator: ", "))
                    + (o.cons.isEmpty ? "" : "  − " + o.cons.joined(separator: ", "))))
            }
            if !t.rationale.isEmpty { out.append(("Why", t.rationale)) }
            return out
        }
    }
}
