import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file system in memory, for tests of everything that reads and writes documents.
///
/// It behaves like POSIX for an ordinary user (not root): reading needs the read bit, looking
/// inside a folder its search bit, creating or replacing a file a writable folder (replacing a
/// read-only file in a writable folder works, as rename does). A folder can be a read-only mount
/// (EROFS). On top of that any operation on any path can be made to fail with a chosen errno,
/// once or for good, and a lock can be held by another process (running, or dead and stale).
public final class InMemoryFileSystem: FileSystem {
    public enum Operation: String, Sendable {
        case status, read, write, remove, lock
    }

    public struct Node: Equatable {
        public var kind: FileInfo.Kind
        public var data: Data
        public var permissions: UInt32
        public var modified: Date
        /// For folders: a read-only mount.
        public var readOnlyMount = false
    }

    struct Failure {
        var operation: Operation
        var path: String
        var code: Int32
        var remaining: Int?
    }

    public private(set) var nodes: [String: Node] = ["/": Node(kind: .directory, data: Data(), permissions: 0o755,
                                                                 modified: Date(timeIntervalSince1970: 0))]
    /// Ignore permission bits, as root does (a read-only mount still refuses).
    public var actsAsRoot = false
    /// This process, as the locks see it.
    public var pid: Int32 = 1000
    public var host = "test-host"
    /// Every successful write and removal, in order ("write /d.json", "remove /.d.json.sysdraft-recovery").
    public private(set) var log: [String] = []
    /// The file system's clock for modification times: each write is a second later.
    private var clock = Date(timeIntervalSince1970: 1_800_000_000)
    private var failures: [Failure] = []
    /// How many operations an injected failure has failed so far.
    public private(set) var injectedFailures = 0
    /// Lock file path → the process holding it.
    private var holders: [String: (pid: Int32, host: String)] = [:]
    /// Processes that no longer run (their locks are stale).
    private var dead: Set<Int32> = []

    public init() {}

    // MARK: setting up

    /// Adds a folder (and its parents).
    public func addFolder(_ path: String, permissions: UInt32 = 0o755, readOnlyMount: Bool = false) {
        let p = normalize(path)
        let parent = SidePath.folder(of: p)
        if parent != p && nodes[parent] == nil { addFolder(parent) }
        nodes[p] = Node(kind: .directory, data: Data(), permissions: permissions, modified: tick(),
                        readOnlyMount: readOnlyMount)
    }

    /// Adds a file (and its folder), bypassing every check.
    public func addFile(_ path: String, _ data: Data, permissions: UInt32 = 0o644, kind: FileInfo.Kind = .regular) {
        let p = normalize(path)
        if nodes[SidePath.folder(of: p)] == nil { addFolder(SidePath.folder(of: p)) }
        nodes[p] = Node(kind: kind, data: data, permissions: permissions, modified: tick())
    }

    public func setPermissions(_ path: String, _ permissions: UInt32) {
        nodes[normalize(path)]?.permissions = permissions
    }

    /// Makes `operation` on `path` fail with `code`: `times` times, or for good when nil.
    public func fail(_ operation: Operation, at path: String, with code: Int32, times: Int? = nil) {
        failures.append(Failure(operation: operation, path: normalize(path), code: code, remaining: times))
    }

    /// Lifts every injected failure.
    public func heal() { failures.removeAll() }

    /// Another process holds the lock of `documentPath`.
    public func holdLock(of documentPath: String, pid: Int32, host: String = "other-host", running: Bool = true) {
        holders[lockPath(documentPath)] = (pid, host)
        nodes[lockPath(documentPath)] = Node(kind: .regular, data: Data("\(pid)\n\(host)\n".utf8),
                                             permissions: 0o644, modified: tick())
        if !running { dead.insert(pid) }
    }

    /// Who holds the lock of `documentPath`, if anyone.
    public func lockHolder(of documentPath: String) -> (pid: Int32, host: String)? {
        holders[lockPath(documentPath)]
    }

    public func contents(_ path: String) -> Data? { nodes[normalize(path)].flatMap { $0.kind == .regular ? $0.data : nil } }

    public func exists(_ path: String) -> Bool { nodes[normalize(path)] != nil }

    func lockPath(_ documentPath: String) -> String { SidePath.beside(normalize(documentPath), suffix: ".sysdraft-lock") }

    // MARK: FileSystem

    public func status(_ path: String) -> FileStatus {
        let p = normalize(path)
        if let code = injected(.status, p) { return .unreachable(errno: code) }
        if let code = searchDenied(p) { return .unreachable(errno: code) }
        guard let node = nodes[p] else { return .missing }
        return .exists(FileInfo(kind: node.kind, size: Int64(node.data.count), permissions: node.permissions,
                                modified: node.modified))
    }

    public func read(_ path: String) throws(StorageError) -> Data {
        let p = normalize(path)
        if let code = injected(.read, p) ?? searchDenied(p) { throw StorageError.errno(path, "cannot open", code) }
        guard let node = nodes[p] else { throw StorageError(path: path, message: "no such file") }
        if node.kind == .directory { throw StorageError(path: path, message: "is a directory, not a design file") }
        if !actsAsRoot && node.permissions & 0o400 == 0 { throw StorageError.errno(path, "cannot open", EACCES) }
        return node.data
    }

