import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed file operation, worded for the person at the keyboard.
public struct StorageError: Error, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }

    static func errno(_ path: String, _ what: String, _ code: Int32 = Foundation.errno) -> StorageError {
        StorageError(path: path, message: "\(what): \(String(cString: strerror(code)))")
    }
}

/// Crash-safe replacement of a file's contents.
///
/// The new bytes go to a temporary file created exclusively in the same directory; it is
/// flushed to disk, renamed over the target, and the directory is flushed so the rename
/// itself survives a power cut. At every moment the target is either the old file or the
/// new one, never a mixture. If anything fails, the temporary file is removed and the
/// target is untouched. A symlink is followed (its target is replaced, the link stays);
/// an existing file keeps its permission bits.
public enum AtomicFile {
    public static func write(_ data: Data, to path: String, defaultMode: mode_t = 0o644) throws {
        let target = resolveSymlinks(path)
        let dir = (target as NSString).deletingLastPathComponent.isEmpty
            ? "." : (target as NSString).deletingLastPathComponent
        let base = (target as NSString).lastPathComponent

        var st = stat()
        let mode: mode_t
        if stat(target, &st) == 0 {
            if (st.st_mode & S_IFMT) == S_IFDIR {
                throw StorageError(path: path, message: "is a directory")
            }
            mode = st.st_mode & 0o7777
        } else {
            let mask = umask(0)
            umask(mask)
            mode = defaultMode & ~mask
        }

        // Leftovers of earlier saves of this file killed before their rename.
        TemporaryFiles.removeAbandoned(besides: target)
        // mkstemp opens with O_CREAT|O_EXCL, so an existing file is never reused. The name
        // carries our pid, so a later save can tell whether a leftover's writer is gone.
        var template = Array(TemporaryFiles.template(dir: dir, base: base).utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        if fd < 0 {
            throw StorageError.errno(path, "cannot create a temporary file in \(dir)")
        }
        let tmp = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var ok = false
        defer {
            if !ok { unlink(tmp) }
        }
        do {
            try data.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                    if n < 0 {
                        if errno == EINTR { continue }
                        let code = errno
                        close(fd)
                        throw StorageError.errno(path, "cannot write", code)
                    }
                    offset += n
                }
            }
            if fchmod(fd, mode) != 0 {
                let code = errno
                close(fd)
                throw StorageError.errno(path, "cannot set permissions", code)
            }
            if fsync(fd) != 0 {
                let code = errno
                close(fd)
                throw StorageError.errno(path, "cannot flush to disk", code)
            }
            if close(fd) != 0 {
                throw StorageError.errno(path, "cannot close")
            }
            if rename(tmp, target) != 0 {
                throw StorageError.errno(path, "cannot replace the file")
            }
            ok = true
        }
        // The data is safe; flushing the directory makes the rename durable.
        let dfd = open(dir, O_RDONLY | O_DIRECTORY)
        if dfd >= 0 {
            _ = fsync(dfd)
            close(dfd)
        }
    }

    /// Follows symlinks (also chains and relative links) to the file that really holds the data.
    /// A dangling link resolves to where it points, so the save creates that file.
    public static func resolveSymlinks(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            var buf = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(current, &buf, buf.count - 1)
            if n < 0 { return current }
            let dest = String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if dest.hasPrefix("/") {
                current = dest
            } else {
                current = ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(dest)
            }
        }
        return current
    }

    /// Reads a whole file, with errors worded like the writer's. Only regular files up to
    /// `CheckedRead.designSizeLimit` are read, without ever blocking (see `CheckedRead`).
    public static func read(_ path: String) throws -> Data {
        try CheckedRead.read(path)
    }
}
