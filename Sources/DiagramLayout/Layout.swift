// The layout pipeline: prepare text → break cycles → layers → label ranks and bends → order
// (crossing reduction) → sizes → coordinates along the layers → tracks and coordinates across
// them → paths → render. Each stage lives in the file named for it.

import TerminalText

public enum DiagramLayout {
    /// Lays out and renders `graph`. Deterministic: the same input gives the same drawing.
    /// Every edge is drawn; boxes never overlap; no edge crosses a box; every label is drawn
    /// whole beside its own edge, or as a numbered marker with a legend line; group frames
    /// enclose exactly their members.
    public static func layout(_ graph: DiagramGraph, _ options: DiagramOptions = DiagramOptions()) -> Diagram {
        var engine = Engine(graph: graph, options: options)
        return engine.run()
    }
}

/// The stages' shared results.
struct Engine {
    let options: DiagramOptions
    let tb: Bool
    var p: Prepared
    let margin = 1

    init(graph: DiagramGraph, options: DiagramOptions) {
        self.options = options
        tb = options.direction == .topToBottom
        p = Prepared(graph: graph, options: options)
    }

    mutating func run() -> Diagram {
        let n = p.count
        if n == 0 {
            return Diagram(width: 0, height: 0, cells: [], roles: [], nodeIDs: [], nodeRects: [:],
                           edgePaths: [], edgeEnds: [], edgeLabelRects: [], legend: [], crossings: 0,
                           direction: options.direction)
        }
        // Self-loops aside; the rest become the layout DAG.
        var selfLoops: [Int] = []
        var layoutEdges: [(Int, Int)] = []
        var layoutInput: [Int] = []
        for (i, e) in p.ends.enumerated() {
            if e.0 == e.1 { selfLoops.append(i) } else { layoutEdges.append(e); layoutInput.append(i) }
        }
        // Layerings from the ways of breaking cycles with the shortest edges; each is ordered
        // and the one with the fewest crossings is drawn.
        let hasLabel = p.labels.map { $0 != nil }
        let candidates = Layering.candidates(nodeCount: n, edges: layoutEdges)
        // As many as a fixed amount of work allows: all on small graphs, a few on large ones.
        let itemsEstimate = n + max(0, (candidates.first?.length ?? 0) - layoutEdges.count)
        let small = itemsEstimate <= Ordering.smallGraphItems
        let tries = min(candidates.count, small ? candidates.count : max(1, min(6, 12_000 / max(1, itemsEstimate))))
        func build(_ cand: (reversed: [Bool], layer: [Int], length: Int), labels: [Bool]) -> VirtualGraph {
            var dag: [DagEdge] = []
            dag.reserveCapacity(layoutEdges.count)
            for (k, e) in layoutEdges.enumerated() {
                dag.append(cand.reversed[k] ? DagEdge(a: e.1, b: e.0, input: layoutInput[k], reversed: true)
                                            : DagEdge(a: e.0, b: e.1, input: layoutInput[k], reversed: false))
            }
            var layer = cand.layer
            if let limit = options.maxLayerExtent {
                let extent = (0..<n).map { v -> Int in let t = p.textSize(v); return tb ? t.width : t.height }
                Layering.splitWideLayers(layer: &layer, extent: extent, gap: tb ? 3 : 1, limit: limit, dag: dag)
            }
            return VirtualGraph(realCount: n, layer: layer, dag: dag, hasLabel: labels, groups: p.groups)
        }
        // Each way of breaking cycles is ordered quickly (two starts: from the top and from the
        // bottom, as one start alone often ranks them wrongly); the best ones get the full search.
        let noLabels = [Bool](repeating: false, count: hasLabel.count)
        var scored: [(quick: Int, index: Int)] = [(0, 0)]
        if tries > 1 {
            scored = []
            for (i, cand) in candidates.prefix(tries).enumerated() {
                var g = build(cand, labels: noLabels)
                let c = Ordering.reduceCrossings(&g, groups: p.groups, effort: Ordering.Effort(starts: 2, iterations: min(8, options.crossingPasses)))
                scored.append((c, i))
                if c == 0 { break }
            }
            scored.sort { ($0.quick, $0.index) < ($1.quick, $1.index) }
        }
        let finalists = itemsEstimate <= 400 ? 2 : 1
        var chosen = scored[0].index
        var plain = build(candidates[chosen], labels: noLabels)
        var bestCrossings = Int.max
        for f in scored.prefix(finalists) {
            var g = build(candidates[f.index], labels: noLabels)
            let effort = small ? Ordering.Effort.forSmall(g.count, finalists: finalists, iterations: options.crossingPasses)
                               : Ordering.Effort.forItems(g.count, finalists: finalists, iterations: options.crossingPasses)
            let c = Ordering.reduceCrossings(&g, groups: p.groups, effort: effort)
            if c < bestCrossings { bestCrossings = c; plain = g; chosen = f.index }
            if c == 0 { break }
        }
        var g = build(candidates[chosen], labels: hasLabel)
        g.adoptOrder(of: plain)
        if !p.groups.isEmpty { Ordering.regroup(&g, groups: p.groups) }

        var loopsOf = [[Int]](repeating: [], count: n)
        for i in selfLoops { loopsOf[p.ends[i].0].append(i) }
        let sizes = itemSizes(g, loopsOf: loopsOf)
        let coords = Placement.assign(g, sizes, p.groups, tb: tb)
        var geometry = Geometry(engine: self, g: g, sizes: sizes, coords: coords, loopsOf: loopsOf)
        geometry.build()
        return Render.draw(self, geometry)
    }

