// Layering: cycle breaking, layer assignment (network simplex, as dot ranks), splitting layers
// too wide for the target width. Everything is iterative (no recursion).

/// An edge of the layout DAG: `a` is above/left of `b`. `reversed` marks an input edge drawn
/// against the flow to break a cycle.
struct DagEdge {
    var a: Int
    var b: Int
    var input: Int
    var reversed: Bool
}

enum Layering {
    /// Edges to reverse (so the graph becomes acyclic) and layers for the result, each edge at
    /// least one layer long. Which edges are reversed decides how long the others must be, so
    /// several ways of breaking the cycles are tried (depth-first searches in different orders,
    /// and Eades, Lin and Smyth's greedy ordering); the one whose optimal layering (network
    /// simplex) has the least total edge length wins.
    static func layers(nodeCount n: Int, edges: [(Int, Int)]) -> (reversed: [Bool], layer: [Int]) {
        let all = candidates(nodeCount: n, edges: edges)
        return all.first.map { ($0.reversed, $0.layer) } ?? ([Bool](repeating: false, count: edges.count), [Int](repeating: 0, count: n))
    }

    /// Every distinct way of breaking the cycles tried, with its layers, shortest total first.
    static func candidates(nodeCount n: Int, edges: [(Int, Int)]) -> [(reversed: [Bool], layer: [Int], length: Int)] {
        var candidates: [[Bool]] = []
        let variants = edges.count <= 4000 ? 12 : edges.count <= 20000 ? 2 : 1
        for k in ([4, 0, 1, 2, 3, 5] + Array(6..<40)).prefix(variants) {
            let r = k == 4 ? depthFirst(nodeCount: n, edges: edges, variant: 4) : k == 5 ? greedyOrder(nodeCount: n, edges: edges)
                : depthFirst(nodeCount: n, edges: edges, variant: k)
            if !candidates.contains(r) { candidates.append(r) }
        }
        var all: [(reversed: [Bool], layer: [Int], length: Int, count: Int, index: Int)] = []
        for (index, r) in candidates.enumerated() {
            var dag: [(Int, Int)] = []
            dag.reserveCapacity(edges.count)
            for (k, e) in edges.enumerated() { dag.append(r[k] ? (e.1, e.0) : e) }
            let layer = NetworkSimplex.rank(nodeCount: n, edges: dag)
            var length = 0
            for e in dag { length += layer[e.1] - layer[e.0] }
            all.append((r, layer, length, r.filter { $0 }.count, index))
        }
        all.sort { ($0.length, $0.count, $0.index) < ($1.length, $1.count, $1.index) }
        return all.map { ($0.reversed, $0.layer, $0.length) }
    }

    /// Back edges of a depth-first search: variant 0 from the nodes in input order, 1 the same
    /// with each node's edges in reverse order, 2 from the sources first, 3 from the nodes in
    /// reverse input order, 4 in the order an undirected search meets them.
    static func depthFirst(nodeCount n: Int, edges: [(Int, Int)], variant: Int) -> [Bool] {
        var out = [[Int32]](repeating: [], count: n)
        var indeg = [Int](repeating: 0, count: n)
        for (i, e) in edges.enumerated() { out[e.0].append(Int32(i)); indeg[e.1] += 1 }
        if variant == 1 { for v in 0..<n { out[v].reverse() } }
        var state = [UInt8](repeating: 0, count: n)
        var reversed = [Bool](repeating: false, count: edges.count)
        var stack: [(node: Int, next: Int)] = []
        let roots: [Int]
        switch variant {
        case 2: roots = (0..<n).filter { indeg[$0] == 0 } + (0..<n).filter { indeg[$0] != 0 }
        case 3: roots = Array((0..<n).reversed())
        case 6...:
            // A fixed shuffle of the nodes (and of each node's edges).
            var state = UInt64(0x2545_F491_4F6C_DD1D) &* UInt64(variant)
            func next(_ m: Int) -> Int {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return Int((state >> 33) % UInt64(m))
            }
            var list = Array(0..<n)
            for i in stride(from: n - 1, to: 0, by: -1) { list.swapAt(i, next(i + 1)) }
            for v in 0..<n where out[v].count > 1 {
                for i in stride(from: out[v].count - 1, to: 0, by: -1) { out[v].swapAt(i, next(i + 1)) }
            }
            roots = list
        case 4:
            // Roots in the order an undirected depth-first search meets the nodes (as dot does).
            var und = [[Int32]](repeating: [], count: n)
            for e in edges { und[e.0].append(Int32(e.1)) }
            for e in edges { und[e.1].append(Int32(e.0)) }
            var seen = [Bool](repeating: false, count: n)
            var list: [Int] = []
            for r in 0..<n where !seen[r] {
                var st: [Int] = [r]
                while let v = st.popLast() {
                    if seen[v] { continue }
                    seen[v] = true
                    list.append(v)
                    for w in und[v].reversed() where !seen[Int(w)] { st.append(Int(w)) }
                }
            }
            roots = list
        default: roots = Array(0..<n)
        }
        for root in roots where state[root] == 0 {
            state[root] = 1
            stack.append((root, 0))
            while !stack.isEmpty {
                let top = stack.count - 1
                let v = stack[top].node
                let k = stack[top].next
                if k < out[v].count {
                    stack[top].next = k + 1
                    let e = Int(out[v][k])
                    let w = edges[e].1
                    if state[w] == 0 {
                        state[w] = 1
                        stack.append((w, 0))
                    } else if state[w] == 1 {
                        reversed[e] = true
                    }
                } else {
                    state[v] = 2
                    stack.removeLast()
                }
            }
        }
        return reversed
    }

