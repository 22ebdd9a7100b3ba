/// How a scenario step lines up with the architecture's data flows.
///
/// Matching rule: a call or an async message from A to B travels on a flow from A to B, or on a
/// two-way flow between them; a reply travels back on the flow of the call it answers, so it
/// matches any flow between A and B in either direction. A self-call needs no flow. When the
/// step names a flow itself (`ScenarioStep.flow`), that flow is used if it exists and connects
/// the two components that way.
public enum FlowMatch: Equatable, Sendable {
    /// A self-call: nothing travels between components.
    case selfCall
    /// The step names this flow, and it connects the two components.
    case explicit(ItemID<Flow>)
    /// Exactly one flow connects the two components that way.
    case matched(ItemID<Flow>)
    /// Several flows do; the step should name one (all are taken as used).
    case ambiguous([ItemID<Flow>])
    /// No flow connects them that way: the step is not in the architecture.
    case missing
    /// The step names a flow that does not exist.
    case unknownFlow(ItemID<Flow>)
    /// The step names a flow that connects other components (or goes the other way).
    case wrongFlow(ItemID<Flow>)
    /// The step's sender or receiver is not a component of the design.
    case unknownComponent(ItemID<Component>)

    /// The flows the step travels on, as far as the architecture says.
    public var flows: [ItemID<Flow>] {
        switch self {
        case .explicit(let f), .matched(let f): [f]
        case .ambiguous(let fs): fs
        case .selfCall, .missing, .unknownFlow, .wrongFlow, .unknownComponent: []
        }
    }

    /// True when the architecture has what the step needs (a self-call always does).
    public var isInArchitecture: Bool {
        switch self {
        case .selfCall, .explicit, .matched, .ambiguous: true
        case .missing, .unknownFlow, .wrongFlow, .unknownComponent: false
        }
    }
}

/// A data flow that would put a step into the architecture.
public struct FlowProposal: Equatable, Sendable {
    public var from: ItemID<Component>
    public var to: ItemID<Component>
    public var label: String
    public var mode: Flow.Mode

    public init(from: ItemID<Component>, to: ItemID<Component>, label: String, mode: Flow.Mode) {
        self.from = from
        self.to = to
        self.label = label
        self.mode = mode
    }
}

/// A step that the architecture does not support ("not in the architecture"), and the flow
/// that would fix it.
public struct UnsupportedStep: Equatable, Sendable {
    public var number: Int
    public var path: ScenarioPath
    public var step: ScenarioStep
    /// Why: `.missing`, `.unknownFlow`, `.wrongFlow` or `.unknownComponent`.
    public var match: FlowMatch
    /// The flow to add; nil when a component is missing (add the component first). A reply's
    /// proposal points the way of the call it answers. The same proposal can fix several steps.
    public var proposal: FlowProposal?
}

/// The components and flows a scenario touches, in order of first use (for highlighting them
/// in the architecture diagram). Only ids that exist in the design are listed.
public struct ScenarioUsage: Equatable, Sendable {
    public var components: [ItemID<Component>]
    public var flows: [ItemID<Flow>]

    public var componentSet: Set<ItemID<Component>> { Set(components) }
    public var flowSet: Set<ItemID<Flow>> { Set(flows) }
}

/// Flow look-up by endpoints, built once per design for matching many steps.
public struct FlowMatcher: Sendable {
    private struct Pair: Hashable { var a: ItemID<Component>, b: ItemID<Component> }
    /// One-way and two-way flows by (from, to); two-way flows also under (to, from).
    private var forward: [Pair: [ItemID<Flow>]] = [:]
    /// Every flow between two components, either way, under both orders.
    private var between: [Pair: [ItemID<Flow>]] = [:]
    private var flowsByID: [ItemID<Flow>: Flow] = [:]
    private let componentIDs: Set<ItemID<Component>>

    public init(_ design: Design) {
        componentIDs = Set(design.components.map(\.id))
        for f in design.flows {
            if flowsByID[f.id] == nil { flowsByID[f.id] = f }
            forward[Pair(a: f.from, b: f.to), default: []].append(f.id)
            if f.direction == .twoWay && f.from != f.to { forward[Pair(a: f.to, b: f.from), default: []].append(f.id) }
            between[Pair(a: f.from, b: f.to), default: []].append(f.id)
            if f.from != f.to { between[Pair(a: f.to, b: f.from), default: []].append(f.id) }
        }
    }

