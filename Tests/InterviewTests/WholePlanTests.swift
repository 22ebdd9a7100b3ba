import DesignModel
import Foundation
import Testing
@testable import Interview

/// Every built-in plan driven from the start to well past its end, the way the workspace's run
/// loop drives it: sleep for `nextTickDelay`, then `.tick`, with the user's keys (pause, `+`,
/// `]`, `[`) at scripted moments. A crash anywhere fails the whole test run.
@Suite struct WholePlanTests {
    static let plans = ["standard", "short"]

    /// The run loop in miniature: waits as the runtime would (at most a second when the clock
    /// does not run), ticks, and sends scripted inputs when their time comes.
    struct Loop {
        var session: InterviewSession
        var now: Duration = .seconds(5_000)
        var events: [InterviewEvent] = []
        var delays: [Duration] = []

        mutating func run(for seconds: Int, inputs: [(Int, InterviewInput)] = []) {
            let start = now
            let end = now + .seconds(seconds)
            var pending = inputs.map { (start + .seconds($0.0), $0.1) }
            while now < end {
                let delay = session.nextTickDelay(at: now)
                if let delay {
                    #expect(delay >= .zero && delay <= .seconds(1), "a tick is due within a second: \(delay)")
                    delays.append(delay)
                }
                var next = min(end, now + (delay ?? .seconds(1)))
                if let input = pending.first, input.0 <= next {
                    next = max(now, input.0)
                    now = next
                    events += session.send(input.1, at: now)
                    pending.removeFirst()
                    continue
                }
                // A due tick of zero still makes progress: the tick at `now` reports it.
                now = next == now ? now + .milliseconds(1) : next
                events += session.tick(at: now)
            }
        }
    }

    static func plan(_ name: String) throws -> InterviewPlan {
        try PlanLoader.load(contentsOf: builtInPlans.appendingPathComponent("\(name).json"))
    }

    @Test("a strict interview runs out by itself and finishes", arguments: plans)
    func strictRunsToTheEnd(name: String) throws {
        let plan = try Self.plan(name)
        var loop = Loop(session: InterviewSession(plan: plan, problem: "url-shortener", autoAdvance: true))
        loop.session.start(at: loop.now)
        // Well past the end: the plan's total and twenty minutes more.
        loop.run(for: plan.totalSeconds + 1_200)
        #expect(loop.session.clock == .finished)
        #expect(loop.session.nextTickDelay(at: loop.now) == nil, "a finished clock needs no ticks")
        #expect(loop.events.filter { $0 == .finished }.count == 1)
        let record = loop.session.record(at: loop.now)
        #expect(record.problems().isEmpty)
        #expect(record.phases.map(\.actualSeconds) == plan.phases.map(\.plannedSeconds),
                "strict mode moves on exactly at each boundary")
        #expect(record.currentPhase == plan.phases.count)
        #expect(loop.session.status(at: loop.now).headerText.hasPrefix("Interview finished"))
    }

    @Test("every key on the way, strict and not", arguments: plans, [false, true])
    func keysOnTheWay(name: String, strict: Bool) throws {
        let plan = try Self.plan(name)
        var loop = Loop(session: InterviewSession(plan: plan, problem: "url-shortener", autoAdvance: strict))
        loop.session.start(at: loop.now)
        let first = plan.phases[0].plannedSeconds
        loop.run(for: plan.totalSeconds * 2, inputs: [
            (60, .pause), (180, .resume),
            (first - 30, .extend(seconds: 60)),
            (first + 200, .nextPhase),
            (first + 260, .previousPhase),
            (first + 300, .extend(seconds: 60)),
            (first + 400, .nextPhase),
            (first + 410, .nextPhase),
        ])
        let record = loop.session.record(at: loop.now)
        #expect(record.problems().isEmpty)
        #expect(record.pauses == 1)
        #expect(record.pausedSeconds == 120)
        if strict {
            #expect(loop.session.clock == .finished, "the last phase ran out by itself")
        } else {
            #expect(loop.session.clock == .running, "without --strict the last phase keeps counting")
            #expect(loop.session.nextTickDelay(at: loop.now) != nil)
            #expect(loop.session.currentPhaseIndex < plan.phases.count)
        }
        // Past the end, the last phase and the finished state take every key without trouble.
        for input: InterviewInput in [.nextPhase, .extend(seconds: 60), .previousPhase, .togglePause,
                                      .togglePause, .nextPhase, .nextPhase, .previousPhase] {
            loop.run(for: 5, inputs: [(1, input)])
            #expect(loop.session.record(at: loop.now).problems().isEmpty)
        }
        loop.run(for: 3_600)
    }

    @Test("the tick due at the very end of a strict plan", arguments: plans)
    func delayAtTheLastBoundary(name: String) throws {
        let plan = try Self.plan(name)
        var session = InterviewSession(plan: plan, autoAdvance: true)
        session.start(at: .zero)
        session.tick(at: .seconds(plan.totalSeconds - 1))
        #expect(session.clock == .running)
        // Asked after the last phase has run out but before the tick that reports it.
        let late = Duration.seconds(plan.totalSeconds) + .milliseconds(300)
        let delay = try #require(session.nextTickDelay(at: late))
        #expect(delay == .zero, "the finish is due now: tick at once")
        #expect(session.tick(at: late).contains(.finished))
        #expect(session.nextTickDelay(at: late + .seconds(1)) == nil)
    }
}
