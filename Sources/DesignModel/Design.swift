import Foundation

/// A system design: the document sysdraft edits, saves as JSON and exports.
public struct Design: Codable, Equatable, Sendable {
    /// The schema this build writes. Files with a higher number are refused, lower ones migrated.
    public static let currentSchemaVersion = 9

    public var schemaVersion: Int
    public var title: String
    /// The problem statement: what is being designed and for whom.
    public var problem: String
    public var created: Date
    public var modified: Date
    public var requirements: [Requirement]
    public var components: [Component]
    public var flows: [Flow]
    public var tradeOffs: [TradeOff]
    /// Risks and technical debt the design carries.
    public var risks: [Risk]
    /// Questions the design cannot answer yet.
    public var questions: [OpenQuestion]
    /// API endpoints, RPCs and event topics (stage 3, low-level design).
    public var endpoints: [Endpoint]
    /// Tables, collections, topics: the data model (stage 5).
    public var entities: [Entity]
    /// One entry per checklist stage, always all ten, in stage order.
    public var stages: [StageState]
    /// Mock-interview timing log and self-assessment, when the design was drafted in one.
    public var interview: InterviewRecord?
    /// Scenarios: how requests move through the architecture, step by step (sequence diagrams).
    public var scenarios: [Scenario]
    /// Named capacity estimates, in the user's order (see `Estimate`).
    public var estimates: [Estimate]
    /// What `sysdraft merge` could not settle, until resolved (see `MergeConflict`).
    public var conflicts: [MergeConflict]
    /// Design-review findings accepted with a reason (see `AcceptedFinding`).
    public var acceptedFindings: [AcceptedFinding]
    /// Frames around components in the diagram (regions, networks, trust boundaries, teams).
    public var groups: [ComponentGroup]
    /// The way the diagram runs, as last chosen.
    public var diagramDirection: DiagramOrientation

    public init(title: String, problem: String = "", now: Date) {
        let t = Design.wholeSeconds(now)
        schemaVersion = Design.currentSchemaVersion
        self.title = title
        self.problem = problem
        created = t
        modified = t
        requirements = []
        components = []
        flows = []
        tradeOffs = []
        risks = []
        questions = []
        endpoints = []
        entities = []
        stages = StageKey.allCases.map { StageState(stage: $0) }
        interview = nil
        scenarios = []
        estimates = []
        conflicts = []
        acceptedFindings = []
        groups = []
        diagramDirection = .standard
    }

    /// Dates are stored to the second, so a value survives a save and load unchanged.
    public static func wholeSeconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }

    /// Records that the document changed at `now`.
    public mutating func touch(_ now: Date) { modified = Design.wholeSeconds(now) }

    // MARK: stages

    public func stage(_ key: StageKey) -> StageState {
        stages.first { $0.stage == key } ?? StageState(stage: key)
    }

    public mutating func updateStage(_ key: StageKey, _ body: (inout StageState) -> Void) {
        normalizeStages()
        let i = stages.firstIndex { $0.stage == key }!
        body(&stages[i])
    }

    /// Puts the stage list in canonical form: each of the ten stages exactly once, in order.
    /// Duplicates are merged (done keys united, custom items and notes appended).
    public mutating func normalizeStages() {
        if stages.map(\.stage) == StageKey.allCases { return }
        var merged: [StageKey: StageState] = [:]
        for s in stages {
            if var m = merged[s.stage] {
                m.done = Array(Set(m.done).union(s.done)).sorted()
                m.custom += s.custom
                if !s.notes.isEmpty { m.notes += (m.notes.isEmpty ? "" : "\n\n") + s.notes }
                merged[s.stage] = m
            } else {
                merged[s.stage] = s
            }
        }
        stages = StageKey.allCases.map { merged[$0] ?? StageState(stage: $0) }
    }
}
