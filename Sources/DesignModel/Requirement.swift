/// One requirement of the system being designed.
public struct Requirement: Codable, Equatable, Sendable, Identified {
    public static let idPrefix = "req"

    public enum Kind: String, Codable, CaseIterable, Sendable {
        case functional
        case nonFunctional = "non-functional"
        case constraint
    }

    /// MoSCoW-style priority. The source notes say "must have" and "good to have";
    /// `should` and `could` split "good to have" into two strengths.
    public enum Priority: String, Codable, CaseIterable, Sendable {
        case must, should, could
    }

    /// What a non-functional requirement is about.
    public enum Category: String, Codable, CaseIterable, Sendable {
        case latency, throughput, availability, scalability, consistency, durability
        case reliability, security, privacy, compliance, cost, maintainability, observability, other
    }

    public var id: ItemID<Requirement>
    public var kind: Kind
    public var text: String
    public var priority: Priority
    public var category: Category?
    public var notes: String

    public init(id: ItemID<Requirement>, kind: Kind, text: String, priority: Priority = .must,
                category: Category? = nil, notes: String = "") {
        self.id = id
        self.kind = kind
        self.text = text
        self.priority = priority
        self.category = category
        self.notes = notes
    }
}
