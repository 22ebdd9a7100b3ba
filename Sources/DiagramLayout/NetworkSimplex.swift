// Layer assignment by network simplex (Gansner, Koutsofios, North, Vo: "A technique for drawing
// directed graphs", 1993): ranks with every edge at least one layer long and the sum of edge
// lengths minimal, so long edges (and the crossings of their bends) are as few as possible.

enum NetworkSimplex {
    /// Ranks for `nodeCount` nodes and DAG `edges` (a, b): rank(b) ≥ rank(a) + 1. Each connected
    /// part is normalised to start at rank 0. Deterministic. Bounded work: on very large graphs
    /// the pivoting stops early with a feasible (not always optimal) ranking.
    static func rank(nodeCount n: Int, edges: [(Int, Int)]) -> [Int] {
        if n == 0 { return [] }
        var solver = Solver(n: n, edges: edges)
        solver.initialRanks()
        solver.feasibleTree()
        solver.pivot()
        solver.normalize()
        return solver.rank
    }

    /// For tests: ranks the graph and checks the result from scratch — every edge at least one
    /// rank long, and no tree edge with a negative cut value (the optimality condition).
    static func rankAndCheck(nodeCount n: Int, edges: [(Int, Int)]) -> (ranks: [Int], feasible: Bool, optimal: Bool) {
        var solver = Solver(n: n, edges: edges)
        solver.initialRanks()
        solver.feasibleTree()
        solver.pivot()
        let feasible = edges.indices.allSatisfy { solver.slack($0) >= 0 }
        let incremental = solver.cut
        for c in 0..<solver.roots.count { solver.computeCutValues(component: Int32(c)) }
        let optimal = (0..<edges.count).allSatisfy { !solver.treeEdge[$0] || (solver.cut[$0] >= 0 && solver.cut[$0] == incremental[$0]) }
        solver.normalize()
        return (solver.rank, feasible, optimal)
    }

    private struct Solver {
        let n: Int
        let tail: [Int32]
        let head: [Int32]
        /// Incident edges per node (out and in).
        let incident: [[Int32]]
        var rank: [Int]
        var inTree: [Bool]
        var treeEdge: [Bool]
        /// The tree as parent pointers: parent node and the edge to it (-1 at roots).
        var parent: [Int32]
        var parentEdge: [Int32]
        var component: [Int32]
        var roots: [Int32] = []
        var low: [Int32]
        var lim: [Int32]
        var cut: [Int]
        /// Out-degree minus in-degree per node: a subtree's sum is its cut value (up to sign).
        let balance: [Int]
        var members: [[Int32]] = []
        var firstChild: [Int32]
        var nextSibling: [Int32]
        var subtreeSum: [Int]

        init(n: Int, edges: [(Int, Int)]) {
            self.n = n
            var t = [Int32](), h = [Int32]()
            t.reserveCapacity(edges.count); h.reserveCapacity(edges.count)
            var inc = [[Int32]](repeating: [], count: n)
            var bal = [Int](repeating: 0, count: n)
            for (i, e) in edges.enumerated() {
                t.append(Int32(e.0)); h.append(Int32(e.1))
                inc[e.0].append(Int32(i)); inc[e.1].append(Int32(i))
                bal[e.0] += 1; bal[e.1] -= 1
            }
            tail = t; head = h; incident = inc; balance = bal
            rank = [Int](repeating: 0, count: n)
            inTree = [Bool](repeating: false, count: n)
            treeEdge = [Bool](repeating: false, count: edges.count)
            parent = [Int32](repeating: -1, count: n)
            parentEdge = [Int32](repeating: -1, count: n)
            component = [Int32](repeating: -1, count: n)
            low = [Int32](repeating: 0, count: n)
            lim = [Int32](repeating: 0, count: n)
            cut = [Int](repeating: 0, count: edges.count)
            firstChild = [Int32](repeating: -1, count: n)
            nextSibling = [Int32](repeating: -1, count: n)
            subtreeSum = [Int](repeating: 0, count: n)
        }

        @inline(__always) func slack(_ e: Int) -> Int { rank[Int(head[e])] - rank[Int(tail[e])] - 1 }

        /// Longest path from the sources: a feasible start.
        mutating func initialRanks() {
            var indeg = [Int](repeating: 0, count: n)
            for e in 0..<tail.count { indeg[Int(head[e])] += 1 }
            var queue: [Int] = []
            queue.reserveCapacity(n)
            for v in 0..<n where indeg[v] == 0 { queue.append(v) }
            var i = 0
            while i < queue.count {
                let v = queue[i]; i += 1
                for e32 in incident[v] where Int(tail[Int(e32)]) == v {
                    let w = Int(head[Int(e32)])
                    rank[w] = max(rank[w], rank[v] + 1)
                    indeg[w] -= 1
                    if indeg[w] == 0 { queue.append(w) }
                }
            }
        }

