import DesignModel
import Foundation
import Interview
import Testing
@testable import Workspace

/// Issue 10 in the reducer: failed writes stay in sight, a quit after a failed save does not
/// quit, write-protected files are asked about, nothing reaches a hidden form, Ctrl-C answers,
/// and the runtime never has to synthesise keys or write the state itself.
@Suite struct TrustTests {
    static let failure = "/home/ann/d.json: cannot create a temporary file in /home/ann: Permission denied"

    func failedSave(_ s: inout AppState) {
        _ = send(&s, .char("a"))
        type(&s, "Cache tier")
        _ = send(&s, .enter)
        #expect(Workspace.reduce(&s, .saveFailed(path: s.filePath, message: Self.failure), env) == [.bell])
    }

    @Test("a failed save stays on the status line, naming the path and the reason, under lesser messages")
    func failedSaveStaysVisible() {
        var s = makeState(components: 2)
        failedSave(&s)
        let shown = { s.message?.text ?? "" }
        #expect(shown().hasPrefix("Not saved: " + Self.failure))
        // Keys that clear messages, messages of their own, a filter, an undo: still there.
        send(&s, .char("j"), .char("2"), .char("x"), .tab, .char("u"), .ctrl("r"))
        #expect(shown().hasPrefix("Not saved: " + Self.failure), "after keys: \(shown())")
        send(&s, .char("2"), .char("d"))
        #expect(shown().hasPrefix("Not saved: "))
        #expect(shown().contains("Deleted"), "the lesser message is shown after it: \(shown())")
        #expect(s.message?.kind == .error)
        // A recovery copy failing as well does not replace it (the document matters more)...
        _ = Workspace.reduce(&s, .recoveryCopyFailed(message: "/home/ann/.d.json.sysdraft-recovery: Permission denied"), env)
        #expect(shown().hasPrefix("Not saved: " + Self.failure))
        #expect(shown().contains("Cannot keep a recovery copy"))
        // ...nor does ticking time or a resize.
        _ = Workspace.reduce(&s, .tick(now: .seconds(5)), env)
        _ = Workspace.reduce(&s, .resized(ScreenSize(columns: 120, rows: 40)), env)
        #expect(shown().hasPrefix("Not saved: "))
        // A save that works resolves it.
        _ = Workspace.reduce(&s, .saved(path: "/elsewhere/d.json", design: s.design), env)
        #expect(s.message == StatusMessage("Saved /elsewhere/d.json", .success))
        send(&s, .char("j"))
        #expect(s.message == nil)
    }

    @Test func aGreaterFailureReplacesALesserOneNeverTheOtherWay() {
        var s = makeState(components: 1)
        _ = Workspace.reduce(&s, .exportFailed(message: "/out/r.md: No space left on device"), env)
        #expect(s.message?.failedWrite?.kind == .export)
        _ = Workspace.reduce(&s, .saveFailed(path: s.filePath, message: Self.failure), env)
        #expect(s.message?.failedWrite?.kind == .document)
        _ = Workspace.reduce(&s, .exportFailed(message: "again"), env)
        #expect(s.message?.failedWrite?.kind == .document)
        _ = Workspace.reduce(&s, .exported(path: "/out/r.md"), env)
        #expect(s.message?.failedWrite?.kind == .document, "an export does not resolve a failed save")
    }

    @Test("a recovery copy that keeps failing says so once, not on every loop")
    func recoveryFailuresAreSaidOnce() {
        var s = makeState(components: 1)
        let why = "/home/ann/.d.json.sysdraft-recovery: cannot create a temporary file in /home/ann: Permission denied"
        #expect(Workspace.reduce(&s, .recoveryCopyFailed(message: why), env) == [.bell])
        for _ in 0..<5 {
            send(&s, .char("j"))
            #expect(Workspace.reduce(&s, .recoveryCopyFailed(message: why), env) == [], "no bell each retry")
        }
        #expect(s.message?.text.hasPrefix("Cannot keep a recovery copy: " + why) == true)
        _ = Workspace.reduce(&s, .recoveryCopyWritten, env)
        send(&s, .char("j"))
        #expect(s.message == nil)
    }

