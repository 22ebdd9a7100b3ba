import DesignModel
import Foundation
import Testing
import TestSupport
@testable import Interview

/// A session with a design beside it, driven by a fake clock: the interview as the workspace
/// runs it (clock inputs, design edits stamped on the timeline, the curveball checked after
/// every input).
struct CoachDriver {
    var session: InterviewSession
    var design = Design(title: "Practice", now: fixedDate)
    /// Wall time of the fake monotonic clock.
    var now: Duration = .seconds(50_000)
    var curveballsGiven: [InterviewRecord.Curveball] = []

    init(_ session: InterviewSession) { self.session = session }

    mutating func send(_ input: InterviewInput) {
        session.send(input, at: now)
        if let c = session.checkCurveball() { curveballsGiven.append(c) }
    }

    /// Ticks once a wall second for `seconds`.
    mutating func wait(_ seconds: Int) {
        for _ in 0..<seconds {
            now += .seconds(1)
            send(.tick)
        }
    }

    /// Ticks until the interview clock reads `second` (the clock must be running).
    mutating func runTo(_ second: Int) {
        while session.totalElapsed < .seconds(second) { wait(1) }
    }

    mutating func edit(_ body: (inout Design) throws -> Void) rethrows {
        let old = design
        try body(&design)
        session.noteDesignChanges(from: old, to: design, at: now)
    }

    var record: InterviewRecord { session.record(at: now) }
    var review: CoachingReview { CoachingReview(record: record) }
    var flags: [String] { review.flags.map { "\($0.mistake.rawValue)@\($0.at)" } }
}

