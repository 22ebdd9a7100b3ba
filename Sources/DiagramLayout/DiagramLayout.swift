import TerminalText

// The layout pipeline: prepare text → layers → order → coordinates → ports → routing → labels →
// render. See Layering.swift and Router.swift for the pieces.

public enum DiagramLayout {
    /// Lays out and renders `graph`. Deterministic: the same input gives the same drawing.
    /// Every edge is drawn; boxes never overlap; no edge crosses a box; labels never cover boxes
    /// or edges (a label that does not fit beside its edge gets a numbered marker and a legend line).
    public static func layout(_ graph: DiagramGraph, _ options: DiagramOptions = DiagramOptions()) -> Diagram {
        var engine = Engine(graph: graph, options: options)
        return engine.run()
    }
}

private struct NodeText {
    var lines: [String]
    var widths: [Int]
    var tagColumns: Int
}

private struct Engine {
    let options: DiagramOptions
    let tb: Bool
    let margin = 3

    var ids: [String] = []
    var text: [NodeText] = []
    var displayName: [String] = []
    /// Input edges resolved to node indices.
    var ends: [(Int, Int)] = []
    var edgeLabels: [String?] = []
    let edges: [DiagramGraph.Edge]

    init(graph: DiagramGraph, options: DiagramOptions) {
        self.options = options
        self.tb = options.direction == .topToBottom
        self.edges = graph.edges
        var index: [String: Int] = [:]
        var labels: [String] = []
        var tags: [String?] = []
        func add(_ id: String, _ label: String, _ tag: String?) -> Int {
            if let i = index[id] { return i }
            index[id] = ids.count
            ids.append(id)
            labels.append(label)
            tags.append(tag)
            return ids.count - 1
        }
        for n in graph.nodes { _ = add(n.id, n.label, n.tag) }
        for e in graph.edges {
            let u = add(e.from, e.from, nil)
            let v = add(e.to, e.to, nil)
            ends.append((u, v))
        }
        let ell: Character = options.ascii ? "~" : "…"
        let mw = options.maxLabelWidth
        for i in 0..<ids.count {
            var label = LabelText.sanitize(labels[i].isEmpty ? ids[i] : labels[i])
            if label.allSatisfy({ $0 == " " }) { label = "?" }
            var tagText = ""
            if let t = tags[i] {
                let cleaned = LabelText.sanitize(t).split(separator: " ").joined(separator: "_")
                if !cleaned.isEmpty {
                    tagText = "[" + LabelText.truncate(cleaned, width: max(1, min(8, mw - 2)), ellipsis: ell) + "]"
                }
            }
            let content = tagText.isEmpty ? label : tagText + " " + label
            let lines = LabelText.wrap(content, width: mw, maxLines: options.maxLabelLines, ellipsis: ell)
            text.append(NodeText(lines: lines, widths: lines.map { DisplayWidth.of($0) },
                                 tagColumns: DisplayWidth.of(tagText)))
            displayName.append(LabelText.truncate(label, width: mw, ellipsis: ell))
        }
        for e in graph.edges {
            if let l = e.label {
                let s = LabelText.truncate(LabelText.sanitize(l), width: mw, ellipsis: ell)
                edgeLabels.append(s.allSatisfy { $0 == " " } ? nil : s)
            } else {
                edgeLabels.append(nil)
            }
        }
    }

    // MARK: - Sides and headings

    /// Side of a box where layout edges leave / arrive, and where self-loops start / end
    /// (as headings pointing away from the box: 0 top, 1 bottom, 2 left, 3 right).
    var outSide: Int { tb ? 1 : 3 }
    var inSide: Int { tb ? 0 : 2 }
    var loopStartSide: Int { tb ? 3 : 1 }
    var loopEndSide: Int { tb ? 0 : 3 }
    var flow: Int { tb ? 1 : 3 }

