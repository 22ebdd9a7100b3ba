import DesignModel
import Foundation
import Testing
import TestSupport
@testable import Workspace

@Suite struct PaletteAndFilterTests {
    func run(_ s: inout AppState, _ command: String) -> [Effect] {
        send(&s, .char(":"))
        type(&s, command)
        return send(&s, .enter)
    }

    @Test func exStyleCommands() {
        var s = makeState(components: 1)
        #expect(run(&s, "w") == [.save(s.design, path: "/tmp/test.json")])
        #expect(run(&s, "w other.json") == [.save(s.design, path: "other.json")])
        #expect(run(&s, "q") == [.quit])
        s = makeState(components: 1)
        send(&s, .char("2"), .char("d"))
        #expect(run(&s, "q").isEmpty)
        #expect(s.topConfirm != nil)
        send(&s, .escape)
        #expect(run(&s, "q!") == [.quit])
        s = makeState()
        #expect(run(&s, "wq") == [.save(s.design, path: "/tmp/test.json")])
        #expect(s.quitting)
    }

    @Test func exportChoosesTheFormatFromTheExtension() {
        var s = makeState()
        #expect(run(&s, "export") == [.export(s.design, path: "/tmp/test.md", format: "markdown")])
        #expect(run(&s, "export d.dot") == [.export(s.design, path: "d.dot", format: "dot")])
        #expect(run(&s, "export d.mmd") == [.export(s.design, path: "d.mmd", format: "mermaid")])
    }

    @Test func configListsEveryProblemInFull() {
        var s = makeState()
        s.configPath = "~/.config/sysdraft/config.toml"
        s.configProblems = ["~/.config/sysdraft/config.toml:3: unknown key \"Hyper-x\"",
                            "~/.config/sysdraft/config.toml:9: mouse must be true or false"]
        #expect(run(&s, "config") == [])
        guard case .info(let title, let lines, _)? = s.overlays.last else { Issue.record("no overlay"); return }
        #expect(title == "Settings")
        #expect(lines.contains { $0.contains("~/.config/sysdraft/config.toml") })
        #expect(lines.contains("• " + s.configProblems[0]) && lines.contains("• " + s.configProblems[1]))
        #expect(lines.contains { $0.hasPrefix("2 problems") })
        s.overlays = []
        s.configProblems = []
        _ = run(&s, "settings")
        guard case .info(_, let clean, _)? = s.overlays.last else { Issue.record("no overlay"); return }
        #expect(clean.contains { $0.hasPrefix("No problems") })
    }

