import DesignModel
import Workspace

/// Traceability in the details: what addresses a requirement, which requirements a component
/// or flow serves, and names for items of any list (endpoints, entities and scenarios have no
/// list in the workspace yet, but findings and links name them).
enum TraceabilityLines {
    /// "Addressed by" for a requirement: every linked item with its name, or a prompt.
    static func addressedBy(_ r: Requirement, _ design: Design) -> DetailLine {
        let links = Traceability.links(to: r.id, in: design)
        guard !links.isEmpty else { return DetailLine("Addressed by", "— nothing yet (e edits the requirement: Addressed by)") }
        return DetailLine("Addressed by", names(links.map(\.id), design))
    }

    /// "Serves" for a component or flow; nil when it serves none.
    static func serves(_ ids: [ItemID<Requirement>], _ design: Design) -> DetailLine? {
        ids.isEmpty ? nil : DetailLine("Serves", names(ids.map(\.rawValue), design))
    }

    /// "comp-3 Link cache" per id, one a line; items of lists without a workspace kind are named
    /// from the design; an id that is nowhere is marked.
    static func names(_ ids: [String], _ design: Design) -> String {
        guard !ids.isEmpty else { return "—" }
        return ids.map { id in
            if let kind = ItemKinds.kind(holding: id, in: design), let i = kind.index(design, id) {
                return "\(id) \(kind.name(design, i))"
            }
            if let e = design.endpoints.first(where: { $0.id.rawValue == id }) { return "\(id) \(e.method.label) \(e.path)" }
            if let e = design.entities.first(where: { $0.id.rawValue == id }) { return "\(id) \(e.name)" }
            if let s = design.scenarios.first(where: { $0.id.rawValue == id }) { return "\(id) \(s.name)" }
            if let e = design.estimates.first(where: { $0.id.rawValue == id }) { return "\(id) \(e.name)" }
            return "⚠ \(id)"
        }.joined(separator: "\n")
    }
}
