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

/// The design review: runs every rule the configuration leaves on over a design. Pure.
public enum DesignReviewer {
    public static func review(_ design: Design, config: ReviewConfig = .standard) -> ReviewResult {
        let context = ReviewContext(design, config: config)
        var found: [ReviewFinding] = []
        for rule in ReviewRules.all {
            guard let severity = config.severity(of: rule) else { continue }
            for hit in rule.run(context) {
                found.append(ReviewFinding(rule: rule.id, severity: severity, stage: rule.stage, message: hit.message,
                                           hint: rule.hint, items: hit.items, location: hit.location))
            }
        }
        // Errors first; within a severity, in rule order, then as found (stable).
        let order = ReviewRules.order
        let sorted = found.enumerated().sorted { x, y in
            let (a, b) = (x.element, y.element)
            if a.severity != b.severity { return a.severity > b.severity }
            let (ra, rb) = (order[a.rule] ?? 0, order[b.rule] ?? 0)
            return ra != rb ? ra < rb : x.offset < y.offset
        }.map(\.element)

        guard !design.acceptedFindings.isEmpty else { return ReviewResult(open: sorted) }
        var acceptances: [String: AcceptedFinding] = [:]
        for a in design.acceptedFindings where acceptances[a.key] == nil { acceptances[a.key] = a }
        var result = ReviewResult()
        var used = Set<String>()
        for f in sorted {
            let key = f.key
            if let a = acceptances[key] {
                result.accepted.append(AcceptedReviewFinding(finding: f, acceptance: a))
                used.insert(key)
            } else {
                result.open.append(f)
            }
        }
        result.stale = design.acceptedFindings.filter { !used.contains($0.key) }
        return result
    }
}
