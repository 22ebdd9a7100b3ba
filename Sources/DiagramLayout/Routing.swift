import TerminalText

// Coordinates across the layers and the edges' paths: each rank is a band as thick as its
// thickest item; between two bands, a channel holds the tracks of the edges and the borders of
// the group frames that end or start there. Paths are built segment by segment from the tracks;
// the rare segment no track order can route takes a detour above and below the channel's tracks.

/// Where everything is, in drawing cells (x right, y down).
struct Geometry {
    let e: Engine
    let g: VirtualGraph
    let s: ItemSizes
    var c: OrderCoordinates
    let loopsOf: [[Int]]

    var rankStart: [Int] = []
    var band: [Int] = []
    /// Box rects, per real node.
    var boxes: [DiagramRect] = []
    /// Paths per input edge, as (x, y) cells.
    var paths: [[DiagramPoint]] = []
    /// Label text and where it starts, per input edge.
    var labelSpots: [(x: Int, y: Int, lines: [String])?] = []
    /// Frames per group (nil when not drawn), and where each title goes (x, y, text).
    var frames: [DiagramRect?] = []
    var titles: [(x: Int, y: Int, text: String)?] = []
    var width = 0
    var height = 0

    init(engine: Engine, g: VirtualGraph, sizes: ItemSizes, coords: OrderCoordinates, loopsOf: [[Int]]) {
        e = engine
        self.g = g
        s = sizes
        c = coords
        self.loopsOf = loopsOf
    }

    var tb: Bool { e.tb }

    /// (order, rank) → (x, y).
    @inline(__always) func point(_ o: Int, _ q: Int) -> DiagramPoint { tb ? DiagramPoint(x: o, y: q) : DiagramPoint(x: q, y: o) }

    /// Where an item starts across the layers (centred in its band).
    func itemStart(_ v: Int) -> Int {
        let r = Int(g.rankOf[v])
        return rankStart[r] + (band[r] - s.rankSize[v]) / 2
    }

    /// The order coordinate where a chain's segment k leaves its upper item / enters its lower one.
    func segmentEnds(_ ci: Int, _ k: Int) -> ChannelSegment {
        let chain = g.chains[ci]
        let a = Int(chain[k]), b = Int(chain[k + 1])
        let sx = k == 0 ? c.chainStart[ci] : c.x[a] + s.lineOffset[a]
        let ex = k + 1 == chain.count - 1 ? c.chainEnd[ci] : c.x[b] + s.lineOffset[b]
        return ChannelSegment(s: sx, e: ex)
    }

