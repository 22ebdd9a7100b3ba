import DesignModel
import Foundation

/// A question the step editor asks before a change that takes steps with it.
public enum ScenarioChoice: Equatable, Sendable {
    /// Delete the entries at `range` of a list (steps, and blocks with everything in them).
    case deleteEntries(ItemID<Scenario>, ScenarioListPath, ClosedRange<Int>)
    /// Dissolve the block, keeping its steps.
    case unwrap(ItemID<Scenario>, ScenarioPath)
    /// Remove one branch of a block, with its steps.
    case removeBranch(ItemID<Scenario>, ScenarioPath, Int)
}

/// The scenario screens: opening the step editor (`s`) and the sequence diagram (`S`) on a
/// scenario, the jump to the architecture diagram with the scenario highlighted (`D`), adding
/// the data flow a step needs (`f`), and keeping the screens valid as the design changes.
extension Workspace {
    /// Commands the scenario screens take before anything else: opening them, the diagram jump
    /// and its way back, and every command while one of them is shown. Nil: not handled here.
    static func scenarioCommand(_ state: inout AppState, _ command: Command, _ env: Environment) -> [Effect]? {
        switch command {
        case .scenarioSteps: return openScenarioScreen(&state, .steps)
        case .scenarioSequence: return openScenarioScreen(&state, .sequence)
        case .diagram: return jumpToDiagram(&state)
        case .panes where state.screen == .diagram && state.scenarioScreens.diagramReturn != nil:
            let back = state.scenarioScreens.diagramReturn ?? .panes
            state.scenarioScreens.diagramReturn = nil
            state.screen = back
            if back == .panes { focus(&state, .scenarios) }
            return []
        case .addMissingFlow where state.screen == .diagram:
            // The diagram shows a scenario's path: add the first hop it is missing.
            guard let id = state.scenarioScreens.highlighted, state.diagram.highlight != nil,
                  let s = state.design.scenarios[id: id] else {
                state.message = StatusMessage("F adds the flows a highlighted scenario is missing (D from a scenario highlights it)", .info)
                return []
            }
            guard let first = state.design.unsupportedSteps(in: s).first else {
                state.message = StatusMessage("Every step of \(id) travels on a data flow", .info)
                return []
            }
            return addMissingFlow(&state, scenario: id, step: first.number, env)
        case .addMissingFlow where state.screen == .panes:
            guard state.focus == .scenarios, let i = state.selectedIndex(.scenarios) else {
                state.message = StatusMessage("f adds a missing data flow in a scenario's steps or sequence (\(Pane.scenarios.number) goes to Scenarios)", .info)
                return []
            }
            let s = state.design.scenarios[i]
            guard let first = state.design.unsupportedSteps(in: s).first else {
                state.message = StatusMessage("Every step of \(s.id) travels on a data flow", .info)
                return []
            }
            return addMissingFlow(&state, scenario: s.id, step: first.number, env)
        default:
            break
        }
        switch state.screen {
        case .steps: return stepsCommand(&state, command, env)
        case .sequence: return sequenceCommand(&state, command, env)
        default: return nil
        }
    }

    /// The scenario a command acts on: the one on screen, else the one selected in the list.
    static func contextScenario(_ state: AppState) -> ItemID<Scenario>? {
        switch state.screen {
        case .steps, .sequence:
            return state.scenarioScreens.scenario
        case .panes:
            guard state.focus == .scenarios, let i = state.selectedIndex(.scenarios) else { return nil }
            return state.design.scenarios[i].id
        default:
            return nil
        }
    }

    /// Opens the step editor or the sequence diagram on the scenario in context, keeping the
    /// selected step in view when switching between the two.
    static func openScenarioScreen(_ state: inout AppState, _ screen: Screen) -> [Effect] {
        let from = state.screen
        guard let id = contextScenario(state) else {
            let what = screen == .steps ? "steps" : "sequence diagram"
            if state.itemCount(.scenarios) == 0 {
                state.message = StatusMessage("No scenarios yet — \(Pane.scenarios.number) goes to Scenarios, a adds one, then its \(what)", .info)
            } else {
                state.message = StatusMessage("Select a scenario first (\(Pane.scenarios.number) goes to Scenarios) to see its \(what)", .info)
            }
            return []
        }
        var screens = state.scenarioScreens
        if screens.scenario != id {
            screens.editor = StepEditor()
            let ascii = screens.sequence.ascii
            screens.sequence = SequenceView()
            screens.sequence.ascii = ascii
        }
        screens.scenario = id
        state.scenarioScreens = screens
        state.screen = screen
        guard let s = state.design.scenarios[id: id] else { return [] }
        if screen == .sequence {
            // The step selected in the editor is the one to look at.
            var focusStep: Int?
            if from == .steps, let row = state.scenarioScreens.editor.selected(in: s), case .step(let n) = row.kind { focusStep = n }
            refreshScenarioScreens(&state)
            state.scenarioScreens.sequence.focusStep = focusStep
            if let focusStep { state.scenarioScreens.sequence.reveal(step: focusStep, size: state.size) }
        } else if from == .sequence, let n = state.scenarioScreens.sequence.focusStep,
                  let step = s.numberedSteps.first(where: { $0.number == n }),
                  let row = StepEditor.row(of: step.path, in: s) {
            state.scenarioScreens.editor.row = row
        }
        return []
    }

