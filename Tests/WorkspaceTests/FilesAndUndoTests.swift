import DesignModel
import Foundation
import Testing
@testable import Workspace

@Suite struct FilesAndUndoTests {
    @Test func saveAsksTheRuntimeAndAnAnswerCleansTheMarker() {
        var s = makeState(components: 1)
        send(&s, .char("2"), .char("d"))
        #expect(s.isDirty)
        let effects = send(&s, .ctrl("s"))
        #expect(effects == [.save(s.design, path: "/tmp/test.json")])
        _ = Workspace.reduce(&s, .saved(path: "/tmp/test.json", design: s.design), env)
        #expect(!s.isDirty)
        #expect(s.message?.kind == .success)
    }

    @Test func aFailedSaveKeepsTheEditsAndSaysWhy() {
        var s = makeState(components: 1)
        send(&s, .char("2"), .char("d"))
        let effects = Workspace.reduce(&s, .saveFailed(path: "/tmp/test.json", message: "Permission denied"), env)
        #expect(effects == [.bell])
        #expect(s.isDirty)
        #expect(s.message == StatusMessage(failed: .document, "Not saved: Permission denied"))
    }

    @Test func quitWithUnsavedChangesAsks() {
        var s = makeState(components: 1)
        #expect(send(&s, .char("q")) == [.quit], "clean: quits at once")
        s = makeState(components: 1)
        send(&s, .char("2"), .char("d"), .char("q"))
        #expect(s.topConfirm?.title == "Unsaved changes")
        #expect(send(&s, .char("c")).isEmpty)
        #expect(!s.quitting)
        send(&s, .char("q"))
        let effects = send(&s, .char("y"))
        #expect(effects == [.save(s.design, path: "/tmp/test.json")])
        #expect(s.quitting)
        #expect(Workspace.reduce(&s, .saved(path: "/tmp/test.json", design: s.design), env) == [.quit])
    }

    @Test func quitWithoutSaving() {
        var s = makeState(components: 1)
        send(&s, .char("2"), .char("d"), .char("q"))
        #expect(send(&s, .char("n")) == [.quit])
    }

    @Test func undoRedoAndTheSavedState() {
        var s = makeState(components: 3)
        send(&s, .char("2"), .char("d"), .char("d"))
        #expect(s.design.components.map(\.name) == ["C2"])
        send(&s, .char("u"))
        #expect(s.design.components.map(\.name) == ["C1", "C2"])
        send(&s, .char("u"))
        #expect(s.design.components.map(\.name) == ["C0", "C1", "C2"])
        #expect(!s.isDirty, "undo back to the saved state clears the marker")
        send(&s, .char("u"))
        #expect(s.message?.text == "Nothing to undo")
        send(&s, .ctrl("r"))
        #expect(s.design.components.map(\.name) == ["C1", "C2"])
        #expect(s.isDirty)
        send(&s, .ctrl("y"))
        #expect(s.design.components.map(\.name) == ["C2"])
    }

    @Test func undoBringsBackFlowsDeletedWithTheirComponent() throws {
        var s = makeState(components: 2)
        try s.design.addFlow(from: "comp-1", to: "comp-2", label: "x")
        s.savedDesign = s.design
        let before = s.design
        send(&s, .char("2"), .char("d"), .char("y"))
        #expect(s.design.flows.isEmpty)
        send(&s, .char("u"))
        #expect(s.design == before)
        #expect(!s.isDirty)
    }

    @Test func aNewEditForgetsTheRedoStack() {
        var s = makeState(components: 3)
        send(&s, .char("2"), .char("d"), .char("u"))
        send(&s, .char("J"))
        send(&s, .ctrl("r"))
        #expect(s.message?.text == "Nothing to redo")
    }

    @Test func readOnlyRefusesEditsButAllowsSaveAs() {
        var s = makeState(components: 1)
        s.readOnly = true
        send(&s, .char("2"), .char("d"))
        #expect(s.design.components.count == 1)
        #expect(s.message?.kind == .error)
        #expect(send(&s, .ctrl("s")) == [.bell])
        send(&s, .char(":"))
        type(&s, "w /tmp/copy.json")
        #expect(send(&s, .enter) == [.save(s.design, path: "/tmp/copy.json")])
    }

    @Test func aReadOnlySessionOpensOtherFilesReadOnly() {
        var s = makeState(components: 1)
        s.readOnly = true
        send(&s, .char(":"))
        type(&s, "e /tmp/other.json")
        #expect(send(&s, .enter) == [.open(path: "/tmp/other.json")])
        _ = Workspace.reduce(&s, .opened(path: "/tmp/other.json", design: Design(title: "Other", now: fixedNow), isNew: false), env)
        #expect(s.filePath == "/tmp/other.json" && s.readOnly)
        #expect(s.message?.text.contains("read-only") == true)
        send(&s, .char("a"))
        #expect(s.overlays.isEmpty, "no form opens in a read-only session")
    }
}

@Suite struct ChangedOnDiskTests {
    @Test func asksBeforeOverwritingAFileChangedElsewhere() {
        var s = makeState(components: 1)
        send(&s, .char("2"), .char("d"))
        #expect(Workspace.reduce(&s, .changedOnDisk(path: "/tmp/test.json"), env) == [.bell])
        #expect(s.topConfirm?.title == "Changed on disk")
        #expect(send(&s, .char("o")) == [.save(s.design, path: "/tmp/test.json", force: true)])
        _ = Workspace.reduce(&s, .changedOnDisk(path: "/tmp/test.json"), env)
        #expect(send(&s, .char("r")) == [.open(path: "/tmp/test.json")])
        _ = Workspace.reduce(&s, .changedOnDisk(path: "/tmp/test.json"), env)
        send(&s, .char("s"))
        guard case .palette(let p)? = s.overlays.last else { Issue.record("no save-as prompt"); return }
        #expect(p.editor.text == "w ")
    }

    @Test func aRefusedSaveCancelsAPendingQuit() {
        var s = makeState(components: 1)
        send(&s, .char("2"), .char("d"), .char("q"), .char("y"))
        #expect(s.quitting)
        _ = Workspace.reduce(&s, .changedOnDisk(path: "/tmp/test.json"), env)
        #expect(!s.quitting)
    }
}
