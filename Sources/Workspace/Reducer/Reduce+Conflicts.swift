import DesignDiff
import DesignModel

/// Resolving merge conflicts in the workspace: take ours, theirs or base for the selected
/// conflict (from the list or its full view), resolve all one way, go to the conflicted item.
/// Every resolution is one undoable change made by `ConflictResolution`; a choice it refuses
/// (it would leave a reference dangling) changes nothing and says why.
extension Workspace {
    static func conflictCommand(_ state: inout AppState, _ command: Command, _ env: Environment) -> [Effect] {
        guard let c = selectedConflict(state) else {
            state.message = StatusMessage("No merge conflicts in this design", .info)
            return []
        }
        switch command {
        case .takeOurs: return resolveConflict(&state, c.id, .ours, env)
        case .takeTheirs: return resolveConflict(&state, c.id, .theirs, env)
        case .takeBase: return resolveConflict(&state, c.id, .base, env)
        case .resolveAllConflicts: return askResolveAll(&state)
        case .goToConflictedItem: goToConflictedItem(&state, c)
        default: break
        }
        return []
    }

    /// The conflict selected in the conflicts list (whichever list has the focus: the palette
    /// can run these from anywhere).
    static func selectedConflict(_ state: AppState) -> MergeConflict? {
        state.selectedIndex(.conflicts).map { state.design.conflicts[$0] }
    }

    static func resolveConflict(_ state: inout AppState, _ id: ItemID<MergeConflict>, _ side: ConflictText.Side,
                                _ env: Environment) -> [Effect] {
        if state.readOnly { return readOnlyRefusal(&state) }
        guard let c = state.design.conflicts.first(where: { $0.id == id }) else { return [] }
        do throws(ConflictResolution.Failure) {
            let resolved = try ConflictResolution.resolve(state.design, id, side.choice)
            mutate(&state, "Resolve \(id) (\(side.rawValue))", env) { $0 = resolved }
            select(&state, .conflicts, state.selectedRow(.conflicts))
            state.message = StatusMessage("Resolved \(id), \(ConflictText.place(c)): took \(side.rawValue)" + conflictsLeft(state), .success)
            return []
        } catch {
            state.message = StatusMessage("\(id) not resolved with \(side.rawValue): \(error.description)", .error)
            return [.bell]
        }
    }

    static func askResolveAll(_ state: inout AppState) -> [Effect] {
        if state.readOnly { return readOnlyRefusal(&state) }
        let n = state.design.conflicts.count
        state.overlays.append(.confirm(Confirm(
            title: "Resolve all \(n) merge conflict\(n == 1 ? "" : "s")",
            message: "Take the same side for every conflict? (u undoes it)",
            options: [("o", "Ours", .resolveAllConflicts(.ours)), ("t", "Theirs", .resolveAllConflicts(.theirs)),
                      ("b", "Base", .resolveAllConflicts(.base)), ("c", "Cancel", .cancel)])))
        return []
    }

    /// Resolves every conflict that the side can settle, as one change; says which were refused.
    static func resolveAllConflicts(_ state: inout AppState, _ side: ConflictText.Side, _ env: Environment) -> [Effect] {
        if state.readOnly { return readOnlyRefusal(&state) }
        let before = state.design.conflicts.count
        let (resolved, refused) = ConflictResolution.resolveEach(state.design, side.choice)
        let done = before - resolved.conflicts.count
        if done > 0 {
            mutate(&state, "Resolve \(done) conflict\(done == 1 ? "" : "s") (\(side.rawValue))", env) { $0 = resolved }
            select(&state, .conflicts, state.selectedRow(.conflicts))
        }
        guard let first = refused.first else {
            state.message = StatusMessage("Resolved \(done) conflict\(done == 1 ? "" : "s"): took \(side.rawValue)" + conflictsLeft(state), .success)
            return []
        }
        let others = refused.count > 1 ? " (and \(refused.count - 1) more)" : ""
        state.message = StatusMessage("Resolved \(done) with \(side.rawValue); \(first.id)\(others) refused: \(first.reason.description)", .error)
        return [.bell]
    }

