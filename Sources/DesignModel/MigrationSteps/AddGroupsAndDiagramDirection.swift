extension Migrations {
    /// Groups (frames around components) and the diagram's direction: no groups, top-down.
    /// Components gain an optional `group`, which an older file never has. Nothing else changes.
    static let addGroupsAndDiagramDirection = Migration(from: 8, summary: "component groups and the diagram direction") { old in
        var new = old
        if new["groups"] == nil { new["groups"] = [[String: Any]]() }
        if new["diagramDirection"] == nil { new["diagramDirection"] = DiagramOrientation.standard.rawValue }
        return new
    }
}
