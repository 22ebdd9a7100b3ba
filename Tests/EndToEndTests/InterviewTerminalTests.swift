import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A mock interview in a real terminal, on a plan whose phases last a few seconds: the header as
/// ncurses draws it, the keys, the saved log and resuming it. How long each phase lasted is not
/// asserted here (real time stretches on a loaded machine): `InterviewLoopTests` (AppTests) runs
/// the same interview through the whole run loop on fake time and checks it to the second.
@Suite(.serialized) struct InterviewTerminalTests {
    static let quickPlan = """
        {
          "title": "Quick drill",
          "phases": [
            { "key": "clarify", "title": "Clarify", "seconds": 3, "goal": "Scope it.", "stages": ["requirements"] },
            { "key": "sketch", "title": "Sketch", "seconds": 3, "goal": "Draw it.", "stages": ["high-level-design"] },
            { "key": "wrap", "title": "Wrap up", "seconds": 60, "goal": "Sum up.", "stages": ["trade-offs"] }
          ]
        }
        """

    @Test func theHeaderCountsDownAndSwitchesPhasesAndTheLogIsSaved() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        _ = try dir.write("quick.json", Self.quickPlan)
        let t = try TmuxSession("\(Repo.binary) interview d.json --problem url-shortener --plan ./quick.json --strict --quiet",
                                cwd: dir.path, columns: 120, rows: 35)
        let first = try t.waitFor(text: "Clarify 1/3")
        #expect(first.contains("URL shortener"), "the design is seeded from the problem")
        // The countdown moves: some later screen shows less time left in the phase.
        try t.waitFor("the countdown to tick") { $0.contains("Clarify 1/3 · 0:01 left") || $0.contains("Clarify 1/3 · 0:02 left") }
        // Strict mode moves on by itself when the phase's time is up.
        try t.waitFor(text: "Sketch 2/3", timeout: 8)
        try t.keys("]")
        try t.waitFor(text: "Wrap up 3/3")
        try t.keys("t")
        try t.waitFor(text: "paused")
        try t.keys("C-s")
        try t.waitFor(text: "Saved")
        try t.keys("q")
        try t.waitFor(text: "EXITED=0")

        let doc = try json(dir.file("d.json"))
        let log = try #require(doc["interview"] as? [String: Any])
        #expect(log["plan"] as? String == "quick")
        #expect(log["problem"] as? String == "url-shortener")
        let phases = try #require(log["phases"] as? [[String: Any]])
        #expect(phases.map { $0["key"] as? String } == ["clarify", "sketch", "wrap"])
        #expect(phases.map { $0["plannedSeconds"] as? Int } == [3, 3, 60])
        let actual = phases.compactMap { $0["actualSeconds"] as? Int }
        #expect(actual.count == 3)
        #expect(actual[0] == 3, "strict mode ends a phase exactly at its box, however late the tick: \(actual)")
        #expect(log["currentPhase"] as? Int == 2)
        #expect(doc["title"] as? String == "URL shortener")

        // Resuming: the saved session comes back paused where it was, and the report carries the log.
        let report = try sysdraft("export", dir.file("d.json"))
        #expect(report.status == 0)
        #expect(report.stdout.contains("Clarify") && report.stdout.contains("Wrap up"))
        let t2 = try TmuxSession("\(Repo.binary) d.json", cwd: dir.path, columns: 120, rows: 35)
        try t2.waitFor(text: "Wrap up 3/3")
        try t2.waitFor(text: "paused")
        try t2.keys("q")
        try t2.waitFor(text: "EXITED=0")
    }

    @Test func aBrokenPlanIsReportedByName() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        _ = try dir.write("bad.json", #"{ "title": "Bad", "phases": [ { "key": "x", "title": "X", "minutes": 0, "goal": "g" } ] }"#)
        let r = try sysdraft("interview", dir.file("d.json"), "--problem", "url-shortener", "--plan", dir.file("bad.json"))
        #expect(r.status == 64)
        #expect(r.stderr.contains("bad.json"))
        #expect(r.stderr.contains("minutes must be > 0"))
        #expect(!FileManager.default.fileExists(atPath: dir.file("d.json")), "nothing is created")
    }
}
