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
    /// The requirements this flow helps meet (traceability).
    public var requirements: [ItemID<Requirement>]

    public init(id: ItemID<Flow>, from: ItemID<Component>, to: ItemID<Component>, label: String = "",
                protocol: Protocol_ = .http, mode: Mode = .sync, direction: Direction = .oneWay,
                notes: String = "", protocolName: String = "", rate: String? = nil, payload: String? = nil,
                requirements: [ItemID<Requirement>] = []) {
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
        self.requirements = requirements
    }

    enum CodingKeys: String, CodingKey {
        case id, from, to, label, `protocol`, protocolName, mode, direction, notes, rate, payload, requirements
    }

    // Written out so that `requirements` is left out when empty (older files stay as they were,
    // and a hand-written flow need not say it).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
        try c.encode(label, forKey: .label)
        try c.encode(self.protocol, forKey: .`protocol`)
        try c.encode(protocolName, forKey: .protocolName)
        try c.encode(mode, forKey: .mode)
        try c.encode(direction, forKey: .direction)
        try c.encode(notes, forKey: .notes)
        try c.encodeIfPresent(rate, forKey: .rate)
        try c.encodeIfPresent(payload, forKey: .payload)
        if !requirements.isEmpty { try c.encode(requirements, forKey: .requirements) }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(ItemID<Flow>.self, forKey: .id),
                  from: try c.decode(ItemID<Component>.self, forKey: .from),
                  to: try c.decode(ItemID<Component>.self, forKey: .to),
                  label: try c.decode(String.self, forKey: .label),
                  protocol: try c.decode(Protocol_.self, forKey: .`protocol`),
                  mode: try c.decode(Mode.self, forKey: .mode),
                  direction: try c.decode(Direction.self, forKey: .direction),
                  notes: try c.decode(String.self, forKey: .notes),
                  protocolName: try c.decode(String.self, forKey: .protocolName),
                  rate: try c.decodeIfPresent(String.self, forKey: .rate),
                  payload: try c.decodeIfPresent(String.self, forKey: .payload),
                  requirements: try c.decodeIfPresent([ItemID<Requirement>].self, forKey: .requirements) ?? [])
    }

    /// How the protocol reads for people: the designer's own name when given, else the list's label.
    public var protocolLabel: String {
        let own = protocolName.trimmingCharacters(in: .whitespaces)
        return own.isEmpty ? self.protocol.label : own
    }
}
