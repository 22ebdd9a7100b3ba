/// A data flow: an arrow from one component to another.
public struct Flow: Codable, Equatable, Sendable, Identified {
    public static let idPrefix = "flow"

    public enum Protocol_: String, Codable, CaseIterable, Sendable {
        case http, grpc, websocket, graphql, sql, pubsub, tcp, udp, other
    }

    public enum Mode: String, Codable, CaseIterable, Sendable {
        case sync, async
    }

    public enum Direction: String, Codable, CaseIterable, Sendable {
        case oneWay = "one-way"
        case twoWay = "two-way"
    }

    public var id: ItemID<Flow>
    public var from: ItemID<Component>
    public var to: ItemID<Component>
    /// What moves along the arrow ("short URL", "click events").
    public var label: String
    public var `protocol`: Protocol_
    /// The protocol in the designer's words when the list does not say it ("RESP", "Kafka",
    /// "HTTP/2"); shown instead of the list's label when set.
    public var protocolName: String
    public var mode: Mode
    public var direction: Direction
    public var notes: String
    /// Requests or messages per unit of time along the flow, as an expression over the
    /// design's estimates (`peak_read_qps`, `200 /s`); nil when not stated.
    public var rate: String?
    /// Size of one request or message (`500 B`, `avg_event_size`); nil when not stated.
    public var payload: String?

    public init(id: ItemID<Flow>, from: ItemID<Component>, to: ItemID<Component>, label: String = "",
                protocol: Protocol_ = .http, mode: Mode = .sync, direction: Direction = .oneWay,
                notes: String = "", protocolName: String = "", rate: String? = nil, payload: String? = nil) {
        self.id = id
        self.from = from
        self.to = to
        self.label = label
        self.protocol = `protocol`
        self.protocolName = protocolName
        self.mode = mode
        self.direction = direction
        self.notes = notes
        self.rate = rate
        self.payload = payload
    }

    /// How the protocol reads for people: the designer's own name when given, else the list's label.
    public var protocolLabel: String {
        let own = protocolName.trimmingCharacters(in: .whitespaces)
        return own.isEmpty ? self.protocol.label : own
    }
}
