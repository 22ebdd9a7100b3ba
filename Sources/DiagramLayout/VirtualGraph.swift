// The layered graph the later stages work on: boxes, bend points of long edges, label slots
// and group fillers, each an "item" in a rank. Label ranks are inserted between two layers when
// a labelled edge leaves the upper one, so every label has a slot of its own beside its edge.

/// What an item of a rank is.
enum ItemKind: UInt8 {
    /// A box (index < realCount).
    case box
    /// A bend point of a long edge: the edge runs straight through the rank here.
    case bend
    /// An edge passing through a label rank with its label (or its marker) beside it.
    case label
    /// Keeps a group's frame present in a rank (the first rank's filler reserves the title).
    case filler
}

struct VirtualGraph {
    var realCount: Int
    var kind: [ItemKind] = []
    var rankOf: [Int32] = []
    /// The innermost group an item belongs to (-1: none).
    var group: [Int32] = []
    /// The chain an edge item belongs to (-1 for boxes and fillers).
    var chainOf: [Int32] = []
    /// Items per rank, in order.
    var ranks: [[Int32]] = []
    var pos: [Int32] = []
    /// Neighbours in the rank above / below (one entry per chain segment, duplicates allowed).
    var up: [[Int32]] = []
    var down: [[Int32]] = []
    /// Chain of items per DAG edge: upper box, bend/label items…, lower box.
    var chains: [[Int32]] = []
    var dag: [DagEdge] = []
    /// Per chain: the item carrying the label, or -1.
    var labelItem: [Int32] = []
    /// Per rank: true for a label rank (between two layers of boxes).
    var isLabelRank: [Bool] = []
    /// Per group: its first and last rank (-1 when not drawn).
    var groupFirst: [Int] = []
    var groupLast: [Int] = []
    /// The connected part of each item (parts are ordered side by side, never interleaved).
    var part: [Int32] = []

    var count: Int { kind.count }

    mutating func addItem(_ k: ItemKind, rank: Int, group g: Int, chain: Int) -> Int {
        kind.append(k)
        rankOf.append(Int32(rank))
        group.append(Int32(g))
        chainOf.append(Int32(chain))
        up.append([])
        down.append([])
        return kind.count - 1
    }

    /// Builds the items from node layers. `hasLabel[input]` says which input edges carry a
    /// label (drawn in a label rank right below the upper end of their DAG edge).
    init(realCount n: Int, layer: [Int], dag: [DagEdge], hasLabel: [Bool], groups: GroupTree) {
        realCount = n
        self.dag = dag
        let layerCount = (layer.max() ?? -1) + 1
        var labelGap = [Bool](repeating: false, count: max(0, layerCount))
        for e in dag where hasLabel[e.input] { labelGap[layer[e.a]] = true }
        var rankOfLayer = [Int](repeating: 0, count: layerCount)
        var r = 0
        for l in 0..<layerCount {
            rankOfLayer[l] = r
            r += labelGap[l] && l + 1 < layerCount ? 2 : 1
        }
        let rankCount = r
        isLabelRank = [Bool](repeating: false, count: rankCount)
        for l in 0..<layerCount where labelGap[l] && l + 1 < layerCount { isLabelRank[rankOfLayer[l] + 1] = true }

        for v in 0..<n { _ = addItem(.box, rank: rankOfLayer[layer[v]], group: groups.nodeGroup.isEmpty ? -1 : groups.nodeGroup[v], chain: -1) }
        chains.reserveCapacity(dag.count)
        labelItem = [Int32](repeating: -1, count: dag.count)
        for (ci, e) in dag.enumerated() {
            let ra = rankOfLayer[layer[e.a]], rb = rankOfLayer[layer[e.b]]
            let g = groups.isEmpty ? -1 : groups.commonAncestor(groups.nodeGroup[e.a], groups.nodeGroup[e.b])
            var chain: [Int32] = [Int32(e.a)]
            var prev = e.a
            if rb - ra > 1 {
                for q in (ra + 1)..<rb {
                    let isLabel = hasLabel[e.input] && q == ra + 1 && isLabelRank[q]
                    let d = addItem(isLabel ? .label : .bend, rank: q, group: g, chain: ci)
                    if isLabel { labelItem[ci] = Int32(d) }
                    down[prev].append(Int32(d)); up[d].append(Int32(prev))
                    chain.append(Int32(d))
                    prev = d
                }
            }
            down[prev].append(Int32(e.b)); up[e.b].append(Int32(prev))
            chain.append(Int32(e.b))
            chains.append(chain)
        }
        // Group spans and fillers.
        groupFirst = [Int](repeating: Int.max, count: groups.count)
        groupLast = [Int](repeating: -1, count: groups.count)
        for v in 0..<n {
            var g = groups.nodeGroup.isEmpty ? -1 : groups.nodeGroup[v]
            let q = Int(rankOf[v])
            while g >= 0 {
                groupFirst[g] = min(groupFirst[g], q)
                groupLast[g] = max(groupLast[g], q)
                g = groups.parent[g]
            }
        }
        for g in 0..<groups.count where groupLast[g] >= 0 {
            for q in groupFirst[g]...groupLast[g] { _ = addItem(.filler, rank: q, group: g, chain: -1) }
        }

        // Connected parts (groups hold their parts together).
        var uf = Array(0..<count)
        func find(_ x: Int) -> Int {
            var x = x
            while uf[x] != x { uf[x] = uf[uf[x]]; x = uf[x] }
            return x
        }
        func union(_ a: Int, _ b: Int) {
            let ra = find(a), rb = find(b)
            if ra != rb { if ra < rb { uf[rb] = ra } else { uf[ra] = rb } }
        }
        for chain in chains { for k in 1..<chain.count { union(Int(chain[0]), Int(chain[k])) } }
        var groupAnchor = [Int](repeating: -1, count: groups.count)
        for v in 0..<count where group[v] >= 0 {
            var g = Int(group[v])
            while g >= 0 {
                if groupAnchor[g] < 0 { groupAnchor[g] = v } else { union(groupAnchor[g], v) }
                g = groups.parent[g]
            }
        }
        var partIndex = [Int32](repeating: -1, count: count)
        var parts: Int32 = 0
        part = [Int32](repeating: 0, count: count)
        for v in 0..<count {
            let root = find(v)
            if partIndex[root] < 0 { partIndex[root] = parts; parts += 1 }
            part[v] = partIndex[root]
        }
        ranks = [[Int32]](repeating: [], count: rankCount)
        pos = [Int32](repeating: 0, count: count)
    }

