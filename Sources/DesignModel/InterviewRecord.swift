import Foundation

/// What a mock interview left in the design: the plan followed, the time spent per phase,
/// the clock's state when it was last saved (so a session can be resumed after quitting),
/// and the candidate's own assessment afterwards.
///
/// All times are whole seconds of interview time. Only `plan` and `phases` are required when
/// reading; every other field has a default, so older or hand-written logs still load.
public struct InterviewRecord: Codable, Equatable, Sendable {
    public struct PhaseLog: Codable, Equatable, Sendable {
        /// The phase's key in its plan ("clarify", "estimate", ...).
        public var key: String
        public var title: String
        /// The plan's timebox for the phase.
        public var plannedSeconds: Int
        /// Time added during the session ("one more minute"). It lengthens this phase's box,
        /// not the interview: the total stays at the plan's length.
        public var extraSeconds: Int
        /// Interview time actually spent in the phase (paused and suspended time excluded).
        public var actualSeconds: Int
        /// Checklist stages the phase feeds (copied from the plan, for reports).
        public var stages: [StageKey]
        /// The 80 % warning was given, so a resumed session does not give it again.
        public var warned: Bool
        /// The time-up alert was given for the current box (re-armed by an extension).
        public var timeUp: Bool

        public init(key: String, title: String, plannedSeconds: Int, extraSeconds: Int = 0,
                    actualSeconds: Int = 0, stages: [StageKey] = [], warned: Bool = false, timeUp: Bool = false) {
            self.key = key
            self.title = title
            self.plannedSeconds = plannedSeconds
            self.extraSeconds = extraSeconds
            self.actualSeconds = actualSeconds
            self.stages = stages
            self.warned = warned
            self.timeUp = timeUp
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            key = try c.decode(String.self, forKey: .key)
            title = try c.decodeIfPresent(String.self, forKey: .title) ?? key
            plannedSeconds = try c.decode(Int.self, forKey: .plannedSeconds)
            extraSeconds = try c.decodeIfPresent(Int.self, forKey: .extraSeconds) ?? 0
            actualSeconds = try c.decodeIfPresent(Int.self, forKey: .actualSeconds) ?? 0
            stages = try c.decodeIfPresent([StageKey].self, forKey: .stages) ?? []
            warned = try c.decodeIfPresent(Bool.self, forKey: .warned) ?? false
            timeUp = try c.decodeIfPresent(Bool.self, forKey: .timeUp) ?? false
        }

        /// The phase's box including extensions.
        public var allowedSeconds: Int { plannedSeconds.clampedAdding(extraSeconds) }

        /// Seconds over the plan's timebox (extensions do not excuse an overrun); zero when
        /// the phase finished early or on time.
        public var overrunSeconds: Int { max(0, actualSeconds.clampedSubtracting(plannedSeconds)) }
    }

    /// The self-assessment dimensions, in the order they are asked.
    public enum Dimension: String, Codable, CaseIterable, Sendable {
        case requirements, estimation, highLevelDesign = "high-level-design"
        case deepDive = "deep-dive", scalabilityReliability = "scalability-reliability"
        case tradeOffs = "trade-offs", communication

        public var title: String {
            switch self {
            case .requirements: "Requirements"
            case .estimation: "Estimation"
            case .highLevelDesign: "High-level design"
            case .deepDive: "Deep dive"
            case .scalabilityReliability: "Scalability and reliability"
            case .tradeOffs: "Trade-offs"
            case .communication: "Communication"
            }
        }

        /// What the dimension asks, for the assessment screen.
        public var question: String {
            switch self {
            case .requirements: "Did you pin down functional and non-functional requirements before designing?"
            case .estimation: "Did you size users, requests per second, storage and bandwidth, and use the numbers?"
            case .highLevelDesign: "Was the big picture clear: components, data flow, storage, APIs?"
            case .deepDive: "Did you go deep on the hard parts (schema, algorithms, consistency)?"
            case .scalabilityReliability: "Did you find the bottlenecks, scale past them, and say what happens when parts fail?"
            case .tradeOffs: "Did you name alternatives and say why you chose one?"
            case .communication: "Did you think aloud, check in with the interviewer and keep to time?"
            }
        }
    }

