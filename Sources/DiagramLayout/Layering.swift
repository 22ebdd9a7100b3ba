// Sugiyama-style layering: cycle breaking, layer assignment, dummy nodes, crossing reduction and
// coordinate assignment along the layer ("order") axis. Everything is iterative (no recursion).

/// An edge of the layout DAG: `a` is above/left of `b`. `reversed` marks an input edge drawn
/// against the flow to break a cycle.
struct DagEdge {
    var a: Int
    var b: Int
    var input: Int
    var reversed: Bool
}

/// The layered graph: real nodes `0..<realCount`, then dummy nodes for long edges.
struct LayeredGraph {
    var realCount: Int
    var layerOf: [Int32] = []
    /// Layers of virtual nodes, in order.
    var layers: [[Int32]] = []
    var pos: [Int32] = []
    /// Neighbours in the layer above / below (one entry per chain segment, duplicates allowed).
    var up: [[Int32]] = []
    var down: [[Int32]] = []
    /// Chain of virtual nodes per DAG edge: a, dummies…, b.
    var chains: [[Int32]] = []

    var count: Int { layerOf.count }
    func isDummy(_ v: Int) -> Bool { v >= realCount }
}

enum Layering {
    /// Marks edges to reverse so that the graph becomes acyclic (iterative DFS, back edges).
    static func breakCycles(nodeCount n: Int, edges: [(Int, Int)]) -> [Bool] {
        var out = [[Int32]](repeating: [], count: n)
        for (i, e) in edges.enumerated() { out[e.0].append(Int32(i)) }
        var state = [UInt8](repeating: 0, count: n)
        var reversed = [Bool](repeating: false, count: edges.count)
        var stack: [(node: Int, next: Int)] = []
        for root in 0..<n where state[root] == 0 {
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

    /// Longest-path layering from the sources (Kahn order); sources are then pulled down next to
    /// their highest successor so they do not sit far above it.
    static func assignLayers(nodeCount n: Int, dag: [DagEdge]) -> [Int] {
        var out = [[Int32]](repeating: [], count: n)
        var indeg = [Int](repeating: 0, count: n)
        for e in dag { out[e.a].append(Int32(e.b)); indeg[e.b] += 1 }
        var layer = [Int](repeating: 0, count: n)
        var queue: [Int] = []
        queue.reserveCapacity(n)
        var remaining = indeg
        for v in 0..<n where remaining[v] == 0 { queue.append(v) }
        var head = 0
        while head < queue.count {
            let v = queue[head]; head += 1
            for w32 in out[v] {
                let w = Int(w32)
                layer[w] = max(layer[w], layer[v] + 1)
                remaining[w] -= 1
                if remaining[w] == 0 { queue.append(w) }
            }
        }
        for v in 0..<n where indeg[v] == 0 && !out[v].isEmpty {
            var m = Int.max
            for w in out[v] { m = min(m, layer[Int(w)]) }
            layer[v] = max(layer[v], m - 1)
        }
        return layer
    }

    static func build(realCount n: Int, dag: [DagEdge], layer: [Int]) -> LayeredGraph {
        var g = LayeredGraph(realCount: n)
        g.layerOf = layer.map { Int32($0) }
        g.up = [[Int32]](repeating: [], count: n)
        g.down = [[Int32]](repeating: [], count: n)
        g.chains.reserveCapacity(dag.count)
        for e in dag {
            var chain: [Int32] = [Int32(e.a)]
            var prev = e.a
            let la = layer[e.a], lb = layer[e.b]
            if lb - la > 1 {
                for l in (la + 1)..<lb {
                    let d = g.layerOf.count
                    g.layerOf.append(Int32(l))
                    g.up.append([]); g.down.append([])
                    g.down[prev].append(Int32(d)); g.up[d].append(Int32(prev))
                    chain.append(Int32(d))
                    prev = d
                }
            }
            g.down[prev].append(Int32(e.b)); g.up[e.b].append(Int32(prev))
            chain.append(Int32(e.b))
            g.chains.append(chain)
        }
        // Initial order: breadth-first over the undirected graph, so that connected parts stay
        // together and neighbours start close.
        let total = g.layerOf.count
        let layerCount = (g.layerOf.max().map { Int($0) } ?? -1) + 1
        g.layers = [[Int32]](repeating: [], count: layerCount)
        var seen = [Bool](repeating: false, count: total)
        var queue: [Int32] = []
        queue.reserveCapacity(total)
        for root in 0..<total where !seen[root] {
            seen[root] = true
            queue.append(Int32(root))
            var head = queue.count - 1
            while head < queue.count {
                let v = Int(queue[head]); head += 1
                g.layers[Int(g.layerOf[v])].append(Int32(v))
                for w in g.up[v] where !seen[Int(w)] { seen[Int(w)] = true; queue.append(w) }
                for w in g.down[v] where !seen[Int(w)] { seen[Int(w)] = true; queue.append(w) }
            }
        }
        g.pos = [Int32](repeating: 0, count: total)
        for layer in g.layers { for (i, v) in layer.enumerated() { g.pos[Int(v)] = Int32(i) } }
        return g
    }

    /// Crossings between layer `l` and `l + 1` (inversion count with a Fenwick tree).
    static func crossings(_ g: LayeredGraph, between l: Int, pairs: inout [Int], tree: inout [Int32]) -> Int {
        pairs.removeAll(keepingCapacity: true)
        let below = g.layers[l + 1].count
        for v in g.layers[l] {
            let pa = Int(g.pos[Int(v)])
            for w in g.down[Int(v)] { pairs.append(pa * (below + 1) + Int(g.pos[Int(w)])) }
        }
        if pairs.count < 2 { return 0 }
        pairs.sort()
        if tree.count < below + 1 { tree = [Int32](repeating: 0, count: below + 1) }
        for i in 0...below { tree[i] = 0 }
        var total = 0
        var inserted = 0
        for p in pairs {
            let b = p % (below + 1)
            // count inserted with position > b
            var i = b + 1
            var le = 0
            while i > 0 { le += Int(tree[i]); i -= i & (-i) }
            total += inserted - le
            i = b + 1
            while i <= below { tree[i] += 1; i += i & (-i) }
            inserted += 1
        }
        return total
    }

    static func totalCrossings(_ g: LayeredGraph) -> Int {
        var pairs: [Int] = []
        var tree: [Int32] = []
        var t = 0
        if g.layers.count < 2 { return 0 }
        for l in 0..<(g.layers.count - 1) { t += crossings(g, between: l, pairs: &pairs, tree: &tree) }
        return t
    }

    /// Barycenter sweeps, down then up, at most `passes` times; keeps the best order seen.
    static func reduceCrossings(_ g: inout LayeredGraph, passes: Int) {
        if g.layers.count < 2 || passes == 0 { return }
        var best = totalCrossings(g)
        var bestLayers = g.layers
        var keys: [(Double, Int32, Int32)] = []
        var stale = 0
        for _ in 0..<passes {
            if best == 0 { break }
            for l in 1..<g.layers.count { sweepLayer(&g, l, useUp: true, keys: &keys) }
            for l in stride(from: g.layers.count - 2, through: 0, by: -1) { sweepLayer(&g, l, useUp: false, keys: &keys) }
            let c = totalCrossings(g)
            if c < best {
                best = c; bestLayers = g.layers; stale = 0
            } else {
                stale += 1
                if stale >= 2 { break }
            }
        }
        g.layers = bestLayers
        for layer in g.layers { for (i, v) in layer.enumerated() { g.pos[Int(v)] = Int32(i) } }
    }

    private static func sweepLayer(_ g: inout LayeredGraph, _ l: Int, useUp: Bool, keys: inout [(Double, Int32, Int32)]) {
        keys.removeAll(keepingCapacity: true)
        for v in g.layers[l] {
            let nb = useUp ? g.up[Int(v)] : g.down[Int(v)]
            let p = g.pos[Int(v)]
            var b = Double(p)
            if !nb.isEmpty {
                var s = 0
                for w in nb { s += Int(g.pos[Int(w)]) }
                b = Double(s) / Double(nb.count)
            }
            keys.append((b, p, v))
        }
        keys.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        for (i, k) in keys.enumerated() {
            g.layers[l][i] = k.2
            g.pos[Int(k.2)] = Int32(i)
        }
    }

    /// Order-axis coordinates (left/top edge of each virtual node). Nodes are pulled toward the
    /// mean centre of their neighbours, layer by layer, keeping order and minimum separation
    /// (weighted isotonic regression by pool-adjacent-violators), for a bounded number of sweeps.
    static func assignOrderCoordinates(_ g: LayeredGraph, size: [Int], gapAfter: (Int, Int) -> Int, sweeps: Int) -> [Int] {
        let total = g.count
        var left = [Double](repeating: 0, count: total)
        // Packed start.
        for layer in g.layers {
            var x = 0
            for (i, v) in layer.enumerated() {
                left[Int(v)] = Double(x)
                let vi = Int(v)
                x += size[vi] + (i + 1 < layer.count ? gapAfter(vi, Int(layer[i + 1])) : 0)
            }
        }
        // Centre the packed layers on each other before the sweeps.
        var widest = 0.0
        var layerWidth = [Double](repeating: 0, count: g.layers.count)
        for (l, layer) in g.layers.enumerated() {
            if let last = layer.last { layerWidth[l] = left[Int(last)] + Double(size[Int(last)]) }
            widest = max(widest, layerWidth[l])
        }
        for (l, layer) in g.layers.enumerated() {
            let shift = ((widest - layerWidth[l]) / 2).rounded(.down)
            for v in layer { left[Int(v)] += shift }
        }

        var desired: [Double] = []
        var weight: [Double] = []
        var blocks: [(w: Double, wt: Double, n: Int)] = []
        func place(_ l: Int, mode: Int) {
            let layer = g.layers[l]
            desired.removeAll(keepingCapacity: true)
            weight.removeAll(keepingCapacity: true)
            var offset = 0.0
            for (i, v32) in layer.enumerated() {
                let v = Int(v32)
                var s = 0.0
                var n = 0
                if mode != 1 { for w in g.up[v] { s += left[Int(w)] + Double(size[Int(w)] / 2); n += 1 } }
                if mode != 0 { for w in g.down[v] { s += left[Int(w)] + Double(size[Int(w)] / 2); n += 1 } }
                let wgt: Double
                let target: Double
                if n == 0 {
                    target = left[v]; wgt = 0.05
                } else {
                    target = s / Double(n) - Double(size[v] / 2)
                    wgt = Double(n) * (g.isDummy(v) ? 4 : 1)
                }
                desired.append(target - offset)
                weight.append(wgt)
                if i + 1 < layer.count { offset += Double(size[v] + gapAfter(v, Int(layer[i + 1]))) }
            }
            blocks.removeAll(keepingCapacity: true)
            for i in 0..<desired.count {
                var b = (w: weight[i], wt: weight[i] * desired[i], n: 1)
                while let last = blocks.last, last.wt / last.w >= b.wt / b.w {
                    b = (last.w + b.w, last.wt + b.wt, last.n + b.n)
                    blocks.removeLast()
                }
                blocks.append(b)
            }
            var i = 0
            offset = 0
            for b in blocks {
                let y = (b.wt / b.w).rounded()
                for _ in 0..<b.n {
                    let v = Int(layer[i])
                    left[v] = y + offset
                    if i + 1 < layer.count { offset += Double(size[v] + gapAfter(v, Int(layer[i + 1]))) }
                    i += 1
                }
            }
        }
        let layerCount = g.layers.count
        if layerCount > 1 {
            for s in 0..<sweeps {
                if s % 2 == 0 {
                    for l in 1..<layerCount { place(l, mode: 0) }
                } else {
                    for l in stride(from: layerCount - 2, through: 0, by: -1) { place(l, mode: 1) }
                }
            }
            for l in 0..<layerCount { place(l, mode: 2) }
        }
        var minLeft = Double.infinity
        for v in 0..<total { minLeft = min(minLeft, left[v]) }
        if minLeft == .infinity { minLeft = 0 }
        return left.map { Int($0 - minLeft) }
    }
}
