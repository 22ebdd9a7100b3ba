// Routing between two ranks ("channel routing"): each edge segment drops from its upper end to a
// track, runs along it, and drops to its lower end. Tracks are ordered so that a segment never
// crosses another unless their ends are interleaved (a crossing the order cannot avoid), and two
// segments never share a cell except where they cross at a right angle.
//
// Two rules order the tracks. Where one segment's lower end and another's upper end fall on the
// same column, the second must run above the first (or their vertical runs would overlap):
// required. Among segments running the same way (both rightward or both leftward) with
// overlapping spans, one order avoids a crossing: preferred. Required rules form chains and
// cycles (each segment has at most one column shared each way); a cycle is broken by a dogleg:
// one segment of it runs on two tracks joined through a free column.

/// One edge segment between rank r and r+1: order coordinates of its upper and lower end.
struct ChannelSegment {
    var s: Int
    var e: Int
    var lo: Int { min(s, e) }
    var hi: Int { max(s, e) }
    var straight: Bool { s == e }
    var rightward: Bool { e > s }
}

/// How a segment crosses its channel.
enum ChannelRoute: Equatable {
    case straight
    /// Down to track `t`, along it, down to the lower end.
    case track(Int)
    /// Down to track `upper`, along it to column `z`, down to track `lower`, along it, down.
    case dogleg(upper: Int, lower: Int, z: Int)
}

enum Channels {
    /// Routes for the segments of one channel and the number of tracks used. `blocked` holds
    /// columns a dogleg must not run down (frame borders).
    static func route(_ input: [ChannelSegment], blocked: Set<Int> = []) -> (routes: [ChannelRoute], tracks: Int) {
        var routes = [ChannelRoute](repeating: .straight, count: input.count)
        var segs = input
        var original = Array(0..<input.count)   // per entry of `segs`: its input segment
        let bentInput = (0..<input.count).filter { !input[$0].straight }
        if bentInput.isEmpty { return (routes, 0) }

        // Required "above" links: at most one out and one in per segment (upper ends are distinct
        // columns, and so are lower ends).
        let byE = bentInput.sorted { input[$0].e < input[$1].e }
        func bottomAt(_ col: Int) -> Int? {
            var a = 0, b = byE.count
            while a < b { let m = (a + b) / 2; if input[byE[m]].e < col { a = m + 1 } else { b = m } }
            return a < byE.count && input[byE[a]].e == col ? byE[a] : nil
        }
        var above = [Int](repeating: -1, count: input.count)   // above[a] = b: a runs above b
        for a in bentInput {
            if let b = bottomAt(input[a].s), b != a { above[a] = b }
        }
        // Cycles of required links: split one segment of each into a dogleg.
        var state = [UInt8](repeating: 0, count: input.count)
        var splitAt = [Int](repeating: -1, count: input.count)   // input segment → column z (-1: none)
        var used: Set<Int>?
        for start in bentInput where state[start] == 0 {
            var path: [Int] = []
            var v = start
            while v >= 0 && state[v] == 0 { state[v] = 1; path.append(v); v = above[v] }
            if v >= 0 && state[v] == 1, let k = path.firstIndex(of: v) {
                let cycle = path[k...]
                let pick = cycle.min()!
                let sg = input[pick]
                if used == nil {
                    var u = blocked
                    for x in input { u.insert(x.s); u.insert(x.e) }
                    used = u
                }
                let mid = (sg.s + sg.e) / 2
                var z = mid, d = 0
                while used!.contains(z) || z < 1 { d += 1; z = d % 2 == 1 ? mid + (d + 1) / 2 : mid - d / 2 }
                used!.insert(z)
                splitAt[pick] = z
            }
            for p in path { state[p] = 2 }
        }
        // The segments to place: doglegs as two parts (upper part keeps the index).
        var partner = [Int](repeating: -1, count: input.count)
        for i in bentInput where splitAt[i] >= 0 {
            let z = splitAt[i]
            let lowerPart = segs.count
            segs.append(ChannelSegment(s: z, e: input[i].e))
            original.append(i)
            segs[i] = ChannelSegment(s: input[i].s, e: z)
            partner[i] = lowerPart
        }
        partner += [Int](repeating: -1, count: segs.count - input.count)
        let m = segs.count
        let bent = (0..<m).filter { !segs[$0].straight }
        var reqOut = [[Int32]](repeating: [], count: m), prefOut = [[Int32]](repeating: [], count: m)
        var reqIn = [Int](repeating: 0, count: m), prefIn = [Int](repeating: 0, count: m)
        var preds = [[Int32]](repeating: [], count: m)
        func require(_ top: Int, _ bottom: Int) {
            reqOut[top].append(Int32(bottom)); reqIn[bottom] += 1; preds[bottom].append(Int32(top))
        }
        for i in bent where partner[i] >= 0 { require(i, partner[i]) }
        let byLo = bent.sorted { (segs[$0].lo, $0) < (segs[$1].lo, $1) }
        for (i, a) in byLo.enumerated() {
            let A = segs[a]
            var j = i + 1
            while j < byLo.count && segs[byLo[j]].lo <= A.hi {
                let b = byLo[j]
                let B = segs[b]
                j += 1
                if partner[a] == b || partner[b] == a { continue }
                var required = false
                if A.e == B.s { require(b, a); required = true }
                if A.s == B.e { require(a, b); required = true }
                if required { continue }
                var top = -1, bottom = -1
                if A.rightward && B.rightward {
                    (top, bottom) = A.s > B.s ? (a, b) : (b, a)
                } else if !A.rightward && !B.rightward {
                    (top, bottom) = A.s < B.s ? (a, b) : (b, a)
                }
                if top >= 0 {
                    prefOut[top].append(Int32(bottom)); prefIn[bottom] += 1; preds[bottom].append(Int32(top))
                }
            }
        }
        // Topological order (leftmost first among the ready ones); on a cycle of preferred
        // rules, the leftmost segment whose required rules hold goes next.
        var done = [Bool](repeating: false, count: m)
        var track = [Int](repeating: -1, count: m)
        var ready = Heap()
        for v in bent where reqIn[v] == 0 && prefIn[v] == 0 { ready.push(key(segs[v].lo, v)) }
        var remaining = bent.count
        var occupancy: [[(Int, Int)]] = []
        var trackCount = 0
        func release(_ v: Int) {
            for w32 in reqOut[v] {
                let w = Int(w32)
                reqIn[w] -= 1
                if !done[w] && reqIn[w] == 0 && prefIn[w] == 0 { ready.push(key(segs[w].lo, w)) }
            }
            for w32 in prefOut[v] {
                let w = Int(w32)
                prefIn[w] -= 1
                if !done[w] && reqIn[w] == 0 && prefIn[w] == 0 { ready.push(key(segs[w].lo, w)) }
            }
        }
        while remaining > 0 {
            var v = -1
            while let k = ready.pop() {
                let c = Int(k & 0xFFFF_FFFF)
                if !done[c] { v = c; break }
            }
            if v < 0 {
                for c in bent where !done[c] && reqIn[c] == 0 {
                    if v < 0 || (segs[c].lo, c) < (segs[v].lo, v) { v = c }
                }
                // Required rules are acyclic once cycles are split; this is only a safeguard.
                if v < 0 { v = bent.first { !done[$0] }! }
            }
            done[v] = true
            remaining -= 1
            var least = 0
            for p32 in preds[v] {
                let p = Int(p32)
                if done[p] && track[p] >= 0 { least = max(least, track[p] + 1) }
            }
            let lo = segs[v].lo, hi = segs[v].hi
            var t = least
            while true {
                if t == occupancy.count { occupancy.append([]) }
                if fits(occupancy[t], lo, hi) { break }
                t += 1
            }
            insert(&occupancy[t], lo, hi)
            track[v] = t
            trackCount = max(trackCount, t + 1)
            release(v)
        }
        for i in bentInput {
            if splitAt[i] >= 0 {
                routes[i] = .dogleg(upper: track[i], lower: track[partner[i]], z: splitAt[i])
            } else {
                routes[i] = .track(track[i])
            }
        }
        _ = original
        return (routes, trackCount)
    }

