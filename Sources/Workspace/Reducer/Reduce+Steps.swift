import DesignModel

/// The step editor's commands. Every change is one of the model's pure step-list operations,
/// run through `mutate` (one undo step each); a refused one says why and changes nothing.
extension Workspace {
    static func stepsCommand(_ state: inout AppState, _ command: Command, _ env: Environment) -> [Effect]? {
        guard let id = state.scenarioScreens.scenario, let s = state.design.scenarios[id: id] else {
            state.screen = .panes
            return nil
        }
        let rows = s.outline
        let editor = state.scenarioScreens.editor
        let row = editor.selected(in: s)
        func moveTo(_ r: Int) { state.scenarioScreens.editor.row = min(max(0, r), max(0, rows.count - 1)) }
        let page = max(1, state.size.rows - 14)
        switch command {
        case .moveDown: moveTo(editor.row + 1)
        case .moveUp: moveTo(editor.row - 1)
        case .moveTop: moveTo(0)
        case .moveBottom: moveTo(rows.count - 1)
        case .pageDown: moveTo(editor.row + page)
        case .pageUp: moveTo(editor.row - page)
        case .stepMark:
            if editor.mark == nil {
                guard !rows.isEmpty else { return [] }
                state.scenarioScreens.editor.mark = editor.row
                state.message = StatusMessage("Range from here: move, then w wraps it or d deletes it — V or Esc ends it", .info)
            } else {
                state.scenarioScreens.editor.mark = nil
            }
        case .panes:
            if editor.mark != nil {
                state.scenarioScreens.editor.mark = nil
            } else {
                state.screen = .panes
                focus(&state, .scenarios)
                if let i = state.design.scenarios.firstIndex(of: id) { selectItem(&state, .scenarios, index: i) }
            }
        case .addMissingFlow:
            guard let row, case .step(let n) = row.kind else {
                state.message = StatusMessage("Select a step marked ⚠ (not in the architecture): f adds the flow it needs", .info)
                return []
            }
            return addMissingFlow(&state, scenario: id, step: n, env)

        case .stepAdd, .stepEdit, .stepDelete, .stepMoveDown, .stepMoveUp, .stepIndent, .stepOutdent,
             .stepWrap, .stepUnwrap, .stepAddBranch, .stepRemoveBranch:
            if state.readOnly { return readOnlyRefusal(&state) }
            return editSteps(&state, command, s, row, env)

        case .add, .edit, .delete, .moveItemDown, .moveItemUp, .search, .searchNext, .searchPrevious, .clearFilter,
             .viewItem, .detailsDown, .detailsUp, .nextPane, .previousPane, .focusRequirements, .focusComponents,
             .focusFlows, .focusTradeOffs, .focusPane5, .focusPane6, .focusPane7, .focusPane8, .focusPane9:
            state.message = StatusMessage("In the step editor: a adds a step, Enter edits, Esc goes back to the list", .info)
        case .sequenceNextMissing, .sequencePreviousMissing, .sequenceASCII, .panLeft, .panRight, .panUp, .panDown:
            state.message = StatusMessage("S shows the sequence diagram", .info)
        default:
            return nil
        }
        return []
    }

