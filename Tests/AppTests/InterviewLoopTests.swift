import App
import DesignModel
import DesignStorage
import Foundation
import Interview
import Testing
import TextUI
import Workspace

/// A mock interview through the whole run loop on fake time: the countdown, strict mode moving
/// on by itself, the keys, the saved log — exact to the second, whatever the machine's speed.
/// (The real terminal's part — the header drawn by ncurses — stays in InterviewTerminalTests.)
@Suite struct InterviewLoopTests {
    static let quickPlan = InterviewPlan(name: "quick", title: "Quick drill", phases: [
        .init(key: "clarify", title: "Clarify", plannedSeconds: 3, goal: "Scope it.", stages: [.requirements]),
        .init(key: "sketch", title: "Sketch", plannedSeconds: 3, goal: "Draw it.", stages: [.highLevelDesign]),
        .init(key: "wrap", title: "Wrap up", plannedSeconds: 60, goal: "Sum up.", stages: [.tradeOffs]),
    ])

    func interviewWorld(strict: Bool) throws -> (World, WorkspaceLoop) {
        let w = World()
        var d = World.sample()
        let session = InterviewSession(plan: Self.quickPlan, problem: "url-shortener", autoAdvance: strict)
        d.interview = session.record(at: .zero)
        w.file(World.doc, d)
        var options = WorkspaceStart.Options()
        options.interview = try InterviewSession(resuming: d.interview!, plan: Self.quickPlan, now: w.clock.now)
        options.now = w.clock.now
        options.quiet = true
        return (w, try w.open(options: options))
    }

    @Test("the header counts down, strict mode moves on at the boundary, the log is exact")
    func strictInterview() throws {
        let (w, loop) = try interviewWorld(strict: true)
        var headers: [String] = []
        w.backend.script(
            .run { b in headers.append(b.lines()[0]) },
            .wait(.milliseconds(1_500)),
            .run { b in headers.append(b.lines()[0]) },
            .wait(.milliseconds(1_600)),                    // 3.1 s: past Clarify's 3 s
            .run { b in headers.append(b.lines()[0]) },
            .wait(.seconds(1)),
            .key(.char("]")),                               // 4.1 s: Sketch left early
            .run { b in headers.append(b.lines()[0]) },
            .wait(.seconds(2)),
            .key(.char("t")),                               // pause at 6.1 s
            .wait(.seconds(30)),                            // paused time is not interview time
            .run { b in headers.append(b.lines()[0]) },
            .key(.char("t")),                               // resumed: the pause is in the log
            .key(.ctrl("s")),
            .key(.char("q")))
        #expect(loop.run(startInterview: true) == .quit)
        #expect(headers[0].contains("Clarify 1/3 · 0:03 left"), "\(headers[0])")
        #expect(headers[1].contains("Clarify 1/3 · 0:02 left"), "\(headers[1])")
        #expect(headers[2].contains("Sketch 2/3"), "\(headers[2])")
        #expect(headers[3].contains("Wrap up 3/3"), "\(headers[3])")
        #expect(headers[4].contains("paused"), "\(headers[4])")
        let log = try #require(w.design()?.interview)
        #expect(log.phases.map(\.actualSeconds) == [3, 1, 2], "exact on fake time")
        #expect(log.pausedSeconds == 30)
        #expect(log.currentPhase == 2)
        #expect(log.autoAdvance)
        #expect(w.backend.exhausted == 0)
    }

    @Test("a strict interview runs out at its end and the loop carries on (issue 10, item 1)")
    func strictInterviewRunsOut() throws {
        let (w, loop) = try interviewWorld(strict: true)
        w.backend.script(.wait(.seconds(90)),
                         .run { b in #expect(b.lines()[0].contains("Interview finished")) },
                         .key(.escape), .key(.ctrl("s")), .key(.char("q")))
        #expect(loop.run(startInterview: true) == .quit)
        let log = try #require(w.design()?.interview)
        #expect(log.finished)
        #expect(log.phases.map(\.actualSeconds) == [3, 3, 60])
    }

    @Test("without --strict the last phase goes over, and every key still works")
    func openEndedInterview() throws {
        let (w, loop) = try interviewWorld(strict: false)
        w.backend.script(.wait(.seconds(10)), .key(.char("]")), .key(.char("]")), .wait(.seconds(70)),
                         .run { b in #expect(b.lines()[0].contains("over")) },
                         .key(.char("+")), .key(.char("[")), .key(.char("]")), .key(.char("]")),
                         // ] on the last phase asks before finishing.
                         .run { b in #expect(b.lines().joined().contains("Finish")) },
                         .key(.char("y")), .wait(.seconds(5)),
                         .key(.escape), .key(.ctrl("s")), .key(.char("q")))
        #expect(loop.run(startInterview: true) == .quit)
        let log = try #require(w.design()?.interview)
        #expect(log.finished)
        #expect(log.phases[0].actualSeconds == 10)
        #expect(log.phases[2].actualSeconds == 70)
    }

    @Test func suspendedTimeDoesNotCount() throws {
        let (w, loop) = try interviewWorld(strict: false)
        w.backend.suspendedFor = .seconds(600)
        w.backend.script(.wait(.seconds(2)), .key(.ctrl("z")), .wait(.seconds(1)), .key(.char("t")),
                         .key(.ctrl("s")), .key(.char("q")))
        #expect(loop.run(startInterview: true) == .quit)
        let log = try #require(w.design()?.interview)
        #expect(log.phases[0].actualSeconds == 3)
        #expect(log.suspendedSeconds == 600)
    }
}
