import DesignModel
import Testing

@Suite struct ScenarioArchitectureTests {
    // comp-1 Client, comp-2 API, comp-3 DB, comp-4 Queue;
    // flow-1 Client → API, flow-2 API ↔ DB (two-way), flow-3 API → Queue (async).

    func step(_ from: String, _ to: String, _ kind: ScenarioStep.Kind = .sync, flow: String? = nil) -> ScenarioStep {
        ScenarioStep(from: ItemID(from), to: ItemID(to), message: "m", kind: kind, flow: flow.map { ItemID($0) })
    }

    @Test func stepsMatchTheFlowsTheyTravelOn() throws {
        let d = try scenarioDesign()
        #expect(d.flowMatch(for: step("comp-1", "comp-2")) == .matched("flow-1"))
        #expect(d.flowMatch(for: step("comp-2", "comp-1")) == .missing, "a call against a one-way flow")
        #expect(d.flowMatch(for: step("comp-2", "comp-1", .reply)) == .matched("flow-1"), "a reply rides back on the call's flow")
        #expect(d.flowMatch(for: step("comp-3", "comp-2")) == .matched("flow-2"), "a two-way flow works both ways")
        #expect(d.flowMatch(for: step("comp-2", "comp-4", .async)) == .matched("flow-3"))
        #expect(d.flowMatch(for: step("comp-2", "comp-2")) == .selfCall)
        #expect(d.flowMatch(for: step("comp-1", "comp-9")) == .unknownComponent("comp-9"))
        #expect(d.flowMatch(for: step("comp-1", "comp-2", flow: "flow-1")) == .explicit("flow-1"))
        #expect(d.flowMatch(for: step("comp-1", "comp-2", flow: "flow-2")) == .wrongFlow("flow-2"))
        #expect(d.flowMatch(for: step("comp-1", "comp-2", flow: "flow-9")) == .unknownFlow("flow-9"))
    }

    @Test func severalFlowsAreAmbiguousUntilTheStepNamesOne() throws {
        var d = try scenarioDesign()
        try d.addFlow(from: "comp-2", to: "comp-3", label: "bulk export")
        let s = step("comp-2", "comp-3")
        #expect(d.flowMatch(for: s) == .ambiguous(["flow-2", "flow-4"]))
        #expect(d.flowMatch(for: s).isInArchitecture)
        var named = s
        named.flow = "flow-4"
        #expect(d.flowMatch(for: named) == .explicit("flow-4"))
    }

    @Test func unsupportedStepsComeWithTheFlowThatWouldFixThem() throws {
        var d = try scenarioDesign()
        d.scenarios[0].steps += [
            .step(step("comp-3", "comp-4", .async)),
            .step(step("comp-4", "comp-1", .reply)),
            .step(step("comp-1", "comp-8")),
        ]
        let u = d.unsupportedSteps(in: d.scenarios[0])
        #expect(u.map(\.number) == [8, 9, 10])
        #expect(u[0].proposal == FlowProposal(from: "comp-3", to: "comp-4", label: "m", mode: .async))
        #expect(u[1].proposal == FlowProposal(from: "comp-1", to: "comp-4", label: "m", mode: .sync),
                "a reply's flow points the way of the call")
        #expect(u[2].proposal == nil && u[2].match == .unknownComponent("comp-8"))
        #expect(u[0].path == ScenarioPath([4]))
        // One key adds the flow; the step is then in the architecture.
        let id = try d.addFlow(try #require(u[0].proposal))
        #expect(d.flows.last?.id == id && d.flows.last?.mode == .async && d.flows.last?.protocol == .other)
        #expect(d.unsupportedSteps(in: d.scenarios[0]).map(\.number) == [9, 10])
    }

    @Test func usageListsComponentsAndFlowsInOrderOfUse() throws {
        let d = try scenarioDesign()
        let u = d.usage(of: d.scenarios[0])
        #expect(u.components == ["comp-1", "comp-2", "comp-3", "comp-4"])
        #expect(u.flows == ["flow-1", "flow-2", "flow-3"])
        #expect(d.participants(of: d.scenarios[0]) == ["comp-1", "comp-2", "comp-3", "comp-4"])
        var partial = d.scenarios[0]
        partial.steps = [.step(step("comp-2", "comp-2")), .step(step("comp-2", "comp-77"))]
        let p = d.usage(of: partial)
        #expect(p.components == ["comp-2"] && p.flows.isEmpty, "missing components are not highlighted")
        #expect(d.participants(of: partial) == ["comp-2", "comp-77"])
        #expect(d.scenarioStepCount(touching: "comp-4") == 1)
    }

    @Test func scenariosAreFoundByIdOrName() throws {
        let d = try scenarioDesign()
        #expect(d.scenario(named: "scen-1")?.name == "Look up")
        #expect(d.scenario(named: "  look UP ")?.id == "scen-1")
        #expect(d.scenario(named: "nope") == nil)
    }
}
