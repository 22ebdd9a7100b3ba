extension Migrations {
    /// Traceability and the design review: the design gains the list of review findings
    /// accepted with a reason (empty). Components' and flows' `requirements` (the requirements
    /// they serve) and a component's `redundancy` note are left out of the file when empty, so
    /// older items need nothing and keep their bytes.
    static let addTraceabilityAndReview = Migration(from: 7, summary: "traceability links and accepted review findings") { old in
        var new = old
        if new["acceptedFindings"] == nil { new["acceptedFindings"] = [[String: Any]]() }
        return new
    }
}
