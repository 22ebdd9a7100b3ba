import DesignModel

/// The self-assessment filled in after an interview: 1 (weak) to 4 (strong) per dimension,
/// and a short note.
public struct SelfAssessment: Equatable, Sendable {
    public var scores: [InterviewRecord.Dimension: Int]
    /// A line of evidence behind each score.
    public var evidence: [InterviewRecord.Dimension: String]
    public var note: String

    public init(scores: [InterviewRecord.Dimension: Int] = [:], evidence: [InterviewRecord.Dimension: String] = [:],
                note: String = "") {
        self.scores = scores
        self.evidence = evidence
        self.note = note
    }

    /// The assessment stored in a record (unknown dimension keys are ignored; `problems` on
    /// the record reports them).
    public init(record: InterviewRecord) {
        var s: [InterviewRecord.Dimension: Int] = [:]
        for (k, v) in record.scores { if let d = InterviewRecord.Dimension(rawValue: k) { s[d] = v } }
        var e: [InterviewRecord.Dimension: String] = [:]
        for (k, v) in record.evidence { if let d = InterviewRecord.Dimension(rawValue: k) { e[d] = v } }
        self.init(scores: s, evidence: e, note: record.assessmentNote)
    }

    /// Longest note accepted: a short reflection, not an essay.
    public static let maximumNoteLength = 2000

    /// What is wrong, one message per problem; empty when the assessment can be saved.
    /// `requireAll` also asks for every dimension to be scored (for "done" on the form).
    public func problems(requireAll: Bool = false) -> [String] {
        var out: [String] = []
        for d in InterviewRecord.Dimension.allCases {
            if let v = scores[d] {
                if !InterviewRecord.scoreRange.contains(v) { out.append("\(d.title): score \(v) is outside 1 to 4") }
            } else if requireAll {
                out.append("\(d.title): not scored yet")
            }
        }
        if note.count > Self.maximumNoteLength {
            out.append("note: \(note.count) characters, keep it under \(Self.maximumNoteLength)")
        }
        return out
    }

    public var isComplete: Bool { problems(requireAll: true).isEmpty }

    /// Mean of the scores given, nil when none.
    public var average: Double? {
        let valid = scores.values.filter { InterviewRecord.scoreRange.contains($0) }
        return valid.isEmpty ? nil : Double(valid.reduce(0, +)) / Double(valid.count)
    }

    /// Writes the assessment into a record after checking it.
    public func apply(to record: inout InterviewRecord) throws(AssessmentError) {
        let p = problems()
        guard p.isEmpty else { throw AssessmentError(problems: p) }
        record.scores = Dictionary(uniqueKeysWithValues: scores.map { ($0.key.rawValue, $0.value) })
        record.evidence = Dictionary(uniqueKeysWithValues: evidence.filter { !$0.value.isEmpty }.map { ($0.key.rawValue, $0.value) })
        record.assessmentNote = note
    }

    /// What a score means, for the form.
    public static func label(_ score: Int) -> String {
        switch score {
        case 1: "weak"
        case 2: "needs work"
        case 3: "good"
        case 4: "strong"
        default: "?"
        }
    }
}

public struct AssessmentError: Error, Equatable, CustomStringConvertible {
    public var problems: [String]
    public var description: String { "the self-assessment is incomplete or invalid: " + problems.joined(separator: "; ") }
}

/// What the summary screen shows after an interview: planned vs actual per phase, totals,
/// checklist coverage per stage, the self-assessment, and a few observations.
public struct InterviewSummary: Equatable, Sendable {
    public struct PhaseRow: Equatable, Sendable {
        public enum Outcome: String, Equatable, Sendable {
            /// Within the plan's box.
            case onTime = "on time"
            case over
            /// Left with no time spent.
            case skipped
            /// Not reached yet (the interview is not finished).
            case notReached = "not reached"
        }
        public var key: String
        public var title: String
        public var plannedSeconds: Int
        public var extraSeconds: Int
        public var actualSeconds: Int
        /// Actual minus planned: negative when the phase finished early.
        public var deltaSeconds: Int { actualSeconds.clampedSubtracting(plannedSeconds) }
        public var overrunSeconds: Int { max(0, deltaSeconds) }
        public var outcome: Outcome
        public var stages: [StageKey]
    }

