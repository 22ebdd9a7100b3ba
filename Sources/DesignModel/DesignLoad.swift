import Estimates

extension Design {
    /// The design's estimates, evaluated in dependency order.
    public func estimateSheet() -> EstimateSheet {
        EstimateSheet(estimates.map { EstimateSheet.Row(name: $0.name, expression: $0.expression) })
    }
}

/// The load the design's flows carry and what it means for its components, computed from the
/// flows' rate and payload expressions and the components' capacity and instance counts, over
/// the design's estimates. A flow's load counts against the component it points to (`to`; for a
/// two-way flow, the side that answers). Pure: build it whenever the design changes.
public struct DesignLoad: Sendable {
    /// One expression on a flow or component, evaluated, with the unit it asked for (`to`).
    public struct Figure: Equatable, Sendable {
        public var status: EstimateSheet.Status
        public var target: UnitTarget?

        public init(_ status: EstimateSheet.Status, target: UnitTarget? = nil) {
            self.status = status
            self.target = target
        }

        public var quantity: Quantity? { status.quantity }

        /// The value in its `to` unit or a readable one; the error; or what it depends on.
        public var text: String {
            switch status {
            case .value(let q): ValueFormat.show(q, target: target, style: .display).text
            case .error(let e): "error: " + e.description
            case .dependsOnError(let names): "depends on " + names.joined(separator: ", ") + " (error)"
            }
        }
    }

    public struct FlowLoad: Equatable, Sendable {
        public var id: ItemID<Flow>
        /// Requests or messages per time; nil when the flow states none.
        public var rate: Figure?
        /// Size of one request or message; nil when the flow states none.
        public var payload: Figure?
        /// Rate × payload, when both have values.
        public var bandwidth: Figure?

        public var isStated: Bool { rate != nil || payload != nil }
    }

    public struct ComponentLoad: Equatable, Sendable {
        public var id: ItemID<Component>
        /// What one instance handles (a rate or a data rate); nil when not stated.
        public var capacity: Figure?
        /// How many instances run; nil when not stated (one is assumed).
        public var instances: Figure?
        /// Capacity × instances.
        public var totalCapacity: Figure?
        /// The sum of the incoming flows' rates (or bandwidths, when the capacity is a data
        /// rate), over the flows that state one; nil when no capacity is stated.
        public var incoming: Figure?
        /// Incoming flows that state the load the capacity is measured in, of all incoming.
        public var flowsCounted: Int
        public var flowsIncoming: Int
        /// Incoming over total capacity, when both are known.
        public var utilisation: Double?

        public var isOverloaded: Bool { (utilisation ?? 0) > 1 }
    }

    public internal(set) var sheet: EstimateSheet
    /// One per flow, in the design's order.
    public internal(set) var flows: [FlowLoad]
    /// One per component, in the design's order.
    public internal(set) var components: [ComponentLoad]

    public init(_ design: Design, sheet: EstimateSheet? = nil) {
        var evaluator = Evaluator(sheet ?? design.estimateSheet())
        self.init(design, evaluator: &evaluator, incoming: Self.incoming(design))
    }

    /// The load of `design` over `evaluator`'s sheet; `incoming[c]`: the positions of the flows
    /// into component `c` (see `incoming(_:)`).
    init(_ design: Design, evaluator: inout Evaluator, incoming: [[Int]]) {
        sheet = evaluator.sheet
        var flowLoads: [FlowLoad] = []
        flowLoads.reserveCapacity(design.flows.count)
        for f in design.flows { flowLoads.append(evaluator.flow(f)) }
        flows = flowLoads
        components = design.components.indices.map { i in
            evaluator.component(design.components[i], incoming: incoming[i].map { flowLoads[$0] })
        }
    }

    /// For each component, by position, the positions of the flows whose `to` is that component
    /// (a two-way flow counts against the side that answers).
    static func incoming(_ design: Design) -> [[Int]] {
        var position: [ItemID<Component>: Int] = [:]
        position.reserveCapacity(design.components.count)
        for (i, c) in design.components.enumerated() where position[c.id] == nil { position[c.id] = i }
        var out = [[Int]](repeating: [], count: design.components.count)
        for (fi, f) in design.flows.enumerated() { if let c = position[f.to] { out[c].append(fi) } }
        // A repeated component id: each copy sees the same flows (as the id-keyed lookup did).
        for (i, c) in design.components.enumerated() where position[c.id] != i { out[i] = out[position[c.id]!] }
        return out
    }

    /// The load of one flow, over a sheet of estimates (a flow row, a form's preview).
    public static func flow(_ f: Flow, sheet: EstimateSheet) -> FlowLoad {
        var e = Evaluator(sheet)
        return e.flow(f)
    }

    /// One component's capacity against the load of the flows into it (`incoming`: the loads of
    /// the flows whose `to` is this component).
    public static func component(_ c: Component, incoming: [FlowLoad], sheet: EstimateSheet) -> ComponentLoad {
        var e = Evaluator(sheet)
        return e.component(c, incoming: incoming)
    }