    mutating func build() {
        let rankCount = g.ranks.count
        let groups = e.p.groups
        band = [Int](repeating: 1, count: rankCount)
        for v in 0..<g.count { let r = Int(g.rankOf[v]); band[r] = max(band[r], s.rankSize[v]) }

        resolvePortConflicts()

        // Tracks per channel.
        var segmentsOf = [[(ci: Int, k: Int)]](repeating: [], count: max(0, rankCount - 1))
        for (ci, chain) in g.chains.enumerated() {
            for k in 0..<(chain.count - 1) { segmentsOf[Int(g.rankOf[Int(chain[k])])].append((ci, k)) }
        }
        var routeOf = [[ChannelRoute]](repeating: [], count: g.chains.count)
        for (ci, chain) in g.chains.enumerated() { routeOf[ci] = [ChannelRoute](repeating: .straight, count: chain.count - 1) }
        var trackCount = [Int](repeating: 0, count: max(0, rankCount - 1))
        for r in 0..<max(0, rankCount - 1) {
            let segs = segmentsOf[r].map { segmentEnds($0.ci, $0.k) }
            var blocked = Set<Int>()
            for gr in 0..<groups.count where c.groupLow[gr] >= 0 && g.groupFirst[gr] <= r + 1 && g.groupLast[gr] >= r {
                blocked.insert(c.groupLow[gr]); blocked.insert(c.groupHigh[gr])
            }
            let (routes, count) = Channels.route(segs, blocked: blocked)
            trackCount[r] = count
            for (i, sg) in segmentsOf[r].enumerated() { routeOf[sg.ci][sg.k] = routes[i] }
        }
        var maxOrder = 0

        // Frame borders per channel: bottoms of groups ending above it, tops of groups starting
        // below it (channel index r + 1 sits after rank r; 0 is before the first rank).
        var bottomLevels = [Int](repeating: 0, count: rankCount + 1), topLevels = bottomLevels
        var bottomBase = [Int](repeating: Int.min, count: rankCount + 1), topBase = [Int](repeating: Int.max, count: rankCount + 1)
        for gr in 0..<groups.count where c.groupLow[gr] >= 0 {
            let first = g.groupFirst[gr], last = g.groupLast[gr]
            topBase[first] = min(topBase[first], groups.depth[gr])
            bottomBase[last + 1] = max(bottomBase[last + 1], groups.depth[gr])
        }
        for gr in 0..<groups.count where c.groupLow[gr] >= 0 {
            let first = g.groupFirst[gr], last = g.groupLast[gr]
            topLevels[first] = max(topLevels[first], groups.depth[gr] - topBase[first] + 1)
            bottomLevels[last + 1] = max(bottomLevels[last + 1], bottomBase[last + 1] - groups.depth[gr] + 1)
        }

        // Across the layers: bands and channels.
        rankStart = [Int](repeating: 0, count: rankCount)
        var channelTop = [Int](repeating: 0, count: rankCount + 1)
        var channelRows = [Int](repeating: 0, count: rankCount + 1)
        var q = e.margin
        channelTop[0] = q
        channelRows[0] = topLevels[0] > 0 ? topLevels[0] + 1 : 0
        q += channelRows[0]
        for r in 0..<rankCount {
            rankStart[r] = q
            q += band[r]
            channelTop[r + 1] = q
            let B = bottomLevels[r + 1], P = topLevels[r + 1]
            if r + 1 < rankCount {
                let T = trackCount[r]
                let boxes = !g.isLabelRank[r] && !g.isLabelRank[r + 1]
                let least = boxes ? 3 : 1
                let rows = (B == 0 && T == 0 && P == 0) ? least : max(least, 1 + B + T + P + 1)
                channelRows[r + 1] = rows
            } else {
                channelRows[r + 1] = B > 0 ? 1 + B : 0
            }
            q += channelRows[r + 1]
        }
        let extentQ = q + e.margin

        // Boxes.
        boxes = (0..<g.realCount).map { v in
            let o = c.x[v], qq = itemStart(v)
            let p0 = point(o, qq)
            return tb ? DiagramRect(x: p0.x, y: p0.y, width: s.boxOrder[v], height: s.boxRank[v])
                      : DiagramRect(x: p0.x, y: p0.y, width: s.boxRank[v], height: s.boxOrder[v])
        }

        // Frames and titles.
        frames = [DiagramRect?](repeating: nil, count: groups.count)
        titles = [(x: Int, y: Int, text: String)?](repeating: nil, count: groups.count)
        for gr in 0..<groups.count where c.groupLow[gr] >= 0 {
            let first = g.groupFirst[gr], last = g.groupLast[gr]
            let qTop = first == 0 && channelRows[0] > 0 ? channelTop[0] + (groups.depth[gr] - topBase[0])
                : channelTop[first] + channelRows[first] - 1 - topLevels[first] + (groups.depth[gr] - topBase[first])
            let qBottom = channelTop[last + 1] + 1 + (bottomBase[last + 1] - groups.depth[gr])
            let a = point(c.groupLow[gr], qTop), b = point(c.groupHigh[gr], qBottom)
            frames[gr] = DiagramRect(x: min(a.x, b.x), y: min(a.y, b.y), width: abs(b.x - a.x) + 1, height: abs(b.y - a.y) + 1)
        }

        // Paths.
        paths = [[DiagramPoint]](repeating: [], count: e.p.ends.count)
        for (ci, chain) in g.chains.enumerated() {
            var cells: [DiagramPoint] = []
            for k in 0..<(chain.count - 1) {
                let a = Int(chain[k]), b = Int(chain[k + 1])
                let r = Int(g.rankOf[a])
                let seg = segmentEnds(ci, k)
                let qStart = a < g.realCount ? itemStart(a) + s.boxRank[a] : rankStart[r] + band[r]
                let qEnd = b < g.realCount ? itemStart(b) - 1 : rankStart[r + 1] - 1
                let base = channelTop[r + 1] + 1 + bottomLevels[r + 1]
                switch routeOf[ci][k] {
                case .straight:
                    for qq in qStart...qEnd { cells.append(point(seg.s, qq)) }
                case .track(let t):
                    let row = base + t
                    for qq in qStart...row { cells.append(point(seg.s, qq)) }
                    var o = seg.s
                    while o != seg.e { o += seg.e > o ? 1 : -1; cells.append(point(o, row)) }
                    if row + 1 <= qEnd { for qq in (row + 1)...qEnd { cells.append(point(seg.e, qq)) } }
                case .dogleg(let t1, let t2, let z):
                    let upper = base + t1, lower = base + t2
                    for qq in qStart...upper { cells.append(point(seg.s, qq)) }
                    var o = seg.s
                    while o != z { o += z > o ? 1 : -1; cells.append(point(o, upper)) }
                    for qq in (upper + 1)...lower { cells.append(point(z, qq)) }
                    while o != seg.e { o += seg.e > o ? 1 : -1; cells.append(point(o, lower)) }
                    if lower + 1 <= qEnd { for qq in (lower + 1)...qEnd { cells.append(point(seg.e, qq)) } }
                    maxOrder = max(maxOrder, z + 1)
                }
                if k + 1 < chain.count - 1 {
                    let rb = r + 1
                    for qq in rankStart[rb]..<(rankStart[rb] + band[rb]) { cells.append(point(c.x[b] + s.lineOffset[b], qq)) }
                }
            }
            let input = g.dag[ci].input
            paths[input] = g.dag[ci].reversed ? cells.reversed() : cells
        }
        // Self-loops: top-down, out of the right side and back in one row lower, stacked down
        // the side; left-right, out of the bottom and back in one column further right, from the
        // right end leftwards, each one reaching two rows deeper than the one before (so each
        // label can sit to the right of its loop's lowest run).
        for v in 0..<g.realCount {
            let oEnd = c.x[v] + s.boxOrder[v]
            for (j, input) in loopsOf[v].enumerated() {
                if tb {
                    let q1 = itemStart(v) + 1 + 2 * j, q2 = q1 + 1
                    paths[input] = [point(oEnd, q1), point(oEnd + 1, q1), point(oEnd + 1, q2), point(oEnd, q2)]
                } else {
                    let a = itemStart(v) + s.boxRank[v] - 3 - 2 * j, depth = 1 + 2 * j
                    var cells: [DiagramPoint] = []
                    for o in oEnd...(oEnd + depth) { cells.append(point(o, a)) }
                    for o in stride(from: oEnd + depth, through: oEnd, by: -1) { cells.append(point(o, a + 1)) }
                    paths[input] = cells
                }
            }
        }

        // Labels.
        labelSpots = [(x: Int, y: Int, lines: [String])?](repeating: nil, count: e.p.ends.count)
        for (ci, _) in g.chains.enumerated() {
            let v = Int(g.labelItem[ci])
            guard v >= 0, let l = e.p.labels[g.dag[ci].input] else { continue }
            if tb {
                labelSpots[g.dag[ci].input] = (c.x[v] + 2, itemStart(v), l.lines)
            } else {
                labelSpots[g.dag[ci].input] = (itemStart(v) + 1, c.x[v], l.lines)
            }
        }
        for v in 0..<g.realCount {
            let oEnd = c.x[v] + s.boxOrder[v]
            for (j, input) in loopsOf[v].enumerated() {
                guard let l = e.p.labels[input] else { continue }
                if tb {
                    labelSpots[input] = (oEnd + 3, itemStart(v) + 1 + 2 * j, l.lines)
                } else {
                    labelSpots[input] = (itemStart(v) + s.boxRank[v] - 3 - 2 * j + 3, oEnd + 1 + 2 * j, l.lines)
                }
            }
        }
        // A label on an edge with no label rank (a long edge whose upper layer had none is not
        // possible: every labelled edge gets a slot) — nothing else to place.

        placeTitles()

        // Extent.
        for v in 0..<g.count { maxOrder = max(maxOrder, c.x[v] + s.orderSize[v]) }
        for gr in 0..<groups.count where c.groupHigh[gr] >= 0 { maxOrder = max(maxOrder, c.groupHigh[gr] + 1) }
        width = tb ? maxOrder + e.margin + 1 : extentQ
        height = tb ? extentQ : maxOrder + e.margin + 1
    }

