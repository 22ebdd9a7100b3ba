import DesignModel
import Foundation
import Interview

/// The workspace's one place of change: `(state, action) -> effects`. Pure: no terminal, no files,
/// no clock except through `Environment`.
public enum Workspace {
    public static func reduce(_ state: inout AppState, _ action: Action, _ env: Environment) -> [Effect] {
        let standing = state.message?.failedWrite
        let effects = reduceAction(&state, action, env)
        keepFailedWrite(standing, &state, after: action)
        // The diagram follows the design (undo, a reload) and the screen size while it is shown.
        if state.screen == .diagram {
            state.diagram.refresh(state.design)
            state.diagram.clamp(state.size)
        }
        return effects
    }

    static func reduceAction(_ state: inout AppState, _ action: Action, _ env: Environment) -> [Effect] {
        switch action {
        case .key(let key):
            if let effects = guardedKey(&state, key, env) { return effects }
            state.message = nil
            if !state.overlays.isEmpty { return overlayKey(&state, key, env) }
            guard let command = state.keymap.command(for: key, in: state.keyContext) else {
                if case .char(let c) = key, !c.isWhitespace {
                    state.message = StatusMessage("\(key) does nothing here — press ? for keys", .info)
                }
                return []
            }
            return perform(&state, command, env)

        case .paste(let text):
            return paste(&state, text)

        case .resized(let size):
            state.size = size
            return []

        case .clickedTitle:
            guard state.overlays.isEmpty else { return [] }
            return perform(&state, .editDesignInfo, env)

        case .clickedPane(let pane, let row):
            state.overlays.removeAll { if case .help = $0 { return true }; return false }
            guard state.overlays.isEmpty else { return [] }
            state.screen = .panes
            state.focus = pane
            if let row { select(&state, pane, row) }
            return []

        case .wheel(let pane, let delta):
            guard state.overlays.isEmpty else { return [] }
            select(&state, pane, state.selectedRow(pane) + delta)
            return []

        case .saved(let path, let design):
            state.savedDesign = design
            state.filePath = path
            state.isNewFile = false
            state.message = StatusMessage("Saved \(path)", .success)
            if state.quitting { return [.quit] }
            return []

        case .saveFailed(_, let message):
            state.quitting = false
            state.message = StatusMessage(failed: .document, "Not saved: \(message)")
            return [.bell]

        case .writeProtected(let path):
            return askBeforeWritingProtected(&state, path)

        case .changedOnDisk(let path):
            // A quit waiting for this save goes on once the question is answered with a save.
            let thenQuit = state.quitting
            state.quitting = false
            state.overlays.append(.confirm(Confirm(
                title: "Changed on disk",
                message: "\((path as NSString).lastPathComponent) was changed by another program since you opened it.",
                options: [("o", "Overwrite it", .overwriteChangedFile(thenQuit: thenQuit)), ("r", "Reload (drop my changes)", .reloadFromDisk),
                          ("s", "Save as…", .saveAs), ("c", "Cancel", .cancel)])))
            return [.bell]

        case .exported(let path):
            state.message = StatusMessage("Exported \(path)", .success)
            return []

        case .exportFailed(let message):
            state.message = StatusMessage(failed: .export, "Export failed: \(message)")
            return [.bell]

        case .recoveryCopyFailed(let message):
            return recoveryCopyFailed(&state, message)
        case .recoveryCopyWritten:
            if state.message?.failedWrite?.kind == .recoveryCopy {
                state.message = StatusMessage("The recovery copy is kept again", .success)
            }
            return []
        case .becameReadOnly(let message, let reason):
            state.readOnly = true
            state.readOnlyReason = reason
            state.message = StatusMessage(message, .error)
            return []
        case .startInterview(let now):
            return startInterview(&state, now)
        case .suspendRequested:
            return suspend(&state, env)

        case .opened(let path, let design, let isNew):
            let keep = (state.size, state.themeName)
            // A read-only session stays read-only for every file it opens (like `vim -R`).
            let reason = state.readOnlyReason
            state = AppState(design: design, filePath: path, isNewFile: isNew, readOnly: state.readOnly,
                             catalogue: state.catalogue, keymap: state.keymap)
            (state.size, state.themeName, state.readOnlyReason) = (keep.0, keep.1, reason)
            let how = state.readOnly ? " (read-only)" : ""
            state.message = StatusMessage((isNew ? "New design: \(path)" : "Opened \(path)") + how, .success)
            return []

        case .openFailed(let message):
            state.message = StatusMessage(message, .error)
            return [.bell]

        case .themeChanged(let name, let error):
            if let error {
                state.message = StatusMessage(error, .error)
            } else {
                state.themeName = name
                state.message = StatusMessage("Theme: \(name)", .success)
            }
            return []

        case .tick(let now):
            return interviewInput(&state, .tick, now)
        case .suspending(let now):
            return interviewInput(&state, .suspended, now)
        case .resumedFromSuspend(let now):
            return interviewInput(&state, .resumedFromSuspension, now)
        case .practiceRecorded(let path, let error):
            state.message = error.map { StatusMessage("Practice history not written: \($0)", .error) }
                ?? StatusMessage("Attempt recorded in \(path) — sysdraft practice shows your progress", .success)
            return []
        }
    }

    // MARK: document changes

    /// Applies a change to the document, recording it for undo and stamping `modified`.
    /// Returns false (and records nothing) when the change left the document as it was.
    @discardableResult
    static func mutate(_ state: inout AppState, _ label: String, _ env: Environment,
                       _ body: (inout Design) -> Void) -> Bool {
        let before = UndoHistory.Entry(design: state.design, focus: state.focus, selection: state.selection, label: label)
        var d = state.design
        body(&d)
        guard d != state.design else { return false }
        d.touch(env.now())
        state.history.record(before)
        state.design = d
        noteInterviewActivity(&state, from: before.design, env)
        return true
    }

    // MARK: selection

    static func select(_ state: inout AppState, _ pane: Pane, _ row: Int) {
        let n = state.visibleRows(pane).count
        let new = n == 0 ? 0 : min(max(row, 0), n - 1)
        if state.selection[pane] != new { state.detailScroll = 0 }
        state.selection[pane] = new
    }

    /// Selects the item with a document index, clearing a filter that hides it.
    static func selectItem(_ state: inout AppState, _ pane: Pane, index: Int) {
        if !state.visibleRows(pane).contains(index) { state.filters[pane] = nil }
        if let row = state.visibleRows(pane).firstIndex(of: index) { state.selection[pane] = row }
    }

    /// Rows in a page of the focused pane, from the screen size (a little less than a pane's height).
    static func pageSize(_ state: AppState) -> Int {
        max(1, (state.size.fitsGrid ? (state.size.rows - 10) / 2 : state.size.rows - 6) - 1)
    }
}
