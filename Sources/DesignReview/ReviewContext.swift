import DesignModel
import Estimates

/// What the rules read, worked out once per review: components by position, flows as pairs of
/// positions, who calls whom, and lazily what several rules share (traceability, the load).
/// Positions instead of ids keep the graph walks cheap on designs of thousands of items.
final class ReviewContext {
    let design: Design
    let config: ReviewConfig

    /// Components by position and flows as pairs of positions (worked out when a rule first
    /// asks: a review after an estimate edit runs only rules that may not need them).
    struct Graph {
        /// Position of each component id (the first, when an id is repeated).
        var index: [ItemID<Component>: Int] = [:]
        var kinds: [Component.Kind] = []
        /// For each flow, the positions of its ends (-1: a component that does not exist).
        var from: [Int] = []
        var to: [Int] = []
        /// Flows leaving / entering each component (by flow position).
        var outgoing: [[Int]] = []
        var incoming: [[Int]] = []

        init(_ design: Design) {
            index.reserveCapacity(design.components.count)
            for (i, c) in design.components.enumerated() where index[c.id] == nil { index[c.id] = i }
            kinds = design.components.map(\.kind)
            let n = design.components.count
            from.reserveCapacity(design.flows.count)
            to.reserveCapacity(design.flows.count)
            outgoing = [[Int]](repeating: [], count: n)
            incoming = [[Int]](repeating: [], count: n)
            for (fi, f) in design.flows.enumerated() {
                let a = index[f.from] ?? -1, b = index[f.to] ?? -1
                from.append(a)
                to.append(b)
                if a >= 0 { outgoing[a].append(fi) }
                if b >= 0 { incoming[b].append(fi) }
            }
        }
    }

    private lazy var graph = Graph(design)
    lazy var index = graph.index
    lazy var kinds = graph.kinds
    lazy var from = graph.from
    lazy var to = graph.to
    lazy var outgoing = graph.outgoing
    lazy var incoming = graph.incoming

    /// The estimates and load worked out already by the caller (the workspace keeps them
    /// current between edits), so the review does not evaluate the design's expressions again.
    private let given: (sheet: EstimateSheet, load: DesignLoad)?

    init(_ design: Design, config: ReviewConfig, evaluated: (sheet: EstimateSheet, load: DesignLoad)? = nil) {
        self.design = design
        self.config = config
        given = evaluated
    }

    var componentCount: Int { kinds.count }

    /// True when the design has begun: there is something to review.
    var hasBegun: Bool { !design.requirements.isEmpty || !design.components.isEmpty }

    lazy var traceability = Traceability(design)

    /// The load on flows and components (only worked out when a rule needs it).
    var load: DesignLoad {
        readEstimates = true
        if let l = loadStore { return l }
        let l = given?.load ?? DesignLoad(design, sheet: sheet)
        loadStore = l
        return l
    }

    /// The design's estimates, evaluated (for instance counts written as expressions).
    var sheet: EstimateSheet {
        readEstimates = true
        if let s = sheetStore { return s }
        let s = given?.sheet ?? design.estimateSheet()
        sheetStore = s
        return s
    }

    private var loadStore: DesignLoad?
    private var sheetStore: EstimateSheet?
    /// Set when a rule reads `sheet` or `load`: its findings depend on the estimates, so a
    /// review after an estimate edit runs it again (see `ReviewMemo`). Rules read the estimates
    /// through these two only, never `design.estimates` directly.
    var readEstimates = false

    /// The API and data-model checks' findings, by check name (run once for all their rules).
    lazy var lowLevel: [String: [CheckFinding]] = Dictionary(grouping: LowLevelChecks.run(design), by: \.check)

    /// Who calls whom synchronously, and the cycles in it (shared by the path rules).
    lazy var syncCallees = ReliabilityRules.syncCallees(self)
    lazy var stronglyConnected = ReliabilityRules.stronglyConnected(syncCallees)
    /// Which components are slow (external, workers, or described so), and what clients reach
    /// over synchronous calls: computed once, read by several rules.
    lazy var slow: [Bool] = (0..<componentCount).map { ReliabilityRules.describesSlow(self, $0) }
    lazy var syncReach: (client: [Int], parent: [Int]) = ReliabilityRules.syncReach(self)

    /// The components a flow connects in the direction requests travel: from → to, and for a
    /// two-way flow also back (what reaches what).
    func neighbours(_ c: Int, bothWays: Bool = true, where keep: (Flow) -> Bool = { _ in true }) -> [(flow: Int, next: Int)] {
        var out: [(Int, Int)] = []
        for fi in outgoing[c] where to[fi] >= 0 && keep(design.flows[fi]) { out.append((fi, to[fi])) }
        if bothWays {
            for fi in incoming[c] where from[fi] >= 0 && design.flows[fi].direction == .twoWay && keep(design.flows[fi]) {
                out.append((fi, from[fi]))
            }
        }
        return out
    }

    // MARK: naming items in messages

    /// `comp-9 "Link cache"`.
    func component(_ i: Int) -> String {
        let c = design.components[i]
        return "\(c.id) " + Self.quoted(c.name)
    }

    /// `database comp-9 "Link store"`.
    func kindAndComponent(_ i: Int) -> String {
        kinds[i].label.lowercased() + " " + component(i)
    }

    /// `flow-3 (CDN edge → Load balancer)`.
    func flow(_ fi: Int) -> String {
        let f = design.flows[fi]
        let a = from[fi] >= 0 ? design.components[from[fi]].name : f.from.rawValue
        let b = to[fi] >= 0 ? design.components[to[fi]].name : f.to.rawValue
        return "\(f.id) (\(Self.short(a)) \(f.direction == .twoWay ? "↔" : "→") \(Self.short(b)))"
    }

    func requirement(_ r: Requirement) -> String { "\(r.id) " + Self.quoted(r.text) }

    func decision(_ t: TradeOff) -> String { "\(t.id) " + Self.quoted(t.title) }

    /// Text in quotes, one line, cut at 60 characters.
    static func quoted(_ s: String) -> String { "\"" + short(s, 60) + "\"" }

    static func short(_ s: String, _ limit: Int = 40) -> String {
        // Short one-line ASCII text (most names) is kept as it is, without walking its characters.
        if s.utf8.count < limit, s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return s.trimmingWhitespace }
        var t = s.trimmingWhitespace
        if t.contains(where: \.isNewline) { t = t.split(whereSeparator: \.isNewline).joined(separator: " ") }
        return t.count > limit ? String(t.prefix(limit - 1)) + "…" : t
    }

    // MARK: kinds

    static let clientKinds: Set<Component.Kind> = [.client, .app]
    /// Components that pass requests on (their hops do not count in a call chain).
    static let passThroughKinds: Set<Component.Kind> = [.dns, .cdn, .loadBalancer, .apiGateway]
    /// Components that hold state.
    static let statefulKinds: Set<Component.Kind> = [.database, .cache, .queue, .objectStorage, .searchIndex]
    /// Stores a client must not reach directly.
    static let privateStoreKinds: Set<Component.Kind> = [.database, .cache, .queue, .searchIndex]
    /// Stores that keep data (a cache's backing store).
    static let durableStoreKinds: Set<Component.Kind> = [.database, .objectStorage, .searchIndex]

    func isClient(_ i: Int) -> Bool { Self.clientKinds.contains(kinds[i]) }
}