@Suite struct CoachingSessionTests {
    /// Everything a candidate can get wrong, at known moments of a standard interview.
    @Test func aScriptedInterviewIsFlaggedWhereItWentWrong() throws {
        var d = CoachDriver(InterviewSession(plan: try loadStandardPlan(), problem: "url-shortener"))
        d.session.record.curveball = .init(id: "region-outage", text: "A region goes down", match: ["region*", "failover|standby"],
                                           phase: "deep-dive", afterSeconds: 300)
        d.design.addComponent(name: "Prepared before the start", kind: .other)  // not stamped: before the clock
        d.send(.start)
        d.runTo(60)
        d.edit { $0.addComponent(name: "Load balancer", kind: .loadBalancer) }
        d.runTo(200)
        d.edit { $0.addRequirement(.nonFunctional, "p99 redirect under 50 ms", category: .latency) }
        d.runTo(480); d.send(.nextPhase)   // estimate: no numbers written
        d.runTo(780); d.send(.nextPhase)   // high-level
        d.runTo(1800); d.send(.nextPhase)  // deep dive, 5 minutes after its planned 25:00
        d.runTo(2520); d.send(.nextPhase)  // scale
        d.runTo(2600)
        d.edit { $0.addComponent(name: "Key generator", kind: .service, responsibility: "Hands out code ranges") }
        d.runTo(3300); d.send(.nextPhase)  // wrap-up
        d.runTo(3400)
        d.edit { $0.addTradeOff(title: "SQL or NoSQL", options: [("DynamoDB", [], []), ("Postgres", [], [])], chosenIndex: 0) }
        d.runTo(3600); d.send(.nextPhase)  // finishes

        #expect(d.session.clock == .finished)
        #expect(d.curveballsGiven.map(\.id) == ["region-outage"])
        #expect(d.record.curveball?.shownAt == 2100, "300 s into the deep dive, which began at 30:00")
        #expect(d.flags == ["components-before-nfr@60", "no-estimate@780", "late-deep-dive@1800",
                            "no-failure-handling@3300", "curveball-ignored@3600"])
        let review = d.review
        #expect(review.flags.first?.phase == "Clarify requirements")
        #expect(review.flags.first?.detail.contains("Load balancer") == true)
        #expect(review.pending.isEmpty)
        #expect(review.curveball?.addressedAt == nil)

        // What was added, per phase, with the moment each phase began.
        let phases = Dictionary(uniqueKeysWithValues: review.phases.map { ($0.key, $0) })
        #expect(phases["clarify"]?.enteredAt == 0)
        #expect(phases["clarify"]?.added.map(\.label) == ["1 component", "1 requirement"])
        #expect(phases["estimate"]?.enteredAt == 480 && phases["estimate"]?.added.isEmpty == true)
        #expect(phases["deep-dive"]?.enteredAt == 1800)
        #expect(phases["scale"]?.added.map(\.titles) == [["Key generator"]])
        #expect(phases["wrap-up"]?.added.map(\.label) == ["1 trade-off"])
        // The timeline reads in order, in interview time.
        let t = d.record.timeline
        #expect(t.map(\.at) == t.map(\.at).sorted())
        #expect(t.first?.change == .started && t.last?.change == .finished && t.last?.at == 3600)
        #expect(!t.contains { $0.text == "Prepared before the start" })
    }

    /// The same interview done well: nothing flagged, and the curveball answered.
    @Test func aGoodInterviewIsNotFlagged() throws {
        var s = InterviewSession(plan: try loadStandardPlan(), problem: "url-shortener", autoAdvance: true)
        s.record.curveball = .init(id: "region-outage", text: "A region goes down", match: ["region*", "failover|standby"],
                                   phase: "deep-dive", afterSeconds: 200)
        var d = CoachDriver(s)
        d.send(.start)
        d.runTo(30)
        d.edit { $0.addRequirement(.nonFunctional, "Redirects available 99.99 %", category: .availability) }
        d.runTo(100)
        d.edit { $0.addComponent(name: "Redirect service", kind: .service) }
        d.runTo(500)   // strict mode moved to the estimate phase at 8:00
        d.edit { $0.updateStage(.requirements) { $0.notes = "Peak 40k redirects/s; 3 TB over five years." } }
        d.runTo(900)
        d.send(.pause); d.wait(100); d.send(.resume)  // paused time is not interview time
        d.runTo(1600)
        d.send(.extend(seconds: 60))  // a minute more for the deep dive
        d.runTo(1750)
        d.edit { $0.addComponent(name: "Standby region", kind: .other, responsibility: "Failover target for redirects") }
        d.runTo(3400)
        d.edit { $0.addTradeOff(title: "One region or two", options: [("One", [], []), ("Two", [], [])], chosenIndex: 1) }
        d.wait(2000)   // well past the end: strict mode finished it

        #expect(d.session.clock == .finished)
        if DesignItems.designHasEstimates {
            // With an estimates list, only estimate items count: the notes above do not.
            #expect(d.flags == ["no-estimate@780"])
        } else {
            #expect(d.flags == [])
        }
        let r = d.record
        #expect(r.pauses == 1 && r.pausedSeconds == 100)
        #expect(r.curveball?.shownAt == 1700)
        #expect(d.review.curveball?.addressedAt == 1750)
        #expect(d.review.curveball?.addressedBy == "Standby region")
        // The minute added to the deep dive moves the end of the interview by a minute.
        #expect(r.timeline.last?.change == .finished && r.timeline.last?.at == 3660)
        let entered = r.timeline.filter { $0.change == .phase }.map { "\($0.id)@\($0.at)" }
        #expect(entered == ["estimate@480", "high-level@780", "deep-dive@1500", "scale@2580", "wrap-up@3360"])
    }

    @Test func checksWaitForTheirPhaseToEnd() throws {
        var d = CoachDriver(InterviewSession(plan: try loadStandardPlan()))
        d.send(.start)
        d.runTo(100)
        d.edit { $0.addRequirement(.nonFunctional, "Fast", category: .latency) }
        #expect(d.flags.isEmpty)
        #expect(Set(d.review.pending) == [.noEstimate, .noFailureHandling, .noTradeOff, .lateDeepDive])
        d.runTo(480); d.send(.nextPhase)
        d.runTo(500); d.send(.nextPhase)
        #expect(d.flags == ["no-estimate@500"])
        #expect(!d.review.pending.contains(.noEstimate))
    }

    /// Work done before the interview started counts: a design that already has a non-functional
    /// requirement, numbers, failure handling and a trade-off raises none of those flags.
    @Test func workDoneBeforeTheStartCounts() throws {
        var d = CoachDriver(InterviewSession(plan: try loadStandardPlan()))
        d.design.addRequirement(.nonFunctional, "p99 under 50 ms", category: .latency)
        d.design.updateStage(.requirements) { $0.notes = "Peak 40k redirects/s" }
        d.design.updateStage(.reliability) { $0.notes = "Replicas in two zones." }
        d.design.addTradeOff(title: "Cache or not", options: [("Redis", [], [])], chosenIndex: 0)
        d.send(.start)
        d.session.noteBaseline(ActivityTag.baseline(of: d.design))
        d.runTo(10)
        d.edit { $0.addComponent(name: "API", kind: .service) }
        d.runTo(3600)
        d.send(.finish)
        let expected = DesignItems.designHasEstimates ? ["late-deep-dive@3600", "no-estimate@3600"] : ["late-deep-dive@3600"]
        #expect(Set(d.flags) == Set(expected), "only the deep dive, never reached, is flagged")
        #expect(d.record.timeline.first?.tags.contains("non-functional") == true)
    }

    /// Every built-in plan, strict and not, under a random mix of pauses, extra minutes, phase
    /// changes back and forth and design edits, to well past its end: nothing crashes, and the
    /// timeline stays consistent.
    @Test(arguments: ["standard", "short"], [false, true])
    func everyPlanStaysConsistentUnderRandomUse(_ planName: String, _ strict: Bool) throws {
        let plan = try PlanLoader.load(contentsOf: builtInPlans.appendingPathComponent(planName + ".json"))
        let problem = try ProblemLoader.load(contentsOf: builtInProblems.appendingPathComponent("url-shortener.json"))
        for seed in UInt64(1)...4 {
            var rng = SeededGenerator(seed: seed)
            var s = InterviewSession(plan: plan, problem: problem.key, autoAdvance: strict)
            s.prepareCoaching(problem: problem, seed: Int(seed), curveball: true)
            var d = CoachDriver(s)
            d.send(.start)
            // One action every 5 wall seconds, for two and a half times the plan's length.
            for _ in 0..<(plan.totalSeconds / 2) {
                switch rng.int(100) {
                case 0..<3: d.send(.togglePause)
                case 3..<5: d.send(.extend(seconds: 60))
                case 5..<7: d.send(.nextPhase)
                case 7..<8: d.send(.previousPhase)
                case 8..<12: d.edit { $0.addRequirement(rng.int(2) == 0 ? .functional : .nonFunctional, "Need \(rng.int(1000))") }
                case 12..<15: d.edit { $0.addComponent(name: "Box \(rng.int(1000))", kind: .service, responsibility: "retries with backoff") }
                case 15..<16: d.edit { if !$0.components.isEmpty { _ = try? $0.removeComponent($0.components[0].id) } }
                case 16..<17: d.edit { $0.addTradeOff(title: "Choice \(rng.int(100))") }
                case 17..<18: d.edit { d in d.updateStage(.scalability) { $0.notes += " \(rng.int(100))k QPS" } }
                default: break
                }
                d.now += .seconds(4)
                d.wait(1)
            }
            d.send(.finish)
            let r = d.record
            let total = InterviewStatus.floorSeconds(d.session.totalElapsed)
            let t = r.timeline
            #expect(t.map(\.at) == t.map(\.at).sorted(), "\(planName) strict=\(strict) seed=\(seed): times go forward")
            #expect(t.allSatisfy { $0.at >= 0 && $0.at <= total })
            #expect(t.filter { $0.change == .started }.count == 1)
            #expect(t.last?.change == .finished)
            #expect(t.allSatisfy { plan.phases.map(\.key).contains($0.phase) })
            #expect(t.filter { $0.change == .phase }.allSatisfy { e in plan.phases.contains { $0.key == e.id } })
            if let c = r.curveball, let shown = c.shownAt {
                let entered = t.first { $0.change == .phase && $0.id == c.phase }?.at ?? 0
                #expect(shown >= entered, "the curveball comes in its phase or after")
            }
            let review = CoachingReview(record: r)
            #expect(review.flags.map(\.at) == review.flags.map(\.at).sorted())
            #expect(review.flags.allSatisfy { $0.at <= total })
            #expect(review.pending.isEmpty, "a finished interview decides every check")
            // It saves and loads as it was.
            var saved = d.design
            saved.interview = r
            #expect(try DesignCodec.decode(DesignCodec.encode(saved)) == saved)
            #expect(r.problems().isEmpty)
        }
    }
}
