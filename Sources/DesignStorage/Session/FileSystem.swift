import Foundation

/// What a document session needs from the file system. `PosixFileSystem` is the real one;
/// `InMemoryFileSystem` is a fake for tests that can fail any operation with a chosen errno
/// (EACCES, EROFS, ENOSPC, EEXIST, …) and can play another process holding a lock.
public protocol FileSystem: AnyObject {
    /// Facts about a path, symlinks followed. `.missing` only when nothing is there (ENOENT,
    /// ENOTDIR); any other failure (a folder that cannot be searched, a loop) is `.unreachable`,
    /// so an existing file that cannot be read is never mistaken for a new one.
    func status(_ path: String) -> FileStatus
    /// The whole file.
    func read(_ path: String) throws(StorageError) -> Data
    /// Replaces a file's contents crash-safely (see `AtomicFile`); on failure the file is as it was.
    func write(_ data: Data, to path: String, defaultMode: UInt32) throws(StorageError)
    /// Removes a file; nil when done or nothing was there, else why not.
    @discardableResult func remove(_ path: String) -> StorageError?
    /// 0 when this process may write `path` (a file, or a folder to create files in), else the errno.
    func writeAccess(_ path: String) -> Int32
    /// The path a symlink chain ends at (the path itself when it is no link).
    func resolveSymlinks(_ path: String) -> String
    /// The lock beside a document (not taken yet).
    func lock(for documentPath: String) -> any DocumentLocking
    /// Removes temporary files of saves that were killed before their rename; the names removed.
    @discardableResult func removeAbandonedTemporaryFiles(beside documentPath: String) -> [String]
}

/// A lock naming the process that edits a document (see `DocumentLock`).
public protocol DocumentLocking: AnyObject {
    /// The lock file's path.
    var path: String { get }
    var isHeld: Bool { get }
    func acquire() -> DocumentLock.Outcome
    func release()
}

/// What `FileSystem.status` found at a path.
public enum FileStatus: Equatable, Sendable {
    case missing
    /// Something may be there but cannot be looked at; `errno` says why.
    case unreachable(errno: Int32)
    case exists(FileInfo)

    public var info: FileInfo? {
        if case .exists(let i) = self { return i }
        return nil
    }
}

public struct FileInfo: Equatable, Sendable {
    public enum Kind: String, Equatable, Sendable {
        case regular = "a regular file"
        case directory = "a folder"
        case fifo = "a named pipe"
        case device = "a device"
        case socket = "a socket"
        case other = "not a regular file"
    }

    public var kind: Kind
    public var size: Int64
    /// Permission bits (`0o644`).
    public var permissions: UInt32
    public var modified: Date

    public init(kind: Kind, size: Int64, permissions: UInt32, modified: Date) {
        self.kind = kind
        self.size = size
        self.permissions = permissions
        self.modified = modified
    }

    /// Nobody has write permission: the owner made it read-only (`chmod 444`).
    public var isWriteProtected: Bool { permissions & 0o222 == 0 }
}

/// The system's words for an errno ("Permission denied").
public func systemReason(_ code: Int32) -> String {
    String(cString: strerror(code))
}

/// Where the hidden files beside a document go: `.NAME.sysdraft-recovery`, `.NAME.sysdraft-lock`.
enum SidePath {
    static func beside(_ realPath: String, suffix: String) -> String {
        let dir = (realPath as NSString).deletingLastPathComponent
        let name = (realPath as NSString).lastPathComponent
        return (dir.isEmpty ? "." : dir) + "/." + name + suffix
    }

    static func folder(of path: String) -> String {
        let dir = (path as NSString).deletingLastPathComponent
        return dir.isEmpty ? "." : dir
    }
}
