import DesignModel
import Foundation
import Testing
@testable import Interview

@Suite struct PracticeHistoryTests {
    static let problems = ProblemLoader.loadAll([builtInProblems]).problems

    /// A finished record: phases with the given actual seconds, scores, and flags from its timeline.
    static func record(problem: String, attempt: String, actual: [Int] = [500, 300], scores: [String: Int] = [:]) -> InterviewRecord {
        var r = InterviewRecord(plan: "standard", planTitle: "Standard", problem: problem, phases: [
            .init(key: "clarify", title: "Clarify requirements", plannedSeconds: 480, actualSeconds: actual[0]),
            .init(key: "deep-dive", title: "Deep dive", plannedSeconds: 600, actualSeconds: actual[1]),
        ], currentPhase: 2, started: true, finished: true, scores: scores, attempt: attempt)
        r.timeline = [.init(at: 0, phase: "clarify", change: .started),
                      .init(at: 10, phase: "clarify", change: .added, list: "components", id: "comp-1", text: "API", tags: ["component"]),
                      .init(at: actual[0], phase: "deep-dive", change: .phase, id: "deep-dive", text: "Deep dive"),
                      .init(at: actual[0] + actual[1], phase: "deep-dive", change: .finished)]
        r.keyPoints = [.init(id: "a", kind: "component", text: "A", covered: true, evidence: "comp-1 API"),
                       .init(id: "b", kind: "risk", text: "B", covered: false)]
        return r
    }

    static func line(_ r: InterviewRecord, at seconds: Int) throws -> Data {
        try PracticeHistory.line(PracticeAttempt(record: r, problemTitle: r.problem, file: "/tmp/d.json",
                                                 recordedAt: Date(timeIntervalSince1970: 1_790_000_000 + Double(seconds))))
    }

    @Test func anAttemptIsOneLineAndReadsBack() throws {
        let r = Self.record(problem: "url-shortener", attempt: "a1", scores: ["estimation": 2])
        let data = try Self.line(r, at: 0)
        #expect(data.last == 0x0A && data.dropLast().firstIndex(of: 0x0A) == nil, "exactly one line")
        let (h, warnings) = PracticeHistory.parse(data)
        #expect(warnings.isEmpty)
        let a = try #require(h.attempts.first)
        #expect(a.attempt == "a1" && a.problem == "url-shortener" && a.plannedSeconds == 1080 && a.actualSeconds == 800)
        // A component before any requirement, and no trade-off by the end (the plan has no wrap-up).
        #expect(a.flags == ["components-before-nfr", "no-trade-off"])
        #expect(a.keyPointsCovered == 1 && a.keyPointsTotal == 2 && a.missedKeyPoints == ["b"])
        #expect(a.phases.map(\.role) == ["clarify", "deep-dive"])
        #expect(a.score(.estimation) == 2)
    }

    @Test func corruptLinesAreSkippedWithTheirNumberAndTheNewestLineOfAnAttemptWins() throws {
        var data = Data()
        data += try Self.line(Self.record(problem: "url-shortener", attempt: "a1"), at: 0)
        data += Data("{\"format\": 1, \"attempt\": \"torn".utf8) + Data([0x0A])           // line 2: torn
        data += Data("\n".utf8)                                                              // line 3: blank
        data += Data("[1, 2]\n".utf8)                                                        // line 4: not an object
        data += Data("{\"format\": 9, \"attempt\": \"x\"}\n".utf8)                             // line 5: newer
        data += Data("{\"format\": 1, \"attempt\": \"y\"}\n".utf8)                             // line 6: incomplete
        data += try Self.line(Self.record(problem: "rate-limiter", attempt: "a2"), at: 100)
        data += try Self.line(Self.record(problem: "url-shortener", attempt: "a1", scores: ["requirements": 4]), at: 200)
        let (h, warnings) = PracticeHistory.parse(data, name: "history.jsonl")
        #expect(warnings.count == 4)
        #expect(warnings[0].hasPrefix("history.jsonl line 2: "))
        #expect(warnings[1].hasPrefix("history.jsonl line 4: "))
        #expect(warnings[2] == "history.jsonl line 5: written by a newer sysdraft (format 9) — skipped")
        #expect(warnings[3].hasPrefix("history.jsonl line 6: missing "))
        #expect(h.attempts.map(\.attempt) == ["a1", "a2"], "first-recorded order")
        #expect(h.attempts[0].score(.requirements) == 4, "the newest line of an attempt wins")
    }

