import DesignModel

/// After merging, a string that names an item which existed in the base or on either side but
/// is gone from the result is a reference the merge left dangling (ours deleted a component,
/// theirs added a flow to it). The item is put back — from ours if ours has it, else theirs —
/// and a conflict records what happened, so the design stays loadable and nothing is lost.
enum DanglingReferences {
    static func restore(_ merged: inout JSONValue, base: JSONValue, ours: JSONValue, theirs: JSONValue,
                        conflicts: inout [PendingConflict]) {
        let sides = [ItemIndex(base), ItemIndex(ours), ItemIndex(theirs)]
        var current = ItemIndex(merged)
        var toScan: [(JSONValue, TreePath, TreePath)] = [(merged, TreePath(), TreePath())]
        var restored = Set<String>()
        while !toScan.isEmpty {
            var found: [(id: String, at: TreePath, owner: TreePath)] = []
            for (value, path, owner) in toScan {
                references(in: value, path: path, owner: owner) { s, at, owner in
                    guard !restored.contains(s), !current.resolves(s, from: owner),
                          sides.contains(where: { $0.resolves(s, from: owner) }) else { return }
                    found.append((s, at, owner))
                }
            }
            toScan = []
            for (id, at, owner) in found where !restored.contains(id) {
                // The entry to restore: one visible from the reference, ours first.
                guard let entry = (sides[1].entries(id) + sides[2].entries(id))
                        .first(where: { e in e.scope.map { owner.steps.starts(with: $0.steps) } ?? true }),
                      merged.value(at: entry.list) != nil else { continue }
                restored.insert(id)
                insert(entry.value, id: id, into: &merged, list: entry.list,
                       source: sides[1].contains(id, inList: entry.list) ? ours : theirs)
                let itemPath = entry.list.appending(item: id)
                let kind = ItemKinds.kind(forList: entry.listKey)
                let inOurs = sides[1].contains(id, inList: entry.list), inTheirs = sides[2].contains(id, inList: entry.list)
                let deleter = !inOurs && !inTheirs ? "both sides" : (inOurs ? "theirs" : "ours")
                let referrer = at.firstItem.map { " \($0)" } ?? ""
                conflicts.removeAll { $0.path == itemPath }
                conflicts.append(PendingConflict(
                    reason: .danglingReference, path: itemPath,
                    base: base.value(at: itemPath), ours: ours.value(at: itemPath), theirs: theirs.value(at: itemPath),
                    note: "\(kind.singular) \(id) was deleted on \(deleter), but\(referrer) still refers to it; the design keeps it"))
                toScan.append((entry.value, itemPath, itemPath))
            }
            if !toScan.isEmpty { current = ItemIndex(merged) }
        }
    }

    /// Every string value below `value` that could be a reference: not an item's own id, not
    /// inside lists that hold no references. `owner` is the innermost item around the value.
    static func references(in value: JSONValue, path: TreePath, owner: TreePath,
                           _ body: (String, TreePath, TreePath) -> Void) {
        switch value {
        case .string(let s):
            body(s, path, owner)
        case .object(let members):
            for m in members { references(in: m.value, path: path.appending(key: m.key), owner: owner, body) }
        case .array(let items):
            if case .key(let key)? = path.steps.last, let field = ListShape.keyField(list: key, versions: [items]), field != "id" {
                for item in items { references(in: item, path: path.appending(item: ListShape.key(item, field)), owner: owner, body) }
            } else if case .key(let key)? = path.steps.last, ListShape.keyField(list: key, versions: [items]) == "id" {
                guard ItemKinds.kind(forList: key).holdsReferences else { return }
                for item in items {
                    let itemPath = path.appending(item: ListShape.key(item, "id"))
                    for m in item.objectValue ?? [] where m.key != "id" {
                        references(in: m.value, path: itemPath.appending(key: m.key), owner: itemPath, body)
                    }
                }
            } else {
                for item in items { references(in: item, path: path, owner: owner, body) }
            }
        default:
            break
        }
    }

    /// Inserts an item after the nearest item that precedes it in `source` and is in the list.
    static func insert(_ item: JSONValue, id: String, into tree: inout JSONValue, list: TreePath, source: JSONValue) {
        guard var items = tree.value(at: list)?.arrayValue else { return }
        let present = Set(items.map { ListShape.key($0, "id") })
        var position = 0
        if let sourceItems = source.value(at: list)?.arrayValue {
            for s in sourceItems {
                let sid = ListShape.key(s, "id")
                if sid == id { break }
                if present.contains(sid), let i = items.firstIndex(where: { ListShape.key($0, "id") == sid }) { position = i + 1 }
            }
        }
        items.insert(item, at: min(position, items.count))
        tree.setValue(.array(items), at: list)
    }
}
