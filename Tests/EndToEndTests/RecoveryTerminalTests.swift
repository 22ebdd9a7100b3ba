import DesignModel
import DesignStorage
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Helpers for the recovery, lock and changed-on-disk scenarios (and the stress loop).
enum Recovery {
    /// Ends a tmux session's server for good. `kill-server` alone does not: the server inherits
    /// the test runner's blocked signal mask (SIGTERM blocked), and tmux's kill-server is a
    /// SIGTERM to itself, so servers (and any sysdraft still running in them) outlive the tests.
    static func close(_ t: TmuxSession) {
        let out = (try? t.tmux(["display-message", "-p", "#{pid} #{socket_path}"]).stdout) ?? ""
        let parts = out.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ", maxSplits: 1)
        if let first = parts.first, let pid = Int32(first), pid > 1 { kill(pid, SIGKILL) }
        if parts.count == 2 { unlink(String(parts[1])) }
    }

    static func recoveryPath(_ dir: TempDir, _ name: String = "d.json") -> String { dir.file(".\(name).sysdraft-recovery") }
    static func lockPath(_ dir: TempDir, _ name: String = "d.json") -> String { dir.file(".\(name).sysdraft-lock") }

    /// Polls until `predicate` holds for the file's bytes (nil when missing), on the monotonic
    /// clock; returns how long it took, or nil after `timeout`.
    @discardableResult
    static func waitForFile(_ path: String, timeout: Duration = .seconds(10),
                            _ predicate: (Data?) -> Bool) -> Duration? {
        let clock = ContinuousClock()
        let start = clock.now
        while clock.now - start < timeout {
            if predicate(FileManager.default.contents(atPath: path)) { return clock.now - start }
            usleep(20_000)
        }
        return nil
    }

    static func design(_ data: Data?) -> Design? {
        guard let data else { return nil }
        return try? DesignCodec.decode(data)
    }

    static func requirementCount(_ data: Data?) -> Int? {
        guard let data, let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        return (obj["requirements"] as? [Any])?.count
    }

    static func componentNames(_ data: Data?) -> [String] {
        guard let data, let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [] }
        return ((obj["components"] as? [[String: Any]]) ?? []).compactMap { $0["name"] as? String }
    }

    /// The pid of the sysdraft running in the session, waiting for it to appear.
    static func pid(_ t: TmuxSession) throws -> Int32 {
        let clock = ContinuousClock()
        let start = clock.now
        while clock.now - start < .seconds(10) {
            if let p = try t.programPID() { return p }
            usleep(20_000)
        }
        Issue.record("no sysdraft process in the session; screen:\n\(try t.screen())")
        throw TmuxTimeout()
    }

    static func lockOwner(_ path: String) -> Int32? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return text.split(separator: "\n").first.flatMap { Int32($0) }
    }

    static func tempLeftovers(_ dir: TempDir) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.contains(".tmp-") }
    }

    /// Opens d.json (the worked example), deletes two requirements and adds a component through
    /// the form, waits until the recovery copy holds all of it, then kills sysdraft with SIGKILL.
    /// Returns the document's bytes, which the crash must not have touched.
    static func crashWithEdits(_ dir: TempDir) throws -> Data? {
        try sysdraft("new", dir.file("d.json"), "--from", "url-shortener")
        let original = contents(dir.file("d.json"))
        let t = try TmuxSession("\(Repo.binary) d.json", cwd: dir.path)
        defer { Recovery.close(t) }
        try t.waitFor(text: "1 Requirements (14)")
        try t.keys("d"); try t.waitFor(text: "1 Requirements (13)")
        try t.keys("d"); try t.waitFor(text: "1 Requirements (12)")
        try t.keys("2", "a"); try t.waitFor(text: "New component")
        try t.type("Recovery cache"); try t.keys("Enter")
        try t.waitFor(text: "2 Components (13)")
        // The last change is on screen now; the copy follows it (within 2 s: RecoveryScheduleTests
        // checks that timing on a fake clock, since a loaded machine stretches real time).
        let took = waitForFile(recoveryPath(dir)) {
            requirementCount($0) == 12 && componentNames($0).contains("Recovery cache")
        }
        try #require(took != nil, "the recovery copy never held the edits")
        let pid = try pid(t)
        #expect(lockOwner(lockPath(dir)) == pid)
        kill(pid, SIGKILL)
        try t.waitFor(text: "EXITED=137")
        #expect(contents(dir.file("d.json")) == original, "a crash leaves the document alone")
        #expect(FileManager.default.fileExists(atPath: lockPath(dir)), "kill -9 leaves a stale lock behind")
        #expect(try DesignFile.load(recoveryPath(dir)).requirements.count == 12, "the copy is a complete design")
        return original
    }
}

