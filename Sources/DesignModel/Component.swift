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
    /// The innermost group the component sits in (a region, network, trust boundary, team).
    public var group: ItemID<ComponentGroup>?

    public init(id: ItemID<Component>, name: String, kind: Kind, responsibility: String = "",
                technology: String = "", notes: String = "", capacity: String? = nil, instances: String? = nil,
                group: ItemID<ComponentGroup>? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.responsibility = responsibility
        self.technology = technology
        self.notes = notes
        self.capacity = capacity
        self.instances = instances
        self.group = group
    }
}
