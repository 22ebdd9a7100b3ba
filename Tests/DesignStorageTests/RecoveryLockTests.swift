import DesignModel
import DesignStorage
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Sets a file's modification time to `seconds` since 1970.
private func setMTime(_ path: String, _ seconds: Int) {
    var times = [timeval(tv_sec: seconds, tv_usec: 0), timeval(tv_sec: seconds, tv_usec: 0)]
    utimes(path, &times)
}

/// A pid that certainly does not run: a child that has exited and been reaped.
private func deadPID() -> Int32 {
    var pid: pid_t = 0
    let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/true"), nil]
    defer { argv.forEach { free($0) } }
    _ = posix_spawn(&pid, "/bin/true", nil, nil, argv, environ)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return pid
}

@Suite struct RecoveryFileTests {
    @Test func sitsHiddenBesideTheDocument() {
        #expect(RecoveryFile(for: "/x/y/d.json").path == "/x/y/.d.json.sysdraft-recovery")
        #expect(RecoveryFile(for: "d.json").path == "./.d.json.sysdraft-recovery")
    }

    @Test func followsASymlinkedDocumentToItsFolder() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        try FileManager.default.createDirectory(atPath: dir.file("real"), withIntermediateDirectories: true)
        try DesignFile.save(sampleDesign(), to: dir.file("real/d.json"))
        symlink("real/d.json", dir.file("link.json"))
        #expect(RecoveryFile(for: dir.file("link.json")).path == dir.file("real/.d.json.sysdraft-recovery"))
        #expect(DocumentLock(for: dir.file("link.json")).path == dir.file("real/.d.json.sysdraft-lock"))
    }

    @Test func writeReadRemoveWithOwnerOnlyPermissions() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let doc = dir.file("d.json")
        try DesignFile.save(sampleDesign(), to: doc)
        chmod(doc, 0o644)
        let old = umask(0o022)
        defer { umask(old) }
        let r = RecoveryFile(for: doc)
        #expect(!r.exists)
        let edited = sampleDesign(components: 5)
        try r.write(edited)
        #expect(r.exists)
        var st = stat()
        #expect(stat(r.path, &st) == 0)
        #expect(st.st_mode & 0o777 == 0o600, "unsaved edits are private to the user")
        #expect(try r.read() == edited)
        try r.write(sampleDesign(components: 6))
        #expect(stat(r.path, &st) == 0 && st.st_mode & 0o777 == 0o600, "still 0600 after rewriting")
        #expect(leftovers(in: dir.path).isEmpty)
        r.remove()
        #expect(!r.exists)
        r.remove()  // removing twice is harmless
    }

    @Test func newerOrOlderThanTheDocument() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let doc = dir.file("d.json")
        try DesignFile.save(sampleDesign(), to: doc)
        let r = RecoveryFile(for: doc)
        #expect(!r.isNewerThanDocument, "no recovery copy at all")
        try r.write(sampleDesign(components: 4))
        setMTime(doc, 1_700_000_000)
        setMTime(r.path, 1_700_000_100)
        #expect(r.isNewerThanDocument)
        setMTime(doc, 1_700_000_200)
        #expect(!r.isNewerThanDocument, "the document was written after the copy")
        setMTime(doc, 1_700_000_100)
        #expect(!r.isNewerThanDocument, "same time: not newer")
        unlink(doc)
        #expect(r.isNewerThanDocument, "the document is gone: the copy is all there is")
    }

    @Test func aDamagedCopyIsReportedNotReturned() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let r = RecoveryFile(for: dir.file("d.json"))
        try Data("{ \"schemaVersion\": 1, ".utf8).write(to: URL(fileURLWithPath: r.path))
        #expect(throws: DesignFileError.self) { try r.read() }
    }
}