    @Test func exportTakesTheReportOptionsOfTheCommandLine() {
        var s = makeState()
        #expect(run(&s, "export r.md --only-started") ==
                [.export(s.design, path: "r.md", format: "markdown", report: ReportFlags(onlyStarted: true))])
        #expect(run(&s, "export --hide-unticked --only-started") ==
                [.export(s.design, path: "/tmp/test.md", format: "markdown",
                         report: ReportFlags(onlyStarted: true, hideUnticked: true))])
        // A space inside the file name stays part of it.
        #expect(run(&s, "export my report.md --hide-unticked") ==
                [.export(s.design, path: "my report.md", format: "markdown", report: ReportFlags(hideUnticked: true))])
        // A misspelt option is an error, not a file called "--only-startd".
        #expect(run(&s, "export r.md --only-startd") == [.bell])
        #expect(s.message?.text.contains("Unknown option --only-startd") == true)
    }

    @Test func unknownCommandsSaySo() {
        var s = makeState()
        #expect(run(&s, "frobnicate now") == [.bell])
        #expect(s.message?.text.hasPrefix("Unknown command: frobnicate") == true)
    }

    @Test func fuzzyMatchingRanksNamesAndTitles() {
        let entries = Workspace.paletteEntries(.standard)
        #expect(Palette.matches("exp", in: entries).first?.name == "export")
        #expect(Palette.matches("stg", in: entries).first?.name == "stages")
        #expect(Palette.matches("wq", in: entries).first?.name == "wq")
        #expect(Palette.matches("zzzz", in: entries).isEmpty)
        // Every keymap command can be found by its title.
        #expect(Palette.matches("diagram", in: entries).contains { $0.name == "diagram" })
    }

    @Test func enterRunsTheHighlightedMatch() {
        var s = makeState()
        send(&s, .char(":"))
        type(&s, "stg")
        send(&s, .enter)
        #expect(s.screen == .checklist)
    }

    @Test func tabCompletesCommandsAndPaths() {
        var s = makeState()
        send(&s, .char(":"))
        type(&s, "expo")
        send(&s, .tab)
        guard case .palette(let p)? = s.overlays.last else { Issue.record("palette closed"); return }
        #expect(p.editor.text == "export ")
        type(&s, "des")
        send(&s, .tab)
        guard case .palette(let p2)? = s.overlays.last else { Issue.record("palette closed"); return }
        #expect(p2.editor.text == "export designs/")
    }

    @Test func tabListsSeveralCommandNamesAndCyclesThroughThem() {
        var s = makeState()
        send(&s, .char(":"))
        type(&s, "s")
        let expected = Palette.matches("s", in: Workspace.paletteEntries(s.keymap)).map(\.name)
        #expect(expected.count > 2, "several commands match s")
        send(&s, .tab)
        guard case .palette(let p)? = s.overlays.last else { Issue.record("palette closed"); return }
        #expect(p.candidates == expected, "the candidates are listed")
        var seen = [p.editor.text]
        for _ in 1..<expected.count {
            send(&s, .tab)
            guard case .palette(let q)? = s.overlays.last else { Issue.record("palette closed"); return }
            seen.append(q.editor.text)
        }
        #expect(seen == expected, "each Tab puts the next name on the line")
        send(&s, .tab)
        guard case .palette(let again)? = s.overlays.last else { Issue.record("palette closed"); return }
        #expect(again.editor.text == expected[0], "and wraps around")
        // Typing drops the list; the matches follow the text again.
        type(&s, "x")
        guard case .palette(let typed)? = s.overlays.last else { Issue.record("palette closed"); return }
        #expect(typed.candidates.isEmpty)
    }

    @Test func filteringNarrowsThePaneAsYouType() {
        var s = makeState()
        for name in ["Redis cache", "Postgres", "Redis streams", "API"] { s.design.addComponent(name: name, kind: .service) }
        send(&s, .char("2"), .char("/"))
        type(&s, "redis")
        #expect(s.visibleRows(.components) == [0, 2])
        send(&s, .enter)
        #expect(s.overlays.isEmpty)
        #expect(s.message?.text.hasPrefix("2 matches") == true)
        send(&s, .char("n"))
        #expect(s.selectedComponent?.name == "Redis streams")
        send(&s, .char("n"))
        #expect(s.selectedComponent?.name == "Redis cache")
        send(&s, .char("/"), .escape)
        #expect(s.visibleRows(.components).count == 4)
    }

    @Test func escapeClearsAKeptFilterAndKeepsTheSelection() {
        var s = makeState()
        for name in ["Redis cache", "Postgres", "Redis streams", "API"] { s.design.addComponent(name: name, kind: .service) }
        send(&s, .char("2"), .char("/"))
        type(&s, "redis")
        send(&s, .enter, .char("n"))
        #expect(s.selectedComponent?.name == "Redis streams")
        send(&s, .escape)
        #expect(s.filters[.components] == nil && s.visibleRows(.components).count == 4)
        #expect(s.selectedComponent?.name == "Redis streams")
        #expect(s.message?.text == "Filter cleared")
        send(&s, .escape)
        #expect(s.message == nil, "Esc without a filter does nothing")
    }

    @Test func editingAFilteredRowEditsTheRightItem() {
        var s = makeState()
        for name in ["Alpha", "Beta", "Gamma"] { s.design.addComponent(name: name, kind: .service) }
        send(&s, .char("2"), .char("/"))
        type(&s, "gam")
        send(&s, .enter, .char("e"))
        #expect(s.topForm?.target == .item(.components, "comp-3"))
    }
}

@Suite struct ChecklistTests {
    @Test func tickingCatalogueAndCustomItems() {
        var s = makeState()
        send(&s, .char("c"))
        #expect(s.screen == .checklist)
        send(&s, .char(" "))
        #expect(s.design.stage(.requirements).done == ["requirements.one"])
        send(&s, .char("a"))
        type(&s, "Ask about analytics")
        send(&s, .enter)
        #expect(s.design.stage(.requirements).custom.map(\.text) == ["Ask about analytics"])
        #expect(s.checklist.row == 2)
        send(&s, .char(" "))
        #expect(s.design.stage(.requirements).custom[0].done)
        #expect(s.design.progress(of: .requirements, in: testCatalogue).done == 2)
        send(&s, .tab)
        #expect(s.checklist.stage == .highLevelDesign)
        send(&s, .backTab, .backTab)
        #expect(s.checklist.stage == .tradeOffs)
    }

