// Orthogonal edge routing on the character grid: A* over (cell, heading) states with a cost for
// bends and for crossing other edges, inside a bounded window that grows on failure.
// The grid is flat arrays; search scratch space is stamped so it is never cleared.

/// Headings: 0 up, 1 down, 2 left, 3 right. `d ^ 1` is the opposite heading.
enum Heading {
    static let dx = [0, 0, -1, 1]
    static let dy = [-1, 1, 0, 0]
    @inline(__always) static func vertical(_ d: Int) -> Bool { d < 2 }
}

struct RouteGrid {
    let width: Int
    let height: Int
    /// 1 inside a box.
    var blocked: [UInt8]
    /// Owner (edge id + 1) of the horizontal / vertical use of each cell; 0 when free.
    var occH: [Int32]
    var occV: [Int32]

    var bendCost = 3
    var crossCost = 1
    var overlapCost = 6
    /// Weighted A*: > 1 trades a little path quality for far fewer expanded states.
    var heuristicWeight = 2
    /// Heuristic weight of the strict search: 1 (optimal routes) unless the engine trades a
    /// little route quality for speed on very large layouts.
    var strictHeuristicWeight = 1

    /// Search scratch, indexed by window-local state; shared by copies of the grid on purpose
    /// (it only holds per-search data, stamped so it is never cleared).
    private let scratch = SearchScratch()

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        blocked = [UInt8](repeating: 0, count: width * height)
        occH = [Int32](repeating: 0, count: width * height)
        occV = [Int32](repeating: 0, count: width * height)
    }

    mutating func block(x: Int, y: Int, w: Int, h: Int) {
        for yy in y..<(y + h) { for xx in x..<(x + w) { blocked[yy * width + xx] = 1 } }
    }

    /// Reserves a cell for `owner` in both orientations (ports, arrowheads, corners).
    mutating func reserve(_ c: Int, owner: Int32) {
        occH[c] = owner
        occV[c] = owner
    }

    /// Marks a routed cell list: straight cells in their orientation, bends and ends in both.
    mutating func mark(_ cells: [Int], owner: Int32) {
        for i in 0..<cells.count {
            let c = cells[i]
            if i == 0 || i == cells.count - 1 { reserve(c, owner: owner); continue }
            let a = cells[i - 1], b = cells[i + 1]
            let inV = (c - a == width || a - c == width)
            let outV = (b - c == width || c - b == width)
            if inV != outV {
                reserve(c, owner: owner)
            } else if inV {
                occV[c] = owner
            } else {
                occH[c] = owner
            }
        }
    }

    struct Window { var x0: Int; var y0: Int; var x1: Int; var y1: Int }  // inclusive

    func window(around a: Int, _ b: Int, margin: Int) -> Window {
        let ax = a % width, ay = a / width, bx = b % width, by = b / width
        return Window(x0: max(0, min(ax, bx) - margin), y0: max(0, min(ay, by) - margin),
                      x1: min(width - 1, max(ax, bx) + margin), y1: min(height - 1, max(ay, by) + margin))
    }

    /// States expanded by the last `route` call on this grid (or a copy of it).
    var lastExpansions: Int { scratch.lastExpansions }

    var fullWindow: Window { Window(x0: 0, y0: 0, x1: width - 1, y1: height - 1) }

    /// Shortest path of cells from `start` (entered with heading `startDir`) to `goal` (entered
    /// with heading `goalDir`) for edge `me`. Strict mode never overlaps another edge in the same
    /// orientation, never bends on another edge's cell and never touches reserved cells; relaxed
    /// mode may do all that at a cost (bounded search); desperate mode only avoids boxes and is
    /// unbounded, so it always finds a path when one exists.
    ///
    /// `effort` bounds the expanded states to `effort × (distance + 64)` for the strict and
    /// relaxed modes; `lastExpansions` tells the caller how many states the search expanded.
    func route(start: Int, startDir: Int, goal: Int, goalDir: Int, me: Int32,
               window win: Window, relaxed: Bool, desperate: Bool = false, effort: Int = 48) -> [Int]? {
        scratch.lastExpansions = 0
        if start == goal { return [start] }
        let ww = win.x1 - win.x0 + 1
        let wh = win.y1 - win.y0 + 1
        let states = ww * wh * 4
        let sc = scratch
        sc.ensure(states)
        let cur = sc.nextStamp()
        let W = width
        let gx = goal % W, gy = goal / W
        // Optimal (weight 1) for normal routes; greedy for the fallbacks, which must be fast.
        let heuristicWeight = (relaxed || desperate) ? self.heuristicWeight : strictHeuristicWeight
        let bendCost = self.bendCost, crossCost = Int32(self.crossCost), overlapCost = Int32(self.overlapCost)
        let stamp = sc.stamp, closed = sc.closed, gCost = sc.gCost, parent = sc.parent
        // The heap lives in locals during the search (no class-property access in the loop).
        var heap = MinHeap(storage: sc.heap, capacity: sc.heapCapacity)
        defer { sc.heap = heap.storage; sc.heapCapacity = heap.capacity }

        // Key: f (20 bits) | ties broken toward the larger g (12 bits) | window-local state (32 bits).
        @inline(__always) func key(_ f: Int, _ g: Int, _ s: Int) -> UInt64 {
            UInt64(min(f, 0xFFFFF)) << 44 | UInt64(0xFFF - min(g, 0xFFF)) << 32 | UInt64(s)
        }
        @inline(__always) func h(_ x: Int, _ y: Int) -> Int {
            (abs(x - gx) + abs(y - gy) + ((x != gx && y != gy) ? bendCost : 0)) * heuristicWeight
        }
        let sx = start % W, sy = start / W
        let s0 = ((sy - win.y0) * ww + (sx - win.x0)) * 4 + startDir
        stamp[s0] = cur
        gCost[s0] = 0
        parent[s0] = -1
        heap.push(key(h(sx, sy), 0, s0))

        // Strict searches give up after a bounded number of expansions (a failing search would
        // otherwise flood its whole window); the caller then widens or relaxes.
        var budget = desperate ? Int.max : effort * (abs(sx - gx) + abs(sy - gy) + 64)
        let budget0 = budget
        var found = -1
        blocked.withUnsafeBufferPointer { blockedP in
        occH.withUnsafeBufferPointer { occHP in
        occV.withUnsafeBufferPointer { occVP in
            while heap.count > 0 {
                let top = heap.popMin()
                let s = Int(top & 0xFFFF_FFFF)
                if closed[s] == cur { continue }
                closed[s] = cur
                budget -= 1
                if budget < 0 { break }
                let d = s & 3
                let lc = s >> 2
                let ly = lc / ww
                let x = lc - ly * ww + win.x0, y = ly + win.y0
                let c = y * W + x
                if c == goal && d == goalDir { found = s; break }
                let g = gCost[s]
                var bendOK = true
                if !relaxed {
                    let hh = occHP[c], vv = occVP[c]
                    bendOK = (hh == 0 || hh == me) && (vv == 0 || vv == me)
                }
                for nd in 0..<4 where nd != (d ^ 1) {
                    let bend = nd != d
                    if bend && (!bendOK || c == start) { continue }  // leave every end straight
                    let nx: Int, ny: Int
                    switch nd {
                    case 0: nx = x; ny = y - 1
                    case 1: nx = x; ny = y + 1
                    case 2: nx = x - 1; ny = y
                    default: nx = x + 1; ny = y
                    }
                    if nx < win.x0 || nx > win.x1 || ny < win.y0 || ny > win.y1 { continue }
                    let n = ny * W + nx
                    if blockedP[n] != 0 { continue }
                    if n == goal { if nd != goalDir { continue } } else if n == start { continue }
                    var cost: Int32 = bend ? Int32(1 + bendCost) : 1
                    let vert = nd < 2
                    let own = vert ? occVP[n] : occHP[n]
                    let other = vert ? occHP[n] : occVP[n]
                    if desperate {
                        // Only boxes matter: a plain shortest path, always found.
                    } else if relaxed {
                        if own != 0 && own != me { cost += overlapCost }
                        if other != 0 && other != me { cost += crossCost }
                    } else {
                        if own != 0 && own != me { continue }
                        if other != 0 && other != me { cost += crossCost }
                    }
                    let ns = ((ny - win.y0) * ww + (nx - win.x0)) * 4 + nd
                    let ng = g + cost
                    if stamp[ns] != cur || ng < gCost[ns] {
                        if closed[ns] == cur { continue }
                        stamp[ns] = cur
                        gCost[ns] = ng
                        parent[ns] = Int32(s)
                        heap.push(key(Int(ng) + h(nx, ny), Int(ng), ns))
                    }
                }
            }
        }
        }
        }
        sc.lastExpansions = budget0 - max(budget, 0)
        if found < 0 { return nil }
        var cells: [Int] = []
        var s = found
        while s >= 0 {
            let lc = s >> 2
            cells.append((lc / ww + win.y0) * W + (lc % ww + win.x0))
            s = Int(parent[s])
        }
        cells.reverse()
        return cells
    }
}

