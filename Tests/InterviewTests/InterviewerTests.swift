import DesignModel
import Foundation
import Testing
@testable import Interview

/// The interviewer: the seeded curveball, when it comes, and the facts on request.
@Suite struct InterviewerTests {
    static let problem = try! ProblemLoader.load(contentsOf: builtInProblems.appendingPathComponent("url-shortener.json"))

    @Test func theSeedDecidesTheCurveballAndItsMoment() throws {
        let plan = try loadStandardPlan()
        var seen = Set<String>()
        for seed in 1...40 {
            let a = try #require(CurveballPlanner.plan(problem: Self.problem, plan: plan, seed: seed))
            #expect(a == CurveballPlanner.plan(problem: Self.problem, plan: plan, seed: seed), "the same seed, the same choice")
            let phase = try #require(plan.phases.first { $0.key == a.phase })
            #expect(phase.role == .deepDive || phase.role == .scale)
            #expect(a.afterSeconds * 4 >= phase.plannedSeconds && a.afterSeconds * 4 <= phase.plannedSeconds * 3,
                    "between a quarter and three quarters of the phase")
            #expect(Self.problem.curveballs.contains { $0.id == a.id && $0.text == a.text && $0.match == a.match })
            seen.insert("\(a.id)/\(a.phase)")
        }
        #expect(seen.count >= 4, "different seeds choose differently: \(seen)")
        // No deep-dive or scale phase, or no curveballs: none.
        let drill = InterviewPlan(name: "d", title: "D", phases: [.init(key: "clarify", title: "C", plannedSeconds: 60)])
        #expect(CurveballPlanner.plan(problem: Self.problem, plan: drill, seed: 1) == nil)
        var bare = Self.problem
        bare.curveballs = []
        #expect(CurveballPlanner.plan(problem: bare, plan: plan, seed: 1) == nil)
    }

    @Test func theCurveballComesAtItsMomentOrWhenItsPhaseIsLeft() throws {
        let plan = try loadStandardPlan()
        var on = CoachDriver(InterviewSession(plan: plan, problem: "url-shortener", autoAdvance: true))
        on.session.prepareCoaching(problem: Self.problem, seed: 11, curveball: true)
        let planned = try #require(on.session.record.curveball)
        let index = try #require(plan.phases.firstIndex { $0.key == planned.phase })
        let start = plan.phases[..<index].reduce(0) { $0 + $1.plannedSeconds }
        on.send(.start)
        on.runTo(start + planned.afterSeconds - 1)
        #expect(on.curveballsGiven.isEmpty)
        on.runTo(start + planned.afterSeconds)
        #expect(on.curveballsGiven.map(\.id) == [planned.id])
        #expect(on.record.curveball?.shownAt == start + planned.afterSeconds)
        on.runTo(start + planned.afterSeconds + 600)
        #expect(on.curveballsGiven.count == 1, "given once")

        // Skipping past the phase early brings it at once.
        var skip = CoachDriver(InterviewSession(plan: plan))
        skip.session.prepareCoaching(problem: Self.problem, seed: 11, curveball: true)
        skip.send(.start)
        for _ in 0...index { skip.send(.nextPhase) }
        #expect(skip.curveballsGiven.map(\.id) == [planned.id])
        #expect(skip.record.timeline.last?.change == .curveball)

        // Off: none planned, none given, the seed still kept.
        var off = CoachDriver(InterviewSession(plan: plan))
        off.session.prepareCoaching(problem: Self.problem, seed: 11, curveball: false)
        off.send(.start)
        off.runTo(3600)
        #expect(off.curveballsGiven.isEmpty && off.record.curveball == nil && off.record.seed == 11)
    }

    @Test func aResumedSessionKeepsItsCurveballAndTimeline() throws {
        let plan = try loadStandardPlan()
        var d = CoachDriver(InterviewSession(plan: plan, problem: "url-shortener"))
        d.session.prepareCoaching(problem: Self.problem, seed: 5, curveball: true)
        d.send(.start)
        d.runTo(90)
        d.edit { $0.addRequirement(.nonFunctional, "Fast redirects", category: .latency) }
        var saved = d.design
        saved.interview = d.record
        let loaded = try DesignCodec.decode(DesignCodec.encode(saved))
        let resumed = try InterviewSession(resuming: try #require(loaded.interview), plan: plan, now: .zero)
        #expect(resumed.record.curveball == d.record.curveball)
        #expect(resumed.record.seed == 5)
        #expect(resumed.record.timeline == d.record.timeline)
    }

    @Test func factsAreGivenWhenAskedAndStampedOnce() throws {
        var d = CoachDriver(InterviewSession(plan: try loadStandardPlan(), problem: "url-shortener"))
        d.send(.start)
        var card = InterviewerCard(session: d.session, problem: Self.problem)
        #expect(card.inClarify)
        #expect(card.topics.map(\.topic) == Self.problem.factTopics)
        #expect(card.topics.allSatisfy { !$0.asked })
        #expect(card.followUps == Self.problem.followUps[.clarify])
        let traffic = try #require(card.topics.first { $0.topic == .traffic })
        #expect(!card.lines.contains { $0.contains(traffic.facts[0].value) }, "not told before asked")
        d.runTo(40)
        let first = d.session.ask(.traffic, at: d.now)
        let again = d.session.ask(.traffic, at: d.now)
        #expect(first)
        #expect(!again, "asking again adds nothing")
        card = InterviewerCard(session: d.session, problem: Self.problem)
        #expect(card.lines.contains { $0.contains(traffic.facts[0].value) })
        let asked = d.record.timeline.filter { $0.change == .asked }
        #expect(asked.map { "\($0.id)@\($0.at)" } == ["traffic@40"])
        #expect(CoachingReview(record: d.record).phases[0].asked == ["Traffic"])
        // In a later phase the card shows that phase's questions.
        d.send(.nextPhase)
        card = InterviewerCard(session: d.session, problem: Self.problem)
        #expect(!card.inClarify && card.followUps == Self.problem.followUps[.estimate])
    }

    @Test func phaseRolesComeFromKeysOrStages() {
        #expect(PhaseRole.of(key: "deep-dive", stages: []) == .deepDive)
        #expect(PhaseRole.of(key: "wrap", stages: []) == .wrapUp)
        #expect(PhaseRole.of(key: "sketch", stages: [.highLevelDesign]) == .highLevel)
        #expect(PhaseRole.of(key: "numbers-please", stages: [.requirements, .scalability]) == .estimate)
        #expect(PhaseRole.of(key: "x", stages: [.reliability, .security]) == .scale)
        #expect(PhaseRole.of(key: "x", stages: [.monitoring]) == .wrapUp)
        #expect(PhaseRole.of(key: "x", stages: []) == nil)
    }
}

