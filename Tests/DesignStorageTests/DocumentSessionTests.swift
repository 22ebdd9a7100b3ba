import DesignModel
import Foundation
import Testing
@testable import DesignStorage
#if canImport(Glibc)
import Glibc
#endif

/// The document's life on an in-memory file system that fails on demand, as an ordinary user
/// (root ignores permission bits, so these cases cannot be shown on the real disk in CI).
@Suite struct DocumentSessionTests {
    static let doc = "/home/ann/designs/d.json"

    /// A file system holding `d.json` (the sample design) in a writable folder.
    static func world(permissions: UInt32 = 0o644) throws -> (InMemoryFileSystem, Data) {
        let fs = InMemoryFileSystem()
        let bytes = try DesignCodec.encode(sampleDesign())
        fs.addFile(doc, bytes, permissions: permissions)
        return (fs, bytes)
    }

    static func newDesign(_ path: String) -> Design { Design(title: "New", now: Date(timeIntervalSince1970: 1_790_000_000)) }

    // MARK: opening

    @Test func aMissingFileInAnExistingFolderIsNew() throws {
        let fs = InMemoryFileSystem()
        fs.addFolder("/home/ann/designs")
        let s = try DocumentSession(opening: "/home/ann/designs/new.json", fileSystem: fs)
        #expect(s.isNew && s.loaded == nil && s.diskBytes == nil)
        #expect(s.takeLock() == .held)
        #expect(s.openWarnings.isEmpty)
    }

    @Test func aMissingFolderIsAnError() {
        let fs = InMemoryFileSystem()
        #expect(throws: DesignFileError.self) { try DocumentSession(opening: "/nowhere/d.json", fileSystem: fs) }
        do { _ = try DocumentSession(opening: "/nowhere/d.json", fileSystem: fs) } catch {
            #expect(error.description.contains("the folder /nowhere does not exist"))
        }
    }

    @Test("an existing file that cannot be read is never opened as a new design")
    func unreadableFilesAreNotNew() throws {
        // A folder that cannot be searched: stat fails with EACCES, the file may well exist.
        let (fs, bytes) = try Self.world()
        fs.setPermissions("/home/ann/designs", 0o600)
        var thrown: DesignFileError?
        do { _ = try DocumentSession(opening: Self.doc, fileSystem: fs) } catch { thrown = error }
        let error = try #require(thrown, "opening must fail, not start a new design")
        guard case .storage(let e) = error else { Issue.record("a storage error, not \(error)"); return }
        #expect(e.path == Self.doc)
        #expect(e.message.contains("Permission denied") && e.message.contains("not opened as a new design"))

        // A file without the read bit.
        fs.setPermissions("/home/ann/designs", 0o755)
        fs.setPermissions(Self.doc, 0o200)
        do { _ = try DocumentSession(opening: Self.doc, fileSystem: fs); Issue.record("opened an unreadable file") } catch {
            #expect(error.description.contains(Self.doc) && error.description.contains("Permission denied"))
        }
        #expect(fs.contents(Self.doc) == bytes)
        #expect(fs.log.isEmpty, "nothing was written")
    }

    @Test func aFolderIsNotADesign() throws {
        let fs = InMemoryFileSystem()
        fs.addFolder("/home/ann/designs/d.json")
        do { _ = try DocumentSession(opening: Self.doc, fileSystem: fs); Issue.record("opened a folder") } catch {
            #expect(error.description.contains("is a folder"))
        }
    }

    // MARK: read-only files and folders

    @Test("a write-protected file is said at open, and saving it asks first")
    func writeProtectedFile() throws {
        let (fs, bytes) = try Self.world(permissions: 0o444)
        let s = try DocumentSession(opening: Self.doc, fileSystem: fs)
        #expect(s.takeLock() == .held)
        #expect(s.openWarnings == [.fileWriteProtected(path: Self.doc)])
        let edited = sampleDesign(components: 5)
        #expect(s.save(edited) == .writeProtected(path: Self.doc))
        #expect(fs.contents(Self.doc) == bytes, "nothing written before the user says so")
        #expect(s.save(edited, overwriteWriteProtected: true) == .saved(path: Self.doc))
        #expect(try DesignCodec.decode(fs.contents(Self.doc)!) == edited)
        #expect(fs.nodes[Self.doc]?.permissions == 0o444, "the file keeps its mode")
    }

