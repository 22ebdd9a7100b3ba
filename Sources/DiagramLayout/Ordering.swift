// Crossing reduction in the spirit of dot's mincross: initial orders from searches of the graph
// (breadth-first from the top and from the bottom, depth-first, shuffled), then sweeps down and
// up that sort each rank by the weighted median of its neighbours, each followed by
// transposition of adjacent items while that removes crossings; the best order seen wins and is
// polished by sifting (each item moved to its best place in its rank). Connected parts stay side
// by side and the items of a group contiguous (nested groups inside their parents, sibling
// groups in one order in every rank). Deterministic: ties break on positions and item numbers.
//
// The work runs on flat buffers (neighbour lists and ranks in single arrays): it is the hot part
// of the layout.

enum Ordering {
    /// How hard to search: starting orders and sweeps per start.
    struct Effort {
        var starts: Int
        var iterations: Int

        /// Scaled to the graph so a layout stays interactive: as many starts as a fixed amount of
        /// work allows (sweeps × items), at least two, at most six for one finalist and four
        /// each for two.
        static func forItems(_ items: Int, finalists: Int = 1, iterations: Int) -> Effort {
            let starts = items > 12000 ? 1 : min(finalists > 1 ? 4 : 6, max(2, 200_000 / max(1, items * 16)))
            return Effort(starts: starts, iterations: iterations)
        }

        /// On a small graph (at most `smallGraphItems` items) the search costs little: as many
        /// starts as `smallGraphWork` item-starts allow over the finalists, at least six, at
        /// most 48. A layout of such a graph stays well under one of 200 nodes.
        static func forSmall(_ items: Int, finalists: Int, iterations: Int) -> Effort {
            let starts = min(48, max(6, smallGraphWork / max(1, items * max(1, finalists))))
            return Effort(starts: starts, iterations: iterations)
        }
    }

    /// Graphs up to this many items (nodes and the bends of long edges) get every way of
    /// breaking cycles tried and many more starting orders.
    static let smallGraphItems = 150
    static let smallGraphWork = 8_000

    /// Makes the parts and groups contiguous again after an order was changed from outside.
    static func regroup(_ g: inout VirtualGraph, groups: GroupTree) {
        let r = CrossingReducer(g, groups: groups)
        r.loadOrder(g)
        r.regroupAll()
        for q in 0..<g.ranks.count { g.setRank(q, r.rank(q)) }
    }

    /// Reorders the ranks of `g`; returns the crossings of the result.
    @discardableResult
    static func reduceCrossings(_ g: inout VirtualGraph, groups: GroupTree, effort: Effort) -> Int {
        let r = CrossingReducer(g, groups: groups)
        let c = r.run(effort)
        for q in 0..<g.ranks.count { g.setRank(q, r.rank(q)) }
        return c
    }
}

private final class CrossingReducer {
    let n: Int
    let rankCount: Int
    let groups: GroupTree
    let needsRegroup: Bool
    let hasGroups: Bool
    // Graph, flat.
    let rankOf: UnsafeMutablePointer<Int32>
    let rankOff: UnsafeMutablePointer<Int32>
    let upOff: UnsafeMutablePointer<Int32>
    let upAdj: UnsafeMutablePointer<Int32>
    let downOff: UnsafeMutablePointer<Int32>
    let downAdj: UnsafeMutablePointer<Int32>
    let group: UnsafeMutablePointer<Int32>
    let part: UnsafeMutablePointer<Int32>
    let filler: UnsafeMutablePointer<Bool>
    // Order: items rank by rank, and each item's place in its rank.
    let order: UnsafeMutablePointer<Int32>
    let pos: UnsafeMutablePointer<Int32>
    // Scratch.
    let mval: UnsafeMutablePointer<Double>
    let scratch: UnsafeMutablePointer<Int32>
    let tree: UnsafeMutablePointer<Int32>
    let maxWidth: Int
    var groupKey: [Double]
    let groupPaths: [[Int]]
    let upCount: Int
    let downCount: Int

