import DesignModel

/// What diff and merge need to know about a kind of item, by the JSON key of its list.
///
/// Diff and merge work on any list of objects with an `id`, found by walking the design's
/// canonical JSON, so a new kind of item works without code here. This table only adds words
/// for people and a few facts a walk cannot guess. A new kind adds one line to `ItemKinds.all`
/// (a kind without a line is still compared and merged; it is just named by its list key).
public struct ItemKind: Sendable {
    /// The list's key in the JSON (`components`; `options` inside a trade-off).
    public var list: String
    /// One item, for sentences ("component comp-3").
    public var singular: String
    /// A section heading for the list ("Components").
    public var heading: String
    /// The field that identifies an item within its list.
    public var keyField: String
    /// Fields tried in order for an item's title in listings (the first non-empty string).
    public var titleFields: [String]
    /// Fields naming two other items the item connects (a flow's `from` and `to`), shown as
    /// "A → B" in listings.
    public var ends: (from: String, to: String)?
    /// A field whose changes are listed on their own ("decisions whose status changed").
    public var statusField: String?
    /// Ids are unique only within the parent item (a trade-off's options), not the design.
    public var scopedToParent: Bool
    /// False for lists whose text fields mention ids without referring to the items (merge
    /// conflict records): they are not checked for dangling references.
    public var holdsReferences: Bool

    public init(_ list: String, _ singular: String, _ heading: String, keyField: String = "id",
                titleFields: [String] = ["name", "title", "text", "label"], ends: (from: String, to: String)? = nil,
                statusField: String? = nil, scopedToParent: Bool = false, holdsReferences: Bool = true) {
        self.list = list
        self.singular = singular
        self.heading = heading
        self.keyField = keyField
        self.titleFields = titleFields
        self.ends = ends
        self.statusField = statusField
        self.scopedToParent = scopedToParent
        self.holdsReferences = holdsReferences
    }
}

public enum ItemKinds {
    /// Every kind with a name. Order is the order of sections in diff listings.
    public static let all: [ItemKind] = [
        ItemKind("requirements", "requirement", "Requirements", titleFields: ["text"]),
        ItemKind("components", "component", "Components"),
        ItemKind("flows", "flow", "Data flows", titleFields: ["label"], ends: ("from", "to")),
        ItemKind("tradeOffs", "decision", "Decisions", titleFields: ["title"], statusField: "status"),
        ItemKind("options", "option", "Options", scopedToParent: true),
        ItemKind("risks", "risk", "Risks", titleFields: ["text"], statusField: "status"),
        ItemKind("questions", "open question", "Open questions", titleFields: ["text"], statusField: "status"),
        ItemKind("stages", "stage", "Checklist", keyField: "stage", titleFields: ["stage"]),
        ItemKind("custom", "checklist item", "Checklist items"),
        ItemKind("phases", "interview phase", "Interview phases", keyField: "key", titleFields: ["title", "key"]),
        ItemKind("conflicts", "merge conflict", "Merge conflicts", titleFields: ["path"], holdsReferences: false),
    ]

    private static let byList: [String: ItemKind] = Dictionary(all.map { ($0.list, $0) }, uniquingKeysWith: { a, _ in a })

    /// The kind for a list key; an unnamed kind gets its list key as its name.
    public static func kind(forList list: String) -> ItemKind {
        byList[list] ?? ItemKind(list, list, list)
    }

    /// Top-level fields of the design that diff does not report and merge settles by itself:
    /// `modified` (every save changes it; merge keeps the later) and `schemaVersion` (both
    /// sides are read at the current version).
    public static let bookkeepingFields: Set<String> = ["modified", "schemaVersion"]
}

/// Whether a list is a list of items matched by key, or a plain value.
enum ListShape {
    /// A list of objects each with a distinct string under the kind's key field: matched by key.
    /// Every version of the list must qualify (empty ones do), or it is compared whole.
    static func keyField(list: String, versions: [[JSONValue]]) -> String? {
        let field = ItemKinds.kind(forList: list).keyField
        var anyItems = false
        for items in versions {
            var seen = Set<String>()
            seen.reserveCapacity(items.count)
            for item in items {
                guard let key = item[field]?.stringValue, seen.insert(key).inserted else { return nil }
            }
            anyItems = anyItems || !items.isEmpty
        }
        return anyItems ? field : nil
    }

    /// A list of distinct scalars (checklist keys, pros and cons) in every version: merged as
    /// an ordered set.
    static func isScalarSet(_ versions: [[JSONValue]]) -> Bool {
        for items in versions {
            guard items.allSatisfy(\.isScalar), Set(items).count == items.count else { return false }
        }
        return true
    }

    static func key(_ item: JSONValue, _ field: String) -> String {
        item[field]?.stringValue ?? ""
    }
}
