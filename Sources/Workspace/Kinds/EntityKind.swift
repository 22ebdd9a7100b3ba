import DesignModel

extension Pane {
    /// Data entities (`:entities`).
    public static let entities = Pane("entities")
}

/// Data entities: tables, collections, key-value items, wide-column families and topics. The
/// scalar fields are edited in the form; fields, indexes, relationships and access patterns in
/// the table editor (`r`, `EntityTables`).
enum EntityKind {
    static let kind = ItemKind.list(
        .entities, \Design.entities,
        title: "Entities", shortTitle: "Entities", noun: "entity",
        name: { _, e in e.name },
        searchText: { state, e in
            let store = e.store.map { state.componentName($0) } ?? ""
            return "\(e.id) \(e.name) \(e.kind.label) \(store) \(e.fields.map(\.name).joined(separator: " ")) "
                + "\(e.partitionKey) \(e.retention) \(e.notes)"
        },
        form: { state, e in form(e, in: state.design) },
        apply: apply,
        adjust: adjust,
        remove: { d, i in
            let id = d.entities[i].id
            let also = (try? d.removeEntity(id)) ?? []
            d.dropReferences(to: id.rawValue)
            return also.isEmpty ? "" : "; " + also.joined(separator: ", ")
        },
        deleteEffects: { d, i in deleteEffects(d, d.entities[i].id) })

    /// Components that can hold an entity of a kind: stores, and message queues for topics.
    static func canHold(_ c: Component, _ kind: Entity.Kind) -> Bool {
        LowLevelChecks.storeKinds.contains(c.kind) || (c.kind == .queue && kind == .topic)
    }

    static func form(_ e: Entity?, in design: Design) -> Form {
        let kind = e?.kind ?? .table
        let stores = LowLevelChoices.components(design.components, current: e?.store, eligible: { canHold($0, kind) })
        return Form(
            title: e == nil ? "New entity" : "Edit entity \(e!.id)",
            target: e.map { .item(.entities, $0.id.rawValue) } ?? .newItem(.entities),
            fields: [
                .init("name", "Name", text: e?.name ?? ""),
                .init("kind", "Kind", choices: Entity.Kind.labels, selected: kind.caseIndex),
                .init("store", "Store", choices: stores.labels, selected: stores.selected, ids: stores.ids),
                .init("partitionKey", "Partition key", text: e?.partitionKey ?? ""),
                .init("retention", "Retention", text: e?.retention ?? ""),
                .init("requirements", "Requirements", options: design.requirements.map { "\($0.id)  \($0.text)" },
                      ids: design.requirements.map(\.id.rawValue), selected: e?.requirements.map(\.rawValue) ?? []),
                .init("notes", "Notes", paragraph: e?.notes ?? ""),
            ])
    }

    /// The store list follows the kind: message queues join it for a topic and leave it
    /// otherwise; the store picked stays picked while it is still in the list.
    static func adjust(_ form: inout Form, _ design: Design) {
        guard let s = form.fields.firstIndex(where: { $0.key == "store" }) else { return }
        let kind = Entity.Kind.fromIndex(form.choice("kind"))
        let picked = form.fields[s].choiceID.flatMap { $0.isEmpty ? nil : ItemID<Component>($0) }
        let stores = LowLevelChoices.components(design.components, current: picked, eligible: { canHold($0, kind) })
        guard case .choice(let labels, let selected) = form.fields[s].value,
              stores.labels != labels || stores.ids != form.fields[s].ids || selected != stores.selected else { return }
        form.fields[s].value = .choice(stores.labels, stores.selected)
        form.fields[s].ids = stores.ids
    }

