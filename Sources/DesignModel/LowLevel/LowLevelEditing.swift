/// What a row edit did: the row to select, and what else changed to keep the design
/// consistent (said to the user, e.g. "renamed in 1 index").
public struct RowEditOutcome: Equatable, Sendable {
    public var selection: Int
    public var alsoChanged: [String]

    public init(selection: Int, alsoChanged: [String] = []) {
        self.selection = selection
        self.alsoChanged = alsoChanged
    }
}

extension Design {
    // MARK: endpoints

    @discardableResult
    public mutating func addEndpoint(_ method: Endpoint.Method, _ path: String, servedBy component: ItemID<Component>? = nil,
                                     summary: String = "") -> ItemID<Endpoint> {
        let id = endpoints.nextID()
        endpoints.append(Endpoint(id: id, method: method, path: path, component: component, summary: summary))
        return id
    }

    /// Applies a row edit to one of an endpoint's tables (`\.request`, `\.response`, `\.errors`,
    /// `\.filters`, `\.sortKeys`, `\.requirements`).
    @discardableResult
    public mutating func editEndpoint<Row>(_ id: ItemID<Endpoint>, _ table: WritableKeyPath<Endpoint, [Row]>,
                                           _ edit: RowEdit<Row>) throws -> RowEditOutcome {
        guard let i = endpoints.firstIndex(of: id) else { throw EditError.unknownItem(id.rawValue) }
        return RowEditOutcome(selection: try endpoints[i][keyPath: table].apply(edit))
    }

    /// The endpoints a component serves.
    public func endpoints(servedBy component: ItemID<Component>) -> [Endpoint] {
        endpoints.filter { $0.component == component }
    }

    // MARK: entities

    @discardableResult
    public mutating func addEntity(_ name: String, kind: Entity.Kind = .table, store: ItemID<Component>? = nil) -> ItemID<Entity> {
        let id = entities.nextID()
        entities.append(Entity(id: id, name: name, store: store, kind: kind))
        return id
    }

    /// The entities a component holds.
    public func entities(heldBy component: ItemID<Component>) -> [Entity] {
        entities.filter { $0.store == component }
    }

    /// Applies a row edit to one of an entity's tables other than its fields (`\.indexes`,
    /// `\.relationships`, `\.accessPatterns`, `\.requirements`); fields go through
    /// `editEntityFields`, which keeps references consistent.
    @discardableResult
    public mutating func editEntity<Row>(_ id: ItemID<Entity>, _ table: WritableKeyPath<Entity, [Row]>,
                                         _ edit: RowEdit<Row>) throws -> RowEditOutcome {
        guard let i = entities.firstIndex(of: id) else { throw EditError.unknownItem(id.rawValue) }
        return RowEditOutcome(selection: try entities[i][keyPath: table].apply(edit))
    }

