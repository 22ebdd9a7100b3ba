import DesignModel

/// Something the UI should react to once: ring the bell, flash, redraw the header.
public enum InterviewEvent: Equatable, Sendable {
    case started
    /// The phase has used 80 % of its box (including extensions). Given once per phase.
    case phaseWarning(phase: Int)
    /// The phase's box is used up. Given once per box: adding time re-arms it.
    case phaseTimeUp(phase: Int)
    /// The plan's total interview time is used up. Given once per session.
    case interviewTimeUp
    case phaseChanged(from: Int, to: Int)
    case finished

    /// Events worth a bell (or a flash).
    public var alertsUser: Bool {
        switch self {
        case .phaseWarning, .phaseTimeUp, .interviewTimeUp: true
        default: false
        }
    }
}

/// What the user (or the runtime) did to the interview clock.
public enum InterviewInput: Equatable, Sendable {
    /// Starts the clock (or resumes it when paused).
    case start
    case pause
    case resume
    /// Start, pause or resume, whichever applies: the one key for the clock.
    case togglePause
    /// Moves on to the next phase; from the last phase, finishes the interview.
    case nextPhase
    /// Goes back a phase (time then counts on that phase again); after finishing, reopens the
    /// last phase with the clock paused.
    case previousPhase
    /// Lengthens the current phase's box (not the interview). Positive seconds only.
    case extend(seconds: Int)
    case finish
    /// Time passed: folds it in and reports boundaries reached.
    case tick
    /// The program is being suspended (Ctrl-Z, SIGTSTP) / was continued (SIGCONT).
    case suspended
    case resumedFromSuspension
}

/// The interview clock as a pure state machine.
///
/// There is no clock inside: every call takes `now`, a reading of a monotonic clock as a
/// `Duration` since any fixed origin (e.g. `ContinuousClock.now - origin` in the app, plain
/// numbers in tests). Time is folded in on every call, into the current phase while running,
/// into paused time while paused. Calls with a `now` earlier than the last one count nothing.
///
/// Suspension: time between `.suspended` and `.resumedFromSuspension` is not interview time
/// unless `countsSuspendedTime` is set; it is kept in `record.suspendedSeconds` instead.
/// (Pausing is different: the user chose it, and it is shown as paused time.)
///
/// The session's `record` is what goes into `Design.interview`; it holds whole seconds, so use
/// `record(at:)` when saving to include the time since the last call.
public struct InterviewSession: Equatable, Sendable {
    public enum Clock: String, Equatable, Sendable { case notStarted = "not started", running, paused, finished }

    public private(set) var plan: InterviewPlan
    public internal(set) var record: InterviewRecord
    public private(set) var clock: Clock
    public private(set) var isSuspended = false
    /// Count time while the program is suspended as interview time (default: no).
    public var countsSuspendedTime: Bool

    /// Strict mode: when the current phase's box runs out, the next phase starts by itself
    /// (exactly at the boundary, whatever the tick rate); the end of the last phase finishes
    /// the interview. Only crossing a boundary moves on: a phase that is already over time
    /// (after going back to it) keeps counting until the user moves. Saved in the record.
    public var autoAdvance: Bool {
        get { record.autoAdvance }
        set { record.autoAdvance = newValue }
    }

    private var elapsed: [Duration]
    private var pausedTime: Duration
    private var suspendedTime: Duration
    private var last: Duration?

    /// A new session, not started. The clock starts with `.start`.
    public init(plan: InterviewPlan, problem: String? = nil, countsSuspendedTime: Bool = false,
                autoAdvance: Bool = false) {
        precondition(!plan.phases.isEmpty, "a plan has at least one phase (PlanLoader checks this)")
        self.plan = plan
        record = plan.newRecord(problem: problem)
        record.autoAdvance = autoAdvance
        clock = .notStarted
        self.countsSuspendedTime = countsSuspendedTime
        elapsed = Array(repeating: .zero, count: plan.phases.count)
        pausedTime = .zero
        suspendedTime = .zero
    }

