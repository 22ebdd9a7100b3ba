import DesignModel
import Estimates
import Workspace

/// The load a flow carries and a component's capacity, as the flow and component views show
/// them (read from the load the state's estimate cache keeps current; `i` is the item's position).
enum LoadText {
    static func flowLoad(_ state: AppState, _ i: Int) -> DesignLoad.FlowLoad? {
        let f = state.design.flows[i]
        guard f.rate != nil || f.payload != nil else { return nil }
        return state.estimateCache.load.flows[i]
    }

    /// For a flow row: `20.0K /s · 40.0 MB/s`, whichever is known, or `⚠ load` when the rate or
    /// payload has no value.
    static func flowRow(_ load: DesignLoad.FlowLoad) -> String {
        if [load.rate, load.payload].contains(where: { $0 != nil && $0?.quantity == nil }) { return "⚠ load" }
        var parts: [String] = []
        if let r = load.rate { parts.append(r.text) }
        if let b = load.bandwidth { parts.append(b.text) } else if let p = load.payload { parts.append(p.text + " each") }
        return parts.joined(separator: " · ")
    }

    /// A figure with the expression it came from when that names estimates (`20.0K /s
    /// (peak_qps)`); a plain value (`2 KB`) is not repeated.
    static func figure(_ f: DesignLoad.Figure, _ expression: String?) -> String {
        let text = f.text
        guard let e = expression?.trimmingCharacters(in: .whitespaces), !e.isEmpty, e != text,
              (try? Expression.parse(e))?.names.isEmpty == false else { return text }
        return text + " (\(e))"
    }

    /// The flow's details, on one line: `20.0K /s (peak_qps) × 2.0 KB = 40.0 MB/s`, or each
    /// figure with its error.
    static func flowDetail(_ state: AppState, _ i: Int) -> [DetailLine] {
        guard let load = flowLoad(state, i) else { return [] }
        let f = state.design.flows[i]
        if let r = load.rate, let p = load.payload, let b = load.bandwidth {
            return [DetailLine("Load", figure(r, f.rate) + " × " + figure(p, f.payload) + " = " + b.text)]
        }
        var parts: [String] = []
        if let r = load.rate { parts.append("rate " + figure(r, f.rate)) }
        if let p = load.payload { parts.append("payload " + figure(p, f.payload)) }
        return [DetailLine("Load", parts.joined(separator: "\n"))]
    }

    /// One component's capacity against the flows into it.
    static func componentLoad(_ state: AppState, _ i: Int) -> DesignLoad.ComponentLoad? {
        let c = state.design.components[i]
        guard c.capacity != nil || c.instances != nil else { return nil }
        return state.estimateCache.load.components[i]
    }

    /// The component's details: the load arriving against capacity (said first: it is what
    /// matters), then capacity per instance × instances.
    static func componentDetail(_ state: AppState, _ i: Int) -> [DetailLine] {
        guard let load = componentLoad(state, i) else { return [] }
        let c = state.design.components[i]
        var out: [DetailLine] = []
        if let incoming = load.incoming {
            var text = incoming.text
            if incoming.quantity != nil {
                text += " from \(load.flowsCounted) of \(load.flowsIncoming) incoming flow\(load.flowsIncoming == 1 ? "" : "s")"
                if load.utilisation != nil { text += ", \(DesignLoad.percent(load.utilisation)) of capacity" }
            }
            if load.isOverloaded { text += " — OVER CAPACITY" }
            out.append(DetailLine("Load", text))
        }
        if let cap = load.capacity {
            var text = figure(cap, c.capacity) + " per instance"
            if let n = load.instances { text += " × " + figure(n, c.instances) }
            if let total = load.totalCapacity, load.instances != nil { text += " = " + total.text }
            out.append(DetailLine("Capacity", text))
        } else if let n = load.instances {
            out.append(DetailLine("Instances", figure(n, c.instances)))
        }
        return out
    }
}
