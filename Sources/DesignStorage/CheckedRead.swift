import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading a file that may be anything: a FIFO with no writer, a terminal, `/dev/zero`, a
/// directory, a socket, a loop of symlinks, or a regular file far too big to be a design.
///
/// The path is checked with `stat` first (so nothing but a regular file is ever opened), then
/// opened with `O_NONBLOCK` (so a FIFO swapped in after the check cannot block the open), the
/// opened descriptor is checked again with `fstat` (the file that is read is the file that was
/// checked), and at most `limit` bytes are read: a file that grows past the limit while being
/// read is refused too. Nothing here waits on anything but the disk.
public enum CheckedRead {
    /// The largest design sysdraft reads: 64 MiB. The worked example is 40 KB and a design
    /// with 6,000 components and 11,000 flows is 5 MB, so this leaves room for any real design
    /// while keeping a mistaken path (a disk image, a log) from eating memory for minutes.
    public static let designSizeLimit = 64 * 1024 * 1024

    /// `64 MiB` for messages.
    public static func describeSize(_ bytes: Int) -> String {
        if bytes >= 1 << 20 && bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 20 { return String(format: "%.1f MiB", Double(bytes) / Double(1 << 20)) }
        if bytes >= 1 << 10 { return String(format: "%.1f KiB", Double(bytes) / Double(1 << 10)) }
        return "\(bytes) bytes"
    }

    /// What a file that is not a regular file is, in words ("a named pipe (FIFO)"); nil for a
    /// regular file.
    static func kindOfNonRegular(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "a directory"
        case S_IFIFO: "a named pipe (FIFO)"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        case S_IFLNK: "a symbolic link"
        default: "not a regular file"
        }
    }

    static func notADesign(_ path: String, _ kind: String) -> StorageError {
        StorageError(path: path, message: "is \(kind), not a design file; sysdraft reads regular files only")
    }

    static func tooLarge(_ path: String, size: Int?, limit: Int) -> StorageError {
        let found = size.map { " (\(describeSize($0)))" } ?? ""
        return StorageError(path: path, message: "is too large to be a design\(found): sysdraft reads files up to "
            + "\(describeSize(limit)); nothing was read")
    }

    /// The whole file, or a `StorageError` naming the path and what is wrong with it.
    public static func read(_ path: String, limit: Int = designSizeLimit) throws(StorageError) -> Data {
        var st = stat()
        if stat(path, &st) != 0 {
            throw openError(path, errno)
        }
        if let kind = kindOfNonRegular(st.st_mode) { throw notADesign(path, kind) }
        if Int(st.st_size) > limit { throw tooLarge(path, size: Int(st.st_size), limit: limit) }

        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        if fd < 0 { throw openError(path, errno) }
        defer { close(fd) }
        // The path may have been replaced between stat and open: check what was opened.
        var opened = stat()
        if fstat(fd, &opened) != 0 { throw StorageError.errno(path, "cannot read") }
        if let kind = kindOfNonRegular(opened.st_mode) { throw notADesign(path, kind) }
        let expected = Int(opened.st_size)
        if expected > limit { throw tooLarge(path, size: expected, limit: limit) }

        // Read up to one byte past the limit, so a file that grows while being read is caught.
        var data = Data(count: min(expected, limit) + 1)
        var count = 0
        while true {
            if count == data.count {
                if count > limit { throw tooLarge(path, size: nil, limit: limit) }
                data.count = min(count + max(count, 4096), limit + 1)
            }
            let n = data.withUnsafeMutableBytes { raw in
                Glibc.read(fd, raw.baseAddress! + count, raw.count - count)
            }
            if n < 0 {
                let code = errno
                if code == EINTR { continue }
                if code == EISDIR { throw notADesign(path, "a directory") }
                throw StorageError.errno(path, "cannot read", code)
            }
            if n == 0 { break }
            count += n
        }
        if count > limit { throw tooLarge(path, size: nil, limit: limit) }
        data.count = count
        return data
    }

    /// True only when nothing is at `path` (or it is a symlink to nothing, which a save
    /// creates): the one case where a command may start a new design there. A file that cannot
    /// be read, a FIFO, a directory or a loop of links is not missing: reading it reports why.
    public static func isMissing(_ path: String) -> Bool {
        var st = stat()
        if stat(path, &st) == 0 { return false }
        return errno == ENOENT
    }

    static func openError(_ path: String, _ code: Int32) -> StorageError {
        switch code {
        case ENOENT: StorageError(path: path, message: "no such file")
        case ELOOP: StorageError(path: path, message: "cannot open: a loop of symbolic links (or too many in a row)")
        case ENOTDIR: StorageError(path: path, message: "no such file (a part of the path is not a folder)")
        case ENAMETOOLONG: StorageError(path: path, message: "cannot open: the path is too long")
        default: StorageError.errno(path, "cannot open", code)
        }
    }
}
