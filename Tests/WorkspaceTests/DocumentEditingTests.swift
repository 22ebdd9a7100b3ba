import DesignModel
import Foundation
import Testing
@testable import Workspace

/// Choice fields behave like a select box.
@Suite struct TypeAheadTests {
    let kinds = Component.Kind.labels  // … DNS, …, Service, Worker, Database, Cache, …

    func field(selected label: String) -> Form {
        Form(title: "t", target: .newItem(.components),
             fields: [.init("kind", "Kind", choices: kinds, selected: kinds.firstIndex(of: label)!)])
    }

    func press(_ form: inout Form, _ letters: String, at start: Duration = .zero, gap: Duration = .milliseconds(100)) {
        var now = start
        for c in letters {
            _ = form.handle(.char(c), now: now)
            now += gap
        }
    }

    @Test func aLetterGoesToTheNextValueStartingWithItAfterTheCurrentOne() {
        var f = field(selected: "Service")
        press(&f, "s")
        let next = kinds.indices.first { $0 > kinds.firstIndex(of: "Service")! && kinds[$0].lowercased().hasPrefix("s") }
            ?? kinds.firstIndex { $0.lowercased().hasPrefix("s") }!
        #expect(f.text("kind") == kinds[next])
        #expect(f.text("kind") != "Service", "the next one after the current")
    }

    @Test func theSameLetterAgainCyclesThroughTheValuesStartingWithIt() {
        var f = field(selected: "Client")
        let ds = kinds.filter { $0.lowercased().hasPrefix("d") }
        #expect(ds.count >= 2)
        var seen: [String] = []
        for n in 0..<ds.count {
            press(&f, "d", at: .seconds(n * 10))
            seen.append(f.text("kind"))
        }
        #expect(Set(seen) == Set(ds), "every D value in turn: \(seen)")
        press(&f, "dd", at: .seconds(100))  // typed quickly: still cycling, not a "dd" prefix
        #expect(ds.contains(f.text("kind")))
    }

    @Test func lettersTypedQuicklySpellAPrefix() {
        var f = field(selected: "Service")
        press(&f, "da")
        #expect(f.text("kind") == "Database")
        var g = field(selected: "Service")
        press(&g, "dn")
        #expect(g.text("kind") == "DNS")
        var h = field(selected: "Client")
        press(&h, "lo")
        #expect(h.text("kind") == "Load balancer")
    }

    @Test func aPauseStartsANewSearch() {
        var f = field(selected: "Service")
        press(&f, "c")
        let afterC = f.text("kind")
        #expect(afterC.lowercased().hasPrefix("c"))
        // After a pause "a" is a new single letter, not the prefix "ca".
        press(&f, "a", at: .seconds(5))
        #expect(f.text("kind").lowercased().hasPrefix("a"))
    }

    @Test func hjklAreLettersNotArrows() {
        var f = field(selected: "Service")
        for key: Key in [.char("j"), .char("k")] { _ = f.handle(key) }
        #expect(f.text("kind") == "Service", "no value starts with j or k, so nothing moves")
        _ = f.handle(.char("l"), now: .seconds(10))
        #expect(f.text("kind") == "Load balancer", "l types ahead to Load balancer, it does not step")
        _ = f.handle(.right, now: .seconds(20))
        #expect(f.text("kind") == kinds[kinds.firstIndex(of: "Load balancer")! + 1], "→ steps")
    }
}

@Suite struct FormFieldTests {
    @Test func paragraphFieldsTakeEnterAsANewLineAndCtrlSSaves() {
        var s = makeState()
        _ = send(&s, .char("a"))
        type(&s, "Fast redirects")
        let notes = s.topForm!.fields.firstIndex { $0.key == "notes" }!
        while s.topForm!.focus != notes { _ = send(&s, .tab) }
        type(&s, "first line")
        _ = send(&s, .enter)
        type(&s, "second line")
        #expect(s.overlays.count == 1, "Enter in a paragraph does not save the form")
        _ = send(&s, .ctrl("s"))
        #expect(s.design.requirements.first?.notes == "first line\nsecond line")
    }

    @Test func escOnAChangedFormAsksFirst() {
        var s = makeState()
        _ = send(&s, .char("a"))
        _ = send(&s, .escape)
        #expect(s.overlays.isEmpty, "an untouched form closes at once")

        _ = send(&s, .char("a"))
        type(&s, "Half-typed")
        _ = send(&s, .escape)
        #expect(s.topConfirm?.title == "Discard changes?")
        _ = send(&s, .char("k"))
        #expect(s.topForm?.text("text") == "Half-typed", "keep editing returns to the form as it was")
        _ = send(&s, .escape, .char("d"))
        #expect(s.overlays.isEmpty)
        #expect(s.design.requirements.isEmpty)
    }

