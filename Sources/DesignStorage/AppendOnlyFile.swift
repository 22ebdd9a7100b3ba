import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A log file that is only ever appended to, never rewritten: each record is one line, added
/// with a single `write(2)` on a descriptor opened with `O_APPEND`, so two programs appending at
/// once cannot interleave inside a line and a crash can at worst leave the last line torn. A
/// torn last line is closed off with a newline before the next record, so only that line is lost.
public enum AppendOnlyFile {
    /// Appends `line` (which should end in a newline) to the file at `path`, creating the file
    /// (mode 0644) and its directory (0700) when missing.
    public static func append(_ line: Data, to path: String) throws {
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty && !FileManager.default.fileExists(atPath: dir) {
            do {
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw StorageError(path: dir, message: "cannot create the directory: \((error as NSError).localizedDescription)")
            }
        }
        let fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        if fd < 0 { throw StorageError.errno(path, "cannot open for appending") }
        defer { close(fd) }
        var bytes = [UInt8](line)
        var st = stat()
        if fstat(fd, &st) == 0, st.st_size > 0 {
            var last: UInt8 = 0
            if pread(fd, &last, 1, off_t(st.st_size - 1)) == 1, last != 0x0A { bytes.insert(0x0A, at: 0) }
        }
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        if written < 0 { throw StorageError.errno(path, "cannot append") }
        if written != bytes.count {
            throw StorageError(path: path, message: "only \(written) of \(bytes.count) bytes were appended (disk full?)")
        }
        _ = fsync(fd)
    }
}
