import DesignModel
import Foundation
import Testing
@testable import Workspace

/// The recovery copy's timing, driven by a fake monotonic clock: the runtime loop is simulated
/// exactly as it runs (wait for input up to `wait`, observe, write when due), with keys arriving
/// at scripted times.
@Suite struct RecoveryScheduleTests {
    /// A runtime loop in miniature: events at given times (in ms), idle waits in between.
    struct Loop {
        var state = makeState(components: 3)
        var schedule: RecoverySchedule
        var now = Duration.zero
        var writes: [(at: Duration, design: Design)] = []

        init() { schedule = RecoverySchedule(copied: makeState(components: 3).design, now: .zero) }

        /// Runs until `until`, delivering `events` (time in ms, change to make) on the way.
        mutating func run(until: Duration, events: [(Int, (inout AppState) -> Void)]) {
            var pending = events.map { (Duration.milliseconds($0.0), $0.1) }
            while now < until {
                let wait = schedule.wait(state, now: now)
                #expect(wait > .zero && wait <= RecoverySchedule.idleWait)
                let previous = state
                if let next = pending.first, next.0 <= now + wait {
                    now = max(now, next.0)
                    next.1(&state)
                    pending.removeFirst()
                } else {
                    now += wait
                }
                schedule.observe(state, previous: previous, now: now)
                if schedule.isDue(state, now: now) {
                    writes.append((now, RecoveryContent.design(state)))
                    schedule.wrote(RecoveryContent.design(state), now: now)
                } else if schedule.isObsolete(state) {
                    schedule.cleared(state.design)
                }
            }
        }
    }

    static func rename(_ name: String) -> (inout AppState) -> Void {
        { $0.design.components[0].name = name }
    }

    static func log(seconds: Int) -> InterviewRecord {
        InterviewRecord(plan: "standard", phases: [
            .init(key: "clarify", title: "Clarify", plannedSeconds: 600, actualSeconds: seconds),
        ])
    }

    @Test func theCopyFollowsTheLastEditWithinTwoSeconds() {
        var loop = Loop()
        // A burst of typing, then a pause.
        let keys = (0..<20).map { i in (1_000 + i * 150, Self.rename("Cache \(i)")) }
        loop.run(until: .seconds(10), events: keys)
        let lastEdit = Duration.milliseconds(1_000 + 19 * 150)
        #expect(loop.writes.count <= 3, "not a write per key: \(loop.writes.map(\.at))")
        let write = try! #require(loop.writes.last)
        #expect(write.design.components[0].name == "Cache 19")
        #expect(write.at - lastEdit <= .seconds(2))
        Self.expectNoEditWaitsLongerThanTwoSeconds(loop, edits: keys.map { Duration.milliseconds($0.0) })
    }

