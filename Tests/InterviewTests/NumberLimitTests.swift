import DesignModel
import Foundation
import TestSupport
import Testing
@testable import Interview

/// Downstream of the model's number ranges: the summary, the totals, the time formatting and
/// the clock never trap, whatever numbers a record holds — those `validate` accepts, and also
/// the ones it refuses (a record can be built in memory), and the clock keeps the numbers it
/// writes inside the record's ranges however long it runs.
@Suite struct InterviewNumberLimitTests {
    static let extremes: [Int] = [Int.min, Int.min + 1, -1, 0, 1, 599, 600, InterviewRecord.maximumSeconds,
                                  InterviewRecord.maximumSeconds + 1, Int.max / 2, Int.max - 1, Int.max]

    static func record() -> InterviewRecord {
        InterviewRecord(plan: "standard", planTitle: "Standard", phases: [
            .init(key: "clarify", title: "Clarify", plannedSeconds: 300, actualSeconds: 280),
            .init(key: "design", title: "Design", plannedSeconds: 1200, extraSeconds: 60, actualSeconds: 1300),
            .init(key: "wrap", title: "Wrap up", plannedSeconds: 900),
        ], currentPhase: 1, started: true, pausedSeconds: 30, pauses: 1)
    }

    static let setters: [(String, @Sendable (inout InterviewRecord, Int) -> Void)] = [
        ("plannedSeconds", { $0.phases[1].plannedSeconds = $1; $0.phases[2].plannedSeconds = $1 }),
        ("extraSeconds", { $0.phases[1].extraSeconds = $1; $0.phases[2].extraSeconds = $1 }),
        ("actualSeconds", { $0.phases[1].actualSeconds = $1; $0.phases[2].actualSeconds = $1 }),
        ("all times", { for i in $0.phases.indices { $0.phases[i].plannedSeconds = $1; $0.phases[i].actualSeconds = $1; $0.phases[i].extraSeconds = $1 } }),
        ("currentPhase", { $0.currentPhase = $1 }),
        ("pausedSeconds", { $0.pausedSeconds = $1 }),
        ("pauses", { $0.pauses = $1 }),
        ("suspendedSeconds", { $0.suspendedSeconds = $1 }),
        ("score", { $0.scores["communication"] = $1 }),
    ]

    @Test func summariesTotalsAndFormattingNeverTrap() {
        let design = Design(title: "x", now: fixedDate)
        for (name, set) in Self.setters {
            for value in Self.extremes {
                for finished in [false, true] {
                    var r = Self.record()
                    set(&r, value)
                    r.finished = finished
                    let s = InterviewSummary(record: r, design: design, catalogue: testCatalogue)
                    // Touch every derived figure and its text.
                    var text = s.observations.joined()
                    for p in s.phases {
                        text += TimeFormat.clock(p.deltaSeconds) + TimeFormat.minutes(p.overrunSeconds)
                            + TimeFormat.clock(p.plannedSeconds) + TimeFormat.clock(p.extraSeconds)
                    }
                    text += TimeFormat.clock(s.totalPlannedSeconds) + TimeFormat.clock(s.totalActualSeconds)
                        + TimeFormat.clock(s.totalExtraSeconds) + TimeFormat.clock(s.totalOverrunSeconds)
                    text += "\(s.assessment.average ?? 0)\(r.totalOverrunSeconds)\(r.phases.map(\.allowedSeconds))"
                    text += "\(InterviewPlan(record: r).totalSeconds)"
                    #expect(!text.isEmpty, "\(name) = \(value)")
                    #expect(s.totalOverrunSeconds >= 0 && s.phases.allSatisfy { $0.overrunSeconds >= 0 })
                }
            }
        }
    }

    /// A record `validate` accepts resumes and runs; one it refuses is refused by the clock too
    /// (never half-resumed).
    @Test func theClockResumesExactlyTheRecordsValidateAccepts() {
        for (name, set) in Self.setters {
            for value in Self.extremes {
                var r = Self.record()
                set(&r, value)
                var design = Design(title: "x", now: fixedDate)
                design.interview = r
                let refused = !design.findings().filter { $0.severity == .error }.isEmpty
                do {
                    var s = try InterviewSession(resuming: r, plan: nil, now: .zero)
                    #expect(!refused, "\(name) = \(value): the clock resumed a record validate refuses")
                    drive(&s, context: "\(name) = \(value)")
                } catch {
                    #expect(refused, "\(name) = \(value): the clock refused a valid record: \(error)")
                }
            }
        }
    }

    /// Runs a clock hard: long runs, many extensions and pauses, every phase; the record it
    /// writes stays within the ranges `validate` checks.
    func drive(_ s: inout InterviewSession, context: String) {
        var now = Duration.zero
        var rng = SeededGenerator(seed: 7)
        for step in 0..<60 {
            now += .seconds(rng.int(3) == 0 ? 400 * 24 * 3600 : rng.int(5000))
            switch rng.int(6) {
            case 0: s.togglePause(at: now)
            case 1: s.extend(by: Int.max / 2, at: now)
            case 2: s.nextPhase(at: now)
            case 3: s.previousPhase(at: now)
            default: s.tick(at: now)
            }
            let status = s.status(at: now)
            _ = status.headerText + status.compactHeaderText + "\(status.fraction)\(status.level)"
            if s.clock == .running, let d = s.nextTickDelay(at: now) {
                #expect(d > .zero && d <= .seconds(1), "\(context), step \(step)")
            }
            var design = Design(title: "x", now: fixedDate)
            design.interview = s.record(at: now)
            let errors = design.findings().filter { $0.severity == .error }
            #expect(errors.isEmpty, "\(context), step \(step): the clock wrote \(errors)")
        }
    }
}
