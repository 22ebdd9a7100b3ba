import Foundation
import Testing

/// The Estimates list in a real terminal: estimates that use each other recompute as they are
/// edited, an error shows on its row, the reference card and the templates open.
@Suite(.serialized) struct EstimatesTerminalTests {
    /// Types a name and an expression into the open estimate form, waiting for each to show
    /// (the hint under an empty expression says the cursor has moved there), so keys sent
    /// quickly never arrive together as one paste.
    func fill(_ t: TmuxSession, name: String, expression: String) throws {
        try t.type(name); try t.waitFor(text: "Name         " + name)
        try t.keys("Tab"); try t.waitFor(text: "a value with its unit")
        try t.type(expression); try t.waitFor(text: "Expression   " + expression)
    }

    /// The line of the screen that holds `text`.
    func line(_ screen: String, _ text: String) -> String? {
        screen.split(separator: "\n").map(String.init).first { $0.contains(text) }
    }

    @Test func anEstimateFollowsTheOneItUses() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let t = try TmuxSession("\(Repo.binary) scale.json", cwd: dir.path)
        try t.waitFor(text: "New design")
        try t.keys(":"); try t.waitFor(text: "Command")
        try t.type("estimates"); try t.keys("Enter")
        try t.waitFor(text: "Estimates (0)")

        try t.keys("a"); try t.waitFor(text: "New estimate")
        try fill(t, name: "dau", expression: "10M"); try t.keys("Enter")
        try t.waitFor(text: "Added est-1")
        try t.keys("a"); try t.waitFor(text: "New estimate")
        try fill(t, name: "read_qps", expression: "dau * 20 / day")
        // The form previews the value before it is saved: 10M × 20 a day ≈ 2,315 a second.
        try t.waitFor(text: "= 2.3K /s")
        try t.keys("Enter")
        var screen = try t.waitFor(text: "Added est-2")
        #expect(line(screen, "read_qps")?.contains("2.3K /s") == true, "\(screen)")

        // Change the first: the second follows (30M × 20 a day ≈ 6,944 a second).
        try t.keys("g", "e"); try t.waitFor(text: "Edit estimate est-1")
        try t.keys("Tab", "C-u"); try t.waitFor(text: "a value with its unit")
        try t.type("30M"); try t.waitFor(text: "= 30.0M"); try t.keys("Enter")
        screen = try t.waitFor(text: "Updated est-1")
        #expect(line(screen, "read_qps")?.contains("6.9K /s") == true, "\(screen)")

        // An expression with an error is kept, and its row says what is wrong.
        try t.keys("a"); try t.waitFor(text: "New estimate")
        try fill(t, name: "mixed", expression: "dau + 5 GB")
        try t.waitFor(text: "cannot add")                // previewed in the form
        try t.keys("Enter")
        screen = try t.waitFor(text: "Added est-3")
        let row = try #require(line(screen, "mixed"))
        #expect(row.contains("⚠") && row.contains("cannot add a plain number and data size (B)"), "\(screen)")

        // A row that uses the broken one is marked and names what it waits for …
        try t.keys("a"); try t.waitFor(text: "New estimate")
        try fill(t, name: "doubled", expression: "mixed * 2"); try t.keys("Enter")
        screen = try t.waitFor(text: "Added est-4")
        let waiting = try #require(line(screen, "doubled"))
        #expect(waiting.contains("↳") && waiting.contains("needs mixed"), "\(screen)")
        // … and gets its value once the error is fixed (30M + 5, twice).
        try t.keys("k", "e"); try t.waitFor(text: "Edit estimate est-3")
        try t.keys("Tab", "C-u"); try t.waitFor(text: "a value with its unit")
        try t.type("dau + 5"); try t.waitFor(text: "Expression   dau + 5"); try t.keys("Enter")
        screen = try t.waitFor(text: "Updated est-3")
        #expect(line(screen, "doubled")?.contains("60.0M") == true, "\(screen)")
        #expect(!screen.contains("⚠") && !screen.contains("↳"), "\(screen)")

        // The reference card opens over the list and closes again.
        try t.keys("R")
        screen = try t.waitFor(text: "Reference card")
        #expect(screen.contains("Latency") && screen.contains("Reference in the L1 cache"))
        try t.keys("Escape")
        try t.waitFor("the card to close") { !$0.contains("Reference card") }

        try t.keys("C-s"); try t.waitFor(text: "Saved")
        try t.keys("q"); try t.waitFor(text: "EXITED=0")
        let doc = try json(dir.file("scale.json"))
        let estimates = try #require(doc["estimates"] as? [[String: Any]])
        #expect(estimates.map { $0["name"] as? String } == ["dau", "read_qps", "mixed", "doubled"])
        #expect(estimates.map { $0["expression"] as? String } == ["30M", "dau * 20 / day", "dau + 5", "mixed * 2"])
    }

    @Test func aTemplateGoesInFromThePicker() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let t = try TmuxSession("\(Repo.binary) scale.json", cwd: dir.path)
        try t.waitFor(text: "New design")
        try t.keys(":"); try t.waitFor(text: "Command")
        try t.type("estimates"); try t.keys("Enter")
        try t.waitFor(text: "Estimates (0)")
        try t.keys("A")
        try t.waitFor(text: "completions")
        try t.keys("Down"); try t.waitFor(text: "template qps")
        try t.keys("Enter")
        let screen = try t.waitFor(text: "Inserted")
        #expect(screen.contains("peak_read_qps"))
        #expect(!screen.contains("⚠"), "a template's estimates all have values:\n\(screen)")
    }
}