    @Test func stageNotesEditAcrossLinesAndUndo() {
        var s = makeState()
        send(&s, .char("c"), .char("l"), .char("n"))
        type(&s, "Load balancer")
        send(&s, .enter)
        type(&s, "then 漢字 ✓")
        send(&s, .escape)
        #expect(s.design.stage(.highLevelDesign).notes == "Load balancer\nthen 漢字 ✓")
        send(&s, .char("u"))
        #expect(s.design.stage(.highLevelDesign).notes == "")
    }

    @Test func onlyCustomItemsCanBeDeleted() {
        var s = makeState()
        send(&s, .char("c"), .char("d"))
        #expect(s.message?.text.hasPrefix("Only items you added") == true)
    }
}

@Suite struct KeymapTests {
    @Test func everyKeyMeansOneThingPerContext() {
        for context in KeyContext.allCases {
            var seen: [Key: Command] = [:]
            for b in Keymap.standard.bindings where b.context == context {
                for k in b.keys {
                    #expect(seen[k] == nil, "\(k) is bound twice in \(context)")
                    seen[k] = b.command
                }
            }
        }
    }

    @Test func keyTextListsEachKeyOnce() {
        #expect(Keymap.standard.keyText(for: .moveDown) == "j/↓")
        #expect(Keymap.standard.command(for: .char("j"), in: .checklist) == .moveDown)
        #expect(Keymap.standard.command(for: .ctrl("s"), in: .diagram) == .save, "global keys apply everywhere")
    }
}

@Suite struct FilterCacheTests {
    @Test func theFilterFollowsEditsAndRenames() throws {
        var s = makeState()
        for name in ["Redis cache", "Postgres", "API"] { s.design.addComponent(name: name, kind: .service) }
        try s.design.addFlow(from: "comp-2", to: "comp-3", label: "rows")
        send(&s, .char("3"), .char("/"))
        type(&s, "post")
        #expect(s.visibleRows(.flows) == [0], "flows match by component name")
        send(&s, .enter)
        // Renaming the component changes what the flow's row says, and so what matches.
        send(&s, .char("2"), .char("j"), .char("e"), .ctrl("u"))
        type(&s, "MySQL")
        send(&s, .enter)
        #expect(s.visibleRows(.flows).isEmpty)
        s.filters[.flows] = "mysql"
        #expect(s.visibleRows(.flows) == [0])
        // Typing more narrows; deleting a character widens again.
        s.filters[.components] = "redis"
        #expect(s.visibleRows(.components) == [0])
        s.filters[.components] = ""
        s.filters[.components] = "a"
        #expect(s.visibleRows(.components) == [0, 2])
        s.filters[.components] = "ap"
        #expect(s.visibleRows(.components) == [2])
        s.filters[.components] = "a"
        #expect(s.visibleRows(.components) == [0, 2])
    }
}

/// The search index is updated item by item as the design changes; whatever the edits, the rows
/// a filter shows are exactly those a freshly built state shows.
@Suite struct SearchIndexTests {
    @Test func byteSearchFindsSubstringsIncludingUnicode() {
        func has(_ a: String, _ b: String) -> Bool { SearchIndex.contains(Array(a.utf8), Array(b.utf8)) }
        #expect(has("redis cache", "cache") && has("redis cache", "r") && has("abc", "abc"))
        #expect(!has("redis", "redis cache") && !has("cache", "cachf") && !has("", "a"))
        #expect(has("zürich → 東京", "東京") && has("zürich", "ür") && !has("zurich", "ür"))
        #expect(has("aaab", "aab"), "a partial match does not skip the real one")
    }