    mutating func setRank(_ q: Int, _ items: [Int32]) {
        ranks[q] = items
        for (i, v) in items.enumerated() { pos[Int(v)] = Int32(i) }
    }
}

extension VirtualGraph {
    /// Takes the order of `plain` — the same graph ordered without label ranks — for the ranks
    /// of boxes, and orders each label rank by where its edges leave the rank above (then where
    /// they enter the rank below): every crossing falls below the labels, and there are no more
    /// crossings than `plain` has.
    mutating func adoptOrder(of plain: VirtualGraph) {
        var plainRank = [Int](repeating: -1, count: ranks.count)
        var l = 0
        for q in 0..<ranks.count where !isLabelRank[q] { plainRank[q] = l; l += 1 }
        func plainPos(chain ci: Int, rank pr: Int) -> Int {
            let c = plain.chains[ci]
            let k = pr - Int(plain.rankOf[Int(c[0])])
            return Int(plain.pos[Int(c[min(max(0, k), c.count - 1)])])
        }
        var fillerPos: [Int: Int] = [:]
        for v in plain.realCount..<plain.count where plain.kind[v] == .filler {
            fillerPos[Int(plain.group[v]) * 1_000_003 + Int(plain.rankOf[v])] = Int(plain.pos[v])
        }
        var lists = [[(Int, Int, Int32)]](repeating: [], count: ranks.count)
        for v in 0..<count {
            let q = Int(rankOf[v])
            let pr = plainRank[q]
            var key = (0, 0)
            switch kind[v] {
            case .box:
                key = (Int(plain.pos[v]), 0)
            case .filler:
                key = pr >= 0 ? (fillerPos[Int(group[v]) * 1_000_003 + pr] ?? -1, 0) : (-1, 0)
            case .bend, .label:
                let ci = Int(chainOf[v])
                if pr >= 0 {
                    key = (plainPos(chain: ci, rank: pr), 0)
                } else {
                    key = (plainPos(chain: ci, rank: plainRank[q - 1]), plainPos(chain: ci, rank: plainRank[q + 1]))
                }
            }
            lists[q].append((key.0, key.1, Int32(v)))
        }
        for q in 0..<ranks.count {
            lists[q].sort { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }
            setRank(q, lists[q].map { $0.2 })
        }
    }
}