    @Test("a folder that cannot be written is said at open; saving there fails naming the path and the reason")
    func readOnlyFolder() throws {
        let (fs, bytes) = try Self.world()
        fs.setPermissions("/home/ann/designs", 0o555)
        let s = try DocumentSession(opening: Self.doc, fileSystem: fs)
        #expect(s.takeLock() == .unavailable(reason: "Permission denied"))
        #expect(s.lock == nil && s.lockProblem == "Permission denied")
        #expect(s.openWarnings == [.folderNotWritable(folder: "/home/ann/designs", reason: "Permission denied")])
        guard case .failed(let e) = s.save(sampleDesign(components: 7)) else { Issue.record("the save must fail"); return }
        #expect(e.path == Self.doc)
        #expect(e.description.contains("Permission denied"))
        #expect(fs.contents(Self.doc) == bytes)
        #expect(throws: StorageError.self) { try s.writeRecovery(Data("x".utf8)) }
    }

    @Test("a read-only mount and a full disk fail with the system's reason", arguments: [EROFS, ENOSPC, EIO])
    func writeFailures(code: Int32) throws {
        let (fs, bytes) = try Self.world()
        let s = try DocumentSession(opening: Self.doc, fileSystem: fs)
        s.takeLock()
        fs.fail(.write, at: Self.doc, with: code)
        guard case .failed(let e) = s.save(sampleDesign(components: 2)) else { Issue.record("must fail"); return }
        #expect(e.description.hasPrefix(Self.doc))
        #expect(e.description.contains(systemReason(code)))
        #expect(fs.contents(Self.doc) == bytes)
        fs.heal()
        #expect(s.save(sampleDesign(components: 2)) == .saved(path: Self.doc))
    }

    @Test func recoveryWriteFailuresAreReported() throws {
        let (fs, _) = try Self.world()
        let s = try DocumentSession(opening: Self.doc, fileSystem: fs)
        s.takeLock()
        for code in [EACCES, EEXIST, ENOSPC, EROFS] {
            fs.fail(.write, at: s.recoveryPath, with: code, times: 1)
            do { try s.writeRecovery(Data("{}".utf8)); Issue.record("no failure for \(code)") } catch {
                #expect(error.path == s.recoveryPath)
                #expect(error.message.contains(systemReason(code)))
            }
        }
        try s.writeRecovery(Data("{}".utf8))
        #expect(fs.contents(s.recoveryPath) == Data("{}".utf8))
        #expect(fs.nodes[s.recoveryPath]?.permissions == UInt32(0o600), "owner-only")
    }

    // MARK: locks

    @Test func aLockHeldByAnotherProcessMakesTheSessionReadOnly() throws {
        let (fs, _) = try Self.world()
        fs.holdLock(of: Self.doc, pid: 4242, host: "laptop")
        let s = try DocumentSession(opening: Self.doc, fileSystem: fs)
        #expect(s.takeLock() == .heldElsewhere(pid: 4242, host: "laptop"))
        s.becomeReadOnly(because: "asked")
        #expect(s.readOnly && s.lock == nil)
        #expect(s.openWarnings.isEmpty)
        #expect(fs.lockHolder(of: Self.doc)?.pid == 4242, "the other's lock is untouched")
        if case .failed = s.save(sampleDesign()) {} else { Issue.record("a read-only session does not write its file") }
    }

    @Test func aStaleLockIsTakenOver() throws {
        let (fs, _) = try Self.world()
        fs.holdLock(of: Self.doc, pid: 4242, running: false)
        let s = try DocumentSession(opening: Self.doc, fileSystem: fs)
        #expect(s.takeLock() == .tookOverStale(pid: 4242))
        #expect(fs.lockHolder(of: Self.doc)?.pid == fs.pid)
    }

    @Test("save as moves the lock and drops the old recovery copy")
    func theLockFollowsTheFileWritten() throws {
        let (fs, _) = try Self.world()
        let s = try DocumentSession(opening: Self.doc, fileSystem: fs)
        s.takeLock()
        try s.writeRecovery(Data("{}".utf8))
        let oldCopy = s.recoveryPath
        let other = "/home/ann/designs/other.json"
        #expect(s.save(sampleDesign(components: 4), to: other) == .saved(path: other))
        #expect(s.path == other)
        #expect(fs.lockHolder(of: other)?.pid == fs.pid, "the new file is locked")
        #expect(fs.lockHolder(of: Self.doc) == nil, "the old file's lock is gone")
        #expect(!fs.exists(oldCopy))
        #expect(s.recoveryPath == "/home/ann/designs/.other.json.sysdraft-recovery")
        // A second instance opening other.json is told.
        let fs2Session = try DocumentSession(opening: other, fileSystem: fs)
        fs.pid = 777
        #expect(fs2Session.takeLock() == .heldElsewhere(pid: 1000, host: fs.host))
    }