    /// Self-assessment scores run from 1 (weak) to 4 (strong).
    public static let scoreRange = 1...4

    /// The plan followed ("standard", "short", or a user plan's name).
    public var plan: String
    /// The plan's title when the session started, for reports.
    public var planTitle: String
    /// The practice problem's key, when the session started from one.
    public var problem: String?
    public var phases: [PhaseLog]
    /// Index of the phase in progress; equal to `phases.count` once the interview finished.
    public var currentPhase: Int
    /// Strict mode: when a phase's box runs out the next phase starts by itself, and the end of
    /// the last phase ends the interview.
    public var autoAdvance: Bool
    /// The clock was started at least once.
    public var started: Bool
    public var finished: Bool
    /// The "interview time is up" alert was given.
    public var timeUp: Bool
    /// Wall time spent paused, and how many times the clock was paused.
    public var pausedSeconds: Int
    public var pauses: Int
    /// Time the program was suspended (Ctrl-Z) while the clock ran and that was not counted.
    public var suspendedSeconds: Int
    /// Self-assessment, 1 (weak) to 4 (strong), keyed by `Dimension` raw value.
    public var scores: [String: Int]
    /// The evidence behind each score, keyed like `scores` (one line each).
    public var evidence: [String: String]
    public var assessmentNote: String
    /// Identifies the attempt in the practice history: set when the clock first starts.
    public var attempt: String?
    /// The seed the interviewer's choices came from, so a resumed session is the same one.
    public var seed: Int?
    /// The curveball planned for this session (nil when off, or for older records).
    public var curveball: Curveball?
    /// Everything that happened, in order: design changes, phases, questions, the curveball.
    public var timeline: [Activity]
    /// The problem's key points as checked when the interview finished.
    public var keyPoints: [KeyPointResult]

    public init(plan: String, planTitle: String = "", problem: String? = nil, phases: [PhaseLog],
                currentPhase: Int = 0, autoAdvance: Bool = false, started: Bool = false, finished: Bool = false, timeUp: Bool = false,
                pausedSeconds: Int = 0, pauses: Int = 0, suspendedSeconds: Int = 0,
                scores: [String: Int] = [:], evidence: [String: String] = [:], assessmentNote: String = "",
                attempt: String? = nil, seed: Int? = nil, curveball: Curveball? = nil,
                timeline: [Activity] = [], keyPoints: [KeyPointResult] = []) {
        self.plan = plan
        self.planTitle = planTitle
        self.problem = problem
        self.phases = phases
        self.currentPhase = currentPhase
        self.autoAdvance = autoAdvance
        self.started = started
        self.finished = finished
        self.timeUp = timeUp
        self.pausedSeconds = pausedSeconds
        self.pauses = pauses
        self.suspendedSeconds = suspendedSeconds
        self.scores = scores
        self.evidence = evidence
        self.assessmentNote = assessmentNote
        self.attempt = attempt
        self.seed = seed
        self.curveball = curveball
        self.timeline = timeline
        self.keyPoints = keyPoints
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        plan = try c.decode(String.self, forKey: .plan)
        planTitle = try c.decodeIfPresent(String.self, forKey: .planTitle) ?? ""
        problem = try c.decodeIfPresent(String.self, forKey: .problem)
        phases = try c.decode([PhaseLog].self, forKey: .phases)
        currentPhase = try c.decodeIfPresent(Int.self, forKey: .currentPhase) ?? 0
        autoAdvance = try c.decodeIfPresent(Bool.self, forKey: .autoAdvance) ?? false
        finished = try c.decodeIfPresent(Bool.self, forKey: .finished) ?? false
        started = try c.decodeIfPresent(Bool.self, forKey: .started)
            ?? (finished || phases.contains { $0.actualSeconds > 0 })
        timeUp = try c.decodeIfPresent(Bool.self, forKey: .timeUp) ?? false
        pausedSeconds = try c.decodeIfPresent(Int.self, forKey: .pausedSeconds) ?? 0
        pauses = try c.decodeIfPresent(Int.self, forKey: .pauses) ?? 0
        suspendedSeconds = try c.decodeIfPresent(Int.self, forKey: .suspendedSeconds) ?? 0
        scores = try c.decodeIfPresent([String: Int].self, forKey: .scores) ?? [:]
        evidence = try c.decodeIfPresent([String: String].self, forKey: .evidence) ?? [:]
        assessmentNote = try c.decodeIfPresent(String.self, forKey: .assessmentNote) ?? ""
        attempt = try c.decodeIfPresent(String.self, forKey: .attempt)
        seed = try c.decodeIfPresent(Int.self, forKey: .seed)
        curveball = try c.decodeIfPresent(Curveball.self, forKey: .curveball)
        timeline = try c.decodeIfPresent([Activity].self, forKey: .timeline) ?? []
        keyPoints = try c.decodeIfPresent([KeyPointResult].self, forKey: .keyPoints) ?? []
    }