    /// The editing commands, on the selected row (or the marked range).
    static func editSteps(_ state: inout AppState, _ command: Command, _ s: Scenario, _ row: ScenarioOutlineRow?,
                          _ env: Environment) -> [Effect] {
        let id = s.id
        let design = state.design
        if command == .stepAdd {
            if design.components.isEmpty {
                state.message = StatusMessage("Add components first (\(Pane.components.number) Components): a step goes from one to another", .error)
                return []
            }
            let position = row.map { Scenario.position(after: $0) } ?? ScenarioPosition(index: 0)
            // The nearest step above the new one, to start from where the story is.
            let rows = s.outline
            let upTo = min(max(0, state.scenarioScreens.editor.row), max(0, rows.count - 1))
            let previous = rows.isEmpty ? nil : rows[0...upTo].last { if case .step = $0.kind { true } else { false } }
                .flatMap { s.node(at: $0.path)?.step }
            state.overlays.append(.form(StepForms.step(design, scenario: s, new: position, path: nil, after: previous)))
            return []
        }
        guard let row else {
            state.message = StatusMessage("No steps yet — a adds the first one", .info)
            return []
        }
        switch command {
        case .stepEdit:
            switch row.kind {
            case .step:
                state.overlays.append(.form(StepForms.step(design, scenario: s, new: nil, path: row.path)))
            case .blockStart, .blockEnd:
                if let f = StepForms.block(s, path: row.path) { state.overlays.append(.form(f)) }
            case .branch(let i):
                if let f = StepForms.block(s, path: row.path, focusBranch: i) { state.overlays.append(.form(f)) }
            }

        case .stepDelete:
            guard let (list, range) = state.scenarioScreens.editor.targetEntries(in: s) else { return [] }
            if state.scenarioScreens.editor.mark == nil, case .branch(let b) = row.kind {
                return askRemoveBranch(&state, s, row.path, b, env)
            }
            let entries = (s.entries(at: list) ?? [])
            let inRange = range.filter { entries.indices.contains($0) }.map { entries[$0] }
            let steps = inRange.reduce(0) { $0 + $1.stepCount }
            let blocks = inRange.filter { $0.block != nil }.count
            if blocks == 0 && inRange.count == 1 {
                deleteEntries(&state, id, list, range, env)
                return []
            }
            let what = inRange.count == 1 ? "the \(inRange[0].block?.kind.rawValue ?? "") block" : "\(inRange.count) entries"
            var options: [(key: Character, label: String, choice: Confirm.Choice)] = [
                ("y", "Yes, delete", .scenario(.deleteEntries(id, list, range)))]
            if inRange.count == 1, blocks == 1 { options.append(("u", "Unwrap it, keep the steps", .scenario(.unwrap(id, list.entry(range.lowerBound))))) }
            options.append(("n", "No", .cancel))
            state.overlays.append(.confirm(Confirm(
                title: "Delete steps", message: "Delete \(what) and the \(steps) step\(steps == 1 ? "" : "s") in \(inRange.count == 1 ? "it" : "them")?",
                options: options)))

        case .stepMoveDown, .stepMoveUp, .stepIndent, .stepOutdent:
            let path = row.path
            let down = command == .stepMoveDown
            var moved: ScenarioPath?
            var refusal: String?
            mutate(&state, "\(command.title) in \(id)", env) { d in
                guard let i = d.scenarios.firstIndex(of: id) else { return }
                var sc = d.scenarios[i]
                do throws(ScenarioEditError) {
                    switch command {
                    case .stepMoveDown: moved = try sc.moveDown(at: path)
                    case .stepMoveUp: moved = try sc.moveUp(at: path)
                    case .stepIndent: moved = try sc.indent(at: path)
                    default: moved = try sc.outdent(at: path)
                    }
                } catch {
                    refusal = error.description
                    return
                }
                if sc.blockNesting > Design.maxScenarioNesting {
                    refusal = "blocks nest at most \(Design.maxScenarioNesting) deep"
                    moved = nil
                    return
                }
                if moved != nil { d.scenarios[i] = sc }
            }
            if let moved {
                select(&state, StepAnchor(moved))
            } else {
                let why: String
                switch command {
                case .stepIndent: why = "Nothing to move into: the entry above is not a block (w wraps in one)"
                case .stepOutdent: why = "Already at the top level"
                default: why = down ? "Already the last" : "Already the first"
                }
                state.message = StatusMessage(refusal.map { "Cannot: \($0)" } ?? why, .info)
            }

        case .stepWrap:
            guard let (list, range) = state.scenarioScreens.editor.targetEntries(in: s) else { return [] }
            if list.indices.count / 2 + 1 > Design.maxScenarioNesting {
                state.message = StatusMessage("Blocks nest at most \(Design.maxScenarioNesting) deep", .error)
                return []
            }
            var form = StepForms.wrap(s, list: list, range: range)
            if range.count > 1 { form.title = "Wrap \(range.count) entries in a block" }
            state.overlays.append(.form(form))

        case .stepUnwrap:
            guard let (path, _) = StepEditor.block(around: row) else {
                state.message = StatusMessage("Not in a block: W unwraps the block the selection is in", .info)
                return []
            }
            unwrapBlock(&state, id, path, env)

        case .stepAddBranch:
            guard let (path, _) = StepEditor.block(around: row), case .block(let b)? = s.node(at: path) else {
                state.message = StatusMessage("b adds a branch to a block: select one, or w wraps steps in one first", .info)
                return []
            }
            if let max = b.kind.maxBranches, b.branches.count >= max {
                state.message = StatusMessage("\(b.kind.rawValue) blocks have one branch (alt, par and retry take more: e changes the kind)", .info)
                return []
            }
            if let f = StepForms.branch(s, block: path) { state.overlays.append(.form(f)) }

        case .stepRemoveBranch:
            if case .blockEnd = row.kind {
                state.message = StatusMessage("Select the branch to remove (its first row)", .info)
                return []
            }
            guard let (path, branch) = StepEditor.block(around: row) else {
                state.message = StatusMessage("Not in a block: select a branch row (else, and, fallback) to remove it", .info)
                return []
            }
            return askRemoveBranch(&state, s, path, branch, env)

        default:
            break
        }
        return []
    }