@Suite struct DocumentLockTests {
    @Test func acquireWritesPidAndHostAndReleaseRemovesIt() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let lock = DocumentLock(for: dir.file("d.json"))
        #expect(lock.path == dir.file(".d.json.sysdraft-lock"))
        #expect(lock.acquire() == .acquired)
        let text = try String(contentsOfFile: lock.path, encoding: .utf8)
        #expect(text == "\(getpid())\n\(ProcessInfo.processInfo.hostName)\n")
        #expect(lock.owner?.pid == getpid())
        #expect(lock.acquire() == .acquired, "acquiring again is a no-op")
        lock.release()
        #expect(!FileManager.default.fileExists(atPath: lock.path))
        lock.release()
        #expect(lock.acquire() == .acquired, "can be taken again after release")
        lock.release()
    }

    @Test func aSecondHolderIsToldWhoHasIt() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let first = DocumentLock(for: dir.file("d.json"))
        #expect(first.acquire() == .acquired)
        let second = DocumentLock(for: dir.file("d.json"))
        #expect(second.acquire() == .heldBy(pid: getpid(), host: ProcessInfo.processInfo.hostName))
        second.release()
        #expect(FileManager.default.fileExists(atPath: first.path), "a refused lock does not remove the holder's")
        first.release()
        #expect(second.acquire() == .acquired)
        second.release()
    }

    @Test func aLockOfADeadProcessIsTakenOver() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let lock = DocumentLock(for: dir.file("d.json"))
        let dead = deadPID()
        try Data("\(dead)\n\(ProcessInfo.processInfo.hostName)\n".utf8).write(to: URL(fileURLWithPath: lock.path))
        #expect(lock.acquire() == .tookOverStale(pid: dead))
        #expect(lock.owner?.pid == getpid())
        lock.release()
        #expect(!FileManager.default.fileExists(atPath: lock.path))
    }

    /// The pid in a stale lock may since belong to another process (pid reuse, or a zombie):
    /// it is the flock that says whether the owner still runs.
    @Test func aStaleLockNamingARunningPidIsStillTakenOver() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let lock = DocumentLock(for: dir.file("d.json"))
        let other = getppid()
        try Data("\(other)\n\(ProcessInfo.processInfo.hostName)\n".utf8).write(to: URL(fileURLWithPath: lock.path))
        #expect(lock.acquire() == .tookOverStale(pid: other))
        lock.release()
    }

    @Test func anEmptyLockLeftByAKillDuringCreationIsTakenOver() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let lock = DocumentLock(for: dir.file("d.json"))
        FileManager.default.createFile(atPath: lock.path, contents: Data())
        #expect(lock.acquire() == .acquired)
        #expect(lock.owner?.pid == getpid())
        lock.release()
        FileManager.default.createFile(atPath: lock.path, contents: Data("garbage".utf8))
        #expect(lock.acquire() == .acquired)
        #expect(lock.owner?.pid == getpid(), "the garbage is replaced, not appended to")
        lock.release()
    }

    @Test func releaseLeavesALockThatIsNotOurs() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let lock = DocumentLock(for: dir.file("d.json"))
        #expect(lock.acquire() == .acquired)
        // Someone removed our lock file and another instance created its own.
        unlink(lock.path)
        let other = DocumentLock(for: dir.file("d.json"))
        #expect(other.acquire() == .acquired)
        lock.release()
        #expect(FileManager.default.fileExists(atPath: other.path), "the other instance keeps its lock")
        #expect(other.owner?.pid == getpid())
        other.release()
    }

    /// Many instances starting at once on a stale lock: exactly one wins.
    @Test func racingTakeoversHaveOneWinner() async throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        for round in 0..<20 {
            let doc = dir.file("d\(round).json")
            let path = DocumentLock(for: doc).path
            try Data("\(deadPID())\n\(ProcessInfo.processInfo.hostName)\n".utf8).write(to: URL(fileURLWithPath: path))
            let locks = (0..<8).map { _ in DocumentLock(for: doc) }
            let outcomes = await withTaskGroup(of: DocumentLock.Outcome.self) { group in
                for l in locks { group.addTask { l.acquire() } }
                var all: [DocumentLock.Outcome] = []
                for await o in group { all.append(o) }
                return all
            }
            let winners = outcomes.filter { if case .heldBy = $0 { return false } else { return true } }
            #expect(winners.count == 1, "round \(round): \(outcomes)")
            locks.forEach { $0.release() }
            #expect(!FileManager.default.fileExists(atPath: path))
        }
    }
}

@Suite struct AbandonedTemporaryFileTests {
    @Test func tempFilesOfKilledSavesAreRemovedAndNothingElse() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let doc = dir.file("d.json")
        try DesignFile.save(sampleDesign(), to: doc)
        let names = [".d.json.tmp-Ab12Cd", "..d.json.sysdraft-recovery.tmp-x9Y8z7",  // killed saves
                     ".d.json.tmp-toolongname", ".e.json.tmp-Ab12Cd", "d.json.tmp-Ab12Cd", "notes.txt"]
        for n in names { FileManager.default.createFile(atPath: dir.file(n), contents: Data("x".utf8)) }
        let removed = RecoveryFile(for: doc).removeAbandonedTemporaryFiles()
        #expect(Set(removed) == [".d.json.tmp-Ab12Cd", "..d.json.sysdraft-recovery.tmp-x9Y8z7"])
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: dir.path))
        #expect(left == ["d.json", ".d.json.tmp-toolongname", ".e.json.tmp-Ab12Cd", "d.json.tmp-Ab12Cd", "notes.txt"])
    }
}
