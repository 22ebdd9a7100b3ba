import DesignModel
import Foundation
import Testing
@testable import Workspace

/// The step editor driven by keys through the reducer: what each key does to the scenario, what
/// it refuses, and that every change is one undo step.
@Suite struct StepEditorTests {
    @Test func aScenarioWithAnAltBlockIsBuiltFromTheKeyboard() throws {
        var s = AppState(design: scenarioDesign(), filePath: "/tmp/shop.json", catalogue: testCatalogue)
        send(&s, numberKey(.scenarios), .char("a"))
        #expect(s.topForm?.title == "New scenario")
        type(&s, "Checkout")
        send(&s, .enter)
        #expect(s.design.scenarios.map(\.name) == ["Checkout"])
        send(&s, .char("s"))
        #expect(s.screen == .steps)
        #expect(s.keyContext == .steps)

        // The first step starts at the first component and follows its flow; each next one
        // starts where the one above arrived.
        send(&s, .char("a"))
        #expect(s.topForm?["from"]?.text == "Client (comp-1)")
        #expect(s.topForm?["to"]?.text == "Gateway (comp-2)")
        #expect(s.topForm?["kind"]?.text == "Call")
        send(&s, .tab, .tab)
        type(&s, "POST /order")
        send(&s, .enter)
        for message in ["place order", "INSERT order"] {
            send(&s, .char("a"), .tab, .tab)
            type(&s, message)
            send(&s, .enter)
        }
        #expect(s.steps == [step(1, 2, "POST /order"), step(2, 3, "place order"), step(3, 4, "INSERT order")])

        // Wrap the last step in alt, with an else branch.
        send(&s, .char("w"))
        #expect(s.topForm?.title == "Wrap in a block")
        #expect(s.topForm?["attempts"] == nil, "attempts belong to retry blocks")
        send(&s, .tab)
        type(&s, "in stock")
        send(&s, .tab)
        type(&s, "sold out")
        send(&s, .enter)
        #expect(s.steps == [step(1, 2, "POST /order"), step(2, 3, "place order"),
                            block(.alt, ("in stock", [step(3, 4, "INSERT order")]), ("sold out", []))])

        // A step in the else branch: the default is the Store's reply; make it Service → Queue.
        send(&s, .char("j"), .char("j"))
        #expect(s.scenario.outline[s.scenarioScreens.editor.row].kind == .branch(index: 1))
        send(&s, .char("a"))
        #expect(s.topForm?["from"]?.text == "Store (comp-4)")
        #expect(s.topForm?["kind"]?.text == "Reply")
        send(&s, .char("s"), .tab, .char("q"), .tab)
        type(&s, "notify: sold out")
        send(&s, .tab, .char("a"), .enter)
        let alt = try #require(s.steps.last?.block)
        #expect(alt.branches[1].steps == [step(3, 5, "notify: sold out", .async)])
        #expect(s.message?.text.contains("not in the architecture") == true)

        // Each change was one undo step.
        send(&s, .char("u"))
        #expect(s.steps.last?.block?.branches[1].steps == [])
        send(&s, .char("u"))
        #expect(s.steps.count == 3 && s.steps.allSatisfy { $0.step != nil })
    }

    @Test func reorderIndentOutdentAndUnwrap() {
        let start = [step(1, 2, "a"), block(.alt, ("c", [step(2, 3, "b")])), step(3, 4, "c")]
        var s = stepsState(start)
        // Rows: 0 a, 1 alt, 2 b, 3 end, 4 c.
        s.selectRow(4)
        send(&s, .char(">"))
        #expect(s.steps == [step(1, 2, "a"), block(.alt, ("c", [step(2, 3, "b"), step(3, 4, "c")]))])
        #expect(s.scenario.outline[s.scenarioScreens.editor.row].path == ScenarioPath([1, 0, 1]), "the selection follows")
        send(&s, .char("<"))
        #expect(s.steps == start)
        send(&s, .char("K"))
        #expect(s.steps == [step(1, 2, "a"), step(3, 4, "c"), block(.alt, ("c", [step(2, 3, "b")]))])
        send(&s, .char("J"))
        #expect(s.steps == start)
        s.selectRow(0)
        send(&s, .char("K"))
        #expect(s.steps == start)
        #expect(s.message?.text == "Already the first")
        send(&s, .char(">"))
        #expect(s.steps == start, "nothing above to move into")
        s.selectRow(1)
        send(&s, .char("W"))
        #expect(s.steps == [step(1, 2, "a"), step(2, 3, "b"), step(3, 4, "c")])
        send(&s, .char("u"))
        #expect(s.steps == start)
        #expect(s.history.undoStack.map(\.label) == ["Move into the block above in scen-1", "Move out of its block in scen-1",
                                                     "Move the step or block up in scen-1", "Move the step or block down in scen-1"],
                "one undo step per change; the moves that did nothing left none")
    }

    @Test func aMarkedRangeIsWrappedOrDeletedTogether() {
        let start = [step(1, 2, "a"), step(2, 3, "b"), step(3, 4, "c")]
        var s = stepsState(start)
        send(&s, .char("V"), .char("j"), .char("w"))
        send(&s, .right, .right)                  // alt → opt → loop
        #expect(s.topForm?["kind"]?.text == "Loop")
        #expect(s.topForm?["cond1"] == nil, "a loop has one branch")
        send(&s, .tab)
        type(&s, "each item")
        send(&s, .enter)
        #expect(s.steps == [block(.loop, ("each item", [step(1, 2, "a"), step(2, 3, "b")])), step(3, 4, "c")])
        #expect(s.scenarioScreens.editor.mark == nil)

        // Deleting a block asks, and can unwrap instead.
        s.selectRow(0)
        send(&s, .char("d"))
        let question = s.topConfirm
        #expect(question?.message == "Delete the loop block and the 2 steps in it?")
        #expect(question?.options.map(\.key) == ["y", "u", "n"])
        send(&s, .char("u"))
        #expect(s.steps == start)

        // A range across a block's inside and outside takes the whole block.
        s = stepsState([step(1, 2, "a"), block(.opt, ("x", [step(2, 3, "b")])), step(3, 4, "c")])
        s.selectRow(2)                             // b, inside the opt
        send(&s, .char("V"), .char("G"), .char("d"))
        #expect(s.topConfirm?.message == "Delete 2 entries and the 2 steps in them?")
        send(&s, .char("y"))
        #expect(s.steps == [step(1, 2, "a")])
        #expect(s.message?.text == "Deleted 2 steps — u undoes")

        // A single step goes at once; u brings it back.
        send(&s, .char("d"))
        #expect(s.steps.isEmpty && s.overlays.isEmpty)
        send(&s, .char("u"))
        #expect(s.steps == [step(1, 2, "a")])
    }

    @Test func branchesAreAddedEditedAndRemoved() throws {
        var s = stepsState([block(.alt, ("hit", [step(2, 3, "get")]))])
        s.selectRow(1)                             // the step inside: b adds to its block
        send(&s, .char("b"))
        #expect(s.topForm?.title == "New else branch")
        type(&s, "miss")
        send(&s, .enter)
        #expect(s.steps == [block(.alt, ("hit", [step(2, 3, "get")]), ("miss", []))])
        #expect(s.scenario.outline[s.scenarioScreens.editor.row].kind == .branch(index: 1))

        // Enter on a branch row edits the block with the cursor on that condition.
        send(&s, .enter)
        let form = try #require(s.topForm)
        #expect(form.fields[form.focus].key == "cond1")
        send(&s, .ctrl("u"))
        type(&s, "cache miss")
        send(&s, .enter)
        #expect(s.steps.first?.block?.branches.map(\.condition) == ["hit", "cache miss"])

        // An empty branch goes at once; one with steps asks; the last one stays.
        send(&s, .char("B"))
        #expect(s.steps.first?.block?.branches.count == 1)
        s.selectRow(0)
        send(&s, .char("B"))
        #expect(s.steps.first?.block?.branches.count == 1)
        #expect(s.message?.text.contains("at least one branch") == true)

        // opt and loop take one branch.
        s = stepsState([block(.opt, ("x", [step(2, 3, "get")]))])
        send(&s, .char("b"))
        #expect(s.overlays.isEmpty)
        #expect(s.message?.text.contains("one branch") == true)
        // Making an alt with two branches an opt is refused in the form.
        s = stepsState([block(.alt, ("a", []), ("b", []))])
        send(&s, .enter, .right)
        #expect(s.topForm?["kind"]?.text == "Optional (opt)")
        send(&s, .enter)
        #expect(s.topForm?.error?.contains("one branch") == true)
    }

    @Test func retryBlocksTakeAttemptsAndATimeout() {
        var s = stepsState([step(3, 4, "write")])
        send(&s, .char("w"), .left)                // alt → retry (wrapping round)
        #expect(s.topForm?["kind"]?.text == "Retry, timeout, fallback")
        #expect(s.topForm?["attempts"] != nil && s.topForm?["timeout"] != nil)
        send(&s, .tab)
        type(&s, "write the row")
        send(&s, .tab, .tab)                       // past the fallback field
        type(&s, "0")
        send(&s, .enter)
        #expect(s.topForm?.error?.contains("whole number from 1") == true)
        send(&s, .backspace)
        type(&s, "3")
        send(&s, .tab)
        type(&s, "50 ms")
        send(&s, .enter)
        let b = s.steps.first?.block
        #expect(b?.kind == .retry && b?.attempts == 3 && b?.timeout == "50 ms")
        #expect(b?.branches.map(\.condition) == ["write the row"])
    }

    @Test func theFlowChoiceFollowsTheEndsAndKind() throws {
        var d = scenarioDesign()
        _ = try d.addFlow(from: "comp-2", to: "comp-3", label: "admin")       // a second Gateway → Service flow
        d.addScenario(name: "Two ways", steps: [step(2, 3, "call")])
        var s = AppState(design: d, filePath: "/tmp/x.json", catalogue: testCatalogue)
        send(&s, numberKey(.scenarios), .char("s"), .enter)
        var form = try #require(s.topForm)
        let flow = try #require(form["flow"])
        #expect(flow.ids == ["", "flow-2", "flow-4"])
        #expect(flow.text.hasPrefix("Match automatically: 2 flows fit"))
        // Pick flow-4 by hand.
        send(&s, .tab, .tab, .tab, .tab, .right, .right)
        form = try #require(s.topForm)
        #expect(form["flow"]?.choiceID == "flow-4")
        send(&s, .enter)
        #expect(s.steps.first?.step?.flow == "flow-4")
        #expect(s.design.flowMatch(for: s.steps[0].step!) == .explicit("flow-4"))

        // Changing the receiver recomputes the list; the named flow no longer fits and says so.
        send(&s, .enter, .tab, .right)             // to: Store
        form = try #require(s.topForm)
        #expect(form["flow"]?.ids == ["", "flow-4"])
        #expect(form["flow"]?.text.contains("does not connect them") == true)
        send(&s, .tab, .tab, .tab, .left)          // back to automatic
        send(&s, .enter)
        #expect(s.steps.first?.step == ScenarioStep(from: "comp-2", to: "comp-4", message: "call"))
    }

    @Test func aStepWithoutAMessageIsRefusedAndNothingIsAdded() {
        var s = stepsState([])
        send(&s, .char("a"), .enter)
        #expect(s.topForm?.error?.contains("Say what the step sends") == true)
        send(&s, .escape)
        #expect(s.overlays.isEmpty, "nothing was typed: Esc closes without asking")
        #expect(s.steps.isEmpty && !s.isDirty)
    }

    @Test func editingIsRefusedReadOnlyButLookingIsNot() {
        var s = stepsState([step(1, 2, "a"), step(2, 3, "b")])
        s.readOnly = true
        for key: Key in [.char("a"), .char("d"), .char("J"), .char(">"), .char("w"), .enter, .char("f")] {
            send(&s, key)
            #expect(s.overlays.isEmpty, "\(key)")
        }
        #expect(s.steps == [step(1, 2, "a"), step(2, 3, "b")])
        send(&s, .char("j"))
        #expect(s.scenarioScreens.editor.row == 1)
        send(&s, .char("S"))
        #expect(s.screen == .sequence)
    }

    @Test func escGoesBackToTheListAndUndoingTheScenarioLeavesTheEditor() {
        var s = AppState(design: scenarioDesign(), filePath: "/tmp/x.json", catalogue: testCatalogue)
        send(&s, numberKey(.scenarios), .char("a"))
        type(&s, "Refund")
        send(&s, .enter, .char("s"))
        #expect(s.screen == .steps)
        send(&s, .escape)
        #expect(s.screen == .panes && s.focus == .scenarios)
        send(&s, .char("s"), .char("u"))
        #expect(s.design.scenarios.isEmpty)
        #expect(s.screen == .panes)
        #expect(s.message?.text == "That scenario is no longer in the design")
    }

    @Test func sAndSOutsideTheScenariosListSayWhereToGo() {
        var s = AppState(design: scenarioDesign(), filePath: "/tmp/x.json", catalogue: testCatalogue)
        send(&s, .char("s"))
        #expect(s.screen == .panes)
        #expect(s.message?.text.contains("No scenarios yet") == true)
        send(&s, .char("S"))
        #expect(s.screen == .panes)
    }
}

@Suite struct StepFormRecoveryTests {
    @Test func anOpenStepFormIsInTheRecoveryCopyOnceSomethingIsTyped() {
        var s = stepsState([step(1, 2, "a"), step(2, 3, "b")])
        send(&s, .char("w"))
        #expect(RecoveryContent.design(s) == s.design, "a wrap form merely opened changes nothing")
        send(&s, .tab)
        type(&s, "ok")
        #expect(RecoveryContent.design(s).scenarios[0].steps.first?.block?.branches.first?.condition == "ok")
        send(&s, .escape, .char("d"), .char("a"), .tab, .tab)
        #expect(RecoveryContent.design(s) == s.design)
        type(&s, "c")
        #expect(RecoveryContent.design(s).scenarios[0].stepCount == 3)
        #expect(s.design.scenarios[0].stepCount == 2)
    }
}