/// The header's clock speaks one notation, and its total is the summary's.
@Suite struct HeaderNotationTests {
    let plan = InterviewPlan(name: "d", title: "D", phases: [
        .init(key: "a", title: "Clarify", plannedSeconds: 60),
        .init(key: "b", title: "Design", plannedSeconds: 60),
    ])

    @Test func leftOrOverForThePhaseAndTheTotal() {
        var s = InterviewSession(plan: plan)
        s.start(at: .zero)
        #expect(s.status(at: .seconds(20)).headerText == "Clarify 1/2 · 0:40 left · total 1:40 left")
        #expect(s.status(at: .seconds(20)).compactHeaderText == "1/2 0:40 left")
        s.extend(by: 60, at: .seconds(20))
        // Over the phase's box (with its extension), and then over the whole plan.
        #expect(s.status(at: .seconds(130)).headerText == "Clarify 1/2 · 0:10 over · total 0:10 over")
        #expect(s.status(at: .seconds(130)).compactHeaderText == "1/2 0:10 over")
        s.nextPhase(at: .seconds(130))
        #expect(s.status(at: .seconds(140)).headerText == "Design 2/2 · 0:50 left · total 0:20 over")
        s.finish(at: .seconds(140))
        let record = s.record(at: .seconds(140))
        let summary = InterviewSummary(record: record, design: Design(title: "x", now: fixedDate), catalogue: testCatalogue)
        #expect(summary.totalActualSeconds == 140 && summary.totalOverrunSeconds == 20)
        #expect(s.status(at: .seconds(140)).headerText == "Interview finished · 2:20 used · 0:20 over")
    }

    @Test func theTotalIsTheSumOfTheLoggedPhases() {
        var s = InterviewSession(plan: plan)
        s.start(at: .zero)
        s.nextPhase(at: .milliseconds(1_600))  // logged as 2 s
        let status = s.status(at: .milliseconds(3_200))  // 1.6 s in phase 2, logged as 2 s
        #expect(status.loggedSeconds == 4)
        #expect(status.totalLeftSeconds == 116)
        #expect(status.headerText.hasSuffix("total 1:56 left"))
    }
}
