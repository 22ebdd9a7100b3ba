extension Migrations {
    /// Adds the scenario list (sequence diagrams), empty. Nothing else changes.
    static let addScenarios = Migration(from: 2, summary: "scenarios (sequence diagrams)") { old in
        var new = old
        if new["scenarios"] == nil { new["scenarios"] = [[String: Any]]() }
        return new
    }
}
