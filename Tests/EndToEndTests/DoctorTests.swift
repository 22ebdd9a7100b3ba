import Foundation
import Testing

/// `sysdraft doctor`: where things are, where each theme, plan and problem comes from (every
/// replacement of a built-in file noted), the terminal, and every problem with its line.
@Suite struct DoctorTests {
    @Test func aCleanSetupHasNoProblemsAndEverythingIsBuiltIn() throws {
        let room = try CleanRoom()
        defer { room.cleanup() }
        let r = try room.run(Repo.binary, ["doctor"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        let out = r.stdout
        let version = try sysdraft("--version").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(out.hasPrefix("sysdraft \(version) "))
        #expect(out.contains("\(room.config)/sysdraft/config.toml (not there"))
        #expect(out.contains("\(room.data)/sysdraft/history.jsonl"))
        #expect(out.contains(".NAME.sysdraft-recovery"))
        #expect(out.contains("$SYSDRAFT_HOME") && out.contains("not set"))
        for name in try repositoryNames("Themes", suffix: ".toml") + repositoryNames("Assets/problems", suffix: ".json")
            + repositoryNames("Assets/interview/plans", suffix: ".json") {
            #expect(out.split(separator: "\n").contains { $0.hasPrefix("  \(name) ") && $0.hasSuffix(" built-in") },
                    "\(name) is listed as built-in")
        }
        #expect(out.contains("No problems found."))
    }

    @Test func replacementsAreNotedAndBrokenFilesAreNamedWithTheirLines() throws {
        var room = try CleanRoom()
        defer { room.cleanup() }
        let cfg = room.config + "/sysdraft"
        for sub in ["themes", "plans", "problems"] {
            try FileManager.default.createDirectory(atPath: cfg + "/" + sub, withIntermediateDirectories: true)
        }
        // config.toml: a typo on line 2, a [keys] binding to no command on line 5, a [report] value on line 7.
        _ = try room.dir.write("config/sysdraft/config.toml",
                               "theme = \"light\"\nmosue = false\n\n[keys.panes]\nx = 42\n[report]\nonly-started = \"yes\"\n")
        // A theme of the user's that replaces a built-in one (changed), and a broken one (line 3).
        var light = try String(contentsOf: Repo.root.appendingPathComponent("Themes/light.toml"), encoding: .utf8)
        light += "\n# mine\n"
        try Data(light.utf8).write(to: URL(fileURLWithPath: cfg + "/themes/light.toml"))
        _ = try room.dir.write("config/sysdraft/themes/broken.toml", "name = \"broken\"\n[roles]\nnormal = { fg = 300 }\n")
        // A broken plan of the user's.
        _ = try room.dir.write("config/sysdraft/plans/mine.json", "{ \"title\": \"Mine\" }")
        // $SYSDRAFT_HOME holding an identical copy of a built-in theme and a new problem.
        let home = room.dir.file("sdhome")
        try FileManager.default.createDirectory(atPath: home + "/Themes", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: home + "/Assets/problems", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Repo.root.appendingPathComponent("Themes/nord.toml").path, toPath: home + "/Themes/nord.toml")
        try FileManager.default.copyItem(atPath: Repo.root.appendingPathComponent("Assets/problems/chat-app.json").path,
                                         toPath: home + "/Assets/problems/group-chat.json")
        room.extra["SYSDRAFT_HOME"] = home
        // A history with one unreadable line (line 2).
        try FileManager.default.createDirectory(atPath: room.data + "/sysdraft", withIntermediateDirectories: true)
        _ = try room.dir.write("data/sysdraft/history.jsonl", "\nnot json\n")

        let r = try room.run(Repo.binary, ["doctor"])
        #expect(r.status == 1, "doctor exits 1 when it lists a problem")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        func line(_ prefix: String) -> String? { lines.first { $0.hasPrefix(prefix) } }

        let lightLine = try #require(line("  light "))
        #expect(lightLine.contains(cfg + "/themes/light.toml") && lightLine.contains("replaces the built-in one")
                && !lightLine.contains("same content"), "\(lightLine)")
        let nordLine = try #require(line("  nord "))
        #expect(nordLine.contains(home + "/Themes/nord.toml") && nordLine.contains("$SYSDRAFT_HOME")
                && nordLine.contains("replaces the built-in one, same content"), "\(nordLine)")
        #expect(line("  group-chat ")?.contains(home + "/Assets/problems/group-chat.json") == true)
        #expect(line("  mine ")?.contains("broken") == true)
        #expect(line("  broken ")?.contains("broken") == true)

        let problems = lines.drop { !$0.hasPrefix("Problems (") }.dropFirst().joined(separator: "\n")
        for expected in ["config.toml:2:", "config.toml:5:", "config.toml:7:", "broken.toml:3:", "plans/mine.json",
                         "history.jsonl line 2"] {
            #expect(problems.contains(expected), "a problem at \(expected):\n\(problems)")
        }
    }

    @Test func aDesignsRecoveryCopyAndLockAreShown() throws {
        let room = try CleanRoom()
        defer { room.cleanup() }
        _ = try room.dir.write("work/.d.json.sysdraft-recovery", "{}")
        let r = try room.run(Repo.binary, ["doctor", "d.json"])
        #expect(r.stdout.contains("./.d.json.sysdraft-recovery (there"), "\(r.stdout)")
        #expect(r.stdout.contains("./.d.json.sysdraft-lock (none)"), "\(r.stdout)")
    }

    @Test func theTerminalIsDescribedFromTerminfoAndTheLocale() throws {
        var room = try CleanRoom()
        defer { room.cleanup() }
        room.extra["NO_COLOR"] = "1"
        let plain = try room.run(Repo.binary, ["doctor"]).stdout
        #expect(plain.contains("xterm-256color (terminfo: 256 colours)"), "\(plain)")
        #expect(plain.contains("NO_COLOR is set"))
        #expect(plain.contains("UTF-8 (locale C.UTF-8)"))
        room.extra = ["TERM": "no-such-terminal", "LANG": "C"]
        let odd = try room.run(Repo.binary, ["doctor"])
        #expect(odd.status == 1)
        #expect(odd.stdout.contains("no-such-terminal (no terminfo entry"))
        #expect(odd.stdout.contains("not UTF-8"))
    }

    /// In a real terminal: the size, and the screen is left alone (the report stays visible).
    @Test func inATerminalItGivesTheSizeWithoutTakingOverTheScreen() throws {
        let room = try CleanRoom()
        defer { room.cleanup() }
        let t = try TmuxSession(room.shellLine(Repo.binary, ["doctor"], environment: ["TERM": "screen"]),
                                cwd: room.work, columns: 100, rows: 40)
        let screen = try t.waitFor(text: "EXITED=0")
        #expect(screen.contains("100×40"), "\(screen)")
        #expect(screen.contains("No problems found."))
    }
}