    static func apply(_ form: Form, to design: inout Design) -> Result<String, FormError> {
        let name = FormText.trimmed(form.text("name"))
        guard !name.isEmpty else { return .failure(FormError("The entity needs a name.", field: "name")) }
        let id = design.entities.idForEdit(form.target.editedID)
        var e = design.entities[id: id] ?? Entity(id: id, name: name)
        e.name = name
        e.kind = .fromIndex(form.choice("kind"))
        e.store = form["store"]?.choiceID.flatMap { $0.isEmpty ? nil : ItemID($0) }
        e.partitionKey = FormText.trimmed(form.text("partitionKey"))
        e.retention = FormText.trimmed(form.text("retention"))
        e.requirements = (form["requirements"]?.selectedIDs ?? []).map { ItemID($0) }
        e.notes = form.text("notes")
        design.entities.upsert(e)
        return .success(e.id.rawValue)
    }

    /// What deleting an entity leaves behind: the fields of other entities that reference it
    /// (cleared) and the relationships with it (dropped), named.
    static func deleteEffects(_ d: Design, _ id: ItemID<Entity>) -> String? {
        var refs: [String] = [], relationships: [String] = []
        for other in d.entities where other.id != id {
            for f in other.fields where f.references?.entity == id {
                refs.append("\(other.name).\(f.name)")
            }
            for r in other.relationships where r.target == id { relationships.append(other.name) }
        }
        var parts: [String] = []
        if !refs.isEmpty {
            parts.append("clear the reference\(refs.count == 1 ? "" : "s") to it from " + LowLevelChoices.list(refs))
        }
        if !relationships.isEmpty {
            parts.append("drop \(relationships.count == 1 ? "the relationship" : "\(relationships.count) relationships") with it in "
                         + LowLevelChoices.list(Array(Set(relationships)).sorted()))
        }
        return parts.isEmpty ? nil : parts.joined(separator: ", and ")
    }
}

extension LowLevelChoices {
    /// "a, b and 3 more": names for a question that must stay short.
    static func list(_ names: [String], shown: Int = 4) -> String {
        let head = names.prefix(shown)
        let rest = names.count - head.count
        if rest > 0 { return head.joined(separator: ", ") + " and \(rest) more" }
        if head.count <= 1 { return head.first ?? "" }
        return head.dropLast().joined(separator: ", ") + " and " + head.last!
    }

    /// What deleting a component does to the endpoints it serves and the entities it holds
    /// (they stay, with no component), for the question; nil when it serves and holds nothing.
    static func componentEffects(_ d: Design, _ id: ItemID<Component>) -> String? {
        let endpoints = d.endpoints.filter { $0.component == id }.count
        let entities = d.entities.filter { $0.store == id }.count
        var parts: [String] = []
        if endpoints > 0 { parts.append("the \(endpoints) endpoint\(endpoints == 1 ? "" : "s") it serves") }
        if entities > 0 { parts.append("the \(entities) entit\(entities == 1 ? "y" : "ies") it holds") }
        guard !parts.isEmpty else { return nil }
        return "leave " + parts.joined(separator: " and ") + " with no component"
    }
}

extension LowLevelChoices {
    /// Two parts of a delete question, either of which may be missing.
    static func joinEffects(_ a: String?, _ b: String?) -> String? {
        switch (a, b) {
        case let (a?, b?): a + ", and " + b
        case let (a?, nil): a
        case let (nil, b?): b
        case (nil, nil): nil
        }
    }

    /// After a component is deleted: "; 2 endpoints and 1 entity now have no component", or "".
    static func componentRemoved(_ before: Design, _ id: ItemID<Component>) -> String {
        let endpoints = before.endpoints.filter { $0.component == id }.count
        let entities = before.entities.filter { $0.store == id }.count
        var parts: [String] = []
        if endpoints > 0 { parts.append("\(endpoints) endpoint\(endpoints == 1 ? "" : "s")") }
        if entities > 0 { parts.append("\(entities) entit\(entities == 1 ? "y" : "ies")") }
        guard !parts.isEmpty else { return "" }
        return "; " + parts.joined(separator: " and ") + " now ha\(endpoints + entities == 1 ? "s" : "ve") no component"
    }
}
