/// A scenario: one story of how a request moves through the architecture ("create a short
/// link", "redirect when the cache is down"), told as an ordered list of steps between
/// components, grouped into blocks (alt/else, opt, loop, par, retry) that nest.
///
/// In JSON only `id` and `name` are required; the other fields default (empty text, no
/// requirements, the `happy-path` tag, no steps), so hand-written scenarios stay short.
/// Sysdraft always writes every field.
public struct Scenario: Codable, Equatable, Sendable, Identified {
    public static let idPrefix = "scen"

    /// What kind of story the scenario tells. Reports put `failure` scenarios under
    /// reliability (stage 6) and all others under low-level design (stage 3).
    public enum Tag: String, Codable, CaseIterable, Sendable {
        case happyPath = "happy-path"
        case edgeCase = "edge-case"
        case failure
        case scaling
        case security
        case other
    }

    public var id: ItemID<Scenario>
    public var name: String
    public var description: String
    /// The requirements the scenario demonstrates.
    public var requirements: [ItemID<Requirement>]
    public var tag: Tag
    /// The steps and blocks, in order.
    public var steps: [ScenarioNode]

    public init(id: ItemID<Scenario>, name: String, description: String = "",
                requirements: [ItemID<Requirement>] = [], tag: Tag = .happyPath, steps: [ScenarioNode] = []) {
        self.id = id
        self.name = name
        self.description = description
        self.requirements = requirements
        self.tag = tag
        self.steps = steps
    }

    enum CodingKeys: String, CodingKey {
        case id, name, description, requirements, tag, steps
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(ItemID<Scenario>.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        description = try c.decodeIfPresent(String.self, forKey: .description) ?? ""
        requirements = try c.decodeIfPresent([ItemID<Requirement>].self, forKey: .requirements) ?? []
        tag = try c.decodeIfPresent(Tag.self, forKey: .tag) ?? .happyPath
        steps = try c.decodeIfPresent([ScenarioNode].self, forKey: .steps) ?? []
    }
}

extension Scenario.Tag: Labelled {
    public var label: String {
        switch self {
        case .happyPath: "Happy path"
        case .edgeCase: "Edge case"
        case .failure: "Failure"
        case .scaling: "Scaling"
        case .security: "Security"
        case .other: "Other"
        }
    }
}

/// One message in a scenario: `from` sends `message` to `to` (the same component for a
/// self-call).
///
/// `flow` is stored only when the step names its data flow explicitly (because several flows
/// connect the two components, or to override the match); when it is absent the flow is
/// matched from the architecture each time it is needed (`Design.flowMatch(for:)`), so adding,
/// removing or redirecting flows never leaves a stale copy in the scenario.
public struct ScenarioStep: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, CaseIterable, Sendable {
        /// A call the sender waits on (drawn solid).
        case sync
        /// A message the sender does not wait on: an event, a queue publish (drawn dashed).
        case async
        /// The answer to an earlier call (drawn dashed, travels back on the call's flow).
        case reply
    }

    public var from: ItemID<Component>
    public var to: ItemID<Component>
    public var message: String
    public var kind: Kind
    public var notes: String
    /// The data flow the step travels on, when chosen by hand; nil means "match automatically".
    public var flow: ItemID<Flow>?

    public init(from: ItemID<Component>, to: ItemID<Component>, message: String, kind: Kind = .sync,
                notes: String = "", flow: ItemID<Flow>? = nil) {
        self.from = from
        self.to = to
        self.message = message
        self.kind = kind
        self.notes = notes
        self.flow = flow
    }

    public var isSelfCall: Bool { from == to }

    enum CodingKeys: String, CodingKey {
        case from, to, message, kind, notes, flow
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        from = try c.decode(ItemID<Component>.self, forKey: .from)
        to = try c.decode(ItemID<Component>.self, forKey: .to)
        message = try c.decodeIfPresent(String.self, forKey: .message) ?? ""
        kind = try c.decodeIfPresent(Kind.self, forKey: .kind) ?? .sync
        notes = try c.decodeIfPresent(String.self, forKey: .notes) ?? ""
        flow = try c.decodeIfPresent(ItemID<Flow>.self, forKey: .flow)
    }
}

extension ScenarioStep.Kind: Labelled {
    public var label: String {
        switch self {
        case .sync: "Call"
        case .async: "Async message"
        case .reply: "Reply"
        }
    }
}