    /// Sizes of every item on both axes.
    func itemSizes(_ g: VirtualGraph, loopsOf: [[Int]]) -> ItemSizes {
        let n = g.realCount
        var s = ItemSizes(orderSize: [Int](repeating: 1, count: g.count), rankSize: [Int](repeating: 0, count: g.count),
                          lineOffset: [Int](repeating: 0, count: g.count),
                          boxOrder: [Int](repeating: 0, count: g.count), boxRank: [Int](repeating: 0, count: g.count))
        var outCount = [Int](repeating: 0, count: n), inCount = [Int](repeating: 0, count: n)
        for chain in g.chains { outCount[Int(chain[0])] += 1; inCount[Int(chain[chain.count - 1])] += 1 }
        for v in 0..<n {
            let t = p.textSize(v)
            let textOrder = tb ? t.width : t.height
            let textRank = tb ? t.height : t.width
            let ports = max(outCount[v], inCount[v])
            let loops = loopsOf[v]
            let bo = max(textOrder, Sizing.sideLength(ports: ports, text: textOrder - 2) + 2)
            let br = max(textRank, loops.isEmpty ? 0 : 2 + 2 * loops.count)
            s.boxOrder[v] = bo
            s.boxRank[v] = br
            var order = bo, rank = br
            if !loops.isEmpty {
                if tb {
                    let widest = loops.map { p.labels[$0]?.width ?? 0 }.max() ?? 0
                    order += 2 + (widest > 0 ? 1 + widest : 0)
                } else {
                    // Loops reach 1, 3, 5… rows below the box; labels right of their lowest run.
                    for (j, e) in loops.enumerated() {
                        if let l = p.labels[e] { rank = max(rank, br + l.width - 2 * j) }
                    }
                    order += 2 * loops.count
                }
            }
            s.orderSize[v] = order
            s.rankSize[v] = rank
        }
        for v in n..<g.count {
            switch g.kind[v] {
            case .bend:
                s.orderSize[v] = 1
            case .label:
                let ci = Int(g.chainOf[v])
                let l = p.labels[g.dag[ci].input]!
                if tb {
                    s.orderSize[v] = 2 + l.width
                    s.rankSize[v] = l.lines.count
                } else {
                    s.orderSize[v] = l.lines.count + 1
                    s.rankSize[v] = l.width + 2
                    s.lineOffset[v] = l.lines.count
                }
            case .filler:
                // Takes no room: it only keeps its group's frame present in the rank.
                s.orderSize[v] = 0
            case .box:
                break
            }
        }
        return s
    }
}
