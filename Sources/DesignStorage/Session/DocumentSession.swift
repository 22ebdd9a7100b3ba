import DesignModel
import Foundation

/// The one place that owns a document's life on disk: opening it (a new file, an existing one,
/// one that cannot be read), its lock against a second instance, saving and saving as (the lock
/// follows the file written), the recovery copy of unsaved edits, noticing another program
/// changing the file, and read-only sessions. All I/O goes through an injected `FileSystem`,
/// so every failure can be tested without a real disk.
///
/// The session knows nothing of the screen: it answers with plain outcomes, and the runtime
/// turns them into the workspace's actions.
public final class DocumentSession {
    public let fileSystem: any FileSystem
    /// The document's path as the user gave it.
    public private(set) var path: String
    /// Edits to the file are refused (asked for, another instance holds the lock, unknown
    /// fields, a recovery copy kept for later). A read-only session takes no lock and never
    /// writes a recovery copy (it may belong to the instance that holds the lock).
    public private(set) var readOnly: Bool
    /// Why the session is read-only, in a few words the workspace repeats with every refusal.
    public private(set) var readOnlyReason = "opened with --read-only"
    /// The file did not exist when opened (it is created by the first save).
    public private(set) var isNew: Bool
    /// The design read at open (nil for a new file).
    public private(set) var loaded: Design?
    /// The file's bytes as last read or written: another program's change shows as a difference.
    public private(set) var diskBytes: Data?
    /// The lock this session holds, if any.
    public private(set) var lock: (any DocumentLocking)?
    /// Why no lock could be taken although the session may write ("Permission denied").
    public private(set) var lockProblem: String?

    // MARK: opening

    /// Reads `path`. A missing file is a new design (its folder must exist). An existing file
    /// that cannot be read, or whose folder cannot be searched, throws: it is never treated as
    /// new, so a save can never replace it with an empty design.
    public init(opening path: String, readOnly: Bool = false, fileSystem: any FileSystem) throws(DesignFileError) {
        self.fileSystem = fileSystem
        self.path = path
        self.readOnly = readOnly
        let read = try Self.read(path, fileSystem)
        loaded = read.design
        diskBytes = read.bytes
        isNew = read.design == nil
    }

    /// What is on disk at `path`: a design and its bytes, or nothing (a new file).
    static func read(_ path: String, _ fs: any FileSystem) throws(DesignFileError) -> (design: Design?, bytes: Data?) {
        switch fs.status(path) {
        case .missing:
            let folder = SidePath.folder(of: path)
            switch fs.status(folder) {
            case .missing:
                throw .storage(StorageError(path: path, message: "the folder \(folder) does not exist"))
            case .unreachable(let code):
                throw .storage(StorageError(path: path, message: "cannot look in the folder \(folder): \(systemReason(code))"))
            case .exists(let info) where info.kind != .directory:
                throw .storage(StorageError(path: path, message: "\(folder) is not a folder"))
            case .exists:
                return (nil, nil)
            }
        case .unreachable(let code):
            throw .storage(StorageError(
                path: path, message: "cannot be looked at: \(systemReason(code)) — it may exist, so it is not opened as a new design"))
        case .exists(let info):
            if info.kind == .directory {
                throw .storage(StorageError(path: path, message: "is a folder, not a design file"))
            }
            // FileSystem.read is the checked read (regular files only, the size limit).
            let bytes: Data
            do { bytes = try fs.read(path) } catch { throw .storage(error) }
            do { return (try DesignCodec.decode(bytes), bytes) } catch { throw .content(path: path, error) }
        }
    }

