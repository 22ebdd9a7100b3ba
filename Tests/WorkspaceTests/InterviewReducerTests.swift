import DesignModel
import Foundation
import Interview
import Testing
@testable import Workspace

@Suite struct InterviewReducerTests {
    let plan = InterviewPlan(name: "drill", title: "Drill", phases: [
        .init(key: "a", title: "Clarify", plannedSeconds: 300, goal: "Scope", stages: [.requirements]),
        .init(key: "b", title: "Design", plannedSeconds: 600, goal: "Draw", stages: [.highLevelDesign]),
    ])

    func at(_ seconds: Int) -> Environment {
        Environment(now: { fixedNow }, monotonic: { .seconds(seconds) })
    }

    func interviewState() -> AppState {
        var s = makeState(components: 1)
        s.interview = InterviewSession(plan: plan)
        return s
    }

    @Test func keysDriveTheClockAndTheLogFollows() {
        var s = interviewState()
        _ = Workspace.reduce(&s, .key(.char("t")), at(0))
        #expect(s.interview?.clock == .running)
        _ = Workspace.reduce(&s, .tick(now: .seconds(100)), at(100))
        #expect(s.design.interview?.phases[0].actualSeconds == 100)
        _ = Workspace.reduce(&s, .key(.char("t")), at(130))     // pause
        _ = Workspace.reduce(&s, .tick(now: .seconds(400)), at(400))
        #expect(s.design.interview?.phases[0].actualSeconds == 130, "paused time is not interview time")
        _ = Workspace.reduce(&s, .key(.char("t")), at(400))     // resume
        _ = Workspace.reduce(&s, .key(.char("]")), at(410))     // next phase
        #expect(s.design.interview?.currentPhase == 1)
        #expect(s.design.interview?.phases[0].actualSeconds == 140)
        #expect(s.message?.text.hasPrefix("Phase 2: Design") == true)
    }

    @Test func boundariesRingTheBellOnceUnlessQuiet() {
        var s = interviewState()
        _ = Workspace.reduce(&s, .key(.char("t")), at(0))
        #expect(Workspace.reduce(&s, .tick(now: .seconds(241)), at(241)) == [.bell], "80 % of 300 s")
        #expect(Workspace.reduce(&s, .tick(now: .seconds(250)), at(250)) == [])
        #expect(Workspace.reduce(&s, .tick(now: .seconds(301)), at(301)) == [.bell], "time up")
        #expect(Workspace.reduce(&s, .tick(now: .seconds(320)), at(320)) == [])
        var q = interviewState()
        q.quiet = true
        _ = Workspace.reduce(&q, .key(.char("t")), at(0))
        #expect(Workspace.reduce(&q, .tick(now: .seconds(301)), at(301)) == [])
    }

    @Test func suspendedTimeDoesNotCount() {
        var s = interviewState()
        _ = Workspace.reduce(&s, .key(.char("t")), at(0))
        _ = Workspace.reduce(&s, .suspending(now: .seconds(50)), at(50))
        _ = Workspace.reduce(&s, .resumedFromSuspend(now: .seconds(250)), at(250))
        _ = Workspace.reduce(&s, .tick(now: .seconds(260)), at(260))
        #expect(s.design.interview?.phases[0].actualSeconds == 60)
    }

    @Test func undoNeverRewindsTheClock() {
        var s = interviewState()
        _ = Workspace.reduce(&s, .key(.char("t")), at(0))
        _ = Workspace.reduce(&s, .key(.char("2")), at(10))
        _ = Workspace.reduce(&s, .key(.char("d")), at(10))      // delete the component
        _ = Workspace.reduce(&s, .tick(now: .seconds(90)), at(90))
        _ = Workspace.reduce(&s, .key(.char("u")), at(90))
        #expect(s.design.components.count == 1, "the edit is undone")
        #expect(s.design.interview?.phases[0].actualSeconds == 90, "the clock is not")
    }

    @Test func finishingOpensTheSummaryAndTheAssessmentIsKept() {
        var s = interviewState()
        _ = Workspace.reduce(&s, .key(.char("t")), at(0))
        _ = Workspace.reduce(&s, .key(.char("]")), at(200))
        _ = Workspace.reduce(&s, .key(.char("]")), at(700))
        // ] on the last phase asks first; no keeps going, yes finishes.
        #expect(s.topConfirm?.title == "Finish the interview?")
        _ = Workspace.reduce(&s, .key(.char("n")), at(700))
        #expect(s.interview?.clock == .running && s.overlays.isEmpty)
        _ = Workspace.reduce(&s, .key(.char("]")), at(700))
        let finished = Workspace.reduce(&s, .key(.char("y")), at(700))
        #expect(s.interview?.clock == .finished)
        #expect(finished.contains { if case .recordPractice = $0 { return true }; return false },
                "a finished interview goes to the practice history")
        #expect(s.overlays.last == .summary(scroll: 0))
        #expect(Workspace.summaryLines(s).contains { $0.hasPrefix("Clarify") && $0.contains("5:00") && $0.contains("3:20") })
        _ = Workspace.reduce(&s, .key(.char("a")), at(700))
        guard case .form(let f)? = s.overlays.last else { Issue.record("no assessment form"); return }
        #expect(f.target == .assessment)
        for _ in 0..<3 { _ = Workspace.reduce(&s, .key(.right), at(700)) }  // requirements: 3 good
        let assessed = Workspace.reduce(&s, .key(.enter), at(700))
        #expect(s.design.interview?.scores["requirements"] == 3)
        #expect(assessed == [.recordPractice(s.design.interview!, problemTitle: nil, file: s.filePath)],
                "the assessment is recorded again (the newest line of an attempt wins)")
        #expect(s.design.interview?.finished == true)
    }

    /// The summary screen's table and the report's timing log agree: planned excludes the
    /// extra minutes, which have their own column, and the total overrun is against the plan.
    @Test func theSummaryTotalsAddUpAndCtrlSSavesFromIt() throws {
        var s = interviewState()
        _ = Workspace.reduce(&s, .key(.char("t")), at(0))
        _ = Workspace.reduce(&s, .key(.char("]")), at(320))     // Clarify 20 s over
        _ = Workspace.reduce(&s, .key(.char("+")), at(330))     // a minute more for Design
        _ = Workspace.reduce(&s, .key(.char("]")), at(830))     // Design 500 s of 600
        _ = Workspace.reduce(&s, .key(.char("y")), at(830))     // finish
        let lines = Workspace.summaryLines(s)
        let clarify = try #require(lines.first { $0.hasPrefix("Clarify") })
        let design = try #require(lines.first { $0.hasPrefix("Design") })
        let total = try #require(lines.first { $0.hasPrefix("Total") })
        #expect(clarify.split(separator: " ").suffix(4) == ["5:00", "—", "5:20", "0:20"])
        #expect(design.split(separator: " ").suffix(4) == ["10:00", "+1:00", "8:30", "—"])
        #expect(total.split(separator: " ").suffix(4) == ["15:00", "+1:00", "13:50", "—"],
                "20 s over in one phase, 90 s saved in the other")
        #expect(Workspace.reduce(&s, .key(.ctrl("s")), at(830)) == [.save(s.design, path: s.filePath)])
        #expect(s.overlays.last == .summary(scroll: 0), "the summary stays open")
    }

    @Test func withoutAnInterviewTheKeysSaySo() {
        var s = makeState()
        _ = Workspace.reduce(&s, .key(.char("t")), env)
        #expect(s.message?.text.contains("sysdraft interview") == true)
    }
}
