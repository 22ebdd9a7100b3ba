import DesignModel

/// What a change to the design counts as for the coaching checks. Tags are decided when the
/// change is stamped (from the whole item as it was then) and kept in the timeline, so the
/// checks later need only the interview record.
public enum ActivityTag: String, CaseIterable, Sendable {
    /// A non-functional requirement.
    case nonFunctional = "non-functional"
    case component
    /// A scale estimate: an estimate item, or (while the design has no estimates list) numbers
    /// with units in a requirement or in the requirements or scalability notes.
    case estimate
    /// Something about surviving failures: replication, failover, retries, back-off, …
    case failureHandling = "failure-handling"
    case tradeOff = "trade-off"
    /// The change addresses the curveball that was given.
    case curveball

    /// Numbers with a unit of rate, size or users: `40k QPS`, `3 TB`, `100M DAU`.
    static let estimateWords = KeywordMatcher([
        "#",
        "qps|rps|tps|per second|per minute|per hour|per day|per month|per year|a second|a day|a month|"
            + "tb|gb|pb|mb|kb|byte*|terabyte*|gigabyte*|petabyte*|gbps|mbps|tbps|dau|mau|daily active|"
            + "monthly active|users|requests|req|writes|reads|peak|bandwidth|throughput|storage",
    ])

    /// Words of failure handling (not in requirements: a requirement states a goal, not a measure).
    static let failureWords = KeywordMatcher([
        "failover|fail over|replica*|replicat*|redundan*|retry|retries|backoff|back off|circuit breaker*|"
            + "fallback|fall back|backup*|standby|multi az|multi region|multi zone|health check*|dead letter|dlq|"
            + "idempot*|timeout*|time out|degrad*|disaster recovery|quorum|leader election|single point* of failure|"
            + "spof|outage*|rollback|roll back|bulkhead*|chaos|restore*|self heal*|reconnect*",
    ])

    /// The tags of an item of a design list.
    static func tags(of item: DesignItem) -> [ActivityTag] {
        var out: [ActivityTag] = []
        switch item.list {
        case "requirements":
            if item.fields["kind"] == Requirement.Kind.nonFunctional.rawValue { out.append(.nonFunctional) }
            if !DesignItems.designHasEstimates && estimateWords.matches(item.text) { out.append(.estimate) }
        case "components": out.append(.component)
        case "estimates": out.append(.estimate)
        case "tradeOffs": out.append(.tradeOff)
        default: break
        }
        if item.list != "requirements" && failureWords.matches(item.text) { out.append(.failureHandling) }
        return out
    }

    /// The tags of text added to a stage's notes.
    static func tags(ofNotes text: String, in stage: StageKey) -> [ActivityTag] {
        var out: [ActivityTag] = []
        if !DesignItems.designHasEstimates, [.requirements, .scalability].contains(stage), estimateWords.matches(text) {
            out.append(.estimate)
        }
        if stage == .reliability || failureWords.matches(text) { out.append(.failureHandling) }
        if stage == .tradeOffs { out.append(.tradeOff) }
        return out
    }

    /// What a design already holds when the clock starts (so work done before the interview is
    /// not taken as missing).
    public static func baseline(of design: Design) -> [ActivityTag] {
        var found = Set<ActivityTag>()
        for item in DesignItems.all(in: design) { found.formUnion(tags(of: item)) }
        for s in design.stages where !s.notes.isEmpty { found.formUnion(tags(ofNotes: s.notes, in: s.stage)) }
        return allCases.filter { found.contains($0) && $0 != .curveball }
    }
}
