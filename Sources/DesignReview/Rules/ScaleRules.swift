import DesignModel

/// Rules on performance and data: deep synchronous chains, caches that nothing fills or that
/// have no store behind them, databases shared by several services, components over capacity.
enum ScaleRules {
    static let rules: [ReviewRule] = [
        ReviewRule("path.deep-sync-chain", .warning, .scalability,
                   summary: "A chain of synchronous calls from a client longer than sync-chain-depth hops (4 unless configured; hops into DNS, CDNs, load balancers and gateways are not counted).",
                   hint: "Shorten it: make calls that need no answer asynchronous, cache or denormalise what is read on the way, or merge services that always call each other.",
                   run: deepChains),
        ReviewRule("cache.not-filled", .warning, .scalability,
                   summary: "A cache no data flow goes into: nothing fills it.",
                   hint: "Add the flow from what fills it (cache-aside from the service that reads it, write-through from the writer, or a warming job).",
                   run: cachesNotFilled),
        ReviewRule("cache.no-store", .warning, .scalability,
                   summary: "A cache with no store behind it: neither it nor anything that uses it reaches a database, object storage or search index.",
                   hint: "Keep the data in a store and treat the cache as a copy, or say that losing it is fine (accept the finding with the reason).",
                   run: cachesWithoutStore),
        ReviewRule("database.shared", .warning, .dataStorage,
                   summary: "A database written by three or more services (flows into it not labelled as reads only).",
                   hint: "Give the data one owning service that the others call or subscribe to, or split the database per service.",
                   run: sharedDatabases),
        ReviewRule("component.overloaded", .warning, .scalability,
                   summary: "A component whose incoming load (the rates of the flows into it) exceeds its capacity × instances.",
                   hint: "Add instances, raise the capacity per instance (a bigger node, a cache in front), or reduce the load that reaches it.",
                   run: overloaded),
    ]

    // MARK: call chains

    /// Per component, the longest synchronous chain starting there (hops counted as the rule
    /// says) and the next component on it; calls inside a cycle are left out (the cycle rule
    /// reports them), so the chains are those of the acyclic rest.
    static func longestChains(_ c: ReviewContext) -> (length: [Int], next: [Int]) {
        let callees = c.syncCallees
        let (groups, sccOf) = c.stronglyConnected
        var length = [Int](repeating: 0, count: c.componentCount), next = [Int](repeating: -1, count: c.componentCount)
        // Tarjan's algorithm finishes a group after every group it reaches: walk them in that order.
        for group in groups {
            for v in group {
                for (_, w) in callees[v] where sccOf[w] != sccOf[v] {
                    let hop = ReviewContext.passThroughKinds.contains(c.kinds[w]) ? 0 : 1
                    let total = hop + length[w]
                    if total > length[v] || (next[v] < 0 && total == length[v]) {
                        length[v] = total
                        next[v] = w
                    }
                }
            }
        }
        return (length, next)
    }

    static func deepChains(_ c: ReviewContext) -> [RuleHit] {
        let limit = c.config.syncChainDepth
        var clients: [Int] = []
        for i in 0..<c.componentCount where c.isClient(i) && c.index[c.design.components[i].id] == i { clients.append(i) }
        guard !clients.isEmpty else { return [] }
        let (length, next) = longestChains(c)
        var hits: [RuleHit] = []
        for client in clients where length[client] > limit {
            var chain = [client]
            while let last = chain.last, next[last] >= 0 { chain.append(next[last]) }
            let shown = chain.count <= 9 ? chain.map(c.component).joined(separator: " → ")
                : chain.prefix(7).map(c.component).joined(separator: " → ") + " → … → " + c.component(chain[chain.count - 1])
            hits.append(RuleHit(chain.map { c.design.components[$0].id.rawValue },
                                "A synchronous call chain from client \(c.component(client)) is \(length[client]) hops deep (more than \(limit)): \(shown)."))
        }
        return hits
    }

    // MARK: caches

    static func cachesNotFilled(_ c: ReviewContext) -> [RuleHit] {
        var hits: [RuleHit] = []
        for (i, comp) in c.design.components.enumerated() where comp.kind == .cache && c.index[comp.id] == i {
            let filled = !c.incoming[i].isEmpty || c.outgoing[i].contains { c.design.flows[$0].direction == .twoWay }
            if filled { continue }
            hits.append(RuleHit([comp.id.rawValue], "Cache \(c.component(i)) has no data flow into it: nothing fills it."))
        }
        return hits
    }

