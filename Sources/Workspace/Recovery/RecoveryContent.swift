import DesignModel

/// What the recovery copy holds: the document, plus what is typed into an open form or the
/// notes editor, applied as if it had been confirmed. Text typed into a dialog is work too: if
/// sysdraft is killed with a half-filled form, the next start offers the design with that item
/// in it (a new item gets its id, an edited one its new values), and stage notes being written
/// come back as the stage's notes.
///
/// A form that would not apply (no name yet) adds nothing. A new item's form counts only once
/// something is typed into one of its text fields, so merely opening "add" never puts an empty
/// item into the copy. The self-assessment form is left out (it belongs to the interview).
public enum RecoveryContent {
    public static func design(_ state: AppState) -> Design {
        guard !state.overlays.isEmpty else { return state.design }
        var design = state.design
        for overlay in state.overlays {
            switch overlay {
            case .form(let form):
                guard form.target != .assessment, !isUntouchedNewItem(form) else { continue }
                var applied = design
                // An edit form nobody changed applies to the same design: keep the original
                // (its storage), so the runtime's comparisons stay cheap.
                if case .success = ItemForms.apply(form, to: &applied), applied != design { design = applied }
            case .notes(let area):
                if let stage = StageKey(rawValue: area.owner) {
                    design.updateStage(stage) { $0.notes = area.text }
                }
            default:
                break
            }
        }
        return design
    }

    static func isUntouchedNewItem(_ form: Form) -> Bool {
        switch form.target {
        case .newItem, .newCustomItem:
            return !form.fields.contains { field in
                switch field.value {
                case .text(let editor): !editor.text.isEmpty
                case .multiline(let area): !area.text.isEmpty
                default: false
                }
            }
        default:
            return false
        }
    }
}
