import DesignModel
import Foundation
import Testing
@testable import Workspace

/// The sequence screen, the missing-flow key, the jump to the highlighted architecture diagram,
/// and what deletes say about the steps that use a component or a flow.
@Suite struct ScenarioScreensTests {
    /// A scenario whose second step (Service ⇢ Queue) no flow carries.
    static let withMissing = [step(2, 3, "place order"), step(3, 5, "order placed", .async), step(3, 4, "INSERT")]

    @Test func fAddsTheMissingFlowAsOneUndoableChange() throws {
        var s = stepsState(Self.withMissing)
        s.selectRow(1)
        let before = s.design.flows
        send(&s, .char("f"))
        let added = try #require(s.design.flows.last)
        #expect(s.design.flows.count == before.count + 1)
        #expect(added.from == "comp-3" && added.to == "comp-5" && added.label == "order placed" && added.mode == .async)
        #expect(s.design.unsupportedSteps(in: s.scenario).isEmpty)
        #expect(s.message?.text.hasPrefix("Added \(added.id) Service → Queue for step 2 — u undoes") == true)
        send(&s, .char("f"))
        #expect(s.design.flows.count == before.count + 1, "the step is in the architecture now")
        send(&s, .char("u"))
        #expect(s.design.flows == before)

        // A reply's flow points the way of the call it answers.
        s = stepsState([step(5, 3, "ack", .reply)])
        send(&s, .char("f"))
        #expect(s.design.flows.last.map { "\($0.from) → \($0.to)" } == "comp-3 → comp-5")

        // A step naming a flow that does not fit goes back to matching; nothing new is needed.
        var named = ScenarioStep(from: "comp-2", to: "comp-3", message: "x")
        named.flow = "flow-3"
        s = stepsState([.step(named)])
        send(&s, .char("f"))
        #expect(s.design.flows.count == 3)
        #expect(s.steps.first?.step?.flow == nil)
        #expect(s.design.unsupportedSteps(in: s.scenario).isEmpty)
    }

    @Test func theSequenceViewScrollsBothWaysWithinTheDrawing() throws {
        let many = (0..<40).map { step(1 + $0 % 4, 1 + ($0 + 1) % 4, "message number \($0)") }
        var s = stepsState(many, size: ScreenSize(columns: 80, rows: 24))
        send(&s, .char("S"))
        #expect(s.screen == .sequence && s.keyContext == .sequence)
        let layout = try #require(s.scenarioScreens.sequence.layout)
        let v = s.scenarioScreens.sequence.viewport(s.size)
        #expect(layout.drawing.fits && layout.drawing.width <= v.width, "fitted to the screen")
        #expect(v.width == 76)
        let body = layout.drawing.height - layout.drawing.headerHeight
        let visible = s.scenarioScreens.sequence.bodyRows(s.size)
        for _ in 0..<500 { send(&s, .char("j")) }
        #expect(s.scenarioScreens.sequence.scrollY == body - visible, "stops at the last row")
        send(&s, .char("g"))
        #expect(s.scenarioScreens.sequence.scrollY == 0)
        send(&s, .pageDown)
        #expect(s.scenarioScreens.sequence.scrollY == visible - 1)
        send(&s, .char("l"))
        #expect(s.scenarioScreens.sequence.scrollX == 0, "nothing to scroll sideways when it fits")

        // ASCII on request, fitted the same way.
        send(&s, .char("A"))
        let ascii = try #require(s.scenarioScreens.sequence.layout)
        #expect(ascii.ascii && ascii.drawing.lines.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) })
        #expect(ascii.drawing.width <= v.width)

        // On a narrow screen a drawing wider than the fitted minimum scrolls sideways.
        var wide = (0..<12).map { _ in "A participant with a long name" }.enumerated().reduce(into: scenarioDesign()) { d, p in
            d.addComponent(name: "\(p.element) \(p.offset)", kind: .service)
        }
        wide.addScenario(name: "Fan-out", steps: (6..<17).map { step($0, $0 + 1, "call \($0)") })
        var n = AppState(design: wide, filePath: "/tmp/w.json", catalogue: testCatalogue)
        _ = Workspace.reduce(&n, .resized(ScreenSize(columns: 60, rows: 20)), env)
        send(&n, numberKey(.scenarios), .char("S"))
        let d = try #require(n.scenarioScreens.sequence.layout?.drawing)
        let width = n.scenarioScreens.sequence.viewport(n.size).width
        #expect(d.width > width)
        for _ in 0..<100 { send(&n, .char("l")) }
        #expect(n.scenarioScreens.sequence.scrollX == d.width - width)
        send(&n, .char("h"))
        #expect(n.scenarioScreens.sequence.scrollX == d.width - width - SequenceView.scrollStep)
    }

