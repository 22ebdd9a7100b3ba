import DesignModel

/// "14 requirements, 12 components, 13 flows, …": how much a design holds, for `validate` and
/// `summary`. Lists that are empty are left out, except the first four. A new list adds a line.
enum DesignCounts {
    static func parts(_ d: Design) -> [String] {
        func n(_ count: Int, _ one: String, _ many: String, always: Bool = false) -> String? {
            count == 0 && !always ? nil : "\(count) \(count == 1 ? one : many)"
        }
        return [
            n(d.requirements.count, "requirement", "requirements", always: true),
            n(d.components.count, "component", "components", always: true),
            n(d.flows.count, "flow", "flows", always: true),
            n(d.tradeOffs.count, "trade-off", "trade-offs", always: true),
            n(d.risks.count, "risk", "risks"),
            n(d.questions.count, "open question", "open questions"),
            n(d.scenarios.count, "scenario", "scenarios"),
            n(d.endpoints.count, "endpoint", "endpoints"),
            n(d.entities.count, "entity", "entities"),
            n(d.estimates.count, "estimate", "estimates"),
            n(d.conflicts.count, "merge conflict", "merge conflicts"),
        ].compactMap { $0 }
    }
}
