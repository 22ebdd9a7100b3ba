import DesignModel

/// Words the exports need beyond the model's `Labelled` names (`DesignModel/Labels.swift`).
extension Component.Kind {
    /// A plural heading for a group of components of this kind.
    public var groupTitle: String {
        switch self {
        case .client: "Clients"
        case .app: "Apps"
        case .dns: "DNS"
        case .cdn: "CDN"
        case .loadBalancer: "Load balancers"
        case .apiGateway: "API gateways"
        case .service: "Services"
        case .worker: "Workers"
        case .database: "Databases"
        case .cache: "Caches"
        case .queue: "Message queues"
        case .objectStorage: "Object storage"
        case .searchIndex: "Search indexes"
        case .auth: "Auth"
        case .monitoring: "Monitoring"
        case .external: "External systems"
        case .other: "Other"
        }
    }
}


/// Node identifiers for diagram languages: `[A-Za-z0-9_]` only, prefixed with `n_` (so never a
/// keyword such as `end`, `graph` or `subgraph`, never starting with a digit), unique even when
/// two component ids differ only in characters that had to be replaced.
struct DiagramNodeIDs {
    private(set) var byComponent: [ItemID<Component>: String] = [:]
    private var used: Set<String> = []

    init(_ components: [Component]) {
        byComponent.reserveCapacity(components.count)
        used.reserveCapacity(components.count)
        for c in components where byComponent[c.id] == nil {
            var base = "n_"
            for s in c.id.rawValue.unicodeScalars {
                base.unicodeScalars.append(s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s)) ? s : "_")
            }
            var id = base
            var n = 1
            while used.contains(id) {
                n += 1
                id = "\(base)_\(n)"
            }
            used.insert(id)
            byComponent[c.id] = id
        }
    }

    subscript(_ id: ItemID<Component>) -> String? { byComponent[id] }
}

/// What diagrams show on a flow's arrow: what moves, and the protocol.
func flowCaption(_ flow: Flow) -> String {
    FlowCaption.caption(label: TextSafety.oneLine(flow.label), protocol: flow.protocol,
                        name: TextSafety.oneLine(flow.protocolName))
}

/// A component's name for diagrams, or its id when it has none.
func nodeCaption(_ c: Component) -> String {
    let name = TextSafety.oneLine(c.name)
    return name.isEmpty ? TextSafety.oneLine(c.id.rawValue) : name
}

/// Components grouped by kind, kinds in their declared order, components in document order.
func groupedByKind(_ components: [Component]) -> [(Component.Kind, [Component])] {
    var groups: [Component.Kind: [Component]] = [:]
    for c in components { groups[c.kind, default: []].append(c) }
    return Component.Kind.allCases.compactMap { k in groups[k].map { (k, $0) } }
}
