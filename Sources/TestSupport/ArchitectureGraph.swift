import DiagramLayout

/// Clusters of about ten components (a load balancer in front of services with their cache,
/// database and queue); services also call the load balancers or queues of nearby clusters.
/// About 1.8 edges per node (exactly `edges` when given), a few back edges (cycles) and labels.
public func makeArchitectureGraph(nodes n: Int, seed: UInt64, edges edgeCount: Int? = nil) -> DiagramGraph {
    var rng = SeededGenerator(seed: seed)
    var nodes: [DiagramGraph.Node] = []
    var edges: [DiagramGraph.Edge] = []
    var clusters: [(lb: Int, services: [Int], stores: [Int])] = []
    while nodes.count < n {
        let c = clusters.count
        func add(_ label: String, _ tag: String?) -> Int {
            nodes.append(.init(id: "n\(nodes.count)", label: label, tag: tag))
            return nodes.count - 1
        }
        let lb = add("lb \(c)", "LB")
        var services: [Int] = []
        for s in 0..<(3 + rng.int(3)) where nodes.count < n { services.append(add("svc \(c).\(s)", nil)) }
        var stores: [Int] = []
        if nodes.count < n { stores.append(add("cache \(c)", "Cache")) }
        if nodes.count < n { stores.append(add("db \(c)", "DB")) }
        if nodes.count < n && rng.int(2) == 0 { stores.append(add("queue \(c)", "Q")) }
        clusters.append((lb, services, stores))
    }
    let target = edgeCount ?? Int((Double(n) * 1.8).rounded())
    for cl in clusters {
        for s in cl.services where edges.count < target { edges.append(.init(from: "n\(cl.lb)", to: "n\(s)")) }
        for s in cl.services {
            for st in cl.stores where rng.int(3) != 0 && edges.count < target {
                let q = nodes[st].tag == "Q"
                edges.append(.init(from: "n\(s)", to: "n\(st)", label: rng.int(5) == 0 ? "reads" : nil, dashed: q))
            }
        }
    }
    while edges.count < target {
        let a = rng.int(clusters.count)
        let b = min(clusters.count - 1, a + 1 + rng.int(3))
        // The last cluster may have been cut short before its services.
        if clusters[a].services.isEmpty { continue }
        let from = clusters[a].services[rng.int(clusters[a].services.count)]
        let to: Int
        if rng.int(12) == 0 {
            to = clusters[max(0, a - 1)].lb  // occasional call back up: cycles
        } else if rng.int(3) == 0, !clusters[b].stores.isEmpty {
            to = clusters[b].stores[rng.int(clusters[b].stores.count)]
        } else {
            to = clusters[b].lb
        }
        if from == to { continue }
        edges.append(.init(from: "n\(from)", to: "n\(to)", label: rng.int(8) == 0 ? "calls" : nil,
                           bothEnds: rng.int(20) == 0))
    }
    return DiagramGraph(nodes: nodes, edges: edges)
}

/// Tiers of an architecture: clients, edge (CDN, load balancers, gateways), services, data
/// (databases, caches, queues, object stores). Edges mostly go one tier down; services also call
/// services; a few go back up (callbacks, cycles). Exactly `edges` edges, some labelled.
public func makeTieredGraph(nodes n: Int, seed: UInt64, edges m: Int) -> DiagramGraph {
    var rng = SeededGenerator(seed: seed)
    var nodes: [DiagramGraph.Node] = []
    var tiers: [[Int]] = [[], [], [], []]
    let shares = [0.06, 0.12, 0.47, 0.35]
    let tags: [[String?]] = [["User", "App"], ["CDN", "LB", "GW"], [nil, "Svc", "Wkr", "Auth"], ["DB", "Cache", "Q", "S3"]]
    let words = ["orders", "users", "search", "billing", "feed", "media", "auth", "ledger", "cart", "notify"]
    for i in 0..<n {
        var r = Double(rng.int(1000)) / 1000, t = 0
        while t < 3 && r >= shares[t] { r -= shares[t]; t += 1 }
        if i < 4 { t = i }
        let tag = tags[t][rng.int(tags[t].count)]
        nodes.append(.init(id: "t\(i)", label: "\(words[rng.int(words.count)]) \(i)", tag: tag))
        tiers[t].append(i)
    }
    var edges: [DiagramGraph.Edge] = []
    var seen = Set<Int>()
    var attempts = 0
    while edges.count < m && attempts < m * 50 {
        attempts += 1
        let kind = rng.int(100)
        let from: Int, to: Int
        if kind < 70 {
            let t = rng.int(3)
            guard !tiers[t].isEmpty, !tiers[t + 1].isEmpty else { continue }
            from = tiers[t][rng.int(tiers[t].count)]
            // Mostly to nearby members of the next tier (locality, as real systems have).
            let list = tiers[t + 1]
            let anchor = list.count * tiers[t].firstIndex(of: from)! / max(1, tiers[t].count)
            to = list[min(list.count - 1, max(0, anchor + rng.int(9) - 4))]
        } else if kind < 92 {
            let list = tiers[2]
            guard list.count > 1 else { continue }
            let i = rng.int(list.count)
            from = list[i]
            to = list[min(list.count - 1, max(0, i + rng.int(11) - 5))]
        } else {
            let t = 1 + rng.int(3)
            guard !tiers[t].isEmpty, !tiers[t - 1].isEmpty else { continue }
            from = tiers[t][rng.int(tiers[t].count)]
            to = tiers[t - 1][rng.int(tiers[t - 1].count)]
        }
        if from == to || !seen.insert(from * n + to).inserted { continue }
        let label: String? = rng.int(6) == 0 ? ["HTTPS", "gRPC", "reads", "writes", "events", "SQL"][rng.int(6)] : nil
        edges.append(.init(from: "t\(from)", to: "t\(to)", label: label, dashed: rng.int(5) == 0, bothEnds: rng.int(15) == 0))
    }
    return DiagramGraph(nodes: nodes, edges: edges)
}