    public func write(_ data: Data, to path: String, defaultMode: UInt32) throws(StorageError) {
        let p = normalize(path)
        let dir = SidePath.folder(of: p)
        if let code = injected(.write, p) {
            let what = code == ENOSPC || code == EIO || code == EDQUOT ? "cannot write" : "cannot create a temporary file in \(dir)"
            throw StorageError.errno(path, what, code)
        }
        if let code = searchDenied(p) { throw StorageError.errno(path, "cannot create a temporary file in \(dir)", code) }
        guard let folder = nodes[dir], folder.kind == .directory else {
            throw StorageError.errno(path, "cannot create a temporary file in \(dir)", ENOENT)
        }
        if let code = folderRefusesWrites(dir) {
            throw StorageError.errno(path, "cannot create a temporary file in \(dir)", code)
        }
        if nodes[p]?.kind == .directory { throw StorageError(path: path, message: "is a directory") }
        let mode = nodes[p]?.permissions ?? (defaultMode & ~0o022)
        nodes[p] = Node(kind: .regular, data: data, permissions: mode, modified: tick())
        log.append("write \(p)")
    }

    @discardableResult
    public func remove(_ path: String) -> StorageError? {
        let p = normalize(path)
        if let code = injected(.remove, p) { return StorageError.errno(path, "cannot remove", code) }
        guard nodes[p] != nil else { return nil }
        if let code = folderRefusesWrites(SidePath.folder(of: p)) { return StorageError.errno(path, "cannot remove", code) }
        nodes[p] = nil
        log.append("remove \(p)")
        return nil
    }

    public func writeAccess(_ path: String) -> Int32 {
        let p = normalize(path)
        if let code = searchDenied(p) { return code }
        guard let node = nodes[p] else { return ENOENT }
        if node.kind == .directory { return folderRefusesWrites(p) ?? 0 }
        if let code = folderMount(SidePath.folder(of: p)) { return code }
        return actsAsRoot || node.permissions & 0o200 != 0 ? 0 : EACCES
    }

    public func resolveSymlinks(_ path: String) -> String { path }

    public func lock(for documentPath: String) -> any DocumentLocking { FakeLock(fs: self, document: documentPath) }

    @discardableResult
    public func removeAbandonedTemporaryFiles(beside documentPath: String) -> [String] { [] }

    // MARK: locks

    final class FakeLock: DocumentLocking {
        let fs: InMemoryFileSystem
        let document: String
        let path: String
        private(set) var isHeld = false

        init(fs: InMemoryFileSystem, document: String) {
            self.fs = fs
            self.document = document
            path = fs.lockPath(document)
        }

        func acquire() -> DocumentLock.Outcome {
            if isHeld { return .acquired }
            if let code = fs.injected(.lock, fs.normalize(document)) ?? fs.folderRefusesWrites(SidePath.folder(of: path)) {
                return .unavailable(reason: systemReason(code))
            }
            var outcome = DocumentLock.Outcome.acquired
            if let holder = fs.holders[path], holder.pid != fs.pid {
                guard fs.dead.contains(holder.pid) else { return .heldBy(pid: holder.pid, host: holder.host) }
                outcome = .tookOverStale(pid: holder.pid)
            }
            fs.holders[path] = (fs.pid, fs.host)
            fs.nodes[path] = Node(kind: .regular, data: Data("\(fs.pid)\n\(fs.host)\n".utf8), permissions: 0o644,
                                  modified: fs.tick())
            isHeld = true
            return outcome
        }

        func release() {
            guard isHeld else { return }
            isHeld = false
            if fs.holders[path]?.pid == fs.pid {
                fs.holders[path] = nil
                fs.nodes[path] = nil
            }
        }
    }

    // MARK: internals

    func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : "/" + path
        let standard = (absolute as NSString).standardizingPath
        return standard.isEmpty ? "/" : standard
    }

    private func tick() -> Date {
        clock = clock.addingTimeInterval(1)
        return clock
    }

    /// Consumes a matching injected failure.
    private func injected(_ operation: Operation, _ path: String) -> Int32? {
        guard let i = failures.firstIndex(where: { $0.operation == operation && $0.path == path }) else { return nil }
        let code = failures[i].code
        injectedFailures += 1
        if let n = failures[i].remaining {
            if n <= 1 { failures.remove(at: i) } else { failures[i].remaining = n - 1 }
        }
        return code
    }

    /// EACCES when a folder on the way cannot be searched.
    private func searchDenied(_ path: String) -> Int32? {
        guard !actsAsRoot else { return nil }
        var dir = SidePath.folder(of: path)
        while true {
            if let node = nodes[dir], node.kind == .directory, node.permissions & 0o100 == 0 { return EACCES }
            let parent = SidePath.folder(of: dir)
            if parent == dir { return nil }
            dir = parent
        }
    }

    private func folderMount(_ dir: String) -> Int32? {
        var d = dir
        while true {
            if nodes[d]?.readOnlyMount == true { return EROFS }
            let parent = SidePath.folder(of: d)
            if parent == d { return nil }
            d = parent
        }
    }

    /// Why files cannot be created in or removed from a folder, if they cannot.
    private func folderRefusesWrites(_ dir: String) -> Int32? {
        if let code = folderMount(dir) { return code }
        guard let node = nodes[dir] else { return ENOENT }
        if actsAsRoot { return nil }
        return node.permissions & 0o300 == 0o300 ? nil : EACCES
    }
}
