import DesignModel
import Foundation
import Interview
import Testing
@testable import Workspace

/// The interview coach in the workspace: design edits stamped on the timeline, the interviewer
/// card, the curveball, finishing.
@Suite struct CoachReducerTests {
    let plan = InterviewPlan(name: "drill", title: "Drill", phases: [
        .init(key: "clarify", title: "Clarify", plannedSeconds: 300, goal: "Scope", stages: [.requirements]),
        .init(key: "deep-dive", title: "Deep dive", plannedSeconds: 600, goal: "Go deep", stages: [.lowLevelDesign]),
    ])
    static let problem = PracticeProblem(
        key: "toy", title: "Toy", statement: "Design a toy.",
        facts: [.init(topic: .traffic, label: "Reads", value: "4,000 per second"), .init(topic: .users, label: "Users", value: "1 million")],
        followUps: [.clarify: ["Who plays with it?"], .deepDive: ["How does it break?"]],
        keyPoints: [.init(id: "cache", kind: .component, text: "A cache", match: ["cach*|redis"]),
                    .init(id: "failover", kind: .risk, text: "Failover", match: ["failover"])],
        curveballs: [.init(id: "surge", text: "Traffic grows 10x for a launch", match: ["10x|launch", "cach*|replica*"])])

    func at(_ seconds: Int) -> Environment { Environment(now: { fixedNow }, monotonic: { .seconds(seconds) }) }

    /// The state, and how far into the deep dive the seeded curveball comes.
    func state(curveball: Bool = false) -> AppState {
        var s = makeState()
        var session = InterviewSession(plan: plan, problem: "toy")
        session.prepareCoaching(problem: Self.problem, seed: 3, curveball: curveball)
        s.interview = session
        s.interviewProblem = Self.problem
        return s
    }

    func addComponent(_ s: inout AppState, _ name: String, at second: Int) {
        _ = Workspace.reduce(&s, .key(.char("2")), at(second))
        _ = Workspace.reduce(&s, .key(.char("a")), at(second))
        for c in name { _ = Workspace.reduce(&s, .key(.char(c)), at(second)) }
        _ = Workspace.reduce(&s, .key(.enter), at(second))
    }

    @Test func editsAreStampedWithThePhaseAndTheClockWhileTheInterviewRuns() throws {
        var s = state()
        addComponent(&s, "Before", at: 0)  // before the clock: preparation, not stamped
        _ = Workspace.reduce(&s, .key(.char("t")), at(0))
        addComponent(&s, "Gateway", at: 75)
        _ = Workspace.reduce(&s, .key(.char("]")), at(300))
        addComponent(&s, "Redis cache", at: 420)
        _ = Workspace.reduce(&s, .key(.char("u")), at(430))  // undo: stamped as a removal
        let t = try #require(s.design.interview?.timeline)
        let edits = t.filter { [.added, .removed].contains($0.change) }.map { "\($0.change.rawValue) \($0.text) \($0.phase)@\($0.at)" }
        #expect(edits == ["added Gateway clarify@75", "added Redis cache deep-dive@420", "removed Redis cache deep-dive@430"])
        #expect(t.first?.change == .started && t.first?.tags == ["component"], "the design already had a component")
        // After the end nothing more is stamped.
        _ = Workspace.reduce(&s, .key(.char("]")), at(500))
        _ = Workspace.reduce(&s, .key(.char("y")), at(500))
        let count = s.design.interview?.timeline.count
        _ = Workspace.reduce(&s, .key(.escape), at(600))   // close the summary
        addComponent(&s, "After", at: 600)
        #expect(s.design.interview?.timeline.count == count)
        #expect(s.design.components.count == 3)
    }

    @Test func theInterviewerCardGivesFactsWhenAsked() throws {
        var s = state()
        _ = Workspace.reduce(&s, .key(.char("t")), at(0))
        _ = Workspace.reduce(&s, .key(.char("I")), at(10))
        #expect(s.overlays.last == .interviewer(scroll: 0))
        var card = Workspace.interviewerCard(s)
        #expect(card.title == "The interviewer — Toy")
        #expect(card.lines.contains("  1 Users — not asked yet"))
        #expect(card.lines.contains("  • Who plays with it?"))
        _ = Workspace.reduce(&s, .key(.char("2")), at(20))   // traffic is topic 2 (users come first)
        #expect(s.overlays.last == .interviewer(scroll: 0), "the card stays open")
        card = Workspace.interviewerCard(s)
        #expect(card.lines.contains("    • Reads: 4,000 per second"))
        #expect(s.design.interview?.timeline.last.map { "\($0.change.rawValue) \($0.id)@\($0.at)" } == "asked traffic@20")
        _ = Workspace.reduce(&s, .key(.char("9")), at(25))   // no such topic: nothing happens
        #expect(s.design.interview?.timeline.filter { $0.change == .asked }.count == 1)
        _ = Workspace.reduce(&s, .key(.escape), at(30))
        #expect(s.overlays.isEmpty)
        // From the palette too.
        #expect(Command.interviewerCard.paletteName == "interviewer")
        #expect(s.keymap.command(for: .char("I"), in: .panes) == .interviewerCard)
    }