    public struct StageRow: Equatable, Sendable {
        public var stage: StageKey
        public var title: String
        public var progress: StageProgress
        /// Titles of the plan's phases that feed this stage.
        public var fedBy: [String]
        /// Done items as a share of the stage's items (0 when it has none).
        public var fraction: Double { progress.total > 0 ? Double(progress.done) / Double(progress.total) : 0 }
    }

    public var plan: String
    public var planTitle: String
    public var problem: String?
    public var finished: Bool
    public var phases: [PhaseRow]
    public var totalPlannedSeconds: Int
    public var totalExtraSeconds: Int
    public var totalActualSeconds: Int
    /// Interview time beyond the plan's total.
    public var totalOverrunSeconds: Int
    public var pausedSeconds: Int
    public var pauses: Int
    public var suspendedSeconds: Int
    public var coverage: [StageRow]
    public var assessment: SelfAssessment
    /// Short remarks worth reading, e.g. which phase ran over most.
    public var observations: [String]

    public init(record: InterviewRecord, design: Design, catalogue: StageCatalogue) {
        plan = record.plan
        planTitle = record.planTitle.isEmpty ? record.plan : record.planTitle
        problem = record.problem
        finished = record.finished
        phases = record.phases.enumerated().map { i, p in
            let outcome: PhaseRow.Outcome
            if p.actualSeconds == 0 {
                outcome = !record.finished && i >= record.currentPhase ? .notReached : .skipped
            } else {
                outcome = p.actualSeconds > p.plannedSeconds ? .over : .onTime
            }
            return PhaseRow(key: p.key, title: p.title, plannedSeconds: p.plannedSeconds, extraSeconds: p.extraSeconds,
                            actualSeconds: p.actualSeconds, outcome: outcome, stages: p.stages)
        }
        totalPlannedSeconds = record.totalPlannedSeconds
        totalExtraSeconds = record.totalExtraSeconds
        totalActualSeconds = record.totalActualSeconds
        totalOverrunSeconds = record.totalOverrunSeconds
        pausedSeconds = record.pausedSeconds
        pauses = record.pauses
        suspendedSeconds = record.suspendedSeconds
        coverage = StageKey.allCases.map { key in
            StageRow(stage: key, title: catalogue[key].title, progress: design.progress(of: key, in: catalogue),
                     fedBy: record.phases.filter { $0.stages.contains(key) }.map(\.title))
        }
        assessment = SelfAssessment(record: record)
        observations = []
        observations = makeObservations()
    }

    /// Phases that ran over the plan's box, worst first.
    public var overruns: [PhaseRow] {
        phases.filter { $0.outcome == .over }.sorted { $0.overrunSeconds > $1.overrunSeconds }
    }

    private func makeObservations() -> [String] {
        var out: [String] = []
        if totalOverrunSeconds > 0 {
            out.append("The interview ran \(TimeFormat.clock(totalOverrunSeconds)) over its \(TimeFormat.minutes(totalPlannedSeconds)).")
        } else if finished && totalActualSeconds > 0 {
            out.append("Finished within the plan's \(TimeFormat.minutes(totalPlannedSeconds)) "
                + "(\(TimeFormat.clock(totalPlannedSeconds.clampedSubtracting(totalActualSeconds))) to spare).")
        }
        if let worst = overruns.first {
            out.append("\(worst.title) ran \(TimeFormat.clock(worst.overrunSeconds)) over its \(TimeFormat.minutes(worst.plannedSeconds)).")
        }
        let skipped = phases.filter { $0.outcome == .skipped }.map(\.title)
        if !skipped.isEmpty { out.append("Skipped: \(skipped.joined(separator: ", ")).") }
        // A phase given less than half its time, when it is one interviewers weigh heavily.
        for p in phases where p.outcome == .onTime && p.actualSeconds.clampedMultiplied(by: 2) < p.plannedSeconds
            && p.plannedSeconds >= 600 {
            out.append("\(p.title) got \(TimeFormat.clock(p.actualSeconds)) of its \(TimeFormat.minutes(p.plannedSeconds)): "
                + "was there more to say?")
        }
        if let first = phases.first, first.outcome == .over, first.deltaSeconds >= 120 {
            out.append("Requirements took long: settle the main use cases and numbers, then move on; "
                + "later questions can be asked as they come up.")
        }
        let untouched = coverage.filter { !$0.fedBy.isEmpty && $0.progress.status == .notStarted }.map(\.title)
        if finished && !untouched.isEmpty {
            out.append("Checklist stages not touched: \(untouched.joined(separator: ", ")).")
        }
        return out
    }
}