    @Test func onlyTheChangedRunIsRecomputed() {
        let (o, n) = SearchIndex.changedRanges([1, 2, 3, 4, 5], [1, 2, 9, 4, 5])
        #expect(o == 2..<3 && n == 2..<3)
        let (o2, n2) = SearchIndex.changedRanges([1, 2, 3], [1, 2, 3, 4])
        #expect(o2 == 3..<3 && n2 == 3..<4)
        let (o3, n3) = SearchIndex.changedRanges([1, 2, 3], [1, 3])
        #expect(o3 == 1..<2 && n3 == 1..<1)
        let (o4, n4) = SearchIndex.changedRanges([1, 1, 1], [1, 1])
        #expect(o4.count - n4.count == 1 && o4.lowerBound == n4.lowerBound)
        var recomputed: [Int] = []
        var index = SearchIndex(count: 5) { "item \($0)" }
        index.update(from: [1, 2, 3, 4, 5], to: [1, 2, 9, 4, 5]) { recomputed.append($0); return "Nine" }
        #expect(recomputed == [2])
        #expect(index.matches("nine", among: Array(0..<5)) == [2])
    }

    @Test func randomEditsKeepTheFilterEqualToAFreshSearch() throws {
        var rng = SystemRandomNumberGenerator()
        let seed = UInt64.random(in: 0...UInt64.max, using: &rng)
        var g = SeededGenerator(seed: seed)
        var s = makeState()
        let words = ["redis", "cache", "api", "gateway", "post", "gres", "queue", "zürich", "東京"]
        func word() -> String { words[Int(g.next() % UInt64(words.count))] }
        for _ in 0..<8 { s.design.addComponent(name: "\(word()) \(word())", kind: .service) }
        for _ in 0..<12 {
            let c = s.design.components
            try s.design.addFlow(from: c[Int(g.next() % 8)].id, to: c[Int(g.next() % 8)].id, label: word())
        }
        s.filters[.components] = "a"
        s.filters[.flows] = "e"
        for step in 0..<300 {
            let c = s.design.components
            switch g.next() % 7 {
            case 0: s.design.addComponent(name: "\(word()) \(word())", kind: .cache)
            case 1 where !c.isEmpty: s.design.components[Int(g.next() % UInt64(c.count))].name = word()
            case 2 where c.count > 1: _ = try s.design.removeComponent(c[Int(g.next() % UInt64(c.count))].id)
            case 3 where c.count > 1:
                try s.design.addFlow(from: c[Int(g.next() % UInt64(c.count))].id, to: c[0].id, label: word())
            case 4 where s.design.flows.count > 1:
                s.design.flows.swapAt(0, Int(g.next() % UInt64(s.design.flows.count)))
            case 5 where s.design.flows.count > 0:
                s.design.flows[Int(g.next() % UInt64(s.design.flows.count))].label = word()
            default: s.filters[[.components, .flows][Int(g.next() % 2)]] = String(word().prefix(2))
            }
            var fresh = AppState(design: s.design, filePath: s.filePath, catalogue: s.catalogue)
            fresh.filters = s.filters
            for pane in [Pane.components, .flows] {
                #expect(s.visibleRows(pane) == fresh.visibleRows(pane), "seed \(seed), step \(step), \(pane)")
            }
        }
    }
}

@Suite struct HelpTextTests {
    @Test func everyBindingIsListedWithItsKeysWhole() {
        let lines = HelpText.lines(.standard).map(\.text)
        for b in Keymap.standard.bindings {
            let keys = b.keys.map(\.description).joined(separator: " ")
            #expect(lines.contains { $0.hasPrefix("  " + keys + " ") && $0.hasSuffix(b.command.title) },
                    "\(keys) → \(b.command.title)")
        }
        // Every context has its own section, forms and fields included.
        for context in KeyContext.allCases where Keymap.standard.bindings.contains(where: { $0.context == context }) {
            #expect(lines.contains(context.rawValue), "a section for \(context)")
        }
    }

    @Test func scrollingStopsAtTheEnd() {
        var s = makeState()
        s.size = ScreenSize(columns: 80, rows: 24)
        let end = HelpText.maxScroll(.standard, size: s.size)
        #expect(end > 0, "the help is longer than 24 rows")
        send(&s, .char("?"))
        for _ in 0..<500 { send(&s, .char("j")) }
        #expect(s.overlays.last == .help(scroll: end))
        send(&s, .char("k"))
        #expect(s.overlays.last == .help(scroll: end - 1), "the way back works at once")
        send(&s, .char("g"))
        #expect(s.overlays.last == .help(scroll: 0))
        send(&s, .char("G"))
        #expect(s.overlays.last == .help(scroll: end))
        s.size = ScreenSize(columns: 200, rows: 300)
        send(&s, .char("j"))
        #expect(s.overlays.last == .help(scroll: 0), "nothing to scroll when it all fits")
    }
}
