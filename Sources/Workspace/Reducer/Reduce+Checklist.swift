import DesignModel

/// One row of a stage's checklist: a catalogue item or one the user added.
public enum ChecklistRow: Equatable, Sendable {
    case catalogue(StageCatalogue.Item, done: Bool)
    case custom(CustomItem)

    public var text: String {
        switch self {
        case .catalogue(let item, _): item.text
        case .custom(let c): c.text
        }
    }

    public var isDone: Bool {
        switch self {
        case .catalogue(_, let done): done
        case .custom(let c): c.done
        }
    }
}

extension Workspace {
    public static func checklistRows(_ state: AppState, stage: StageKey? = nil) -> [ChecklistRow] {
        let key = stage ?? state.checklist.stage
        let st = state.design.stage(key)
        return state.catalogue[key].items.map { .catalogue($0, done: st.isDone($0.key)) } + st.custom.map { .custom($0) }
    }

    /// Checklist-screen commands; nil means "not handled here".
    static func checklistCommand(_ state: inout AppState, _ command: Command, _ env: Environment) -> [Effect]? {
        let rows = checklistRows(state)
        let stage = state.checklist.stage
        let row = min(max(state.checklist.row, 0), max(0, rows.count - 1))
        func setStage(_ s: StageKey) {
            state.checklist.stage = s
            state.checklist.row = 0
        }
        switch command {
        case .moveDown: state.checklist.row = min(row + 1, max(0, rows.count - 1))
        case .moveUp: state.checklist.row = max(0, row - 1)
        case .moveTop: state.checklist.row = 0
        case .moveBottom: state.checklist.row = max(0, rows.count - 1)
        case .nextStage, .nextPane: setStage(StageKey.allCases[(stage.number) % 10])
        case .previousStage, .previousPane: setStage(StageKey.allCases[(stage.number + 8) % 10])
        case .toggleItem:
            if state.readOnly { return readOnlyRefusal(&state) }
            guard rows.indices.contains(row) else { return [] }
            switch rows[row] {
            case .catalogue(let item, let done):
                mutate(&state, (done ? "Untick " : "Tick ") + item.key, env) { $0.updateStage(stage) { $0.setDone(item.key, !done) } }
            case .custom(let c):
                mutate(&state, (c.done ? "Untick " : "Tick ") + c.id.rawValue, env) { d in
                    d.updateStage(stage) { st in
                        if let i = st.custom.firstIndex(where: { $0.id == c.id }) { st.custom[i].done.toggle() }
                    }
                }
            }
        case .add:
            if state.readOnly { return readOnlyRefusal(&state) }
            state.overlays.append(.form(ItemForms.customItem(nil, stage: stage)))
        case .edit:
            guard rows.indices.contains(row) else { return [] }
            if case .custom(let c) = rows[row] {
                if state.readOnly { return readOnlyRefusal(&state) }
                state.overlays.append(.form(ItemForms.customItem(c, stage: stage)))
            } else {
                return checklistCommand(&state, .toggleItem, env)
            }
        case .delete:
            if state.readOnly { return readOnlyRefusal(&state) }
            guard rows.indices.contains(row), case .custom(let c) = rows[row] else {
                state.message = StatusMessage("Only items you added can be deleted; untick the others", .info)
                return []
            }
            mutate(&state, "Delete checklist item \(c.id)", env) { d in d.updateStage(stage) { $0.custom.removeAll { $0.id == c.id } } }
            state.checklist.row = max(0, min(row, checklistRows(state).count - 1))
            state.message = StatusMessage("Deleted \"\(c.text)\" — u undoes", .info)
        case .editNotes:
            if state.readOnly { return readOnlyRefusal(&state) }
            state.overlays.append(.notes(TextArea(state.design.stage(stage).notes, owner: stage.rawValue,
                                                  title: "Notes — \(stage.number). \(state.catalogue[stage].title)")))
        default:
            return nil
        }
        return []
    }

    /// Diagram-screen commands; nil means "not handled here".
    static func diagramCommand(_ state: inout AppState, _ command: Command) -> [Effect]? {
        let ids = state.design.components.map(\.id.rawValue)
        switch command {
        case .panLeft: state.diagram.pan(dx: -1, dy: 0, size: state.size)
        case .panRight: state.diagram.pan(dx: 1, dy: 0, size: state.size)
        case .panUp: state.diagram.pan(dx: 0, dy: -1, size: state.size)
        case .panDown: state.diagram.pan(dx: 0, dy: 1, size: state.size)
        case .nextNode, .previousNode:
            guard !ids.isEmpty else { return [] }
            let current = state.diagram.focused.flatMap { ids.firstIndex(of: $0) }
            let step = command == .nextNode ? 1 : ids.count - 1
            let next = current.map { ($0 + step) % ids.count } ?? 0
            state.diagram.focused = ids[next]
            selectItem(&state, .components, index: next)
            state.diagram.centreOnFocus(state.size, onlyIfHidden: true)
        case .toggleDirection:
            state.diagram.leftToRight.toggle()
            state.diagram.refresh(state.design)
            state.diagram.centreOnFocus(state.size)
        case .moveDown, .moveUp, .moveTop, .moveBottom, .add, .edit, .delete, .moveItemDown, .moveItemUp,
             .nextPane, .previousPane, .search, .searchNext, .searchPrevious:
            state.message = StatusMessage("The diagram is read-only — Esc returns to the panes to edit", .info)
        default:
            return nil
        }
        return []
    }
}