/// Autosave, crash recovery, the lock between two instances, and files changed on disk, as a
/// user meets them in a real terminal.
@Suite(.serialized) struct RecoveryTerminalTests {
    @Test func killedSessionIsRecoveredAndSaved() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        _ = try Recovery.crashWithEdits(dir)

        let t = try TmuxSession("\(Repo.binary) d.json", cwd: dir.path)

        defer { Recovery.close(t) }
        let prompt = try t.waitFor(text: "[r] recover them")
        #expect(prompt.contains("Unsaved edits to d.json from an earlier session"))
        #expect(prompt.contains("[d] discard them") && prompt.contains("[o] open the file read-only"))
        #expect(!prompt.contains("another sysdraft"), "the stale lock is taken over without asking")
        try t.type("r"); try t.keys("Enter")
        let screen = try t.waitFor(text: "1 Requirements (12)")
        #expect(screen.contains("2 Components (13)"))
        #expect(screen.contains("Recovered unsaved edits"))
        #expect(screen.contains("[+]"), "recovered edits are unsaved until Ctrl-S")
        #expect(Recovery.lockOwner(Recovery.lockPath(dir)) == (try Recovery.pid(t)))
        try t.keys("C-s")
        try t.waitFor(text: "Saved")
        #expect(Recovery.requirementCount(contents(dir.file("d.json"))) == 12)
        #expect(Recovery.componentNames(contents(dir.file("d.json"))).contains("Recovery cache"))
        #expect(Recovery.waitForFile(Recovery.recoveryPath(dir)) { $0 == nil } != nil, "a save removes the copy")
        try t.keys("q")
        try t.waitFor(text: "EXITED=0")
        #expect(!FileManager.default.fileExists(atPath: Recovery.lockPath(dir)))
        #expect(try DesignFile.load(dir.file("d.json")).requirements.count == 12)
    }

    @Test func discardingTheCopyLeavesTheFile() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let original = try Recovery.crashWithEdits(dir)

        let t = try TmuxSession("\(Repo.binary) d.json", cwd: dir.path)

        defer { Recovery.close(t) }
        try t.waitFor(text: "[r] recover them")
        try t.type("d"); try t.keys("Enter")
        let screen = try t.waitFor(text: "1 Requirements (14)")
        #expect(!screen.contains("[+]"))
        #expect(!FileManager.default.fileExists(atPath: Recovery.recoveryPath(dir)), "discard removes the copy")
        try t.keys("q")
        try t.waitFor(text: "EXITED=0")
        #expect(contents(dir.file("d.json")) == original)

        // Nothing is offered any more.
        let t2 = try TmuxSession("\(Repo.binary) d.json", cwd: dir.path)
        defer { Recovery.close(t2) }
        let again = try t2.waitFor(text: "1 Requirements (14)")
        #expect(!again.contains("recover"))
        try t2.keys("q")
        try t2.waitFor(text: "EXITED=0")
    }

    @Test func openingReadOnlyKeepsTheCopyForLater() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let original = try Recovery.crashWithEdits(dir)

        let t = try TmuxSession("\(Repo.binary) d.json", cwd: dir.path)

        defer { Recovery.close(t) }
        try t.waitFor(text: "[r] recover them")
        try t.type("o"); try t.keys("Enter")
        let screen = try t.waitFor(text: "1 Requirements (14)")
        #expect(screen.contains("[read-only]"))
        try t.keys("d")
        try t.waitFor(text: "Read-only (unsaved edits from an earlier session are kept)")
        #expect(try t.screen().contains("1 Requirements (14)"), "the edit key was refused")
        try t.keys("C-s")
        try t.waitFor(text: "Read-only (")
        try t.keys("q")
        try t.waitFor(text: "EXITED=0")
        #expect(contents(dir.file("d.json")) == original)
        #expect(Recovery.requirementCount(contents(Recovery.recoveryPath(dir))) == 12, "the copy is still there")
        #expect(!FileManager.default.fileExists(atPath: Recovery.lockPath(dir)), "read-only does not leave a lock")

        // Answered without a prompt: --recovery recover.
        let t2 = try TmuxSession("\(Repo.binary) d.json --recovery recover", cwd: dir.path)
        defer { Recovery.close(t2) }
        let recovered = try t2.waitFor(text: "1 Requirements (12)")
        #expect(recovered.contains("Recovered unsaved edits"))
        try t2.keys("q")
        try t2.waitFor(text: "before quitting?")
        try t2.keys("n")
        try t2.waitFor(text: "EXITED=0")
        #expect(contents(dir.file("d.json")) == original)
        #expect(!FileManager.default.fileExists(atPath: Recovery.recoveryPath(dir)), "a clean exit removes the copy")
    }

    @Test func quittingAtTheRecoveryPromptChangesNothing() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let original = try Recovery.crashWithEdits(dir)
        let copy = contents(Recovery.recoveryPath(dir))
        let t = try TmuxSession("\(Repo.binary) d.json", cwd: dir.path)
        defer { Recovery.close(t) }
        try t.waitFor(text: "[r] recover them")
        try t.type("q"); try t.keys("Enter")
        try t.waitFor(text: "EXITED=0")
        #expect(contents(dir.file("d.json")) == original)
        #expect(contents(Recovery.recoveryPath(dir)) == copy)
        #expect(!FileManager.default.fileExists(atPath: Recovery.lockPath(dir)), "quitting frees the lock")
    }

    /// The file changed after the crash (a checkout, another editor): the copy is older than the
    /// file but still holds edits that exist nowhere else, so it is offered, not dropped.
    @Test func aCopyOlderThanAChangedFileIsStillOffered() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        _ = try Recovery.crashWithEdits(dir)
        var design = try DesignFile.load(dir.file("d.json"))
        design.title = "Changed after the crash"
        try DesignFile.save(design, to: dir.file("d.json"))
        let t = try TmuxSession("\(Repo.binary) d.json", cwd: dir.path)
        defer { Recovery.close(t) }
        let prompt = try t.waitFor(text: "[r] recover them")
        #expect(prompt.replacingOccurrences(of: "\n", with: "").contains("the file has changed since"))
        try t.type("r"); try t.keys("Enter")
        try t.waitFor(text: "1 Requirements (12)")
        try t.keys("q"); try t.waitFor(text: "before quitting?")
        try t.keys("n"); try t.waitFor(text: "EXITED=0")
    }

    @Test func aSecondInstanceIsWarnedAndATakeoverNeedsNoQuestion() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        try sysdraft("new", dir.file("d.json"), "--from", "url-shortener")
        let original = contents(dir.file("d.json"))
        let first = try TmuxSession("\(Repo.binary) d.json", cwd: dir.path)
        defer { Recovery.close(first) }
        try first.waitFor(text: "1 Requirements (14)")
        let firstPID = try Recovery.pid(first)
        #expect(Recovery.lockOwner(Recovery.lockPath(dir)) == firstPID)
        try first.keys("d")
        try first.waitFor(text: "1 Requirements (13)")
        #expect(Recovery.waitForFile(Recovery.recoveryPath(dir)) { Recovery.requirementCount($0) == 13 } != nil)

        // A second instance that answers q starts nothing and leaves the lock alone.
        let quitter = try TmuxSession("\(Repo.binary) d.json", cwd: dir.path)
        defer { Recovery.close(quitter) }
        try quitter.waitFor(text: "[q] quit")
        try quitter.type("q"); try quitter.keys("Enter")
        try quitter.waitFor(text: "EXITED=0")
        #expect(Recovery.lockOwner(Recovery.lockPath(dir)) == firstPID)

        let second = try TmuxSession("\(Repo.binary) d.json", cwd: dir.path)

        defer { Recovery.close(second) }
        let warning = try second.waitFor(text: "[r] open read-only")
        #expect(warning.contains("d.json is open in another sysdraft (process \(firstPID) on "))
        try second.type("r"); try second.keys("Enter")
        let screen = try second.waitFor(text: "1 Requirements (14)")
        #expect(screen.contains("[read-only]"))
        try second.keys("d")
        try second.waitFor(text: "Read-only (open in another sysdraft, process \(firstPID))")
        try second.keys("q")
        try second.waitFor(text: "EXITED=0")
        #expect(Recovery.lockOwner(Recovery.lockPath(dir)) == firstPID, "the read-only instance left the lock alone")
        #expect(Recovery.requirementCount(contents(Recovery.recoveryPath(dir))) == 13,
                "…and the first instance's recovery copy")

        // The first one still edits and its lock still counts.
        try first.keys("d")
        try first.waitFor(text: "1 Requirements (12)")
        #expect(Recovery.waitForFile(Recovery.recoveryPath(dir)) { Recovery.requirementCount($0) == 12 } != nil)
        kill(firstPID, SIGKILL)
        try first.waitFor(text: "EXITED=137")
        #expect(Recovery.lockOwner(Recovery.lockPath(dir)) == firstPID, "a stale lock stays behind")

        let third = try TmuxSession("\(Repo.binary) d.json --recovery recover", cwd: dir.path)

        defer { Recovery.close(third) }
        let taken = try third.waitFor("the workspace or a question") {
            $0.contains("1 Requirements (") || $0.contains("another sysdraft")
        }
        #expect(!taken.contains("another sysdraft"), "the lock of a dead process is taken over silently")
        #expect(taken.contains("1 Requirements (12)"), "the killed instance's edits are recovered")
        let thirdPID = try Recovery.pid(third)
        #expect(Recovery.lockOwner(Recovery.lockPath(dir)) == thirdPID)
        try third.keys("q")
        try third.waitFor(text: "before quitting?")
        try third.keys("n")
        try third.waitFor(text: "EXITED=0")
        #expect(!FileManager.default.fileExists(atPath: Recovery.lockPath(dir)))
        #expect(contents(dir.file("d.json")) == original)
    }

    /// Writes a valid design with one trade-off fewer and a new title, as another program would.
    private func changeOnDisk(_ path: String) throws -> Data? {
        var design = try DesignFile.load(path)
        design.tradeOffs.removeLast()
        design.title = "Edited elsewhere"
        try DesignFile.save(design, to: path)
        return contents(path)
    }

    @Test func savingOverAFileChangedOnDiskAsksAndCancelOrOverwriteDoWhatTheySay() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        try sysdraft("new", dir.file("d.json"), "--from", "url-shortener")
        let t = try TmuxSession("\(Repo.binary) d.json", cwd: dir.path)
        defer { Recovery.close(t) }
        try t.waitFor(text: "1 Requirements (14)")
        try t.keys("d")
        try t.waitFor(text: "1 Requirements (13)")
        let external = try changeOnDisk(dir.file("d.json"))

        try t.keys("C-s")
        let dialog = try t.waitFor(text: "Changed on disk")
        #expect(dialog.contains("d.json was changed by another program since you opened it."))
        #expect(dialog.contains("Overwrite") && dialog.contains("Reload") && dialog.contains("Save as"))
        try t.keys("c")
        try t.waitFor("the dialog to close") { !$0.contains("Changed on disk") }
        #expect(contents(dir.file("d.json")) == external, "cancel leaves the other program's version")
        #expect(try t.screen().contains("[+]"), "and keeps my edits unsaved")

        try t.keys("C-s")
        try t.waitFor(text: "Changed on disk")
        try t.keys("o")
        try t.waitFor(text: "Saved")
        let saved = try DesignFile.load(dir.file("d.json"))
        #expect(saved.requirements.count == 13, "overwrite writes my edit")
        #expect(saved.tradeOffs.count == 5 && saved.title != "Edited elsewhere", "…over the other version")

        // Saved bytes are the new baseline: the next save does not ask again.
        try t.keys("d")
        try t.waitFor(text: "1 Requirements (12)")
        try t.keys("C-s")
        try t.waitFor(text: "Saved")
        #expect(!(try t.screen()).contains("Changed on disk"))
        #expect(try DesignFile.load(dir.file("d.json")).requirements.count == 12)
        try t.keys("q")
        try t.waitFor(text: "EXITED=0")
    }

    @Test func reloadingAFileChangedOnDiskShowsTheOtherVersion() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        try sysdraft("new", dir.file("d.json"), "--from", "url-shortener")
        let t = try TmuxSession("\(Repo.binary) d.json", cwd: dir.path)
        defer { Recovery.close(t) }
        try t.waitFor(text: "4 Trade-offs (5)")
        try t.keys("d")
        try t.waitFor(text: "1 Requirements (13)")
        // Let the recovery copy be written, so reloading must also drop it.
        #expect(Recovery.waitForFile(Recovery.recoveryPath(dir)) { Recovery.requirementCount($0) == 13 } != nil)
        let external = try changeOnDisk(dir.file("d.json"))
        try t.keys("C-s")
        try t.waitFor(text: "Changed on disk")
        try t.keys("r")
        let screen = try t.waitFor(text: "4 Trade-offs (4)")
        #expect(screen.contains("1 Requirements (14)"), "my edit was dropped")
        #expect(!screen.contains("[+]"))
        #expect(contents(dir.file("d.json")) == external)
        #expect(!FileManager.default.fileExists(atPath: Recovery.recoveryPath(dir)), "no copy of dropped edits")
        #expect(Recovery.lockOwner(Recovery.lockPath(dir)) == (try Recovery.pid(t)), "still holds the lock")
        try t.keys("q")
        try t.waitFor(text: "EXITED=0")
        #expect(contents(dir.file("d.json")) == external)
    }
}