    init(_ g: VirtualGraph, groups: GroupTree) {
        n = g.count
        rankCount = g.ranks.count
        self.groups = groups
        hasGroups = !groups.isEmpty
        let parts = Int(g.part.max() ?? 0) + 1
        needsRegroup = hasGroups || parts > 1
        rankOf = .allocate(capacity: max(1, n))
        rankOff = .allocate(capacity: rankCount + 1)
        upOff = .allocate(capacity: n + 1)
        downOff = .allocate(capacity: n + 1)
        var ups = 0, downs = 0, maxDeg = 1
        for v in 0..<n { ups += g.up[v].count; downs += g.down[v].count; maxDeg = max(maxDeg, g.up[v].count, g.down[v].count) }
        upCount = ups; downCount = downs
        upAdj = .allocate(capacity: max(1, ups))
        downAdj = .allocate(capacity: max(1, downs))
        group = .allocate(capacity: max(1, n))
        part = .allocate(capacity: max(1, n))
        filler = .allocate(capacity: max(1, n))
        order = .allocate(capacity: max(1, n))
        pos = .allocate(capacity: max(1, n))
        mval = .allocate(capacity: max(1, n))
        scratch = .allocate(capacity: maxDeg + 1)
        var counts = [Int](repeating: 0, count: rankCount)
        for v in 0..<n { counts[Int(g.rankOf[v])] += 1 }
        maxWidth = max(1, counts.max() ?? 1)
        let widest = maxWidth
        tree = .allocate(capacity: widest + 2)
        var u = 0, d = 0
        for v in 0..<n {
            rankOf[v] = g.rankOf[v]
            group[v] = g.group[v]
            part[v] = g.part[v]
            filler[v] = g.kind[v] == .filler
            upOff[v] = Int32(u)
            for w in g.up[v] { upAdj[u] = w; u += 1 }
            downOff[v] = Int32(d)
            for w in g.down[v] { downAdj[d] = w; d += 1 }
        }
        upOff[n] = Int32(u)
        downOff[n] = Int32(d)
        var off = 0
        for q in 0..<rankCount {
            rankOff[q] = Int32(off)
            off += counts[q]
        }
        rankOff[rankCount] = Int32(off)
        groupKey = [Double](repeating: 0, count: groups.count)
        groupPaths = (0..<groups.count).map { groups.path($0) }
        // Items per rank, for the initial orders.
        var fill = [Int](repeating: 0, count: rankCount)
        for v in 0..<n {
            let q = Int(rankOf[v])
            let i = Int(rankOff[q]) + fill[q]
            order[i] = Int32(v)
            pos[v] = Int32(fill[q])
            fill[q] += 1
        }
    }

    deinit {
        rankOf.deallocate(); rankOff.deallocate(); upOff.deallocate(); upAdj.deallocate()
        downOff.deallocate(); downAdj.deallocate(); group.deallocate(); part.deallocate(); filler.deallocate()
        order.deallocate(); pos.deallocate(); mval.deallocate(); scratch.deallocate(); tree.deallocate()
    }

    @inline(__always) func start(_ q: Int) -> Int { Int(rankOff[q]) }
    @inline(__always) func width(_ q: Int) -> Int { Int(rankOff[q + 1] - rankOff[q]) }

    func rank(_ q: Int) -> [Int32] { Array(UnsafeBufferPointer(start: order + start(q), count: width(q))) }

    func setRank(_ q: Int, _ items: [Int32]) {
        let s = start(q)
        for (i, v) in items.enumerated() { order[s + i] = v; pos[Int(v)] = Int32(i) }
    }

    func loadOrder(_ g: VirtualGraph) {
        for q in 0..<rankCount { setRank(q, g.ranks[q]) }
    }

    func regroupAll() {
        guard needsRegroup else { return }
        updateGroupKeys()
        for q in 0..<rankCount { regroup(q) }
    }

    func save() -> [Int32] { Array(UnsafeBufferPointer(start: order, count: n)) }

