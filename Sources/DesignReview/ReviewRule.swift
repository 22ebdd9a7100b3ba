import DesignModel

/// A rule of the design review: its id (stable, used in config files and acceptances), its
/// default severity, the checklist stage it belongs to, what it looks for, the fix in one line,
/// and the check itself.
public struct ReviewRule: Sendable {
    public let id: String
    public let severity: ReviewSeverity
    public let stage: StageKey
    /// One sentence: what the rule looks for.
    public let summary: String
    /// One line: how to fix what it finds.
    public let hint: String
    let run: @Sendable (ReviewContext) -> [RuleHit]

    init(_ id: String, _ severity: ReviewSeverity, _ stage: StageKey, summary: String, hint: String,
         run: @escaping @Sendable (ReviewContext) -> [RuleHit]) {
        self.id = id
        self.severity = severity
        self.stage = stage
        self.summary = summary
        self.hint = hint
        self.run = run
    }
}

/// What a rule's check returns for one problem: the items (first: the one to change), the
/// message, and for a finding about no item in particular, where it points in the file.
struct RuleHit: Sendable {
    var items: [String]
    var message: String
    var location: [JSONLocator.Step]?

    init(_ items: [String], _ message: String, location: [JSONLocator.Step]? = nil) {
        self.items = items
        self.message = message
        self.location = location
    }
}