    /// Each frame's title on its top border where no edge crosses it (else its bottom border);
    /// cut with an ellipsis only when no border has room for it whole.
    mutating func placeTitles() {
        let groups = e.p.groups
        guard frames.contains(where: { $0 != nil }) else { return }
        var crossed = Set<DiagramPoint>()
        for p in paths { for q in p { crossed.insert(q) } }
        for gr in 0..<groups.count {
            guard let f = frames[gr] else { continue }
            let title = groups.titles[gr]
            let want = DisplayWidth.of(title) + 2
            var best: (x: Int, y: Int, free: Int)?
            for y in [f.y, f.maxY - 1] {
                // Free runs between the corners, one border cell kept on each side of the title.
                var run = 0, start = f.x + 2
                for x in (f.x + 2)..<max(f.x + 2, f.maxX - 2) {
                    if crossed.contains(DiagramPoint(x: x, y: y)) || crossed.contains(DiagramPoint(x: x + 1, y: y))
                        || crossed.contains(DiagramPoint(x: x - 1, y: y)) {
                        run = 0; start = x + 1
                    } else {
                        run += 1
                        if best == nil || run > best!.free { best = (start, y, run) }
                        if run >= want { break }
                    }
                }
                if let b = best, b.free >= want { break }
            }
            guard let b = best, b.free >= 3 else { continue }
            let text = b.free >= want ? title : LabelText.truncate(title, width: b.free - 2, ellipsis: e.p.ellipsis)
            titles[gr] = (b.x, b.y, " " + text + " ")
        }
    }

