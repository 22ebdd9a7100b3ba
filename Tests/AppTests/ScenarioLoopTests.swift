import App
import DesignModel
import DesignStorage
import Foundation
import Testing
import TextUI
import Workspace

/// The scenario screens through the whole run loop on the in-memory terminal: what the screen
/// shows, what is saved, and what the recovery copy keeps of a step being typed.
@Suite struct ScenarioLoopTests {
    /// Three services in a row (flows 1 → 2 → 3) and a scenario whose last step (3 ⇢ 1) no flow
    /// carries.
    static func design() -> Design {
        var d = World.sample(requirements: 1, components: 3)
        _ = try! d.addFlow(from: "comp-1", to: "comp-2", label: "calls")
        _ = try! d.addFlow(from: "comp-2", to: "comp-3", label: "writes")
        d.addScenario(name: "Order placed", steps: [
            .step(ScenarioStep(from: "comp-1", to: "comp-2", message: "place order")),
            .block(ScenarioBlock(kind: .alt, branches: [
                .init(condition: "in stock", steps: [.step(ScenarioStep(from: "comp-2", to: "comp-3", message: "reserve"))]),
                .init(condition: "sold out", steps: [.step(ScenarioStep(from: "comp-3", to: "comp-1", message: "notify", kind: .async))]),
            ])),
        ])
        return d
    }

    static var scenariosKey: TestBackend.Step { .key(.char(Character(String(Pane.scenarios.number)))) }

    @Test func theSequenceIsShownAndTheMissingFlowAddedAndSaved() throws {
        let w = World()
        w.file(World.doc, Self.design())
        let loop = try w.open()
        var sequence = "", afterAdd = ""
        w.backend.script(
            Self.scenariosKey, .key(.char("S")),
            .run { b in sequence = b.screen },
            .key(.char("f")),
            .run { b in afterAdd = b.screen },
            .key(.ctrl("s")),
            .run { b in #expect(b.statusLine.contains("Saved")) },
            .key(.char("q")))
        #expect(loop.run() == .quit)
        #expect(sequence.contains("Sequence — scen-1 Order placed"))
        #expect(sequence.contains("alt [in stock]") && sequence.contains("else [sold out]"))
        #expect(sequence.contains("1 step not in the architecture"))
        #expect(sequence.contains("step 3  Component 2 ⇢ Component 0: notify"))
        #expect(afterAdd.contains("Added flow-3 Component 2 → Component 0 for step 3"))
        #expect(!afterAdd.contains("not in the architecture —"), "the list is gone")
        let saved = try #require(w.design())
        #expect(saved.flows.last.map { "\($0.from)→\($0.to) \($0.mode)" } == "comp-3→comp-1 async")
        #expect(saved.unsupportedSteps(in: saved.scenarios[0]).isEmpty)
        #expect(w.backend.exhausted == 0)
    }

    @Test func aStepBeingTypedIsInTheRecoveryCopy() throws {
        let w = World()
        w.file(World.doc, Self.design())
        let loop = try w.open()
        var kept: Design?
        w.backend.script(
            Self.scenariosKey, .key(.char("s")), .key(.char("G")), .key(.char("a")),
            .key(.tab), .key(.tab), .type("refund the card"),
            .wait(.seconds(30)),
            .run { _ in kept = w.design(at: w.recoveryPath) },
            .key(.escape), .key(.char("d")),      // discard the form
            .key(.ctrl("c")))
        _ = loop.run()
        let copy = try #require(kept, "a recovery copy was written while the form was open")
        let messages = copy.scenarios[0].numberedSteps.map(\.step.message)
        #expect(messages == ["place order", "reserve", "notify", "refund the card"])
        #expect(w.design()?.scenarios[0].stepCount == 3, "the file itself is untouched")
    }
}

@Suite struct TerminalCharsetTests {
    @Test func theLocaleAndTheTerminalTypeDecide() {
        #expect(!TerminalCharset.prefersASCII(["LANG": "en_GB.UTF-8", "TERM": "xterm-256color"]))
        #expect(!TerminalCharset.prefersASCII(["LC_CTYPE": "C.utf8"]))
        #expect(TerminalCharset.prefersASCII([:]), "no locale: C")
        #expect(TerminalCharset.prefersASCII(["LANG": "C"]))
        #expect(TerminalCharset.prefersASCII(["LC_ALL": "de_DE.ISO-8859-1", "LANG": "de_DE.UTF-8"]), "LC_ALL wins")
        #expect(!TerminalCharset.prefersASCII(["LC_ALL": "", "LANG": "de_DE.UTF-8"]), "an empty LC_ALL is not set")
        #expect(TerminalCharset.prefersASCII(["LANG": "en_US.UTF-8", "TERM": "vt100"]))
    }

    @Test func theWorkspaceStartsInASCIIWhenAsked() throws {
        let w = World()
        w.file(World.doc, ScenarioLoopTests.design())
        var options = WorkspaceStart.Options()
        options.asciiDrawing = true
        let loop = try w.open(options: options)
        var screen = ""
        w.backend.script(ScenarioLoopTests.scenariosKey, .key(.char("S")), .run { b in screen = b.screen }, .key(.char("q")))
        #expect(loop.run() == .quit)
        #expect(screen.contains("· ASCII"))
        #expect(screen.contains("+-- alt [in stock]") || screen.contains("+- alt [in stock]"))
        #expect(!screen.contains("┌─ alt"))
    }
}
