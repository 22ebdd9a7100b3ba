import DesignModel

/// Rules on how the data flows are drawn (stage 2).
enum FlowRules {
    static let rules: [ReviewRule] = [
        ReviewRule("flow.unlabelled", .info, .highLevelDesign,
                   summary: "A data flow with no label: the diagram does not say what moves along it.",
                   hint: "Say what moves: the request, the event, the data (\"new link\", \"click events\").",
                   run: unlabelled),
        ReviewRule("flow.duplicate", .warning, .highLevelDesign,
                   summary: "Two flows with the same ends, label, protocol, mode and direction.",
                   hint: "Delete the copy, or tell them apart (what each carries).",
                   run: duplicates),
        ReviewRule("flow.self-loop", .error, .highLevelDesign,
                   summary: "A data flow from a component to itself.",
                   hint: "Point it at the component it really talks to, or delete it (work inside a component is not a flow).",
                   run: selfLoops),
    ]

    static func unlabelled(_ c: ReviewContext) -> [RuleHit] {
        c.design.flows.indices.compactMap { fi in
            guard c.design.flows[fi].label.trimmingWhitespace.isEmpty else { return nil }
            return RuleHit([c.design.flows[fi].id.rawValue], "Flow \(c.flow(fi)) has no label.")
        }
    }

    /// Flows with the same ends, mode and direction (integers, cheap to hash); labels and
    /// protocols are compared only within such a group, which is almost always of one.
    private struct Ends: Hashable {
        var a: Int, b: Int
        var mode: Flow.Mode
        var direction: Flow.Direction
    }

    static func duplicates(_ c: ReviewContext) -> [RuleHit] {
        var groups: [Ends: [Int]] = [:]
        groups.reserveCapacity(c.design.flows.count)
        var hits: [RuleHit] = []
        func same(_ x: Flow, _ y: Flow) -> Bool {
            x.label.trimmingWhitespace.lowercased() == y.label.trimmingWhitespace.lowercased()
                && x.protocolLabel.lowercased() == y.protocolLabel.lowercased()
        }
        for (fi, f) in c.design.flows.enumerated() {
            var a = c.from[fi], b = c.to[fi]
            guard a >= 0, b >= 0 else { continue }
            if f.direction == .twoWay && b < a { swap(&a, &b) }   // A ↔ B is B ↔ A
            let key = Ends(a: a, b: b, mode: f.mode, direction: f.direction)
            if let earlier = groups[key]?.first(where: { same(c.design.flows[$0], f) }) {
                let e = c.design.flows[earlier]
                let what = f.label.trimmingWhitespace.isEmpty ? "no label" : ReviewContext.quoted(f.label)
                hits.append(RuleHit([f.id.rawValue, e.id.rawValue],
                                    "Flows \(f.id) and \(e.id) are the same: \(c.flow(fi)), \(what), \(f.protocolLabel), \(f.mode.label.lowercased())."))
            } else {
                groups[key, default: []].append(fi)
            }
        }
        return hits
    }

    static func selfLoops(_ c: ReviewContext) -> [RuleHit] {
        c.design.flows.compactMap { f in
            guard f.from == f.to else { return nil }
            let name = c.index[f.from].map(c.component) ?? f.from.rawValue
            return RuleHit([f.id.rawValue, f.from.rawValue], "Flow \(f.id) goes from \(name) to itself.")
        }
    }
}
