import DesignModel

/// The sequence screen's commands: scrolling both ways, stepping through the steps not in the
/// architecture (the drawing scrolls to each), adding the flow one needs, ASCII or Unicode.
extension Workspace {
    static func sequenceCommand(_ state: inout AppState, _ command: Command, _ env: Environment) -> [Effect]? {
        guard let id = state.scenarioScreens.scenario else {
            state.screen = .panes
            return nil
        }
        refreshScenarioScreens(&state)
        guard state.screen == .sequence else { return [] }
        let size = state.size
        let rows = state.scenarioScreens.sequence.bodyRows(size)
        let missing = state.scenarioScreens.sequence.layout?.unsupported ?? []
        switch command {
        case .panLeft: state.scenarioScreens.sequence.scroll(dx: -SequenceView.scrollStep, dy: 0, size: size)
        case .panRight: state.scenarioScreens.sequence.scroll(dx: SequenceView.scrollStep, dy: 0, size: size)
        case .panUp: state.scenarioScreens.sequence.scroll(dx: 0, dy: -1, size: size)
        case .panDown: state.scenarioScreens.sequence.scroll(dx: 0, dy: 1, size: size)
        case .pageDown: state.scenarioScreens.sequence.scroll(dx: 0, dy: max(1, rows - 1), size: size)
        case .pageUp: state.scenarioScreens.sequence.scroll(dx: 0, dy: -max(1, rows - 1), size: size)
        case .moveTop: state.scenarioScreens.sequence.scroll(toX: 0, y: 0, size: size)
        case .moveBottom: state.scenarioScreens.sequence.scroll(y: Int.max / 2, size: size)
        case .sequenceNextMissing, .sequencePreviousMissing:
            guard !missing.isEmpty else {
                state.message = StatusMessage("Every step travels on a data flow of the architecture", .info)
                return []
            }
            var view = state.scenarioScreens.sequence
            let n = missing.count
            // The first press selects the first (or last) one; later ones step on.
            if view.focusStep == missing[min(view.missing, n - 1)].number {
                view.missing = (view.missing + (command == .sequenceNextMissing ? 1 : n - 1)) % n
            } else {
                view.missing = command == .sequenceNextMissing ? min(view.missing, n - 1) : n - 1
            }
            view.focusStep = missing[view.missing].number
            view.reveal(step: missing[view.missing].number, size: size)
            state.scenarioScreens.sequence = view
        case .addMissingFlow:
            guard !missing.isEmpty else {
                state.message = StatusMessage("Every step travels on a data flow of the architecture", .info)
                return []
            }
            let pick = missing[min(state.scenarioScreens.sequence.missing, missing.count - 1)]
            let effects = addMissingFlow(&state, scenario: id, step: pick.number, env)
            // The next one still missing is selected.
            let left = state.scenarioScreens.sequence.layout?.unsupported ?? []
            if let next = left.firstIndex(where: { $0.number > pick.number }) ?? (left.isEmpty ? nil : 0) {
                state.scenarioScreens.sequence.missing = next
                state.scenarioScreens.sequence.focusStep = left[next].number
            } else {
                // Nothing left: the step just put into the architecture stays in sight.
                state.scenarioScreens.sequence.focusStep = pick.number
            }
            return effects
        case .sequenceASCII:
            state.scenarioScreens.sequence.ascii.toggle()
            refreshScenarioScreens(&state)
            state.message = StatusMessage(state.scenarioScreens.sequence.ascii ? "Drawn in ASCII" : "Drawn with box-drawing characters", .info)
        case .panes:
            state.screen = .panes
            focus(&state, .scenarios)
            if let i = state.design.scenarios.firstIndex(of: id) { selectItem(&state, .scenarios, index: i) }
        case .add, .edit, .delete, .moveItemDown, .moveItemUp, .stepAdd, .stepEdit, .stepDelete, .stepMoveDown,
             .stepMoveUp, .stepIndent, .stepOutdent, .stepWrap, .stepUnwrap, .stepAddBranch, .stepRemoveBranch, .stepMark,
             .search, .searchNext, .searchPrevious, .nextPane, .previousPane, .viewItem:
            state.message = StatusMessage("The sequence diagram is read-only — s edits the steps, Esc goes back to the list", .info)
        default:
            return nil
        }
        return []
    }
}