    /// Picks up a session saved in a design. The timings come from the record; `plan` (when it
    /// can still be found) supplies each phase's goal and prompts, matched by phase key. A
    /// session that was running when saved comes back paused, with the time spent in its
    /// current phase intact; one that never started comes back not started.
    public init(resuming record: InterviewRecord, plan: InterviewPlan?, now: Duration,
                countsSuspendedTime: Bool = false) throws(InterviewResumeError) {
        let problems = record.problems()
        guard problems.isEmpty else { throw .invalidRecord(problems) }
        var merged = InterviewPlan(record: record)
        if let plan {
            merged.title = record.planTitle.isEmpty ? plan.title : record.planTitle
            merged.summary = plan.summary
            for i in merged.phases.indices {
                if let p = plan.phases.first(where: { $0.key == merged.phases[i].key }) {
                    merged.phases[i].goal = p.goal
                    merged.phases[i].prompts = p.prompts
                    merged.phases[i].avoid = p.avoid
                    if merged.phases[i].stages.isEmpty { merged.phases[i].stages = p.stages }
                }
            }
        }
        self.plan = merged
        self.record = record
        self.countsSuspendedTime = countsSuspendedTime
        elapsed = record.phases.map { .seconds($0.actualSeconds) }
        pausedTime = .seconds(record.pausedSeconds)
        suspendedTime = .seconds(record.suspendedSeconds)
        last = now
        if record.finished {
            clock = .finished
            self.record.currentPhase = record.phases.count
        } else {
            clock = record.started ? .paused : .notStarted
            self.record.currentPhase = min(record.currentPhase, record.phases.count - 1)
        }
        sync()
    }

    // MARK: driving the clock

    /// Applies an input at `now` and returns what the UI should react to, in order. Time up to
    /// `now` is folded in first, so boundaries passed before the input are reported before it.
    @discardableResult
    public mutating func send(_ input: InterviewInput, at now: Duration) -> [InterviewEvent] {
        var events = advance(to: now)
        let count = plan.phases.count
        switch input {
        case .tick:
            break
        case .start:
            if clock == .notStarted {
                clock = .running
                record.started = true
                stamp(.started)
                events.append(.started)
            } else if clock == .paused {
                clock = .running
            }
        case .pause:
            if clock == .running {
                clock = .paused
                record.pauses = min(record.pauses.clampedAdding(1), InterviewRecord.maximumPauses)
            }
        case .resume:
            if clock == .paused { clock = .running }
        case .togglePause:
            switch clock {
            case .notStarted: return events + send(.start, at: now)
            case .running: return events + send(.pause, at: now)
            case .paused: return events + send(.resume, at: now)
            case .finished: break
            }
        case .nextPhase:
            guard clock != .finished else { break }
            let from = record.currentPhase
            if from + 1 < count {
                record.currentPhase = from + 1
                stampPhase()
                events.append(.phaseChanged(from: from, to: from + 1))
            } else {
                events += send(.finish, at: now)
            }
        case .previousPhase:
            if clock == .finished {
                clock = .paused
                record.finished = false
                record.currentPhase = count - 1
                stampPhase()
                events.append(.phaseChanged(from: count, to: count - 1))
            } else if record.currentPhase > 0 {
                let from = record.currentPhase
                record.currentPhase = from - 1
                stampPhase()
                events.append(.phaseChanged(from: from, to: from - 1))
            }
        case .extend(let seconds):
            guard clock != .finished, seconds > 0 else { break }
            let i = record.currentPhase
            // Held within the record's range, however often time is added.
            record.phases[i].extraSeconds = min(record.phases[i].extraSeconds.clampedAdding(seconds),
                                                InterviewRecord.maximumSeconds)
            if elapsed[i] < .seconds(record.phases[i].allowedSeconds) { record.phases[i].timeUp = false }
        case .finish:
            guard clock != .finished else { break }
            stamp(.finished)
            clock = .finished
            record.finished = true
            record.currentPhase = count
            events.append(.finished)
        case .suspended:
            isSuspended = true
        case .resumedFromSuspension:
            isSuspended = false
        }
        sync()
        return events
    }

