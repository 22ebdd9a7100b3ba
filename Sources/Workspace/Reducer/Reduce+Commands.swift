import DesignModel
import Foundation

extension Workspace {
    /// Runs a command from the keymap or the palette.
    static func perform(_ state: inout AppState, _ command: Command, _ env: Environment) -> [Effect] {
        switch state.screen {
        case .checklist:
            if let effects = checklistCommand(&state, command, env) { return effects }
        case .diagram:
            if let effects = diagramCommand(&state, command) { return effects }
        case .panes:
            break
        }
        let pane = state.focus
        switch command {
        case .nextPane: focus(&state, pane.next)
        case .previousPane: focus(&state, pane.previous)
        case .focusRequirements, .focusComponents, .focusFlows, .focusTradeOffs,
             .focusPane5, .focusPane6, .focusPane7, .focusPane8, .focusPane9:
            let all = ItemKinds.panes
            guard let n = command.paneNumber, all.indices.contains(n - 1) else { return [] }
            focus(&state, all[n - 1])
        case .moveDown: select(&state, pane, state.selectedRow(pane) + 1)
        case .moveUp: select(&state, pane, state.selectedRow(pane) - 1)
        case .moveTop: select(&state, pane, 0)
        case .moveBottom: select(&state, pane, Int.max / 2)
        case .pageDown: select(&state, pane, state.selectedRow(pane) + pageSize(state))
        case .pageUp: select(&state, pane, state.selectedRow(pane) - pageSize(state))
        case .searchNext: select(&state, pane, (state.selectedRow(pane) + 1) % max(1, state.visibleRows(pane).count))
        case .searchPrevious:
            let n = max(1, state.visibleRows(pane).count)
            select(&state, pane, (state.selectedRow(pane) + n - 1) % n)
        case .clearFilter:
            // Keep the selected item selected once every row shows again.
            guard let f = state.filters[pane], !f.isEmpty else { return [] }
            let item = state.selectedIndex(pane)
            state.filters[pane] = nil
            if let item { select(&state, pane, item) }
            state.message = StatusMessage("Filter cleared", .info)

        case .add: return add(&state)
        case .edit: edit(&state)
        case .viewItem: viewItem(&state)
        case .detailsDown: state.detailScroll = min(state.detailScroll + 3, max(0, env.scrollLimit(state, .details)))
        case .detailsUp: state.detailScroll = max(0, state.detailScroll - 3)
        case .editDesignInfo:
            if state.readOnly { return readOnlyRefusal(&state) }
            state.overlays.append(.form(ItemForms.designInfo(state.design)))
        case .delete: return delete(&state, env)
        case .moveItemDown: reorder(&state, by: 1, env)
        case .moveItemUp: reorder(&state, by: -1, env)

        case .save: return save(&state, to: nil)
        case .quit: return quit(&state)
        case .forceQuit:
            state.quitting = true
            return [.quit]
        case .undo: withInterviewActivity(&state, env) { undo(&$0) }
        case .redo: withInterviewActivity(&state, env) { redo(&$0) }

        case .help: state.overlays.append(.help(scroll: 0))
        case .commandLine: state.overlays.append(.palette(Palette()))
        case .search: state.overlays.append(.search(LineEditor(state.filters[pane] ?? "")))
        case .checklist: state.screen = .checklist
        case .diagram:
            state.screen = .diagram
            state.diagram.focused = state.selectedComponent?.id.rawValue
            state.diagram.refresh(state.design)
            state.diagram.centreOnFocus(state.size)
        case .panes: state.screen = .panes
        case .suspend: return suspend(&state, env)
        case .redraw: return [.redraw]

        case .toggleItem, .editNotes, .nextStage, .previousStage:
            state.message = StatusMessage("Open the checklist with c first", .info)
        case .panLeft, .panRight, .panUp, .panDown, .nextNode, .previousNode, .toggleDirection:
            state.message = StatusMessage("Open the diagram with D first", .info)
        case .interviewToggle, .interviewNext, .interviewPrevious, .interviewAddMinute, .interviewInfo,
             .interviewSummary, .interviewerCard:
            return interviewCommand(&state, command, env)
        default:
            // Form, field, list, dialog and palette commands act inside those layers only.
            break
        }
        return []
    }

    // MARK: items

    /// Moves the focus to a pane (the panes screen shows it: in the grid, or on its own).
    static func focus(_ state: inout AppState, _ pane: Pane) {
        state.focus = pane
        state.detailScroll = 0
    }

    static func add(_ state: inout AppState) -> [Effect] {
        if state.readOnly { return readOnlyRefusal(&state) }
        let kind = state.focus.kind
        if let reason = kind.cannotAdd(state.design) {
            state.message = StatusMessage(reason, .error)
            return []
        }
        state.overlays.append(.form(kind.form(state, nil)))
        return []
    }

    static func edit(_ state: inout AppState) {
        if state.readOnly { _ = readOnlyRefusal(&state); return }
        guard let i = state.selectedIndex(state.focus) else {
            state.message = StatusMessage("Nothing to edit — press a to add a \(state.focus.noun)", .info)
            return
        }
        state.overlays.append(.form(state.focus.kind.form(state, i)))
    }

