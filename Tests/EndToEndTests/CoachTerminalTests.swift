import Foundation
import Testing

/// The interview coach in a real terminal: the interviewer card, the curveball (seeded), the
/// summary's timeline, flags and key points, the report, and `sysdraft practice` afterwards.
@Suite(.serialized) struct CoachTerminalTests {
    static let plan = """
        {
          "title": "Coach drill",
          "phases": [
            { "key": "clarify", "title": "Clarify", "seconds": 4, "goal": "Scope it.", "stages": ["requirements"] },
            { "key": "deep-dive", "title": "Deep dive", "seconds": 6, "goal": "Go deep.", "stages": ["low-level-design"] },
            { "key": "wrap-up", "title": "Wrap up", "seconds": 120, "goal": "Sum up.", "stages": ["trade-offs"] }
          ]
        }
        """

    @Test func aShortInterviewWithTheInterviewerTheCurveballAndThePracticeHistory() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        _ = try dir.write("drill.json", Self.plan)
        let data = dir.file("data")
        let t = try TmuxSession("\(Repo.binary) interview d.json --problem url-shortener --plan ./drill.json --strict --quiet --seed 7",
                                cwd: dir.path, columns: 120, rows: 50, env: ["XDG_DATA_HOME": data])
        try t.waitFor(text: "Clarify 1/3")
        // The seed chose the curveball when the interview started; the design holds it.
        let started = try json(dir.file("d.json"))
        let record = try #require(started["interview"] as? [String: Any])
        #expect(record["seed"] as? Int == 7)
        let curveball = try #require(record["curveball"] as? [String: Any])
        let curveballText = try #require(curveball["text"] as? String)
        #expect(curveball["phase"] as? String == "deep-dive")
        #expect(try #require(started["stages"] as? [[String: Any]]).allSatisfy { ($0["notes"] as? String)?.isEmpty ?? true },
                "the numbers are the interviewer's to give, not pre-filled")

        // The interviewer card: facts on request.
        try t.keys("I")
        try t.waitFor(text: "The interviewer — URL shortener")
        try t.waitFor(text: "2 Traffic — not asked yet")
        try t.keys("2")
        try t.waitFor(text: "About 4,000 per second on average")
        try t.keys("Escape")
        // (Wait for it to close: a key sent right after Esc would read as Alt plus that key.)
        try t.waitFor("the card to close") { !$0.contains("The interviewer —") }

        // A component before any non-functional requirement.
        try t.keys("2")
        try t.keys("a")
        try t.waitFor(text: "New component")
        try t.type("Edge cache")
        try t.keys("Enter")
        try t.waitFor(text: "Edge cache")

        // The curveball comes during the deep dive (on the card, or in the status bar when a
        // dialog is open); the card shows it.
        try t.waitFor(text: String(curveballText.prefix(24)), timeout: 15)
        try t.keys("Escape")
        try t.waitFor("the card to close") { !$0.contains("The interviewer —") }
        try t.keys("I")
        try t.waitFor(text: "Curveball — address it in the design")
        try t.keys("Escape")
        try t.waitFor("the card to close") { !$0.contains("The interviewer —") }

        // ] on the last phase asks before finishing.
        try t.waitFor(text: "Wrap up 3/3", timeout: 15)
        try t.keys("]")
        try t.waitFor(text: "Finish the interview?")
        try t.keys("y")
        let summary = try t.waitFor(text: "Interview summary")
        #expect(summary.contains("Timeline (interview time; what was added in each phase)"))
        #expect(summary.contains("+ 1 component: Edge cache"))
        #expect(summary.contains("asked the interviewer: Traffic"))
        #expect(summary.contains("Components before any non-functional requirement"))
        #expect(summary.contains("Attempt recorded in"))
        for _ in 0..<12 { try t.keys("j") }
        let lower = try t.waitFor(text: "Key points (")
        #expect(lower.contains("✓ component A cache in front of the link store for hot codes — comp-1 Edge cache"))
        #expect(lower.contains("✗ decision"))
        try t.keys("Escape")
        try t.waitFor("the summary to close") { !$0.contains("Interview summary") }
        try t.keys("C-s")
        try t.waitFor(text: "Saved")
        try t.keys("q")
        try t.waitFor(text: "EXITED=0")

        // The practice history lists the attempt.
        let history = try #require(contents(data + "/sysdraft/history.jsonl"))
        #expect(String(decoding: history, as: UTF8.self).split(separator: "\n").count == 1)
        let practice = try sysdraft("practice", env: ["XDG_DATA_HOME": data])
        #expect(practice.status == 0, "\(practice.stderr)")
        #expect(practice.stderr.isEmpty)
        #expect(practice.stdout.contains("Practice history: 1 attempt"))
        #expect(practice.stdout.contains("URL shortener"))
        #expect(practice.stdout.contains("Components before any non-functional requirement"))
        #expect(practice.stdout.contains("Next: "))
        #expect(!practice.stdout.contains("Next: URL shortener"), "never the problem just practised")

        // The report carries the coach's sections.
        let report = try sysdraft("export", dir.file("d.json"))
        #expect(report.status == 0)
        for heading in ["### What was added, per phase", "### Flags", "### Curveball", "### Key points", "### Activity log"] {
            #expect(report.stdout.contains(heading), "\(heading)")
        }
        #expect(report.stdout.contains("| Scalability and reliability | — | — |"))
    }

    @Test func noCurveballAndASeedAreKeptAndAResumedInterviewStaysTheSame() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        _ = try dir.write("drill.json", Self.plan)
        let t = try TmuxSession("\(Repo.binary) interview d.json --problem rate-limiter --plan ./drill.json --no-curveball --seed 99",
                                cwd: dir.path, columns: 120, rows: 40, env: ["XDG_DATA_HOME": dir.file("data")])
        try t.waitFor(text: "Clarify 1/3")
        try t.keys("q")
        try t.waitFor(text: "Save changes")
        try t.keys("y")
        try t.waitFor(text: "EXITED=0")
        let record = try #require(try json(dir.file("d.json"))["interview"] as? [String: Any])
        #expect(record["seed"] as? Int == 99)
        #expect(record["curveball"] == nil)
        // Resuming with other settings keeps the saved ones and says so.
        let again = try TmuxSession("\(Repo.binary) interview d.json --plan ./drill.json --seed 5 2>err.txt", cwd: dir.path, columns: 120, rows: 40,
                                    env: ["XDG_DATA_HOME": dir.file("data")])
        try again.waitFor(text: "Clarify 1/3")
        try again.keys("q")
        try again.waitFor(text: "EXITED=0")
        #expect(String(decoding: contents(dir.file("err.txt")) ?? Data(), as: UTF8.self).contains("--seed and --no-curveball apply to new interviews"))
        #expect((try json(dir.file("d.json"))["interview"] as? [String: Any])?["seed"] as? Int == 99)
    }

    @Test func practiceSkipsACorruptLineWithAWarning() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let line = #"{"actualSeconds":3500,"attempt":"a1","curveball":null,"file":"/x/d.json","flags":["no-estimate"],"format":1,"#
            + #""keyPointsCovered":5,"keyPointsTotal":9,"missedKeyPoints":[],"phases":[{"actualSeconds":600,"key":"clarify","#
            + #""plannedSeconds":480,"role":"clarify","title":"Clarify requirements"}],"plan":"standard","planTitle":"Standard","#
            + #""plannedSeconds":3600,"problem":"url-shortener","problemTitle":"URL shortener \u001b[31mred","#
            + #""recordedAt":"2026-11-02T09:00:00Z","scores":{"estimation":2}}"#
        _ = try dir.write("h.jsonl", line + "\n{\"torn\": \n" + line.replacingOccurrences(of: "\"a1\"", with: "\"a2\"") + "\n")
        let before = try #require(contents(dir.file("h.jsonl")))
        let r = try sysdraft("practice", "--history", dir.file("h.jsonl"))
        #expect(r.status == 0)
        #expect(r.stderr.contains("h.jsonl line 2: not a JSON object"))
        #expect(r.stdout.contains("Practice history: 2 attempts"))
        #expect(r.stdout.contains("Clarify requirements         2:00 over"))
        #expect(r.stdout.contains("Estimation") && r.stdout.contains("▃▃"))
        #expect(!r.stdout.contains("\u{1b}"), "escape sequences from the file are shown, not sent")
        #expect(contents(dir.file("h.jsonl")) == before, "reading never rewrites the file")
        let missing = try sysdraft("practice", env: ["XDG_DATA_HOME": dir.file("none")])
        #expect(missing.status == 0 && missing.stdout.contains("No practice recorded yet"))
    }
}