    /// Folds in the time since the last call and reports boundaries it crossed.
    private mutating func advance(to now: Duration) -> [InterviewEvent] {
        defer { sync() }
        guard let previous = last else { last = now; return [] }
        guard now > previous else { return [] }
        let dt = now - previous
        last = now
        switch clock {
        case .running where isSuspended && !countsSuspendedTime:
            suspendedTime += dt
            return []
        case .running:
            var rest = dt
            var events: [InterviewEvent] = []
            while record.autoAdvance {
                // Strict mode: stop exactly at the end of the box and carry the rest over.
                let i = record.currentPhase
                let room = Duration.seconds(record.phases[i].allowedSeconds) - elapsed[i]
                guard room > .zero, rest >= room else { break }
                elapsed[i] += room
                rest -= room
                events += boundaries()
                if i + 1 < plan.phases.count {
                    record.currentPhase = i + 1
                    stampPhase()
                    events.append(.phaseChanged(from: i, to: i + 1))
                } else {
                    stamp(.finished)
                    clock = .finished
                    record.finished = true
                    record.currentPhase = plan.phases.count
                    events.append(.finished)
                    return events
                }
            }
            elapsed[record.currentPhase] += rest
            return events + boundaries()
        case .paused:
            pausedTime += dt
            return []
        case .notStarted, .finished:
            return []
        }
    }

    private mutating func boundaries() -> [InterviewEvent] {
        var events: [InterviewEvent] = []
        let i = record.currentPhase
        let allowed = Duration.seconds(record.phases[i].allowedSeconds)
        if !record.phases[i].warned && elapsed[i] * 5 >= allowed * 4 {
            record.phases[i].warned = true
            events.append(.phaseWarning(phase: i))
        }
        if !record.phases[i].timeUp && elapsed[i] >= allowed {
            record.phases[i].timeUp = true
            // Reaching the end also counts as having been warned.
            record.phases[i].warned = true
            events.append(.phaseTimeUp(phase: i))
        }
        if !record.timeUp && totalElapsed >= .seconds(plan.totalSeconds) {
            record.timeUp = true
            events.append(.interviewTimeUp)
        }
        return events
    }

    /// Writes the exact times into the record as whole seconds, held within the record's
    /// range (a clock left running for over a year stops counting there).
    private mutating func sync() {
        for i in elapsed.indices { record.phases[i].actualSeconds = Self.roundedSeconds(elapsed[i]) }
        record.pausedSeconds = Self.roundedSeconds(pausedTime)
        record.suspendedSeconds = Self.roundedSeconds(suspendedTime)
    }

    // MARK: convenience

    @discardableResult public mutating func start(at now: Duration) -> [InterviewEvent] { send(.start, at: now) }
    @discardableResult public mutating func pause(at now: Duration) -> [InterviewEvent] { send(.pause, at: now) }
    @discardableResult public mutating func resume(at now: Duration) -> [InterviewEvent] { send(.resume, at: now) }
    @discardableResult public mutating func togglePause(at now: Duration) -> [InterviewEvent] { send(.togglePause, at: now) }
    @discardableResult public mutating func nextPhase(at now: Duration) -> [InterviewEvent] { send(.nextPhase, at: now) }
    @discardableResult public mutating func previousPhase(at now: Duration) -> [InterviewEvent] { send(.previousPhase, at: now) }
    @discardableResult public mutating func extend(by seconds: Int = 60, at now: Duration) -> [InterviewEvent] {
        send(.extend(seconds: seconds), at: now)
    }
    @discardableResult public mutating func finish(at now: Duration) -> [InterviewEvent] { send(.finish, at: now) }
    @discardableResult public mutating func tick(at now: Duration) -> [InterviewEvent] { send(.tick, at: now) }
    @discardableResult public mutating func suspend(at now: Duration) -> [InterviewEvent] { send(.suspended, at: now) }
    @discardableResult public mutating func resumeAfterSuspension(at now: Duration) -> [InterviewEvent] {
        send(.resumedFromSuspension, at: now)
    }

