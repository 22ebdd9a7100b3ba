import TerminalText

// Coordinates along the layers (the "order" axis: x top-down, y left-right): every item pulled
// toward its neighbours layer by layer (weighted isotonic regression, pool-adjacent-violators),
// then made legal for the group frames (a frame has one left and one right border for all the
// layers it spans). Ports are spread along box sides toward the other ends of their edges.

/// Sizes and offsets of every item, on both axes.
struct ItemSizes {
    /// Extent along the order axis and across it (the rank axis).
    var orderSize: [Int]
    var rankSize: [Int]
    /// Where an edge passing through the item runs (bends and labels), from its order start.
    var lineOffset: [Int]
    /// For boxes: the box itself (without self-loops and their labels).
    var boxOrder: [Int]
    var boxRank: [Int]
}

/// The order-axis result: item starts, group borders, port offsets.
struct OrderCoordinates {
    var x: [Int]
    /// Left and right border position of each group's frame (-1 when not drawn).
    var groupLow: [Int]
    var groupHigh: [Int]
    /// Per chain: the order coordinate where it leaves its upper box and enters its lower box.
    var chainStart: [Int]
    var chainEnd: [Int]
}

enum Placement {
    /// Minimal gap between two neighbouring items in a rank (group borders aside).
    static func baseGap(_ g: VirtualGraph, _ s: ItemSizes, _ a: Int, _ b: Int, tb: Bool) -> Int {
        if (g.kind[a] == .filler && s.orderSize[a] == 0) || (g.kind[b] == .filler && s.orderSize[b] == 0) { return 0 }
        if g.kind[a] == .filler || g.kind[b] == .filler { return 0 }
        if g.kind[a] == .box && g.kind[b] == .box { return tb ? 3 : 1 }
        return 1
    }

    /// Gap between `a` and its right neighbour `b`: frames closing and opening between them take
    /// a border cell and a blank cell each, plus one blank cell between.
    static func gap(_ g: VirtualGraph, _ s: ItemSizes, _ groups: GroupTree, _ a: Int, _ b: Int, tb: Bool) -> Int {
        let ga = Int(g.group[a]), gb = Int(g.group[b])
        if ga == gb || groups.isEmpty { return baseGap(g, s, a, b, tb: tb) }
        let lca = groups.commonAncestor(ga, gb)
        var k = 0, m = 0
        var x = ga
        while x != lca && x >= 0 { k += 1; x = groups.parent[x] }
        x = gb
        while x != lca && x >= 0 { m += 1; x = groups.parent[x] }
        return 2 * (k + m) + 1
    }

    static func assign(_ g: VirtualGraph, _ s: ItemSizes, _ groups: GroupTree, tb: Bool) -> OrderCoordinates {
        var x = heuristic(g, s, groups, tb: tb)
        if !groups.isEmpty { snapFillers(g, s, &x) }
        var low = [Int](repeating: -1, count: groups.count), high = low
        legalize(g, s, groups, tb: tb, x: &x, low: &low, high: &high)
        var c = OrderCoordinates(x: x, groupLow: low, groupHigh: high,
                                 chainStart: [Int](repeating: 0, count: g.chains.count),
                                 chainEnd: [Int](repeating: 0, count: g.chains.count))
        assignPorts(g, s, &c)
        return c
    }

    // MARK: pulling toward neighbours