    /// Shows the item a conflict is about in its own list.
    static func goToConflictedItem(_ state: inout AppState, _ c: MergeConflict) {
        guard !c.item.isEmpty else {
            state.message = StatusMessage("\(c.id) is about the design itself, not one item: v shows the three versions", .info)
            return
        }
        let steps = TreePath(parsing: c.path)?.steps ?? []
        if case .key("stages")? = steps.first, let stage = StageKey(rawValue: c.item) {
            // A checklist stage: its ticks, items or notes.
            state.screen = .checklist
            state.checklist.stage = stage
            state.checklist.row = 0
            state.message = StatusMessage("Stage \(stage.number) has \(c.id) — \(state.keymap.keyText(for: .panes)) goes back to the panes", .info)
            return
        }
        guard let kind = ItemKinds.kind(holding: c.item, in: state.design), kind.pane != .conflicts,
              let i = kind.index(state.design, c.item) else {
            // Not in a list the workspace shows: an endpoint, an entity, an estimate… or gone.
            let itemPath = TreePath(Array(steps.prefix { if case .item = $0 { return false }; return true })).appending(item: c.item)
            let present = (try? state.design.canonicalJSON())?.value(at: itemPath) != nil
            let list = steps.first.flatMap { if case .key(let k) = $0 { k } else { nil } } ?? "the design"
            state.message = StatusMessage(present
                ? "\(c.item) is in \(list), which has no list in the workspace: v shows the versions, e writes the value"
                : "\(c.item) is not in the design now: take the side that keeps it to bring it back", .info)
            return
        }
        state.screen = .panes
        focus(&state, kind.pane)
        selectItem(&state, kind.pane, index: i)
        // Past the ninth list there is no number key: the palette's name goes back.
        let back = Command.focusCommand(for: .conflicts).map { state.keymap.keyText(for: $0) } ?? ":conflicts"
        state.message = StatusMessage("\(c.item) has \(c.id)" + (back.isEmpty ? "" : " — \(back) goes back to the conflicts"), .info)
    }

    /// Keys pressed in a conflict's full view: the resolving keys act on the conflict shown and
    /// close the view; nil for any other key.
    static func conflictViewKey(_ state: inout AppState, _ id: String, _ scroll: Int, _ key: Key,
                                _ env: Environment) -> [Effect]? {
        let command = state.keymap.bindings.first { $0.context == .conflicts && $0.keys.contains(key) }?.command
        let side: ConflictText.Side? = switch command {
        case .takeOurs?: .ours
        case .takeTheirs?: .theirs
        case .takeBase?: .base
        default: nil
        }
        if let side {
            let effects = resolveConflict(&state, ItemID(id), side, env)
            if !effects.isEmpty { state.overlays.append(.itemView(.conflicts, id: id, scroll: scroll)) }   // refused: stay
            return effects
        }
        if command == .goToConflictedItem, let c = state.design.conflicts.first(where: { $0.id.rawValue == id }) {
            goToConflictedItem(&state, c)
            return []
        }
        if command == .resolveAllConflicts { return askResolveAll(&state) }
        return nil
    }

    /// " — 2 left · Ctrl-S saves" after a resolution.
    static func conflictsLeft(_ state: AppState) -> String {
        let n = state.design.conflicts.count
        let save = state.keymap.keyText(for: .save)
        return n == 0 ? " — no conflicts left; \(save) saves" : " — \(n) left"
    }

    /// The message a resolution by hand (the edit form) leaves.
    static func resolvedByHand(_ state: AppState, _ id: String) -> StatusMessage {
        StatusMessage("Resolved \(id) with the value you wrote" + conflictsLeft(state), .success)
    }
}

/// What the workspace says about merge conflicts when it opens a design and when it saves one.
public enum ConflictNotice {
    /// "2 unresolved merge conflicts — o ours · t theirs · e edit · A all" (fits 80 columns),
    /// or nil without conflicts. Read-only, it says they cannot be resolved here.
    public static func atOpen(_ design: Design, _ keymap: Keymap, readOnly: Bool = false) -> String? {
        let n = design.conflicts.count
        guard n > 0 else { return nil }
        let what = "\(n) unresolved merge conflict\(n == 1 ? "" : "s")"
        if readOnly { return what + " (read-only here: resolve them where the file can be written)" }
        let wanted: [(Command, String)] = [(.takeOurs, "ours"), (.takeTheirs, "theirs"), (.edit, "edit"), (.resolveAllConflicts, "all")]
        let keys = wanted.compactMap { c, word in
            // A letter reads shorter than Enter where the command has both.
            let all = keymap.bindings.filter { ($0.context == .conflicts || $0.context == .panes) && $0.command == c }.flatMap(\.keys)
            let k = all.first { if case .char = $0 { return true }; return false } ?? all.first
            return k.map { "\($0) \(word)" }
        }.joined(separator: " · ")
        return what + " — " + keys
    }

    /// " — 2 merge conflicts remain" after a save, or "".
    public static func afterSave(_ design: Design) -> String {
        let n = design.conflicts.count
        return n == 0 ? "" : " — \(n) merge conflict\(n == 1 ? "" : "s") still unresolved"
    }
}

extension AppState {
    /// The lists Tab goes through and the tabs show: every kind, except one listed only while
    /// it has items (merge conflicts) when it is empty and not focused.
    public var listedPanes: [Pane] {
        Pane.allCases.filter { $0.kind.listedWhenEmpty || $0 == focus || itemCount($0) > 0 }
    }

    /// The listed pane `step` places from `pane` in Tab order, wrapping around.
    func listedPane(from pane: Pane, step: Int) -> Pane {
        let listed = listedPanes
        guard let i = listed.firstIndex(of: pane) else { return step > 0 ? pane.next : pane.previous }
        return listed[((i + step) % listed.count + listed.count) % listed.count]
    }
}

extension Command {
    /// The number-key command that focuses a pane, if it has one.
    static func focusCommand(for pane: Pane) -> Command? {
        allCases.first { $0.paneNumber == pane.number }
    }
}