    func restore(_ saved: [Int32]) {
        for q in 0..<rankCount {
            let s = start(q)
            for i in 0..<width(q) {
                let v = saved[s + i]
                order[s + i] = v
                pos[Int(v)] = Int32(i)
            }
        }
    }

    // MARK: driver

    func run(_ effort: Ordering.Effort) -> Int {
        if rankCount < 2 {
            if needsRegroup { for q in 0..<rankCount { regroup(q) } }
            return 0
        }
        var best: [Int32] = []
        var bestCross = Int.max
        let starts = effort.iterations == 0 ? 1 : max(1, effort.starts)
        for k in 0..<starts {
            initialOrder(k)
            var cur = totalCrossings()
            var runBest = cur, runOrder = save()
            var trying = 0
            if effort.iterations > 0 {
                for iter in 0..<effort.iterations {
                    if cur == 0 { break }
                    trying += 1
                    if trying > 8 { break }
                    step(iter)
                    cur = totalCrossings()
                    if cur <= runBest {
                        if Double(cur) < 0.995 * Double(runBest) { trying = 0 }
                        runBest = cur
                        runOrder = save()
                    }
                }
            }
            if runBest < bestCross { best = runOrder; bestCross = runBest }
            if bestCross == 0 { break }
        }
        restore(best)
        if bestCross == 0 || effort.iterations == 0 { return bestCross }
        transpose(reverse: false)
        var cur = totalCrossings()
        // Sifting: each item to its best place in its rank, while that helps.
        for _ in 0..<1 {
            if cur == 0 { break }
            for q in 0..<rankCount { sift(q) }
            for q in stride(from: rankCount - 1, through: 0, by: -1) { sift(q) }
            transpose(reverse: false)
            let next = totalCrossings()
            if next >= cur { if next > cur { restore(best) }; break }
            cur = next
            best = save()
        }
        return min(cur, totalCrossings())
    }

    // MARK: initial orders

    /// Start `k`: 0 breadth-first from the top sources, 1 from the bottom sinks, 2 depth-first
    /// from the top, 3 breadth-first from the top in reverse input order, later ones start 0
    /// with each rank shuffled by a fixed seed.
    func initialOrder(_ k: Int) {
        var seen = [Bool](repeating: false, count: n)
        var fill = [Int](repeating: 0, count: rankCount)
        let fromBottom = k == 1
        func place(_ v: Int) {
            let q = Int(rankOf[v])
            order[start(q) + fill[q]] = Int32(v)
            pos[v] = Int32(fill[q])
            fill[q] += 1
        }
        var queue: [Int32] = []
        queue.reserveCapacity(n)
        func bfs(_ root: Int) {
            seen[root] = true
            queue.append(Int32(root))
            var head = queue.count - 1
            while head < queue.count {
                let v = Int(queue[head]); head += 1
                place(v)
                let (a0, a1, aAdj) = fromBottom ? (upOff[v], upOff[v + 1], upAdj) : (downOff[v], downOff[v + 1], downAdj)
                for e in Int(a0)..<Int(a1) { let w = Int(aAdj[e]); if !seen[w] { seen[w] = true; queue.append(Int32(w)) } }
                let (b0, b1, bAdj) = fromBottom ? (downOff[v], downOff[v + 1], downAdj) : (upOff[v], upOff[v + 1], upAdj)
                for e in Int(b0)..<Int(b1) { let w = Int(bAdj[e]); if !seen[w] { seen[w] = true; queue.append(Int32(w)) } }
            }
        }
        func dfs(_ root: Int) {
            var stack: [Int32] = [Int32(root)]
            while let v32 = stack.popLast() {
                let v = Int(v32)
                if seen[v] { continue }
                seen[v] = true
                place(v)
                for e in stride(from: Int(upOff[v + 1]) - 1, through: Int(upOff[v]), by: -1) where !seen[Int(upAdj[e])] { stack.append(upAdj[e]) }
                for e in stride(from: Int(downOff[v + 1]) - 1, through: Int(downOff[v]), by: -1) where !seen[Int(downAdj[e])] { stack.append(downAdj[e]) }
            }
        }
        var roots: [Int] = []
        for v in 0..<n where !filler[v] {
            let none = fromBottom ? downOff[v] == downOff[v + 1] : upOff[v] == upOff[v + 1]
            if none { roots.append(v) }
        }
        if k == 3 { roots.reverse() }
        for v in roots where !seen[v] { if k == 2 { dfs(v) } else { bfs(v) } }
        for v in 0..<n where !seen[v] { if k == 2 { dfs(v) } else { bfs(v) } }
        if k >= 4 {
            var state = UInt64(0x9E37_79B9_7F4A_7C15) &* UInt64(k)
            for q in 0..<rankCount where width(q) > 1 {
                let s = start(q)
                for i in stride(from: width(q) - 1, to: 0, by: -1) {
                    state = state &* 6364136223846793005 &+ 1442695040888963407
                    let j = Int((state >> 33) % UInt64(i + 1))
                    let a = order[s + i], b = order[s + j]
                    order[s + i] = b; order[s + j] = a
                    pos[Int(b)] = Int32(i); pos[Int(a)] = Int32(j)
                }
            }
        }
        if needsRegroup {
            updateGroupKeys()
            for q in 0..<rankCount { regroup(q) }
        }
    }

