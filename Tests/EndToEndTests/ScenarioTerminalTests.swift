import Foundation
import Testing

/// Scenarios in a real terminal, as a user drives them: a scenario with an alt block built in
/// the step editor, viewed as a sequence diagram, the jump to the architecture diagram with its
/// path highlighted, and the missing flow added from there.
@Suite(.serialized) struct ScenarioTerminalTests {
    @Test func buildViewHighlightAndAddTheMissingFlow() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.file("shortener.json")
        try FileManager.default.copyItem(atPath: Repo.example, toPath: path)
        // 256 colours, so the highlight and the dimming show in `capture-pane -e`.
        let t = try TmuxSession("\(Repo.binary) shortener.json", cwd: dir.path, columns: 140, rows: 50,
                                env: ["TERM": "screen-256color", "NO_COLOR": ""])
        try t.waitFor(text: "URL shortener")

        // A new scenario, then its steps: each new step starts where the one above arrived and
        // follows that component's first flow.
        try t.keys("7"); try t.waitFor(text: "7 Scenarios (3)")
        try t.keys("a"); try t.waitFor(text: "New scenario")
        try t.type("Redirect with a miss counter")
        try t.keys("Enter"); try t.waitFor(text: "Added scen-4")
        try t.keys("s"); try t.waitFor(text: "No steps yet")
        for message in ["GET /abc123", "GET /abc123", "GET /abc123", "GET code abc123"] {
            try t.keys("a"); try t.waitFor(text: "New step in scen-4")
            try t.keys("Tab", "Tab")
            try t.type(message)
            try t.keys("Enter"); try t.waitFor(text: "Added step")
        }
        var screen = try t.waitFor(text: "4 Redirect service → Link cache: GET code abc123")
        #expect(screen.contains("1 Users & API clients → CDN edge: GET /abc123"))

        // Wrap the cache lookup in alt, with an else branch.
        try t.keys("w"); try t.waitFor(text: "Wrap in a block")
        try t.keys("Tab"); try t.type("cache hit")
        try t.keys("Tab"); try t.type("cache miss")
        try t.keys("Enter"); try t.waitFor(text: "Wrapped in alt block")
        // In the else branch: Redirect service → Analytics store, a call no flow carries.
        try t.keys("j", "j"); try t.waitFor(text: "Branches")
        try t.keys("a"); try t.waitFor(text: "New step in scen-4")
        try t.keys("r"); try t.waitFor(text: "‹ Redirect service (comp-7) ›")
        try t.keys("Tab"); try t.keys("A", "A"); try t.waitFor(text: "Analytics store (comp-13)")
        try t.keys("Tab"); try t.type("count a cache miss")
        try t.keys("Tab"); try t.keys("c"); try t.waitFor(text: "‹ Call ›")
        try t.keys("Enter")
        screen = try t.waitFor(text: "not in the architecture yet: f adds the flow")
        #expect(screen.contains("┌ alt [cache hit]"))
        #expect(screen.contains("├ else [cache miss]"))
        #expect(screen.contains("5 │ Redirect service → Analytics store: count a cache miss"))
        #expect(screen.contains("⚠ 1 not in the architecture"))

        // The sequence diagram: frames, and the step listed as not in the architecture.
        try t.keys("S")
        screen = try t.waitFor(text: "Sequence — scen-4")
        #expect(screen.contains("alt [cache hit]"))
        #expect(screen.contains("else [cache miss]"))
        #expect(screen.contains("5. count a cache miss"))
        #expect(screen.contains("1 step not in the architecture"))

        // The architecture diagram: the scenario's boxes and edges bright, the rest dim.
        try t.keys("D")
        // The header comes first as curses draws; wait until the boxes on either side are there.
        screen = try t.waitFor("the highlighted diagram") {
            $0.contains("scen-4 highlighted") && $0.contains("without a flow: F adds it")
                && $0.contains("API gateway") && $0.contains("CDN edge") && !$0.contains("5. count a cache miss")
        }
        let styled = try t.screen(escapes: true)
        #expect(lastStyle(before: "API gateway", in: styled)?.contains("38;5;245") == true,
                "a box the scenario does not use is dim:\n\(screen)")
        #expect(lastStyle(before: "CDN edge", in: styled)?.contains("38;5;245") == false, "a box it uses is not")
        #expect(styled.contains("48;5;220"), "its edges in the highlight colour")

        // F adds the missing hop from the diagram; back in the sequence nothing is missing.
        try t.keys("F")
        screen = try t.waitFor(text: "Added flow-15 Redirect service → Analytics store for step 5")
        try t.keys("Escape")
        try t.waitFor("the sequence again") { $0.contains("Sequence — scen-4") && $0.contains("5. count a cache miss") }
        screen = try t.settled()
        #expect(!screen.contains("not in the architecture"), "\(screen)")
        try t.keys("C-s"); try t.waitFor(text: "Saved")
        try t.keys("q"); try t.waitFor(text: "EXITED=0")

        let doc = try json(path)
        let scenarios = try #require(doc["scenarios"] as? [[String: Any]])
        let s = try #require(scenarios.last)
        #expect(s["name"] as? String == "Redirect with a miss counter")
        let steps = try #require(s["steps"] as? [[String: Any]])
        #expect(steps.count == 4)
        let alt = try #require(steps.last)
        #expect(alt["block"] as? String == "alt")
        let branches = try #require(alt["branches"] as? [[String: Any]])
        #expect(branches.map { $0["condition"] as? String } == ["cache hit", "cache miss"])
        let miss = try #require((branches[1]["steps"] as? [[String: Any]])?.first)
        #expect(miss["from"] as? String == "comp-7" && miss["to"] as? String == "comp-13")
        #expect(miss["kind"] as? String == "sync" && miss["message"] as? String == "count a cache miss")
        let flows = try #require(doc["flows"] as? [[String: Any]])
        #expect(flows.contains { $0["id"] as? String == "flow-15" && $0["from"] as? String == "comp-7" && $0["to"] as? String == "comp-13" })
        let drawn = try sysdraft("sequence", path, "scen-4")
        #expect(drawn.status == 0)
        #expect(!drawn.stderr.contains("not in the architecture"), "\(drawn.stderr)")
        #expect(try sysdraft("validate", path).status == 0)
    }
}

/// The last SGR sequence before the first occurrence of `text` on the screen (captured with
/// escapes): how that text is drawn.
func lastStyle(before text: String, in screen: String) -> String? {
    guard let r = screen.range(of: text) else { return nil }
    return screen[..<r.lowerBound].components(separatedBy: "\u{1b}[").last
}

extension TmuxSession {
    /// The screen once two captures in a row agree: curses draws a frame top to bottom, so a
    /// header that has changed does not yet mean the rows below it have.
    func settled() throws -> String {
        var last = try screen()
        for _ in 0..<100 {
            usleep(20_000)
            let now = try screen()
            if now == last { return now }
            last = now
        }
        return last
    }
}