    @Test func trendsBiasAndFlags() throws {
        let h = PracticeHistory([
            Self.record(problem: "url-shortener", attempt: "1", actual: [600, 500], scores: ["estimation": 1, "requirements": 3]),
            Self.record(problem: "rate-limiter", attempt: "2", actual: [540, 700], scores: ["estimation": 2]),
            Self.record(problem: "news-feed", attempt: "3", actual: [480, 650], scores: ["estimation": 4, "requirements": 2]),
        ].map { PracticeAttempt(record: $0, problemTitle: nil, file: "f", recordedAt: fixedDate) })
        let estimation = try #require(h.trends.first { $0.dimension == .estimation })
        #expect(estimation.scores == [1, 2, 4])
        #expect(estimation.sparkline == "▁▃█")
        #expect(estimation.latest == 4)
        let requirements = try #require(h.trends.first { $0.dimension == .requirements })
        #expect(requirements.sparkline == "▆·▃")
        #expect(requirements.mean() == 2.5)
        // Clarify: +120, +60, 0 → mean +60, over twice. Deep dive: -100, +100, +50 → mean +17.
        let bias = h.timeBias
        #expect(bias.map(\.title) == ["Clarify requirements", "Deep dive"])
        #expect(bias[0].meanDeltaSeconds == 60 && bias[0].overCount == 2 && bias[0].attempts == 3)
        #expect(bias[1].meanDeltaSeconds == 17 && bias[1].overCount == 2)
        // The deep dive began 2 minutes after its planned start in the first attempt only (a minute of grace).
        #expect(h.flagCounts.map { "\($0.mistake.rawValue) \($0.count)" }
                == ["components-before-nfr 3", "no-trade-off 3", "late-deep-dive 1"])
    }

    @Test func theSuggestionWorksOnTheWeakestDimensionAndNeverRepeatsTheLastProblem() throws {
        func attempt(_ problem: String, _ scores: [String: Int]) -> PracticeAttempt {
            PracticeAttempt(record: Self.record(problem: problem, attempt: problem + "\(scores.count)", scores: scores),
                            problemTitle: nil, file: "f", recordedAt: fixedDate)
        }
        // Nothing practised: any problem, never practised, first by key.
        let empty = PracticeHistory([]).suggestion(from: Self.problems)
        #expect(empty?.problem.key == Self.problems.map(\.key).min())
        #expect(empty?.reasons == ["never practised"])

        // Estimation is weakest: a problem that stresses it, not yet practised, not the last one.
        let h = PracticeHistory([
            attempt("url-shortener", ["estimation": 1, "deep-dive": 3]),
            attempt("search-autocomplete", ["estimation": 2, "deep-dive": 4]),
        ])
        #expect(h.weakestDimension?.dimension == .estimation)
        let s = try #require(h.suggestion(from: Self.problems))
        #expect(s.problem.stresses.contains(.estimation))
        #expect(s.problem.key != "search-autocomplete" && s.problem.key != "url-shortener")
        let stressing = Self.problems.filter { $0.stresses.contains(.estimation) }.map(\.key)
            .filter { !["url-shortener", "search-autocomplete"].contains($0) }
        #expect(s.problem.key == stressing.min(), "never practised first, then by key")
        #expect(s.reasons.first?.contains("estimation") == true)

        // When every problem that stresses it was practised, the least recent one wins — but
        // never the last attempt's problem.
        let only = Self.problems.filter { ["url-shortener", "rate-limiter"].contains($0.key) }
        let h2 = PracticeHistory([attempt("url-shortener", ["trade-offs": 1]), attempt("rate-limiter", ["trade-offs": 1]),
                                  attempt("url-shortener", ["trade-offs": 2])])
        #expect(h2.suggestion(from: only)?.problem.key == "rate-limiter")
        #expect(h2.suggestion(from: only)?.reasons.last == "last practised 2 attempts ago")
        #expect(PracticeHistory([attempt("url-shortener", [:])]).suggestion(from: only.filter { $0.key == "url-shortener" }) == nil)
    }

    @Test func theFileLivesInTheXDGDataDirectory() {
        #expect(PracticeHistory.defaultPath(environment: ["XDG_DATA_HOME": "/x/data", "HOME": "/h"]) == "/x/data/sysdraft/history.jsonl")
        #expect(PracticeHistory.defaultPath(environment: ["XDG_DATA_HOME": "rel", "HOME": "/h"]) == "/h/.local/share/sysdraft/history.jsonl")
        #expect(PracticeHistory.defaultPath(environment: ["HOME": "/h"]) == "/h/.local/share/sysdraft/history.jsonl")
        #expect(PracticeHistory.defaultPath(environment: [:]) == nil)
    }
}