    // MARK: sweeps

    func step(_ iter: Int) {
        let reverse = iter % 4 < 2
        if hasGroups { updateGroupKeys() }
        if iter % 2 == 0 {
            for q in 1..<rankCount { reorder(q, useUp: true, reverse: reverse) }
        } else {
            for q in stride(from: rankCount - 2, through: 0, by: -1) { reorder(q, useUp: false, reverse: reverse) }
        }
        transpose(reverse: !reverse)
    }

    /// Weighted median of the neighbours' positions (-1 without neighbours).
    @inline(__always) func median(_ v: Int, useUp: Bool) -> Double {
        let (a0, a1, adj) = useUp ? (Int(upOff[v]), Int(upOff[v + 1]), upAdj) : (Int(downOff[v]), Int(downOff[v + 1]), downAdj)
        let c = a1 - a0
        if c == 0 { return -1 }
        if c == 1 { return Double(pos[Int(adj[a0])]) }
        for i in 0..<c {
            let x = pos[Int(adj[a0 + i])]
            var j = i
            while j > 0 && scratch[j - 1] > x { scratch[j] = scratch[j - 1]; j -= 1 }
            scratch[j] = x
        }
        if c == 2 { return Double(scratch[0] + scratch[1]) / 2 }
        let m = c / 2
        if c % 2 == 1 { return Double(scratch[m]) }
        let left = Double(scratch[m - 1] - scratch[0]), right = Double(scratch[c - 1] - scratch[m])
        if left + right == 0 { return Double(scratch[m - 1] + scratch[m]) / 2 }
        return (Double(scratch[m - 1]) * right + Double(scratch[m]) * left) / (left + right)
    }

    /// Sorts the items with neighbours in the adjacent rank by their median into the slots they
    /// occupy; items without neighbours keep their slots.
    func reorder(_ q: Int, useUp: Bool, reverse: Bool) {
        let w = width(q)
        if w < 2 { return }
        let s = start(q)
        var movable: [(Double, Int32, Int32)] = []
        movable.reserveCapacity(w)
        var slots: [Int32] = []
        slots.reserveCapacity(w)
        for i in 0..<w {
            let v = order[s + i]
            let mv = median(Int(v), useUp: useUp)
            if mv >= 0 {
                slots.append(Int32(i))
                movable.append((mv, reverse ? Int32(-i) : Int32(i), v))
            }
        }
        if movable.count < 2 && !needsRegroup { return }
        movable.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        for (k, sl) in slots.enumerated() {
            let v = movable[k].2
            order[s + Int(sl)] = v
            pos[Int(v)] = sl
        }
        if needsRegroup { regroup(q) }
    }

