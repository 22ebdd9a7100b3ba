/// Human words for the model's enums, shared by the workspace and the exporters.
public protocol Labelled: CaseIterable, Equatable {
    /// How the value is written for people ("Load balancer", "HTTP/REST").
    var label: String { get }
}

extension Requirement.Kind: Labelled {
    public var label: String {
        switch self {
        case .functional: "Functional"
        case .nonFunctional: "Non-functional"
        case .constraint: "Constraint"
        }
    }

    /// Two or three letters for list rows.
    public var shortTag: String {
        switch self {
        case .functional: "FR"
        case .nonFunctional: "NFR"
        case .constraint: "CON"
        }
    }
}

extension Requirement.Priority: Labelled {
    public var label: String {
        switch self {
        case .must: "Must"
        case .should: "Should"
        case .could: "Could"
        }
    }
}

extension Requirement.Category: Labelled {
    public var label: String {
        switch self {
        case .maintainability: "Maintainability"
        case .observability: "Observability"
        default: rawValue.prefix(1).uppercased() + rawValue.dropFirst()
        }
    }
}

extension Component.Kind: Labelled {
    public var label: String {
        switch self {
        case .client: "Client"
        case .app: "Web/mobile app"
        case .dns: "DNS"
        case .cdn: "CDN"
        case .loadBalancer: "Load balancer"
        case .apiGateway: "API gateway"
        case .service: "Service"
        case .worker: "Worker"
        case .database: "Database"
        case .cache: "Cache"
        case .queue: "Message queue"
        case .objectStorage: "Object storage"
        case .searchIndex: "Search index"
        case .auth: "Auth"
        case .monitoring: "Monitoring"
        case .external: "External system"
        case .other: "Other"
        }
    }

    /// The tag drawn on boxes and list rows, after the symbols people draw on whiteboards.
    public var shortTag: String {
        switch self {
        case .client: "User"
        case .app: "App"
        case .dns: "DNS"
        case .cdn: "CDN"
        case .loadBalancer: "LB"
        case .apiGateway: "GW"
        case .service: "Svc"
        case .worker: "Wkr"
        case .database: "DB"
        case .cache: "Cache"
        case .queue: "Q"
        case .objectStorage: "Blob"
        case .searchIndex: "Idx"
        case .auth: "Auth"
        case .monitoring: "Mon"
        case .external: "Ext"
        case .other: "•"
        }
    }
}

extension Flow.Protocol_: Labelled {
    public var label: String {
        switch self {
        case .http: "HTTP/REST"
        case .grpc: "gRPC"
        case .websocket: "WebSocket"
        case .graphql: "GraphQL"
        case .sql: "SQL"
        case .pubsub: "Pub/sub"
        case .tcp: "TCP"
        case .udp: "UDP"
        case .other: "Other"
        }
    }
}

extension Flow.Mode: Labelled {
    public var label: String { self == .sync ? "Sync" : "Async" }
}

extension Flow.Direction: Labelled {
    public var label: String { self == .oneWay ? "One-way" : "Two-way" }
}

extension TradeOff.Status: Labelled {
    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    /// One character for list rows.
    public var mark: String {
        switch self {
        case .proposed: "?"
        case .accepted: "✓"
        case .rejected: "✗"
        case .superseded: "↷"
        case .deprecated: "⌀"
        }
    }
}

extension FollowUpStatus: Labelled {
    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

extension Risk.Impact: Labelled {
    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

extension StageKey: Labelled {
    /// The stage's name when no catalogue is at hand (the catalogue's title wins where there is one).
    public var label: String {
        switch self {
        case .requirements: "Requirements clarification"
        case .highLevelDesign: "High-level design"
        case .lowLevelDesign: "Low-level design"
        case .scalability: "Scalability & performance"
        case .dataStorage: "Data modeling & storage"
        case .reliability: "Reliability & fault tolerance"
        case .security: "Security"
        case .deployment: "Deployment & DevOps"
        case .monitoring: "Monitoring & alerting"
        case .tradeOffs: "Trade-off analysis"
        }
    }
}

extension Labelled {
    public static var labels: [String] { allCases.map(\.label) }

    /// The position of this value in `allCases`.
    public var caseIndex: Int { Array(Self.allCases).firstIndex(of: self) ?? 0 }

    public static func fromIndex(_ i: Int) -> Self {
        let all = Array(allCases)
        return all[min(max(i, 0), all.count - 1)]
    }
}