    /// Eades, Lin and Smyth: sinks to the back, sources to the front, otherwise the node with
    /// the most outgoing minus incoming edges to the front; edges pointing backwards reverse.
    static func greedyOrder(nodeCount n: Int, edges: [(Int, Int)]) -> [Bool] {
        var outDeg = [Int](repeating: 0, count: n), inDeg = [Int](repeating: 0, count: n)
        var outs = [[Int32]](repeating: [], count: n), ins = [[Int32]](repeating: [], count: n)
        for e in edges where e.0 != e.1 {
            outDeg[e.0] += 1; inDeg[e.1] += 1
            outs[e.0].append(Int32(e.1)); ins[e.1].append(Int32(e.0))
        }
        var removed = [Bool](repeating: false, count: n)
        var front: [Int] = [], back: [Int] = []
        var left = n
        func remove(_ v: Int) {
            removed[v] = true
            left -= 1
            for w in outs[v] where !removed[Int(w)] { inDeg[Int(w)] -= 1 }
            for w in ins[v] where !removed[Int(w)] { outDeg[Int(w)] -= 1 }
        }
        while left > 0 {
            var changed = true
            while changed {
                changed = false
                for v in 0..<n where !removed[v] && outDeg[v] == 0 { back.append(v); remove(v); changed = true }
                for v in 0..<n where !removed[v] && inDeg[v] == 0 { front.append(v); remove(v); changed = true }
            }
            if left == 0 { break }
            var pick = -1
            for v in 0..<n where !removed[v] {
                if pick < 0 || outDeg[v] - inDeg[v] > outDeg[pick] - inDeg[pick] { pick = v }
            }
            front.append(pick)
            remove(pick)
        }
        var position = [Int](repeating: 0, count: n)
        for (i, v) in (front + back.reversed()).enumerated() { position[v] = i }
        return edges.map { position[$0.0] > position[$0.1] }
    }

    /// Reversed edges of the default depth-first search (tests).
    static func breakCycles(nodeCount n: Int, edges: [(Int, Int)]) -> [Bool] {
        depthFirst(nodeCount: n, edges: edges, variant: 0)
    }

    /// Layers for a DAG: each edge goes down at least one layer and the total edge length is
    /// minimal (network simplex); every connected part starts at layer 0.
    static func assignLayers(nodeCount n: Int, dag: [DagEdge]) -> [Int] {
        NetworkSimplex.rank(nodeCount: n, edges: dag.map { ($0.a, $0.b) })
    }

    /// Splits layers whose boxes need more than `limit` cells along the layer: the layer's boxes
    /// (in the order of their predecessors) are cut into runs that fit, each run a layer of its
    /// own; the layers below move down.
    static func splitWideLayers(layer: inout [Int], extent: [Int], gap: Int, limit: Int, dag: [DagEdge]) {
        let n = layer.count
        guard n > 0 else { return }
        let layerCount = (layer.max() ?? 0) + 1
        var members = [[Int]](repeating: [], count: layerCount)
        for v in 0..<n { members[layer[v]].append(v) }
        var preds = [[Int]](repeating: [], count: n)
        for e in dag { preds[e.b].append(e.a) }
        var shift = 0
        var newLayer = layer
        var firstNew = [Int](repeating: 0, count: layerCount)
        for l in 0..<layerCount {
            firstNew[l] = l + shift
            let vs = members[l]
            var total = 0
            for v in vs { total += extent[v] + gap }
            if total - gap <= limit || vs.count < 2 {
                for v in vs { newLayer[v] = l + shift }
                continue
            }
            // Boxes keep the order of their predecessors (in the layers above) so the runs are
            // coherent parts of the drawing.
            func key(_ v: Int) -> Int {
                var s = 0
                for p in preds[v] { s += newLayer[p] * 4096 + p }
                return preds[v].isEmpty ? Int.max / 2 + v : s / preds[v].count
            }
            let sorted = vs.sorted { (key($0), $0) < (key($1), $1) }
            var run = 0, used = 0
            for v in sorted {
                if used > 0 && used + extent[v] > limit { run += 1; used = 0 }
                newLayer[v] = l + shift + run
                used += extent[v] + gap
            }
            shift += run
        }
        layer = newLayer
    }
}