    // MARK: transposition

    /// Crossings between the segments of `v` and `w` toward both adjacent ranks, with v left of
    /// w (first) and with w left of v (second).
    @inline(__always) func pairCrossings(_ v: Int, _ w: Int) -> (Int, Int) {
        var c0 = 0, c1 = 0
        let v0 = Int(upOff[v]), v1 = Int(upOff[v + 1]), w0 = Int(upOff[w]), w1 = Int(upOff[w + 1])
        if v1 > v0 && w1 > w0 {
            for a in v0..<v1 {
                let pa = pos[Int(upAdj[a])]
                for b in w0..<w1 {
                    let pb = pos[Int(upAdj[b])]
                    if pb < pa { c0 += 1 } else if pb > pa { c1 += 1 }
                }
            }
        }
        let x0 = Int(downOff[v]), x1 = Int(downOff[v + 1]), y0 = Int(downOff[w]), y1 = Int(downOff[w + 1])
        if x1 > x0 && y1 > y0 {
            for a in x0..<x1 {
                let pa = pos[Int(downAdj[a])]
                for b in y0..<y1 {
                    let pb = pos[Int(downAdj[b])]
                    if pb < pa { c0 += 1 } else if pb > pa { c1 += 1 }
                }
            }
        }
        return (c0, c1)
    }

    /// Swaps adjacent items (of the same group and part) while that removes crossings; with
    /// `reverse`, also on ties, to leave plateaus. At most `rounds` passes over the ranks.
    func transpose(reverse: Bool, rounds limit: Int = 64) {
        var candidate = [Bool](repeating: true, count: rankCount)
        var rounds = 0
        while rounds < limit {
            rounds += 1
            var delta = 0
            for q in 0..<rankCount where candidate[q] {
                candidate[q] = false
                let w = width(q)
                if w < 2 { continue }
                let s = start(q)
                var changed = false
                for i in 0..<(w - 1) {
                    let v = Int(order[s + i]), x = Int(order[s + i + 1])
                    if group[v] != group[x] || part[v] != part[x] { continue }
                    let (c0, c1) = pairCrossings(v, x)
                    if c0 == 0 { continue }
                    if c1 < c0 || (reverse && c1 == c0) {
                        order[s + i] = Int32(x); order[s + i + 1] = Int32(v)
                        pos[v] = Int32(i + 1); pos[x] = Int32(i)
                        delta += c0 - c1
                        changed = true
                    }
                }
                if changed {
                    candidate[q] = true
                    if q > 0 { candidate[q - 1] = true }
                    if q + 1 < rankCount { candidate[q + 1] = true }
                }
            }
            if delta < 1 { break }
        }
    }

    // MARK: sifting

