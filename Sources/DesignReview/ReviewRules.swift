import DesignModel

/// Every rule of the design review, in the order findings of the same severity are listed.
public enum ReviewRules {
    public static let all: [ReviewRule] = RequirementRules.rules + EdgeRules.rules + ReliabilityRules.rules
        + ScaleRules.rules + DecisionRules.rules + FlowRules.rules + LowLevelRules.rules

    public static let byID: [String: ReviewRule] = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

    /// Position of each rule in `all` (for ordering findings).
    static let order: [String: Int] = Dictionary(all.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
}

/// What the review found: the open findings, errors first; those the design accepts, with their
/// reasons; and acceptances whose finding no longer comes up.
public struct ReviewResult: Equatable, Sendable {
    public var open: [ReviewFinding]
    public var accepted: [AcceptedReviewFinding]
    /// Accepted findings the rules no longer report (the design changed, or the rule is off).
    public var stale: [AcceptedFinding]

    public init(open: [ReviewFinding] = [], accepted: [AcceptedReviewFinding] = [], stale: [AcceptedFinding] = []) {
        self.open = open
        self.accepted = accepted
        self.stale = stale
    }

    public func count(_ severity: ReviewSeverity) -> Int { open.reduce(0) { $0 + ($1.severity == severity ? 1 : 0) } }

    /// Open findings of one checklist stage.
    public func open(in stage: StageKey) -> [ReviewFinding] { open.filter { $0.stage == stage } }

    /// True when an open finding is at least as severe as `level`.
    public func reaches(_ level: ReviewSeverity) -> Bool { open.contains { $0.severity >= level } }
}