    /// The whole selected item in a scrollable view.
    static func viewItem(_ state: inout AppState) {
        guard let i = state.selectedIndex(state.focus) else {
            state.message = StatusMessage("Nothing to show — press a to add a \(state.focus.noun)", .info)
            return
        }
        state.overlays.append(.itemView(state.focus, id: state.focus.kind.id(state.design, i), scroll: 0))
    }

    static func delete(_ state: inout AppState, _ env: Environment) -> [Effect] {
        if state.readOnly { return readOnlyRefusal(&state) }
        let pane = state.focus
        guard let i = state.selectedIndex(pane) else { return [] }
        let kind = pane.kind
        let id = kind.id(state.design, i)
        if let also = kind.deleteEffects(state.design, i) {
            state.overlays.append(.confirm(Confirm(
                title: "Delete \(pane.noun)",
                message: "Delete \"\(kind.name(state.design, i))\" and \(also)?",
                options: [("y", "Yes, delete", .deleteItem(pane, id)), ("n", "No", .cancel)])))
            return []
        }
        deleteItem(&state, pane, id, env)
        return []
    }

    /// Deletes an item by id (after the question, when there was one).
    static func deleteItem(_ state: inout AppState, _ pane: Pane, _ id: String, _ env: Environment) {
        let kind = pane.kind
        guard let i = kind.index(state.design, id) else { return }
        let name = kind.name(state.design, i)
        var also = ""
        mutate(&state, "Delete \(pane.noun) \(id)", env) { also = kind.remove(&$0, i) }
        state.message = StatusMessage("Deleted \(pane.noun) \(id) \"\(name)\"" + also + " — u undoes", .info)
        for p in Pane.allCases { select(&state, p, state.selectedRow(p)) }
    }

    static func reorder(_ state: inout AppState, by delta: Int, _ env: Environment) {
        if state.readOnly { _ = readOnlyRefusal(&state); return }
        let pane = state.focus
        if let f = state.filters[pane], !f.isEmpty {
            state.message = StatusMessage("Clear the filter (/ then Esc) to reorder", .info)
            return
        }
        guard let i = state.selectedIndex(pane) else { return }
        let j = i + delta
        guard j >= 0, j < state.itemCount(pane) else { return }
        let kind = pane.kind
        mutate(&state, "Move \(pane.noun)", env) { kind.swap(&$0, i, j) }
        state.selection[pane] = j
    }

    static func readOnlyRefusal(_ state: inout AppState) -> [Effect] {
        state.message = StatusMessage("Read-only (\(state.readOnlyReason)) — :w PATH saves a copy", .error)
        return [.bell]
    }

    // MARK: files

    static func save(_ state: inout AppState, to path: String?) -> [Effect] {
        let target = path ?? state.filePath
        if state.readOnly && path == nil { return readOnlyRefusal(&state) }
        return [.save(state.design, path: target)]
    }

    static func quit(_ state: inout AppState) -> [Effect] {
        let typing = typedText(state)
        guard state.isDirty || typing != nil else {
            state.quitting = true
            return [.quit]
        }
        guard state.isDirty else {
            state.overlays.append(.confirm(Confirm(
                title: "Discard typed text?",
                message: "What you typed in \u{201C}\(typing!)\u{201D} is not saved. Quit and lose it?",
                options: [("d", "Discard it and quit", .quitWithoutSaving), ("c", "Cancel", .cancel)])))
            return []
        }
        let lost = typing.map { " The text typed in \u{201C}\($0)\u{201D} is not part of the design and is lost either way." } ?? ""
        state.overlays.append(.confirm(Confirm(
            title: "Unsaved changes",
            message: "Save changes to \(state.fileName) before quitting?" + lost,
            options: [("y", "Save and quit", .saveAndQuit), ("n", "Quit without saving", .quitWithoutSaving),
                      ("c", "Cancel", .cancel)])))
        return []
    }

    /// The title of an open form or notes editor holding typed text that is not in the design.
    static func typedText(_ state: AppState) -> String? {
        for overlay in state.overlays.reversed() {
            switch overlay {
            case .form(let f) where f.isChanged: return f.title
            case .notes(let area):
                if let stage = StageKey(rawValue: area.owner), state.design.stage(stage).notes != area.text { return area.title }
            default: break
            }
        }
        return nil
    }

    // MARK: undo

    static func undo(_ state: inout AppState) { travel(&state, back: true) }
    static func redo(_ state: inout AppState) { travel(&state, back: false) }

    /// Steps through the undo history one change, backwards or forwards.
    static func travel(_ state: inout AppState, back: Bool) {
        let current = UndoHistory.Entry(design: state.design, focus: state.focus, selection: state.selection, label: "")
        guard let entry = back ? state.history.undo(current: current) : state.history.redo(current: current) else {
            state.message = StatusMessage(back ? "Nothing to undo" : "Nothing to redo", .info)
            return
        }
        restore(&state, entry)
        state.message = StatusMessage((back ? "Undid: " : "Redid: ") + entry.label, .info)
    }

    static func restore(_ state: inout AppState, _ entry: UndoHistory.Entry) {
        let log = state.design.interview  // undo never rewinds the interview clock
        state.design = entry.design
        state.design.interview = log
        if state.screen == .panes { state.focus = entry.focus }
        state.selection = entry.selection
        for pane in Pane.allCases { select(&state, pane, state.selectedRow(pane)) }
    }
}
