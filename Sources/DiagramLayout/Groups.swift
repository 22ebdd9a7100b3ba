// Groups (regions, networks, trust boundaries, teams): the tree of frames, which boxes each
// holds, and the group an edge's bends belong to (the innermost group holding both ends).

/// The drawn groups as a tree. Indices are into `ids`; `-1` means "no group" (the top level).
struct GroupTree {
    var ids: [String] = []
    var titles: [String] = []
    var parent: [Int] = []
    var depth: [Int] = []
    /// The innermost drawn group of each real node, or -1.
    var nodeGroup: [Int] = []

    var count: Int { ids.count }
    var isEmpty: Bool { ids.isEmpty }

    /// Builds the tree from the graph's groups and the nodes' memberships. Unknown parents and
    /// parent cycles make a group top-level; groups holding no box (directly or through nested
    /// groups) are dropped, and nodes naming an unknown group are ungrouped.
    init(graph: DiagramGraph, nodeIDs: [String], nodeIndex: [String: Int], ellipsis: Character) {
        nodeGroup = [Int](repeating: -1, count: nodeIDs.count)
        var index: [String: Int] = [:]
        var all: [DiagramGraph.Group] = []
        for g in graph.groups where index[g.id] == nil {
            index[g.id] = all.count
            all.append(g)
        }
        guard !all.isEmpty else { return }
        var par = all.map { g -> Int in g.parent.flatMap { index[$0] } ?? -1 }
        // Cut parent cycles: a group that reaches itself through its parents becomes top-level.
        for i in 0..<par.count {
            var v = par[i], steps = 0
            while v >= 0 && steps <= par.count {
                if v == i { par[i] = -1; break }
                v = par[v]; steps += 1
            }
        }
        // Which groups hold a box, directly or through nested groups.
        var used = [Bool](repeating: false, count: all.count)
        var direct = [Int](repeating: -1, count: nodeIDs.count)
        for n in graph.nodes {
            guard let gid = n.group, let g = index[gid], let v = nodeIndex[n.id], direct[v] == -1 else { continue }
            direct[v] = g
            var u = g
            while u >= 0 && !used[u] { used[u] = true; u = par[u] }
        }
        var newIndex = [Int](repeating: -1, count: all.count)
        for (i, g) in all.enumerated() where used[i] {
            newIndex[i] = ids.count
            ids.append(g.id)
            var title = LabelText.sanitize(g.label)
            if title.allSatisfy({ $0 == " " }) { title = LabelText.sanitize(g.id) }
            titles.append(LabelText.truncate(title, width: 40, ellipsis: ellipsis))
        }
        parent = [Int](repeating: -1, count: ids.count)
        for (i, _) in all.enumerated() where used[i] {
            // A used group's parent is used too (marking walked up through it).
            parent[newIndex[i]] = par[i] >= 0 ? newIndex[par[i]] : -1
        }
        depth = [Int](repeating: 0, count: ids.count)
        for g in 0..<ids.count {
            var d = 0, u = parent[g]
            while u >= 0 { d += 1; u = parent[u] }
            depth[g] = d
        }
        for v in 0..<nodeIDs.count where direct[v] >= 0 { nodeGroup[v] = newIndex[direct[v]] }
    }

    init() {}

    /// The innermost group holding both `a` and `b` (-1 for the top level).
    func commonAncestor(_ a: Int, _ b: Int) -> Int {
        var x = a, y = b
        while x >= 0 && y >= 0 && depth[x] > depth[y] { x = parent[x] }
        while x >= 0 && y >= 0 && depth[y] > depth[x] { y = parent[y] }
        while x != y {
            if x < 0 || y < 0 { return -1 }
            x = parent[x]; y = parent[y]
        }
        return x
    }

    /// `g` and its ancestors, outermost first.
    func path(_ g: Int) -> [Int] {
        var out: [Int] = []
        var u = g
        while u >= 0 { out.append(u); u = parent[u] }
        return out.reversed()
    }

    /// True when `g` is `ancestor` or nested in it.
    func isWithin(_ g: Int, _ ancestor: Int) -> Bool {
        if ancestor < 0 { return true }
        var u = g
        while u >= 0 { if u == ancestor { return true }; u = parent[u] }
        return false
    }
}