    mutating func run() -> Diagram {
        let n = ids.count
        if n == 0 {
            return Diagram(width: 0, height: 0, cells: [], roles: [], nodeIDs: [], nodeRects: [:],
                           edgePaths: [], edgeEnds: [], edgeLabelRects: [], legend: [], crossings: 0)
        }
        // Self-loops aside; the rest become the layout DAG.
        var selfLoops: [Int] = []
        var layoutEdges: [(Int, Int)] = []
        var layoutInput: [Int] = []
        for (i, e) in ends.enumerated() {
            if e.0 == e.1 { selfLoops.append(i) } else { layoutEdges.append(e); layoutInput.append(i) }
        }
        let reversed = Layering.breakCycles(nodeCount: n, edges: layoutEdges)
        var dag: [DagEdge] = []
        dag.reserveCapacity(layoutEdges.count)
        for (k, e) in layoutEdges.enumerated() {
            dag.append(reversed[k] ? DagEdge(a: e.1, b: e.0, input: layoutInput[k], reversed: true)
                                   : DagEdge(a: e.0, b: e.1, input: layoutInput[k], reversed: false))
        }
        let layer = Layering.assignLayers(nodeCount: n, dag: dag)
        var g = Layering.build(realCount: n, dag: dag, layer: layer)
        Layering.reduceCrossings(&g, passes: options.crossingPasses)

        // Box sizes: room for the text and one port column/row per edge end on each side.
        var sideCount = [[Int]](repeating: [0, 0, 0, 0], count: n)
        for e in dag { sideCount[e.a][outSide] += 1; sideCount[e.b][inSide] += 1 }
        for i in selfLoops { let v = ends[i].0; sideCount[v][loopStartSide] += 1; sideCount[v][loopEndSide] += 1 }
        // Sides with several edges, some labelled, spread their ports so labels fit between them.
        var sideNeed = sideCount
        for e in dag {
            guard let label = edgeLabels[e.input] else { continue }
            let extra = tb ? min(DisplayWidth.of(label), 10) + 1 : 1
            if (2...16).contains(sideCount[e.a][outSide]) { sideNeed[e.a][outSide] += extra }
            if (2...16).contains(sideCount[e.b][inSide]) { sideNeed[e.b][inSide] += extra }
        }
        var boxW = [Int](repeating: 0, count: n), boxH = [Int](repeating: 0, count: n)
        for v in 0..<n {
            let t = text[v]
            let innerW = max(t.widths.max() ?? 0, 1) + 2
            boxW[v] = max(innerW, sideNeed[v][0], sideNeed[v][1]) + 2
            boxH[v] = max(t.lines.count, sideNeed[v][2], sideNeed[v][3]) + 2
        }
        let total = g.count
        var orderSize = [Int](repeating: 1, count: total)
        var rankSize = [Int](repeating: 0, count: total)
        for v in 0..<n {
            orderSize[v] = tb ? boxW[v] : boxH[v]
            rankSize[v] = tb ? boxH[v] : boxW[v]
        }
        let realGap = tb ? 4 : 2
        let left = Layering.assignOrderCoordinates(g, size: orderSize, gapAfter: { a, b in
            (a < n && b < n) ? realGap : 2
        }, sweeps: 4).map { $0 + margin }

        // Ports: offsets along each side, sorted by where the other end is.
        func center(_ v: Int) -> Int { left[v] + orderSize[v] / 2 }
        // portOffset[chain] = (offset at a's out side, offset at b's in side)
        var chainPort = [(Int, Int)](repeating: (0, 0), count: dag.count)
        var loopPort = [(Int, Int)](repeating: (0, 0), count: selfLoops.count)
        do {
            // entries per node per side: (key, tie, target) where target encodes what gets the slot
            var entries = [[[(Int, Int, Int)]]](repeating: [[], [], [], []], count: n)
            for (ci, chain) in g.chains.enumerated() {
                let a = Int(chain[0]), b = Int(chain[chain.count - 1])
                entries[a][outSide].append((center(Int(chain[1])), ci, ci * 2))
                entries[b][inSide].append((center(Int(chain[chain.count - 2])), ci, ci * 2 + 1))
            }
            let big = Int.max / 4
            for (li, i) in selfLoops.enumerated() {
                let v = ends[i].0
                entries[v][loopStartSide].append((big, li, -(li * 2) - 1))
                entries[v][loopEndSide].append((big, li, -(li * 2) - 2))
            }
            for v in 0..<n {
                for side in 0..<4 where !entries[v][side].isEmpty {
                    let list = entries[v][side].sorted { ($0.0, $0.1) < ($1.0, $1.1) }
                    let length = side < 2 ? boxW[v] - 2 : boxH[v] - 2
                    let k = list.count
                    for (slot, e) in list.enumerated() {
                        let off = ((2 * slot + 1) * length) / (2 * k)
                        let t = e.2
                        if t >= 0 {
                            if t % 2 == 0 { chainPort[t / 2].0 = off } else { chainPort[t / 2].1 = off }
                        } else {
                            let u = -t - 1
                            if u % 2 == 0 { loopPort[u / 2].0 = off } else { loopPort[u / 2].1 = off }
                        }
                    }
                }
            }
        }
        // Order coordinate of each chain point: port on the box or the dummy's line.
        func startOrder(_ ci: Int, _ k: Int) -> Int {
            let v = Int(g.chains[ci][k])
            return k == 0 ? left[v] + 1 + chainPort[ci].0 : left[v]
        }
        func endOrder(_ ci: Int, _ k: Int) -> Int {
            let v = Int(g.chains[ci][k])
            return k == g.chains[ci].count - 1 ? left[v] + 1 + chainPort[ci].1 : left[v]
        }

        let layerCount = g.layers.count
        var bandSize = [Int](repeating: 1, count: layerCount)
        for v in 0..<total { let l = Int(g.layerOf[v]); bandSize[l] = max(bandSize[l], rankSize[v]) }

        // Channel widths between layers: enough tracks for the overlapping horizontal runs.
        var depth = [Int](repeating: 0, count: max(0, layerCount - 1))
        var labelRoom = [Int](repeating: 0, count: max(0, layerCount - 1))
        do {
            var events = [[Int]](repeating: [], count: max(0, layerCount - 1))
            for (ci, chain) in g.chains.enumerated() {
                for k in 0..<(chain.count - 1) {
                    let l = Int(g.layerOf[Int(chain[k])])
                    let s = startOrder(ci, k), t = endOrder(ci, k + 1)
                    if s != t {
                        events[l].append(min(s, t) * 2 + 1)
                        events[l].append((max(s, t) + 1) * 2)
                    }
                }
                if let label = edgeLabels[dag[ci].input] {
                    let l = Int(g.layerOf[Int(chain[0])])
                    labelRoom[l] = max(labelRoom[l], DisplayWidth.of(label))
                }
            }
            for l in 0..<events.count {
                events[l].sort()
                var cur = 0, best = 0
                for e in events[l] { cur += (e & 1) == 1 ? 1 : -1; best = max(best, cur) }
                depth[l] = best
            }
        }

        // A failed strict route retries once with wider channels (small graphs only: on big ones
        // the relaxed fallback is cheaper than laying everything out again).
        let retries = dag.count <= 400 ? 1 : 0
        var attempt = 0
        while true {
            let final = attempt >= retries
            if let d = attemptLayout(g: g, dag: dag, selfLoops: selfLoops, left: left, orderSize: orderSize,
                                     rankSize: rankSize, boxW: boxW, boxH: boxH, bandSize: bandSize,
                                     depth: depth, labelRoom: labelRoom, chainPort: chainPort,
                                     loopPort: loopPort, attempt: attempt, relaxedAllowed: final) {
                return d
            }
            attempt += 1
        }
    }