    /// `D` from a scenario: the architecture diagram with the components and flows the
    /// scenario uses highlighted and the rest dimmed; Esc comes back. From anywhere else the
    /// highlight goes and the diagram opens as usual (nil: not handled here).
    static func jumpToDiagram(_ state: inout AppState) -> [Effect]? {
        guard let id = contextScenario(state), let s = state.design.scenarios[id: id] else {
            state.diagram.clearHighlight()
            state.scenarioScreens.highlighted = nil
            state.scenarioScreens.diagramReturn = nil
            return nil
        }
        let usage = state.design.usage(of: s)
        state.scenarioScreens.diagramReturn = state.screen
        state.scenarioScreens.highlighted = id
        state.diagram.highlightPath(components: Set(usage.components.map(\.rawValue)), flows: Set(usage.flows.map(\.rawValue)))
        state.screen = .diagram
        state.diagram.refresh(state.design)
        // Centre on where the story starts; no component is singled out (its own flows would
        // light up and blur the scenario's path).
        state.diagram.focused = usage.components.first?.rawValue
        state.diagram.centreOnFocus(state.size)
        state.diagram.focused = nil
        let n = usage.components.count, f = usage.flows.count
        let missing = state.design.unsupportedSteps(in: s).count
        var text = n == 0 ? "\(s.id) names no component of the design yet"
            : "\(s.id) uses \(n) component\(n == 1 ? "" : "s") and \(f) flow\(f == 1 ? "" : "s"), the rest is dimmed"
        if missing > 0 { text += " · \(missing) step\(missing == 1 ? "" : "s") without a flow: F adds it" }
        state.message = StatusMessage(text + " · Esc back", .info)
        return []
    }

    /// Adds the data flow that puts step `number` of a scenario into the architecture (one
    /// undoable change). A step that names a flow by hand which does not fit goes back to
    /// matching first; when a flow then fits, nothing is added.
    static func addMissingFlow(_ state: inout AppState, scenario id: ItemID<Scenario>, step number: Int,
                               _ env: Environment) -> [Effect] {
        if state.readOnly { return readOnlyRefusal(&state) }
        guard let s = state.design.scenarios[id: id],
              let u = state.design.unsupportedSteps(in: s).first(where: { $0.number == number }) else {
            state.message = StatusMessage("Step \(number) already travels on a data flow", .info)
            return []
        }
        guard var proposal = u.proposal else {
            if case .unknownComponent(let c) = u.match {
                state.message = StatusMessage("Step \(number) names \(c), which is not a component: add it (2 Components) or change the step (e)", .error)
            }
            return [.bell]
        }
        if proposal.label.allSatisfy(\.isWhitespace) { proposal.label = "" }
        var added: ItemID<Flow>?
        var cleared = false
        mutate(&state, "Add the flow for step \(number) of \(id)", env) { d in
            guard let i = d.scenarios.firstIndex(of: id) else { return }
            var step = u.step
            if step.flow != nil {
                // A flow named by hand that does not connect the two: match again instead.
                step.flow = nil
                try? d.scenarios[i].updateStep(at: u.path, step)
                cleared = true
                if d.flowMatch(for: step).isInArchitecture { return }
            }
            added = try? d.addFlow(proposal)
        }
        let from = state.componentName(proposal.from), to = state.componentName(proposal.to)
        if let added {
            state.message = StatusMessage("Added \(added) \(from) → \(to) for step \(number) — u undoes; its protocol is \"other\" until edited", .success)
        } else if cleared {
            state.message = StatusMessage("Step \(number) no longer names a flow by hand: it now matches one — u undoes", .success)
        }
        if state.screen == .diagram, state.scenarioScreens.highlighted == id, let s = state.design.scenarios[id: id] {
            // The new edge joins the highlighted path.
            let usage = state.design.usage(of: s)
            state.diagram.highlightPath(components: Set(usage.components.map(\.rawValue)), flows: Set(usage.flows.map(\.rawValue)))
            let left = state.design.unsupportedSteps(in: s).count
            if added != nil, left > 0 { state.message?.text = "Added \(added!) for step \(number) — u undoes · \(left) more without a flow: F adds the next" }
        }
        refreshScenarioScreens(&state)
        return []
    }

