import DesignModel

/// What deleting a component or a flow does to scenarios, for the question before the delete
/// (the kinds' `deleteEffects`): the steps that would no longer be in the architecture.
enum ScenarioUse {
    /// A component's delete: what else goes (`also`, its flows) and the steps that name it.
    static func component(_ d: Design, _ i: Int, also: String?) -> String? {
        let use = d.scenarioUse(ofComponent: d.components[i].id)
        guard use.steps > 0 else { return also }
        let steps = count(use)
        guard let also else { return "leave \(steps) naming a component that is gone (not in the architecture)" }
        return also + "; \(steps) name\(use.steps == 1 ? "s" : "") it and will show as not in the architecture"
    }

    /// A flow's delete: the steps it would leave without a flow to travel on.
    static func flow(_ d: Design, _ i: Int) -> String? {
        let use = d.scenarioStepsLosingFlow(d.flows[i].id)
        guard use.steps > 0 else { return nil }
        return "leave \(count(use)) without a data flow (not in the architecture)"
    }

    /// "3 steps of 2 scenarios", "1 step of scenario scen-2".
    static func count(_ use: (steps: Int, scenarios: Int)) -> String {
        "\(use.steps) scenario step\(use.steps == 1 ? "" : "s")"
            + (use.scenarios > 1 ? " (in \(use.scenarios) scenarios)" : "")
    }
}