    // MARK: - Coordinates, routing, drawing

    mutating func attemptLayout(g: LayeredGraph, dag: [DagEdge], selfLoops: [Int], left: [Int],
                                orderSize: [Int], rankSize: [Int], boxW: [Int], boxH: [Int],
                                bandSize: [Int], depth: [Int], labelRoom: [Int],
                                chainPort: [(Int, Int)], loopPort: [(Int, Int)],
                                attempt: Int, relaxedAllowed: Bool) -> Diagram? {
        let n = ids.count
        let layerCount = g.layers.count
        var rankStart = [Int](repeating: margin, count: layerCount)
        for l in 0..<max(0, layerCount - 1) {
            var gap = depth[l] == 0 ? 3 : depth[l] * (1 + attempt) + 4
            gap += attempt * 2
            if labelRoom[l] > 0 { gap = tb ? gap + 2 : max(gap, labelRoom[l] + 4) }
            rankStart[l + 1] = rankStart[l] + bandSize[l] + gap
        }
        var rects = [DiagramRect](repeating: DiagramRect(x: 0, y: 0, width: 0, height: 0), count: n)
        var maxX = 0, maxY = 0
        for v in 0..<n {
            let l = Int(g.layerOf[v])
            let r = rankStart[l] + (bandSize[l] - rankSize[v]) / 2
            rects[v] = tb ? DiagramRect(x: left[v], y: r, width: boxW[v], height: boxH[v])
                          : DiagramRect(x: r, y: left[v], width: boxW[v], height: boxH[v])
            maxX = max(maxX, rects[v].maxX); maxY = max(maxY, rects[v].maxY)
        }
        for v in n..<g.count {
            let l = Int(g.layerOf[v])
            if tb { maxX = max(maxX, left[v] + 1); maxY = max(maxY, rankStart[l] + bandSize[l]) }
            else { maxY = max(maxY, left[v] + 1); maxX = max(maxX, rankStart[l] + bandSize[l]) }
        }
        let W = maxX + margin, H = maxY + margin
        var grid = RouteGrid(width: W, height: H)
        for r in rects { grid.block(x: r.x, y: r.y, w: r.width, h: r.height) }

        func portCell(_ v: Int, side: Int, offset: Int) -> Int {
            let r = rects[v]
            switch side {
            case 0: return (r.y - 1) * W + r.x + 1 + offset
            case 1: return r.maxY * W + r.x + 1 + offset
            case 2: return (r.y + 1 + offset) * W + r.x - 1
            default: return (r.y + 1 + offset) * W + r.maxX
            }
        }
        // Dummy lines through layer bands: entry cell, band cells, exit cell.
        func dummyCell(_ v: Int, rank: Int) -> Int { tb ? rank * W + left[v] : left[v] * W + rank }
        func bandCells(_ v: Int) -> [Int] {
            let l = Int(g.layerOf[v])
            return (rankStart[l]..<(rankStart[l] + bandSize[l])).map { dummyCell(v, rank: $0) }
        }
        func entryCell(_ v: Int) -> Int { dummyCell(v, rank: rankStart[Int(g.layerOf[v])] - 1) }
        func exitCell(_ v: Int) -> Int { let l = Int(g.layerOf[v]); return dummyCell(v, rank: rankStart[l] + bandSize[l]) }

        // Reserve ports and dummy lines before routing anything. The cell in front of each end is
        // kept for running straight (others may cross it but not run along it or turn in it), so
        // an edge routed earlier cannot wall off a later edge's port.
        // Each end keeps a straight stub into its channel: the upper half of the channel below a
        // start, the lower half above an end (others may cross it but not run along it or turn in it).
        func cellAt(order: Int, rank: Int) -> Int { tb ? rank * W + order : order * W + rank }
        func orderOf(_ c: Int) -> Int { tb ? c % W : c / W }
        func rankOf(_ c: Int) -> Int { tb ? c / W : c % W }
        func channelMid(_ l: Int) -> Int {
            let r0 = rankStart[l] + bandSize[l], r1 = rankStart[l + 1] - 1
            return r0 + (r1 - r0) / 2
        }
        func reserveStub(_ c: Int, from: Int, to: Int, owner: Int32) {
            if from > to { return }
            let o = orderOf(c)
            for r in from...to {
                let x = cellAt(order: o, rank: r)
                if grid.blocked[x] != 0 { continue }
                if tb { if grid.occV[x] == 0 { grid.occV[x] = owner } } else { if grid.occH[x] == 0 { grid.occH[x] = owner } }
            }
        }
        for (ci, chain) in g.chains.enumerated() {
            let owner = Int32(dag[ci].input + 1)
            let s = portCell(Int(chain[0]), side: outSide, offset: chainPort[ci].0)
            let t = portCell(Int(chain[chain.count - 1]), side: inSide, offset: chainPort[ci].1)
            grid.reserve(s, owner: owner)
            grid.reserve(t, owner: owner)
            let l0 = Int(g.layerOf[Int(chain[0])])
            reserveStub(s, from: rankOf(s) + 1, to: channelMid(l0), owner: owner)
            let l1 = Int(g.layerOf[Int(chain[chain.count - 1])])
            reserveStub(t, from: channelMid(l1 - 1) + 1, to: rankOf(t) - 1, owner: owner)
            if chain.count > 2 {
                for k in 1..<(chain.count - 1) {
                    let d = Int(chain[k])
                    let l = Int(g.layerOf[d])
                    grid.reserve(entryCell(d), owner: owner)
                    grid.reserve(exitCell(d), owner: owner)
                    reserveStub(entryCell(d), from: channelMid(l - 1) + 1, to: rankOf(entryCell(d)) - 1, owner: owner)
                    reserveStub(exitCell(d), from: rankOf(exitCell(d)) + 1, to: channelMid(l), owner: owner)
                    for c in bandCells(d) {
                        if tb { grid.occV[c] = owner } else { grid.occH[c] = owner }
                    }
                }
            }
        }
        for (li, i) in selfLoops.enumerated() {
            let v = ends[i].0
            grid.reserve(portCell(v, side: loopStartSide, offset: loopPort[li].0), owner: Int32(i + 1))
            grid.reserve(portCell(v, side: loopEndSide, offset: loopPort[li].1), owner: Int32(i + 1))
        }

        // Route: self-loops first, then chains with the least sideways travel.
        var paths = [[Int]](repeating: [], count: edges.count)
        var order: [(Int, Int)] = []  // (key, chain index)
        for (ci, chain) in g.chains.enumerated() {
            var key = 0
            for k in 0..<(chain.count - 1) { key += abs(startOrder(ci, k, left: left, chainPort: chainPort, g: g) - endOrder(ci, k + 1, left: left, chainPort: chainPort, g: g)) }
            order.append((key, ci))
        }
        order.sort { $0 < $1 }

        // Strict search in growing windows; on the last attempt, the relaxed search (may run
        // along other edges, never through boxes) guarantees a path.
        //
        // Failed searches are the expensive part (a failing search spends its whole budget), so
        // the states spent on failures in one layout are capped in proportion to the total
        // routing distance. Once the cap is spent ("cheap" mode), each segment gets a cheap
        // relaxed try (a cheap strict one on a non-final attempt), then the box-avoiding search:
        // the work stays about linear in segments × their local search area, and every edge is
        // still drawn, never through a box.
        var span = 0, segments = selfLoops.count
        for (key, ci) in order { span += key + (g.chains[ci].count - 1) * 64; segments += g.chains[ci].count - 1 }
        span += selfLoops.count * 64
        // Hard layouts (dense, many crossings: the optimal strict search expands far more than
        // the route length) switch the strict search to weighted A* for the rest of the edges:
        // far fewer expanded states, routes a little less tidy. Easy and small diagrams keep
        // optimal routes. Decided from counts only, so it stays deterministic.
        var strictWork = 0, routedSegments = 0
        var failureBudget = max(100_000, min(4 * span, 96 * segments))
        var cheapRelaxedBudget = max(100_000, 32 * segments)
        func routeSegment(_ grid: inout RouteGrid, start: Int, startDir: Int, goal: Int, goalDir: Int, owner: Int32) -> [Int]? {
            routedSegments += 1
            if strictWork > 150_000 && strictWork > 300 * routedSegments { grid.strictHeuristicWeight = 2 }
            let cheap = failureBudget <= 0
            // Cheap mode on the last attempt goes straight to the relaxed search (it finds every
            // route the strict one would, at a cost for running along others).
            let strictTries = !cheap ? [(3, 48), (12, 16), (40, 4)] : relaxedAllowed ? [] : [(3, 2)]
            for (m, effort) in strictTries {
                let w = grid.window(around: start, goal, margin: m)
                let p = grid.route(start: start, startDir: startDir, goal: goal, goalDir: goalDir, me: owner, window: w, relaxed: false, effort: effort)
                strictWork += grid.lastExpansions
                if let p { return p }
                failureBudget -= grid.lastExpansions
            }
            if !relaxedAllowed { return nil }
            // The relaxed search can fail too (running along others is costly, so it floods);
            // once its failures in cheap mode have spent their own budget, go straight to the
            // box-avoiding search.
            if !cheap || cheapRelaxedBudget > 0 {
                let w = grid.window(around: start, goal, margin: 12)
                if let p = grid.route(start: start, startDir: startDir, goal: goal, goalDir: goalDir, me: owner, window: w, relaxed: true, effort: cheap ? 3 : 8) { return p }
                if cheap { cheapRelaxedBudget -= grid.lastExpansions } else { failureBudget -= grid.lastExpansions }
            }
            let wide = grid.window(around: start, goal, margin: 40)
            if let p = grid.route(start: start, startDir: startDir, goal: goal, goalDir: goalDir, me: owner, window: wide, relaxed: true, desperate: true) { return p }
            return grid.route(start: start, startDir: startDir, goal: goal, goalDir: goalDir, me: owner, window: grid.fullWindow, relaxed: true, desperate: true)
        }

        for (li, i) in selfLoops.enumerated() {
            let v = ends[i].0
            let owner = Int32(i + 1)
            let s = portCell(v, side: loopStartSide, offset: loopPort[li].0)
            let t = portCell(v, side: loopEndSide, offset: loopPort[li].1)
            guard let p = routeSegment(&grid, start: s, startDir: loopStartSide, goal: t, goalDir: loopEndSide ^ 1, owner: owner) else { return nil }
            grid.mark(p, owner: owner)
            paths[i] = p
        }
        for (_, ci) in order {
            let chain = g.chains[ci]
            let e = dag[ci]
            let owner = Int32(e.input + 1)
            var full: [Int] = []
            for k in 0..<(chain.count - 1) {
                let a = Int(chain[k]), b = Int(chain[k + 1])
                let s = k == 0 ? portCell(a, side: outSide, offset: chainPort[ci].0) : exitCell(a)
                let t = k + 1 == chain.count - 1 ? portCell(b, side: inSide, offset: chainPort[ci].1) : entryCell(b)
                guard let p = routeSegment(&grid, start: s, startDir: flow, goal: t, goalDir: flow, owner: owner) else { return nil }
                grid.mark(p, owner: owner)
                full += p
                if k + 1 < chain.count - 1 { full += bandCells(b) }
            }
            if e.reversed { full.reverse() }
            paths[e.input] = full
        }

        return render(W: W, H: H, rects: rects, paths: paths, grid: grid)
    }

