import DesignModel
import Foundation

extension Workspace {
    /// Keys go to the overlay on top.
    static func overlayKey(_ state: inout AppState, _ key: Key, _ env: Environment) -> [Effect] {
        guard let top = state.overlays.popLast() else { return [] }
        switch top {
        case .form(var form):
            switch form.handle(key, keymap: state.keymap, now: env.monotonic()) {
            case .editing:
                form.target.pane?.kind.adjust(&form, state.design)
                StepForms.adjust(&form, state.design)
                form.target.pane?.kind.preview(&form, state)
                state.overlays.append(.form(form))
            case .cancelled:
                if form.isChanged {
                    // Keep the form under the question; "keep editing" returns to it.
                    state.overlays.append(.form(form))
                    state.overlays.append(.confirm(Confirm(
                        title: "Discard changes?",
                        message: "\(form.title): what you typed in this form is not in the design yet.",
                        options: [("d", "Discard them", .discardForm), ("k", "Keep editing", .cancel)])))
                }
            case .confirmed:
                return confirmForm(&state, form, env)
            }

        case .confirm(let confirm):
            if state.keymap.command(for: key, in: .question) == .questionCancel { return [] }
            guard case .char(let c) = key,
                  let option = confirm.options.first(where: { $0.key == Character(c.lowercased()) }) else {
                state.overlays.append(.confirm(confirm))
                return []
            }
            return choose(&state, option.choice, env)

        case .help(let scroll):
            let end = HelpText.maxScroll(state.keymap, size: state.size)
            if let next = dialogScroll(state.keymap, key, scroll, end: end) { state.overlays.append(.help(scroll: next)) }

        case .itemView(let pane, let id, let scroll):
            if pane == .conflicts, let effects = conflictViewKey(&state, id, scroll, key, env) { return effects }
            if state.keymap.command(for: key, in: .panes) == .edit, let i = pane.kind.index(state.design, id) {
                // e from the full view edits the item shown.
                if state.readOnly { return readOnlyRefusal(&state) }
                state.overlays.append(.form(pane.kind.form(state, i)))
                return []
            }
            if state.keymap.command(for: key, in: .panes) == .editRows, !RowTables.tables(pane).isEmpty {
                // r from the full view edits the item's rows; closing the table comes back here.
                state.overlays.append(.itemView(pane, id: id, scroll: scroll))
                return openTableEditor(&state, pane, id: id)
            }
            let end = env.scrollLimit(state, .itemView(pane, id))
            if let next = dialogScroll(state.keymap, key, scroll, end: end) {
                state.overlays.append(.itemView(pane, id: id, scroll: next))
            }

        case .info(let title, let lines, let scroll):
            if key == .char("i") { break }
            if let next = dialogScroll(state.keymap, key, scroll, end: max(0, lines.count - 1)) {
                state.overlays.append(.info(title: title, lines: lines, scroll: next))
            }

        case .search(var editor):
            switch state.keymap.command(for: key, in: .palette) {
            case .paletteClose?:
                state.filters[state.focus] = nil
            case .paletteRun?:
                let n = state.visibleRows(state.focus).count
                state.message = StatusMessage(editor.text.isEmpty ? "Filter cleared"
                    : "\(n) match\(n == 1 ? "" : "es") for \"\(editor.text)\" — n/N move, / then Esc clears", .info)
            case .paletteDown?:
                select(&state, state.focus, state.selectedRow(state.focus) + 1)
                state.overlays.append(.search(editor))
            case .paletteUp?:
                select(&state, state.focus, state.selectedRow(state.focus) - 1)
                state.overlays.append(.search(editor))
            default:
                editor.handle(key, keymap: state.keymap)
                state.filters[state.focus] = editor.text.isEmpty ? nil : editor.text
                select(&state, state.focus, 0)
                state.overlays.append(.search(editor))
            }

        case .palette(var palette):
            return paletteKey(&state, &palette, key, env)

        case .summary(let scroll):
            switch key {
            case .char("a"):
                state.overlays.append(.summary(scroll: scroll))
                if let session = state.interview {
                    state.overlays.append(.form(assessmentForm(session.record(at: state.interviewNow))))
                }
            case .ctrl("s"):
                // Saving the log and the self-assessment without leaving the summary.
                state.overlays.append(.summary(scroll: scroll))
                return save(&state, to: nil)
            default:
                if let next = dialogScroll(state.keymap, key, scroll, end: Int.max / 2) { state.overlays.append(.summary(scroll: next)) }
            }

        case .interviewer(let scroll):
            return interviewerKey(&state, scroll, key, env)

        case .table(let editor):
            return tableKey(&state, editor, key, env)
        case .referenceCard(let scroll):
            if let next = dialogScroll(state.keymap, key, scroll, end: env.scrollLimit(state, .referenceCard)) {
                state.overlays.append(.referenceCard(scroll: next))
            }

        case .notes(var area):
            switch area.handle(key, keymap: state.keymap) {
            case .editing, .leftUp, .leftDown: state.overlays.append(.notes(area))
            case .cancelled: state.message = StatusMessage("Notes not changed", .info)
            case .done:
                if let stage = StageKey(rawValue: area.owner) {
                    let text = area.text
                    if mutate(&state, "Edit notes of stage \(stage.number)", env, { $0.updateStage(stage) { $0.notes = text } }) {
                        state.message = StatusMessage("Notes kept — Ctrl-S saves the file", .info)
                    }
                }
            }
        }
        return []
    }

