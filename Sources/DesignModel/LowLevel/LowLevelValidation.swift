import Foundation

extension Design {
    /// Loose ends in endpoints and entities: references to components, requirements, entities
    /// and fields that do not exist, index fields the entity lacks, duplicate field names.
    ///
    /// These are warnings, not errors: a draft with a loose end still opens and exports (the
    /// exports mark what is missing), and deleting a component or requirement elsewhere never
    /// makes a file unreadable.
    func lowLevelReferenceFindings() -> [Finding] {
        if endpoints.isEmpty && entities.isEmpty { return [] }
        var out: [Finding] = []
        let componentIDs = Set(components.map(\.id))
        let requirementIDs = Set(requirements.map(\.id))
        var fieldsByEntity: [ItemID<Entity>: Set<String>] = [:]
        for e in entities where fieldsByEntity[e.id] == nil { fieldsByEntity[e.id] = Set(e.fields.map(\.name)) }

        func requirementRefs(_ ids: [ItemID<Requirement>], _ path: String, _ owner: String) {
            for (j, r) in ids.enumerated() where !requirementIDs.contains(r) {
                out.append(Finding(.warning, "\(path).requirements[\(j)]", "\(owner) serves missing requirement \"\(r)\""))
            }
        }

        for (i, ep) in endpoints.enumerated() {
            let path = "endpoints[\(i)]"
            if let c = ep.component, !componentIDs.contains(c) {
                out.append(Finding(.warning, path + ".component", "endpoint \(ep.id) is served by missing component \"\(c)\""))
            }
            if LowLevelChecks.isBlank(ep.path) {
                out.append(Finding(.warning, path + ".path", "endpoint \(ep.id) has no path or name"))
            }
            requirementRefs(ep.requirements, path, "endpoint \(ep.id)")
        }

        for (i, en) in entities.enumerated() {
            let path = "entities[\(i)]"
            let own = fieldsByEntity[en.id] ?? []
            if let s = en.store, !componentIDs.contains(s) {
                out.append(Finding(.warning, path + ".store", "entity \(en.id) is held by missing component \"\(s)\""))
            }
            if LowLevelChecks.isBlank(en.name) {
                out.append(Finding(.warning, path + ".name", "entity \(en.id) has no name"))
            }
            var seen = Set<String>()
            for (j, f) in en.fields.enumerated() {
                if !seen.insert(f.name).inserted {
                    out.append(Finding(.warning, "\(path).fields[\(j)].name", "entity \(en.id) has two fields named \"\(f.name)\""))
                }
                if let ref = f.references {
                    if let target = fieldsByEntity[ref.entity] {
                        if !target.contains(ref.field) {
                            out.append(Finding(.warning, "\(path).fields[\(j)].references",
                                               "field \"\(f.name)\" of \(en.id) references missing field \"\(ref.field)\" of \(ref.entity)"))
                        }
                    } else {
                        out.append(Finding(.warning, "\(path).fields[\(j)].references",
                                           "field \"\(f.name)\" of \(en.id) references missing entity \"\(ref.entity)\""))
                    }
                }
            }
            for (j, index) in en.indexes.enumerated() {
                if index.fields.isEmpty {
                    out.append(Finding(.warning, "\(path).indexes[\(j)].fields", "an index of \(en.id) has no fields"))
                }
                for (k, name) in index.fields.enumerated() where !own.contains(name) {
                    out.append(Finding(.warning, "\(path).indexes[\(j)].fields[\(k)]",
                                       "an index of \(en.id) names missing field \"\(name)\""))
                }
            }
            for (j, r) in en.relationships.enumerated() where fieldsByEntity[r.target] == nil {
                out.append(Finding(.warning, "\(path).relationships[\(j)].target",
                                   "entity \(en.id) has a relationship with missing entity \"\(r.target)\""))
            }
            for (j, a) in en.accessPatterns.enumerated() where !a.index.isEmpty && !en.hasIndex(named: a.index) {
                out.append(Finding(.warning, "\(path).accessPatterns[\(j)].index",
                                   "an access pattern of \(en.id) uses \"\(a.index)\", which is neither an index, a field nor the primary key"))
            }
            requirementRefs(en.requirements, path, "entity \(en.id)")
        }
        return out
    }
}

extension Entity {
    /// Whether `name` names something that can answer a query: an index (by name), a field
    /// (its own index, or the leading field of an index), or the primary key ("primary key",
    /// "pk", "primary", case-insensitive).
    public func hasIndex(named name: String) -> Bool {
        let t = name.trimmingCharacters(in: .whitespaces)
        if ["primary key", "pk", "primary", "primary-key", "primary_key"].contains(t.lowercased()) { return true }
        if indexes.contains(where: { $0.name == t }) { return true }
        return fields.contains { $0.name == t }
    }
}
