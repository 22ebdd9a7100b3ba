import DesignModel
import Foundation
import DesignModel
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The workspace in a real terminal, as a user drives it.
@Suite(.serialized) struct WorkspaceTerminalTests {
    /// A new user: creates a design, adds two requirements, three components, two flows and a
    /// trade-off, saves and quits. The file holds exactly that and the screen showed it.
    @Test func aNewUserDraftsADesign() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let t = try TmuxSession("\(Repo.binary) chat.json", cwd: dir.path)
        try t.waitFor(text: "New design")

        try t.keys("a"); try t.waitFor(text: "New requirement")
        try t.type("Send a message to a friend"); try t.keys("Enter")
        try t.keys("a"); try t.type("Messages arrive within 200 ms")
        try t.keys("Tab", "Right", "Tab", "Right", "Tab", "Right", "Enter")  // NFR, Should, Latency
        try t.waitFor(text: "Messages arrive within 200 ms")

        try t.keys("2")
        // Type-ahead in the kind list, as in a select box: "We" → Web/mobile app; Service is the
        // default; "Da" → Database (a lone D after Service would too: it is the next D).
        for (name, kind) in [("Mobile app", "We"), ("Chat service", ""), ("Message store", "Da")] {
            try t.keys("a"); try t.waitFor(text: "New component")
            try t.type(name)
            try t.keys("Tab")
            try t.type(kind)
            try t.keys("Enter")
            try t.waitFor(text: name)
        }
        try t.keys("3", "a"); try t.waitFor(text: "New data flow")
        try t.keys("Tab", "Tab")                // from Mobile app to Chat service (the defaults)
        try t.type("outgoing message")
        try t.keys("Tab", "W", "Enter")         // protocol: WebSocket
        // The first flow is in before the second form opens (the first form's title would
        // otherwise satisfy the wait below while keys are still queued).
        try t.waitFor(text: "Added flow-1")
        try t.keys("a"); try t.waitFor(text: "New data flow")
        try t.keys("Right", "Tab", "Right", "Tab")          // Chat service → Message store
        try t.type("stored message")
        try t.keys("Tab", "Tab", "Tab", "Right", "Enter")    // past protocol and its name: async
        try t.keys("4", "a"); try t.waitFor(text: "New trade-off")
        try t.type("SQL or wide-column store")
        try t.keys("Enter")
        // Wait for the confirmation, not the title: the title shows in the form while typing.
        let screen = try t.waitFor(text: "Added trade-1")
        #expect(screen.contains("[+]"), "unsaved marker in the header")
        #expect(screen.contains("Mobile app → Chat service"))
        #expect(screen.contains("Chat service ⇢ Message store"))

        try t.keys("C-s")
        let saved = try t.waitFor(text: "Saved")
        #expect(!saved.contains("[+]"))
        try t.keys("q")
        try t.waitFor(text: "EXITED=0")

