import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The real file system, through POSIX calls.
public final class PosixFileSystem: FileSystem {
    public init() {}

    public func status(_ path: String) -> FileStatus {
        var st = stat()
        guard stat(path, &st) == 0 else {
            let code = errno
            return code == ENOENT || code == ENOTDIR ? .missing : .unreachable(errno: code)
        }
        let kind: FileInfo.Kind
        switch st.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        case S_IFIFO: kind = .fifo
        case S_IFCHR, S_IFBLK: kind = .device
        case S_IFSOCK: kind = .socket
        default: kind = .other
        }
        let modified = Date(timeIntervalSince1970: Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9)
        return .exists(FileInfo(kind: kind, size: Int64(st.st_size), permissions: UInt32(st.st_mode & 0o7777),
                                modified: modified))
    }

    public func read(_ path: String) throws(StorageError) -> Data {
        // The checked read: regular files only, up to the documented size limit, never blocking.
        do { return try AtomicFile.read(path) } catch let e as StorageError { throw e } catch {
            throw StorageError(path: path, message: "\(error)")
        }
    }

    public func write(_ data: Data, to path: String, defaultMode: UInt32) throws(StorageError) {
        do { try AtomicFile.write(data, to: path, defaultMode: mode_t(defaultMode)) } catch let e as StorageError {
            throw e
        } catch {
            throw StorageError(path: path, message: "\(error)")
        }
    }

    @discardableResult
    public func remove(_ path: String) -> StorageError? {
        if unlink(path) == 0 || errno == ENOENT { return nil }
        return StorageError.errno(path, "cannot remove")
    }

    public func writeAccess(_ path: String) -> Int32 {
        access(path, W_OK) == 0 ? 0 : errno
    }

    public func resolveSymlinks(_ path: String) -> String { AtomicFile.resolveSymlinks(path) }

    public func lock(for documentPath: String) -> any DocumentLocking { DocumentLock(for: documentPath) }

    @discardableResult
    public func removeAbandonedTemporaryFiles(beside documentPath: String) -> [String] {
        RecoveryFile(for: documentPath).removeAbandonedTemporaryFiles()
    }
}