/// `:e FILE` inside the workspace respects the same lock and recovery copy as the command line.
@Suite(.serialized) struct RecoveryEditCommandTests {
    @Test func editingAFileAnotherInstanceHoldsIsRefused() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        try sysdraft("new", dir.file("a.json"), "--from", "url-shortener")
        try sysdraft("new", dir.file("b.json"), "--title", "Other")
        let a = try TmuxSession("\(Repo.binary) a.json", cwd: dir.path)
        defer { Recovery.close(a) }
        try a.waitFor(text: "1 Requirements (14)")
        let aPID = try Recovery.pid(a)
        let b = try TmuxSession("\(Repo.binary) b.json", cwd: dir.path)
        defer { Recovery.close(b) }
        try b.waitFor(text: "b.json")
        let bPID = try Recovery.pid(b)
        try b.keys(":"); try b.type("e a.json"); try b.keys("Enter")
        let screen = try b.waitFor(text: "a.json is open in another sysdraft (process \(aPID)")
        #expect(screen.contains("— b.json"), "still on b.json")
        #expect(Recovery.lockOwner(Recovery.lockPath(dir, "a.json")) == aPID)
        #expect(Recovery.lockOwner(Recovery.lockPath(dir, "b.json")) == bPID, "b keeps its own lock")
        try b.keys("q"); try b.waitFor(text: "EXITED=0")
        try a.keys("q"); try a.waitFor(text: "EXITED=0")
    }

    @Test func editingAFileWithARecoveryCopyIsRefusedAndTheCopyKept() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        _ = try Recovery.crashWithEdits(dir)
        let copy = contents(Recovery.recoveryPath(dir))
        try sysdraft("new", dir.file("b.json"), "--title", "Other")
        let b = try TmuxSession("\(Repo.binary) b.json", cwd: dir.path)
        defer { Recovery.close(b) }
        try b.waitFor(text: "b.json")
        try b.keys(":"); try b.type("e d.json"); try b.keys("Enter")
        try b.waitFor(text: "d.json has unsaved edits from an earlier session")
        #expect(contents(Recovery.recoveryPath(dir)) == copy)
        try b.keys("q"); try b.waitFor(text: "EXITED=0")
        #expect(contents(Recovery.recoveryPath(dir)) == copy)
        // The stale lock of the killed instance did not stop the check, and b left it alone.
        let t = try TmuxSession("\(Repo.binary) d.json --recovery recover", cwd: dir.path)
        defer { Recovery.close(t) }
        try t.waitFor(text: "1 Requirements (12)")
        try t.keys("q"); try t.waitFor(text: "before quitting?")
        try t.keys("n"); try t.waitFor(text: "EXITED=0")
    }

    @Test func editingAFreeFileMovesTheLock() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        try sysdraft("new", dir.file("a.json"), "--from", "url-shortener")
        try sysdraft("new", dir.file("b.json"), "--title", "Other")
        let b = try TmuxSession("\(Repo.binary) b.json", cwd: dir.path)
        defer { Recovery.close(b) }
        try b.waitFor(text: "b.json")
        let bPID = try Recovery.pid(b)
        try b.keys(":"); try b.type("e a.json"); try b.keys("Enter")
        try b.waitFor(text: "1 Requirements (14)")
        #expect(Recovery.lockOwner(Recovery.lockPath(dir, "a.json")) == bPID)
        #expect(!FileManager.default.fileExists(atPath: Recovery.lockPath(dir, "b.json")))
        try b.keys("q"); try b.waitFor(text: "EXITED=0")
        #expect(!FileManager.default.fileExists(atPath: Recovery.lockPath(dir, "a.json")))
    }
}

