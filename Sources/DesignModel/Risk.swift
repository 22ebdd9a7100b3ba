/// Something that could go wrong with the design, as arc42's "risks and technical debt" keeps
/// them: what it is, who owns it, how it stands, and what it concerns.
public struct Risk: Codable, Equatable, Sendable, Identified {
    public static let idPrefix = "risk"

    public enum Impact: String, Codable, CaseIterable, Sendable {
        case low, medium, high
    }

    public var id: ItemID<Risk>
    public var text: String
    public var owner: String
    public var status: FollowUpStatus
    public var impact: Impact
    /// How the risk is reduced or watched (free text, several lines).
    public var mitigation: String
    /// Ids of the items the risk is about (requirements, components, flows, decisions, …).
    public var concerns: [String]

    public init(id: ItemID<Risk>, text: String, owner: String = "", status: FollowUpStatus = .open,
                impact: Impact = .medium, mitigation: String = "", concerns: [String] = []) {
        self.id = id
        self.text = text
        self.owner = owner
        self.status = status
        self.impact = impact
        self.mitigation = mitigation
        self.concerns = concerns
    }
}

/// A question the design cannot answer yet: who will find out, and the answer once known.
public struct OpenQuestion: Codable, Equatable, Sendable, Identified {
    public static let idPrefix = "q"

    public var id: ItemID<OpenQuestion>
    public var text: String
    public var owner: String
    public var status: FollowUpStatus
    /// The answer, or what is known so far (several lines).
    public var answer: String
    /// Ids of the items the question is about.
    public var concerns: [String]

    public init(id: ItemID<OpenQuestion>, text: String, owner: String = "", status: FollowUpStatus = .open,
                answer: String = "", concerns: [String] = []) {
        self.id = id
        self.text = text
        self.owner = owner
        self.status = status
        self.answer = answer
        self.concerns = concerns
    }
}

/// Where a risk or an open question stands.
public enum FollowUpStatus: String, Codable, CaseIterable, Sendable {
    /// Still needs work or an answer.
    case open
    /// Dealt with: mitigated, or answered.
    case resolved
    /// Knowingly left as it is (a risk taken on, a question that will not be answered now).
    case accepted
}
