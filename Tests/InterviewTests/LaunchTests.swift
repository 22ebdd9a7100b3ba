import DesignModel
import Foundation
import Testing
@testable import Interview

@Suite struct StrictModeTests {
    let plan = InterviewPlan(name: "tiny", title: "Tiny", phases: [
        .init(key: "a", title: "A", plannedSeconds: 5), .init(key: "b", title: "B", plannedSeconds: 5),
        .init(key: "c", title: "C", plannedSeconds: 4),
    ])

    @Test func phasesMoveOnByThemselvesAtTheBoundary() throws {
        var d = Driver(InterviewSession(plan: plan, autoAdvance: true))
        d.send(.start)
        d.run(3)
        d.send(.extend(seconds: 2)) // a: 7 s box now
        d.jump(9)                   // one late tick: a ends at 7 s, b gets the other 5 s and ends too
        d.send(.tick)
        #expect(d.actual == [7, 5, 0])
        #expect(d.session.currentPhaseIndex == 2)
        d.run(3)
        #expect(d.session.status(at: d.now).remainingSeconds == 1)
        d.run(5)
        #expect(d.session.clock == .finished)
        #expect(d.actual == [7, 5, 4])
        #expect(d.log.map(\.event) == [
            .started,
            .phaseWarning(phase: 0), .phaseTimeUp(phase: 0), .phaseChanged(from: 0, to: 1),
            .phaseWarning(phase: 1), .phaseTimeUp(phase: 1), .phaseChanged(from: 1, to: 2),
            // The extension does not move the end of the interview: 14 s are up 2 s into c.
            .interviewTimeUp, .phaseWarning(phase: 2), .phaseTimeUp(phase: 2), .finished,
        ])
        #expect(d.session.record.autoAdvance)
    }

    @Test func goingBackToAnOverPhaseDoesNotBounce() throws {
        var d = Driver(InterviewSession(plan: plan, autoAdvance: true))
        d.send(.start)
        d.run(6)
        #expect(d.session.currentPhaseIndex == 1)
        d.send(.previousPhase)
        d.run(3)
        #expect(d.session.currentPhaseIndex == 0)
        #expect(d.actual == [8, 1, 0])
        // The mode survives a save, and can be switched off.
        var resumed = try InterviewSession(resuming: d.session.record, plan: plan, now: .zero)
        #expect(resumed.autoAdvance)
        resumed.autoAdvance = false
        #expect(!resumed.record.autoAdvance)
    }
}

@Suite struct LaunchTests {
    @Test func newResumeOrRefuse() throws {
        let standard = try loadStandardPlan()
        let short = try PlanLoader.load(contentsOf: builtInPlans.appendingPathComponent("short.json"))
        var design = Design(title: "x", now: fixedDate)
        #expect(InterviewLaunch.planName(requested: nil, saved: nil) == "standard")
        #expect(InterviewLaunch.planName(requested: "short", saved: nil) == "short")

        var s = try InterviewLaunch.session(for: design, plan: standard, problem: "chat-app", now: .zero)
        #expect(s.clock == .notStarted)
        s.start(at: .zero)
        s.tick(at: .seconds(90))
        design.interview = s.record

        #expect(InterviewLaunch.planName(requested: nil, saved: design.interview) == "standard")
        let resumed = try InterviewLaunch.session(for: design, plan: standard, now: .seconds(3))
        #expect(resumed.clock == .paused)
        #expect(resumed.elapsed(inPhase: 0) == .seconds(90))
        #expect(throws: InterviewLaunchError.otherPlanInProgress(saved: "standard", requested: "short")) {
            try InterviewLaunch.session(for: design, plan: short, now: .zero)
        }
        #expect(throws: InterviewLaunchError.otherProblemInProgress(saved: "chat-app", requested: "url-shortener")) {
            try InterviewLaunch.session(for: design, plan: standard, problem: "url-shortener", now: .zero)
        }
        #expect(try InterviewLaunch.session(for: design, plan: short, restart: true, now: .zero).record.plan == "short")

        s.finish(at: .seconds(100))
        design.interview = s.record
        #expect(throws: InterviewLaunchError.alreadyFinished(plan: "standard")) {
            try InterviewLaunch.session(for: design, plan: standard, now: .zero)
        }
        design.interview?.currentPhase = 99
        design.interview?.finished = false
        do {
            _ = try InterviewLaunch.session(for: design, plan: standard, now: .zero)
            Issue.record("resumed a broken record")
        } catch {
            #expect(error.description.hasSuffix("use --restart to start over"))
        }
    }

    @Test func briefing() throws {
        let standard = try loadStandardPlan()
        let problem = try ProblemLoader.load(contentsOf: builtInProblems.appendingPathComponent("chat-app.json"))
        let clarify = PhaseBriefing(phase: standard.phases[0], problem: problem)
        #expect(clarify.goal == standard.phases[0].goal)
        #expect(clarify.sections.map(\.heading) == ["Problem: Chat application", "Keep in mind", "Avoid", "Questions worth asking"])
        let deep = PhaseBriefing(phase: standard.phases[3], problem: problem)
        #expect(deep.sections.map(\.heading) == ["Problem: Chat application", "Keep in mind", "Avoid", "Where interviewers push"])
        let scale = PhaseBriefing(phase: standard.phases[4], problem: problem, hints: false)
        #expect(scale.sections.map(\.heading) == ["Problem: Chat application", "Keep in mind", "Avoid"])
        #expect(PhaseBriefing(phase: standard.phases[1], problem: problem).sections.map(\.heading).suffix(2)
            == ["Questions worth asking", "Scale to assume"])
        #expect(PhaseBriefing(phase: standard.phases[5]).sections.map(\.heading) == ["Keep in mind", "Avoid"])
    }
}
