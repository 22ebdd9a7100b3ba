import DesignModel

/// Both sides of a merge often add an item with the same new id (each took "the next free
/// number", say comp-13) for different items. Before merging, theirs' item gets a fresh id and
/// every reference to it on their side is rewritten, so both items survive.
///
/// An id added by theirs collides when ours has a different item with that id in the same
/// list, or — for kinds whose ids are unique across the design — anywhere in ours. References
/// are string values equal to the old id: anywhere in their design for design-wide kinds,
/// inside the owning item for scoped kinds (a decision's options), never inside lists that do
/// not hold references (merge conflict records).
enum IDCollisions {
    static func renameTheirs(base: JSONValue, ours: JSONValue, theirs: inout JSONValue,
                             allocator: inout IDAllocator) -> [Renamed] {
        let b = TreeItemIndex(base), o = TreeItemIndex(ours), t = TreeItemIndex(theirs)
        var renames: [Renamed] = []
        var global: [String: String] = [:]
        var scoped: [TreePath: [String: String]] = [:]
        var entries: [TreePath: [String: String]] = [:]   // list path → old id → new id
        for id in t.allIDs.sorted() {
            for e in t.entries(id) where !b.contains(id, inList: e.list) {
                let collides: Bool
                if o.contains(id, inList: e.list) {
                    collides = ours.value(at: e.list.appending(item: id)) != e.value
                } else if e.scope == nil {
                    collides = o.entries(id).contains { $0.scope == nil }
                } else {
                    collides = false
                }
                guard collides else { continue }
                let new = allocator.fresh(like: id)
                renames.append(Renamed(list: e.list, from: id, to: new))
                entries[e.list, default: [:]][id] = new
                if let owner = e.scope { scoped[owner, default: [:]][id] = new } else { global[id] = new }
            }
        }
        if renames.isEmpty { return [] }
        theirs = Rewriter(scoped: scoped, entries: entries).rewrite(theirs, path: TreePath(), map: global, refs: true)
        return renames
    }

    struct Rewriter {
        var scoped: [TreePath: [String: String]]
        var entries: [TreePath: [String: String]]

        func rewrite(_ v: JSONValue, path: TreePath, map: [String: String], refs: Bool) -> JSONValue {
            switch v {
            case .string(let s):
                guard refs, let new = map[s] else { return v }
                return .string(new)
            case .object(let members):
                return .object(members.map { m in
                    m.value.isScalar ? JSONMember(m.key, rewrite(m.value, path: path, map: map, refs: refs))
                        : JSONMember(m.key, rewrite(m.value, path: path.appending(key: m.key), map: map, refs: refs))
                })
            case .array(let items):
                guard case .key(let key)? = path.steps.last, let field = ListShape.keyField(list: key, versions: [items]) else {
                    return .array(items.map { rewrite($0, path: path, map: map, refs: refs) })
                }
                guard field == "id" else {
                    return .array(items.map { rewrite($0, path: path.appending(item: ListShape.key($0, field)), map: map, refs: refs) })
                }
                let kind = ItemKinds.kind(forList: key)
                let renamedHere = entries[path] ?? [:]
                return .array(items.map { item in
                    let id = ListShape.key(item, "id")
                    let itemPath = path.appending(item: id)
                    var m = map
                    if let s = scoped[itemPath] { m.merge(s) { _, new in new } }
                    guard case .object(let members) = item else { return item }
                    var out = members.map { member -> JSONMember in
                        member.key == "id" ? member
                            : JSONMember(member.key, rewrite(member.value,
                                                            path: member.value.isScalar ? itemPath : itemPath.appending(key: member.key),
                                                            map: m, refs: refs && kind.holdsReferences))
                    }
                    if let new = renamedHere[id] { JSONMember.set("id", .string(new), in: &out) }
                    return .object(out)
                })
            default:
                return v
            }
        }
    }
}