    /// Applies a row edit to an entity's fields and follows a renamed or deleted field through
    /// the design: a rename updates the entity's indexes, access patterns and partition key
    /// (where they name the field exactly) and every reference to it from other fields; a delete
    /// takes the field out of the entity's indexes (dropping an index left empty) and clears
    /// references to it. Nothing follows while another field still has the old name.
    @discardableResult
    public mutating func editEntityFields(_ id: ItemID<Entity>, _ edit: RowEdit<Entity.Field>) throws -> RowEditOutcome {
        guard let e = entities.firstIndex(of: id) else { throw EditError.unknownItem(id.rawValue) }
        let before = entities[e].fields
        let selection = try entities[e].fields.apply(edit)
        var also: [String] = []

        let oldName: String?
        let newName: String?
        switch edit {
        case .replace(let i, let row) where before[i].name != row.name:
            (oldName, newName) = (before[i].name, row.name)
        case .delete(let i):
            (oldName, newName) = (before[i].name, nil)
        default:
            return RowEditOutcome(selection: selection)
        }
        guard let oldName, !entities[e].fields.contains(where: { $0.name == oldName }) else {
            return RowEditOutcome(selection: selection)
        }

        // This entity's indexes, access patterns and partition key.
        var indexesTouched = 0
        var kept: [Entity.Index] = []
        for var index in entities[e].indexes {
            guard index.fields.contains(oldName) else { kept.append(index); continue }
            indexesTouched += 1
            if let newName {
                index.fields = index.fields.map { $0 == oldName ? newName : $0 }
            } else {
                index.fields.removeAll { $0 == oldName }
                if index.fields.isEmpty { continue }
            }
            kept.append(index)
        }
        let dropped = entities[e].indexes.count - kept.count
        entities[e].indexes = kept
        if indexesTouched > 0 {
            let verb = newName == nil ? "removed from" : "renamed in"
            also.append("\(verb) \(plural(indexesTouched, "index", "indexes"))"
                        + (dropped > 0 ? " (\(plural(dropped, "index", "indexes")) left empty and dropped)" : ""))
        }
        if let newName {
            var patterns = 0
            for j in entities[e].accessPatterns.indices where entities[e].accessPatterns[j].index == oldName {
                entities[e].accessPatterns[j].index = newName
                patterns += 1
            }
            if patterns > 0 { also.append("renamed in \(plural(patterns, "access pattern", "access patterns"))") }
            if entities[e].partitionKey == oldName {
                entities[e].partitionKey = newName
                also.append("renamed in the partition key")
            }
        }

        // References from every entity's fields (this one's too: a self-reference).
        var references = 0
        for k in entities.indices {
            for j in entities[k].fields.indices {
                guard let ref = entities[k].fields[j].references, ref.entity == id, ref.field == oldName else { continue }
                entities[k].fields[j].references = newName.map { Entity.FieldReference(entity: id, field: $0) }
                references += 1
            }
        }
        if references > 0 {
            also.append((newName == nil ? "cleared " : "renamed in ") + plural(references, "reference", "references"))
        }
        return RowEditOutcome(selection: selection, alsoChanged: also)
    }

    /// Deletes an entity, clearing field references to it and dropping relationships with it
    /// from the other entities. Says what else changed.
    @discardableResult
    public mutating func removeEntity(_ id: ItemID<Entity>) throws -> [String] {
        guard let i = entities.firstIndex(of: id) else { throw EditError.unknownItem(id.rawValue) }
        entities.remove(at: i)
        var references = 0, relationships = 0
        for k in entities.indices {
            for j in entities[k].fields.indices where entities[k].fields[j].references?.entity == id {
                entities[k].fields[j].references = nil
                references += 1
            }
            let n = entities[k].relationships.count
            entities[k].relationships.removeAll { $0.target == id }
            relationships += n - entities[k].relationships.count
        }
        var also: [String] = []
        if references > 0 { also.append("cleared " + plural(references, "reference", "references")) }
        if relationships > 0 { also.append("dropped " + plural(relationships, "relationship", "relationships")) }
        return also
    }
}

extension Design {
    /// Clears what endpoints and entities say about an item being deleted: the serving
    /// component or store (left unset), requirement ids, field references and relationships to
    /// a deleted entity. Called by `dropReferences(to:)`, which every delete goes through.
    mutating func dropLowLevelReferences(to id: String) {
        for i in endpoints.indices {
            if endpoints[i].component?.rawValue == id { endpoints[i].component = nil }
            if endpoints[i].requirements.contains(where: { $0.rawValue == id }) {
                endpoints[i].requirements.removeAll { $0.rawValue == id }
            }
        }
        for i in entities.indices {
            if entities[i].store?.rawValue == id { entities[i].store = nil }
            if entities[i].requirements.contains(where: { $0.rawValue == id }) {
                entities[i].requirements.removeAll { $0.rawValue == id }
            }
            for j in entities[i].fields.indices where entities[i].fields[j].references?.entity.rawValue == id {
                entities[i].fields[j].references = nil
            }
            if entities[i].relationships.contains(where: { $0.target.rawValue == id }) {
                entities[i].relationships.removeAll { $0.target.rawValue == id }
            }
        }
    }
}

private func plural(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