        /// A spanning tree of tight edges per connected part: grow it along tight edges; when it
        /// stops, shift the tree so the incident edge of least slack becomes tight.
        mutating func feasibleTree() {
            var stack: [Int] = []
            for root in 0..<n where component[root] < 0 {
                let c = Int32(roots.count)
                roots.append(Int32(root))
                var list: [Int32] = []
                component[root] = c
                stack.append(root)
                while let v = stack.popLast() {
                    list.append(Int32(v))
                    for e in incident[v] {
                        let w = Int(tail[Int(e)]) == v ? Int(head[Int(e)]) : Int(tail[Int(e)])
                        if component[w] < 0 { component[w] = c; stack.append(w) }
                    }
                }
                members.append(list)
                inTree[root] = true
                var size = 1 + grow(root)
                while size < list.count {
                    var best = -1, bestSlack = Int.max
                    for v32 in list where inTree[Int(v32)] {
                        let v = Int(v32)
                        for e32 in incident[v] {
                            let e = Int(e32)
                            let w = Int(tail[e]) == v ? Int(head[e]) : Int(tail[e])
                            if inTree[w] { continue }
                            let s = slack(e)
                            if s < bestSlack || (s == bestSlack && e < best) { bestSlack = s; best = e }
                        }
                    }
                    guard best >= 0 else { break }
                    let tailIn = inTree[Int(tail[best])]
                    let delta = tailIn ? bestSlack : -bestSlack
                    for v in list where inTree[Int(v)] { rank[Int(v)] += delta }
                    let v = tailIn ? Int(tail[best]) : Int(head[best])
                    let w = tailIn ? Int(head[best]) : Int(tail[best])
                    inTree[w] = true
                    treeEdge[best] = true
                    parent[w] = Int32(v)
                    parentEdge[w] = Int32(best)
                    size += 1 + grow(w)
                }
                computeCutValues(component: c)
            }
        }

        /// Adds the nodes reachable from `start` along tight edges to the tree; returns how many.
        mutating func grow(_ start: Int) -> Int {
            var added = 0
            var st = [start]
            while let v = st.popLast() {
                for e32 in incident[v] {
                    let e = Int(e32)
                    let w = Int(tail[e]) == v ? Int(head[e]) : Int(tail[e])
                    if inTree[w] || slack(e) != 0 { continue }
                    inTree[w] = true
                    treeEdge[e] = true
                    parent[w] = Int32(v)
                    parentEdge[w] = Int32(e)
                    added += 1
                    st.append(w)
                }
            }
            return added
        }

        /// Postorder numbers (low/lim) and cut values of one component's tree.
        mutating func computeCutValues(component c: Int32) {
            let root = Int(roots[Int(c)])
            // Children as linked lists from the parent pointers.
            for v in members[Int(c)] { firstChild[Int(v)] = -1 }
            for v32 in members[Int(c)] {
                let v = Int(v32), p = Int(parent[v])
                if p >= 0 { nextSibling[v] = firstChild[p]; firstChild[p] = v32 }
            }
            var counter = Int32(1)
            // Iterative postorder: (node, next child to visit).
            var stack: [(Int, Int32)] = [(root, firstChild[root])]
            low[root] = counter
            while !stack.isEmpty {
                let top = stack.count - 1
                let (v, next) = stack[top]
                if next >= 0 {
                    stack[top].1 = nextSibling[Int(next)]
                    low[Int(next)] = counter
                    stack.append((Int(next), firstChild[Int(next)]))
                    continue
                }
                stack.removeLast()
                lim[v] = counter
                counter += 1
                var s = balance[v]
                var ch = firstChild[v]
                while ch >= 0 { s += subtreeSum[Int(ch)]; ch = nextSibling[Int(ch)] }
                subtreeSum[v] = s
                let pe = Int(parentEdge[v])
                if pe >= 0 { cut[pe] = Int(tail[pe]) == v ? s : -s }
            }
        }

        @inline(__always) func inSubtree(_ x: Int, of c: Int) -> Bool {
            lim[x] >= low[c] && lim[x] <= lim[c]
        }