    /// Answers to the step editor's questions.
    static func scenarioChoice(_ state: inout AppState, _ choice: ScenarioChoice, _ env: Environment) -> [Effect] {
        if state.readOnly { return readOnlyRefusal(&state) }
        switch choice {
        case .deleteEntries(let id, let list, let range):
            deleteEntries(&state, id, list, range, env)
        case .unwrap(let id, let path):
            unwrapBlock(&state, id, path, env)
        case .removeBranch(let id, let path, let branch):
            removeBranch(&state, id, path, branch, env)
        }
        return []
    }

    /// A confirmed step editor form: the change is one undoable edit, and the editor selects
    /// what it wrote.
    static func confirmScenarioForm(_ state: inout AppState, _ form: Form, _ target: ScenarioFormTarget,
                                    _ env: Environment) -> [Effect] {
        if state.readOnly { return readOnlyRefusal(&state) }
        var design = state.design
        switch StepForms.apply(form, target, to: &design) {
        case .failure(let error):
            var f = form
            f.error = error.message
            state.overlays.append(.form(f))
        case .success(let anchor):
            let id = target.scenario
            let changed = mutate(&state, undoLabel(target), env) { $0 = design }
            // A block edited from one of its rows keeps that row selected.
            if case .block = target {} else { select(&state, anchor) }
            guard let s = state.design.scenarios[id: id] else { break }
            guard changed else {
                state.message = StatusMessage("Nothing changed", .info)
                break
            }
            let node = s.node(at: anchor.path)
            var text: String
            switch target {
            case .newStep, .step:
                let number = s.numberedSteps.first { $0.path == anchor.path }?.number ?? 0
                text = (target == .step(id, anchor.path) ? "Changed" : "Added") + " step \(number) of \(id)"
                if let step = node?.step, !state.design.flowMatch(for: step).isInArchitecture {
                    text += " — not in the architecture yet: f adds the flow it needs"
                }
            case .wrap: text = "Wrapped in \(node?.block?.kind.rawValue ?? "a") block — b adds a branch, W unwraps"
            case .block: text = "Changed the \(node?.block?.kind.rawValue ?? "") block"
            case .newBranch:
                let word = node?.block.map { $0.kind.keyword(branch: anchor.branch ?? 1) } ?? "new"
                text = "Added a branch: \(word) — a adds a step in it"
            }
            state.message = StatusMessage(text + " (u undoes)", .success)
        }
        return []
    }

    static func undoLabel(_ target: ScenarioFormTarget) -> String {
        switch target {
        case .newStep(let id, _): "Add a step to \(id)"
        case .step(let id, _): "Edit a step of \(id)"
        case .wrap(let id, _, _): "Wrap steps of \(id) in a block"
        case .block(let id, _): "Edit a block of \(id)"
        case .newBranch(let id, _): "Add a branch in \(id)"
        }
    }

    /// Puts the step editor's selection on an entry or a branch.
    static func select(_ state: inout AppState, _ anchor: StepAnchor) {
        guard let id = state.scenarioScreens.scenario, let s = state.design.scenarios[id: id],
              let row = StepEditor.row(of: anchor.path, branch: anchor.branch, in: s) else { return }
        state.scenarioScreens.editor.row = row
        state.scenarioScreens.editor.mark = nil
    }

    /// After every action: a scenario screen whose scenario is gone (an undo, a reload) goes
    /// back to the list; the selection stays on the outline; the drawing follows the design and
    /// the screen's size.
    static func refreshScenarioScreens(_ state: inout AppState) {
        guard state.screen == .steps || state.screen == .sequence else { return }
        guard let id = state.scenarioScreens.scenario, let s = state.design.scenarios[id: id] else {
            state.screen = .panes
            focus(&state, .scenarios)
            state.message = StatusMessage("That scenario is no longer in the design", .info)
            return
        }
        let rows = s.outline.count
        var editor = state.scenarioScreens.editor
        editor.row = min(max(0, editor.row), max(0, rows - 1))
        if let m = editor.mark, m >= rows { editor.mark = nil }
        if editor != state.scenarioScreens.editor { state.scenarioScreens.editor = editor }
        if state.screen == .sequence {
            state.scenarioScreens.sequence.refresh(state.design, scenario: id, size: state.size)
            state.scenarioScreens.sequence.clamp(state.size)
        }
    }
}
