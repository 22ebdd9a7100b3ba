import DesignModel
import Foundation

extension Workspace {
    /// Keys go to the overlay on top.
    static func overlayKey(_ state: inout AppState, _ key: Key, _ env: Environment) -> [Effect] {
        guard let top = state.overlays.popLast() else { return [] }
        switch top {
        case .form(var form):
            switch form.handle(key) {
            case .editing:
                state.overlays.append(.form(form))
            case .cancelled:
                break
            case .confirmed:
                return confirmForm(&state, form, env)
            }

        case .confirm(let confirm):
            if key == .escape { return [] }
            guard case .char(let c) = key,
                  let option = confirm.options.first(where: { $0.key == Character(c.lowercased()) }) else {
                state.overlays.append(.confirm(confirm))
                return []
            }
            return choose(&state, option.choice, env)

        case .help(let scroll):
            let end = HelpText.maxScroll(state.keymap, size: state.size)
            func scrolled(_ to: Int) -> Overlay { .help(scroll: min(max(0, to), end)) }
            switch key {
            case .escape, .char("q"), .char("?"), .enter: break
            case .char("j"), .down: state.overlays.append(scrolled(scroll + 1))
            case .char("k"), .up: state.overlays.append(scrolled(scroll - 1))
            case .pageDown, .char(" "), .ctrl("d"): state.overlays.append(scrolled(scroll + 10))
            case .pageUp, .ctrl("u"): state.overlays.append(scrolled(scroll - 10))
            case .char("g"), .home: state.overlays.append(scrolled(0))
            case .char("G"), .end: state.overlays.append(scrolled(end))
            default: state.overlays.append(scrolled(scroll))
            }

        case .info(let title, let lines, let scroll):
            switch key {
            case .escape, .char("q"), .enter, .char("i"): break
            case .char("j"), .down: state.overlays.append(.info(title: title, lines: lines, scroll: scroll + 1))
            case .char("k"), .up: state.overlays.append(.info(title: title, lines: lines, scroll: max(0, scroll - 1)))
            default: state.overlays.append(.info(title: title, lines: lines, scroll: scroll))
            }

        case .search(var editor):
            switch key {
            case .escape:
                state.filters[state.focus] = nil
            case .enter:
                let n = state.visibleRows(state.focus).count
                state.message = StatusMessage(editor.text.isEmpty ? "Filter cleared"
                    : "\(n) match\(n == 1 ? "" : "es") for \"\(editor.text)\" — n/N move, / then Esc clears", .info)
            case .down, .ctrl("n"):
                select(&state, state.focus, state.selectedRow(state.focus) + 1)
                state.overlays.append(.search(editor))
            case .up, .ctrl("p"):
                select(&state, state.focus, state.selectedRow(state.focus) - 1)
                state.overlays.append(.search(editor))
            default:
                editor.handle(key)
                state.filters[state.focus] = editor.text.isEmpty ? nil : editor.text
                select(&state, state.focus, 0)
                state.overlays.append(.search(editor))
            }

        case .palette(var palette):
            return paletteKey(&state, &palette, key, env)

        case .summary(let scroll):
            switch key {
            case .escape, .char("q"), .enter: break
            case .char("a"):
                state.overlays.append(.summary(scroll: scroll))
                if let session = state.interview {
                    state.overlays.append(.form(assessmentForm(session.record(at: state.interviewNow))))
                }
            case .char("j"), .down: state.overlays.append(.summary(scroll: scroll + 1))
            case .char("k"), .up: state.overlays.append(.summary(scroll: max(0, scroll - 1)))
            case .ctrl("s"):
                // Saving the log and the self-assessment without leaving the summary.
                state.overlays.append(.summary(scroll: scroll))
                return save(&state, to: nil)
            default: state.overlays.append(.summary(scroll: scroll))
            }

        case .interviewer(let scroll):
            return interviewerKey(&state, scroll, key, env)

        case .notes(var area):
            switch area.handle(key) {
            case .editing: state.overlays.append(.notes(area))
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

    static func confirmForm(_ state: inout AppState, _ form: Form, _ env: Environment) -> [Effect] {
        if form.target == .assessment {
            return applyAssessment(&state, form)
        }
        var design = state.design
        switch ItemForms.apply(form, to: &design) {
        case .failure(let error):
            var f = form
            f.error = error.message
            state.overlays.append(.form(f))
        case .success(let id):
            let isNew: Bool
            switch form.target {
            case .newRequirement, .newComponent, .newFlow, .newTradeOff, .newCustomItem: isNew = true
            default: isNew = false
            }
            let label = (isNew ? "Add " : "Edit ") + id
            mutate(&state, label, env) { $0 = design }
            // Select what was just written.
            switch form.target {
            case .newRequirement, .requirement:
                if let i = state.design.requirements.firstIndex(of: ItemID(id)) { selectItem(&state, .requirements, index: i) }
            case .newComponent, .component:
                if let i = state.design.components.firstIndex(of: ItemID(id)) { selectItem(&state, .components, index: i) }
            case .newFlow, .flow:
                if let i = state.design.flows.firstIndex(of: ItemID(id)) { selectItem(&state, .flows, index: i) }
            case .newTradeOff, .tradeOff:
                if let i = state.design.tradeOffs.firstIndex(of: ItemID(id)) { selectItem(&state, .tradeOffs, index: i) }
            case .newCustomItem:
                state.checklist.row = checklistRows(state).count - 1
            default: break
            }
            state.message = StatusMessage((isNew ? "Added " : "Updated ") + id, .success)
        }
        return []
    }

    static func choose(_ state: inout AppState, _ choice: Confirm.Choice, _ env: Environment) -> [Effect] {
        switch choice {
        case .deleteComponent(let id):
            deleteComponent(&state, ItemID(id), env)
        case .saveAndQuit:
            if state.readOnly { return readOnlyRefusal(&state) }
            state.quitting = true
            return [.save(state.design, path: state.filePath)]
        case .quitWithoutSaving:
            state.quitting = true
            return [.quit]
        case .overwriteChangedFile:
            return [.save(state.design, path: state.filePath, force: true)]
        case .saveAs:
            var palette = Palette()
            palette.editor.setText("w ")
            state.overlays.append(.palette(palette))
        case .reloadFromDisk:
            return [.open(path: state.filePath)]
        case .finishInterview:
            return interviewInput(&state, .finish, env.monotonic())
        case .cancel:
            break
        }
        return []
    }

    static func paste(_ state: inout AppState, _ text: String) -> [Effect] {
        guard let top = state.overlays.popLast() else {
            state.message = StatusMessage("Paste into a field: press a or e first", .info)
            return []
        }
        switch top {
        case .form(var f):
            f.paste(text)
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
        default:
            state.overlays.append(top)
        }
        return []
    }
}