    @Test("a quit after a failed save does not quit", arguments: ["confirm", "wq", "x"])
    func quitAfterAFailedSaveStays(how: String) {
        var s = makeState(components: 2)
        send(&s, .char("2"), .char("d"))
        #expect(s.isDirty)
        var effects: [Effect]
        switch how {
        case "confirm":
            _ = send(&s, .char("q"))
            effects = send(&s, .char("y"))
        default:
            _ = send(&s, .char(":"))
            type(&s, how)
            effects = send(&s, .enter)
        }
        #expect(effects == [.save(s.design, path: s.filePath)])
        #expect(s.quitting)
        let after = Workspace.reduce(&s, .saveFailed(path: s.filePath, message: Self.failure), env)
        #expect(!after.contains(.quit) && !s.quitting)
        #expect(s.message?.text.hasPrefix("Not saved: ") == true)
        // A later save that works does not quit by surprise.
        #expect(Workspace.reduce(&s, .saved(path: s.filePath, design: s.design), env) == [])
    }

    @Test("a write-protected file is asked about, as vim does; :w! writes it")
    func writeProtectedFiles() {
        var s = makeState(components: 1)
        send(&s, .char("2"), .char("d"))
        _ = send(&s, .char("q"))
        _ = send(&s, .char("y"))
        #expect(Workspace.reduce(&s, .writeProtected(path: s.filePath), env) == [.bell])
        #expect(!s.quitting, "the quit waits for the answer, then the user quits again")
        let confirm = try! #require(s.topConfirm)
        #expect(confirm.title == "Read-only file")
        #expect(confirm.message.contains("test.json is write-protected"))
        #expect(send(&s, .char("w")) == [.save(s.design, path: s.filePath, force: true, overwriteReadOnly: true)])
        // Cancel writes nothing.
        _ = Workspace.reduce(&s, .writeProtected(path: s.filePath), env)
        #expect(send(&s, .char("c")) == [])
        #expect(s.overlays.isEmpty)
        // :w! and :w! PATH.
        _ = send(&s, .char(":"))
        type(&s, "w!")
        #expect(send(&s, .enter) == [.save(s.design, path: s.filePath, force: true, overwriteReadOnly: true)])
        _ = send(&s, .char(":"))
        type(&s, "w! /tmp/copy.json")
        #expect(send(&s, .enter) == [.save(s.design, path: "/tmp/copy.json", force: true, overwriteReadOnly: true)])
    }

    // MARK: keys

    @Test("on a terminal too small to draw, keys never reach the hidden form")
    func tooSmallIgnoresKeys() {
        var s = makeState(components: 1)
        _ = send(&s, .char("2"), .char("e"), .char("!"))
        let form = try! #require(s.topForm)
        _ = Workspace.reduce(&s, .resized(ScreenSize(columns: 40, rows: 10)), env)
        let before = s
        for key: Key in [.char("x"), .enter, .backspace, .tab, .char(" "), .escape, .char("d"), .ctrl("u"), .ctrl("s")] {
            #expect(Workspace.reduce(&s, .key(key), env) == [])
        }
        _ = Workspace.reduce(&s, .paste("pasted\ntext"), env)
        #expect(s == before, "nothing changed")
        #expect(s.topForm == form)
        #expect(send(&s, .ctrl("l")) == [.redraw])
        // q asks (a form is open with an edit in it), and the question is answered under the notice.
        _ = send(&s, .char("q"))
        #expect(s.topConfirm?.title == "Discard typed text?")
        #expect(s.topConfirm?.message.contains("Edit component comp-1") == true, "it says which form")
        #expect(send(&s, .char("c")) == [])
        #expect(s.topForm == form, "cancel: back to the form")
        _ = send(&s, .char("q"))
        #expect(send(&s, .char("d")) == [.quit])
    }

    @Test func quittingWithAnUntouchedFormOpenDoesNotAsk() {
        var s = makeState(components: 1)
        _ = send(&s, .char("2"), .char("e"))
        _ = Workspace.reduce(&s, .resized(ScreenSize(columns: 40, rows: 10)), env)
        #expect(send(&s, .char("q")) == [.quit], "nothing would be lost")
    }

    @Test func tooSmallWithUnsavedChangesAsksTheUsualQuestion() {
        var s = makeState(components: 2)
        send(&s, .char("2"), .char("d"))
        _ = Workspace.reduce(&s, .resized(ScreenSize(columns: 50, rows: 12)), env)
        _ = send(&s, .char("q"))
        #expect(s.topConfirm?.title == "Unsaved changes")
        #expect(send(&s, .char("y")) == [.save(s.design, path: s.filePath)])
    }