@Suite(.serialized) struct RecoveryDamagedCopyTests {
    /// A copy that cannot be read (damaged, or from a newer sysdraft) is never overwritten by
    /// opening the file anyway: recovering it stops with the reason.
    @Test func anUnreadableCopyStopsRecoveryAndIsKept() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        try sysdraft("new", dir.file("d.json"), "--from", "url-shortener")
        let original = contents(dir.file("d.json"))
        let copyPath = Recovery.recoveryPath(dir)
        try Data("{ \"schemaVersion\": 1, \"title\": ".utf8).write(to: URL(fileURLWithPath: copyPath))
        var times = [timeval(tv_sec: time(nil) + 5, tv_usec: 0), timeval(tv_sec: time(nil) + 5, tv_usec: 0)]
        utimes(copyPath, &times)
        let damaged = contents(copyPath)
        let t = try TmuxSession("\(Repo.binary) d.json", cwd: dir.path)
        defer { Recovery.close(t) }
        try t.waitFor(text: "[r] recover them")
        try t.type("r"); try t.keys("Enter")
        let screen = try t.waitFor(text: "EXITED=3")
        #expect(screen.contains("the recovery copy cannot be read"))
        #expect(contents(copyPath) == damaged)
        #expect(contents(dir.file("d.json")) == original)
        #expect(!FileManager.default.fileExists(atPath: Recovery.lockPath(dir)))

        let t2 = try TmuxSession("\(Repo.binary) d.json --recovery discard", cwd: dir.path)

        defer { Recovery.close(t2) }
        try t2.waitFor(text: "1 Requirements (14)")
        #expect(!FileManager.default.fileExists(atPath: copyPath))
        try t2.keys("q"); try t2.waitFor(text: "EXITED=0")
    }
}
