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
    var crossCost = 4
    var overlapCost = 40

    // Search scratch, indexed by window-local state.
    private var stamp: [UInt32] = []
    private var closed: [UInt32] = []
    private var gCost: [Int32] = []
    private var parent: [Int32] = []
    private var heap: [UInt64] = []
    private var current: UInt32 = 0

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

    var fullWindow: Window { Window(x0: 0, y0: 0, x1: width - 1, y1: height - 1) }

    /// Shortest path of cells from `start` (entered with heading `startDir`) to `goal` (entered
    /// with heading `goalDir`) for edge `me`. Strict mode never overlaps another edge in the same
    /// orientation, never bends on another edge's cell and never touches reserved cells; relaxed
    /// mode (last resort) only avoids boxes.
    mutating func route(start: Int, startDir: Int, goal: Int, goalDir: Int, me: Int32,
                        window win: Window, relaxed: Bool) -> [Int]? {
        if start == goal { return [start] }
        DebugStats.searches += 1
        if win.x0 == 0 && win.y0 == 0 && win.x1 == width - 1 && win.y1 == height - 1 { DebugStats.full += 1 }
        let ww = win.x1 - win.x0 + 1
        let wh = win.y1 - win.y0 + 1
        let states = ww * wh * 4
        if stamp.count < states {
            let n = max(states, stamp.count * 2)
            stamp = [UInt32](repeating: 0, count: n)
            closed = [UInt32](repeating: 0, count: n)
            gCost = [Int32](repeating: 0, count: n)
            parent = [Int32](repeating: -1, count: n)
            current = 0
        }
        current &+= 1
        if current == 0 {
            for i in 0..<stamp.count { stamp[i] = 0; closed[i] = 0 }
            current = 1
        }
        let cur = current
        let W = width
        let gx = goal % W, gy = goal / W
        heap.removeAll(keepingCapacity: true)

        @inline(__always) func local(_ c: Int, _ d: Int) -> Int {
            ((c / W - win.y0) * ww + (c % W - win.x0)) * 4 + d
        }
        let s0 = local(start, startDir)
        stamp[s0] = cur
        gCost[s0] = 0
        parent[s0] = -1
        let sx = start % W, sy = start / W
        heap.append(UInt64(abs(sx - gx) + abs(sy - gy)) << 34 | UInt64(s0))

        var found = -1
        let bendCost = Int32(self.bendCost), crossCost = Int32(self.crossCost), overlapCost = Int32(self.overlapCost)
        while !heap.isEmpty {
            let key = popMin()
            let s = Int(key & ((1 << 34) - 1))
            if closed[s] == cur { continue }
            closed[s] = cur
            DebugStats.pops += 1
            let d = s & 3
            let lc = s >> 2
            let lx = lc % ww, ly = lc / ww
            let x = lx + win.x0, y = ly + win.y0
            let c = y * W + x
            if c == goal && d == goalDir { found = s; break }
            let g = gCost[s]
            for nd in 0..<4 where nd != (d ^ 1) {
                let nx = x + Heading.dx[nd], ny = y + Heading.dy[nd]
                if nx < win.x0 || nx > win.x1 || ny < win.y0 || ny > win.y1 { continue }
                let n = ny * W + nx
                if blocked[n] != 0 { continue }
                if n == goal { if nd != goalDir { continue } } else if n == start { continue }
                var cost: Int32 = 1
                let bend = nd != d
                if bend {
                    if c == goal { continue }
                    cost += bendCost
                    if !relaxed {
                        let h = occH[c], v = occV[c]
                        if (h != 0 && h != me) || (v != 0 && v != me) { continue }
                    }
                }
                let own = Heading.vertical(nd) ? occV[n] : occH[n]
                let other = Heading.vertical(nd) ? occH[n] : occV[n]
                if relaxed {
                    if (own != 0 && own != me) || (other != 0 && other != me) { cost += overlapCost }
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
                    let f = Int(ng) + abs(nx - gx) + abs(ny - gy)
                    push(UInt64(f) << 34 | UInt64(ns))
                }
            }
        }
        if found < 0 { DebugStats.failures += 1; return nil }
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

    private mutating func push(_ k: UInt64) {
        heap.append(k)
        var i = heap.count - 1
        while i > 0 {
            let p = (i - 1) >> 1
            if heap[p] <= k { break }
            heap[i] = heap[p]
            i = p
        }
        heap[i] = k
    }

    private mutating func popMin() -> UInt64 {
        let top = heap[0]
        let last = heap.removeLast()
        let n = heap.count
        if n == 0 { return top }
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

enum DebugStats {
    nonisolated(unsafe) static var searches = 0
    nonisolated(unsafe) static var failures = 0
    nonisolated(unsafe) static var full = 0
    nonisolated(unsafe) static var attempts = 0
    nonisolated(unsafe) static var pops = 0
    nonisolated(unsafe) static var forceFinal = false
    nonisolated(unsafe) static var crop = (0, 0)
    nonisolated(unsafe) static var failed: [(Int, Int, Int, Int)] = []
}