        let doc = try json(dir.file("chat.json"))
        let reqs = try #require(doc["requirements"] as? [[String: Any]])
        #expect(reqs.map { $0["text"] as? String } == ["Send a message to a friend", "Messages arrive within 200 ms"])
        #expect(reqs[1]["kind"] as? String == "non-functional")
        #expect(reqs[1]["priority"] as? String == "should")
        #expect(reqs[1]["category"] as? String == "latency")
        let comps = try #require(doc["components"] as? [[String: Any]])
        #expect(comps.map { $0["name"] as? String } == ["Mobile app", "Chat service", "Message store"])
        #expect(comps.map { $0["kind"] as? String } == ["app", "service", "database"])
        let flows = try #require(doc["flows"] as? [[String: Any]])
        #expect(flows.count == 2)
        #expect(flows[0]["from"] as? String == "comp-1" && flows[0]["to"] as? String == "comp-2")
        #expect(flows[0]["protocol"] as? String == "websocket")
        #expect(flows[1]["from"] as? String == "comp-2" && flows[1]["to"] as? String == "comp-3")
        #expect(flows[1]["mode"] as? String == "async")
        let trades = try #require(doc["tradeOffs"] as? [[String: Any]])
        #expect(trades.map { $0["title"] as? String } == ["SQL or wide-column store"])
        #expect(try sysdraft("validate", dir.file("chat.json")).status == 0)
        #expect(!FileManager.default.fileExists(atPath: dir.file(".chat.json.sysdraft-recovery")), "clean exit removes the recovery copy")
        #expect(!FileManager.default.fileExists(atPath: dir.file(".chat.json.sysdraft-lock")), "clean exit releases the lock")
    }

    @Test func resizingToATinyTerminalAndBack() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        try sysdraft("new", dir.file("d.json"), "--from", "url-shortener")
        let t = try TmuxSession("\(Repo.binary) d.json", cwd: dir.path, columns: 120, rows: 40)
        try t.waitFor(text: "4 Trade-offs")
        try t.resize(columns: 40, rows: 10)
        let small = try t.waitFor(text: "Terminal too small")
        #expect(small.contains("40×10"))
        try t.resize(columns: 80, rows: 24)
        let medium = try t.waitFor(text: "1 Requirements 14")
        // Seven lists on 80 columns: the focused one by name, every other by its number.
        let tabs = medium.split(separator: "\n").map(String.init).first { $0.contains("1 Requirements 14") } ?? ""
        #expect((2...7).allSatisfy { tabs.contains("  \($0)") }, "every tab on a medium terminal: \(tabs)")
        try t.resize(columns: 120, rows: 40)
        let big = try t.waitFor(text: "4 Trade-offs (5)")
        #expect(big.contains("1 Requirements (14)") && big.contains("3 Data flows (13)"))
        try t.keys("q")
        try t.waitFor(text: "EXITED=0")
    }

    @Test func quittingWithUnsavedChangesAsks() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        try sysdraft("new", dir.file("d.json"), "--from", "url-shortener")
        let original = contents(dir.file("d.json"))
        let t = try TmuxSession("\(Repo.binary) d.json", cwd: dir.path)
        try t.waitFor(text: "1 Requirements (14)")
        try t.keys("d")
        try t.waitFor(text: "1 Requirements (13)")
        try t.keys("q")
        try t.waitFor(text: "Save changes to d.json before quitting?")
        try t.keys("c")
        try t.waitFor("the prompt to close") { !$0.contains("before quitting?") }
        try t.keys("q")
        try t.waitFor(text: "before quitting?")
        try t.keys("n")
        try t.waitFor(text: "EXITED=0")
        #expect(contents(dir.file("d.json")) == original, "quit without saving leaves the file")

        let t2 = try TmuxSession("\(Repo.binary) d.json", cwd: dir.path)
        try t2.waitFor(text: "1 Requirements (14)")
        try t2.keys("d", "q")
        try t2.waitFor(text: "before quitting?")
        try t2.keys("y")
        try t2.waitFor(text: "EXITED=0")
        #expect(try json(dir.file("d.json"))["requirements"].map { ($0 as? [Any])?.count } == 13)
    }

    /// Names with terminal escape sequences and bidi overrides are shown, never executed.
    @Test func hostileNamesReachTheScreenOnlyAsVisibleText() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        try sysdraft("new", dir.file("d.json"), "--title", "Hostile")
        var doc = try json(dir.file("d.json"))
        doc["components"] = [["id": "comp-1", "kind": "service", "notes": "", "responsibility": "",
                               "name": "evil\u{1b}]2;PWNED\u{07}\u{1b}[31mRED\u{202E}TXT", "technology": "漢字 🚀"]]
        try JSONSerialization.data(withJSONObject: doc).write(to: URL(fileURLWithPath: dir.file("d.json")))
        #expect(try sysdraft("validate", dir.file("d.json")).status == 0)
        let t = try TmuxSession("\(Repo.binary) d.json", cwd: dir.path)
        try t.waitFor(text: "2 Components (1)")
        try t.keys("2")
        // Wait for the detail strip (only drawn for the focused pane), not the list row: the
        // row can show the name before `2` has been handled.
        let screen = try t.waitFor(text: "Component     evil^[]2;PWNED^G^[[31mRED")
        #expect(screen.contains("\\u{202e}TXT"), "bidi override shown as text")
        let title = try t.tmux(["display-message", "-p", "-t", t.name, "#{pane_title}"]).stdout
        #expect(!title.contains("PWNED"), "the window title was not changed")
        let raw = try t.screen(escapes: true)
        #expect(!raw.contains("PWNED\u{07}"))
        #expect(!raw.contains("\u{202E}"))
        try t.keys("q")
        try t.waitFor(text: "EXITED=0")
    }

    /// SIGTERM, SIGHUP, SIGINT and SIGQUIT: the terminal is restored and the edits are kept.
    @Test(arguments: [SIGTERM, SIGHUP, SIGINT, SIGQUIT])
    func signalsRestoreTheTerminalAndKeepEdits(signal: Int32) throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        try sysdraft("new", dir.file("d.json"), "--from", "url-shortener")
        let original = contents(dir.file("d.json"))
        let t = try TmuxSession("stty -g > before.txt; \(Repo.binary) d.json; stty -g > after.txt", cwd: dir.path)
        try t.waitFor(text: "1 Requirements (14)")
        try t.keys("d")
        try t.waitFor(text: "1 Requirements (13)")
        let pid = try #require(try t.programPID())
        kill(pid, signal)
        let screen = try t.waitFor(text: "EXITED=")
        #expect(screen.contains("stopped by signal \(signal)"))
        #expect(contents(dir.file("d.json")) == original, "the document itself is untouched")
        let recovery = dir.file(".d.json.sysdraft-recovery")
        let kept = try json(recovery)
        #expect((kept["requirements"] as? [Any])?.count == 13, "the edit is in the recovery copy")
        #expect(contents(dir.file("before.txt")) == contents(dir.file("after.txt")), "stty settings restored")
        #expect(!FileManager.default.fileExists(atPath: dir.file(".d.json.sysdraft-lock")))
    }

    @Test func aFileThatFailsToLoadIsReportedAndLeftAlone() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = try dir.write("bad.json", "{ \"schemaVersion\": 1, \"title\": ")
        let before = contents(path)
        let t = try TmuxSession("\(Repo.binary) bad.json", cwd: dir.path)
        let screen = try t.waitFor(text: "EXITED=1")
        #expect(screen.contains("bad.json: not valid JSON"))
        #expect(contents(path) == before)
    }

    /// A field the model does not know would be dropped by a save: the file opens read-only.
    @Test func aFileWithUnknownFieldsOpensReadOnly() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        try sysdraft("new", dir.file("d.json"), "--from", "url-shortener")
        let text = String(decoding: contents(dir.file("d.json"))!, as: UTF8.self)
            .replacingOccurrences(of: "\"schemaVersion\" : \(Design.currentSchemaVersion),",
                                  with: "\"reviewedBy\" : \"ada\", \"schemaVersion\" : \(Design.currentSchemaVersion),")
        let path = try dir.write("d.json", text)
        let t = try TmuxSession("\(Repo.binary) d.json", cwd: dir.path, columns: 160, rows: 40)
        // The check runs right after the first frame, so wait for what it says.
        let screen = try t.waitFor(text: "fields sysdraft does not know (reviewedBy)")
        #expect(screen.contains("[read-only]") && screen.contains("1 Requirements (14)"))
        try t.keys("d")
        try t.waitFor(text: "Read-only (the file has fields this version does not know)")
        try t.keys("q")
        try t.waitFor(text: "EXITED=0")
        #expect(String(decoding: contents(path)!, as: UTF8.self) == text)
    }
}

