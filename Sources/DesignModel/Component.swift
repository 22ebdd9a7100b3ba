/// A box in the architecture: a service, a store, a client, an external system.
public struct Component: Codable, Equatable, Sendable, Identified {
    public static let idPrefix = "comp"

    public enum Kind: String, Codable, CaseIterable, Sendable {
        case client
        case app                       // web or mobile app
        case dns
        case cdn
        case loadBalancer = "load-balancer"
        case apiGateway = "api-gateway"
        case service
        case worker
        case database
        case cache
        case queue = "message-queue"
        case objectStorage = "object-storage"
        case searchIndex = "search-index"
        case auth
        case monitoring
        case external
        case other
    }

    public var id: ItemID<Component>
    public var name: String
    public var kind: Kind
    public var responsibility: String
    public var technology: String
    public var notes: String
    /// What one instance handles, as an expression: a rate (`2K /s`) or a data rate
    /// (`1 Gbit/s`); nil when not stated.
    public var capacity: String?
    /// How many instances run (`3`, `servers_needed`); nil means one.
    public var instances: String?
    /// How the component survives losing an instance when its count does not say so (a managed
    /// store replicated across zones, a primary with a standby); nil when not stated.
    public var redundancy: String?
    /// The requirements this component helps meet (traceability).
    public var requirements: [ItemID<Requirement>]
    /// The innermost group the component sits in (a region, network, trust boundary, team).
    public var group: ItemID<ComponentGroup>?

    public init(id: ItemID<Component>, name: String, kind: Kind, responsibility: String = "",
                technology: String = "", notes: String = "", capacity: String? = nil, instances: String? = nil,
                redundancy: String? = nil, requirements: [ItemID<Requirement>] = [], group: ItemID<ComponentGroup>? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.responsibility = responsibility
        self.technology = technology
        self.notes = notes
        self.capacity = capacity
        self.instances = instances
        self.redundancy = redundancy
        self.requirements = requirements
        self.group = group
    }

    enum CodingKeys: String, CodingKey {
        case id, name, kind, responsibility, technology, notes, capacity, instances, redundancy, requirements, group
    }

    // Written out so that `requirements` is left out when empty (older files stay as they were,
    // and a hand-written component need not say it).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(kind, forKey: .kind)
        try c.encode(responsibility, forKey: .responsibility)
        try c.encode(technology, forKey: .technology)
        try c.encode(notes, forKey: .notes)
        try c.encodeIfPresent(capacity, forKey: .capacity)
        try c.encodeIfPresent(instances, forKey: .instances)
        try c.encodeIfPresent(redundancy, forKey: .redundancy)
        if !requirements.isEmpty { try c.encode(requirements, forKey: .requirements) }
        try c.encodeIfPresent(group, forKey: .group)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(ItemID<Component>.self, forKey: .id),
                  name: try c.decode(String.self, forKey: .name),
                  kind: try c.decode(Kind.self, forKey: .kind),
                  responsibility: try c.decode(String.self, forKey: .responsibility),
                  technology: try c.decode(String.self, forKey: .technology),
                  notes: try c.decode(String.self, forKey: .notes),
                  capacity: try c.decodeIfPresent(String.self, forKey: .capacity),
                  instances: try c.decodeIfPresent(String.self, forKey: .instances),
                  redundancy: try c.decodeIfPresent(String.self, forKey: .redundancy),
                  requirements: try c.decodeIfPresent([ItemID<Requirement>].self, forKey: .requirements) ?? [],
                  group: try c.decodeIfPresent(ItemID<ComponentGroup>.self, forKey: .group))
    }
}