/// Scratch memory for the A* search: raw buffers, grown on demand, never cleared (stamped).
final class SearchScratch: @unchecked Sendable {
    private(set) var capacity = 0
    var stamp = UnsafeMutablePointer<UInt32>.allocate(capacity: 1)
    var closed = UnsafeMutablePointer<UInt32>.allocate(capacity: 1)
    var gCost = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
    var parent = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
    var heap = UnsafeMutablePointer<UInt64>.allocate(capacity: 1024)
    var heapCapacity = 1024
    var lastExpansions = 0
    private var current: UInt32 = 0

    deinit {
        stamp.deallocate(); closed.deallocate(); gCost.deallocate(); parent.deallocate(); heap.deallocate()
    }

    func ensure(_ states: Int) {
        if states <= capacity { return }
        let n = max(states, capacity * 2)
        stamp.deallocate(); closed.deallocate(); gCost.deallocate(); parent.deallocate()
        stamp = .allocate(capacity: n); stamp.initialize(repeating: 0, count: n)
        closed = .allocate(capacity: n); closed.initialize(repeating: 0, count: n)
        gCost = .allocate(capacity: n); gCost.initialize(repeating: 0, count: n)
        parent = .allocate(capacity: n); parent.initialize(repeating: -1, count: n)
        capacity = n
        current = 0
    }

