import DesignModel

/// A mouse event on the table editor, in its own terms (the view works out where it landed).
public enum TableMouse: Equatable, Sendable {
    /// A click on a cell: the row among those shown, the column.
    case cell(row: Int, column: Int)
    /// A click on one of the item's tables (its tab).
    case table(Int)
    /// The wheel: rows to move by.
    case scroll(Int)
}

/// The table editor in the reducer: opening it, its keys and mouse, and writing its changes into
/// the design (one undo step per change, with what else changed on the status line).
extension Workspace {
    /// `r`: the selected item's tables.
    static func openTableEditor(_ state: inout AppState) -> [Effect] {
        guard state.screen == .panes else {
            state.message = StatusMessage("Rows are edited from the APIs and Entities lists", .info)
            return []
        }
        let pane = state.focus
        guard let i = state.selectedIndex(pane) else {
            let tables = RowTables.tables(pane)
            state.message = StatusMessage(tables.isEmpty ? "\(pane.title) have no table of rows"
                                          : "Nothing selected — a adds one", .info)
            return []
        }
        return openTableEditor(&state, pane, id: pane.kind.id(state.design, i))
    }

    static func openTableEditor(_ state: inout AppState, _ pane: Pane, id: String) -> [Effect] {
        guard let editor = TableEditor(pane: pane, itemID: id) else {
            state.message = StatusMessage("\(pane.title) have no table of rows: r works in APIs and Entities", .info)
            return []
        }
        if state.readOnly { return readOnlyRefusal(&state) }
        state.overlays.append(.table(editor))
        return []
    }

    static func tableKey(_ state: inout AppState, _ editor: TableEditor, _ key: Key, _ env: Environment) -> [Effect] {
        var t = editor
        guard let rows = t.spec.rows(state.design, t.itemID) else { return tableItemGone(&state, t) }
        let outcome = t.handle(key, rows: rows, design: state.design, keymap: state.keymap, now: env.monotonic())
        return tableOutcome(&state, t, outcome, env)
    }

    static func tableMouse(_ state: inout AppState, _ mouse: TableMouse, _ env: Environment) -> [Effect] {
        guard case .table(var t)? = state.overlays.last else { return [] }
        state.overlays.removeLast()
        guard var rows = t.spec.rows(state.design, t.itemID) else { return tableItemGone(&state, t) }
        if case .text = t.mode {
            // Keep what was typed before acting on the click.
            let kept = t.click(row: t.row, column: t.column, rows: rows, design: state.design)
            let effects = tableOutcome(&state, t, kept, env)
            guard case .table(let after)? = state.overlays.last, after.mode == .browse else { return effects }
            t = after
            state.overlays.removeLast()
            rows = t.spec.rows(state.design, t.itemID) ?? rows
        }
        switch mouse {
        case .table(let n):
            t.select(table: n)
            return tableOutcome(&state, t, .stay, env)
        case .scroll(let delta):
            let n = t.shown(rows, state.design).count
            t.row = max(0, min(t.row + delta, n - 1))
            return tableOutcome(&state, t, .stay, env)
        case .cell(let r, let c):
            let outcome = t.click(row: r, column: c, rows: rows, design: state.design)
            return tableOutcome(&state, t, outcome, env)
        }
    }

    /// Acts on what the editor asked for and puts it back on top.
    static func tableOutcome(_ state: inout AppState, _ editor: TableEditor, _ outcome: TableEditor.Outcome,
                             _ env: Environment) -> [Effect] {
        var t = editor
        switch outcome {
        case .stay:
            state.overlays.append(.table(t))
        case .close:
            break
        case .say(let text):
            state.overlays.append(.table(t))
            state.message = StatusMessage(text, .info)
        case .command(let command):
            state.overlays.append(.table(t))
            guard TableEditorKeys.passThrough.contains(command) else {
                state.message = StatusMessage("Close the table first (Esc) — \(command.title.lowercased()) works from the lists", .info)
                return []
            }
            let effects = perform(&state, command, env)
            // An undo can take the item away (its creation undone): the table goes with it.
            if t.spec.rows(state.design, t.itemID) == nil,
               let i = state.overlays.lastIndex(where: { if case .table = $0 { return true }; return false }) {
                state.overlays.remove(at: i)
                state.message = StatusMessage((state.message?.text ?? "") + " — the \(t.pane.noun) is gone, so is its table", .info)
            }
            return effects
        case .write(let change, let then):
            if state.readOnly {
                state.overlays.append(.table(t))
                return readOnlyRefusal(&state)
            }
            let spec = t.spec
            let id = t.itemID
            let rows = spec.rows(state.design, id) ?? []
            let name = rowName(spec, change, rows, state.design)
            var result: RowEditOutcome?
            var failure: String?
            mutate(&state, tableLabel(spec, change, name, id), env) { d in
                do { result = try spec.apply(&d, id, change) } catch { failure = "\(error)" }
            }
            guard let result, failure == nil else {
                t.error = "Not written: " + (failure ?? "the item is gone")
                state.overlays.append(.table(t))
                return [.bell]
            }
            t.written(result, then: then, rows: spec.rows(state.design, id) ?? [], design: state.design)
            state.overlays.append(.table(t))
            state.message = StatusMessage(tableMessage(spec, change, name, result.alsoChanged), .success)
        }
        return []
    }

    static func tableItemGone(_ state: inout AppState, _ t: TableEditor) -> [Effect] {
        state.message = StatusMessage("The \(t.pane.noun) \(t.itemID) is gone — its table closed", .info)
        return []
    }

    /// The name of the row a change is about ("code", "409").
    static func rowName(_ spec: RowTable, _ change: RowChange, _ rows: [[TableCell]], _ design: Design) -> String {
        switch change {
        case .add(let cells, _), .replace(_, let cells): spec.rowName(design, cells)
        case .delete(let i), .move(let i, _): rows.indices.contains(i) ? spec.rowName(design, rows[i]) : "row \(i + 1)"
        }
    }

    static func tableLabel(_ spec: RowTable, _ change: RowChange, _ name: String, _ id: String) -> String {
        switch change {
        case .add: "Add \(spec.noun) \"\(name)\" to \(id)"
        case .replace: "Edit \(spec.noun) \"\(name)\" of \(id)"
        case .delete: "Delete \(spec.noun) \"\(name)\" of \(id)"
        case .move: "Move \(spec.noun) \"\(name)\" of \(id)"
        }
    }

    /// "Deleted field "code"; also removed from 1 index, cleared 2 references — u undoes".
    static func tableMessage(_ spec: RowTable, _ change: RowChange, _ name: String, _ also: [String]) -> String {
        let what: String
        switch change {
        case .add: what = "Added \(spec.noun) \"\(name)\""
        case .replace: what = "Updated \(spec.noun) \"\(name)\""
        case .delete: what = "Deleted \(spec.noun) \"\(name)\""
        case .move(_, let to): what = "Moved \(spec.noun) \"\(name)\" to row \(to + 1)"
        }
        var text = what + (also.isEmpty ? "" : "; also " + also.joined(separator: ", "))
        if case .delete = change { text += " — u undoes" }
        return text
    }
}