        /// Exchanges a tree edge of negative cut value for the non-tree edge of least slack across
        /// the same cut, until no cut value is negative (or the work bound is reached).
        mutating func pivot() {
            let m = tail.count
            var budget = 40_000_000
            var cursor = 0
            while budget > 0 {
                // A tree edge with a negative cut value: the most negative of the next few found.
                var leave = -1, worst = 0, seen = 0
                for step in 0..<m {
                    let e = (cursor + step) % m
                    if treeEdge[e] && cut[e] < 0 {
                        if leave < 0 || cut[e] < worst { leave = e; worst = cut[e] }
                        seen += 1
                        if seen >= 30 { break }
                    }
                }
                budget -= m
                guard leave >= 0 else { return }
                cursor = (leave + 1) % m
                // The subtree side of the leaving edge.
                let t = Int(tail[leave]), h = Int(head[leave])
                let c = parentEdge[t] == Int32(leave) ? t : h
                let tailInSubtree = c == t
                // Entering edge: from the head side to the tail side, least slack.
                var enter = -1, best = Int.max
                let comp = component[c]
                for e in 0..<m where !treeEdge[e] {
                    let u = Int(tail[e]), v = Int(head[e])
                    if component[u] != comp { continue }
                    let uIn = inSubtree(u, of: c), vIn = inSubtree(v, of: c)
                    if uIn == vIn { continue }
                    // Head side → tail side.
                    let ok = tailInSubtree ? (vIn && !uIn) : (uIn && !vIn)
                    if !ok { continue }
                    let s = slack(e)
                    if s < best { best = s; enter = e }
                }
                budget -= m
                guard enter >= 0 else { return }
                // Shift the subtree so the entering edge is tight.
                let u = Int(tail[enter]), v = Int(head[enter])
                let delta = inSubtree(u, of: c) ? best : -best
                if delta != 0 { shiftSubtree(c, by: delta) }
                // Cut values change only on the tree path the entering edge closes (Gansner et
                // al.): walk up from both ends to their common ancestor.
                let cv = cut[leave]
                let lca = treeUpdate(u, v, cv, true)
                _ = treeUpdate(v, u, cv, false)
                cut[enter] = -cv
                cut[leave] = 0
                // Re-hang the subtree from the entering edge's end inside it.
                treeEdge[leave] = false
                treeEdge[enter] = true
                let inside = inSubtree(u, of: c) ? u : v
                let outside = inside == u ? v : u
                var prev = outside, prevEdge = enter, cur = inside
                while true {
                    let next = Int(parent[cur]), nextEdge = Int(parentEdge[cur])
                    parent[cur] = Int32(prev); parentEdge[cur] = Int32(prevEdge)
                    if cur == c { break }
                    prev = cur; prevEdge = nextEdge; cur = next
                }
                budget -= renumber(lca)
            }
        }

        /// Adds `delta` to the ranks of the tree below `c` (its tree edges, not its parent's).
        mutating func shiftSubtree(_ c: Int, by delta: Int) {
            var stack = [c]
            while let x = stack.popLast() {
                rank[x] += delta
                for e32 in incident[x] where treeEdge[Int(e32)] && parentEdge[x] != e32 {
                    let e = Int(e32)
                    stack.append(Int(tail[e]) == x ? Int(head[e]) : Int(tail[e]))
                }
            }
        }

        /// Adds `cv` to (or takes it from) the cut values on the path up from `v` to the first
        /// node whose subtree holds `w`; returns that node.
        mutating func treeUpdate(_ v: Int, _ w: Int, _ cv: Int, _ dir: Bool) -> Int {
            var x = v
            while !(low[x] <= lim[w] && lim[w] <= lim[x]) {
                let pe = Int(parentEdge[x])
                let d = Int(tail[pe]) == x ? dir : !dir
                cut[pe] += d ? cv : -cv
                x = Int(parent[x])
            }
            return x
        }

        /// Postorder numbers again for the subtree of `r` (same node set, new shape), from its
        /// old lowest number. Returns the work done.
        mutating func renumber(_ r: Int) -> Int {
            var counter = low[r]
            var work = 0
            var stack: [(node: Int, next: Int)] = [(r, 0)]
            low[r] = counter
            while !stack.isEmpty {
                let top = stack.count - 1
                let (x, k) = stack[top]
                let inc = incident[x]
                var j = k
                while j < inc.count && !(treeEdge[Int(inc[j])] && parentEdge[x] != inc[j]) { j += 1 }
                work += j - k + 1
                if j < inc.count {
                    stack[top].next = j + 1
                    let e = Int(inc[j])
                    let y = Int(tail[e]) == x ? Int(head[e]) : Int(tail[e])
                    low[y] = counter
                    stack.append((y, 0))
                    continue
                }
                stack.removeLast()
                lim[x] = counter
                counter += 1
            }
            return work
        }

        /// Each connected part starts at rank 0.
        mutating func normalize() {
            var least = [Int](repeating: Int.max, count: roots.count)
            for v in 0..<n { let c = Int(component[v]); least[c] = min(least[c], rank[v]) }
            for v in 0..<n { rank[v] -= least[Int(component[v])] }
        }
    }
}