    /// The flows a step from `from` to `to` of `kind` may travel on (see `FlowMatch`).
    public func candidates(from: ItemID<Component>, to: ItemID<Component>, kind: ScenarioStep.Kind) -> [ItemID<Flow>] {
        let key = Pair(a: from, b: to)
        return (kind == .reply ? between[key] : forward[key]) ?? []
    }

    public func match(_ step: ScenarioStep) -> FlowMatch {
        if !componentIDs.contains(step.from) { return .unknownComponent(step.from) }
        if !componentIDs.contains(step.to) { return .unknownComponent(step.to) }
        if step.isSelfCall { return .selfCall }
        let found = candidates(from: step.from, to: step.to, kind: step.kind)
        if let chosen = step.flow {
            guard flowsByID[chosen] != nil else { return .unknownFlow(chosen) }
            return found.contains(chosen) ? .explicit(chosen) : .wrongFlow(chosen)
        }
        switch found.count {
        case 0: return .missing
        case 1: return .matched(found[0])
        default: return .ambiguous(found)
        }
    }
}

extension Design {
    /// The flow a step travels on (see `FlowMatch` for the rule). For many steps, build one
    /// `FlowMatcher` and reuse it.
    public func flowMatch(for step: ScenarioStep) -> FlowMatch {
        FlowMatcher(self).match(step)
    }

    /// The steps of a scenario that the architecture does not support, in step order, each
    /// with the flow that would support it.
    public func unsupportedSteps(in scenario: Scenario) -> [UnsupportedStep] {
        let matcher = FlowMatcher(self)
        var out: [UnsupportedStep] = []
        for n in scenario.numberedSteps {
            let m = matcher.match(n.step)
            guard !m.isInArchitecture else { continue }
            var proposal: FlowProposal?
            if case .unknownComponent = m {
                proposal = nil
            } else {
                let s = n.step
                let (from, to) = s.kind == .reply ? (s.to, s.from) : (s.from, s.to)
                proposal = FlowProposal(from: from, to: to, label: s.message, mode: s.kind == .async ? .async : .sync)
            }
            out.append(UnsupportedStep(number: n.number, path: n.path, step: n.step, match: m, proposal: proposal))
        }
        return out
    }

    /// Adds the proposed flow (one-way, protocol "other": the user fills in the rest) and
    /// returns its id. Steps that named a wrong or deleted flow keep their choice; clear it
    /// (`ScenarioStep.flow = nil`) to let them match the new flow.
    @discardableResult
    public mutating func addFlow(_ proposal: FlowProposal) throws -> ItemID<Flow> {
        try addFlow(from: proposal.from, to: proposal.to, label: proposal.label, protocol: .other, mode: proposal.mode)
    }

    /// The components and flows a scenario uses (for the diagram highlight).
    public func usage(of scenario: Scenario) -> ScenarioUsage {
        let matcher = FlowMatcher(self)
        let known = Set(components.map(\.id))
        var comps: [ItemID<Component>] = [], seenC = Set<ItemID<Component>>()
        var flowIDs: [ItemID<Flow>] = [], seenF = Set<ItemID<Flow>>()
        for n in scenario.numberedSteps {
            for c in [n.step.from, n.step.to] where known.contains(c) && seenC.insert(c).inserted { comps.append(c) }
            for f in matcher.match(n.step).flows where seenF.insert(f).inserted { flowIDs.append(f) }
        }
        return ScenarioUsage(components: comps, flows: flowIDs)
    }

    /// The components a scenario's steps name, in order of first appearance (missing ones
    /// included): the participants of its sequence diagram.
    public func participants(of scenario: Scenario) -> [ItemID<Component>] {
        var out: [ItemID<Component>] = [], seen = Set<ItemID<Component>>()
        for n in scenario.numberedSteps {
            for c in [n.step.from, n.step.to] where seen.insert(c).inserted { out.append(c) }
        }
        return out
    }

    /// How many scenario steps name a component (to say so before deleting it).
    public func scenarioStepCount(touching id: ItemID<Component>) -> Int {
        scenarios.reduce(0) { total, s in
            total + s.numberedSteps.filter { $0.step.from == id || $0.step.to == id }.count
        }
    }
}
