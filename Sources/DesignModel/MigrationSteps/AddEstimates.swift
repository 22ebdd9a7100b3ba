extension Migrations {
    /// Adds the list of named estimates (empty). Flows' `rate`/`payload` and components'
    /// `capacity`/`instances` are optional and absent when not stated, so older items need
    /// nothing.
    static let addEstimates = Migration(from: 4, summary: "named capacity estimates") { old in
        var new = old
        if new["estimates"] == nil { new["estimates"] = [[String: Any]]() }
        return new
    }
}