    @Test("Ctrl-C asks the quit question, or says how to get out of a dialog")
    func ctrlC() {
        var clean = makeState(components: 1)
        #expect(send(&clean, .ctrl("c")) == [.quit])
        var dirty = makeState(components: 2)
        send(&dirty, .char("2"), .char("d"))
        #expect(send(&dirty, .ctrl("c")) == [])
        #expect(dirty.topConfirm?.title == "Unsaved changes")
        #expect(send(&dirty, .ctrl("c")) == [])
        #expect(dirty.overlays.isEmpty, "Ctrl-C cancels the question")
        _ = send(&dirty, .char("a"))
        type(&dirty, "half")
        let form = dirty.topForm
        #expect(send(&dirty, .ctrl("c")) == [])
        #expect(dirty.topForm == form, "the form and its text stay")
        #expect(dirty.message?.text.contains("Esc") == true)
    }

    @Test("a paste never answers a question or runs commands")
    func pastesStayText() {
        var s = makeState(components: 2)
        let before = s.design
        _ = Workspace.reduce(&s, .paste("dd\nq\n"), env)
        #expect(s.design == before)
        #expect(s.message?.text.hasPrefix("Paste into a field") == true)
        send(&s, .char("2"), .char("d"))
        _ = send(&s, .char("q"))
        _ = Workspace.reduce(&s, .paste("y"), env)
        #expect(s.topConfirm != nil && !s.quitting)
        _ = send(&s, .escape)
        _ = send(&s, .char("a"))
        _ = Workspace.reduce(&s, .paste("Cache\nq\nd"), env)
        #expect(s.topForm?.text("name") == "Cache q d", "line breaks become spaces in a one-line field")
    }

    // MARK: the runtime asks, the reducer changes state

    @Test func theInterviewStartsByAnActionNotAKey() {
        var s = makeState(components: 1)
        let plan = InterviewPlan(name: "drill", title: "Drill", phases: [
            .init(key: "a", title: "Clarify", plannedSeconds: 300, goal: "Scope", stages: [.requirements]),
        ])
        s.interview = InterviewSession(plan: plan)
        _ = Workspace.reduce(&s, .startInterview(now: .seconds(10)), env)
        #expect(s.interview?.clock == .running)
        #expect(s.design.interview?.started == true)
        _ = Workspace.reduce(&s, .startInterview(now: .seconds(20)), env)
        #expect(s.interview?.clock == .running, "starting twice does not pause it")
        var none = makeState()
        #expect(Workspace.reduce(&none, .startInterview(now: .zero), env) == [])
    }

    @Test("Ctrl-Z and SIGTSTP suspend through the reducer, the interview clock first")
    func suspendIsAnEffect() {
        var s = makeState(components: 1)
        let plan = InterviewPlan(name: "drill", title: "Drill", phases: [
            .init(key: "a", title: "Clarify", plannedSeconds: 300, goal: "Scope", stages: [.requirements]),
        ])
        s.interview = InterviewSession(plan: plan)
        _ = Workspace.reduce(&s, .startInterview(now: .zero), env)
        #expect(send(&s, .ctrl("z")) == [.suspend])
        #expect(s.interview?.isSuspended == true)
        _ = Workspace.reduce(&s, .resumedFromSuspend(now: .seconds(1)), env)
        #expect(s.interview?.isSuspended == false)
        #expect(Workspace.reduce(&s, .suspendRequested, env) == [.suspend])
        #expect(s.interview?.isSuspended == true)
    }

    @Test func becomingReadOnlyIsAnAction() {
        var s = makeState(components: 1)
        _ = Workspace.reduce(&s, .becameReadOnly(message: "Read-only: d.json has fields sysdraft does not know"), env)
        #expect(s.readOnly)
        #expect(s.message?.text.hasPrefix("Read-only:") == true)
        send(&s, .char("2"), .char("d"))
        #expect(s.design.components.count == 1)
        // Every refusal names the real reason, not "open elsewhere".
        #expect(s.message?.text.contains("fields this version does not know") == true)
        #expect(s.message?.text.contains("elsewhere") == false)
    }

    @Test func aRefusedEditSaysWhyTheDesignIsReadOnly() {
        var s = makeState(components: 1)
        s.readOnly = true
        s.readOnlyReason = "opened with --read-only"
        send(&s, .char("2"), .char("a"))
        #expect(s.overlays.isEmpty)
        #expect(s.message?.text.contains("opened with --read-only") == true)
        #expect(s.message?.text.contains(":w PATH") == true)
        // Opening another file keeps the session read-only and keeps the reason.
        _ = Workspace.reduce(&s, .opened(path: "b.json", design: Design(title: "B", now: Date()), isNew: false), env)
        send(&s, .char("2"), .char("a"))
        #expect(s.message?.text.contains("opened with --read-only") == true)
    }
}
