import Foundation
import Testing

/// The step editor and the sequence screen in a real terminal, on the worked example: reorder,
/// move into and out of a block, delete, undo, edit in place; then the sequence diagram paged
/// with its participants kept on screen, in ASCII and back, refitted when the window shrinks and
/// repainted whole after a too-small window.
@Suite(.serialized) struct StepEditorTerminalTests {
    @Test func editTheStepsAndReadTheSequenceAtAnySize() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.file("shortener.json")
        try FileManager.default.copyItem(atPath: Repo.example, toPath: path)
        let t = try TmuxSession("\(Repo.binary) shortener.json", cwd: dir.path, columns: 100, rows: 30)
        try t.waitFor(text: "URL shortener")
        try t.keys("7"); try t.waitFor(text: "7 Scenarios (3)")
        try t.keys("s"); try t.waitFor(text: "Steps — scen-1 Create a short link · 16 steps")

        // J moves step 5 below step 6; u puts it back.
        try t.keys("j", "j", "j", "j")
        try t.keys("J")
        var screen = try t.waitFor(text: " 5 Shorten service ↺ validate URL, check blocklist")
        #expect(screen.contains(" 6 API gateway → Shorten service: create link (long URL, owner)"))
        try t.keys("u")
        screen = try t.waitFor(text: " 5 API gateway → Shorten service: create link (long URL, owner)")
        #expect(screen.contains(" 6 Shorten service ↺ validate URL, check blocklist"))

        // Edit in place: the message of step 5 (the selection stayed on the row the step moved to).
        try t.keys("k"); try t.waitFor(text: "Step 5        API gateway → Shorten service")
        try t.keys("Enter"); try t.waitFor(text: "Edit step of scen-1")
        try t.keys("Tab", "Tab", "C-u")
        try t.type("create link, idempotent")
        try t.keys("Enter")
        try t.waitFor(text: " 5 API gateway → Shorten service: create link, idempotent")

        // Step 14 sits just after the alt block: > moves it into the block's last branch, < out.
        try t.keys("G"); try t.keys("k", "k")
        try t.waitFor(text: "Step 14       API gateway ⇢ Load balancer")
        try t.keys(">")
        screen = try t.waitFor("step 14 inside the else branch") {
            $0.contains("14 │ API gateway ⇢ Load balancer: response")
        }
        #expect(order(of: ["13 │ Shorten service ⇢ API gateway: 400", "14 │ API gateway ⇢ Load balancer", "└ end alt"], in: screen))
        try t.keys("<")
        screen = try t.waitFor("step 14 out of the block") { $0.contains("14 API gateway ⇢ Load balancer: response") }
        #expect(order(of: ["└ end alt", "14 API gateway ⇢ Load balancer"], in: screen))

        // Delete, then undo.
        try t.keys("d")
        screen = try t.waitFor(text: "Steps — scen-1 Create a short link · 15 steps")
        #expect(!screen.contains("API gateway ⇢ Load balancer: response"))
        try t.keys("u"); try t.waitFor(text: "Steps — scen-1 Create a short link · 16 steps")

        // The sequence diagram: a page down keeps the participants on top.
        // It opens on the step the editor had selected.
        try t.keys("S")
        screen = try t.waitFor("the sequence") { $0.contains("Sequence — scen-1") && $0.contains("14.") }
        #expect(!screen.contains("rows 1–"))
        try t.keys("g")
        try t.waitFor("its top") { $0.contains("rows 1–") && $0.contains("1. POST") }
        try t.keys("PageDown")
        screen = try t.waitFor("the second page") { !$0.contains("rows 1–") && $0.contains("rows ") }
        #expect(screen.contains("│ API gateway │"), "the participants stay on screen:\n\(screen)")
        #expect(!screen.contains("1. POST"))

        // ASCII and back.
        try t.keys("A")
        screen = try t.waitFor("the ASCII drawing") { $0.contains("· ASCII") && $0.contains("| API gateway |") }
        #expect(!screen.contains("│ API gateway │"))
        try t.keys("A")
        try t.waitFor("Unicode again") { !$0.contains("· ASCII") && $0.contains("│ API gateway │") }

        // A narrow window: the drawing is fitted again, names abbreviated with a legend at the end.
        try t.resize(columns: 60, rows: 20)
        try t.waitFor("the narrow drawing") { $0.contains("│ AG │") }
        try t.keys("G")
        screen = try t.waitFor(text: "AG = API gateway")
        for line in screen.split(separator: "\n") {
            #expect(line.count <= 60, "a line wider than the window: \(line)")
        }

        // Too small, then large again: the whole screen is drawn anew, nothing of the notice left.
        try t.resize(columns: 50, rows: 12)
        try t.waitFor(text: "Terminal too small")
        try t.resize(columns: 100, rows: 30)
        try t.waitFor("the sequence again") { $0.contains("Sequence — scen-1") && !$0.contains("Terminal too small") }
        screen = try t.settled()
        #expect(!screen.contains("too small") && !screen.contains("needs at least") && !screen.contains("Enlarge"),
                "left over from the notice:\n\(screen)")

        // Back to the step editor, save, and the edit is in the file.
        try t.keys("s"); try t.waitFor(text: "Steps — scen-1")
        try t.keys("C-s"); try t.waitFor(text: "Saved")
        try t.keys("q"); try t.waitFor(text: "EXITED=0")
        let doc = try json(path)
        let scenarios = try #require(doc["scenarios"] as? [[String: Any]])
        let steps = try #require(scenarios.first?["steps"] as? [[String: Any]])
        #expect(steps.count == 10, "six steps, the alt block and the three replies after it, at the first level")
        #expect(steps[4]["message"] as? String == "create link, idempotent")
        #expect(try sysdraft("validate", path).status == 0)
    }
}

/// Whether the texts occur on the screen in this order, each found after the one before.
private func order(of texts: [String], in screen: String) -> Bool {
    var from = screen.startIndex
    for text in texts {
        guard let r = screen.range(of: text, range: from..<screen.endIndex) else { return false }
        from = r.upperBound
    }
    return true
}
