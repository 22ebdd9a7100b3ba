import DesignModel
import Workspace

/// A merge conflict: a row says where it is and what happened; the full view stacks the base,
/// ours and theirs versions (JSON, wrapped to the screen) and says which the design holds now.
enum ConflictView {
    static let view = KindView(pane: .conflicts, row: { state, i in
        let c = state.design.conflicts[i]
        let tag = switch c.reason {
        case .bothChanged: "both"
        case .deletedAndChanged: "del"
        case .danglingReference: "ref"
        case .inconsistent: "all"
        }
        return RowText.Row(tag: tag, text: ConflictText.place(c) + itemName(c, state.design), trailing: ConflictText.what(c))
    }, detail: { state, i in
        let c = state.design.conflicts[i]
        let kept = ConflictText.kept(c).side
        var out = [DetailLine("Conflict", "\(c.id)  \(c.path.isEmpty ? "(the whole design)" : c.path)")]
        if !c.item.isEmpty { out.append(DetailLine("Item", KindViews.names([c.item], state.design))) }
        out.append(DetailLine("What happened", ConflictText.what(c)))
        for side in [ConflictText.Side.base, .ours, .theirs] {
            let label = side.rawValue.prefix(1).uppercased() + side.rawValue.dropFirst() + (side == kept ? " (now)" : "")
            out.append(DetailLine(label, ConflictText.shown(c, side)))
        }
        out.append(DetailLine("Resolve", keys(state.keymap)))
        return out
    })

    /// " (API gateway)" after a place that names an item, when the item is in the design.
    static func itemName(_ c: MergeConflict, _ design: Design) -> String {
        guard !c.item.isEmpty, let kind = ItemKinds.kind(holding: c.item, in: design), kind.pane != .conflicts,
              let i = kind.index(design, c.item) else { return "" }
        let name = kind.name(design, i)
        return name.isEmpty ? "" : "  " + name
    }

    /// "o ours · t theirs · b base · e edit the value · A all · f go to the item", as bound.
    static func keys(_ keymap: Keymap) -> String {
        let wanted: [(Command, String)] = [
            (.takeOurs, "ours"), (.takeTheirs, "theirs"), (.takeBase, "base"), (.edit, "write the value"),
            (.resolveAllConflicts, "all one way"), (.goToConflictedItem, "go to the item"), (.undo, "undoes")]
        return wanted.compactMap { command, word in
            let key = keymap.bindings.first { [.conflicts, .panes, .global].contains($0.context) && $0.command == command }?.keys.first
            return key.map { "\($0) \(word)" }
        }.joined(separator: " · ")
    }
}

/// The header's count of unresolved merge conflicts ("⚠ 2 conflicts"), or nil when none.
enum ConflictBadge {
    static func text(_ state: AppState) -> String? {
        let n = state.design.conflicts.count
        return n == 0 ? nil : " ⚠ \(n) conflict\(n == 1 ? "" : "s")"
    }
}
