extension Design {
    /// Group checks: components and groups that name a missing group, groups nested in
    /// themselves (a parent cycle), duplicate group ids.
    func groupFindings() -> [Finding] {
        var out: [Finding] = []
        var seen = Set<ItemID<ComponentGroup>>()
        for (i, g) in groups.enumerated() {
            if g.id.rawValue.isEmpty { out.append(Finding(.error, "groups[\(i)].id", "empty id")) }
            if !seen.insert(g.id).inserted { out.append(Finding(.error, "groups[\(i)].id", "duplicate id \"\(g.id)\"")) }
        }
        let ids = Set(groups.map(\.id))
        for (i, g) in groups.enumerated() {
            guard let p = g.parent else { continue }
            if !ids.contains(p) {
                out.append(Finding(.error, "groups[\(i)].parent", "group \(g.id) sits in missing group \"\(p)\""))
            }
        }
        // A parent chain that comes back to where it started.
        let parentOf = Dictionary(groups.map { ($0.id, $0.parent) }, uniquingKeysWith: { a, _ in a })
        var reported = Set<ItemID<ComponentGroup>>()
        for (i, g) in groups.enumerated() where !reported.contains(g.id) {
            var chain: [ItemID<ComponentGroup>] = [g.id]
            var cur = parentOf[g.id] ?? nil
            while let c = cur, chain.count <= groups.count {
                if c == g.id {
                    out.append(Finding(.error, "groups[\(i)].parent",
                                       "group \(g.id) sits inside itself (" + (chain + [g.id]).map(\.rawValue).joined(separator: " → ") + ")"))
                    reported.formUnion(chain)
                    break
                }
                chain.append(c)
                cur = parentOf[c] ?? nil
            }
        }
        for (i, c) in components.enumerated() {
            guard let gid = c.group else { continue }
            if !ids.contains(gid) {
                out.append(Finding(.error, "components[\(i)].group", "component \(c.id) is in missing group \"\(gid)\""))
            }
        }
        for (i, g) in groups.enumerated() where g.name.trimmingCharacters(in: .whitespaces).isEmpty {
            out.append(Finding(.warning, "groups[\(i)].name", "group \(g.id) has no name"))
        }
        return out
    }
}