    @Test func aRiskConcernsItemsAndDeletingOneDropsTheReference() {
        var s = makeState(components: 2)
        s.focus = .risks
        _ = send(&s, .char("a"))
        type(&s, "Cache stampede on deploy")
        let concerns = s.topForm!.fields.firstIndex { $0.key == "concerns" }!
        while s.topForm!.focus != concerns { _ = send(&s, .tab) }
        _ = send(&s, .char(" "))        // open the list
        #expect(s.topForm?.picker == 0)
        _ = send(&s, .char("j"), .char(" "), .enter)  // tick the second item, close
        _ = send(&s, .ctrl("s"))
        let risk = s.design.risks.first
        #expect(risk?.text == "Cache stampede on deploy")
        #expect(risk?.concerns == ["comp-2"])
        s.focus = .components
        _ = send(&s, .char("j"), .char("d"))
        #expect(s.design.components.map(\.id.rawValue) == ["comp-1"])
        #expect(s.design.risks.first?.concerns == [], "the deleted component is no longer referenced")
        _ = send(&s, .char("u"))
        #expect(s.design.risks.first?.concerns == ["comp-2"], "undo brings the reference back")
    }

    @Test func titleAndProblemAreSetFromThePalette() {
        var s = makeState()
        _ = send(&s, .char(":"))
        type(&s, "title Chat at scale")
        _ = send(&s, .enter)
        #expect(s.design.title == "Chat at scale")
        _ = send(&s, .char(":"))
        type(&s, "problem")
        _ = send(&s, .enter)
        #expect(s.topForm?.target == .designInfo)
        #expect(s.topForm?.fields[s.topForm!.focus].key == "problem")
        type(&s, "Who: anyone")
        _ = send(&s, .enter)
        type(&s, "What: messages")
        _ = send(&s, .ctrl("s"))
        #expect(s.design.problem == "Who: anyone\nWhat: messages")
        _ = send(&s, .char("u"))
        #expect(s.design.problem.isEmpty)
    }

    @Test func everyListIsReachedByTabAndByNumber() {
        var s = makeState()
        var visited: [Pane] = [s.focus]
        // Every list, except those only listed while they hold items (merge conflicts, accepted
        // findings) in a design that has none.
        let listed = Pane.allCases.filter { $0.kind.listedWhenEmpty }
        #expect(s.listedPanes == listed)
        for _ in 1..<listed.count {
            _ = send(&s, .tab)
            visited.append(s.focus)
        }
        #expect(visited == listed)
        _ = send(&s, .tab)
        #expect(s.focus == .requirements, "Tab wraps")
        _ = send(&s, .char("5"))
        #expect(s.focus == Pane.allCases[4])
    }

    @Test func theFullViewOpensScrollsAndEdits() {
        var s = makeState(components: 1)
        s.design.components[0].responsibility = (1...40).map { "line \($0)" }.joined(separator: "\n")
        s.focus = .components
        _ = send(&s, .char("v"))
        #expect(s.overlays.last == .itemView(.components, id: "comp-1", scroll: 0))
        _ = send(&s, .char("j"), .char("j"))
        #expect(s.overlays.last == .itemView(.components, id: "comp-1", scroll: 2))
        _ = send(&s, .char("e"))
        #expect(s.topForm?.target == .item(.components, "comp-1"))
    }
}

@Suite struct CommandTableTests {
    let entries = Workspace.paletteEntries(.standard)
    func names(_ q: String) -> [String] { Palette.matches(q, in: entries).map(\.name) }

    @Test func exactThenPrefixThenWordStartThenLetters() {
        #expect(names("w").first == "w")
        #expect(names("q").first == "q")
        #expect(names("exp").first == "export")
        #expect(names("ris").first == "risks")
        // "save" is the title of :w (a word start), "stg" spells stages from its first letter.
        #expect(names("save").contains("w"))
        #expect(names("stg").first == "stages")
        let e = names("e")
        #expect(e.first == "e", "the exact name first, then the names that start with it")
        #expect(e.firstIndex(of: "export")! < e.firstIndex(where: { !$0.hasPrefix("e") }) ?? e.count)
    }

    @Test func weakMatchesAreDropped() {
        #expect(!names("rename").contains("summary"))
        #expect(!names("descr").contains(where: { $0.contains("redraw") }))
        #expect(names("zzzz").isEmpty)
        // Letters scattered through a name are not an abbreviation of it; stop-words in
        // titles ("the", "to") are not words a command is found by.
        #expect(!names("sgs").contains("stages"))
        #expect(!names("the").contains(where: { ["summary", "redraw", "checklist"].contains($0) }))
    }

