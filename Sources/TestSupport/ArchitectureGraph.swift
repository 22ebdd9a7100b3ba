import DiagramLayout

/// Clusters of about ten components (a load balancer in front of services with their cache,
/// database and queue); services also call the load balancers or queues of nearby clusters.
/// About 1.8 edges per node, a few back edges (cycles) and labels.
public func makeArchitectureGraph(nodes n: Int, seed: UInt64) -> DiagramGraph {
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
    let target = Int((Double(n) * 1.8).rounded())
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
