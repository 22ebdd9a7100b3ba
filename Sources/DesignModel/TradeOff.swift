/// A recorded decision: the options weighed, what was chosen and why.
public struct TradeOff: Codable, Equatable, Sendable, Identified {
    public static let idPrefix = "trade"

    /// Where the decision stands, as MADR records it.
    public enum Status: String, Codable, CaseIterable, Sendable {
        case proposed, accepted, rejected, superseded, deprecated
    }

    public struct Option: Codable, Equatable, Sendable, Identified {
        public static let idPrefix = "opt"
        public var id: ItemID<Option>
        public var name: String
        public var pros: [String]
        public var cons: [String]

        public init(id: ItemID<Option>, name: String, pros: [String] = [], cons: [String] = []) {
            self.id = id
            self.name = name
            self.pros = pros
            self.cons = cons
        }
    }

    public var id: ItemID<TradeOff>
    /// The question decided ("SQL or NoSQL for the URL table").
    public var title: String
    /// The checklist stage this decision belongs to.
    public var stage: StageKey
    public var context: String
    public var options: [Option]
    public var chosen: ItemID<Option>?
    public var rationale: String
    public var status: Status
    /// The decision that replaces this one (when superseded).
    public var supersededBy: ItemID<TradeOff>?
    /// The requirements that drive the decision.
    public var drivers: [ItemID<Requirement>]

    public init(id: ItemID<TradeOff>, title: String, stage: StageKey = .tradeOffs, context: String = "",
                options: [Option] = [], chosen: ItemID<Option>? = nil, rationale: String = "",
                status: Status = .proposed, supersededBy: ItemID<TradeOff>? = nil,
                drivers: [ItemID<Requirement>] = []) {
        self.id = id
        self.title = title
        self.stage = stage
        self.context = context
        self.options = options
        self.chosen = chosen
        self.rationale = rationale
        self.status = status
        self.supersededBy = supersededBy
        self.drivers = drivers
    }

    public var chosenOption: Option? { chosen.flatMap { options[id: $0] } }
}