    @Test func theCurveballInterruptsAtItsMomentAndRingsOnce() throws {
        var s = state(curveball: true)
        let after = try #require(s.interview?.record.curveball?.afterSeconds)
        #expect((150...450).contains(after), "a quarter to three quarters into the 10-minute deep dive")
        _ = Workspace.reduce(&s, .key(.char("t")), at(0))
        _ = Workspace.reduce(&s, .key(.char("]")), at(100))
        #expect(Workspace.reduce(&s, .tick(now: .seconds(99 + after)), at(99 + after)) == [])
        #expect(Workspace.reduce(&s, .tick(now: .seconds(100 + after)), at(100 + after)) == [.bell])
        #expect(s.overlays.last == .interviewer(scroll: 0))
        #expect(s.message?.text.contains("Traffic grows 10x") == true)
        #expect(Workspace.interviewerCard(s).lines.contains("Curveball — address it in the design"))
        #expect(Workspace.reduce(&s, .tick(now: .seconds(101 + after)), at(101 + after)) == [], "once")
        _ = Workspace.reduce(&s, .key(.escape), at(101 + after))
        addComponent(&s, "Cache replicas for the launch", at: 110 + after)
        #expect(Workspace.interviewerCard(s).lines.contains("Curveball (addressed)"))
    }

    @Test func theCurveballWaitsBehindAnOpenDialog() throws {
        var s = state(curveball: true)
        _ = Workspace.reduce(&s, .key(.char("t")), at(0))
        _ = Workspace.reduce(&s, .key(.char("]")), at(5))
        _ = Workspace.reduce(&s, .key(.char("a")), at(6))   // a form is open
        _ = Workspace.reduce(&s, .tick(now: .seconds(500)), at(500))
        #expect(s.topForm != nil, "typing is not interrupted")
        #expect(s.message?.text.hasPrefix("The interviewer has a curveball") == true)
    }

    @Test func finishingChecksTheKeyPointsAndTheSummaryShowsTheCoach() throws {
        var s = state(curveball: true)
        let after = try #require(s.interview?.record.curveball?.afterSeconds)
        _ = Workspace.reduce(&s, .key(.char("t")), at(0))
        let during = Workspace.summaryLines(s)
        #expect(during.contains("  2 key points are checked against the design when the interview finishes."))
        addComponent(&s, "Redis cache", at: 40)
        _ = Workspace.reduce(&s, .key(.char("]")), at(100))
        _ = Workspace.reduce(&s, .tick(now: .seconds(100 + after)), at(100 + after))   // the curveball
        let midway = Workspace.summaryLines(s)
        #expect(!midway.contains { $0.contains("Failover") }, "key points stay hidden until the end")
        _ = Workspace.reduce(&s, .key(.escape), at(100 + after))
        _ = Workspace.reduce(&s, .key(.char("]")), at(700))
        _ = Workspace.reduce(&s, .key(.char("y")), at(700))
        let r = try #require(s.design.interview)
        #expect(r.keyPoints.map { "\($0.id) \($0.covered)" } == ["cache true", "failover false"])
        #expect(r.keyPoints.first?.evidence == "comp-1 Redis cache")
        let lines = Workspace.summaryLines(s)
        #expect(lines.contains("Timeline (interview time; what was added in each phase)"))
        #expect(lines.contains("    + 1 component: Redis cache"))
        #expect(lines.contains { $0.hasPrefix("  ⚑ 0:40  Components before any non-functional requirement") })
        #expect(lines.contains { $0.hasPrefix("  ⚑ 11:40  The curveball was not addressed") })
        #expect(lines.contains("Key points (1 of 2 covered)"))
        #expect(lines.contains("  ✓ component A cache — comp-1 Redis cache"))
        #expect(lines.contains("  ✗ risk      Failover"))
        #expect(lines.contains { $0.hasPrefix("  Given at \(TimeFormat.clock(100 + after)): Traffic grows 10x") })
    }

    @Test func theAssessmentHasEvidenceUnderTheSameLabels() throws {
        var s = state()
        _ = Workspace.reduce(&s, .key(.char("t")), at(0))
        _ = Workspace.reduce(&s, .key(.char("]")), at(10))
        _ = Workspace.reduce(&s, .key(.char("]")), at(20))
        _ = Workspace.reduce(&s, .key(.char("y")), at(20))
        _ = Workspace.reduce(&s, .key(.char("a")), at(20))
        let form = try #require(s.topForm)
        let labels = form.fields.map(\.label).filter { !$0.hasPrefix(" ") && $0 != "Note" }
        #expect(labels == InterviewRecord.Dimension.allCases.map(\.title))
        #expect(labels.contains("Scalability and reliability"))
        if case .choice(let options, _) = form.fields[0].value {
            #expect(options == ["—", "1 weak", "2 needs work", "3 good", "4 strong"])
        }
        _ = Workspace.reduce(&s, .key(.right), at(20))
        _ = Workspace.reduce(&s, .key(.right), at(20))   // Requirements: 2
        _ = Workspace.reduce(&s, .key(.tab), at(20))
        for c in "Skipped the NFRs" { _ = Workspace.reduce(&s, .key(.char(c)), at(20)) }
        _ = Workspace.reduce(&s, .key(.enter), at(20))
        #expect(s.design.interview?.scores["requirements"] == 2)
        #expect(s.design.interview?.evidence["requirements"] == "Skipped the NFRs")
        let lines = Workspace.summaryLines(s)
        let i = try #require(lines.firstIndex { $0.hasPrefix("  Requirements") && $0.contains("2/4 needs work") })
        #expect(lines[i + 1] == "      evidence: Skipped the NFRs")
    }
}