    // MARK: self-assessment

    public mutating func setScore(_ dimension: InterviewRecord.Dimension, _ value: Int?) throws(InterviewRecordError) {
        try record.setScore(dimension, value)
    }

    public mutating func setAssessmentNote(_ note: String) { record.assessmentNote = note }

    // MARK: reading

    /// The record with the time up to `now` folded in: what to store in `Design.interview`.
    public func record(at now: Duration) -> InterviewRecord {
        var copy = self
        _ = copy.advance(to: now)
        return copy.record
    }

    /// Everything the header needs, as of `now` (does not change the session).
    public func status(at now: Duration) -> InterviewStatus {
        var copy = self
        _ = copy.advance(to: now)
        return copy.currentStatus
    }

    /// How long until the displayed time next changes (a whole second of the phase or the
    /// total); nil when the clock is not running. Arm one timer for this long, then send `.tick`.
    /// Zero when something is due already: in strict mode the last phase ran out since the last
    /// call, and the tick at `now` reports the finish.
    public func nextTickDelay(at now: Duration) -> Duration? {
        guard clock == .running, !isSuspended || countsSuspendedTime else { return nil }
        var copy = self
        _ = copy.advance(to: now)
        guard copy.clock == .running, plan.phases.indices.contains(copy.record.currentPhase) else { return .zero }
        func untilNextSecond(_ d: Duration) -> Duration {
            let frac = d - .seconds(d.components.seconds)
            return frac > .zero ? .seconds(1) - frac : .seconds(1)
        }
        let i = copy.record.currentPhase
        return min(untilNextSecond(copy.elapsed[i]), untilNextSecond(copy.totalElapsed))
    }

    /// Exact interview time spent in a phase so far (as of the last call).
    public func elapsed(inPhase index: Int) -> Duration { elapsed[index] }

    public var totalElapsed: Duration { elapsed.reduce(.zero, +) }

    public var currentPhaseIndex: Int { record.currentPhase }

    /// The phase in progress; nil once finished.
    public var currentPhase: InterviewPlan.Phase? {
        plan.phases.indices.contains(record.currentPhase) ? plan.phases[record.currentPhase] : nil
    }

    private var currentStatus: InterviewStatus {
        let count = plan.phases.count
        let i = record.currentPhase
        let total = Duration.seconds(plan.totalSeconds)
        var s = InterviewStatus(clock: clock, suspended: isSuspended, phaseIndex: i, phaseCount: count,
                                phase: currentPhase, planTitle: plan.title,
                                elapsed: .zero, allowed: .zero, remaining: .zero,
                                totalElapsed: totalElapsed, totalRemaining: total - totalElapsed)
        s.loggedSeconds = elapsed.lazy.map { Self.roundedSeconds($0) }.clampedSum()
        s.plannedSeconds = plan.totalSeconds
        if i < count {
            s.elapsed = elapsed[i]
            s.allowed = .seconds(record.phases[i].allowedSeconds)
            s.remaining = s.allowed - s.elapsed
        }
        return s
    }

    /// Whole seconds, rounded to nearest, within `0...InterviewRecord.maximumSeconds`.
    static func roundedSeconds(_ d: Duration) -> Int {
        let c = d.components
        let s = Int(c.seconds).clampedAdding(c.attoseconds >= 500_000_000_000_000_000 ? 1 : 0)
        return min(max(s, 0), InterviewRecord.maximumSeconds)
    }
}

public enum InterviewResumeError: Error, Equatable, CustomStringConvertible {
    case invalidRecord([String])

    public var description: String {
        switch self {
        case .invalidRecord(let p): "the saved interview cannot be resumed: " + p.joined(separator: "; ")
        }
    }
}

/// A snapshot of the clock for drawing the header.
public struct InterviewStatus: Equatable, Sendable {
    public enum Level: String, Equatable, Sendable {
        case normal
        /// 80 % of the phase's box used: change colour.
        case warning
        /// The phase's box is used up.
        case over
    }

