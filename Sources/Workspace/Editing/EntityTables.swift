import DesignModel

/// An entity's row tables: fields, composite indexes, relationships, access patterns. Fields go
/// through `Design.editEntityFields`, which carries a renamed or deleted field into indexes,
/// access patterns, the partition key and other entities' references.
enum EntityTables {
    static let all: [RowTable] = [fields, indexes, relationships, accessPatterns]

    static let fields = RowTable.of(
        "Fields", noun: "field",
        columns: [
            TableColumn("Name", .text, minWidth: 8, weight: 3),
            TableColumn("Type", .text, minWidth: 6, weight: 2),
            TableColumn("PK", .flag),
            TableColumn("Null", .flag),
            TableColumn("Uniq", .flag),
            TableColumn("Idx", .flag),
            TableColumn("References", .choice, minWidth: 8, weight: 2,
                        display: { d, c in reference(c.choice).map { referenceLabel($0, d) } ?? "" },
                        options: { d, _ in referenceOptions(d) }),
            TableColumn("Notes", .text, minWidth: 6, weight: 3),
        ],
        read: { d, id in d.entities[id: ItemID(id)]?.fields },
        cells: { f in
            [.text(f.name), .text(f.type), .flag(f.primaryKey), .flag(f.nullable), .flag(f.unique), .flag(f.indexed),
             .choice(f.references.map(referenceValue) ?? ""), .text(f.notes)]
        },
        row: { c in
            Entity.Field(name: c[0].text, type: c[1].text, primaryKey: c[2].flag, nullable: c[3].flag, unique: c[4].flag,
                         indexed: c[5].flag, references: reference(c[6].choice), notes: c[7].text)
        },
        blank: { _, _ in Entity.Field(name: "") },
        problem: { f, others in
            if f.name.isEmpty { return "A field needs a name." }
            if others.contains(where: { $0.name == f.name }) { return "The entity already has a field named \(f.name)." }
            return nil
        },
        edit: { d, id, edit in try d.editEntityFields(ItemID(id), edit) })

    static let indexes = RowTable.of(
        "Indexes", noun: "index",
        columns: [
            TableColumn("Fields (in order)", .multiChoice, minWidth: 10, weight: 3,
                        options: { d, id in (d.entities[id: ItemID(id)]?.fields ?? []).map { TableOption($0.name, $0.name) } }),
            TableColumn("Query it serves", .text, minWidth: 8, weight: 4),
            TableColumn("Uniq", .flag),
            TableColumn("Name", .text, minWidth: 6, weight: 2),
        ],
        read: { d, id in d.entities[id: ItemID(id)]?.indexes },
        cells: { x in [.list(x.fields), .text(x.query), .flag(x.unique), .text(x.name)] },
        row: { c in Entity.Index(name: c[3].text, fields: c[0].list, unique: c[2].flag, query: c[1].text) },
        blank: { _, _ in Entity.Index(fields: []) },
        problem: { x, others in
            if x.fields.isEmpty { return "An index needs at least one field: Space ticks them in order." }
            if !x.name.isEmpty && others.contains(where: { $0.name == x.name }) { return "Another index is named \(x.name)." }
            return nil
        },
        edit: { d, id, edit in try d.editEntity(ItemID(id), \.indexes, edit) })

    static let relationships = RowTable.of(
        "Relationships", noun: "relationship",
        columns: [
            TableColumn("Kind", .choice, minWidth: 4, weight: 1,
                        options: { _, _ in Entity.Relationship.Cardinality.allCases.map { TableOption($0.label, $0.rawValue) } }),
            TableColumn("With", .choice, minWidth: 8, weight: 3,
                        display: { d, c in d.entities[id: ItemID(c.choice)]?.name ?? (c.choice.isEmpty ? "" : "⚠ \(c.choice)") },
                        options: { d, _ in d.entities.map { TableOption("\($0.name) (\($0.id))", $0.id.rawValue) } }),
            TableColumn("Meaning", .text, minWidth: 8, weight: 4),
        ],
        read: { d, id in d.entities[id: ItemID(id)]?.relationships },
        cells: { r in [.choice(r.cardinality.rawValue), .choice(r.target.rawValue), .text(r.label)] },
        row: { c in
            Entity.Relationship(cardinality: .init(rawValue: c[0].choice) ?? .oneToMany, target: ItemID(c[1].choice), label: c[2].text)
        },
        blank: { d, id in
            // The other side defaults to the first other entity (the entity itself when alone).
            let other = d.entities.first { $0.id.rawValue != id }?.id ?? ItemID(id)
            return Entity.Relationship(cardinality: .oneToMany, target: other)
        },
        problem: { r, _ in r.target.rawValue.isEmpty ? "Pick the entity on the other side." : nil },
        edit: { d, id, edit in try d.editEntity(ItemID(id), \.relationships, edit) })

    static let accessPatterns = RowTable.of(
        "Access patterns", noun: "access pattern",
        columns: [
            TableColumn("Query", .text, minWidth: 10, weight: 4),
            TableColumn("Index used", .choice, minWidth: 8, weight: 2, options: { d, id in indexOptions(d, id) }),
        ],
        read: { d, id in d.entities[id: ItemID(id)]?.accessPatterns },
        cells: { a in [.text(a.query), .choice(a.index)] },
        row: { c in Entity.AccessPattern(query: c[0].text, index: c[1].choice) },
        blank: { _, _ in Entity.AccessPattern(query: "") },
        problem: { a, _ in a.query.isEmpty ? "Say what the query is (\"a user's links, newest first\")." : nil },
        edit: { d, id, edit in try d.editEntity(ItemID(id), \.accessPatterns, edit) })

    // MARK: references

    /// A reference as one choice value: the entity's id, a NUL, the field's name (ids never hold a NUL).
    static func referenceValue(_ r: Entity.FieldReference) -> String { r.entity.rawValue + "\u{0}" + r.field }

    static func reference(_ value: String) -> Entity.FieldReference? {
        guard let cut = value.firstIndex(of: "\u{0}") else { return nil }
        return Entity.FieldReference(entity: ItemID(String(value[..<cut])), field: String(value[value.index(after: cut)...]))
    }

    /// "links.code"; a reference to a missing entity or field is marked.
    static func referenceLabel(_ r: Entity.FieldReference, _ d: Design) -> String {
        guard let e = d.entities[id: r.entity] else { return "⚠ \(r.entity).\(r.field)" }
        return (e.field(named: r.field) == nil ? "⚠ " : "") + "\(e.name).\(r.field)"
    }

    /// "—", then every field of every entity: entity → field.
    static func referenceOptions(_ d: Design) -> [TableOption] {
        var out = [TableOption("—", "")]
        for e in d.entities {
            for f in e.fields { out.append(TableOption("\(e.name).\(f.name)", referenceValue(.init(entity: e.id, field: f.name)))) }
        }
        return out
    }

    /// "—", the primary key, the entity's named indexes and its fields: what a query can use.
    static func indexOptions(_ d: Design, _ id: String) -> [TableOption] {
        guard let e = d.entities[id: ItemID(id)] else { return [TableOption("—", "")] }
        var out = [TableOption("—", ""), TableOption("primary key", "primary key")]
        for x in e.indexes where !x.name.isEmpty { out.append(TableOption("\(x.name) (index)", x.name)) }
        for f in e.fields { out.append(TableOption("\(f.name) (field)", f.name)) }
        return out
    }
}
