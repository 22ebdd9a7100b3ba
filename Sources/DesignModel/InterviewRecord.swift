import Foundation

/// What a mock interview left in the design: the plan followed, the time spent per phase,
/// and the candidate's own assessment afterwards.
public struct InterviewRecord: Codable, Equatable, Sendable {
    public struct PhaseLog: Codable, Equatable, Sendable {
        /// The phase's key in its plan ("clarify", "estimate", ...).
        public var key: String
        public var title: String
        public var plannedSeconds: Int
        /// Interview time actually spent in the phase (paused time excluded).
        public var actualSeconds: Int

        public init(key: String, title: String, plannedSeconds: Int, actualSeconds: Int = 0) {
            self.key = key
            self.title = title
            self.plannedSeconds = plannedSeconds
            self.actualSeconds = actualSeconds
        }

        /// Seconds over plan; zero when the phase finished early or on time.
        public var overrunSeconds: Int { max(0, actualSeconds - plannedSeconds) }
    }

    public enum Dimension: String, Codable, CaseIterable, Sendable {
        case requirements, estimation, highLevelDesign = "high-level-design"
        case deepDive = "deep-dive", tradeOffs = "trade-offs", communication
    }

    /// The plan followed ("standard", "short", or a user plan's name).
    public var plan: String
    /// The practice problem's key, when the session started from one.
    public var problem: String?
    public var phases: [PhaseLog]
    /// Index of the phase in progress; equal to `phases.count` once the interview finished.
    public var currentPhase: Int
    public var finished: Bool
    /// Self-assessment, 1 (weak) to 4 (strong), per dimension.
    public var scores: [String: Int]
    public var assessmentNote: String

    public init(plan: String, problem: String? = nil, phases: [PhaseLog], currentPhase: Int = 0,
                finished: Bool = false, scores: [String: Int] = [:], assessmentNote: String = "") {
        self.plan = plan
        self.problem = problem
        self.phases = phases
        self.currentPhase = currentPhase
        self.finished = finished
        self.scores = scores
        self.assessmentNote = assessmentNote
    }
}
