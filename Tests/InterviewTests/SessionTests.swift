import DesignModel
import Foundation
import Testing
@testable import Interview

@Suite struct SessionTests {
    typealias E = InterviewEvent

    /// A whole standard interview on a fake clock: a pause, a suspension, skips back and
    /// forth, two extensions, overruns, and the interview's own time-up.
    @Test func wholeStandardInterview() throws {
        let plan = try loadStandardPlan()
        #expect(plan.phases.map(\.plannedSeconds) == [480, 300, 720, 1020, 780, 300])
        var d = Driver(InterviewSession(plan: plan, problem: "url-shortener"))

        // Nothing counts before the start.
        d.run(30)
        #expect(d.session.clock == .notStarted)
        #expect(d.session.totalElapsed == .zero)
        #expect(d.session.status(at: d.now).headerText.hasSuffix("not started"))
        d.send(.start)

        // Clarify (8 min): pause for two minutes, warn at 80 %, run 20 s over.
        d.run(300)
        d.send(.pause)
        d.run(120)
        #expect(d.actual[0] == 300)
        d.send(.resume)
        d.run(200)
        var s = d.session.status(at: d.now)
        #expect(s.remainingSeconds == -20)
        #expect(s.level == .over)
        #expect(s.headerText.contains("0:20 over"))
        #expect(s.totalRemainingSeconds == 3100)
        d.send(.nextPhase)

        // Estimate: one minute, on to high-level design, back for 30 s, forward again.
        d.run(60)
        d.send(.nextPhase)
        d.run(100)
        d.send(.previousPhase)
        d.run(30)
        d.send(.nextPhase)

        // High-level design (12 min): one more minute before the warning moves it to 624 s.
        d.run(400)
        d.send(.extend(seconds: 60))
        s = d.session.status(at: d.now)
        #expect(s.allowed == .seconds(780))
        #expect(s.remainingSeconds == 280)
        #expect(s.level == .normal)
        d.run(124)
        #expect(d.session.status(at: d.now).level == .warning)
        d.run(176)
        d.send(.nextPhase)

        // Deep dive (17 min): Ctrl-Z for five minutes does not count; over time, one more
        // minute re-arms the time-up alert.
        d.run(200)
        d.send(.suspended)
        d.run(300)
        #expect(d.actual[3] == 200)
        d.send(.resumedFromSuspension)
        d.run(830)
        #expect(d.session.status(at: d.now).level == .over)
        d.send(.extend(seconds: 60))
        #expect(d.session.status(at: d.now).level == .warning)
        d.run(70)
        d.send(.nextPhase)

        // Scale: skipped at first, revisited from the wrap-up.
        d.send(.nextPhase)
        d.run(60)
        d.send(.previousPhase)
        d.run(700)
        d.send(.nextPhase)

        // Wrap-up (5 min, 1 min already spent): over time, a pause with no ticks at all,
        // then the interview's hour runs out.
        d.run(290)
        d.send(.togglePause)
        d.jump(45)
        d.send(.togglePause)
        d.run(60)
        #expect(d.session.status(at: d.now).totalRemainingSeconds == 0)
        d.run(10)
        d.send(.finish)

        #expect(d.log.map(\.description) == [
            "started@-",
            "phaseWarning(phase: 0)@384", "phaseTimeUp(phase: 0)@480",
            "phaseChanged(from: 0, to: 1)@-", "phaseChanged(from: 1, to: 2)@-",
            "phaseChanged(from: 2, to: 1)@-", "phaseChanged(from: 1, to: 2)@-",
            "phaseWarning(phase: 2)@624", "phaseTimeUp(phase: 2)@780",
            "phaseChanged(from: 2, to: 3)@-",
            "phaseWarning(phase: 3)@816", "phaseTimeUp(phase: 3)@1020", "phaseTimeUp(phase: 3)@1080",
            "phaseChanged(from: 3, to: 4)@-", "phaseChanged(from: 4, to: 5)@-",
            "phaseChanged(from: 5, to: 4)@-", "phaseWarning(phase: 4)@624", "phaseChanged(from: 4, to: 5)@-",
            "phaseWarning(phase: 5)@240", "phaseTimeUp(phase: 5)@300",
            "interviewTimeUp@-", "finished@-",
        ])

        let r = d.session.record
        #expect(r.phases.map(\.actualSeconds) == [500, 90, 800, 1100, 700, 420])
        #expect(r.phases.map(\.extraSeconds) == [0, 0, 60, 60, 0, 0])
        #expect(r.phases.map(\.overrunSeconds) == [20, 0, 80, 80, 0, 120])
        #expect(r.totalActualSeconds == 3610)
        #expect(r.totalOverrunSeconds == 10)
        #expect(r.pausedSeconds == 165)
        #expect(r.pauses == 2)
        #expect(r.suspendedSeconds == 300)
        #expect(r.started && r.finished && r.timeUp)
        #expect(r.currentPhase == 6)
        #expect(r.plan == "standard")
        #expect(r.problem == "url-shortener")
        #expect(d.session.status(at: d.now).headerText == "Interview finished · 1:00:10 used · 0:10 over")

        // Nothing moves after the end.
        d.run(100)
        d.send(.nextPhase)
        d.send(.extend(seconds: 60))
        #expect(d.session.record == r)
        #expect(d.log.count == 22)
    }

    @Test func oneLateTickReportsBothBoundariesInOrder() throws {
        var d = Driver(InterviewSession(plan: InterviewPlan(name: "t", title: "T", phases: [
            .init(key: "a", title: "A", plannedSeconds: 10), .init(key: "b", title: "B", plannedSeconds: 10),
        ])))
        d.send(.start)
        d.jump(25) // e.g. the machine was too busy to tick
        d.send(.tick)
        #expect(d.log.map(\.event) == [.started, .phaseWarning(phase: 0), .phaseTimeUp(phase: 0), .interviewTimeUp])
        d.run(5)
        #expect(d.log.count == 4)
        #expect(d.actual == [30, 0])
    }

    @Test func suspendedTimeCountsOnlyWhenAskedTo() throws {
        let plan = InterviewPlan(name: "t", title: "T", phases: [.init(key: "a", title: "A", plannedSeconds: 600)])
        for counts in [false, true] {
            var d = Driver(InterviewSession(plan: plan, countsSuspendedTime: counts))
            d.send(.start)
            d.run(10)
            d.send(.suspended)
            #expect(d.session.nextTickDelay(at: d.now) == (counts ? .seconds(1) : nil))
            d.jump(100) // stopped processes do not tick
            d.send(.resumedFromSuspension)
            d.run(10)
            #expect(d.actual == [counts ? 120 : 20])
            #expect(d.session.record.suspendedSeconds == (counts ? 0 : 100))
        }
    }

    @Test func subSecondTicksAndTheNextTickDelay() throws {
        let plan = InterviewPlan(name: "t", title: "T", phases: [.init(key: "a", title: "A", plannedSeconds: 5)])
        var d = Driver(InterviewSession(plan: plan))
        #expect(d.session.nextTickDelay(at: d.now) == nil)
        d.send(.start)
        d.run(1, step: .milliseconds(250))
        d.jump(0)
        d.now += .milliseconds(300)
        d.send(.tick)
        // 1.3 s in: the countdown still shows 4 s (rounded up) and changes in 0.7 s.
        var s = d.session.status(at: d.now)
        #expect(s.remainingSeconds == 4)
        #expect(d.session.nextTickDelay(at: d.now) == .milliseconds(700))
        #expect(abs(s.fraction - 0.26) < 1e-9)
        #expect(d.actual == [1])
        d.now += .milliseconds(2700) // 4.0 s: exactly 80 %
        d.send(.tick)
        #expect(d.log.last?.event == .phaseWarning(phase: 0))
        s = d.session.status(at: d.now)
        #expect(s.level == .warning)
        #expect(s.remainingSeconds == 1)
        d.now += .milliseconds(500)
        #expect(d.session.status(at: d.now).remainingSeconds == 1) // 0.5 s left shows as 0:01
        d.now += .milliseconds(500)
        #expect(d.session.status(at: d.now).remainingSeconds == 0)
        #expect(d.session.status(at: d.now).level == .over)
        // status(at:) does not change the session: the event comes with the next tick.
        #expect(d.log.count == 2)
        d.send(.tick)
        #expect(d.log.map(\.event) == [.started, .phaseWarning(phase: 0), .phaseTimeUp(phase: 0), .interviewTimeUp])
    }

    @Test func aClockGoingBackwardsCountsNothing() throws {
        let plan = InterviewPlan(name: "t", title: "T", phases: [.init(key: "a", title: "A", plannedSeconds: 60)])
        var d = Driver(InterviewSession(plan: plan))
        d.send(.start)
        d.run(10)
        d.now -= .seconds(5)
        d.send(.tick)
        #expect(d.actual == [10])
        d.run(6) // back to 11 s after the start: only 1 s is new
        #expect(d.actual == [11])
    }

    @Test func controlsThatDoNotApplyAreIgnored() throws {
        let plan = InterviewPlan(name: "t", title: "T", phases: [
            .init(key: "a", title: "A", plannedSeconds: 60), .init(key: "b", title: "B", plannedSeconds: 60),
        ])
        var d = Driver(InterviewSession(plan: plan))
        d.send(.pause)
        d.send(.resume)
        #expect(d.session.clock == .notStarted)
        d.send(.previousPhase)
        #expect(d.session.currentPhaseIndex == 0)
        d.send(.extend(seconds: -30))
        d.send(.extend(seconds: 0))
        #expect(d.session.record.phases[0].extraSeconds == 0)
        // Choosing where to start and adjusting the box before starting is allowed.
        d.send(.extend(seconds: 30))
        #expect(d.session.record.phases[0].extraSeconds == 30)
        d.send(.togglePause)
        #expect(d.session.clock == .running)
        d.send(.start)
        d.send(.resume)
        #expect(d.log.map(\.event) == [.started])
        d.run(5)
        d.send(.nextPhase)
        d.run(5)
        d.send(.nextPhase) // from the last phase: finishes
        #expect(d.session.clock == .finished)
        #expect(d.log.map(\.event).suffix(2) == [.phaseChanged(from: 0, to: 1), .finished])
        // Going back after finishing reopens the last phase, paused.
        d.send(.previousPhase)
        #expect(d.session.clock == .paused)
        #expect(d.session.currentPhaseIndex == 1)
        #expect(!d.session.record.finished)
        d.run(5)
        d.send(.resume)
        d.run(5)
        d.send(.finish)
        #expect(d.actual == [5, 10])
    }
}