    @Test func nSelectsTheStepsNotInTheArchitectureAndFAddsTheSelectedOne() throws {
        var steps = (0..<30).map { step(1 + $0 % 3, 2 + $0 % 3, "m\($0)") }
        steps.append(step(3, 5, "late one", .async))
        steps.insert(step(4, 5, "early one"), at: 2)
        var s = stepsState(steps, size: ScreenSize(columns: 80, rows: 24))
        send(&s, .char("S"))
        let layout = try #require(s.scenarioScreens.sequence.layout)
        #expect(layout.unsupported.map(\.number) == [3, 32])
        #expect(s.scenarioScreens.sequence.viewport(s.size).panelRows == 3, "a rule with the title, then a row per step")
        send(&s, .char("n"))
        #expect(s.scenarioScreens.sequence.focusStep == 3)
        send(&s, .char("n"))
        #expect(s.scenarioScreens.sequence.focusStep == 32)
        // The step is in view under the pinned participant rows.
        let d = layout.drawing, view = s.scenarioScreens.sequence
        let rows = d.messages[31].all
        #expect(rows.lowerBound - d.headerHeight >= view.scrollY)
        #expect(rows.upperBound - d.headerHeight <= view.scrollY + view.bodyRows(s.size))
        send(&s, .char("f"))
        #expect(s.design.flows.last.map { "\($0.from) → \($0.to) \($0.mode)" } == "comp-3 → comp-5 async")
        #expect(s.scenarioScreens.sequence.layout?.unsupported.map(\.number) == [3])
        #expect(s.scenarioScreens.sequence.focusStep == 3, "the next one still missing is selected")
        send(&s, .char("N"), .char("f"))
        #expect(s.scenarioScreens.sequence.layout?.unsupported.isEmpty == true)
        #expect(s.scenarioScreens.sequence.viewport(s.size).panelRows == 0)
        send(&s, .char("s"))
        #expect(s.screen == .steps)
        #expect(s.scenario.outline[s.scenarioScreens.editor.row].kind == .step(number: 3), "the step looked at is selected")
    }