    @Test("save as to a file another sysdraft holds refuses and names the owner")
    func saveAsToALockedFile() throws {
        let (fs, _) = try Self.world()
        let other = "/home/ann/designs/other.json"
        fs.addFile(other, Data("keep".utf8))
        fs.holdLock(of: other, pid: 555, host: "desk")
        let s = try DocumentSession(opening: Self.doc, fileSystem: fs)
        s.takeLock()
        #expect(s.save(sampleDesign(components: 4), to: other) == .lockedElsewhere(path: other, pid: 555, host: "desk"))
        #expect(fs.contents(other) == Data("keep".utf8))
        #expect(s.path == Self.doc && fs.lockHolder(of: Self.doc)?.pid == fs.pid, "the session stays where it was")
    }

    @Test func aFailedSaveAsKeepsTheSessionAndFreesTheNewLock() throws {
        let (fs, _) = try Self.world()
        fs.addFolder("/ro", permissions: 0o755, readOnlyMount: true)
        let s = try DocumentSession(opening: Self.doc, fileSystem: fs)
        s.takeLock()
        fs.addFolder("/home/ann/other")
        fs.fail(.write, at: "/home/ann/other/x.json", with: ENOSPC)
        guard case .failed = s.save(sampleDesign(), to: "/home/ann/other/x.json") else { Issue.record("must fail"); return }
        #expect(fs.lockHolder(of: "/home/ann/other/x.json") == nil)
        #expect(s.path == Self.doc && s.lock?.isHeld == true)
        guard case .failed(let e) = s.save(sampleDesign(), to: "/ro/x.json") else { Issue.record("must fail"); return }
        #expect(e.description.contains("Read-only file system"))
    }

    // MARK: changed on disk

    @Test func anotherProgramsChangeIsNoticedBeforeSaving() throws {
        let (fs, _) = try Self.world()
        let s = try DocumentSession(opening: Self.doc, fileSystem: fs)
        s.takeLock()
        #expect(!s.changedOnDisk())
        fs.addFile(Self.doc, try DesignCodec.encode(sampleDesign(components: 9)))
        #expect(s.changedOnDisk())
        #expect(s.save(sampleDesign(components: 1)) == .changedOnDisk(path: Self.doc))
        #expect(s.save(sampleDesign(components: 1), overwriteChanged: true) == .saved(path: Self.doc))
        #expect(!s.changedOnDisk())
    }

    // MARK: recovery copies

    @Test func recoveryCopiesAreOfferedOnlyWhenTheyHoldSomething() throws {
        let (fs, bytes) = try Self.world()
        let copyPath = "/home/ann/designs/.d.json.sysdraft-recovery"
        // The same design: nothing to offer, the copy goes.
        fs.addFile(copyPath, bytes, permissions: 0o600)
        var s = try DocumentSession(opening: Self.doc, fileSystem: fs)
        #expect(s.recoveryOffer() == nil)
        #expect(!fs.exists(copyPath))
        // Different edits, written after the file: offered.
        fs.addFile(copyPath, try DesignCodec.encode(sampleDesign(components: 6)), permissions: 0o600)
        s = try DocumentSession(opening: Self.doc, fileSystem: fs)
        let offer = try #require(s.recoveryOffer())
        #expect(offer.newerThanFile)
        #expect(try offer.copy.get().components.count == 6)
        // Unreadable and older than the file: nothing worth keeping.
        fs.addFile(copyPath, Data("garbage".utf8), permissions: 0o600)
        fs.addFile(Self.doc, bytes)
        s = try DocumentSession(opening: Self.doc, fileSystem: fs)
        #expect(s.recoveryOffer() == nil)
        #expect(!fs.exists(copyPath))
        // A read-only session is never offered the copy (it belongs to the lock holder).
        fs.addFile(copyPath, try DesignCodec.encode(sampleDesign(components: 6)), permissions: 0o600)
        s = try DocumentSession(opening: Self.doc, readOnly: true, fileSystem: fs)
        #expect(s.recoveryOffer() == nil)
        #expect(fs.exists(copyPath))
    }

