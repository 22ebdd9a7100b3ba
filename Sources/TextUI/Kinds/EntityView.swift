import DesignModel
import Workspace

enum EntityView {
    static let view = KindView(pane: .entities, row: { state, i in
        let e = state.design.entities[i]
        let store = e.store.map { state.componentName($0) } ?? "no store"
        return RowText.Row(tag: tag(e.kind), text: e.name,
                           trailing: "\(store) · \(e.fields.count) field\(e.fields.count == 1 ? "" : "s")")
    }, detail: { state, i in
        let d = state.design
        let e = d.entities[i]
        var out = [DetailLine("Entity", "\(e.id)  \(e.name)"),
                   DetailLine("Kind", e.kind.label),
                   DetailLine("Held by", e.store.map { KindViews.names([$0.rawValue], d) } ?? "—"),
                   DetailLine("Fields", e.fields.isEmpty ? "—" : e.fields.map { field($0, d) }.joined(separator: "\n"))]
        if !e.indexes.isEmpty {
            out.append(DetailLine("Indexes", e.indexes.map { x in
                "(\(x.fields.joined(separator: ", ")))" + (x.unique ? " unique" : "") + (x.name.isEmpty ? "" : " \(x.name)")
                    + (x.query.isEmpty ? "" : " — \(x.query)")
            }.joined(separator: "\n")))
        }
        if !e.relationships.isEmpty {
            out.append(DetailLine("Relationships", e.relationships.map { r in
                "\(r.cardinality.label) \(d.entities[id: r.target]?.name ?? "⚠ \(r.target)")" + (r.label.isEmpty ? "" : " — \(r.label)")
            }.joined(separator: "\n")))
        }
        if !e.partitionKey.isEmpty { out.append(DetailLine("Partition key", e.partitionKey)) }
        if !e.retention.isEmpty { out.append(DetailLine("Retention", e.retention)) }
        if !e.accessPatterns.isEmpty {
            out.append(DetailLine("Queries", e.accessPatterns.map { a in
                a.query + " → " + (a.index.isEmpty ? "no index said" : a.index)
            }.joined(separator: "\n")))
        }
        var pointers: [String] = []
        for other in d.entities {
            for f in other.fields where f.references?.entity == e.id {
                pointers.append("\(other.name).\(f.name) → \(f.references!.field)")
            }
        }
        if !pointers.isEmpty { out.append(DetailLine("Pointed at by", pointers.joined(separator: "\n"))) }
        if !e.requirements.isEmpty { out.append(DetailLine("Requirements", KindViews.names(e.requirements.map(\.rawValue), d))) }
        if !e.notes.isEmpty { out.append(DetailLine("Notes", e.notes)) }
        if let checks = KindViews.checks(LowLevelChecks.findings(entity: e.id, in: d)) { out.append(checks) }
        if let refs = KindViews.referencedBy(e.id.rawValue, d) { out.append(refs) }
        out.append(DetailLine("Rows", "r edits the fields, indexes, relationships and queries"))
        return out
    })

    static func tag(_ k: Entity.Kind) -> String {
        switch k {
        case .table: "table"
        case .document: "docs "
        case .keyValue: "kv   "
        case .wideColumn: "wide "
        case .topic: "topic"
        }
    }

    /// "code: varchar(16) · PK · unique · → users.id — the short code".
    static func field(_ f: Entity.Field, _ d: Design) -> String {
        var marks: [String] = []
        if f.primaryKey { marks.append("PK") }
        if f.nullable { marks.append("null") }
        if f.unique { marks.append("unique") }
        if f.indexed { marks.append("indexed") }
        if let r = f.references {
            let target = d.entities[id: r.entity]?.name ?? "⚠ \(r.entity)"
            marks.append("→ \(target).\(r.field)")
        }
        return "\(f.name): \(f.type)" + marks.map { " · " + $0 }.joined() + (f.notes.isEmpty ? "" : " — \(f.notes)")
    }
}
