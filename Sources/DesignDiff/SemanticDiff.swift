import DesignModel

/// What changed between two designs, item by item: items added and removed by id, and for
/// items in both, every field that changed (nested items such as a decision's options are
/// matched by id too). Built from the designs' canonical JSON, so every kind of item is
/// covered, including kinds this file has never heard of.
public struct SemanticDiff: Equatable, Sendable {
    /// A field that changed: its path relative to the item (or to the design for document
    /// fields), and the old and new values (nil where there was none: a nested item added or
    /// removed, an optional field set or cleared).
    public struct Change: Equatable, Sendable {
        public var path: TreePath
        public var old: JSONValue?
        public var new: JSONValue?
    }

    /// An item of a top-level list, by the list's key and the item's id.
    public struct Item: Equatable, Sendable {
        public var list: String
        public var id: String
        public var value: JSONValue
    }

    public struct ChangedItem: Equatable, Sendable {
        public var list: String
        public var id: String
        public var old: JSONValue
        public var new: JSONValue
        public var changes: [Change]
    }

    public var added: [Item] = []
    public var removed: [Item] = []
    public var changed: [ChangedItem] = []
    /// Fields of the design itself (title, problem, interview, …).
    public var document: [Change] = []

    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty && document.isEmpty }

    /// The id the JSON form gives the design itself in `changed`.
    public static let documentID = "design"
}

public enum DesignDiffer {
    public static func diff(_ old: Design, _ new: Design) throws -> SemanticDiff {
        let trees = try CanonicalTrees.of([old, new])
        return diff(trees[0], trees[1])
    }

    /// Compares two design trees. Top-level lists of items are compared by id; every other
    /// top-level field is a document field. `modified` and `schemaVersion` are not compared.
    public static func diff(_ old: JSONValue, _ new: JSONValue) -> SemanticDiff {
        var out = SemanticDiff()
        let a = old.objectValue ?? [], b = new.objectValue ?? []
        for key in unionKeys(a, b) where !ItemKinds.bookkeepingFields.contains(key) {
            let x = JSONMember.find(key, in: a), y = JSONMember.find(key, in: b)
            if x == y { continue }
            let xs = listOrEmpty(x), ys = listOrEmpty(y)
            if let xs, let ys, let field = ListShape.keyField(list: key, versions: [xs, ys]) {
                diffItems(list: key, field: field, xs, ys, into: &out)
            } else {
                out.document += changes(x, y, at: TreePath([.key(key)]))
            }
        }
        return out
    }

    /// A list value, or an empty list for a missing one (a list a newer file added).
    private static func listOrEmpty(_ v: JSONValue?) -> [JSONValue]? {
        guard let v else { return [] }
        return v.arrayValue
    }

    private static func diffItems(list: String, field: String, _ xs: [JSONValue], _ ys: [JSONValue],
                                  into out: inout SemanticDiff) {
        var oldByID: [String: Int] = [:]
        oldByID.reserveCapacity(xs.count)
        for (i, x) in xs.enumerated() { oldByID[ListShape.key(x, field)] = i }
        var seen = Set<String>()
        seen.reserveCapacity(ys.count)
        for y in ys {
            let id = ListShape.key(y, field)
            seen.insert(id)
            guard let i = oldByID[id] else {
                out.added.append(.init(list: list, id: id, value: y))
                continue
            }
            let x = xs[i]
            if x != y {
                out.changed.append(.init(list: list, id: id, old: x, new: y, changes: changes(x, y, at: TreePath())))
            }
        }
        for x in xs where !seen.contains(ListShape.key(x, field)) {
            out.removed.append(.init(list: list, id: ListShape.key(x, field), value: x))
        }
    }

    /// The field-level changes from `a` to `b` below `path`: objects key by key, lists of
    /// items id by id, anything else as one value.
    static func changes(_ a: JSONValue?, _ b: JSONValue?, at path: TreePath) -> [SemanticDiff.Change] {
        if a == b { return [] }
        switch (a, b) {
        case (.object(let x)?, .object(let y)?):
            var out: [SemanticDiff.Change] = []
            for key in unionKeys(x, y) {
                out += changes(JSONMember.find(key, in: x), JSONMember.find(key, in: y), at: path.appending(key: key))
            }
            return out
        case (.array(let xs)?, .array(let ys)?):
            guard case .key(let list)? = path.steps.last,
                  let field = ListShape.keyField(list: list, versions: [xs, ys]) else {
                return [.init(path: path, old: a, new: b)]
            }
            var out: [SemanticDiff.Change] = []
            var oldByID: [String: JSONValue] = [:]
            for x in xs { oldByID[ListShape.key(x, field)] = x }
            let newIDs = Set(ys.map { ListShape.key($0, field) })
            for x in xs where !newIDs.contains(ListShape.key(x, field)) {
                out.append(.init(path: path.appending(item: ListShape.key(x, field)), old: x, new: nil))
            }
            for y in ys {
                let id = ListShape.key(y, field)
                out += changes(oldByID[id], y, at: path.appending(item: id))
            }
            return out
        default:
            return [.init(path: path, old: a, new: b)]
        }
    }

    static func unionKeys(_ a: [JSONMember], _ b: [JSONMember]) -> [String] {
        // Both sorted: a merge of the two key sequences.
        var out: [String] = []
        out.reserveCapacity(max(a.count, b.count))
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j >= b.count || (i < a.count && a[i].key < b[j].key) {
                out.append(a[i].key); i += 1
            } else if i >= a.count || b[j].key < a[i].key {
                out.append(b[j].key); j += 1
            } else {
                out.append(a[i].key); i += 1; j += 1
            }
        }
        return out
    }
}
