extension LowLevelChecks {
    /// What the checks say about one endpoint, for its detail view: the same findings as
    /// `run` gives for it, worked out without checking every other item (the duplicate-route
    /// check compares its route with the others').
    public static func findings(endpoint id: ItemID<Endpoint>, in design: Design) -> [CheckFinding] {
        guard let e = design.endpoints[id: id] else { return [] }
        var one = design
        one.endpoints = [e]
        one.entities = []
        let context = Context(one)
        var out: [CheckFinding] = []
        // Only endpoints of the same method can share a route: the others' keys are not worked out.
        if let key = routeKey(e),
           let other = design.endpoints.first(where: { $0.method == e.method && $0.id != e.id && routeKey($0) == key }) {
            out.append(CheckFinding(check: "endpoint.duplicate-route", .error, items: [e.id.rawValue, other.id.rawValue],
                                    path: "endpoints", "endpoint \(e.id) (\(e.method.label) \(e.path)) has the same method and path as \(other.id)"))
        }
        for check in table where check.name.hasPrefix("endpoint.") && check.name != "endpoint.duplicate-route" {
            out += check.run(one, context)
        }
        return out
    }

    /// What the checks say about one entity, for its detail view.
    public static func findings(entity id: ItemID<Entity>, in design: Design) -> [CheckFinding] {
        guard let e = design.entities[id: id] else { return [] }
        var one = design
        one.endpoints = []
        one.entities = [e]
        // Entity checks do not ask who calls whom: spare the reach its walk over the flows.
        var bare = one
        bare.flows = []
        let context = Context(bare)
        return table.filter { $0.name.hasPrefix("entity.") }.flatMap { $0.run(one, context) }
    }
}