    /// Evaluates flow and component expressions over a sheet; flows often share an expression
    /// (`peak_read_qps`), so each text is evaluated once.
    struct Evaluator: Sendable {
        /// One expression's value over `sheet`, and the estimates it names (to know when an
        /// estimate edit changes it).
        struct Entry: Sendable {
            var status: EstimateSheet.Status
            var target: UnitTarget?
            var names: [String]
        }

        var sheet: EstimateSheet
        /// Each text's value over `sheet` (nil: blank, not stated).
        var memo: [String: Entry?] = [:]
        var parses = ParseCache()

        init(_ sheet: EstimateSheet) { self.sheet = sheet }

        mutating func evaluated(_ text: String) -> Entry? {
            if let known = memo[text] { return known }
            var entry: Entry?
            if !text.allSatisfy(\.isWhitespace) {
                switch parses.parse(text) {
                case .success(let e): entry = Entry(status: sheet.evaluate(e), target: e.target, names: e.names)
                case .failure(let error): entry = Entry(status: .error(error), target: nil, names: [])
                }
            }
            memo[text] = .some(entry)
            return entry
        }

        mutating func figure(_ text: String?, _ expected: [Dimension], _ what: String) -> Figure? {
            guard let text, let entry = evaluated(text) else { return nil }
            let (status, target) = (entry.status, entry.target)
            if let q = status.quantity, !expected.contains(q.dimension) {
                let wanted = expected.map(\.phrase).joined(separator: " or ")
                return Figure(.error(CalcError(.domain("\(what) must be \(wanted), not \(q.dimension.phrase)"), column: nil)))
            }
            if let q = status.quantity, q.value < 0 {
                return Figure(.error(CalcError(.domain("\(what) cannot be negative"), column: nil)))
            }
            return Figure(status, target: target)
        }

        mutating func flow(_ f: Flow) -> FlowLoad {
            var load = FlowLoad(id: f.id, rate: figure(f.rate, [.rate], "a flow's rate"),
                                payload: figure(f.payload, [.size], "a flow's payload"))
            if let r = load.rate?.quantity, let p = load.payload?.quantity {
                load.bandwidth = Figure(.value(Quantity(r.value * p.value, .dataRate, inBits: p.inBits)))
            }
            return load
        }

        mutating func component(_ c: Component, incoming incomingFlows: [FlowLoad]) -> ComponentLoad {
            var load = ComponentLoad(id: c.id, capacity: figure(c.capacity, [.rate, .dataRate], "a capacity"),
                                     instances: figure(c.instances, [.none], "an instance count"),
                                     flowsCounted: 0, flowsIncoming: incomingFlows.count)
            guard let capacity = load.capacity?.quantity else { return load }
            let count = load.instances.map { $0.quantity?.value } ?? 1
            if let count {
                load.totalCapacity = Figure(.value(Quantity(capacity.value * count, capacity.dimension, inBits: capacity.inBits)),
                                            target: load.capacity?.target)
            }
            // Sum what arrives, in the dimension the capacity is stated in.
            var sum = 0.0
            var broken: [String] = []
            var bits = capacity.inBits
            for fl in incomingFlows {
                // A rate, or for a data-rate capacity the bandwidth; a rate or payload with an
                // error makes the sum unknown; a flow stating neither is not counted.
                let part: Figure?
                if capacity.dimension == .rate {
                    part = fl.rate
                } else if let b = fl.bandwidth {
                    part = b
                } else {
                    part = [fl.rate, fl.payload].compactMap { $0 }.first { $0.quantity == nil }
                }
                guard let part else { continue }
                if let q = part.quantity {
                    sum += q.value
                    bits = bits || q.inBits
                    load.flowsCounted += 1
                } else {
                    broken.append(fl.id.rawValue)
                }
            }
            if !broken.isEmpty {
                load.incoming = Figure(.dependsOnError(broken.sorted()))
            } else {
                load.incoming = Figure(.value(Quantity(sum, capacity.dimension, inBits: bits)), target: load.capacity?.target)
                if let total = load.totalCapacity?.quantity, total.value > 0 {
                    load.utilisation = sum / total.value
                } else if load.totalCapacity?.quantity != nil {
                    load.utilisation = sum > 0 ? .infinity : 0
                }
            }
            return load
        }
    }

    /// Components whose incoming load is more than their capacity × instances.
    public var overloaded: [ComponentLoad] { components.filter(\.isOverloaded) }

    /// Edge labels for the diagram, by flow id (flows with no load value are left out); see
    /// `edgeLabel(forFlowAt:)`.
    public var edgeLabels: [ItemID<Flow>: String] {
        var out: [ItemID<Flow>: String] = [:]
        for i in flows.indices { if let l = edgeLabel(forFlowAt: i) { out[flows[i].id] = l } }
        return out
    }

    /// A short label for a flow's arrow on a diagram: rate and bandwidth (`20.0K /s · 10.0 MB/s`),
    /// or whichever is known; nil when the flow states no load or none of it has a value.
    public func edgeLabel(forFlowAt i: Int) -> String? {
        let f = flows[i]
        var parts: [String] = []
        if let r = f.rate, r.quantity != nil { parts.append(r.text) }
        if let b = f.bandwidth { parts.append(b.text) } else if let p = f.payload, p.quantity != nil { parts.append(p.text + " each") }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }
}
