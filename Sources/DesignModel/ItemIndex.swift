extension Design {
    /// Every item id in the design with the list it belongs to ("requirements", "components", …),
    /// for references that may point at any kind of item (what a risk or question concerns).
    /// A new list of items adds one line here.
    public var itemIDs: [String: String] {
        var out: [String: String] = [:]
        func add<T: Identified>(_ items: [T], _ list: String) {
            for item in items where out[item.id.rawValue] == nil { out[item.id.rawValue] = list }
        }
        add(requirements, "requirements")
        add(components, "components")
        add(flows, "flows")
        add(tradeOffs, "tradeOffs")
        add(risks, "risks")
        add(questions, "questions")
        add(endpoints, "endpoints")
        add(entities, "entities")
        return out
    }
}

extension Design {
    /// Removes every reference to an item that is being deleted from the items that can point at
    /// any item (risks, questions) and from decisions (drivers, superseded-by), so a delete never
    /// leaves a dangling id behind. Undo puts the references back with the item.
    public mutating func dropReferences(to id: String) {
        dropLowLevelReferences(to: id)
        for i in risks.indices where risks[i].concerns.contains(id) { risks[i].concerns.removeAll { $0 == id } }
        for i in questions.indices where questions[i].concerns.contains(id) { questions[i].concerns.removeAll { $0 == id } }
        for i in tradeOffs.indices {
            if tradeOffs[i].drivers.contains(where: { $0.rawValue == id }) { tradeOffs[i].drivers.removeAll { $0.rawValue == id } }
            if tradeOffs[i].supersededBy?.rawValue == id { tradeOffs[i].supersededBy = nil }
        }
    }
}