    /// Where the upper end of one segment and the lower end of another fall on one column,
    /// no order of tracks can keep them apart: moves a box port aside (keeping the side's port
    /// order) so the two columns differ, straightening the segment when it can.
    mutating func resolvePortConflicts() {
        let rankCount = g.ranks.count
        guard rankCount > 1 else { return }
        // Ports per box side, in order, as (chain) lists.
        var outPorts = [[Int]](repeating: [], count: g.realCount), inPorts = outPorts
        for (ci, chain) in g.chains.enumerated() {
            outPorts[Int(chain[0])].append(ci)
            inPorts[Int(chain[chain.count - 1])].append(ci)
        }
        for v in 0..<g.realCount {
            outPorts[v].sort { (c.chainStart[$0], $0) < (c.chainStart[$1], $1) }
            inPorts[v].sort { (c.chainEnd[$0], $0) < (c.chainEnd[$1], $1) }
        }
        var channel = [[(ci: Int, k: Int)]](repeating: [], count: rankCount - 1)
        for (ci, chain) in g.chains.enumerated() {
            for k in 0..<(chain.count - 1) { channel[Int(g.rankOf[Int(chain[k])])].append((ci, k)) }
        }
        // Which segment's upper / lower end is at each column (-1: none), for one channel at a time.
        var extent = 2
        for v in 0..<g.count { extent = max(extent, c.x[v] + s.orderSize[v] + 2) }
        var topAt = [Int32](repeating: -1, count: extent), bottomAt = topAt
        for r in 0..<(rankCount - 1) {
            let list = channel[r]
            if list.count < 2 { continue }
            for (i, sg) in list.enumerated() {
                let ends = segmentEnds(sg.ci, sg.k)
                topAt[ends.s] = Int32(i)
                bottomAt[ends.e] = Int32(i)
            }
            for (i, sg) in list.enumerated() {
                let ends = segmentEnds(sg.ci, sg.k)
                let j = Int(bottomAt[ends.s])
                guard j >= 0, j != i else { continue }
                // Move this segment's upper port, or the other segment's lower port.
                if sg.k == 0, let to = freeColumn(port: sg.ci, out: true, list: outPorts[Int(g.chains[sg.ci][0])],
                                                   own: ends.e, mine: topAt, theirs: bottomAt) {
                    topAt[ends.s] = -1; topAt[to] = Int32(i)
                    c.chainStart[sg.ci] = to
                    continue
                }
                let other = list[j]
                let oends = segmentEnds(other.ci, other.k)
                if other.k + 1 == g.chains[other.ci].count - 1,
                   let to = freeColumn(port: other.ci, out: false, list: inPorts[Int(g.chains[other.ci].last!)],
                                       own: oends.s, mine: bottomAt, theirs: topAt) {
                    bottomAt[oends.e] = -1; bottomAt[to] = Int32(j)
                    c.chainEnd[other.ci] = to
                }
            }
            for sg in list {
                let ends = segmentEnds(sg.ci, sg.k)
                topAt[ends.s] = -1
                bottomAt[ends.e] = -1
            }
        }
    }

    /// The nearest column a port can move to: inside its box side, strictly between its
    /// neighbouring ports, not an end of another segment in the channel (its own other end is
    /// best: the segment becomes straight).
    func freeColumn(port ci: Int, out: Bool, list: [Int], own: Int, mine: [Int32], theirs: [Int32]) -> Int? {
        guard let i = list.firstIndex(of: ci) else { return nil }
        let box = Int(out ? g.chains[ci][0] : g.chains[ci].last!)
        let lo = c.x[box] + 1, hi = c.x[box] + s.boxOrder[box] - 2
        let prev = i > 0 ? (out ? c.chainStart[list[i - 1]] : c.chainEnd[list[i - 1]]) : lo - 1
        let next = i + 1 < list.count ? (out ? c.chainStart[list[i + 1]] : c.chainEnd[list[i + 1]]) : hi + 1
        let cur = out ? c.chainStart[ci] : c.chainEnd[ci]
        func ok(_ x: Int) -> Bool {
            x > prev && x < next && x >= lo && x <= hi && mine[x] < 0 && theirs[x] < 0
        }
        if own != cur && own > prev && own < next && own >= lo && own <= hi && mine[own] < 0 {
            // Straight: the only segment ending there is this one's own other end.
            return own
        }
        for d in 1...max(1, hi - lo + 1) {
            if ok(cur - d) { return cur - d }
            if ok(cur + d) { return cur + d }
        }
        return nil
    }
}