    @Test func commandIDsFindTheirCommandAndTheHelpShowsThem() {
        // The id config.toml binds runs the same command in the palette.
        #expect(names("file.save").first == "w")
        #expect(Palette.matches("file.", in: entries).contains { $0.id == "file.save" })
        let help = HelpText.lines(.standard)
        #expect(help.contains { $0.heading && $0.id == "[keys.panes]" })
        #expect(help.contains { $0.text.contains("Save") && $0.id == "file.save" })
        #expect(help.filter { !$0.heading && !$0.text.isEmpty }.allSatisfy { !$0.id.isEmpty || $0.text.contains(":") },
                "every key binding names its id")
    }

    @Test func aPaletteNameOrTitleWhereAnIdBelongsNamesTheId() {
        let (_, byName) = Keymap.standard.applying([KeyOverride(context: "global", key: "F5", action: "w", line: 2)])
        #expect(byName.first?.message.contains("the id to bind is file.save") == true, "\(byName)")
        let (_, byTitle) = Keymap.standard.applying([KeyOverride(context: "global", key: "F5", action: "Save", line: 3)])
        #expect(byTitle.first?.message.contains("file.save") == true, "\(byTitle)")
    }

    @Test func everyCommandHasOneEntryAndAliasesRunIt() {
        let all = CommandTable.all.flatMap(\.names)
        #expect(Set(all).count == all.count, "no word names two commands")
        var s = makeState()
        _ = send(&s, .char(":"))
        type(&s, "write")
        let effects = send(&s, .enter)
        #expect(effects == [.save(s.design, path: "/tmp/test.json")])
    }

    @Test func tabListsTheCandidatesAndTakesEachInTurn() {
        var s = makeState()
        _ = send(&s, .char(":"))
        type(&s, "e designs/")
        _ = send(&s, .tab)
        guard case .palette(let p)? = s.overlays.last else { Issue.record("palette closed"); return }
        #expect(p.editor.text == "e designs/", "the common prefix stays")
        #expect(p.candidates == ["designs/a.json", "designs/b.json"])
        _ = send(&s, .tab)
        guard case .palette(let p2)? = s.overlays.last else { return }
        #expect(p2.editor.text == "e designs/a.json")
        _ = send(&s, .tab)
        guard case .palette(let p3)? = s.overlays.last else { return }
        #expect(p3.editor.text == "e designs/b.json")
    }

    @Test func aCommandWithoutArgumentsRefusesOne() {
        var s = makeState()
        _ = send(&s, .char(":"))
        type(&s, "undo now")
        _ = send(&s, .enter)
        #expect(s.message?.kind == .error)
    }
}

@Suite struct KeymapOverrideTests {
    @Test func aUserBindingRunsAndShowsInHelp() {
        let (map, problems) = Keymap.standard.applying([
            KeyOverride(context: "panes", key: "x", action: "item.delete", line: 3),
            KeyOverride(context: "form", key: "Ctrl-G", action: "form.save", line: 5),
        ])
        #expect(problems.isEmpty)
        #expect(map.command(for: .char("x"), in: .panes) == .delete)
        #expect(map.command(for: .char("d"), in: .panes) == .delete, "the command keeps its own keys")
        let help = HelpText.lines(map).map(\.text)
        #expect(help.contains { $0.hasPrefix("  x ") && $0.hasSuffix(Command.delete.title) })

        var s = makeState(components: 1)
        s.keymap = map
        s.focus = .components
        _ = send(&s, .char("x"))
        #expect(s.design.components.isEmpty)
        _ = send(&s, .char("a"))
        type(&s, "Gateway")
        _ = send(&s, .ctrl("g"))
        #expect(s.design.components.map(\.name) == ["Gateway"], "a remapped form key saves")
    }

    @Test func theKeyThatClosesAQuestionIsInTheKeymap() {
        let (map, problems) = Keymap.standard.applying([KeyOverride(context: "question", key: "F9", action: "question.cancel")])
        #expect(problems.isEmpty, "\(problems)")
        var s = makeState(components: 1)
        s.keymap = map
        s.design.addComponent(name: "Cache", kind: .cache)
        let effects = send(&s, .char("q"))
        guard case .confirm? = s.overlays.last else { Issue.record("no question: \(effects)"); return }
        let quitEffects = send(&s, .function(9))
        #expect(s.overlays.isEmpty, "F9 closes it")
        #expect(quitEffects.isEmpty && !s.quitting, "choosing nothing")
        // The help lists the question's keys under their table.
        #expect(HelpText.lines(map).contains { $0.heading && $0.id == "[keys.question]" })
        // A question command bound where no question is asked does nothing, and is said so.
        let (_, wrong) = Keymap.standard.applying([KeyOverride(context: "panes", key: "F9", action: "question.cancel", line: 4)])
        #expect(wrong.first?.message.contains("belongs in [keys.question]") == true)
    }

    @Test func noneUnbindsAKey() {
        let (map, problems) = Keymap.standard.applying([KeyOverride(context: "panes", key: "d", action: "none")])
        #expect(problems.isEmpty)
        #expect(map.command(for: .char("d"), in: .panes) == nil)
        #expect(map.command(for: .delete, in: .panes) == .delete)
    }