    @inline(__always) private static func key(_ lo: Int, _ v: Int) -> UInt64 {
        UInt64(UInt32(truncatingIfNeeded: max(0, lo))) << 32 | UInt64(UInt32(v))
    }

    /// True when [lo, hi] does not touch any interval of the (sorted, disjoint) list.
    private static func fits(_ list: [(Int, Int)], _ lo: Int, _ hi: Int) -> Bool {
        var a = 0, b = list.count
        while a < b { let mid = (a + b) / 2; if list[mid].0 <= hi { a = mid + 1 } else { b = mid } }
        // list[a - 1] is the last interval starting at or before hi.
        if a > 0 && list[a - 1].1 >= lo { return false }
        return true
    }

    private static func insert(_ list: inout [(Int, Int)], _ lo: Int, _ hi: Int) {
        var a = 0, b = list.count
        while a < b { let mid = (a + b) / 2; if list[mid].0 < lo { a = mid + 1 } else { b = mid } }
        list.insert((lo, hi), at: a)
    }

    /// A binary min-heap of packed keys.
    struct Heap {
        var items: [UInt64] = []
        mutating func push(_ k: UInt64) {
            items.append(k)
            var i = items.count - 1
            while i > 0 {
                let p = (i - 1) / 2
                if items[p] <= items[i] { break }
                items.swapAt(p, i)
                i = p
            }
        }
        mutating func pop() -> UInt64? {
            guard let top = items.first else { return nil }
            let last = items.removeLast()
            if items.isEmpty { return top }
            items[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < items.count && items[l] < items[m] { m = l }
                if r < items.count && items[r] < items[m] { m = r }
                if m == i { break }
                items.swapAt(i, m)
                i = m
            }
            return top
        }
    }
}