    static func heuristic(_ g: VirtualGraph, _ s: ItemSizes, _ groups: GroupTree, tb: Bool) -> [Int] {
        let total = g.count
        var left = [Double](repeating: 0, count: total)
        var gaps = [[Int]](repeating: [], count: g.ranks.count)
        for (q, rank) in g.ranks.enumerated() {
            var list: [Int] = []
            for i in 0..<max(0, rank.count - 1) { list.append(gap(g, s, groups, Int(rank[i]), Int(rank[i + 1]), tb: tb)) }
            gaps[q] = list
        }
        // Packed start, layers centred on the widest.
        var widest = 0.0
        var width = [Double](repeating: 0, count: g.ranks.count)
        for (q, rank) in g.ranks.enumerated() {
            var p = 0
            for (i, v) in rank.enumerated() {
                left[Int(v)] = Double(p)
                p += s.orderSize[Int(v)] + (i + 1 < rank.count ? gaps[q][i] : 0)
            }
            width[q] = Double(p)
            widest = max(widest, width[q])
        }
        for (q, rank) in g.ranks.enumerated() {
            let shift = ((widest - width[q]) / 2).rounded(.down)
            for v in rank { left[Int(v)] += shift }
        }
        func conn(_ v: Int) -> Double {
            g.kind[v] == .box ? left[v] + Double(s.boxOrder[v] / 2) : left[v] + Double(s.lineOffset[v])
        }
        func connOffset(_ v: Int) -> Double {
            g.kind[v] == .box ? Double(s.boxOrder[v] / 2) : Double(s.lineOffset[v])
        }
        var desired: [Double] = []
        var weight: [Double] = []
        var blocks: [(w: Double, wt: Double, n: Int)] = []
        func place(_ q: Int, mode: Int) {
            let rank = g.ranks[q]
            desired.removeAll(keepingCapacity: true)
            weight.removeAll(keepingCapacity: true)
            var offset = 0.0
            for (i, v32) in rank.enumerated() {
                let v = Int(v32)
                var sum = 0.0
                var n = 0
                if mode != 1 { for w in g.up[v] { sum += conn(Int(w)); n += 1 } }
                if mode != 0 { for w in g.down[v] { sum += conn(Int(w)); n += 1 } }
                let target: Double, wgt: Double
                if n == 0 {
                    target = left[v]; wgt = 0.05
                } else {
                    target = sum / Double(n) - connOffset(v)
                    wgt = Double(n) * (g.kind[v] == .box ? 1 : 4)
                }
                desired.append(target - offset)
                weight.append(wgt)
                if i + 1 < rank.count { offset += Double(s.orderSize[v] + gaps[q][i]) }
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
                    let v = Int(rank[i])
                    left[v] = y + offset
                    if i + 1 < rank.count { offset += Double(s.orderSize[v] + gaps[q][i]) }
                    i += 1
                }
            }
        }
        let rankCount = g.ranks.count
        if rankCount > 1 {
            for sweep in 0..<6 {
                if sweep % 2 == 0 {
                    for q in 1..<rankCount { place(q, mode: 0) }
                } else {
                    for q in stride(from: rankCount - 2, through: 0, by: -1) { place(q, mode: 1) }
                }
            }
            for q in 0..<rankCount { place(q, mode: 2) }
        }
        return left.map { Int($0) }
    }

    // MARK: group frames

    /// Fillers (no size, no edges) sit right before the next item of their group in the rank,
    /// or right after the previous one, so they never stretch a frame.
    static func snapFillers(_ g: VirtualGraph, _ s: ItemSizes, _ x: inout [Int]) {
        for rank in g.ranks {
            for (i, v32) in rank.enumerated() where g.kind[Int(v32)] == .filler {
                let v = Int(v32)
                var j = i + 1
                while j < rank.count && g.kind[Int(rank[j])] == .filler { j += 1 }
                if j < rank.count {
                    x[v] = x[Int(rank[j])]
                } else if i > 0 {
                    let p = Int(rank[i - 1])
                    x[v] = x[p] + s.orderSize[p]
                }
            }
        }
    }

    /// Pushes items right until every constraint holds: neighbours in a rank keep their gaps,
    /// and each group's two borders (shared by all the ranks it spans) stay clear of what is
    /// outside and around what is inside. A longest-path pass in topological order.
    static func legalize(_ g: VirtualGraph, _ s: ItemSizes, _ groups: GroupTree, tb: Bool,
                         x: inout [Int], low: inout [Int], high: inout [Int]) {
        let n = g.count
        let vars = n + 2 * groups.count
        // Constraint edges: (from, to, distance): to ≥ from + distance.
        var outEdges = [[(Int32, Int32)]](repeating: [], count: vars)
        var indeg = [Int32](repeating: 0, count: vars)
        func add(_ a: Int, _ b: Int, _ d: Int) {
            outEdges[a].append((Int32(b), Int32(d)))
            indeg[b] += 1
        }
        func lowVar(_ gr: Int) -> Int { n + 2 * gr }
        func highVar(_ gr: Int) -> Int { n + 2 * gr + 1 }
        var usedVar = [Bool](repeating: false, count: vars)
        for rank in g.ranks {
            // Walk the rank with the stack of open groups.
            var open: [Int] = []
            var prev = -1, prevWidth = 0, prevIsItem = false
            func link(_ next: Int, _ gapValue: Int) {
                if prev >= 0 { add(prev, next, prevWidth + gapValue) }
            }
            for v32 in rank {
                let v = Int(v32)
                let path = groups.isEmpty || g.group[v] < 0 ? [] : groups.path(Int(g.group[v]))
                var common = 0
                while common < open.count && common < path.count && open[common] == path[common] { common += 1 }
                while open.count > common {
                    let gr = open.removeLast()
                    let hv = highVar(gr)
                    link(hv, 1)
                    usedVar[hv] = true
                    prev = hv; prevWidth = 1; prevIsItem = false
                }
                for gr in path[common...] {
                    let lv = lowVar(gr)
                    link(lv, 1)
                    usedVar[lv] = true
                    prev = lv; prevWidth = 1; prevIsItem = false
                    open.append(gr)
                }
                if prevIsItem {
                    add(prev, v, prevWidth + baseGap(g, s, prev, v, tb: tb))
                } else {
                    link(v, 1)
                }
                prev = v; prevWidth = s.orderSize[v]; prevIsItem = true
            }
            while let gr = open.popLast() {
                let hv = highVar(gr)
                link(hv, 1)
                usedVar[hv] = true
                prev = hv; prevWidth = 1; prevIsItem = false
            }
        }
        // A frame is wide enough for its title (top-down, where the title runs along the layer).
        if tb {
            for gr in 0..<groups.count where usedVar[lowVar(gr)] && usedVar[highVar(gr)] {
                add(lowVar(gr), highVar(gr), DisplayWidth.of(groups.titles[gr]) + 5)
            }
        }
        // Longest path from the lower bounds (items: where the heuristic put them).
        var value = [Int](repeating: Int.min / 4, count: vars)
        for v in 0..<n { value[v] = x[v] }
        var queue: [Int] = []
        queue.reserveCapacity(vars)
        for v in 0..<vars where indeg[v] == 0 { queue.append(v) }
        var head = 0
        while head < queue.count {
            let v = queue[head]; head += 1
            for (w32, d) in outEdges[v] {
                let w = Int(w32)
                value[w] = max(value[w], value[v] + Int(d))
                indeg[w] -= 1
                if indeg[w] == 0 { queue.append(w) }
            }
        }
        // The group order is the same in every rank, so the constraints have no cycle; should one
        // ever appear, the rest is placed in index order rather than left unplaced.
        if queue.count < vars {
            var placed = [Bool](repeating: false, count: vars)
            for v in queue { placed[v] = true }
            for v in 0..<vars where !placed[v] {
                queue.append(v)
                if v < n && value[v] < x[v] { value[v] = x[v] }
                for (w32, d) in outEdges[v] where !placed[Int(w32)] { value[Int(w32)] = max(value[Int(w32)], value[v] + Int(d)) }
                placed[v] = true
            }
        }
        // A left border with nothing to its left in any rank sits as far right as its contents
        // allow (innermost first: reverse topological order).
        for v in queue.reversed() where v >= n && value[v] < Int.min / 8 {
            var m = Int.max
            for (w, d) in outEdges[v] { m = min(m, value[Int(w)] - Int(d)) }
            if m != Int.max { value[v] = m }
        }
        var least = Int.max
        for v in 0..<n { least = min(least, value[v]) }
        for gr in 0..<groups.count where usedVar[lowVar(gr)] { least = min(least, value[lowVar(gr)]) }
        let shift = 1 - (least == Int.max ? 1 : least)
        for v in 0..<n { x[v] = value[v] + shift }
        for gr in 0..<groups.count where usedVar[lowVar(gr)] && usedVar[highVar(gr)] {
            low[gr] = value[lowVar(gr)] + shift
            high[gr] = value[highVar(gr)] + shift
        }
    }

    // MARK: ports

    /// Spreads each box's ports along its sides, in the order of the other ends, each as close
    /// to the other end as the side allows (two rounds, so facing ports line up).
    static func assignPorts(_ g: VirtualGraph, _ s: ItemSizes, _ c: inout OrderCoordinates) {
        let n = g.realCount
        var outList = [[Int]](repeating: [], count: n)
        var inList = [[Int]](repeating: [], count: n)
        for (ci, chain) in g.chains.enumerated() {
            outList[Int(chain[0])].append(ci)
            inList[Int(chain[chain.count - 1])].append(ci)
        }
        func other(_ ci: Int, out: Bool) -> Int {
            let chain = g.chains[ci]
            return Int(out ? chain[1] : chain[chain.count - 2])
        }
        for v in 0..<n {
            outList[v].sort { (g.pos[other($0, out: true)], $0) < (g.pos[other($1, out: true)], $1) }
            inList[v].sort { (g.pos[other($0, out: false)], $0) < (g.pos[other($1, out: false)], $1) }
        }
        // Start at the other ends' centres / lines.
        func otherCoord(_ ci: Int, out: Bool) -> Int {
            let chain = g.chains[ci]
            if chain.count > 2 {
                let w = other(ci, out: out)
                return c.x[w] + s.lineOffset[w]
            }
            // Box to box: the other box's port (its centre before the first round).
            return out ? c.chainEnd[ci] : c.chainStart[ci]
        }
        for (ci, chain) in g.chains.enumerated() {
            let a = Int(chain[0]), b = Int(chain[chain.count - 1])
            c.chainStart[ci] = c.x[a] + s.boxOrder[a] / 2
            c.chainEnd[ci] = c.x[b] + s.boxOrder[b] / 2
        }
        var target: [Double] = []
        var blocks: [(w: Double, wt: Double, n: Int)] = []
        func spread(_ v: Int, _ list: [Int], out: Bool) {
            let k = list.count
            if k == 0 { return }
            let length = s.boxOrder[v] - 2
            let sp = Sizing.portSpacing(ports: k, length: length)
            let base = c.x[v] + 1
            target.removeAll(keepingCapacity: true)
            for (i, ci) in list.enumerated() { target.append(Double(otherCoord(ci, out: out) - base - i * sp)) }
            blocks.removeAll(keepingCapacity: true)
            for t in target {
                var b = (w: 1.0, wt: t, n: 1)
                while let last = blocks.last, last.wt / last.w >= b.wt / b.w {
                    b = (last.w + b.w, last.wt + b.wt, last.n + b.n)
                    blocks.removeLast()
                }
                blocks.append(b)
            }
            let hi = max(0, length - 1 - (k - 1) * sp)
            var i = 0
            for b in blocks {
                let y = min(max(Int((b.wt / b.w).rounded()), 0), hi)
                for _ in 0..<b.n {
                    let coord = base + y + i * sp
                    if out { c.chainStart[list[i]] = coord } else { c.chainEnd[list[i]] = coord }
                    i += 1
                }
            }
        }
        for _ in 0..<3 {
            for v in 0..<n {
                spread(v, outList[v], out: true)
                spread(v, inList[v], out: false)
            }
        }
    }
}
