import DesignModel
import Estimates

/// Rules on failures: single points of failure, cycles of synchronous calls, slow or external
/// dependencies on a client's path, and a reliability stage nobody worked on.
enum ReliabilityRules {
    static let rules: [ReviewRule] = [
        ReviewRule("component.single-point-of-failure", .warning, .reliability,
                   summary: "A stateful component (database, cache, queue, storage, search index) with one instance and no redundancy note, while a requirement asks for availability.",
                   hint: "Run replicas or a standby (Instances), or note the redundancy the service gives (Redundancy: \"DynamoDB keeps three copies across zones\").",
                   run: singlePointOfFailure),
        ReviewRule("flow.sync-cycle", .warning, .reliability,
                   summary: "Components that call each other synchronously in a cycle.",
                   hint: "Break the cycle: make one call asynchronous (a queue or an event), or give the shared data one owner that the others call.",
                   run: syncCycles),
        ReviewRule("path.sync-slow-dependency", .warning, .reliability,
                   summary: "An external system, worker or component described as slow, batch or legacy, called synchronously on a client's request path.",
                   hint: "Call it asynchronously (queue the work, notify when done), or bound it: a timeout, retries with backoff, a circuit breaker and a fallback.",
                   run: slowDependencies),
        ReviewRule("design.reliability-untouched", .warning, .reliability,
                   summary: "Stage 6 (reliability and fault tolerance) is untouched in a design of more than five components.",
                   hint: "Say how failures are handled: redundancy and failover, retries and timeouts, circuit breakers, degraded modes (tick stage 6, add notes or a failure scenario).",
                   run: reliabilityUntouched),
    ]

    // MARK: single points of failure

    static let availabilityWords: Set<String> = ["availability", "available", "uptime", "downtime", "nines", "failover"]

    /// The first requirement that asks for availability: a non-functional requirement in the
    /// availability category, or one whose text speaks of availability, uptime or nines.
    static func availabilityRequirement(_ d: Design) -> Requirement? {
        d.requirements.first { $0.kind == .nonFunctional && $0.category == .availability }
            ?? d.requirements.first {
                $0.kind != .functional && TextScan.mentions([$0.text], words: availabilityWords)
            }
    }

    /// How many instances a component runs: one when not stated; nil when the count does not
    /// evaluate (validate reports that).
    static func instanceCount(_ c: ReviewContext, _ comp: Component) -> Double? {
        guard let text = comp.instances?.trimmingWhitespace, !text.isEmpty else { return 1 }
        if let n = Int(text) { return Double(n) }
        guard let q = c.sheet.evaluate(text).status.quantity, q.dimension == .none else { return nil }
        return q.value
    }

    /// `runs as a single instance`, `runs 1 instance`, `runs 0 instances`, or with the estimate
    /// it comes from: `runs 1 instance (db_nodes)`.
    static func instancePhrase(_ text: String?, _ count: Double) -> String {
        guard let text, !text.isEmpty else { return "runs as a single instance" }
        let n = count == count.rounded() ? String(Int(count)) : String(count)
        let phrase = "runs \(n) instance" + (count == 1 ? "" : "s")
        return Int(text) != nil ? phrase : phrase + " (\(text))"
    }

    static func singlePointOfFailure(_ c: ReviewContext) -> [RuleHit] {
        guard let need = availabilityRequirement(c.design) else { return [] }
        var hits: [RuleHit] = []
        for (i, comp) in c.design.components.enumerated() where ReviewContext.statefulKinds.contains(comp.kind) {
            guard c.index[comp.id] == i, (comp.redundancy ?? "").trimmingWhitespace.isEmpty,
                  let count = instanceCount(c, comp), count < 2 else { continue }
            let stated = instancePhrase(comp.instances?.trimmingWhitespace, count)
            hits.append(RuleHit([comp.id.rawValue],
                                "\(comp.kind.label) \(c.component(i)) \(stated) with no redundancy noted, while \(c.requirement(need)) asks for availability: losing it stops what depends on it."))
        }
        return hits
    }

    // MARK: synchronous graph

    /// Components called synchronously by each component (positions; self-calls left out).
    static func syncCallees(_ c: ReviewContext) -> [[(flow: Int, next: Int)]] {
        var out = [[(flow: Int, next: Int)]](repeating: [], count: c.componentCount)
        for (fi, f) in c.design.flows.enumerated() where f.mode == .sync {
            let a = c.from[fi], b = c.to[fi]
            guard a >= 0, b >= 0, a != b else { continue }
            out[a].append((fi, b))
        }
        return out
    }

    /// Strongly connected components of the synchronous call graph (Tarjan, iterative), each
    /// as positions; `sccOf` gives each component's group.
    static func stronglyConnected(_ callees: [[(flow: Int, next: Int)]]) -> (groups: [[Int]], sccOf: [Int]) {
        let n = callees.count
        var indexOf = [Int](repeating: -1, count: n), low = [Int](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n), sccOf = [Int](repeating: -1, count: n)
        var stack: [Int] = [], groups: [[Int]] = []
        var counter = 0
        for root in 0..<n where indexOf[root] < 0 {
            var work: [(node: Int, edge: Int)] = [(root, 0)]
            indexOf[root] = counter; low[root] = counter; counter += 1
            stack.append(root); onStack[root] = true
            while !work.isEmpty {
                let (v, e) = work[work.count - 1]
                if e < callees[v].count {
                    work[work.count - 1].edge += 1
                    let w = callees[v][e].next
                    if indexOf[w] < 0 {
                        indexOf[w] = counter; low[w] = counter; counter += 1
                        stack.append(w); onStack[w] = true
                        work.append((w, 0))
                    } else if onStack[w] {
                        low[v] = min(low[v], indexOf[w])
                    }
                } else {
                    work.removeLast()
                    if let parent = work.last?.node { low[parent] = min(low[parent], low[v]) }
                    if low[v] == indexOf[v] {
                        var group: [Int] = []
                        while let w = stack.popLast() {
                            onStack[w] = false
                            sccOf[w] = groups.count
                            group.append(w)
                            if w == v { break }
                        }
                        groups.append(group)
                    }
                }
            }
        }
        return (groups, sccOf)
    }