    @Test func aCleanCloseRemovesTheCopyAndTheLock() throws {
        let (fs, _) = try Self.world()
        let s = try DocumentSession(opening: Self.doc, fileSystem: fs)
        s.takeLock()
        try s.writeRecovery(Data("{}".utf8))
        s.close()
        #expect(!fs.exists(s.recoveryPath))
        #expect(fs.lockHolder(of: Self.doc) == nil)
    }

    // MARK: switching

    @Test func switchingIsRefusedWhereItWouldHurt() throws {
        let (fs, _) = try Self.world()
        let s = try DocumentSession(opening: Self.doc, fileSystem: fs)
        s.takeLock()
        let locked = "/home/ann/designs/locked.json"
        fs.addFile(locked, try DesignCodec.encode(sampleDesign()))
        fs.holdLock(of: locked, pid: 99)
        guard case .refused(let why) = s.switchTo(locked, newDesign: Self.newDesign) else { Issue.record("must refuse"); return }
        #expect(why.contains("process 99"))
        let kept = "/home/ann/designs/kept.json"
        fs.addFile(kept, try DesignCodec.encode(sampleDesign()))
        fs.addFile("/home/ann/designs/.kept.json.sysdraft-recovery", try DesignCodec.encode(sampleDesign(components: 8)))
        guard case .refused(let why2) = s.switchTo(kept, newDesign: Self.newDesign) else { Issue.record("must refuse"); return }
        #expect(why2.contains("unsaved edits from an earlier session"))
        #expect(fs.lockHolder(of: kept) == nil, "the lock taken on the way is given back")
        #expect(s.path == Self.doc && fs.lockHolder(of: Self.doc)?.pid == fs.pid)
        // An ordinary file: the lock moves with the session.
        let plain = "/home/ann/designs/plain.json"
        fs.addFile(plain, try DesignCodec.encode(sampleDesign(components: 2)))
        guard case .opened(let d, isNew: false) = s.switchTo(plain, newDesign: Self.newDesign) else { Issue.record("must open"); return }
        #expect(d.components.count == 2)
        #expect(fs.lockHolder(of: plain)?.pid == fs.pid && fs.lockHolder(of: Self.doc) == nil)
        // A missing file in a missing folder is an error, not a new design.
        guard case .refused = s.switchTo("/gone/x.json", newDesign: Self.newDesign) else { Issue.record("must refuse"); return }
    }
}

/// The real file system behind the same protocol.
@Suite struct PosixFileSystemTests {
    @Test func statusTellsKindsApartAndMissingFromUnreachable() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let fs = PosixFileSystem()
        #expect(fs.status(dir.file("none.json")) == .missing)
        #expect(fs.status(dir.file("none/deeper.json")) == .missing)
        try DesignFile.save(sampleDesign(), to: dir.file("d.json"))
        chmod(dir.file("d.json"), 0o444)
        let info = try #require(fs.status(dir.file("d.json")).info)
        #expect(info.kind == .regular && info.isWriteProtected && info.permissions == 0o444)
        #expect(fs.status(dir.path).info?.kind == .directory)
        #expect(mkfifo(dir.file("pipe"), 0o644) == 0)
        #expect(fs.status(dir.file("pipe")).info?.kind == .fifo)
        // A path through a regular file: ENOTDIR, which is "nothing there".
        #expect(fs.status(dir.file("d.json/x")) == .missing)
    }

    @Test func aLockThatCannotBeMadeSaysWhy() {
        let lock = DocumentLock(for: "/nonexistent-folder-\(UUID().uuidString)/d.json")
        #expect(lock.acquire() == .unavailable(reason: "No such file or directory"))
        #expect(!lock.isHeld)
    }

    @Test func aSessionOnTheRealDiskSavesAndMovesItsLock() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        try DesignFile.save(sampleDesign(), to: dir.file("d.json"))
        let s = try DocumentSession(opening: dir.file("d.json"), fileSystem: PosixFileSystem())
        #expect(s.takeLock() == .held)
        #expect(s.save(sampleDesign(components: 5), to: dir.file("e.json")) == .saved(path: dir.file("e.json")))
        #expect(FileManager.default.fileExists(atPath: dir.file(".e.json.sysdraft-lock")))
        #expect(!FileManager.default.fileExists(atPath: dir.file(".d.json.sysdraft-lock")))
        #expect(try DesignFile.load(dir.file("e.json")).components.count == 5)
        s.close()
        #expect(!FileManager.default.fileExists(atPath: dir.file(".e.json.sysdraft-lock")))
    }
}
