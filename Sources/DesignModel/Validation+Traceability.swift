import Foundation

extension Design {
    /// Checks of traceability links and accepted review findings: ids unique (errors);
    /// references to requirements that are gone, and acceptances without a rule or a reason
    /// (warnings: a file must open even after an item was deleted outside sysdraft).
    func traceabilityFindings() -> [Finding] {
        var out: [Finding] = []
        var seen = Set<ItemID<AcceptedFinding>>()
        for (i, a) in acceptedFindings.enumerated() where !seen.insert(a.id).inserted || a.id.rawValue.isEmpty {
            out.append(Finding(.error, "acceptedFindings[\(i)].id", a.id.rawValue.isEmpty ? "empty id" : "duplicate id \"\(a.id)\""))
        }
        let hasLinks = components.contains { !$0.requirements.isEmpty } || flows.contains { !$0.requirements.isEmpty }
        if hasLinks {
            let known = Set(requirements.map(\.id))
            for (i, c) in components.enumerated() {
                for (j, r) in c.requirements.enumerated() where !known.contains(r) {
                    out.append(Finding(.warning, "components[\(i)].requirements[\(j)]",
                                       "component \(c.id) addresses missing requirement \"\(r)\""))
                }
            }
            for (i, f) in flows.enumerated() {
                for (j, r) in f.requirements.enumerated() where !known.contains(r) {
                    out.append(Finding(.warning, "flows[\(i)].requirements[\(j)]",
                                       "flow \(f.id) addresses missing requirement \"\(r)\""))
                }
            }
        }
        for (i, a) in acceptedFindings.enumerated() {
            if a.rule.trimmingCharacters(in: .whitespaces).isEmpty {
                out.append(Finding(.warning, "acceptedFindings[\(i)].rule", "accepted finding \(a.id) names no review rule"))
            }
            if a.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                out.append(Finding(.warning, "acceptedFindings[\(i)].reason", "accepted finding \(a.id) gives no reason"))
            }
        }
        return out
    }

    /// Removes a deleted item from the traceability links, and the acceptances of findings that
    /// named it (such a finding can no longer come back as it was).
    mutating func dropTraceabilityReferences(to id: String) {
        for i in components.indices where components[i].requirements.contains(where: { $0.rawValue == id }) {
            components[i].requirements.removeAll { $0.rawValue == id }
        }
        for i in flows.indices where flows[i].requirements.contains(where: { $0.rawValue == id }) {
            flows[i].requirements.removeAll { $0.rawValue == id }
        }
        if acceptedFindings.contains(where: { $0.items.contains(id) }) {
            acceptedFindings.removeAll { $0.items.contains(id) }
        }
    }
}