    static func syncCycles(_ c: ReviewContext) -> [RuleHit] {
        let callees = c.syncCallees
        let (groups, sccOf) = c.stronglyConnected
        var hits: [RuleHit] = []
        for (g, group) in groups.enumerated() where group.count > 1 {
            let first = group.min()!
            let cycle = shortestCycle(from: first, within: g, callees, sccOf)
            let members = group.sorted()
            var message = "Synchronous calls go round in a cycle: " + (cycle + [first]).map(c.component).joined(separator: " → ")
            if members.count > cycle.count {
                message += " (\(members.count) components call each other in loops)"
            }
            hits.append(RuleHit(members.map { c.design.components[$0].id.rawValue }, message + "."))
        }
        return hits
    }

    /// The shortest path from `start` back to itself inside its group (breadth first).
    static func shortestCycle(from start: Int, within group: Int, _ callees: [[(flow: Int, next: Int)]], _ sccOf: [Int]) -> [Int] {
        var parent: [Int: Int] = [:]
        var queue = [start], head = 0
        while head < queue.count {
            let v = queue[head]; head += 1
            for (_, w) in callees[v] where sccOf[w] == group {
                if w == start {
                    var path = [v]
                    while let p = parent[path[path.count - 1]] { path.append(p) }
                    return path.reversed()
                }
                if parent[w] == nil && w != start { parent[w] = v; queue.append(w) }
            }
        }
        return [start]
    }

    // MARK: slow dependencies

    static let slowWords: Set<String> = ["slow", "batch", "batched", "legacy", "mainframe", "thirdparty"]
    static let slowPhrases: [[String]] = [["third", "party"], ["long", "running"]]

    /// Whether a component is slow (memoised in the context: the path rules ask for every
    /// component they pass, and reading the description costs more than the walk).
    static func isSlow(_ c: ReviewContext, _ i: Int) -> Bool { c.slow[i] }

    static func describesSlow(_ c: ReviewContext, _ i: Int) -> Bool {
        switch c.kinds[i] {
        case .external, .worker: return true
        default:
            let comp = c.design.components[i]
            return TextScan.mentions([comp.name, comp.technology, comp.responsibility], words: slowWords, phrases: slowPhrases)
        }
    }

    /// Components a client's requests reach over synchronous calls only, with the client and
    /// the component each was first reached from (breadth first from every client at once).
    static func syncReach(_ c: ReviewContext) -> (client: [Int], parent: [Int]) {
        let callees = c.syncCallees
        var client = [Int](repeating: -1, count: c.componentCount), parent = [Int](repeating: -1, count: c.componentCount)
        var queue: [Int] = []
        for i in 0..<c.componentCount where c.isClient(i) { client[i] = i; queue.append(i) }
        var head = 0
        while head < queue.count {
            let v = queue[head]; head += 1
            if isSlow(c, v) && !c.isClient(v) { continue }   // the path stops at the slow part
            for (_, w) in callees[v] where client[w] < 0 {
                client[w] = client[v]
                parent[w] = v
                queue.append(w)
            }
        }
        return (client, parent)
    }

    static func slowDependencies(_ c: ReviewContext) -> [RuleHit] {
        let (client, _) = c.syncReach
        var hits: [RuleHit] = []
        for (fi, f) in c.design.flows.enumerated() where f.mode == .sync {
            let a = c.from[fi], b = c.to[fi]
            guard a >= 0, b >= 0, a != b, client[a] >= 0, isSlow(c, b), !c.isClient(b) else { continue }
            // Past a slow part the path is already reported there.
            guard c.isClient(a) || !isSlow(c, a) else { continue }
            let what = c.kinds[b] == .external ? "External system" : c.kinds[b] == .worker ? "Worker" : "Slow dependency"
            let via = client[a] == a ? "" : " on the request path from client \(c.component(client[a]))"
            hits.append(RuleHit([c.design.components[b].id.rawValue, c.design.components[a].id.rawValue, f.id.rawValue],
                                "\(what) \(c.component(b)) is called synchronously by \(c.component(a)) (\(f.id))\(via): while it is slow or down, so is the request."))
        }
        return hits
    }

    // MARK: stage 6

    static func stageTouched(_ d: Design, _ key: StageKey) -> Bool {
        let s = d.stage(key)
        if !s.done.isEmpty || !s.custom.isEmpty || !s.notes.trimmingWhitespace.isEmpty { return true }
        return d.tradeOffs.contains { $0.stage == key }
    }

    static func reliabilityUntouched(_ c: ReviewContext) -> [RuleHit] {
        let d = c.design
        guard d.components.count > 5, !stageTouched(d, .reliability),
              !d.scenarios.contains(where: { $0.tag == .failure }) else { return [] }
        let i = StageKey.allCases.firstIndex(of: .reliability)!
        return [RuleHit([], "Stage 6 (\(StageKey.reliability.label.lowercased())) is untouched in a design of \(d.components.count) components: nothing says what happens when a part fails.",
                        location: [.key("stages"), .index(d.stages.firstIndex { $0.stage == .reliability } ?? i)])]
    }
}