    // MARK: totals

    public var totalPlannedSeconds: Int { phases.lazy.map(\.plannedSeconds).clampedSum() }
    public var totalExtraSeconds: Int { phases.lazy.map(\.extraSeconds).clampedSum() }
    public var totalActualSeconds: Int { phases.lazy.map(\.actualSeconds).clampedSum() }
    /// Interview time beyond the plan's total (not the sum of per-phase overruns: time saved in
    /// one phase offsets time lost in another).
    public var totalOverrunSeconds: Int { max(0, totalActualSeconds.clampedSubtracting(totalPlannedSeconds)) }

    // MARK: self-assessment

    public func score(_ dimension: Dimension) -> Int? { scores[dimension.rawValue] }

    /// Sets (or with nil clears) a score; refuses values outside 1...4.
    public mutating func setScore(_ dimension: Dimension, _ value: Int?) throws(InterviewRecordError) {
        guard let value else { scores.removeValue(forKey: dimension.rawValue); return }
        guard Self.scoreRange.contains(value) else { throw .scoreOutOfRange(dimension, value) }
        scores[dimension.rawValue] = value
    }

    /// Dimensions not scored yet, in asking order.
    public var unscoredDimensions: [Dimension] { Dimension.allCases.filter { scores[$0.rawValue] == nil } }

    /// What is wrong with the record, as `path: message` lines (empty when it is sound).
    public func problems() -> [String] {
        var out: [String] = []
        if plan.trimmingCharacters(in: .whitespaces).isEmpty { out.append("interview.plan: empty plan name") }
        if phases.isEmpty { out.append("interview.phases: no phases") }
        if !(0...phases.count).contains(currentPhase) {
            out.append("interview.currentPhase: \(currentPhase) is outside 0...\(phases.count)")
        }
        for p in numberProblems() where !p.path.hasPrefix("interview.currentPhase") && !p.path.hasPrefix("interview.scores.") {
            out.append("\(p.path): \(p.message)")
        }
        for (key, value) in scores.sorted(by: { $0.key < $1.key }) {
            if Dimension(rawValue: key) == nil {
                out.append("interview.scores.\(key): unknown dimension; known: "
                    + Dimension.allCases.map(\.rawValue).joined(separator: ", "))
            } else if !Self.scoreRange.contains(value) {
                out.append("interview.scores.\(key): \(value) is outside 1...4")
            }
        }
        out += coachingProblems()
        return out
    }
}

public enum InterviewRecordError: Error, Equatable, CustomStringConvertible {
    case scoreOutOfRange(InterviewRecord.Dimension, Int)

    public var description: String {
        switch self {
        case .scoreOutOfRange(let d, let v): "\(d.title): score \(v) is outside 1 to 4"
        }
    }
}