    @Test(arguments: [
        (KeyOverride(context: "pains", key: "x", action: "item.delete", line: 2), "unknown key context [keys.pains] (did you mean panes?)"),
        (KeyOverride(context: "panes", key: "Hyper-x", action: "item.delete", line: 3), "unknown key \"Hyper-x\""),
        (KeyOverride(context: "panes", key: "x", action: "item.delte", line: 4), "unknown command \"item.delte\" (did you mean item.delete?)"),
        (KeyOverride(context: "field", key: "q", action: "text.left", line: 5), "q types text"),
        (KeyOverride(context: "panes", key: "x", action: "form.save", line: 6), "form.save does nothing in [keys.panes]"),
    ])
    func eachProblemIsReportedWithItsLine(override: KeyOverride, message: String) {
        let (map, problems) = Keymap.standard.applying([override])
        #expect(problems.count == 1)
        #expect(problems.first?.line == override.line)
        #expect(problems.first?.message.contains(message) == true, "\(problems)")
        #expect(map == Keymap.standard, "a bad line changes nothing")
    }

    @Test func conflictsAreReported() {
        let (_, twice) = Keymap.standard.applying([
            KeyOverride(context: "panes", key: "Ctrl-X", action: "item.delete", line: 2),
            KeyOverride(context: "panes", key: "C-x", action: "app.quit", line: 3),
        ])
        #expect(twice.map(\.line) == [3])
        #expect(twice.first?.message.contains("bound twice") == true)
        #expect(twice.first?.message.contains("line 2") == true)
        let (_, hidden) = Keymap.standard.applying([KeyOverride(context: "global", key: "j", action: "app.quit", line: 7)])
        #expect(hidden.contains { $0.line == 7 && $0.message.contains("hidden in panes") })
    }

    @Test func keyNamesParse() {
        #expect(Key.parse("Ctrl-S") == .ctrl("s"))
        #expect(Key.parse("c-s") == .ctrl("s"))
        #expect(Key.parse("M-x") == .alt("x"))
        #expect(Key.parse("Shift-Tab") == .backTab)
        #expect(Key.parse("PgDn") == .pageDown)
        #expect(Key.parse("F12") == .function(12))
        #expect(Key.parse("X") == .char("X"))
        #expect(Key.parse("Space") == .char(" "))
        #expect(Key.parse("Ctrl-Left") == .ctrlLeft)
        #expect(Key.parse("Ctrl-1") == nil)
        #expect(Key.parse("") == nil)
    }
}

@Suite struct HeaderClickTests {
    @Test func clickingTheTitleOpensTheTitleAndProblemForm() {
        var s = makeState()
        _ = Workspace.reduce(&s, .clickedTitle, env)
        #expect(s.topForm?.target == .designInfo)
        s.readOnly = true
        s.overlays = []
        _ = Workspace.reduce(&s, .clickedTitle, env)
        #expect(s.overlays.isEmpty, "a read-only session says no")
    }
}

@Suite struct SaveAndQuitThroughQuestionsTests {
    func dirty() -> AppState {
        var s = makeState(components: 1)
        s.focus = .components
        _ = send(&s, .char("d"))
        #expect(s.isDirty)
        return s
    }

    @Test func writingAProtectedFileThenQuits() {
        var s = dirty()
        _ = send(&s, .char("q"))
        #expect(send(&s, .char("y")) == [.save(s.design, path: s.filePath)])
        _ = Workspace.reduce(&s, .writeProtected(path: s.filePath), env)
        #expect(s.topConfirm?.title == "Read-only file")
        let effects = send(&s, .char("w"))
        #expect(effects == [.save(s.design, path: s.filePath, force: true, overwriteReadOnly: true)])
        #expect(Workspace.reduce(&s, .saved(path: s.filePath, design: s.design), env) == [.quit], "the quit goes on")
    }

    @Test func overwritingAChangedFileThenQuits() {
        var s = dirty()
        _ = send(&s, .char("q"), .char("y"))
        _ = Workspace.reduce(&s, .changedOnDisk(path: s.filePath), env)
        #expect(send(&s, .char("o")) == [.save(s.design, path: s.filePath, force: true)])
        #expect(Workspace.reduce(&s, .saved(path: s.filePath, design: s.design), env) == [.quit])
    }

    @Test func aSaveWithoutAQuitWaitingDoesNotQuit() {
        var s = dirty()
        _ = send(&s, .ctrl("s"))
        _ = Workspace.reduce(&s, .writeProtected(path: s.filePath), env)
        _ = send(&s, .char("w"))
        #expect(Workspace.reduce(&s, .saved(path: s.filePath, design: s.design), env) == [])
    }
}