    @Test func dFromAScenarioHighlightsItsPathAndEscComesBack() throws {
        var s = stepsState(Self.withMissing)
        send(&s, .char("S"), .char("D"))
        #expect(s.screen == .diagram)
        let usage = s.design.usage(of: s.scenario)
        #expect(s.diagram.highlight == DiagramHighlight(components: Set(usage.components.map(\.rawValue)),
                                                         flows: Set(usage.flows.map(\.rawValue))))
        #expect(s.diagram.highlight?.components == ["comp-2", "comp-3", "comp-4", "comp-5"])
        #expect(s.diagram.highlight?.flows == ["flow-2", "flow-3"])
        #expect(s.diagram.focused == nil, "no single box competes with the path")
        #expect(s.message?.text.contains("F adds it") == true)

        // F adds the hop the path is missing; it joins the highlight.
        send(&s, .char("F"))
        let added = try #require(s.design.flows.last?.id.rawValue)
        #expect(added == "flow-4")
        #expect(s.diagram.highlight?.flows.contains(added) == true)
        #expect(s.diagram.layout?.flows.count == 4, "drawn with the new flow")

        send(&s, .escape)
        #expect(s.screen == .sequence)
        // From the list, the selected scenario; from any other list, no highlight.
        send(&s, .escape, .char("D"))
        #expect(s.screen == .diagram && s.diagram.highlight != nil)
        send(&s, .escape)
        #expect(s.screen == .panes && s.focus == .scenarios)
        send(&s, .char("1"), .char("D"))
        #expect(s.screen == .diagram && s.diagram.highlight == nil)
        send(&s, .escape)
        #expect(s.screen == .panes && s.focus == .requirements)
    }

    @Test func deletesSayHowManyStepsUseAComponentOrAFlow() throws {
        var d = scenarioDesign()
        d.addScenario(name: "One", steps: [step(2, 3, "a"), step(3, 4, "b")])
        d.addScenario(name: "Two", steps: [step(3, 3, "think"), step(3, 2, "done", .reply)])
        var s = AppState(design: d, filePath: "/tmp/x.json", catalogue: testCatalogue)
        send(&s, .char("2"), .char("j"), .char("j"), .char("d"))                    // Service
        let component = try #require(s.topConfirm)
        #expect(component.message == "Delete \"Service\" and the 2 data flows to and from it; 4 scenario steps (in 2 scenarios) name it and will show as not in the architecture?")
        send(&s, .char("n"))
        send(&s, .char("j"), .char("d"))                                           // Store: no steps name it but one
        #expect(s.topConfirm?.message == "Delete \"Store\" and the 1 data flow to and from it; 1 scenario step names it and will show as not in the architecture?")
        send(&s, .char("n"))
        send(&s, .char("j"), .char("d"))                                           // Queue: nothing uses it
        #expect(s.overlays.isEmpty)
        #expect(s.design.components.count == 4)
        send(&s, .char("u"))

        // A flow: the steps it would leave without one.
        send(&s, .char("3"), .char("j"), .char("d"))                               // flow-2 Gateway → Service
        #expect(s.topConfirm?.message == "Delete \"Gateway → Service: orders\" and leave 2 scenario steps (in 2 scenarios) without a data flow (not in the architecture)?")
        send(&s, .char("n"))
        // With a second flow the same way, the steps keep one: no question.
        _ = try? s.design.addFlow(from: "comp-2", to: "comp-3", label: "admin")
        send(&s, .char("d"))
        #expect(s.overlays.isEmpty)
        #expect(s.design.unsupportedSteps(in: s.design.scenarios[0]).isEmpty)
    }

    @Test func deletingARequirementOrANamedFlowTakesItOutOfScenarios() {
        var d = scenarioDesign()
        let r = d.addRequirement(.functional, "Buy things")
        var named = ScenarioStep(from: "comp-2", to: "comp-3", message: "x")
        named.flow = "flow-2"
        d.addScenario(name: "One", requirements: [r], steps: [.step(named)])
        var s = AppState(design: d, filePath: "/tmp/x.json", catalogue: testCatalogue)
        send(&s, .char("1"), .char("d"))
        #expect(s.design.scenarios[0].requirements.isEmpty)
        send(&s, .char("3"), .char("j"), .char("d"), .char("y"))
        #expect(s.design.flows.map(\.id) == ["flow-1", "flow-3"])
        #expect(s.design.scenarios[0].steps.first?.step?.flow == nil, "the step matches automatically again")
        send(&s, .char("u"), .char("u"))
        #expect(s.design == d, "undo puts everything back")
    }

    @Test func theNewContextsAreInTheHelpAndTakeUserBindings() {
        let help = HelpText.lines(.standard)
        #expect(help.contains { $0.heading && $0.text == "Scenario steps" })
        #expect(help.contains { $0.heading && $0.text == "Sequence diagram" })
        #expect(help.contains { $0.text.contains("Wrap in a block") })
        let ok = Keymap.standard.applying([KeyOverride(context: "steps", key: "x", action: "step.delete", line: 3),
                                           KeyOverride(context: "sequence", key: "Ctrl-F", action: "scenario.add-flow", line: 4)])
        #expect(ok.problems.isEmpty)
        #expect(ok.keymap.command(for: .char("x"), in: .steps) == .stepDelete)
        #expect(ok.keymap.command(for: .ctrl("f"), in: .sequence) == .addMissingFlow)
        let bad = Keymap.standard.applying([KeyOverride(context: "steps", key: "x", action: "sequence.ascii", line: 7)])
        #expect(bad.problems.map(\.description) == ["line 7: sequence.ascii does nothing in [keys.steps]; it belongs in [keys.sequence]"])
        // Global keys still work on the new screens.
        #expect(Keymap.standard.command(for: .ctrl("s"), in: .steps) == .save)
        #expect(Keymap.standard.command(for: .char("u"), in: .sequence) == .undo)
    }
}