    /// What the user should know before editing: a write-protected file, a folder nothing can
    /// be written to, no lock. Empty for a read-only session (nothing will be written).
    public var openWarnings: [OpenWarning] {
        guard !readOnly else { return [] }
        var out: [OpenWarning] = []
        let folder = SidePath.folder(of: fileSystem.resolveSymlinks(path))
        let folderCode = fileSystem.writeAccess(folder)
        if folderCode != 0 {
            // Named in full: "." says nothing in a message.
            let named = folder.hasPrefix("/") ? folder
                : ((FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(folder) as NSString).standardizingPath
            out.append(.folderNotWritable(folder: named, reason: systemReason(folderCode)))
        } else if let problem = lockProblem {
            out.append(.noLock(reason: problem))
        }
        if !isNew, let info = fileSystem.status(path).info, info.isWriteProtected || fileSystem.writeAccess(path) == EACCES {
            out.append(.fileWriteProtected(path: path))
        }
        return out
    }

    /// Takes the lock (a session opened read-only takes none). Temporary files of killed
    /// saves are cleaned up once the lock is ours (only the lock holder saves this file).
    @discardableResult
    public func takeLock() -> LockResult {
        guard !readOnly else { return .notNeeded }
        if let lock, lock.isHeld { return .held }
        let next = fileSystem.lock(for: path)
        switch next.acquire() {
        case .acquired:
            lock = next
            lockProblem = nil
            fileSystem.removeAbandonedTemporaryFiles(beside: path)
            return .held
        case .tookOverStale(let pid):
            lock = next
            lockProblem = nil
            fileSystem.removeAbandonedTemporaryFiles(beside: path)
            return .tookOverStale(pid: pid)
        case .heldBy(let pid, let host):
            return .heldElsewhere(pid: pid, host: host)
        case .unavailable(let reason):
            lockProblem = reason
            return .unavailable(reason: reason)
        }
    }

    /// Stops writing to the file: frees the lock; edits are refused from now on.
    public func becomeReadOnly(because reason: String) {
        readOnly = true
        readOnlyReason = reason
        lock?.release()
        lock = nil
        lockProblem = nil
    }

    // MARK: the recovery copy

    /// `.NAME.sysdraft-recovery` beside the file (a symlink's target).
    public var recoveryPath: String { Self.recoveryPath(for: path, fileSystem) }

    static func recoveryPath(for path: String, _ fs: any FileSystem) -> String {
        SidePath.beside(fs.resolveSymlinks(path), suffix: ".sysdraft-recovery")
    }

    /// A recovery copy left by a session that did not end cleanly, worth offering back. A copy
    /// that holds exactly the file, or an unreadable one older than the file, is removed instead.
    /// An older copy that differs is offered too: the file changed after the crash (a checkout,
    /// another editor), and dropping the edits silently would lose them.
    public func recoveryOffer() -> RecoveryOffer? {
        guard !readOnly, let copyInfo = fileSystem.status(recoveryPath).info else { return nil }
        let documentTime = fileSystem.status(path).info?.modified
        let newer = documentTime.map { copyInfo.modified > $0 } ?? true
        let copy: Result<Design, DesignFileError>
        do { copy = .success(try readRecovery()) } catch { copy = .failure(error) }
        if case .success(let design) = copy, !isNew, design == loaded {
            fileSystem.remove(recoveryPath)
            return nil
        }
        if case .failure = copy, !newer {
            fileSystem.remove(recoveryPath)
            return nil
        }
        return RecoveryOffer(path: recoveryPath, newerThanFile: newer, copy: copy)
    }

    /// The design in the recovery copy.
    public func readRecovery() throws(DesignFileError) -> Design {
        let data: Data
        do { data = try fileSystem.read(recoveryPath) } catch { throw .storage(error) }
        do { return try DesignCodec.decode(data) } catch { throw .content(path: recoveryPath, error) }
    }

    /// Writes the recovery copy (owner-only permissions). Never in a read-only session.
    public func writeRecovery(_ data: Data) throws(StorageError) {
        guard !readOnly else { return }
        try fileSystem.write(data, to: recoveryPath, defaultMode: 0o600)
    }

    /// Removes the recovery copy (a read-only session never wrote one and leaves it alone).
    @discardableResult
    public func removeRecovery() -> StorageError? {
        guard !readOnly else { return nil }
        return fileSystem.remove(recoveryPath)
    }

    /// The bytes a recovery copy of `design` holds.
    public static func encodeRecovery(_ design: Design) throws(StorageError) -> Data {
        do { return try DesignCodec.encode(design) } catch {
            throw StorageError(path: "recovery copy", message: "cannot encode the design: \(error)")
        }
    }

    // MARK: saving

    /// Saves `design` to `target` (nil: the file itself). Asks back instead of writing when the
    /// file changed on disk or is write-protected (unless overridden), and refuses a file another
    /// sysdraft holds. Saving to another path moves the session there: the lock follows the
    /// file written, and the old file's lock and recovery copy go.
    public func save(_ design: Design, to target: String? = nil, overwriteChanged: Bool = false,
                     overwriteWriteProtected: Bool = false) -> SaveOutcome {
        let dest = target ?? path
        let samePath = isSameFile(dest, path)
        if readOnly && samePath {
            return .failed(StorageError(path: dest, message: "this session is read-only — :w PATH saves a copy elsewhere"))
        }
        if samePath && !overwriteChanged && changedOnDisk() { return .changedOnDisk(path: dest) }
        // A copy of a file with fields the model does not know would leave them out: only
        // `:w! PATH` (overwriteWriteProtected) writes it anyway.
        if !samePath && !overwriteWriteProtected, let unknown = unknownFieldsOnDisk(), !unknown.isEmpty {
            return .failed(StorageError(path: dest, message: "\((path as NSString).lastPathComponent) has "
                + "\(Self.unknownFieldsNote(unknown)) — the copy would leave them out; :w! \(dest) writes it without them"))
        }
        if !overwriteWriteProtected, let info = fileSystem.status(dest).info, info.kind == .regular,
           info.isWriteProtected || fileSystem.writeAccess(dest) == EACCES {
            return .writeProtected(path: dest)
        }
        var newLock: (any DocumentLocking)?
        var newLockProblem: String?
        if !samePath {
            let candidate = fileSystem.lock(for: dest)
            switch candidate.acquire() {
            case .heldBy(let pid, let host):
                return .lockedElsewhere(path: dest, pid: pid, host: host)
            case .acquired, .tookOverStale:
                newLock = candidate
            case .unavailable(let reason):
                newLockProblem = reason
            }
        }
        let data: Data
        do {
            data = try DesignCodec.encode(design)
            try fileSystem.write(data, to: dest, defaultMode: 0o644)
        } catch let error as StorageError {
            newLock?.release()
            return .failed(error)
        } catch {
            newLock?.release()
            return .failed(StorageError(path: dest, message: "cannot encode the design: \(error)"))
        }
        if samePath {
            removeRecovery()
        } else {
            // Save as: the session now edits `dest`. The old file keeps what it had; its
            // recovery copy is obsolete (the edits are in `dest`) and its lock is freed.
            removeRecovery()
            lock?.release()
            if readOnly {
                newLock?.release()
                lock = nil
            } else {
                lock = newLock
                lockProblem = newLockProblem
            }
            path = dest
        }
        diskBytes = data
        isNew = false
        return .saved(path: dest)
    }

    /// True when the file differs from what was last read or written (or appeared, or vanished).
    public func changedOnDisk() -> Bool {
        let now: Data?
        switch fileSystem.status(path) {
        case .missing: now = nil
        case .unreachable: return diskBytes != nil
        case .exists: now = try? fileSystem.read(path)
        }
        return now != diskBytes
    }

    /// Fields the file as last read or written has that the model does not know.
    func unknownFieldsOnDisk() -> [String]? {
        guard let bytes = diskBytes, let design = try? DesignCodec.decode(bytes) else { return nil }
        return UnknownFields.find(in: bytes, decoded: design)
    }

    /// Fields in the file the model does not know (a save would drop them).
    public func unknownFields(of design: Design) -> [String] {
        guard let bytes = diskBytes else { return [] }
        return UnknownFields.find(in: bytes, decoded: design)
    }

    // MARK: exporting

    /// Writes an export crash-safely.
    public func export(_ data: Data, to target: String) throws(StorageError) {
        try fileSystem.write(data, to: target, defaultMode: 0o644)
    }

    // MARK: switching documents (`:e`)

    /// Moves the session to another file. Refused, leaving everything as it was, when another
    /// sysdraft edits that file, it has a recovery copy of unsaved edits (which the autosave here
    /// would overwrite), or (unless read-only) fields a save would drop.
    public func switchTo(_ target: String, newDesign: (String) -> Design) -> SwitchOutcome {
        let read: (design: Design?, bytes: Data?)
        do { read = try Self.read(target, fileSystem) } catch { return .refused(error.description) }
        if let design = read.design, let bytes = read.bytes, !readOnly {
            let unknown = UnknownFields.find(in: bytes, decoded: design)
            if !unknown.isEmpty {
                return .refused("\(target) has \(Self.unknownFieldsNote(unknown)) — sysdraft \(target) opens it read-only")
            }
        }
        if readOnly {
            path = target
        } else {
            let samePath = isSameFile(target, path)
            var next: (any DocumentLocking)?
            var nextProblem: String?
            if !samePath || lock == nil {
                let candidate = fileSystem.lock(for: target)
                switch candidate.acquire() {
                case .heldBy(let pid, let host):
                    return .refused("\(target) is open in another sysdraft (process \(pid) on \(host)) — sysdraft --read-only \(target) opens it to look")
                case .acquired, .tookOverStale:
                    next = candidate
                case .unavailable(let reason):
                    nextProblem = reason
                }
            }
            let copyPath = Self.recoveryPath(for: target, fileSystem)
            if !samePath, fileSystem.status(copyPath).info != nil {
                let kept = try? decodeAt(copyPath)
                if kept != nil && kept == read.design {
                    fileSystem.remove(copyPath)
                } else {
                    next?.release()
                    return .refused("\(target) has unsaved edits from an earlier session — sysdraft \(target) offers to recover them")
                }
            }
            if next != nil { fileSystem.removeAbandonedTemporaryFiles(beside: target) }
            removeRecovery()
            if let next {
                lock?.release()
                lock = next
                lockProblem = nil
            } else if let nextProblem {
                lock?.release()
                lock = nil
                lockProblem = nextProblem
            }
            path = target
        }
        diskBytes = read.bytes
        loaded = read.design
        isNew = read.design == nil
        return .opened(read.design ?? newDesign(target), isNew: read.design == nil)
    }

    private func decodeAt(_ p: String) throws -> Design {
        try DesignCodec.decode(try fileSystem.read(p))
    }

    // MARK: ending

    /// A clean exit: the file holds what the user chose to keep, so the recovery copy goes
    /// (unless read-only), and the lock is freed.
    public func close() {
        removeRecovery()
        releaseLock()
    }

    /// Frees the lock and leaves the recovery copy (a stop by signal: the next start offers it).
    public func releaseLock() {
        lock?.release()
        lock = nil
    }

    // MARK: helpers

    func isSameFile(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        func canonical(_ p: String) -> String {
            let absolute = p.hasPrefix("/") ? p : FileManager.default.currentDirectoryPath + "/" + p
            return (fileSystem.resolveSymlinks(absolute) as NSString).standardizingPath
        }
        return canonical(a) == canonical(b)
    }

    /// What to tell a user whose file has fields sysdraft does not know.
    public static func unknownFieldsNote(_ fields: [String]) -> String {
        let shown = fields.prefix(5).joined(separator: ", ") + (fields.count > 5 ? " and \(fields.count - 5) more" : "")
        return "fields sysdraft does not know (\(shown)); saving from sysdraft would drop them"
    }
}

/// Something to say when a document opens.
public enum OpenWarning: Equatable, Sendable {
    /// Nobody may write the file (mode 444, or not ours): saving asks first.
    case fileWriteProtected(path: String)
    /// Nothing can be created in the file's folder: no lock, no recovery copy, no save there.
    case folderNotWritable(folder: String, reason: String)
    /// The lock file could not be made for another reason.
    case noLock(reason: String)
}

public enum LockResult: Equatable, Sendable {
    case held
    case tookOverStale(pid: Int32)
    case heldElsewhere(pid: Int32, host: String)
    case unavailable(reason: String)
    /// A read-only session takes no lock.
    case notNeeded
}

/// A recovery copy worth offering back.
public struct RecoveryOffer {
    public var path: String
    /// Written after the file was last changed (else the file changed since the crash).
    public var newerThanFile: Bool
    /// The copy's design, or why it cannot be read.
    public var copy: Result<Design, DesignFileError>
}

public enum SaveOutcome: Equatable, Sendable {
    case saved(path: String)
    /// Another program changed the file since it was read or written; nothing was written.
    case changedOnDisk(path: String)
    /// The file is write-protected; nothing was written until the user says so.
    case writeProtected(path: String)
    /// Another sysdraft holds the file's lock; nothing was written.
    case lockedElsewhere(path: String, pid: Int32, host: String)
    case failed(StorageError)
}

public enum SwitchOutcome: Equatable {
    case opened(Design, isNew: Bool)
    case refused(String)
}
