import DesignModel

/// Where the items of a design tree are: every list of items (keyed by `id`), found by a walk.
/// Merge uses it to rename colliding ids and to find references left dangling.
struct TreeItemIndex {
    struct Entry {
        /// The list holding the item (`components`, `tradeOffs[trade-2].options`).
        var list: TreePath
        var listKey: String
        var value: JSONValue
        /// The path of the item owning the list, for kinds whose ids are unique only there.
        var scope: TreePath?
    }

    /// Items by id. Ids of design-wide kinds are unique in a valid design; scoped ones
    /// (options) are listed once per owner.
    private(set) var byID: [String: [Entry]] = [:]
    /// For each list path, its item ids.
    private(set) var lists: [TreePath: Set<String>] = [:]

    init(_ root: JSONValue) {
        walk(root, path: TreePath(), owner: TreePath())
    }

    private mutating func walk(_ v: JSONValue, path: TreePath, owner: TreePath) {
        switch v {
        case .object(let members):
            for m in members where !m.value.isScalar { walk(m.value, path: path.appending(key: m.key), owner: owner) }
        case .array(let items):
            guard case .key(let key)? = path.steps.last, !items.isEmpty,
                  let field = ListShape.keyField(list: key, versions: [items]) else { return }
            guard field == "id" else {
                // Keyed otherwise (checklist stages by their key): not items, but may hold some.
                for item in items { walk(item, path: path.appending(item: ListShape.key(item, field)), owner: owner) }
                return
            }
            let kind = ItemKinds.kind(forList: key)
            var ids = Set<String>()
            for item in items {
                let id = ListShape.key(item, "id")
                ids.insert(id)
                byID[id, default: []].append(Entry(list: path, listKey: key, value: item,
                                                   scope: kind.scopedToParent ? owner : nil))
                walk(item, path: path.appending(item: id), owner: path.appending(item: id))
            }
            lists[path] = ids
        default:
            break
        }
    }

    func entries(_ id: String) -> [Entry] { byID[id] ?? [] }

    func contains(_ id: String, inList list: TreePath) -> Bool { lists[list]?.contains(id) ?? false }

    /// Whether `id` names an item visible from `scope`: a design-wide item, or a scoped item
    /// owned by `scope` or one of its owners.
    func resolves(_ id: String, from scope: TreePath) -> Bool {
        entries(id).contains { e in
            guard let owner = e.scope else { return true }
            return scope.steps.starts(with: owner.steps)
        }
    }

    var allIDs: Dictionary<String, [Entry]>.Keys { byID.keys }
}

/// Fresh ids: the id's prefix with a number above every number in use with that prefix.
struct IDAllocator {
    private var highest: [String: Int] = [:]
    private var used = Set<String>()

    init(_ ids: some Sequence<String>) {
        for id in ids { note(id) }
    }

    mutating func note(_ id: String) {
        used.insert(id)
        let (prefix, n) = Self.split(id)
        highest[prefix] = max(highest[prefix] ?? 0, n ?? 0)
    }

    mutating func fresh(like id: String) -> String {
        let (prefix, _) = Self.split(id)
        var n = (highest[prefix] ?? 0) + 1
        while used.contains("\(prefix)-\(n)") { n += 1 }
        let new = "\(prefix)-\(n)"
        note(new)
        return new
    }

    static func split(_ id: String) -> (String, Int?) {
        guard let dash = id.lastIndex(of: "-"), let n = Int(id[id.index(after: dash)...]), n >= 0 else { return (id, nil) }
        return (String(id[..<dash]), n)
    }
}
