/// Which parts of the design address each requirement, read from the links kept on the
/// addressing side: components and flows (`requirements`), decisions (their drivers: a decision
/// is taken to meet them), endpoints and entities (`requirements`) and scenarios (the
/// requirements they demonstrate). Pure: build it whenever the design changes.
public struct Traceability: Sendable {
    /// The kinds of item that address requirements, in the order they are listed.
    public enum AddressingKind: String, CaseIterable, Sendable {
        case component, flow, decision, endpoint, entity, scenario

        /// The design's list holding this kind (`components`).
        public var list: String {
            switch self {
            case .component: "components"
            case .flow: "flows"
            case .decision: "tradeOffs"
            case .endpoint: "endpoints"
            case .entity: "entities"
            case .scenario: "scenarios"
            }
        }
    }

    /// One item that addresses a requirement.
    public struct Link: Equatable, Sendable {
        public var kind: AddressingKind
        public var id: String
    }

    /// The items addressing each requirement id, in the order above and the design's order within a kind.
    public let addressedBy: [String: [Link]]

    public init(_ design: Design) {
        var out: [String: [Link]] = [:]
        func add(_ ids: [ItemID<Requirement>], _ kind: AddressingKind, _ id: String) {
            var seen = Set<String>()
            for r in ids where seen.insert(r.rawValue).inserted { out[r.rawValue, default: []].append(Link(kind: kind, id: id)) }
        }
        for c in design.components where !c.requirements.isEmpty { add(c.requirements, .component, c.id.rawValue) }
        for f in design.flows where !f.requirements.isEmpty { add(f.requirements, .flow, f.id.rawValue) }
        for t in design.tradeOffs where !t.drivers.isEmpty { add(t.drivers, .decision, t.id.rawValue) }
        for e in design.endpoints where !e.requirements.isEmpty { add(e.requirements, .endpoint, e.id.rawValue) }
        for e in design.entities where !e.requirements.isEmpty { add(e.requirements, .entity, e.id.rawValue) }
        for s in design.scenarios where !s.requirements.isEmpty { add(s.requirements, .scenario, s.id.rawValue) }
        addressedBy = out
    }

    public func links(_ requirement: ItemID<Requirement>) -> [Link] { addressedBy[requirement.rawValue] ?? [] }

    public func isAddressed(_ requirement: ItemID<Requirement>) -> Bool { addressedBy[requirement.rawValue] != nil }

    /// The requirements nothing addresses, in the design's order.
    public func unaddressed(in design: Design) -> [Requirement] {
        design.requirements.filter { addressedBy[$0.id.rawValue] == nil }
    }

    /// The components that address a requirement indirectly: they serve an endpoint, hold an
    /// entity, or are an end of a flow or a step of a scenario that addresses it. Used by the
    /// coverage matrix, beside the components linked directly.
    public static func indirectComponents(_ design: Design) -> [String: Set<String>] {
        var out: [String: Set<String>] = [:]
        for f in design.flows {
            for r in f.requirements {
                out[r.rawValue, default: []].insert(f.from.rawValue)
                out[r.rawValue, default: []].insert(f.to.rawValue)
            }
        }
        for e in design.endpoints {
            guard let c = e.component else { continue }
            for r in e.requirements { out[r.rawValue, default: []].insert(c.rawValue) }
        }
        for e in design.entities {
            guard let c = e.store else { continue }
            for r in e.requirements { out[r.rawValue, default: []].insert(c.rawValue) }
        }
        for s in design.scenarios where !s.requirements.isEmpty {
            var parts = Set<String>()
            for n in s.numberedSteps {
                parts.insert(n.step.from.rawValue)
                parts.insert(n.step.to.rawValue)
            }
            for r in s.requirements { out[r.rawValue, default: []].formUnion(parts) }
        }
        return out
    }
}

extension Design {
    /// Sets which items address a requirement, from the requirement's side: each item in
    /// `items` (components, flows, decisions, endpoints, entities, scenarios, by id) gains the
    /// link, every other item of those kinds loses it.
    public mutating func setAddressing(_ requirement: ItemID<Requirement>, by items: Set<String>) {
        func update(_ links: inout [ItemID<Requirement>], _ id: String) {
            let has = links.contains(requirement)
            if items.contains(id) && !has { links.append(requirement) }
            if !items.contains(id) && has { links.removeAll { $0 == requirement } }
        }
        for i in components.indices { update(&components[i].requirements, components[i].id.rawValue) }
        for i in flows.indices { update(&flows[i].requirements, flows[i].id.rawValue) }
        for i in tradeOffs.indices { update(&tradeOffs[i].drivers, tradeOffs[i].id.rawValue) }
        for i in endpoints.indices { update(&endpoints[i].requirements, endpoints[i].id.rawValue) }
        for i in entities.indices { update(&entities[i].requirements, entities[i].id.rawValue) }
        for i in scenarios.indices { update(&scenarios[i].requirements, scenarios[i].id.rawValue) }
    }
}

extension Traceability {
    /// The items addressing one requirement, found by a scan (no index built): what the
    /// details of a single requirement need.
    public static func links(to requirement: ItemID<Requirement>, in design: Design) -> [Link] {
        var out: [Link] = []
        for c in design.components where c.requirements.contains(requirement) { out.append(Link(kind: .component, id: c.id.rawValue)) }
        for f in design.flows where f.requirements.contains(requirement) { out.append(Link(kind: .flow, id: f.id.rawValue)) }
        for t in design.tradeOffs where t.drivers.contains(requirement) { out.append(Link(kind: .decision, id: t.id.rawValue)) }
        for e in design.endpoints where e.requirements.contains(requirement) { out.append(Link(kind: .endpoint, id: e.id.rawValue)) }
        for e in design.entities where e.requirements.contains(requirement) { out.append(Link(kind: .entity, id: e.id.rawValue)) }
        for s in design.scenarios where s.requirements.contains(requirement) { out.append(Link(kind: .scenario, id: s.id.rawValue)) }
        return out
    }
}
