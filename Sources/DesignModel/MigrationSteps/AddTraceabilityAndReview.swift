extension Migrations {
    /// Traceability and the design review: components and flows gain the list of requirements
    /// they help meet (empty), and the design the list of review findings accepted with a
    /// reason (empty). A component's `redundancy` note is optional and absent when not stated,
    /// so older components need nothing for it.
    static let addTraceabilityAndReview = Migration(from: 7, summary: "traceability links and accepted review findings") { old in
        var new = old
        for list in ["components", "flows"] {
            guard let items = new[list] as? [Any] else { continue }
            new[list] = items.map { item -> Any in
                guard var object = item as? [String: Any] else { return item }
                if object["requirements"] == nil { object["requirements"] = [Any]() }
                return object
            }
        }
        if new["acceptedFindings"] == nil { new["acceptedFindings"] = [[String: Any]]() }
        return new
    }
}
