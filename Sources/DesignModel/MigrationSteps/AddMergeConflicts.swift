extension Migrations {
    /// Adds the list of unresolved merge conflicts (`Design.conflicts`), empty.
    static let addMergeConflicts = Migration(from: 5, summary: "unresolved merge conflicts (empty)") { old in
        var new = old
        if new["conflicts"] == nil { new["conflicts"] = [[String: Any]]() }
        return new
    }
}
