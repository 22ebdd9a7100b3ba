import DesignModel

/// What kind of work a plan phase is for. The interviewer's follow-up questions, the curveball's
/// timing and the coaching checks are tied to roles rather than to phase keys, so they work with
/// your own plans too.
public enum PhaseRole: String, CaseIterable, Sendable, Comparable {
    case clarify
    case estimate
    case highLevel = "high-level"
    case deepDive = "deep-dive"
    case scale
    case wrapUp = "wrap-up"

    public var title: String {
        switch self {
        case .clarify: "Clarify requirements"
        case .estimate: "Estimate scale"
        case .highLevel: "High-level design"
        case .deepDive: "Deep dive"
        case .scale: "Scale and harden"
        case .wrapUp: "Wrap-up"
        }
    }

    public static func < (a: PhaseRole, b: PhaseRole) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    static let aliases: [String: PhaseRole] = [
        "requirements": .clarify, "clarify-requirements": .clarify, "scope": .clarify,
        "estimation": .estimate, "estimates": .estimate, "numbers": .estimate, "capacity": .estimate,
        "design": .highLevel, "high-level-design": .highLevel, "hld": .highLevel, "sketch": .highLevel,
        "deep": .deepDive, "detail": .deepDive, "detailed-design": .deepDive, "lld": .deepDive,
        "scaling": .scale, "scale-and-harden": .scale, "harden": .scale, "reliability": .scale,
        "wrap": .wrapUp, "wrapup": .wrapUp, "recap": .wrapUp, "summary": .wrapUp, "close": .wrapUp,
    ]

    /// The role of a phase: its key when it is a role's name (`deep-dive`) or a common alias
    /// (`wrap`, `design`), else what its checklist stages say (low-level design → deep dive,
    /// high-level design → high-level, requirements with scalability → estimate, requirements →
    /// clarify, scalability or reliability → scale, trade-offs, monitoring or deployment →
    /// wrap-up). Nil when neither says.
    public static func of(key: String, stages: [StageKey]) -> PhaseRole? {
        if let r = PhaseRole(rawValue: key) ?? aliases[key] { return r }
        let s = Set(stages)
        if s.contains(.lowLevelDesign) { return .deepDive }
        if s.contains(.highLevelDesign) { return .highLevel }
        if s.contains(.requirements) { return s.contains(.scalability) ? .estimate : .clarify }
        if s.contains(.scalability) || s.contains(.reliability) { return .scale }
        if !s.isDisjoint(with: [.tradeOffs, .monitoring, .deployment]) { return .wrapUp }
        return nil
    }
}

extension InterviewPlan.Phase {
    public var role: PhaseRole? { PhaseRole.of(key: key, stages: stages) }
}

extension InterviewRecord.PhaseLog {
    public var role: PhaseRole? { PhaseRole.of(key: key, stages: stages) }
}

extension PracticeProblem {
    /// What a fact is about; the interviewer card groups facts by topic.
    public enum FactTopic: String, CaseIterable, Sendable {
        case users
        case traffic
        case readWrite = "read-write"
        case dataSize = "data-size"
        case latency
        case availability
        case constraints
        case other

        public var title: String {
            switch self {
            case .users: "Users"
            case .traffic: "Traffic"
            case .readWrite: "Read:write ratio"
            case .dataSize: "Data size"
            case .latency: "Latency"
            case .availability: "Availability"
            case .constraints: "Constraints"
            case .other: "Other numbers"
            }
        }

        /// The topics every built-in problem answers.
        public static let essential: [FactTopic] = [.users, .traffic, .readWrite, .dataSize, .constraints]
    }

    /// One answer the interviewer gives when asked, e.g. traffic → "Redirects: 4,000 per second".
    public struct Fact: Equatable, Sendable {
        public var topic: FactTopic
        public var label: String
        public var value: String

        public init(topic: FactTopic, label: String, value: String) {
            self.topic = topic
            self.label = label
            self.value = value
        }
    }

    /// Something a strong answer covers, with the words that show it in a design.
    public struct KeyPoint: Equatable, Sendable {
        public enum Kind: String, CaseIterable, Sendable { case component, decision, risk, number }
        /// Unique within the problem (lower-case letters, digits and dashes).
        public var id: String
        public var kind: Kind
        public var text: String
        /// Match groups for `KeywordMatcher`: one design item (or one stage's notes) must match
        /// every group.
        public var match: [String]

        public init(id: String, kind: Kind, text: String, match: [String]) {
            self.id = id
            self.kind = kind
            self.text = text
            self.match = match
        }
    }

    /// A surprise the interviewer can throw in, with the words that show it was addressed.
    public struct CurveballOption: Equatable, Sendable {
        public var id: String
        public var text: String
        public var match: [String]

        public init(id: String, text: String, match: [String]) {
            self.id = id
            self.text = text
            self.match = match
        }
    }

    /// Facts in the order the card lists them: by topic, then as written.
    public var factTopics: [FactTopic] {
        FactTopic.allCases.filter { t in facts.contains { $0.topic == t } }
    }

    public func facts(about topic: FactTopic) -> [Fact] { facts.filter { $0.topic == topic } }
}
