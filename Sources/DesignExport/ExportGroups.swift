import DesignModel

/// The design's groups as a tree for the diagram exports (Mermaid subgraphs, DOT clusters):
/// each group with the groups nested in it and the components directly in it, in document
/// order. Groups holding no component (at any depth) are left out; a group whose parent is
/// missing, or whose parents come back to it, is treated as top-level; components naming a
/// missing group count as ungrouped.
struct ExportGroups {
    struct Node {
        var group: ComponentGroup
        var children: [Int]
        var members: [Component]
    }

    private(set) var nodes: [Node] = []
    /// Indices of the top-level groups.
    private(set) var roots: [Int] = []
    /// Components in no (known) group.
    private(set) var ungrouped: [Component] = []

    var isEmpty: Bool { roots.isEmpty }

    init(_ design: Design) {
        var index: [ItemID<ComponentGroup>: Int] = [:]
        for g in design.groups where index[g.id] == nil {
            index[g.id] = nodes.count
            nodes.append(Node(group: g, children: [], members: []))
        }
        // Parents, with cycles cut where they are found.
        var parent = nodes.map { n in n.group.parent.flatMap { index[$0] } ?? -1 }
        for i in parent.indices {
            var v = parent[i], steps = 0
            while v >= 0 && steps <= parent.count {
                if v == i { parent[i] = -1; break }
                v = parent[v]; steps += 1
            }
        }
        for c in design.components {
            if let g = c.group, let i = index[g] { nodes[i].members.append(c) } else { ungrouped.append(c) }
        }
        // Keep groups that hold something.
        var used = [Bool](repeating: false, count: nodes.count)
        for i in nodes.indices where !nodes[i].members.isEmpty {
            var v = i
            while v >= 0 && !used[v] { used[v] = true; v = parent[v] }
        }
        for i in nodes.indices where used[i] {
            if parent[i] >= 0 { nodes[parent[i]].children.append(i) } else { roots.append(i) }
        }
        assignIdentifiers()
    }

    /// Visits the tree depth-first: `open` before a group's members and nested groups, `close`
    /// after them, `member` for each component, with the nesting depth.
    func walk(open: (ComponentGroup, Int) -> Void, member: (Component, Int) -> Void, close: (ComponentGroup, Int) -> Void) {
        var stack: [(node: Int, depth: Int, next: Int)] = roots.reversed().map { ($0, 1, -1) }
        while !stack.isEmpty {
            let top = stack.count - 1
            let (i, depth, next) = stack[top]
            let node = nodes[i]
            if next == -1 {
                open(node.group, depth)
                for c in node.members { member(c, depth + 1) }
                stack[top].next = 0
                continue
            }
            if next < node.children.count {
                stack[top].next = next + 1
                stack.append((node.children[next], depth + 1, -1))
                continue
            }
            close(node.group, depth)
            stack.removeLast()
        }
    }

    /// Identifiers for the groups in a diagram language: `g_` and `[A-Za-z0-9_]` (never equal
    /// to a node identifier, which starts with `n_`), unique even when two group ids differ only
    /// in characters that had to be replaced.
    private(set) var identifiers: [ItemID<ComponentGroup>: String] = [:]

    func identifier(_ id: ItemID<ComponentGroup>) -> String { identifiers[id] ?? "g_" }

    private mutating func assignIdentifiers() {
        var used = Set<String>()
        for node in nodes where identifiers[node.group.id] == nil {
            var base = "g_"
            for s in node.group.id.rawValue.unicodeScalars {
                base.unicodeScalars.append(s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s)) ? s : "_")
            }
            var candidate = base, n = 1
            while used.contains(candidate) { n += 1; candidate = "\(base)_\(n)" }
            used.insert(candidate)
            identifiers[node.group.id] = candidate
        }
    }
}
