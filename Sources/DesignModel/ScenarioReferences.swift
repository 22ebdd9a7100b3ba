/// How scenarios refer to the rest of the design, for deletes: how many steps use a component
/// or a flow (the question before deleting says so), and what a delete takes out of scenarios.
extension Design {
    /// How many scenario steps deleting a flow would leave without one (they travel on it and
    /// no other flow fits them), and in how many scenarios. Steps that have another flow to
    /// travel on are not counted.
    public func scenarioStepsLosingFlow(_ id: ItemID<Flow>) -> (steps: Int, scenarios: Int) {
        guard !scenarios.isEmpty, flows.contains(where: { $0.id == id }) else { return (0, 0) }
        var without = self
        without.flows.removeAll { $0.id == id }
        without.dropScenarioReferences(to: id.rawValue)
        let before = FlowMatcher(self), after = FlowMatcher(without)
        var steps = 0, inScenarios = 0
        for (s, t) in zip(scenarios, without.scenarios) {
            var n = 0
            for (a, b) in zip(s.numberedSteps, t.numberedSteps) {
                let was = before.match(a.step)
                if was.flows.contains(id) || a.step.flow == id, was.isInArchitecture, !after.match(b.step).isInArchitecture { n += 1 }
            }
            steps += n
            if n > 0 { inScenarios += 1 }
        }
        return (steps, inScenarios)
    }

    /// How many scenario steps name a component as sender or receiver, and in how many scenarios.
    public func scenarioUse(ofComponent id: ItemID<Component>) -> (steps: Int, scenarios: Int) {
        var steps = 0, inScenarios = 0
        for s in scenarios {
            let n = s.numberedSteps.reduce(0) { $1.step.from == id || $1.step.to == id ? $0 + 1 : $0 }
            steps += n
            if n > 0 { inScenarios += 1 }
        }
        return (steps, inScenarios)
    }

    /// Takes a deleted item out of scenarios: a requirement from the requirements they
    /// demonstrate; a flow from the steps that named it by hand (they go back to matching a flow
    /// automatically). Steps naming a deleted component stay: they are the user's story, and show
    /// as not in the architecture until the component is back or the step is changed.
    mutating func dropScenarioReferences(to id: String) {
        guard !scenarios.isEmpty else { return }
        for i in scenarios.indices {
            if scenarios[i].requirements.contains(where: { $0.rawValue == id }) {
                scenarios[i].requirements.removeAll { $0.rawValue == id }
            }
            guard scenarios[i].numberedSteps.contains(where: { $0.step.flow?.rawValue == id }) else { continue }
            scenarios[i].steps = Self.clearingFlow(id, in: scenarios[i].steps)
        }
    }

    private static func clearingFlow(_ id: String, in nodes: [ScenarioNode]) -> [ScenarioNode] {
        nodes.map { node in
            switch node {
            case .step(var s):
                if s.flow?.rawValue == id { s.flow = nil }
                return .step(s)
            case .block(var b):
                for i in b.branches.indices { b.branches[i].steps = clearingFlow(id, in: b.branches[i].steps) }
                return .block(b)
            }
        }
    }
}
