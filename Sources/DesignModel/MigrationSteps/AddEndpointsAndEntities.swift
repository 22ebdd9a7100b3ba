extension Migrations {
    /// Adds API endpoints and data entities: both start empty. Nothing else changes.
    static let addEndpointsAndEntities = Migration(from: 3, summary: "adds endpoints and entities (empty)") { old in
        var new = old
        if new["endpoints"] == nil { new["endpoints"] = [[String: Any]]() }
        if new["entities"] == nil { new["entities"] = [[String: Any]]() }
        return new
    }
}