@Suite(.serialized) struct WorkspaceCommandTests {
    @Test func exportingFromThePaletteWritesTheReport() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        try sysdraft("new", dir.file("d.json"), "--from", "url-shortener")
        let t = try TmuxSession("\(Repo.binary) d.json", cwd: dir.path)
        try t.waitFor(text: "1 Requirements (14)")
        try t.keys(":")
        try t.type("export report.md")
        try t.keys("Enter")
        try t.waitFor(text: "Exported report.md")
        try t.keys(":")
        try t.type("export arch.dot")
        try t.keys("Enter")
        try t.waitFor(text: "Exported arch.dot")
        try t.keys(":")
        try t.type("frobnicate")
        try t.keys("Enter")
        try t.waitFor(text: "Unknown command: frobnicate")
        try t.keys("q")
        try t.waitFor(text: "EXITED=0")
        let report = String(decoding: contents(dir.file("report.md")) ?? Data(), as: UTF8.self)
        #expect(report.hasPrefix("# URL shortener"))
        #expect(report.contains("```mermaid"))
        #expect(String(decoding: contents(dir.file("arch.dot")) ?? Data(), as: UTF8.self).hasPrefix("digraph"))
    }

    @Test func theHelpScreenListsTheKeymap() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let t = try TmuxSession("\(Repo.binary) d.json", cwd: dir.path, columns: 100, rows: 40)
        try t.waitFor(text: "New design")
        try t.keys("?")
        let help = try t.waitFor(text: "Keys (and the ids config.toml binds) —")
        #expect(help.contains("Panes") && help.contains("Add an item") && help.contains("Ctrl-S"))
        // Esc and q sent in one write would read as Alt-q, as from a real terminal.
        try t.keys("Escape")
        try t.waitFor("the help to close") { !$0.contains("Keys (and the ids") }
        try t.keys("q")
        try t.waitFor(text: "EXITED=0")
    }

    /// Ctrl-Z stops the program like any job; `fg` brings it back and redraws.
    @Test func suspendAndResume() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        try sysdraft("new", dir.file("d.json"), "--from", "url-shortener")
        let t = try TmuxSession("bash --norc --noprofile -i", cwd: dir.path)
        try t.type("\(Repo.binary) d.json")
        try t.keys("Enter")
        try t.waitFor(text: "1 Requirements (14)")
        try t.keys("C-z")
        try t.waitFor(text: "Stopped")
        try t.type("fg")
        try t.keys("Enter")
        try t.waitFor(text: "1 Requirements (14)")
        try t.keys("q")
        try t.waitFor("the shell prompt") { !$0.contains("1 Requirements (14)") }
    }
}