    static func askRemoveBranch(_ state: inout AppState, _ s: Scenario, _ path: ScenarioPath, _ branch: Int,
                                _ env: Environment) -> [Effect] {
        guard case .block(let b)? = s.node(at: path), b.branches.indices.contains(branch) else { return [] }
        if b.branches.count == 1 {
            state.message = StatusMessage("A block keeps at least one branch: d deletes the block, W unwraps it", .info)
            return []
        }
        let steps = b.branches[branch].steps.reduce(0) { $0 + $1.stepCount }
        if steps == 0 {
            removeBranch(&state, s.id, path, branch, env)
            return []
        }
        let word = b.kind.keyword(branch: branch)
        state.overlays.append(.confirm(Confirm(
            title: "Remove a branch",
            message: "Remove the \(word) branch\(b.branches[branch].condition.isEmpty ? "" : " [\(b.branches[branch].condition)]") and its \(steps) step\(steps == 1 ? "" : "s")?",
            options: [("y", "Yes, remove it", .scenario(.removeBranch(s.id, path, branch))), ("n", "No", .cancel)])))
        return []
    }

    // MARK: changes

    static func deleteEntries(_ state: inout AppState, _ id: ItemID<Scenario>, _ list: ScenarioListPath,
                              _ range: ClosedRange<Int>, _ env: Environment) {
        var removed = 0
        mutate(&state, "Delete steps of \(id)", env) { d in
            guard let i = d.scenarios.firstIndex(of: id) else { return }
            for index in range.reversed() {
                if let node = try? d.scenarios[i].remove(at: list.entry(index)) { removed += node.stepCount }
            }
        }
        state.scenarioScreens.editor.mark = nil
        if let s = state.design.scenarios[id: id] {
            let rows = s.outline
            // The row that now stands where the first deleted entry stood, or the one above.
            let at = StepEditor.row(of: list.entry(range.lowerBound), in: s)
                ?? (range.lowerBound > 0 ? StepEditor.row(of: list.entry(range.lowerBound - 1), in: s) : nil)
            state.scenarioScreens.editor.row = min(at ?? state.scenarioScreens.editor.row, max(0, rows.count - 1))
        }
        state.message = StatusMessage("Deleted \(removed) step\(removed == 1 ? "" : "s") — u undoes", .info)
    }

    static func unwrapBlock(_ state: inout AppState, _ id: ItemID<Scenario>, _ path: ScenarioPath, _ env: Environment) {
        var kind = ""
        mutate(&state, "Unwrap a block of \(id)", env) { d in
            guard let i = d.scenarios.firstIndex(of: id) else { return }
            kind = d.scenarios[i].node(at: path)?.block?.kind.rawValue ?? ""
            _ = try? d.scenarios[i].unwrap(at: path)
        }
        state.scenarioScreens.editor.mark = nil
        if let s = state.design.scenarios[id: id], let row = StepEditor.row(of: path, in: s) {
            state.scenarioScreens.editor.row = row
        }
        state.message = StatusMessage("Unwrapped the \(kind) block; its steps stay — u undoes", .info)
    }

    static func removeBranch(_ state: inout AppState, _ id: ItemID<Scenario>, _ path: ScenarioPath, _ branch: Int,
                             _ env: Environment) {
        var failure: String?
        mutate(&state, "Remove a branch in \(id)", env) { d in
            guard let i = d.scenarios.firstIndex(of: id) else { return }
            do throws(ScenarioEditError) {
                try d.scenarios[i].removeBranch(branch, ofBlockAt: path)
            } catch {
                failure = error.description
            }
        }
        if let failure {
            state.message = StatusMessage("Cannot: \(failure)", .info)
            return
        }
        select(&state, StepAnchor(path, branch: branch > 0 ? branch - 1 : nil))
        state.message = StatusMessage("Removed the branch — u undoes", .info)
    }
}
