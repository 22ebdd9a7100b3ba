import DesignModel

/// One thing the design review found: which rule, how much it matters, the checklist stage it
/// belongs to, a message naming the items, a one-line hint for the fix, and the ids of the items
/// (the first is the one to change).
public struct ReviewFinding: Equatable, Sendable {
    public var rule: String
    public var severity: ReviewSeverity
    public var stage: StageKey
    public var message: String
    public var hint: String
    public var items: [String]
    /// Where the finding points in the design file when it names no item (the list or stage it
    /// is about); nil: at its first item.
    public var location: [JSONLocator.Step]?

    public init(rule: String, severity: ReviewSeverity, stage: StageKey, message: String, hint: String,
                items: [String], location: [JSONLocator.Step]? = nil) {
        self.rule = rule
        self.severity = severity
        self.stage = stage
        self.message = message
        self.hint = hint
        self.items = items
        self.location = location
    }

    /// What an acceptance of this finding is matched by (rule and items, in any order).
    public var key: String { AcceptedFinding.key(rule: rule, items: items) }
}

/// A finding the design accepts, with the acceptance (its reason).
public struct AcceptedReviewFinding: Equatable, Sendable {
    public var finding: ReviewFinding
    public var acceptance: AcceptedFinding

    public init(finding: ReviewFinding, acceptance: AcceptedFinding) {
        self.finding = finding
        self.acceptance = acceptance
    }
}
