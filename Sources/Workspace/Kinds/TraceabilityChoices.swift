import DesignModel

/// The options of the traceability fields in the forms: from a requirement, everything that can
/// address it; from a component or flow, the requirements.
enum TraceabilityChoices {
    static func requirements(_ d: Design) -> (labels: [String], ids: [String]) {
        (d.requirements.map { "\($0.id)  \($0.kind.shortTag) \($0.text)" }, d.requirements.map(\.id.rawValue))
    }

    /// Components, flows, decisions, endpoints, entities and scenarios, in that order.
    static func addressing(_ d: Design) -> (labels: [String], ids: [String]) {
        var labels: [String] = [], ids: [String] = []
        func add(_ id: String, _ text: String) {
            ids.append(id)
            labels.append(id + "  " + text)
        }
        let names = Dictionary(d.components.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        for c in d.components { add(c.id.rawValue, c.name) }
        for f in d.flows {
            add(f.id.rawValue, "\(names[f.from] ?? f.from.rawValue) → \(names[f.to] ?? f.to.rawValue)" + (f.label.isEmpty ? "" : ": \(f.label)"))
        }
        for t in d.tradeOffs { add(t.id.rawValue, t.title) }
        for e in d.endpoints { add(e.id.rawValue, "\(e.method.label) \(e.path)") }
        for e in d.entities { add(e.id.rawValue, e.name) }
        for s in d.scenarios { add(s.id.rawValue, s.name) }
        return (labels, ids)
    }
}

extension FormText {
    /// A trimmed one-line value, nil when empty (optional fields stay absent from the file).
    static func optional(_ s: String) -> String? {
        let t = trimmed(s)
        return t.isEmpty ? nil : t
    }
}