    func nextStamp() -> UInt32 {
        current &+= 1
        if current == 0 {
            stamp.update(repeating: 0, count: capacity)
            closed.update(repeating: 0, count: capacity)
            current = 1
        }
        return current
    }
}

/// A binary min-heap of packed keys on a raw buffer borrowed from `SearchScratch`.
struct MinHeap {
    var storage: UnsafeMutablePointer<UInt64>
    var capacity: Int
    var count = 0

    init(storage: UnsafeMutablePointer<UInt64>, capacity: Int) {
        self.storage = storage
        self.capacity = capacity
    }

    @inline(__always) mutating func push(_ k: UInt64) {
        if count == capacity {
            let bigger = UnsafeMutablePointer<UInt64>.allocate(capacity: capacity * 2)
            bigger.moveInitialize(from: storage, count: count)
            storage.deallocate()
            storage = bigger
            capacity *= 2
        }
        let heap = storage
        var i = count
        count += 1
        while i > 0 {
            let p = (i - 1) >> 1
            if heap[p] <= k { break }
            heap[i] = heap[p]
            i = p
        }
        heap[i] = k
    }

    @inline(__always) mutating func popMin() -> UInt64 {
        let heap = storage
        let top = heap[0]
        count -= 1
        let n = count
        if n == 0 { return top }
        let last = heap[n]
        var i = 0
        while true {
            let l = 2 * i + 1
            if l >= n { break }
            var m = l
            if l + 1 < n && heap[l + 1] < heap[l] { m = l + 1 }
            if heap[m] >= last { break }
            heap[i] = heap[m]
            i = m
        }
        heap[i] = last
        return top
    }
}