    /// Keys in a dialog that only shows text: the new scroll position, or nil when it closes.
    static func dialogScroll(_ keymap: Keymap, _ key: Key, _ scroll: Int, end: Int) -> Int? {
        let clamp = { (to: Int) in min(max(0, to), max(0, end)) }
        switch keymap.command(for: key, in: .dialog) {
        case .dialogClose?: return nil
        case .dialogDown?: return clamp(scroll + 1)
        case .dialogUp?: return clamp(scroll - 1)
        case .dialogPageDown?: return clamp(scroll + 10)
        case .dialogPageUp?: return clamp(scroll - 10)
        case .dialogTop?: return 0
        case .dialogBottom?: return clamp(end)
        default: return clamp(scroll)
        }
    }

    static func confirmForm(_ state: inout AppState, _ form: Form, _ env: Environment) -> [Effect] {
        if form.target == .assessment {
            return applyAssessment(&state, form)
        }
        if case .scenario(let target) = form.target { return confirmScenarioForm(&state, form, target, env) }
        var design = state.design
        switch ItemForms.apply(form, to: &design) {
        case .failure(let error):
            var f = form
            f.error = error.message
            if let key = error.field, let i = f.fields.firstIndex(where: { $0.key == key }) { f.focus = i }
            state.overlays.append(.form(f))
        case .success(let id):
            let isNew = form.target.isNew
            let label = form.target == .designInfo ? "Edit title and problem" : (isNew ? "Add " : "Edit ") + id
            let was = overloadedIDs(state)
            mutate(&state, label, env) { $0 = design }
            // Select what was just written.
            switch form.target {
            case .newItem(let pane), .item(let pane, _):
                if let i = pane.kind.index(state.design, id) { selectItem(&state, pane, index: i) }
            case .newCustomItem:
                state.checklist.row = checklistRows(state).count - 1
            default: break
            }
            state.message = StatusMessage(form.target == .designInfo ? "Title and problem updated"
                                          : (isNew ? "Added " : "Updated ") + id, .success)
            if form.target.pane == .conflicts { state.message = resolvedByHand(state, id) }
            noteOverload(&state, was: was)
        }
        return []
    }

    static func choose(_ state: inout AppState, _ choice: Confirm.Choice, _ env: Environment) -> [Effect] {
        switch choice {
        case .deleteItem(let pane, let id):
            deleteItem(&state, pane, id, env)
        case .discardForm:
            if case .form? = state.overlays.last { state.overlays.removeLast() }
            state.message = StatusMessage("Changes discarded", .info)
        case .saveAndQuit:
            if state.readOnly { return readOnlyRefusal(&state) }
            state.quitting = true
            return [.save(state.design, path: state.filePath)]
        case .quitWithoutSaving:
            state.quitting = true
            return [.quit]
        case .overwriteChangedFile(let thenQuit):
            state.quitting = thenQuit
            return [.save(state.design, path: state.filePath, force: true)]
        case .overwriteWriteProtected(let path, let thenQuit):
            state.quitting = thenQuit
            return [.save(state.design, path: path, force: true, overwriteReadOnly: true)]
        case .saveAs:
            var palette = Palette()
            palette.editor.setText("w ")
            state.overlays.append(.palette(palette))
        case .reloadFromDisk:
            return [.open(path: state.filePath)]
        case .finishInterview:
            return interviewInput(&state, .finish, env.monotonic())
        case .resolveAllConflicts(let side):
            return resolveAllConflicts(&state, side, env)
        case .scenario(let choice):
            return scenarioChoice(&state, choice, env)
        case .cancel:
            break
        }
        return []
    }

    static func paste(_ state: inout AppState, _ text: String) -> [Effect] {
        // Nothing goes into a form hidden by the size notice.
        if state.size.isTooSmall { return [] }
        guard let top = state.overlays.popLast() else {
            state.message = StatusMessage("Paste into a field: press a or e first", .info)
            return []
        }
        switch top {
        case .form(var f):
            f.paste(text)
            // A paste is typing too: the form's kind keeps it consistent and previews it.
            f.target.pane?.kind.adjust(&f, state.design)
            f.target.pane?.kind.preview(&f, state)
            state.overlays.append(.form(f))
        case .notes(var area):
            area.insert(text)
            state.overlays.append(.notes(area))
        case .palette(var p):
            p.editor.insert(text)
            state.overlays.append(.palette(p))
        case .search(var e):
            e.insert(text)
            state.filters[state.focus] = e.text.isEmpty ? nil : e.text
            state.overlays.append(.search(e))
        case .table(var t):
            t.paste(text)
            state.overlays.append(.table(t))
        default:
            state.overlays.append(top)
        }
        return []
    }
}
