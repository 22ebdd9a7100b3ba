import DesignModel

/// A kind of item, described once for the workspace: where its items live in the design, how
/// they are searched, and how they are edited. Panes, forms, deletes, reordering, filtering and
/// the palette are built from this description; the views describe rows and the full view in
/// `TextUI/Kinds`, the report in `DesignExport`. Adding a kind is a file per layer and one line
/// in each registry (`ItemKinds.all` here).
public struct ItemKind: Sendable {
    public let pane: Pane
    /// The pane's title ("Requirements").
    public let title: String
    /// A short title for narrow tabs ("Reqs").
    public let shortTitle: String
    /// The singular noun for messages ("requirement").
    public let noun: String
    /// Drawn in the 2×2 grid of the panes screen; other kinds get the single-list screen.
    public let inGrid: Bool

    public let count: @Sendable (Design) -> Int
    /// The id of the item at a position.
    public let id: @Sendable (Design, Int) -> String
    /// The position of the item with an id.
    public let index: @Sendable (Design, String) -> Int?
    /// True when the kind's list differs between two designs (cheap when storage is shared).
    public let changed: @Sendable (Design, Design) -> Bool
    /// Brings a search index from one design's list to another's, recomputing only what changed.
    let updateIndex: @Sendable (inout SearchIndex, Design, Design, (Int) -> String) -> Void
    public let swap: @Sendable (inout Design, Int, Int) -> Void
    /// Removes the item at a position, and every reference to it from other items; returns what
    /// else went with it, for the message (" and 2 data flows"), or "".
    public let remove: @Sendable (inout Design, Int) -> String
    /// What deleting the item at a position would also take or leave dangling ("the 3 data flows
    /// to and from it"): when there is something, the delete asks first.
    public let deleteEffects: @Sendable (Design, Int) -> String?
    /// A short name for the item at a position (in pickers and references).
    public let name: @Sendable (Design, Int) -> String
    /// The text the pane's filter matches.
    public let searchText: @Sendable (AppState, Int) -> String
    /// The edit form for the item at a position, or for a new item (nil).
    public let form: @Sendable (AppState, Int?) -> Form
    /// Writes a confirmed form into the design; the id written, or why not.
    public let apply: @Sendable (Form, inout Design) -> Result<String, FormError>
    /// Why nothing can be added yet (flows need components), or nil.
    public let cannotAdd: @Sendable (Design) -> String?
    /// Keeps a form consistent while it is edited (a trade-off grows an empty option slot; a
    /// preview of a value computed from the design).
    public let adjust: @Sendable (inout Form, Design) -> Void
    /// Why the item at a position cannot be deleted (a merge conflict is resolved, not deleted), or nil.
    public let cannotDelete: @Sendable (Design, Int) -> String?
    /// False for kinds whose list only matters while it has items (merge conflicts): Tab and
    /// the tabs skip it when it is empty and not focused.
    public let listedWhenEmpty: Bool
    /// What an empty list says, for the list and the details ("empty — a adds" when nil).
    public let emptyText: String?

    /// Describes a kind whose items are the list at `path`.
    public static func list<Item: Identified & Equatable & Sendable>(
        _ pane: Pane, _ path: WritableKeyPath<Design, [Item]> & Sendable,
        title: String, shortTitle: String, noun: String, inGrid: Bool = false,
        name: @escaping @Sendable (Design, Item) -> String,
        searchText: @escaping @Sendable (AppState, Item) -> String,
        form: @escaping @Sendable (AppState, Item?) -> Form,
        apply: @escaping @Sendable (Form, inout Design) -> Result<String, FormError>,
        cannotAdd: @escaping @Sendable (Design) -> String? = { _ in nil },
        adjust: @escaping @Sendable (inout Form, Design) -> Void = { _, _ in },
        remove: (@Sendable (inout Design, Int) -> String)? = nil,
        deleteEffects: @escaping @Sendable (Design, Int) -> String? = { _, _ in nil },
        cannotDelete: @escaping @Sendable (Design, Int) -> String? = { _, _ in nil },
        listedWhenEmpty: Bool = true, emptyText: String? = nil
    ) -> ItemKind {
        ItemKind(
            pane: pane, title: title, shortTitle: shortTitle, noun: noun, inGrid: inGrid,
            count: { $0[keyPath: path].count },
            id: { $0[keyPath: path][$1].id.rawValue },
            index: { d, id in d[keyPath: path].firstIndex(of: ItemID(id)) },
            changed: { $0[keyPath: path] != $1[keyPath: path] },
            updateIndex: { index, old, new, text in index.update(from: old[keyPath: path], to: new[keyPath: path], text: text) },
            swap: { $0[keyPath: path].swapAt($1, $2) },
            remove: remove ?? { d, i in
                let id = d[keyPath: path][i].id.rawValue
                d[keyPath: path].remove(at: i)
                d.dropReferences(to: id)
                return ""
            },
            deleteEffects: deleteEffects,
            name: { d, i in name(d, d[keyPath: path][i]) },
            searchText: { state, i in searchText(state, state.design[keyPath: path][i]) },
            form: { state, i in form(state, i.map { state.design[keyPath: path][$0] }) },
            apply: apply, cannotAdd: cannotAdd, adjust: adjust,
            cannotDelete: cannotDelete, listedWhenEmpty: listedWhenEmpty, emptyText: emptyText)
    }
}

/// The kinds of item the workspace lists, in Tab order.
public enum ItemKinds {
    /// Every kind; a new kind adds one line.
    public static let all: [ItemKind] = [
        RequirementKind.kind,
        ComponentKind.kind,
        FlowKind.kind,
        TradeOffKind.kind,
        RiskKind.kind,
        QuestionKind.kind,
        ConflictKind.kind,
    ]

    public static let panes: [Pane] = all.map(\.pane)
    private static let byPane: [Pane: ItemKind] = Dictionary(all.map { ($0.pane, $0) }, uniquingKeysWith: { a, _ in a })

    public static func kind(_ pane: Pane) -> ItemKind {
        guard let k = byPane[pane] else { preconditionFailure("no item kind registered for pane \(pane)") }
        return k
    }

    /// Every item of the design as a choice: "req-3  Redirect in under 50 ms", with its id, for
    /// the fields that point at any item (what a risk concerns). Kinds in Tab order.
    public static func itemChoices(_ design: Design, excluding: Pane? = nil) -> (labels: [String], ids: [String]) {
        var labels: [String] = [], ids: [String] = []
        for kind in all where kind.pane != excluding {
            for i in 0..<kind.count(design) {
                let id = kind.id(design, i)
                ids.append(id)
                labels.append(id + "  " + kind.name(design, i))
            }
        }
        return (labels, ids)
    }

    /// The kind whose items carry ids like `id` ("req-3" → requirements), for jumping to any item.
    public static func kind(holding id: String, in design: Design) -> ItemKind? {
        all.first { $0.index(design, id) != nil }
    }
}
