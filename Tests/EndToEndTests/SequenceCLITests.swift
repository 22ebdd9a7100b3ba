import Foundation
import Testing

@Suite struct SequenceCLITests {
    @Test func drawsEveryScenarioOfTheWorkedExample() throws {
        let r = try sysdraft("sequence", Repo.example)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty, "the example is consistent: \(r.stderr)")
        for title in ["scen-1 · Create a short link · happy path", "scen-2 · Redirect with a cache hit · happy path",
                      "scen-3 · Redirect when the cache is down · failure"] {
            #expect(r.stdout.contains(title + "\n\n"), "title line \(title)")
        }
        #expect(r.stdout.contains("│ Users & API clients │"), "natural width keeps full names")
        #expect(r.stdout.contains("┌─ retry [2 attempts, timeout 20 ms: cache lookup] "))
        #expect(r.stdout.contains("├┄ fallback [cache still unreachable] "))
        #expect(r.stdout.contains("───▶ call"))
    }

    @Test func oneScenarioByIdOrByName() throws {
        let byID = try sysdraft("sequence", Repo.example, "scen-2")
        let byName = try sysdraft("sequence", Repo.example, "redirect WITH a cache hit")
        #expect(byID.status == 0 && byID.stdout == byName.stdout)
        #expect(byID.stdout.hasPrefix("scen-2 · Redirect with a cache hit"))
        #expect(!byID.stdout.contains("scen-1") && !byID.stdout.contains("scen-3"))
        #expect(byID.stdout.contains("┄┄▷"), "async click events are dashed with an open head")
    }

    @Test func asciiAndWidth() throws {
        let r = try sysdraft("sequence", Repo.example, "scen-3", "--ascii", "--width", "80")
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        let allASCII = r.stdout.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(allASCII)
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.count <= 80 }, "every line fits 80 columns")
        #expect(r.stdout.contains("RS = Redirect service"), "abbreviated names come with a legend")
        let tight = try sysdraft("sequence", Repo.example, "scen-1", "--width", "30")
        #expect(tight.status == 0 && tight.stderr.contains("columns wide, more than --width 30"))
        #expect(try sysdraft("sequence", Repo.example, "--width", "5").status == 64)
    }

    @Test func listing() throws {
        let r = try sysdraft("sequence", Repo.example, "--list")
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0] == "scen-1  happy-path  16 steps  Create a short link")
        #expect(lines[2] == "scen-3  failure     14 steps  Redirect when the cache is down")
    }

    @Test func unknownScenarioIsAUsageError() throws {
        let r = try sysdraft("sequence", Repo.example, "scen-99")
        #expect(r.status == 64)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("no scenario \"scen-99\"") && r.stderr.contains("scen-2 (Redirect with a cache hit)"))
    }

    @Test func designsWithoutScenariosAndBadFiles() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        try sysdraft("new", dir.file("e.json"))
        let empty = try sysdraft("sequence", dir.file("e.json"))
        #expect(empty.status == 0 && empty.stdout.isEmpty && empty.stderr.contains("no scenarios yet"))
        #expect(try sysdraft("sequence", dir.file("missing.json")).status == 3)
        // A malformed block: the file is invalid, the message names where.
        let text = String(decoding: contents(Repo.example)!, as: UTF8.self)
            .replacingOccurrences(of: "\"block\" : \"par\"", with: "\"block\" : \"opt\"")
        let bad = try dir.write("bad.json", text)
        let r = try sysdraft("sequence", bad)
        #expect(r.status == 1)
        #expect(r.stderr.contains("scenarios[1].steps[5].branches") && r.stderr.contains("exactly one branch"))
    }

    /// A hand-written design: a step with no flow under it is reported on standard error, and a
    /// hostile name never reaches the terminal raw.
    @Test func stepsNotInTheArchitectureAndHostileText() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        try sysdraft("new", dir.file("d.json"))
        var text = String(decoding: contents(dir.file("d.json"))!, as: UTF8.self)
        text = text.replacingOccurrences(of: "\"components\" : [\n\n  ]", with: """
            "components" : [
                { "id" : "comp-1", "kind" : "client", "name" : "Web \\u001b[31mapp", "notes" : "", "responsibility" : "", "technology" : "" },
                { "id" : "comp-2", "kind" : "service", "name" : "API", "notes" : "", "responsibility" : "", "technology" : "" }
              ]
            """)
        text = text.replacingOccurrences(of: "\"scenarios\" : [\n\n  ]", with: """
            "scenarios" : [ { "id" : "scen-1", "name" : "Ping", "steps" : [
                { "from" : "comp-1", "to" : "comp-2", "message" : "ping" },
                { "from" : "comp-2", "to" : "comp-1", "message" : "pong", "kind" : "reply" }
              ] } ]
            """)
        let path = try dir.write("d.json", text)
        let r = try sysdraft("sequence", path, "Ping")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stdout.contains("\u{1B}") && r.stdout.contains("Web ^[[31mapp"))
        #expect(r.stderr.contains("scen-1: step 1 is not in the architecture: no data flow from Web ^[[31mapp to API"))
        #expect(r.stderr.contains("scen-1: step 2 is not in the architecture: no data flow between API and Web ^[[31mapp"))
        #expect(!r.stderr.contains("\u{1B}"))
        let validate = try sysdraft("validate", "--strict", path)
        #expect(validate.status == 1 && validate.stdout.contains("not in the architecture"))
    }
}
