import DesignModel
import Foundation
import Testing
@testable import Workspace

@Suite struct ItemEditingTests {
    @Test func addingARequirementThroughTheForm() {
        var s = makeState()
        send(&s, .char("a"))
        #expect(s.topForm?.title == "New requirement")
        type(&s, "Shorten a URL")
        send(&s, .tab, .right)          // kind: Functional → Non-functional
        send(&s, .tab, .right, .right)  // priority: Must → Could
        send(&s, .tab, .char(" "), .down, .down, .enter) // category picker: — → Latency → Throughput
        let effects = send(&s, .enter)
        #expect(effects.isEmpty)
        #expect(s.overlays.isEmpty)
        #expect(s.design.requirements == [Requirement(id: "req-1", kind: .nonFunctional, text: "Shorten a URL",
                                                      priority: .could, category: .throughput)])
        #expect(s.design.modified == fixedNow)
        #expect(s.isDirty)
        #expect(s.message == StatusMessage("Added req-1", .success))
    }

    @Test func switchingARequirementToFunctionalClearsItsCategory() {
        var s = makeState()
        send(&s, .char("a"))
        type(&s, "Shorten a URL")
        send(&s, .tab, .right)          // kind: Non-functional
        send(&s, .tab, .tab, .char(" "), .down, .enter) // category: Latency
        #expect(s.topForm?.text("category") == Requirement.Category.labels[0])
        send(&s, .backTab, .backTab, .left) // kind back to Functional
        #expect(s.topForm?.choice("category") == 0, "the form shows the category gone")
        send(&s, .enter)
        #expect(s.design.requirements.first?.kind == .functional)
        #expect(s.design.requirements.first?.category == nil)
        #expect(s.design.findings().allSatisfy { !$0.path.hasSuffix(".category") })
    }

    @Test func anEmptyNameIsRefusedAndTheFormStays() {
        var s = makeState()
        send(&s, .char("2"), .char("a"), .enter)
        #expect(s.topForm?.error == "The component needs a name.")
        #expect(s.design.components.isEmpty)
        send(&s, .escape)
        #expect(s.overlays.isEmpty)
        #expect(!s.isDirty)
    }

    @Test func flowsNeedComponentsAndPickEndpointsFromThem() {
        var s = makeState()
        send(&s, .char("3"), .char("a"))
        #expect(s.overlays.isEmpty)
        #expect(s.message?.kind == .error)

        s = makeState(components: 3)
        send(&s, .char("3"), .char("a"))
        #expect(s.topForm?["from"]?.text == "C0 (comp-1)")
        #expect(s.topForm?["to"]?.text == "C1 (comp-2)")
        send(&s, .tab, .right)          // to: C2
        send(&s, .tab)
        type(&s, "events")
        send(&s, .tab, .tab, .tab, .right)    // mode: async (after protocol and its name)
        send(&s, .enter)
        #expect(s.design.flows == [Flow(id: "flow-1", from: "comp-1", to: "comp-3", label: "events", mode: .async)])
        #expect(s.focus == .flows)
    }

    @Test func editingKeepsTheIdAndPosition() {
        var s = makeState(components: 3)
        send(&s, .char("2"), .char("j"), .char("e"))
        #expect(s.topForm?.target == .item(.components, "comp-2"))
        send(&s, .ctrl("u"))
        type(&s, "API")
        send(&s, .enter)
        #expect(s.design.components.map(\.name) == ["C0", "API", "C2"])
        #expect(s.design.components[1].id == "comp-2")
    }

    @Test func deletingAComponentWithFlowsAsksAndSaysHowMany() throws {
        var s = makeState(components: 3)
        try s.design.addFlow(from: "comp-1", to: "comp-2")
        try s.design.addFlow(from: "comp-3", to: "comp-1")
        try s.design.addFlow(from: "comp-2", to: "comp-3")
        s.savedDesign = s.design
        send(&s, .char("2"), .char("d"))
        #expect(s.topConfirm?.message == "Delete \"C0\" and the 2 data flows to and from it?")
        send(&s, .char("n"))
        #expect(s.design.components.count == 3)
        send(&s, .char("d"), .char("y"))
        #expect(s.design.components.map(\.id) == ["comp-2", "comp-3"])
        #expect(s.design.flows.map(\.id) == ["flow-3"])
        #expect(s.message?.text == "Deleted component comp-1 \"C0\" and 2 data flows — u undoes")
        #expect(s.design.errors.isEmpty)
    }

    @Test func deletingALeafComponentDoesNotAsk() {
        var s = makeState(components: 2)
        send(&s, .char("2"), .delete)
        #expect(s.overlays.isEmpty)
        #expect(s.design.components.map(\.name) == ["C1"])
    }

    @Test func reorderingMovesTheItemAndTheSelection() {
        var s = makeState(components: 3)
        send(&s, .char("2"), .char("J"))
        #expect(s.design.components.map(\.name) == ["C1", "C0", "C2"])
        #expect(s.selectedRow(.components) == 1)
        send(&s, .char("K"), .char("K"))
        #expect(s.design.components.map(\.name) == ["C0", "C1", "C2"])
    }

    @Test func tradeOffFormBuildsOptionsAndChoice() {
        var s = makeState()
        send(&s, .char("4"), .char("a"))
        type(&s, "SQL or NoSQL")
        func focusField(_ key: String) {
            let form = s.topForm!
            let target = form.fields.firstIndex { $0.key == key }!
            for _ in 0..<((target - form.focus + form.fields.count) % form.fields.count) { send(&s, .tab) }
            #expect(s.topForm?.fields[s.topForm!.focus].key == key)
        }
        focusField("option0")
        type(&s, "Postgres")
        send(&s, .tab)
        // Pros and cons are one per line; a ";" stays part of the text.
        type(&s, "joins")
        send(&s, .enter)
        type(&s, "transactions; ACID")
        // Naming the first option opened a second slot; naming that one opens a third.
        #expect(s.topForm?["option1"] != nil)
        focusField("option1")
        type(&s, "DynamoDB")
        #expect(s.topForm?["option2"] != nil)
        #expect(s.topForm?["option3"] == nil)
        focusField("chosen")
        // The Chosen list names the options.
        guard case .choice(let names, _)? = s.topForm?["chosen"]?.value else { Issue.record("no chosen list"); return }
        #expect(names.prefix(3) == ["—", "Postgres", "DynamoDB"])
        send(&s, .right, .right)
        #expect(s.topForm?["chosen"]?.text == "DynamoDB")
        send(&s, .ctrl("s"))
        let t = s.design.tradeOffs[0]
        #expect(t.title == "SQL or NoSQL")
        #expect(t.options.map(\.name) == ["Postgres", "DynamoDB"])
        #expect(t.options[0].pros == ["joins", "transactions; ACID"])
        #expect(t.chosenOption?.name == "DynamoDB")
        #expect(t.stage == .tradeOffs)
    }

    @Test func navigationClampsAndWraps() {
        var s = makeState(components: 5)
        send(&s, .tab)
        #expect(s.focus == .components)
        send(&s, .backTab, .backTab)
        #expect(s.focus == Pane.allCases.last)
        send(&s, .char("2"), .char("G"))
        #expect(s.selectedRow(.components) == 4)
        send(&s, .char("j"))
        #expect(s.selectedRow(.components) == 4)
        send(&s, .char("g"), .char("k"))
        #expect(s.selectedRow(.components) == 0)
    }
}