    public var clock: InterviewSession.Clock
    public var suspended: Bool
    /// Index of the current phase; equals `phaseCount` once finished.
    public var phaseIndex: Int
    public var phaseCount: Int
    public var phase: InterviewPlan.Phase?
    public var planTitle: String
    /// Time in the current phase, its box (with extensions) and what is left (negative = over).
    public var elapsed: Duration
    public var allowed: Duration
    public var remaining: Duration
    public var totalElapsed: Duration
    /// The total as the timing log records it (the sum of each phase's rounded seconds), so the
    /// header, the summary screen and the report show the same figure.
    public var loggedSeconds = 0
    /// The plan's total length.
    public var plannedSeconds = 0
    /// Time left of the plan's total (extensions do not move the end of the interview).
    public var totalRemaining: Duration

    /// Share of the phase's box used: 0 at the start, 1 at time up, above 1 when over.
    public var fraction: Double {
        allowed > .zero ? Self.seconds(elapsed) / Self.seconds(allowed) : 0
    }

    public var level: Level {
        guard allowed > .zero else { return .normal }
        if elapsed >= allowed { return .over }
        if elapsed * 5 >= allowed * 4 { return .warning }
        return .normal
    }

    /// Remaining seconds as a countdown shows them (rounded up: 5:00 until a whole second has
    /// passed, 0:00 exactly at time up, then -0:01 ...).
    public var remainingSeconds: Int { Self.ceilSeconds(remaining) }
    public var totalRemainingSeconds: Int { Self.ceilSeconds(totalRemaining) }

    public var isFinished: Bool { clock == .finished }

    /// e.g. `Deep dive 4/6 · 12:04 left · total 41:20 left · paused`. Over time: `2:10 over`,
    /// `total 3:05 over`. The total is the summary's: the plan's length against the timing log
    /// (each phase's rounded seconds), so the header never disagrees with the summary screen.
    public var headerText: String {
        guard let phase else {
            let over = loggedSeconds - plannedSeconds
            return "Interview finished · \(TimeFormat.clock(loggedSeconds)) used"
                + (over > 0 ? " · \(TimeFormat.clock(over)) over" : "")
        }
        var out = "\(phase.title) \(phaseIndex + 1)/\(phaseCount) · \(Self.leftOrOver(remainingSeconds))"
            + " · total \(Self.leftOrOver(totalLeftSeconds))"
        switch clock {
        case .notStarted: out += " · not started"
        case .paused: out += " · paused"
        default: break
        }
        if suspended { out += " · suspended" }
        return out
    }

    /// The header text for narrow screens: phase number and the phase's time left or over, in
    /// the same words as the wide header. (The badge's icon says whether the clock runs.)
    public var compactHeaderText: String {
        guard phase != nil else { return "done" }
        return "\(phaseIndex + 1)/\(phaseCount) \(Self.leftOrOver(remainingSeconds))"
    }

    /// The plan's total minus the logged total: what the summary's Total row leaves (negative:
    /// the summary's overrun).
    public var totalLeftSeconds: Int { plannedSeconds - loggedSeconds }

    /// The one notation for times on the clock: `4:10 left`, `0:00 left`, `2:05 over`.
    public static func leftOrOver(_ seconds: Int) -> String {
        seconds >= 0 ? "\(TimeFormat.clock(seconds)) left" : "\(TimeFormat.clock(-seconds)) over"
    }

    static func seconds(_ d: Duration) -> Double {
        let c = d.components
        return Double(c.seconds) + Double(c.attoseconds) * 1e-18
    }

    static func ceilSeconds(_ d: Duration) -> Int { clampedInt(seconds(d).rounded(.up)) }
    static func floorSeconds(_ d: Duration) -> Int { clampedInt(seconds(d).rounded(.down)) }

    /// `Int(x)` without trapping: held at about ±2^62 (far beyond any clock).
    static func clampedInt(_ x: Double) -> Int {
        guard x.isFinite else { return x.isNaN ? 0 : (x > 0 ? 1 << 62 : -(1 << 62)) }
        return Int(min(max(x, -4.0e18), 4.0e18))
    }
}