    /// Moves each item of rank `q` (most connected first) to the place in its run of same-group
    /// items where it crosses least.
    func sift(_ q: Int) {
        let w = width(q)
        if w < 3 { return }
        let s = start(q)
        // Each item's sorted neighbour positions (they do not change while this rank moves),
        // flat: item k's up list is flat[upStart[k]..<upStart[k] + upLen[k]], then its down list.
        var items = rank(q)
        var flat: [Int32] = []
        var upStart = [Int](repeating: 0, count: w), upLen = upStart, downLen = upStart
        for (k, v32) in items.enumerated() {
            let v = Int(v32)
            upStart[k] = flat.count
            let u0 = flat.count
            for e in Int(upOff[v])..<Int(upOff[v + 1]) { flat.append(pos[Int(upAdj[e])]) }
            flat[u0...].sort()
            upLen[k] = flat.count - u0
            let d0 = flat.count
            for e in Int(downOff[v])..<Int(downOff[v + 1]) { flat.append(pos[Int(downAdj[e])]) }
            flat[d0...].sort()
            downLen[k] = flat.count - d0
        }
        // slot[i] = which original item sits at place i.
        var slot = Array(0..<w)
        var placeOf = Array(0..<w)
        let byDegree = (0..<w).sorted { a, b in
            let da = upLen[a] + downLen[a], db = upLen[b] + downLen[b]
            return da != db ? da > db : a < b
        }
        flat.withUnsafeBufferPointer { f in
            func inversions(_ a0: Int, _ al: Int, _ b0: Int, _ bl: Int) -> Int {
                if al == 0 || bl == 0 { return 0 }
                var count = 0, j = 0
                for i in 0..<al {
                    let x = f[a0 + i]
                    while j < bl && f[b0 + j] < x { j += 1 }
                    count += j
                }
                return count
            }
            for k in byDegree {
                if upLen[k] + downLen[k] == 0 { continue }
                let i = placeOf[k]
                let v = Int(items[k])
                var lo = i, hi = i
                while lo > 0 && group[Int(items[slot[lo - 1]])] == group[v] && part[Int(items[slot[lo - 1]])] == part[v] { lo -= 1 }
                while hi + 1 < w && group[Int(items[slot[hi + 1]])] == group[v] && part[Int(items[slot[hi + 1]])] == part[v] { hi += 1 }
                if hi == lo { continue }
                let ku = upStart[k], kd = upStart[k] + upLen[k]
                let currentSlot = i - lo
                var acc = 0, best = 0, bestSlot = 0, current = 0, place = 0
                for j in lo...hi where j != i {
                    let o = slot[j]
                    let ou = upStart[o], od = upStart[o] + upLen[o]
                    let vLeft = inversions(ku, upLen[k], ou, upLen[o]) + inversions(kd, downLen[k], od, downLen[o])
                    let oLeft = inversions(ou, upLen[o], ku, upLen[k]) + inversions(od, downLen[o], kd, downLen[k])
                    acc += oLeft - vLeft
                    place += 1
                    if place == currentSlot { current = acc }
                    if acc < best || (acc == best && abs(place - currentSlot) < abs(bestSlot - currentSlot)) { best = acc; bestSlot = place }
                }
                if best >= current { continue }
                let target = lo + bestSlot
                slot.remove(at: i)
                slot.insert(k, at: target)
                for p in min(i, target)...max(i, target) { placeOf[slot[p]] = p }
            }
        }
        for (i, k) in slot.enumerated() {
            let v = items[k]
            order[s + i] = v
            pos[Int(v)] = Int32(i)
        }
        items = []
    }

    /// Pairs (x in `a`, y in `b`) with y < x (both sorted).
    @inline(__always) static func inversions(_ a: [Int32], _ b: [Int32]) -> Int {
        if a.isEmpty || b.isEmpty { return 0 }
        var count = 0, j = 0
        for x in a {
            while j < b.count && b[j] < x { j += 1 }
            count += j
        }
        return count
    }

    // MARK: groups and parts

    /// Each group's key among its siblings: the mean relative position of its items over all
    /// ranks. Sibling groups take this one order in every rank.
    func updateGroupKeys() {
        guard hasGroups else { return }
        var sum = [Double](repeating: 0, count: groups.count)
        var cnt = [Double](repeating: 0, count: groups.count)
        for q in 0..<rankCount {
            let w = width(q)
            let scale = w > 1 ? 1.0 / Double(w - 1) : 0.5
            let s = start(q)
            for i in 0..<w {
                let v = Int(order[s + i])
                var x = Int(group[v])
                let p = Double(i) * scale
                while x >= 0 { sum[x] += p; cnt[x] += 1; x = groups.parent[x] }
            }
        }
        for x in 0..<groups.count { groupKey[x] = cnt[x] > 0 ? sum[x] / cnt[x] : 0 }
    }

