import DesignModel
import DesignReview

extension Workspace {
    /// Review-screen commands; nil means "not handled here".
    static func reviewCommand(_ state: inout AppState, _ command: Command, _ env: Environment) -> [Effect]? {
        let rows = reviewRows(state)
        let row = min(max(state.reviewCursor.row, 0), max(0, rows.count - 1))
        let page = max(1, state.size.rows - 14)
        func setStage(_ s: StageKey?) {
            state.reviewCursor.stage = s
            state.reviewCursor.row = 0
        }
        // All stages, then 1 to 10, round.
        let stops: [StageKey?] = [nil] + StageKey.allCases.map(Optional.some)
        let at = stops.firstIndex(of: state.reviewCursor.stage) ?? 0
        switch command {
        case .moveDown: state.reviewCursor.row = min(row + 1, max(0, rows.count - 1))
        case .moveUp: state.reviewCursor.row = max(0, row - 1)
        case .moveTop: state.reviewCursor.row = 0
        case .moveBottom: state.reviewCursor.row = max(0, rows.count - 1)
        case .pageDown: state.reviewCursor.row = min(row + page, max(0, rows.count - 1))
        case .pageUp: state.reviewCursor.row = max(0, row - page)
        case .nextStage, .nextPane: setStage(stops[(at + 1) % stops.count])
        case .previousStage, .previousPane: setStage(stops[(at + stops.count - 1) % stops.count])
        case .reviewJump:
            guard rows.indices.contains(row) else {
                state.message = StatusMessage("No findings here", .info)
                return []
            }
            jump(&state, to: rows[row].finding)
        case .reviewAccept:
            if state.readOnly { return readOnlyRefusal(&state) }
            guard rows.indices.contains(row) else {
                state.message = StatusMessage("No finding to accept", .info)
                return []
            }
            switch rows[row] {
            case .open(let f):
                state.overlays.append(.form(AcceptedFindingKind.form(nil, in: state, selecting: f.key)))
            case .accepted(let a):
                state.overlays.append(.form(AcceptedFindingKind.form(a.acceptance, in: state)))
            }
        case .reviewReopen:
            if state.readOnly { return readOnlyRefusal(&state) }
            guard rows.indices.contains(row), case .accepted(let a) = rows[row] else {
                state.message = StatusMessage("Only an accepted finding can be reopened (a accepts one)", .info)
                return []
            }
            let id = a.acceptance.id
            if mutate(&state, "Reopen \(a.finding.rule)", env, { $0.acceptedFindings.removeAll { $0.id == id } }) {
                state.message = StatusMessage("Reopened: \(a.finding.message) — u undoes", .info)
            }
        case .add:
            // `a` on the Review screen accepts, as its hint says.
            return reviewCommand(&state, .reviewAccept, env)
        case .delete:
            return reviewCommand(&state, .reviewReopen, env)
        case .edit:
            return reviewCommand(&state, .reviewJump, env)
        default:
            return nil
        }
        return []
    }

    /// Goes to the item a finding is about: the first of its items that has a list in the
    /// workspace, selected on the panes screen; for a finding about the whole design, its stage
    /// in the checklist.
    static func jump(_ state: inout AppState, to finding: ReviewFinding) {
        for id in finding.items {
            guard let kind = ItemKinds.kind(holding: id, in: state.design), let i = kind.index(state.design, id) else { continue }
            state.screen = .panes
            focus(&state, kind.pane)
            selectItem(&state, kind.pane, index: i)
            state.message = StatusMessage(finding.message, finding.severity == .error ? .error : .info)
            return
        }
        if let id = finding.items.first {
            let list = state.design.itemIDs[id] ?? "the design file"
            state.message = StatusMessage("\(id) is in \(list), which has no list in the workspace yet: edit it in the design file", .info)
            return
        }
        state.screen = .checklist
        state.checklist.stage = finding.stage
        state.checklist.row = 0
        state.message = StatusMessage(finding.message, .info)
    }
}
