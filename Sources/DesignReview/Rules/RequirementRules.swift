import DesignModel

/// Rules on requirements and what addresses them (stages 1 and 2).
enum RequirementRules {
    static let rules: [ReviewRule] = [
        ReviewRule("requirement.no-non-functional", .warning, .requirements,
                   summary: "The design has no non-functional requirement (latency, availability, scale, consistency, …).",
                   hint: "Ask about scale, latency, availability and consistency, and record the answers: they drive the architecture.",
                   run: noNonFunctional),
        ReviewRule("requirement.unmeasurable", .warning, .requirements,
                   summary: "A non-functional requirement with no measurable target (no number in its text or notes).",
                   hint: "Give a target to design and test against: a percentile latency, nines of availability, requests per second, a size.",
                   run: unmeasurable),
        ReviewRule("requirement.unaddressed", .warning, .highLevelDesign,
                   summary: "A must-have requirement that no component, flow, decision, endpoint, entity or scenario addresses.",
                   hint: "Link what meets it (edit the requirement: Addressed by), or add the part of the design that is missing.",
                   run: unaddressed),
        ReviewRule("component.unused", .warning, .highLevelDesign,
                   summary: "A component that addresses no requirement and has no data flow.",
                   hint: "Connect it with the flows it takes part in, link the requirement it serves, or remove it.",
                   run: unused),
    ]

    static func noNonFunctional(_ c: ReviewContext) -> [RuleHit] {
        guard c.hasBegun, !c.design.requirements.contains(where: { $0.kind == .nonFunctional }) else { return [] }
        let what = c.design.requirements.isEmpty ? "The design has no requirements at all"
            : "The design's \(c.design.requirements.count) requirement\(c.design.requirements.count == 1 ? " is" : "s are") all functional or constraints"
        return [RuleHit([], what + ": no non-functional requirement says how fast, how available or how big it must be.",
                        location: [.key("requirements")])]
    }

    /// Categories whose targets are usually policies or named standards rather than numbers.
    static let policyCategories: Set<Requirement.Category> = [.security, .privacy, .compliance]

    static let absoluteWords: Set<String> = [
        "zero", "never", "hundred", "thousand", "million", "billion", "trillion", "nines",
        // consistency models are targets in themselves
        "linearizable", "linearisable", "serializable", "serialisable", "causal", "monotonic",
    ]
    static let absolutePhrases: [[String]] = [["strong", "consistency"], ["strongly", "consistent"],
                                              ["eventual", "consistency"], ["eventually", "consistent"],
                                              ["read", "your", "writes"], ["bounded", "staleness"]]

    static func isMeasurable(_ r: Requirement) -> Bool {
        if TextScan.hasDigit(r.text) || TextScan.hasDigit(r.notes) { return true }
        return TextScan.mentions([r.text, r.notes], words: absoluteWords, phrases: absolutePhrases)
    }

    static func unmeasurable(_ c: ReviewContext) -> [RuleHit] {
        c.design.requirements.compactMap { r in
            guard r.kind == .nonFunctional, !(r.category.map(policyCategories.contains) ?? false), !isMeasurable(r) else { return nil }
            let about = r.category.map { " (\($0.label.lowercased()))" } ?? ""
            return RuleHit([r.id.rawValue], "Non-functional requirement \(c.requirement(r))\(about) has no measurable target.")
        }
    }

    static func unaddressed(_ c: ReviewContext) -> [RuleHit] {
        let trace = c.traceability
        return c.design.requirements.compactMap { r in
            guard r.priority == .must, !trace.isAddressed(r.id) else { return nil }
            return RuleHit([r.id.rawValue], "Must-have \(r.kind.label.lowercased()) requirement \(c.requirement(r)) is addressed by nothing in the design.")
        }
    }

    static func unused(_ c: ReviewContext) -> [RuleHit] {
        var hits: [RuleHit] = []
        for (i, comp) in c.design.components.enumerated() where comp.requirements.isEmpty {
            // A repeated id is not this component's position: leave it to validate.
            guard c.index[comp.id] == i, c.outgoing[i].isEmpty, c.incoming[i].isEmpty else { continue }
            hits.append(RuleHit([comp.id.rawValue], "Component \(c.component(i)) addresses no requirement and has no data flow."))
        }
        return hits
    }
}