    private func startOrder(_ ci: Int, _ k: Int, left: [Int], chainPort: [(Int, Int)], g: LayeredGraph) -> Int {
        let v = Int(g.chains[ci][k])
        return k == 0 ? left[v] + 1 + chainPort[ci].0 : left[v]
    }
    private func endOrder(_ ci: Int, _ k: Int, left: [Int], chainPort: [(Int, Int)], g: LayeredGraph) -> Int {
        let v = Int(g.chains[ci][k])
        return k == g.chains[ci].count - 1 ? left[v] + 1 + chainPort[ci].1 : left[v]
    }

    // MARK: - Rendering

    private static let bitUp: UInt8 = 1, bitDown: UInt8 = 2, bitLeft: UInt8 = 4, bitRight: UInt8 = 8

    /// Heading from cell `a` to the 4-neighbour `b`.
    private func heading(_ a: Int, _ b: Int, _ W: Int) -> Int {
        if b == a - W { return 0 }
        if b == a + W { return 1 }
        if b == a - 1 { return 2 }
        return 3
    }

    /// Heading from an outside cell `c` into the adjacent rect `r`.
    private func towardBox(_ c: Int, _ r: DiagramRect, _ W: Int) -> Int {
        let x = c % W, y = c / W
        if y == r.y - 1 { return 1 }
        if y == r.maxY { return 0 }
        if x == r.x - 1 { return 3 }
        return 2
    }

