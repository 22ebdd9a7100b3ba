import DesignModel
import Foundation
import Testing

/// What deletes do to scenarios, how many steps use a component or a flow, and wrapping a run
/// of entries.
@Suite struct ScenarioReferencesTests {
    typealias E = ScenarioEditingTests

    /// Client → API (flow-1), API ⇄ DB two-way (flow-2), API → DB async (flow-3).
    static func design(_ steps: [ScenarioNode], requirements: [ItemID<Requirement>] = ["req-1"]) throws -> Design {
        var d = try sampleDesign()
        d.addScenario(name: "Shorten", requirements: requirements, steps: steps)
        return d
    }

    static func step(_ from: Int, _ to: Int, _ m: String, _ kind: ScenarioStep.Kind = .sync,
                     flow: ItemID<Flow>? = nil) -> ScenarioNode {
        .step(ScenarioStep(from: ItemID("comp-\(from)"), to: ItemID("comp-\(to)"), message: m, kind: kind, flow: flow))
    }

    @Test func deletingARequirementOrAFlowTakesItOutOfScenarios() throws {
        var d = try Self.design([Self.step(2, 3, "write", flow: "flow-3"), Self.step(1, 2, "shorten")],
                                requirements: ["req-1", "req-2"])
        d.dropReferences(to: "req-1")
        #expect(d.scenarios[0].requirements == ["req-2"])
        d.flows.removeAll { $0.id == "flow-3" }
        d.dropReferences(to: "flow-3")
        #expect(d.scenarios[0].steps[0].step?.flow == nil)
        #expect(d.flowMatch(for: d.scenarios[0].steps[0].step!) == .matched("flow-2"), "matched again automatically")
        // Components stay named: the steps are the user's story.
        d.dropReferences(to: "comp-1")
        #expect(d.scenarios[0].steps[1].step?.from == "comp-1")
    }

    @Test func stepsLosingAFlowCountOnlyThoseLeftWithoutOne() throws {
        let d = try Self.design([
            Self.step(1, 2, "shorten"),                 // flow-1, the only one
            Self.step(2, 1, "code", .reply),            // a reply rides back on flow-1
            Self.step(2, 3, "write"),                   // flow-2 (two-way) and…
            Self.step(2, 3, "audit", .async),           // …flow-3 both fit these
            Self.step(2, 2, "think"),                   // a self-call needs none
        ])
        #expect(d.scenarioStepsLosingFlow("flow-1") == (2, 1))
        #expect(d.scenarioStepsLosingFlow("flow-2") == (0, 0), "flow-3 still carries them")
        #expect(d.scenarioStepsLosingFlow("flow-9") == (0, 0))
        var named = d
        named.scenarios[0].steps[2] = Self.step(2, 3, "write", flow: "flow-3")
        #expect(named.scenarioStepsLosingFlow("flow-3") == (0, 0), "the step goes back to matching flow-2")
        #expect(d.scenarioUse(ofComponent: "comp-2") == (5, 1))
        #expect(d.scenarioUse(ofComponent: "comp-3") == (2, 1))
    }

    @Test func aRunOfEntriesIsWrappedInOneBlock() throws {
        var s = E.sample()                          // a alt(x: b c | y: d) e
        let path = try s.wrap(1...2, in: .top, kind: .loop, condition: "each")
        #expect(path == ScenarioPath([1]))
        #expect(E.shape(s.steps) == "a loop(each: alt(x: b c | y: d) e)")
        #expect(s.blockNesting == 2)
        try s.wrap(0...1, in: ScenarioListPath([1, 0, 0, 0]), kind: .opt)
        #expect(E.shape(s.steps) == "a loop(each: alt(x: opt(: b c) | y: d) e)")
        #expect(s.blockNesting == 3)
        #expect(s.stepCount == 5, "no step lost or added")
        #expect(throws: ScenarioEditError.noSuchEntry) { try s.wrap(0...5, in: .top, kind: .par) }
        #expect(E.shape(s.steps) == "a loop(each: alt(x: opt(: b c) | y: d) e)", "a refused wrap changes nothing")
    }

    @Test func scenariosAreItemsOtherItemsCanConcern() throws {
        var d = try Self.design([Self.step(1, 2, "shorten")])
        #expect(d.itemIDs["scen-1"] == "scenarios")
        d.risks.append(Risk(id: "risk-1", text: "The shorten path has no retry", concerns: ["scen-1"]))
        #expect(!d.findings().contains { $0.message.contains("scen-1") }, "a risk may concern a scenario")
    }
}