    /// Makes the rank's connected parts contiguous (in part order) and each group's items
    /// contiguous, nested inside their parents, with sibling groups in their global order; the
    /// current positions decide everything else.
    func regroup(_ q: Int) {
        let items = rank(q)
        if items.count < 2 { return }
        if !hasGroups {
            let sorted = items.sorted { (part[Int($0)], pos[Int($0)]) < (part[Int($1)], pos[Int($1)]) }
            if sorted != items { setRank(q, sorted) }
            return
        }
        // Local key of each group present here: the mean position of its items in this rank.
        var sum: [Int: Double] = [:]
        var cnt: [Int: Double] = [:]
        for (i, v) in items.enumerated() {
            var x = Int(group[Int(v)])
            while x >= 0 { sum[x, default: 0] += Double(i); cnt[x, default: 0] += 1; x = groups.parent[x] }
        }
        // Sibling groups share their local keys in global order.
        var local: [Int: Double] = [:]
        var siblings: [Int: [Int]] = [:]
        for x in sum.keys.sorted() {
            local[x] = sum[x]! / cnt[x]!
            siblings[groups.parent[x], default: []].append(x)
        }
        for p in siblings.keys.sorted() {
            let list = siblings[p]!
            if list.count < 2 { continue }
            var keys = list.map { local[$0]! }.sorted()
            // Strictly increasing, so equal local keys cannot undo the global order.
            for k in 1..<keys.count where keys[k] <= keys[k - 1] { keys[k] = keys[k - 1] + 1e-6 }
            let ordered = list.sorted { (groupKey[$0], $0) < (groupKey[$1], $1) }
            for (k, x) in ordered.enumerated() { local[x] = keys[k] }
        }
        // Sort by the path of (key, id) pairs: part, outermost group … innermost group, item.
        var entries: [(path: [(Double, Int)], item: Int32)] = []
        entries.reserveCapacity(items.count)
        for (i, v) in items.enumerated() {
            var path: [(Double, Int)] = [(Double(part[Int(v)]), 0)]
            let gid = Int(group[Int(v)])
            if gid >= 0 { for x in groupPaths[gid] { path.append((local[x]!, -(x + 2))) } }
            path.append((filler[Int(v)] ? -Double.infinity : Double(i), Int(v)))
            entries.append((path, v))
        }
        entries.sort { a, b in
            let m = min(a.path.count, b.path.count)
            for k in 0..<m where a.path[k] != b.path[k] { return a.path[k] < b.path[k] }
            return a.path.count < b.path.count
        }
        let sorted = entries.map(\.item)
        if sorted != items { setRank(q, sorted) }
    }

    // MARK: counting

    /// Crossings between rank `q` and `q + 1` (inversions, with a Fenwick tree).
    func crossings(between q: Int) -> Int {
        let below = width(q + 1)
        for i in 0...below { tree[i] = 0 }
        var total = 0, inserted = 0
        let s = start(q)
        for i in 0..<width(q) {
            let v = Int(order[s + i])
            let d0 = Int(downOff[v]), d1 = Int(downOff[v + 1])
            if d1 == d0 { continue }
            for e in d0..<d1 {
                var j = Int(pos[Int(downAdj[e])]) + 1
                var le = 0
                while j > 0 { le += Int(tree[j]); j -= j & (-j) }
                total += inserted - le
            }
            for e in d0..<d1 {
                var j = Int(pos[Int(downAdj[e])]) + 1
                while j <= below { tree[j] += 1; j += j & (-j) }
                inserted += 1
            }
        }
        return total
    }

    func totalCrossings() -> Int {
        var t = 0
        for q in 0..<(rankCount - 1) { t += crossings(between: q) }
        return t
    }
}

extension VirtualGraph {
    /// Crossings of the current order between adjacent ranks (for tests and benchmarks).
    func orderCrossings() -> Int {
        var total = 0
        if ranks.count < 2 { return 0 }
        for q in 0..<(ranks.count - 1) {
            var segs: [(Int32, Int32)] = []
            for v in ranks[q] { for w in down[Int(v)] { segs.append((pos[Int(v)], pos[Int(w)])) } }
            for i in 0..<segs.count {
                for j in (i + 1)..<segs.count where (segs[i].0 - segs[j].0) * (segs[i].1 - segs[j].1) < 0 { total += 1 }
            }
        }
        return total
    }
}
