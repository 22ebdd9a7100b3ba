import DesignModel

/// After merging, a string that names an item which existed in the base or on either side but
/// is gone from the result is a reference the merge left dangling (ours deleted a component,
/// theirs added a flow to it). The item is put back — from ours if ours has it, else theirs —
/// and a conflict records what happened, so the design stays loadable and nothing is lost.
enum DanglingReferences {
    static func restore(_ merged: inout JSONValue, base: JSONValue, ours: JSONValue, theirs: JSONValue,
                        conflicts: inout [PendingConflict]) {
        let sides = [TreeItemIndex(base), TreeItemIndex(ours), TreeItemIndex(theirs)]
        var current = TreeItemIndex(merged)
        // Only an item some side has and the merge lost can be referred to in vain: when the
        // merge lost none (the usual case), there is nothing to look for.
        var known = Set<String>()
        var lostAny = false
        for side in sides {
            for id in side.allIDs {
                known.insert(id)
                if !lostAny && side.entries(id).contains(where: { !current.contains(id, inList: $0.list) }) { lostAny = true }
            }
        }
        if !lostAny { return }
        var toScan: [(JSONValue, TreePath, TreePath)] = [(merged, TreePath(), TreePath())]
        var restored = Set<String>()
        while !toScan.isEmpty {
            var found: [(id: String, at: TreePath, owner: TreePath)] = []
            var seen = Set<String>()
            for (value, path, owner) in toScan {
                references(in: value, path: path, owner: owner) { s, at, owner in
                    guard known.contains(s), !restored.contains(s), !current.resolves(s, from: owner),
                          sides.contains(where: { $0.resolves(s, from: owner) }),
                          seen.insert(s + "\u{0}" + owner.description).inserted else { return }
                    found.append((s, at, owner))
                }
            }
            toScan = []
            // What to put back, grouped by list and by the side it comes from (for its position).
            var batches: [TreePath: (source: JSONValue, items: [(String, JSONValue)])] = [:]
            var order: [TreePath] = []
            for (id, at, owner) in found {
                // The entry to restore: one visible from the reference, ours first.
                guard let entry = (sides[1].entries(id) + sides[2].entries(id))
                        .first(where: { e in e.scope.map { owner.steps.starts(with: $0.steps) } ?? true }),
                      merged.value(at: entry.list) != nil else { continue }
                restored.insert(id)
                let inOurs = sides[1].contains(id, inList: entry.list), inTheirs = sides[2].contains(id, inList: entry.list)
                let key = entry.list.appending(key: inOurs ? "ours" : "theirs")
                if batches[key] == nil { order.append(key) }
                batches[key, default: (inOurs ? ours : theirs, [])].items.append((id, entry.value))
                let itemPath = entry.list.appending(item: id)
                let kind = ItemKinds.kind(forList: entry.listKey)
                let deleter = !inOurs && !inTheirs ? "both sides" : (inOurs ? "theirs" : "ours")
                let referrer = at.firstItem.map { " \($0)" } ?? ""
                conflicts.removeAll { $0.path == itemPath }
                conflicts.append(PendingConflict(
                    reason: .danglingReference, path: itemPath,
                    base: base.value(at: itemPath), ours: ours.value(at: itemPath), theirs: theirs.value(at: itemPath),
                    note: "\(kind.singular) \(id) was deleted on \(deleter), but\(referrer) still refers to it; the design keeps it"))
                toScan.append((entry.value, itemPath, itemPath))
            }
            for key in order {
                guard let batch = batches[key] else { continue }
                let list = TreePath(Array(key.steps.dropLast()))
                guard let items = merged.value(at: list)?.arrayValue else { continue }
                let sourceOrder = (batch.source.value(at: list)?.arrayValue ?? []).map { ListShape.key($0, "id") }
                merged.setValue(.array(insert(batch.items, into: items, following: sourceOrder)), at: list)
            }
            if !toScan.isEmpty { current = TreeItemIndex(merged) }
        }
    }

    /// Every string value below `value` that could be a reference: not an item's own id, not
    /// inside lists that hold no references. `owner` is the innermost item around the value;
    /// `path` is the container holding the string (paths are built only for containers).
    static func references(in value: JSONValue, path: TreePath, owner: TreePath,
                           _ body: (String, TreePath, TreePath) -> Void) {
        switch value {
        case .string(let s):
            body(s, path, owner)
        case .object(let members):
            for m in members {
                if case .string(let s) = m.value { body(s, path, owner); continue }
                if m.value.isScalar { continue }
                references(in: m.value, path: path.appending(key: m.key), owner: owner, body)
            }
        case .array(let items):
            guard case .key(let key)? = path.steps.last, let field = ListShape.keyField(list: key, versions: [items]) else {
                for item in items { references(in: item, path: path, owner: owner, body) }
                return
            }
            guard field == "id" else {
                for item in items { references(in: item, path: path.appending(item: ListShape.key(item, field)), owner: owner, body) }
                return
            }
            guard ItemKinds.kind(forList: key).holdsReferences else { return }
            for item in items {
                let itemPath = path.appending(item: ListShape.key(item, "id"))
                for m in item.objectValue ?? [] where m.key != "id" {
                    if case .string(let s) = m.value { body(s, itemPath, itemPath); continue }
                    if m.value.isScalar { continue }
                    references(in: m.value, path: itemPath.appending(key: m.key), owner: itemPath, body)
                }
            }
        default:
            break
        }
    }

    /// Puts items back into a list, each after the nearest item that precedes it in the list it
    /// came from (at the start when none does). One pass over the list.
    static func insert(_ additions: [(String, JSONValue)], into items: [JSONValue], following source: [String]) -> [JSONValue] {
        let present = Set(items.map { ListShape.key($0, "id") })
        let adding = Dictionary(additions, uniquingKeysWith: { a, _ in a })
        var after: [String: [JSONValue]] = [:]
        var anchorOf: [String: String] = [:]
        var last = ""
        for id in source {
            if let v = adding[id] {
                let anchor = present.contains(last) || last.isEmpty ? last : (anchorOf[last] ?? "")
                anchorOf[id] = anchor
                after[anchor, default: []].append(v)
                last = id
            } else if present.contains(id) {
                last = id
            }
        }
        // Additions the source list does not hold go at the end.
        let placed = Set(anchorOf.keys)
        let unplaced = additions.filter { !placed.contains($0.0) }.map(\.1)
        var out: [JSONValue] = after[""] ?? []
        out.reserveCapacity(items.count + additions.count)
        for item in items {
            out.append(item)
            if let a = after[ListShape.key(item, "id")] { out += a }
        }
        return out + unplaced
    }
}
