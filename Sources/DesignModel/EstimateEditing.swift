import Estimates

extension Design {
    @discardableResult
    public mutating func addEstimate(name: String, expression: String, description: String = "") -> ItemID<Estimate> {
        let id = estimates.nextID()
        estimates.append(Estimate(id: id, name: name, expression: expression, description: description))
        return id
    }

    /// Inserts a template's estimates at the end (inputs the design already has are reused,
    /// other names that are taken get a suffix; see `EstimateTemplate.entriesToInsert`).
    /// Returns the ids of the estimates added.
    @discardableResult
    public mutating func insertTemplate(_ template: EstimateTemplate) -> [ItemID<Estimate>] {
        template.entriesToInsert(existingNames: Set(estimates.map(\.name))).map {
            addEstimate(name: $0.name, expression: $0.expression, description: $0.description)
        }
    }

    /// Renames an estimate and rewrites every expression that refers to it (other estimates,
    /// flow rates and payloads, component capacities and instance counts). References are
    /// rewritten only when this estimate is the one they resolve to (the first of its name).
    public mutating func renameEstimate(_ id: ItemID<Estimate>, to newName: String) throws {
        guard let i = estimates.firstIndex(of: id) else { throw EditError.unknownItem(id.rawValue) }
        let old = estimates[i].name
        guard old != newName else { return }
        let resolvesHere = estimates.firstIndex { $0.name == old } == i
        estimates[i].name = newName
        guard resolvesHere else { return }
        let map = [old: newName]
        for k in estimates.indices { estimates[k].expression = Expression.renaming(map, in: estimates[k].expression) }
        for k in flows.indices {
            flows[k].rate = flows[k].rate.map { Expression.renaming(map, in: $0) }
            flows[k].payload = flows[k].payload.map { Expression.renaming(map, in: $0) }
        }
        for k in components.indices {
            components[k].capacity = components[k].capacity.map { Expression.renaming(map, in: $0) }
            components[k].instances = components[k].instances.map { Expression.renaming(map, in: $0) }
        }
    }

    /// Where an estimate's name is used: JSON paths such as `estimates[3].expression` or
    /// `flows[2].rate` (for a delete confirmation).
    public func uses(ofEstimateNamed name: String) -> [String] {
        func uses(_ text: String?) -> Bool {
            guard let text, let e = try? Expression.parse(text) else { return false }
            return e.names.contains(name)
        }
        var out: [String] = []
        for (i, e) in estimates.enumerated() where uses(e.expression) { out.append("estimates[\(i)].expression") }
        for (i, f) in flows.enumerated() {
            if uses(f.rate) { out.append("flows[\(i)].rate") }
            if uses(f.payload) { out.append("flows[\(i)].payload") }
        }
        for (i, c) in components.enumerated() {
            if uses(c.capacity) { out.append("components[\(i)].capacity") }
            if uses(c.instances) { out.append("components[\(i)].instances") }
        }
        return out
    }
}
