import DesignModel
import Foundation

extension Workspace {
    /// Runs a command from the keymap or the palette.
    static func perform(_ state: inout AppState, _ command: Command, _ env: Environment) -> [Effect] {
        switch state.screen {
        case .checklist:
            if let effects = checklistCommand(&state, command, env) { return effects }
        case .diagram:
            if let effects = diagramViewCommand(&state, command, env) { return effects }
            if let effects = diagramCommand(&state, command) { return effects }
        case .panes:
            break
        }
        let pane = state.focus
        switch command {
        case .nextPane: state.focus = pane.next
        case .previousPane: state.focus = pane.previous
        case .focusRequirements: state.focus = .requirements
        case .focusComponents: state.focus = .components
        case .focusFlows: state.focus = .flows
        case .focusTradeOffs: state.focus = .tradeOffs
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
        case .delete: return delete(&state, env)
        case .moveItemDown: reorder(&state, by: 1, env)
        case .moveItemUp: reorder(&state, by: -1, env)

        case .save: return save(&state, to: nil)
        case .quit: return quit(&state)
        case .forceQuit:
            state.quitting = true
            return [.quit]
        case .undo: undo(&state)
        case .redo: redo(&state)

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
        case .suspend: return [.suspend]
        case .redraw: return [.redraw]

        case .toggleItem, .editNotes, .nextStage, .previousStage:
            state.message = StatusMessage("Open the checklist with c first", .info)
        case .panLeft, .panRight, .panUp, .panDown, .nextNode, .previousNode, .toggleDirection,
             .diagramFocus, .diagramGroup, .diagramKinds, .diagramAll:
            state.message = StatusMessage("Open the diagram with D first", .info)
        case .interviewToggle, .interviewNext, .interviewPrevious, .interviewAddMinute, .interviewInfo,
             .interviewSummary:
            return interviewCommand(&state, command, env)
        }
        return []
    }

    // MARK: items

    static func add(_ state: inout AppState) -> [Effect] {
        if state.readOnly { return readOnlyRefusal(&state) }
        switch state.focus {
        case .requirements: state.overlays.append(.form(ItemForms.requirement(nil)))
        case .components: state.overlays.append(.form(ItemForms.component(nil)))
        case .flows:
            guard !state.design.components.isEmpty else {
                state.message = StatusMessage("Add components first: a flow runs between two of them", .error)
                return []
            }
            state.overlays.append(.form(ItemForms.flow(nil, in: state.design)))
        case .tradeOffs: state.overlays.append(.form(ItemForms.tradeOff(nil)))
        }
        return []
    }

    static func edit(_ state: inout AppState) {
        if state.readOnly { _ = readOnlyRefusal(&state); return }
        guard let i = state.selectedIndex(state.focus) else {
            state.message = StatusMessage("Nothing to edit — press a to add a \(state.focus.noun)", .info)
            return
        }
        let d = state.design
        let form: Form
        switch state.focus {
        case .requirements: form = ItemForms.requirement(d.requirements[i])
        case .components: form = ItemForms.component(d.components[i])
        case .flows: form = ItemForms.flow(d.flows[i], in: d)
        case .tradeOffs: form = ItemForms.tradeOff(d.tradeOffs[i])
        }
        state.overlays.append(.form(form))
    }

    static func delete(_ state: inout AppState, _ env: Environment) -> [Effect] {
        if state.readOnly { return readOnlyRefusal(&state) }
        guard let i = state.selectedIndex(state.focus) else { return [] }
        switch state.focus {
        case .requirements:
            let r = state.design.requirements[i]
            mutate(&state, "Delete requirement \(r.id)", env) { $0.requirements.remove(at: i) }
            state.message = StatusMessage("Deleted requirement \(r.id) — u undoes", .info)
        case .components:
            let c = state.design.components[i]
            let n = state.design.flows(touching: c.id).count
            if n > 0 {
                state.overlays.append(.confirm(Confirm(
                    title: "Delete component",
                    message: "Delete \"\(c.name)\" and the \(n) data flow\(n == 1 ? "" : "s") to and from it?",
                    options: [("y", "Yes, delete", .deleteComponent(c.id.rawValue)), ("n", "No", .cancel)])))
                return []
            }
            deleteComponent(&state, c.id, env)
        case .flows:
            let f = state.design.flows[i]
            mutate(&state, "Delete data flow \(f.id)", env) { $0.flows.remove(at: i) }
            state.message = StatusMessage("Deleted data flow \(f.id) — u undoes", .info)
        case .tradeOffs:
            let t = state.design.tradeOffs[i]
            mutate(&state, "Delete trade-off \(t.id)", env) { $0.tradeOffs.remove(at: i) }
            state.message = StatusMessage("Deleted trade-off \(t.id) — u undoes", .info)
        }
        select(&state, state.focus, state.selectedRow(state.focus))
        return []
    }

    static func deleteComponent(_ state: inout AppState, _ id: ItemID<Component>, _ env: Environment) {
        var removed: ComponentRemoval?
        mutate(&state, "Delete component \(id)", env) { removed = try? $0.removeComponent(id) }
        guard let removed else { return }
        let n = removed.flows.count
        state.message = StatusMessage(
            "Deleted \"\(removed.component.name)\"" + (n > 0 ? " and \(n) data flow\(n == 1 ? "" : "s")" : "")
                + " — u undoes", .info)
        for pane in [Pane.components, .flows] { select(&state, pane, state.selectedRow(pane)) }
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
        mutate(&state, "Move \(pane.noun)", env) { d in
            switch pane {
            case .requirements: d.requirements.swapAt(i, j)
            case .components: d.components.swapAt(i, j)
            case .flows: d.flows.swapAt(i, j)
            case .tradeOffs: d.tradeOffs.swapAt(i, j)
            }
        }
        state.selection[pane] = j
    }

    static func readOnlyRefusal(_ state: inout AppState) -> [Effect] {
        state.message = StatusMessage("Read-only: this design is open elsewhere — :w PATH saves a copy", .error)
        return [.bell]
    }

    // MARK: files

    static func save(_ state: inout AppState, to path: String?) -> [Effect] {
        let target = path ?? state.filePath
        if state.readOnly && path == nil { return readOnlyRefusal(&state) }
        return [.save(state.design, path: target)]
    }

    static func quit(_ state: inout AppState) -> [Effect] {
        guard state.isDirty else {
            state.quitting = true
            return [.quit]
        }
        state.overlays.append(.confirm(Confirm(
            title: "Unsaved changes",
            message: "Save changes to \(state.fileName) before quitting?",
            options: [("y", "Save and quit", .saveAndQuit), ("n", "Quit without saving", .quitWithoutSaving),
                      ("c", "Cancel", .cancel)])))
        return []
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
