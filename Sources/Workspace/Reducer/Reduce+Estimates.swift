import DesignModel
import Estimates
import Foundation
import Interview

/// Estimate templates, the reference card, the capacity notice after an edit, and the
/// interview's estimate phase.
extension Workspace {
    /// `A` on the Estimates list, or `:template` alone: the palette with `template ` typed and
    /// every template listed beside its title (Tab or ↓ ↑ go through them, Enter inserts).
    static func openTemplatePicker(_ state: inout AppState) -> [Effect] {
        if state.readOnly { return readOnlyRefusal(&state) }
        guard let templates = state.estimateAssets.templates?.templates, !templates.isEmpty else {
            state.message = StatusMessage("No estimate templates: " + (state.estimateAssets.problem ?? "none were loaded"), .error)
            return [.bell]
        }
        var palette = Palette()
        palette.editor.setText("template ")
        palette.candidates = templates.map(\.key)
        palette.candidateNotes = templates.map(\.title)
        state.overlays.append(.palette(palette))
        state.message = StatusMessage("Pick a template: Tab or ↓ ↑ go through them, Enter inserts, Esc closes", .info)
        return []
    }

    /// `:template NAME`: inserts the template's estimates at the end of the list (inputs the
    /// design already has are reused, taken names get a suffix), shows the list with the first
    /// of them selected, and says what happened.
    static func insertTemplate(_ state: inout AppState, named word: String, _ env: Environment) -> [Effect] {
        if state.readOnly { return readOnlyRefusal(&state) }
        guard let templates = state.estimateAssets.templates?.templates, !templates.isEmpty else {
            state.message = StatusMessage("No estimate templates: " + (state.estimateAssets.problem ?? "none were loaded"), .error)
            return [.bell]
        }
        let w = word.trimmingCharacters(in: .whitespaces).lowercased()
        let prefixed = templates.filter { $0.key.lowercased().hasPrefix(w) }
        guard let template = templates.first(where: { $0.key.lowercased() == w }) ?? (prefixed.count == 1 ? prefixed[0] : nil) else {
            let keys = templates.map(\.key).joined(separator: ", ")
            state.message = StatusMessage("No template \"\(word)\" — templates: \(keys)", .error)
            return [.bell]
        }
        let existing = Set(state.design.estimates.map(\.name))
        let reused = template.estimates.filter { $0.isInput && existing.contains($0.name) }.map(\.name)
        let kept = template.estimates.filter { !($0.isInput && existing.contains($0.name)) }
        let renamed = zip(kept, template.entriesToInsert(existingNames: existing)).filter { $0.name != $1.name }
            .map { "\($0.name) → \($1.name)" }
        let was = overloadedIDs(state)
        var ids: [ItemID<Estimate>] = []
        mutate(&state, "Insert template \(template.key)", env) { ids = $0.insertTemplate(template) }
        state.screen = .panes
        focus(&state, .estimates)
        if let first = ids.first, let i = state.design.estimates.firstIndex(of: first) { selectItem(&state, .estimates, index: i) }
        var text = "Inserted \(template.title): \(ids.count) estimate\(ids.count == 1 ? "" : "s")"
        if !reused.isEmpty { text += "; uses your " + reused.joined(separator: ", ") }
        if !renamed.isEmpty { text += "; names taken: " + renamed.joined(separator: ", ") }
        state.message = StatusMessage(text + " — e edits, u undoes", .success)
        noteOverload(&state, was: was)
        return []
    }

    /// `R` on the Estimates list, or `:reference`.
    static func openReferenceCard(_ state: inout AppState) {
        guard state.estimateAssets.referenceCard != nil else {
            state.message = StatusMessage("No reference card: " + (state.estimateAssets.problem ?? "it was not loaded"), .error)
            return
        }
        state.overlays.append(.referenceCard(scroll: 0))
    }

    /// After an edit: components that the edit put over capacity (incoming load above capacity
    /// × instances) are said on the status line, after what the edit did.
    /// `was`: the components over capacity before the edit (`overloadedIDs`, taken before it;
    /// not a copy of the whole state, which would make the edit copy the kept load).
    static func noteOverload(_ state: inout AppState, was: Set<ItemID<Component>>) {
        // The load is kept current by the estimate cache: nothing is evaluated here.
        let now = state.estimateCache.load.overloaded
        guard !now.isEmpty else { return }
        let new = now.filter { !was.contains($0.id) }
        guard !new.isEmpty else { return }
        let said = new.prefix(3).map { load -> String in
            let name = state.componentName(load.id)
            guard let incoming = load.incoming, let total = load.totalCapacity else { return name }
            return "\(name) gets \(incoming.text) of \(total.text) (\(DesignLoad.percent(load.utilisation)))"
        }
        let more = new.count > 3 ? " and \(new.count - 3) more" : ""
        let what = new.count == 1 ? "Over capacity: " : "\(new.count) components over capacity: "
        let done = state.message.map { $0.text + " — " } ?? ""
        state.message = StatusMessage(done + what + said.joined(separator: "; ") + more, .error)
    }

    /// The components over capacity now (for `noteOverload` after an edit).
    static func overloadedIDs(_ state: AppState) -> Set<ItemID<Component>> {
        Set(state.estimateCache.load.overloaded.map(\.id))
    }

    /// The interview moved to a phase: the estimate phase opens the Estimates list.
    static func interviewPhaseOpened(_ state: inout AppState, _ phase: InterviewPlan.Phase) {
        guard isEstimatePhase(phase.key) else { return }
        state.screen = .panes
        focus(&state, .estimates)
        if let m = state.message {
            state.message = StatusMessage(m.text + " — Estimates open (A template, R reference card)", m.kind)
        }
    }

    /// A plan's estimate phase, by its key (`estimate`, `estimates`, `estimation`).
    static func isEstimatePhase(_ key: String) -> Bool { key.lowercased().hasPrefix("estimat") }
}