    /// The components a component has a flow with, either way.
    static func connected(_ c: ReviewContext, _ i: Int) -> [Int] {
        c.outgoing[i].map { c.to[$0] }.filter { $0 >= 0 && $0 != i } + c.incoming[i].map { c.from[$0] }.filter { $0 >= 0 && $0 != i }
    }

    static func cachesWithoutStore(_ c: ReviewContext) -> [RuleHit] {
        var hits: [RuleHit] = []
        for (i, comp) in c.design.components.enumerated() where comp.kind == .cache && c.index[comp.id] == i {
            let users = connected(c, i)
            guard !users.isEmpty else { continue }   // no flows at all: cache.not-filled says it
            let durable = { (j: Int) in ReviewContext.durableStoreKinds.contains(c.kinds[j]) }
            if users.contains(where: durable) { continue }
            if users.contains(where: { connected(c, $0).contains(where: durable) }) { continue }
            hits.append(RuleHit([comp.id.rawValue],
                                "Cache \(c.component(i)) has no store behind it: nothing it works with reaches a database, object storage or search index, so an eviction or a restart loses the data."))
        }
        return hits
    }

    // MARK: shared databases

    static let writerKinds: Set<Component.Kind> = [.service, .worker, .other, .apiGateway, .auth, .external, .app]
    static let writeWords: Set<String> = ["write", "writes", "written", "insert", "inserts", "update", "updates", "upsert",
                                          "upserts", "put", "puts", "delete", "deletes", "store", "stores", "save", "saves",
                                          "persist", "persists", "create", "creates", "increment", "increments", "append",
                                          "appends", "set", "sets", "modify", "modifies", "change", "changes", "record", "records"]
    static let readWords: Set<String> = ["read", "reads", "reading", "lookup", "lookups", "query", "queries", "fetch",
                                         "fetches", "get", "gets", "select", "selects", "scan", "scans", "search",
                                         "searches", "list", "lists", "count", "counts", "report", "reports"]

    /// A label that speaks of reading and not of writing ("lookup on cache miss", "stats query").
    static func readsOnly(_ label: String) -> Bool {
        let words = TextScan.words(label).map(String.init)
        if words.contains(where: writeWords.contains) { return false }
        if words.contains(where: readWords.contains) { return true }
        return zip(words, words.dropFirst()).contains { $0 == "look" && $1 == "up" }
    }

    static func sharedDatabases(_ c: ReviewContext) -> [RuleHit] {
        var hits: [RuleHit] = []
        for (i, comp) in c.design.components.enumerated() where comp.kind == .database && c.index[comp.id] == i {
            var writers: [Int] = []
            func consider(_ fi: Int, _ other: Int) {
                guard other >= 0, other != i, writerKinds.contains(c.kinds[other]), !writers.contains(other),
                      !readsOnly(c.design.flows[fi].label) else { return }
                writers.append(other)
            }
            for fi in c.incoming[i] { consider(fi, c.from[fi]) }
            for fi in c.outgoing[i] where c.design.flows[fi].direction == .twoWay { consider(fi, c.to[fi]) }
            guard writers.count >= 3 else { continue }
            writers.sort()
            hits.append(RuleHit([comp.id.rawValue] + writers.map { c.design.components[$0].id.rawValue },
                                "Database \(c.component(i)) is written by \(writers.count) components: "
                                + writers.map(c.component).joined(separator: ", ") + "."))
        }
        return hits
    }

    // MARK: capacity

    static func overloaded(_ c: ReviewContext) -> [RuleHit] {
        guard c.design.components.contains(where: { $0.capacity != nil }) else { return [] }
        let load = c.load
        var hits: [RuleHit] = []
        for (i, l) in load.components.enumerated() where l.isOverloaded {
            guard let incoming = l.incoming, let total = l.totalCapacity else { continue }
            hits.append(RuleHit([l.id.rawValue],
                                "Component \(c.component(i)) receives \(incoming.text), more than its capacity of \(total.text) (\(DesignLoad.percent(l.utilisation)) used)."))
        }
        return hits
    }
}
