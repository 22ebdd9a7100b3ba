import DesignModel
import Foundation

/// What keeps the user's trust: message priorities (a failed write stays in sight), asking
/// before writing a write-protected file, keys that must not reach a hidden form, Ctrl-C, the
/// interview started by an action rather than a synthesised key, and stop signals.
extension Workspace {
    // MARK: message priorities

    /// The rule of message priorities, applied after every action: a failed write that was on
    /// the status line stays there until a write of its kind succeeds; a lesser message is
    /// shown after it, and only a failure at least as important replaces it.
    static func keepFailedWrite(_ standing: FailedWrite?, _ state: inout AppState, after action: Action) {
        guard let standing, !resolves(action, standing.kind) else { return }
        if let now = state.message?.failedWrite, now.kind >= standing.kind { return }
        var kept = StatusMessage(failed: standing.kind, standing.text)
        if let lesser = state.message?.text, !lesser.isEmpty, lesser != standing.text {
            kept.text = standing.text + " · " + lesser
        }
        state.message = kept
    }

    /// Whether an action means a failed write of `kind` is behind us.
    static func resolves(_ action: Action, _ kind: FailedWrite.Kind) -> Bool {
        switch action {
        // A save wrote the document (perhaps elsewhere, where the session now lives).
        case .saved: kind != .export
        case .exported: kind == .export
        case .recoveryCopyWritten: kind == .recoveryCopy
        case .opened: true
        default: false
        }
    }

    static func recoveryCopyFailed(_ state: inout AppState, _ message: String) -> [Effect] {
        let text = "Cannot keep a recovery copy: \(message)"
        // Said already (the runtime retries now and then): no bell each time.
        if state.message?.failedWrite?.text == text { return [] }
        state.message = StatusMessage(failed: .recoveryCopy, text)
        return [.bell]
    }

    // MARK: write-protected files

    /// The file allows no writing: ask, as vim does, before replacing it.
    static func askBeforeWritingProtected(_ state: inout AppState, _ path: String) -> [Effect] {
        // A quit waiting for this save goes on once the question is answered with a write.
        let thenQuit = state.quitting
        state.quitting = false
        let name = (path as NSString).lastPathComponent
        state.overlays.append(.confirm(Confirm(
            title: "Read-only file",
            message: "\(name) is write-protected (its permissions allow no writing). Write it anyway?",
            options: [("w", "Write anyway", .overwriteWriteProtected(path, thenQuit: thenQuit)), ("s", "Save as…", .saveAs),
                      ("c", "Cancel", .cancel)])))
        return [.bell]
    }

    /// `:w!`: save without asking about a write-protected or changed file, as vim's does.
    static func saveOverriding(_ state: inout AppState, to path: String?) -> [Effect] {
        if state.readOnly && path == nil { return readOnlyRefusal(&state) }
        return [.save(state.design, path: path ?? state.filePath, force: true, overwriteReadOnly: true)]
    }

    // MARK: keys that must go nowhere

    /// Keys handled before the keymap and the overlays: on a terminal too small to draw the
    /// workspace only redraw, quit and the answer to a waiting question get through (nothing
    /// reaches a form nobody can see); Ctrl-C in a dialog says how to get out. Nil: carry on.
    static func guardedKey(_ state: inout AppState, _ key: Key, _ env: Environment) -> [Effect]? {
        if state.size.isTooSmall { return tooSmallKey(&state, key, env) }
        guard key == .ctrl("c"), let top = state.overlays.last else { return nil }
        if case .confirm = top {
            state.overlays.removeLast()
            state.message = StatusMessage("Cancelled", .info)
            return []
        }
        state.message = StatusMessage("Ctrl-C does not quit from a dialog: Esc closes it, then q quits", .info)
        return []
    }

    static func tooSmallKey(_ state: inout AppState, _ key: Key, _ env: Environment) -> [Effect] {
        // The notice shows a waiting question; its keys (and Esc, Ctrl-C) answer it.
        if case .confirm? = state.overlays.last {
            if key == .ctrl("c") {
                state.overlays.removeLast()
                return []
            }
            return overlayKey(&state, key, env)
        }
        switch state.keymap.command(for: key, in: .global) {
        case .redraw?: return [.redraw]
        case .quit?: return quitWithHiddenEditors(&state)
        case .forceQuit?:
            state.quitting = true
            return [.quit]
        default: return []
        }
    }

    /// `q` while a form or the notes editor may be open under the size notice: the quit
    /// question asks whenever something would be lost, typed text included.
    static func quitWithHiddenEditors(_ state: inout AppState) -> [Effect] { quit(&state) }

    // MARK: interview and signals

    /// `sysdraft interview` opens the workspace with the clock running (or resumed).
    static func startInterview(_ state: inout AppState, _ now: Duration) -> [Effect] {
        guard let session = state.interview, session.clock != .running, session.clock != .finished else { return [] }
        return interviewInput(&state, .start, now)
    }

    /// Ctrl-Z, or SIGTSTP from outside: the interview clock stops counting, then the runtime
    /// keeps the recovery copy and stops the process. No bell on the way out.
    static func suspend(_ state: inout AppState, _ env: Environment) -> [Effect] {
        _ = interviewInput(&state, .suspended, env.monotonic())
        return [.suspend]
    }
}