    /// Every edit is in a copy written within 2 s of it.
    static func expectNoEditWaitsLongerThanTwoSeconds(_ loop: Loop, edits: [Duration],
                                                      sourceLocation: SourceLocation = #_sourceLocation) {
        for edit in edits {
            let covered = loop.writes.first { $0.at >= edit }
            #expect(covered != nil && covered!.at - edit <= .seconds(2),
                    "the edit at \(edit) waited until \(String(describing: covered?.at))", sourceLocation: sourceLocation)
        }
    }

    @Test("steady editing that never pauses is copied at most 2 s behind (issue 10, item 8)")
    func continuousEditingIsCopiedWithoutAPause() {
        var loop = Loop()
        // An edit every half second for eight seconds, as the reliability script types.
        let edits = (0..<16).map { i in (500 + i * 500, Self.rename("Edit \(i)")) }
        loop.run(until: .milliseconds(8_400), events: edits)
        #expect(!loop.writes.isEmpty, "no copy at all while editing went on")
        Self.expectNoEditWaitsLongerThanTwoSeconds(loop, edits: edits.map { Duration.milliseconds($0.0) }.dropLast(1))
        // At the moment of a kill -9 just before the end, the copy is at most 2 s behind.
        let last = try! #require(loop.writes.last)
        #expect(Duration.milliseconds(8_000) - last.at <= .seconds(2))
        #expect(last.design.components[0].name.hasPrefix("Edit "))
        // And faster typing still: a key every 100 ms for a minute.
        var fast = Loop()
        let keys = (0..<600).map { i in (100 + i * 100, Self.rename("Key \(i)")) }
        fast.run(until: .seconds(61), events: keys)
        Self.expectNoEditWaitsLongerThanTwoSeconds(fast, edits: keys.map { Duration.milliseconds($0.0) })
        #expect(fast.writes.count <= 61 * 1_000 / 1_500 + 2, "about one write per maximum delay: \(fast.writes.count)")
    }

    @Test func aFailedWriteIsRetriedLaterNotOnEveryLoop() {
        var schedule = RecoverySchedule(copied: makeState(components: 1).design, now: .zero)
        var state = makeState(components: 1)
        let before = state
        state.design.components[0].name = "Edited"
        schedule.observe(state, previous: before, now: .seconds(1))
        #expect(schedule.isDue(state, now: .seconds(2)))
        schedule.failed(now: .seconds(2))
        #expect(!schedule.isDue(state, now: .seconds(3)), "no retry at once")
        #expect(schedule.wait(state, now: .seconds(3)) == RecoverySchedule.idleWait)
        #expect(schedule.wait(state, now: .milliseconds(6_500)) == .milliseconds(500))
        #expect(schedule.isDue(state, now: .seconds(7)))
        schedule.wrote(state.design, now: .seconds(7))
        #expect(!schedule.isPending(state))
    }

    @Test("text typed into an open form is in the copy")
    func openFormsAreCopied() throws {
        var loop = Loop()
        // Opening the form alone makes no copy.
        loop.run(until: .seconds(3), events: [(100, { s in _ = Workspace.reduce(&s, .key(.char("a")), env) })])
        #expect(loop.writes.isEmpty, "an untouched new-item form adds nothing")
        // Typing a requirement into it does, without confirming the form.
        let typing = "Keep every edit".enumerated().map { i, c in
            (3_100 + i * 120, { (s: inout AppState) in _ = Workspace.reduce(&s, .key(.char(c)), env) })
        }
        loop.run(until: .seconds(8), events: typing)
        let copy = try #require(loop.writes.last?.design)
        #expect(copy.requirements.map(\.text) == ["Keep every edit"])
        #expect(loop.state.design.requirements.isEmpty, "the document itself is unchanged until Enter")
        #expect(loop.state.topForm != nil)
        // Stage notes being written, too.
        var notes = makeState()
        _ = Workspace.reduce(&notes, .key(.char("c")), env)
        _ = Workspace.reduce(&notes, .key(.char("n")), env)
        type(&notes, "half a thought")
        #expect(RecoveryContent.design(notes).stages.first { $0.stage == .requirements }?.notes == "half a thought")
    }

    @Test func aLongSessionOfEditsIsCopiedAfterEveryPause() {
        var loop = Loop()
        loop.run(until: .seconds(30), events: [
            (500, Self.rename("A")), (4_000, Self.rename("B")), (4_300, Self.rename("C")),
            (12_000, { $0.design.components.removeLast() }),
        ])
        #expect(loop.writes.map(\.design.components.count) == [3, 3, 2])
        #expect(loop.writes.map(\.design.components[0].name) == ["A", "C", "C"])
        for (write, edit) in zip(loop.writes.map(\.at), [500, 4_300, 12_000].map(Duration.milliseconds)) {
            #expect(write - edit >= RecoverySchedule.quietPeriod && write - edit <= .seconds(2))
        }
        #expect(loop.schedule.isPending(loop.state) == false, "the copy holds the last edit")
    }

    @Test func nothingIsWrittenWhileTheDocumentIsClean() {
        var loop = Loop()
        loop.run(until: .seconds(20), events: [])
        #expect(loop.writes.isEmpty)
        // An edit undone before the pause ends writes nothing either.
        let original = loop.state.design.components[0].name
        loop.run(until: .seconds(40), events: [(20_100, Self.rename("X")), (20_400, Self.rename(original))])
        #expect(loop.writes.isEmpty)
    }

    @Test func aCopyOfAnUndoneEditIsObsolete() {
        var loop = Loop()
        let original = loop.state.design.components[0].name
        loop.run(until: .seconds(5), events: [(100, Self.rename("X"))])
        #expect(loop.writes.count == 1)
        loop.state.design.components[0].name = original
        #expect(loop.schedule.isObsolete(loop.state), "the runtime removes the copy")
        #expect(!loop.schedule.isPending(loop.state))
    }

    @Test func interviewTicksAloneAreCopiedAtMostEveryTenSeconds() {
        var loop = Loop()
        loop.run(until: .seconds(3), events: [(100, Self.rename("X"))])
        #expect(loop.writes.count == 1)
        // The interview log changes every second from now on; no other edit.
        let ticks = (4...60).map { s in
            (s * 1_000, { (state: inout AppState) in
                state.design.interview = Self.log(seconds: s)
            })
        }
        loop.run(until: .seconds(61), events: ticks)
        let tickWrites = loop.writes.dropFirst().map(\.at)
        #expect(!tickWrites.isEmpty)
        for (a, b) in zip([loop.writes[0].at] + tickWrites, tickWrites) {
            #expect(b - a >= RecoverySchedule.clockOnlyInterval, "ticks copied \(b - a) apart")
        }
    }

    @Test func aRealEditDuringTheInterviewIsCopiedAfterThePauseNotTenSecondsLater() {
        var schedule = RecoverySchedule(copied: makeState(components: 1).design, now: .zero)
        var state = makeState(components: 1)
        let before = state.design
        state.design.interview = Self.log(seconds: 5)
        schedule.observe(content: state.design, previous: before, now: .seconds(5))
        #expect(schedule.isDue(state, now: .seconds(9)) == false, "a clock-only change waits")
        let ticked = state.design
        state.design.components[0].name = "Edited"
        schedule.observe(content: state.design, previous: ticked, now: .seconds(6))
        #expect(!schedule.isDue(state, now: .milliseconds(6_900)))
        #expect(schedule.isDue(state, now: .seconds(7)))
        #expect(schedule.wait(state, now: .milliseconds(6_500)) == .milliseconds(500))
    }

    @Test func anotherDocumentStartsWithNothingCopied() {
        var schedule = RecoverySchedule(copied: makeState().design, now: .zero)
        schedule.forget()
        var state = makeState()
        #expect(!schedule.isPending(state), "a clean document needs no copy")
        state.design.title = "Changed"
        #expect(schedule.isPending(state))
        #expect(schedule.isDue(state, now: .seconds(2)))
    }
}
