extension LowLevelChecks {
    /// The audit columns every record should carry.
    public enum MetadataColumn: String, CaseIterable, Sendable {
        case createdAt = "created at"
        case createdBy = "created by"
        case modifiedAt = "modified at"
        case modifiedBy = "modified by"

        /// Field names taken to be this column, compared with case, `_`, `-` and spaces ignored:
        /// `created_at`, `createdAt`, `creation_time`, `inserted_on`, `date_created`, `ctime`;
        /// `updated_at`, `last_modified`, `mtime`; `created_by`, `creator`, `author`;
        /// `updated_by`, `last_modified_by_id`, `editor` …
        public var names: Set<String> { Self.nameSets[self]! }

        private static let nameSets: [MetadataColumn: Set<String>] = Dictionary(
            uniqueKeysWithValues: allCases.map { ($0, $0.computeNames()) })

        private func computeNames() -> Set<String> {
            let created = ["created", "creation", "inserted", "create", "insert"]
            let modified = ["modified", "updated", "changed", "edited", "modify", "update",
                            "lastmodified", "lastupdated", "lastchanged", "lastedited"]
            let at = ["", "at", "on", "time", "timestamp", "ts", "date", "datetime", "utc", "atutc"]
            let by = ["by", "byid", "byuser", "byuserid", "byname"]
            func combine(_ stems: [String], _ tails: [String]) -> Set<String> {
                Set(stems.flatMap { s in tails.map { s + $0 } })
            }
            switch self {
            case .createdAt: return combine(created, at).union(["datecreated", "ctime", "createtime"]).subtracting(["create", "insert"])
            case .modifiedAt: return combine(modified, at).union(["datemodified", "dateupdated", "mtime"]).subtracting(["modify", "update"])
            case .createdBy: return combine(created, by).union(["creator", "creatorid", "author", "authorid"])
            case .modifiedBy: return combine(modified, by).union(["modifier", "modifierid", "updater", "updaterid", "editor", "editorid", "lasteditor"])
            }
        }

        /// `created_at` → `createdat`: what `names` compares.
        public static func normalized(_ fieldName: String) -> String {
            String(fieldName.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) })
        }
    }

    /// The metadata columns an entity lacks.
    public static func missingMetadataColumns(_ e: Entity) -> [MetadataColumn] {
        let names = Set(e.fields.map { MetadataColumn.normalized($0.name) })
        return MetadataColumn.allCases.filter { names.isDisjoint(with: $0.names) }
    }

    /// Whether a query on this field finds an index that leads with it: the field is indexed,
    /// unique or the first primary-key field, or an index starts with it.
    public static func isIndexed(_ field: Entity.Field, in e: Entity) -> Bool {
        if field.indexed || field.unique { return true }
        if field.primaryKey && e.primaryKeyFields.first == field.name { return true }
        return e.indexes.contains { $0.fields.first == field.name }
    }

    /// Components that hold data. A message queue holds topics only.
    public static let storeKinds: Set<Component.Kind> = [.database, .cache, .objectStorage, .searchIndex]

    public static func entitiesWithoutPrimaryKey(_ d: Design) -> [CheckFinding] {
        d.entities.enumerated().compactMap { i, e in
            guard e.kind != .topic, !e.fields.contains(where: \.primaryKey) else { return nil }
            return CheckFinding(check: "entity.no-primary-key", .warning, items: [e.id.rawValue], path: "entities[\(i)].fields",
                                "entity \(e.id) (\(e.name)) has no primary key")
        }
    }

    public static func entitiesWithoutMetadataColumns(_ d: Design) -> [CheckFinding] {
        d.entities.enumerated().compactMap { i, e in
            guard e.kind != .topic else { return nil }
            let missing = missingMetadataColumns(e)
            guard !missing.isEmpty else { return nil }
            return CheckFinding(check: "entity.no-metadata-columns", .warning, items: [e.id.rawValue], path: "entities[\(i)].fields",
                                "entity \(e.id) (\(e.name)) has no " + missing.map(\.rawValue).joined(separator: ", ")
                                + " column" + (missing.count == 1 ? "" : "s"))
        }
    }

    public static func referencesWithoutIndex(_ d: Design) -> [CheckFinding] {
        var out: [CheckFinding] = []
        for (i, e) in d.entities.enumerated() where e.kind != .topic {
            for (j, f) in e.fields.enumerated() where f.references != nil && !isIndexed(f, in: e) {
                out.append(CheckFinding(check: "entity.reference-without-index", .warning, items: [e.id.rawValue],
                                        path: "entities[\(i)].fields[\(j)]",
                                        "field \"\(f.name)\" of \(e.id) (\(e.name)) references \(f.references!.entity) but no index leads with it"))
            }
        }
        return out
    }

    public static func entitiesOutsideStores(_ d: Design) -> [CheckFinding] {
        var kinds: [ItemID<Component>: Component.Kind] = [:]
        for c in d.components where kinds[c.id] == nil { kinds[c.id] = c.kind }
        return d.entities.enumerated().compactMap { i, e in
            guard let s = e.store else {
                return CheckFinding(check: "entity.not-in-a-store", .warning, items: [e.id.rawValue], path: "entities[\(i)].store",
                                    "entity \(e.id) (\(e.name)) is held by no component")
            }
            // A missing component is a dangling reference, reported by the integrity checks.
            guard let kind = kinds[s] else { return nil }
            if storeKinds.contains(kind) || (kind == .queue && e.kind == .topic) { return nil }
            let why = kind == .queue ? "a message queue holds topics only" : "a \(kind.label.lowercased()) is not a store"
            return CheckFinding(check: "entity.not-in-a-store", .warning, items: [e.id.rawValue, s.rawValue],
                                path: "entities[\(i)].store", "entity \(e.id) (\(e.name)) is held by \(s): \(why)")
        }
    }
}
