/// A disagreement `sysdraft merge` could not settle by itself, kept in the design so that
/// nothing is lost: the value at `path` in the merge base and on both sides, as JSON text.
/// The merged design holds one of the values (see `reason`); `validate` reports the design as
/// unresolved while any record remains, and resolving (take ours, take theirs, or an edited
/// value) removes the record.
public struct MergeConflict: Codable, Equatable, Sendable, Identified {
    public static let idPrefix = "conflict"

    public enum Reason: String, Codable, CaseIterable, Sendable {
        /// A field changed to different values on both sides. The design holds ours.
        case bothChanged = "both-changed"
        /// An item deleted on one side and changed on the other. The design keeps the changed item.
        case deletedAndChanged = "deleted-and-changed"
        /// An item deleted on one side while the other side made something refer to it. The
        /// design keeps the item, so the reference still points somewhere.
        case danglingReference = "dangling-reference"
        /// The merged design broke a rule of the model that an item-by-item merge cannot see;
        /// the design holds ours, and the record keeps the whole of base, ours and theirs.
        case inconsistent
    }

    public var id: ItemID<MergeConflict>
    public var reason: Reason
    /// Where the disagreement is, e.g. `components[comp-3].name` or `tradeOffs[trade-2]` for a
    /// whole item: keys joined by `.`, list items by their id in brackets (`]` and `\` inside
    /// an id are written `\]` and `\\`).
    public var path: String
    /// The id of the item concerned ("" for a field of the design itself), for jumping to it.
    public var item: String
    /// The value in the merge base, ours and theirs as JSON text; nil where the value does not
    /// exist on that side (the item was deleted, or never there).
    public var base: String?
    public var ours: String?
    public var theirs: String?
    /// One sentence for people: what happened on each side.
    public var note: String

    public init(id: ItemID<MergeConflict>, reason: Reason, path: String, item: String,
                base: String?, ours: String?, theirs: String?, note: String = "") {
        self.id = id
        self.reason = reason
        self.path = path
        self.item = item
        self.base = base
        self.ours = ours
        self.theirs = theirs
        self.note = note
    }
}

extension Design {
    /// One error per unresolved merge conflict. Kept apart from `findings()`: a design with
    /// conflicts still loads (so it can be resolved), but `validate` fails on it.
    public var conflictFindings: [Finding] {
        conflicts.enumerated().map { i, c in
            let what = c.note.isEmpty ? c.reason.rawValue : c.note
            return Finding(.error, "conflicts[\(i)]", "unresolved merge conflict \(c.id) at \(c.path): \(what)")
        }
    }
}