    private func render(W: Int, H gridH: Int, rects: [DiagramRect], paths: [[Int]], grid: RouteGrid) -> Diagram {
        let ascii = options.ascii
        // Edge labels: beside the edge, else a numbered marker plus legend line, else legend only.
        var labelTaken = [Bool](repeating: false, count: W * gridH)
        func free(_ x: Int, _ y: Int) -> Bool {
            let c = y * W + x
            return grid.blocked[c] == 0 && grid.occH[c] == 0 && grid.occV[c] == 0 && !labelTaken[c]
        }
        func fits(_ sx: Int, _ y: Int, _ w: Int) -> Bool {
            if y < 0 || y >= gridH || sx < 0 || sx + w > W { return false }
            for x in sx..<(sx + w) where !free(x, y) { return false }
            if sx > 0 && labelTaken[y * W + sx - 1] { return false }
            if sx + w < W && labelTaken[y * W + sx + w] { return false }
            return true
        }
        func findSpot(_ path: [Int], _ w: Int) -> (Int, Int)? {
            let count = path.count
            let mid = count / 2
            for t in 0..<min(count, 160) {
                let i = t % 2 == 0 ? mid + t / 2 : mid - (t + 1) / 2
                if i < 0 || i >= count { continue }
                let c = path[i]
                let x = c % W, y = c / W
                let other = i > 0 ? path[i - 1] : (count > 1 ? path[i + 1] : c)
                let vertical = other % W == x
                if vertical {
                    if fits(x + 1, y, w + 1) { return (x + 2, y) }
                    if fits(x - w - 1, y, w + 1) { return (x - w - 1, y) }
                    if fits(x + 1, y, w) { return (x + 1, y) }
                    if fits(x - w, y, w) { return (x - w, y) }
                } else {
                    let sx = x - w / 2
                    if fits(sx, y - 1, w) { return (sx, y - 1) }
                    if fits(sx, y + 1, w) { return (sx, y + 1) }
                }
            }
            return nil
        }
        var labelSpots = [(x: Int, y: Int, text: String)?](repeating: nil, count: edges.count)
        var legend: [String] = []
        let arrowWord = ascii ? "->" : "→"
        for e in 0..<edges.count {
            guard let label = edgeLabels[e] else { continue }
            let w = DisplayWidth.of(label)
            var placed: (Int, Int)? = nil
            var shown = label
            if let spot = findSpot(paths[e], w) {
                placed = spot
            } else {
                let marker = "(\(legend.count + 1))"
                legend.append(marker + " " + displayName[ends[e].0] + " " + arrowWord + " " + displayName[ends[e].1] + ": " + label)
                if let spot = findSpot(paths[e], marker.count) { placed = spot; shown = marker }
            }
            if let (sx, y) = placed {
                let sw = DisplayWidth.of(shown)
                for x in sx..<(sx + sw) { labelTaken[y * W + x] = true }
                labelSpots[e] = (sx, y, shown)
            }
        }
        let width = W
        let height = gridH

        var cells = [Character](repeating: " ", count: width * height)
        var roles = [DiagramCellRole](repeating: .empty, count: width * height)
        func put(_ s: String, x: Int, y: Int, role: DiagramCellRole, roleUntil: Int = 0, firstRole: DiagramCellRole? = nil) {
            var cx = x
            for ch in s {
                let cw = DisplayWidth.of(ch)
                if cw == 0 { continue }
                let i = y * width + cx
                cells[i] = ch
                roles[i] = (firstRole != nil && cx - x < roleUntil) ? firstRole! : role
                if cw == 2 { cells[i + 1] = " "; roles[i + 1] = .continuation }
                cx += cw
            }
        }

        // Boxes.
        let hz: Character = ascii ? "-" : "─", vt: Character = ascii ? "|" : "│"
        let tl: Character = ascii ? "+" : "┌", tr: Character = ascii ? "+" : "┐"
        let bl: Character = ascii ? "+" : "└", br: Character = ascii ? "+" : "┘"
        for (v, r) in rects.enumerated() {
            for x in r.x..<r.maxX {
                let top = r.y * width + x, bot = (r.maxY - 1) * width + x
                cells[top] = hz; cells[bot] = hz
                roles[top] = .boxBorder; roles[bot] = .boxBorder
            }
            for y in r.y..<r.maxY {
                let lc = y * width + r.x, rc = y * width + r.maxX - 1
                cells[lc] = vt; cells[rc] = vt
                roles[lc] = .boxBorder; roles[rc] = .boxBorder
            }
            cells[r.y * width + r.x] = tl; cells[r.y * width + r.maxX - 1] = tr
            cells[(r.maxY - 1) * width + r.x] = bl; cells[(r.maxY - 1) * width + r.maxX - 1] = br
            for y in (r.y + 1)..<(r.maxY - 1) { for x in (r.x + 1)..<(r.maxX - 1) { roles[y * width + x] = .boxText } }
            let t = text[v]
            let top = r.y + 1 + (r.height - 2 - t.lines.count) / 2
            for (k, line) in t.lines.enumerated() {
                let sx = r.x + 1 + (r.width - 2 - t.widths[k]) / 2
                put(line, x: sx, y: top + k, role: .boxText, roleUntil: k == 0 ? t.tagColumns : 0, firstRole: .tag)
            }
        }

        // Edges: connection arms per cell, then glyphs, arrowheads and exit junctions.
        let gw = W
        var arms = [UInt8](repeating: 0, count: W * gridH)
        var dashedUse = [Bool](repeating: false, count: W * gridH)
        var solidUse = [Bool](repeating: false, count: W * gridH)
        var lastOwner = [Int32](repeating: -1, count: W * gridH)
        var users = [UInt8](repeating: 0, count: W * gridH)
        let bits: [UInt8] = [Self.bitUp, Self.bitDown, Self.bitLeft, Self.bitRight]
        var edgePoints: [[DiagramPoint]] = []
        edgePoints.reserveCapacity(edges.count)
        for e in 0..<edges.count {
            let p = paths[e]
            let rf = rects[ends[e].0], rt = rects[ends[e].1]
            let dashed = edges[e].dashed
            for i in 0..<p.count {
                let c = p[i]
                var a: UInt8 = 0
                a |= bits[i == 0 ? towardBox(c, rf, gw) : heading(c, p[i - 1], gw)]
                a |= bits[i == p.count - 1 ? towardBox(c, rt, gw) : heading(c, p[i + 1], gw)]
                arms[c] |= a
                if dashed { dashedUse[c] = true } else { solidUse[c] = true }
                if lastOwner[c] != Int32(e) {
                    lastOwner[c] = Int32(e)
                    if users[c] < 255 { users[c] += 1 }
                }
            }
            edgePoints.append(p.map { DiagramPoint(x: $0 % gw, y: $0 / gw) })
        }
        var crossings = 0
        for c in 0..<(W * gridH) where arms[c] != 0 {
            if users[c] > 1 { crossings += 1 }
            let dashedOnly = dashedUse[c] && !solidUse[c]
            let i = (c / gw) * width + c % gw
            cells[i] = glyph(arms[c], dashed: dashedOnly)
            roles[i] = .edge
        }
        let arrows: [Character] = ascii ? ["^", "v", "<", ">"] : ["▲", "▼", "◀", "▶"]
        let junction: [Character] = ascii ? ["+", "+", "+", "+"] : ["┴", "┬", "┤", "├"]
        for e in 0..<edges.count {
            let p = paths[e]
            guard let first = p.first, let last = p.last else { continue }
            let rf = rects[ends[e].0], rt = rects[ends[e].1]
            let dIn = towardBox(last, rt, gw)
            let li = (last / gw) * width + last % gw
            cells[li] = arrows[dIn]; roles[li] = .arrowhead
            let dOut = towardBox(first, rf, gw)
            let fi = (first / gw) * width + first % gw
            if edges[e].bothEnds {
                cells[fi] = arrows[dOut]; roles[fi] = .arrowhead
            } else {
                // The border cell the edge leaves from; the side is opposite the heading into it.
                let bx = first % gw + Heading.dx[dOut], by = first / gw + Heading.dy[dOut]
                cells[by * width + bx] = junction[dOut ^ 1]
            }
        }

        // Labels and legend.
        var labelRects = [DiagramRect?](repeating: nil, count: edges.count)
        for e in 0..<edges.count {
            guard let spot = labelSpots[e] else { continue }
            put(spot.text, x: spot.x, y: spot.y, role: .label)
            labelRects[e] = DiagramRect(x: spot.x, y: spot.y, width: DisplayWidth.of(spot.text), height: 1)
        }

        // Crop to the content, then append the legend below it.
        var minX = width, minY = height, maxX = -1, maxY = -1
        for y in 0..<height {
            for x in 0..<width where roles[y * width + x] != .empty {
                minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
            }
        }
        let cw = maxX - minX + 1, ch = maxY - minY + 1
        var legendW = 0
        for l in legend { legendW = max(legendW, DisplayWidth.of(l)) }
        let fw = max(cw, legendW)
        let fh = ch + (legend.isEmpty ? 0 : legend.count + 1)
        var fCells = [Character](repeating: " ", count: fw * fh)
        var fRoles = [DiagramCellRole](repeating: .empty, count: fw * fh)
        for y in 0..<ch {
            let src = (y + minY) * width + minX
            let dst = y * fw
            for x in 0..<cw { fCells[dst + x] = cells[src + x]; fRoles[dst + x] = roles[src + x] }
        }
        for (k, l) in legend.enumerated() {
            var cx = 0
            let row = (ch + 1 + k) * fw
            for c in l {
                let w = DisplayWidth.of(c)
                if w == 0 { continue }
                fCells[row + cx] = c; fRoles[row + cx] = .legend
                if w == 2 { fRoles[row + cx + 1] = .continuation }
                cx += w
            }
        }
        func shift(_ r: DiagramRect) -> DiagramRect { DiagramRect(x: r.x - minX, y: r.y - minY, width: r.width, height: r.height) }
        var nodeRects: [String: DiagramRect] = [:]
        for (v, id) in ids.enumerated() { nodeRects[id] = shift(rects[v]) }
        let shiftedPaths = edgePoints.map { $0.map { DiagramPoint(x: $0.x - minX, y: $0.y - minY) } }
        return Diagram(width: fw, height: fh, cells: fCells, roles: fRoles, nodeIDs: ids,
                       nodeRects: nodeRects, edgePaths: shiftedPaths,
                       edgeEnds: ends.map { Diagram.EdgeEnds(from: $0.0, to: $0.1) },
                       edgeLabelRects: labelRects.map { $0.map(shift) }, legend: legend, crossings: crossings)
    }

    private func glyph(_ a: UInt8, dashed: Bool) -> Character {
        let u = a & 1 != 0, d = a & 2 != 0, l = a & 4 != 0, r = a & 8 != 0
        let vertical = (u || d) && !l && !r
        let horizontal = (l || r) && !u && !d
        if options.ascii {
            if vertical { return dashed ? ":" : "|" }
            if horizontal { return dashed ? "." : "-" }
            return "+"
        }
        if vertical { return dashed ? "┆" : "│" }
        if horizontal { return dashed ? "┄" : "─" }
        switch (u, d, l, r) {
        case (false, true, false, true): return "┌"
        case (false, true, true, false): return "┐"
        case (true, false, false, true): return "└"
        case (true, false, true, false): return "┘"
        case (true, true, false, true): return "├"
        case (true, true, true, false): return "┤"
        case (false, true, true, true): return "┬"
        case (true, false, true, true): return "┴"
        default: return "┼"
        }
    }
}
