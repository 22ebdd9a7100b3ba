import DesignModel

/// Rules on monitoring and on recorded decisions (stages 9 and 10).
enum DecisionRules {
    static let rules: [ReviewRule] = [
        ReviewRule("design.no-monitoring", .warning, .monitoring,
                   summary: "Nothing for monitoring: no monitoring component, and stage 9 (monitoring and alerting) untouched.",
                   hint: "Add a monitoring component (metrics, logs, traces, alerts) to the architecture, or work through stage 9.",
                   run: noMonitoring),
        ReviewRule("design.no-trade-off", .warning, .tradeOffs,
                   summary: "No trade-off is recorded.",
                   hint: "Record the main decisions: the options weighed, their pros and cons, what was chosen and why.",
                   run: noTradeOff),
        ReviewRule("decision.single-option", .warning, .tradeOffs,
                   summary: "A proposed or accepted decision that weighs fewer than two options.",
                   hint: "Add the alternatives that were considered, with their pros and cons: a decision is a choice between options.",
                   run: singleOption),
        ReviewRule("decision.no-rationale", .warning, .tradeOffs,
                   summary: "A decision that is accepted or has an option chosen, but gives no rationale.",
                   hint: "Say why the chosen option wins for this design's requirements (which drivers, which costs are accepted).",
                   run: noRationale),
        ReviewRule("decision.accepted-without-choice", .error, .tradeOffs,
                   summary: "A decision marked accepted with no option chosen.",
                   hint: "Choose the option that was accepted, or set the status back to proposed.",
                   run: acceptedWithoutChoice),
    ]

    static func stageIndex(_ d: Design, _ key: StageKey) -> Int {
        d.stages.firstIndex { $0.stage == key } ?? StageKey.allCases.firstIndex(of: key)!
    }

    static func noMonitoring(_ c: ReviewContext) -> [RuleHit] {
        let d = c.design
        guard !d.components.isEmpty, !d.components.contains(where: { $0.kind == .monitoring }),
              !ReliabilityRules.stageTouched(d, .monitoring) else { return [] }
        return [RuleHit([], "Nothing covers monitoring: no monitoring component, and stage 9 (\(StageKey.monitoring.label.lowercased())) is untouched.",
                        location: [.key("stages"), .index(stageIndex(d, .monitoring))])]
    }

    static func noTradeOff(_ c: ReviewContext) -> [RuleHit] {
        guard c.hasBegun, c.design.tradeOffs.isEmpty else { return [] }
        return [RuleHit([], "No trade-off is recorded: the design does not say what it chose over what, or why.",
                        location: [.key("tradeOffs")])]
    }

    static func isLive(_ t: TradeOff) -> Bool { t.status == .proposed || t.status == .accepted }

    static func singleOption(_ c: ReviewContext) -> [RuleHit] {
        c.design.tradeOffs.compactMap { t in
            guard isLive(t), t.options.count < 2 else { return nil }
            let what = t.options.isEmpty ? "weighs no options" : "weighs only one option, " + ReviewContext.quoted(t.options[0].name)
            return RuleHit([t.id.rawValue], "Decision \(c.decision(t)) \(what).")
        }
    }

    static func noRationale(_ c: ReviewContext) -> [RuleHit] {
        c.design.tradeOffs.compactMap { t in
            guard t.rationale.trimmingWhitespace.isEmpty, t.status == .accepted || t.chosenOption != nil else { return nil }
            let chose = t.chosenOption.map { "chose " + ReviewContext.quoted($0.name) } ?? "is accepted"
            return RuleHit([t.id.rawValue], "Decision \(c.decision(t)) \(chose) but gives no rationale.")
        }
    }

    static func acceptedWithoutChoice(_ c: ReviewContext) -> [RuleHit] {
        c.design.tradeOffs.compactMap { t in
            guard t.status == .accepted, t.chosenOption == nil else { return nil }
            return RuleHit([t.id.rawValue], "Decision \(c.decision(t)) is accepted, but no option is chosen.")
        }
    }
}
