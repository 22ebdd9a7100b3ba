import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A lock beside a design (`.NAME.sysdraft-lock`) naming the process that edits it, so a
/// second sysdraft on the same file can warn and open read-only. A lock whose process is gone
/// (crash, kill -9) is taken over.
///
/// The file names the owner (pid and host) for the warning; who really owns it is decided by
/// an exclusive `flock` held on it for as long as the lock is held. The kernel drops that
/// `flock` when the owner dies, however it dies, so a stale lock is recognised without
/// trusting the pid (which may have been reused, or belong to a zombie) and two instances
/// taking over the same stale lock at once cannot both win. A lock file left empty by a
/// process killed while creating it is stale too.
public final class DocumentLock: DocumentLocking, @unchecked Sendable {
    public enum Outcome: Equatable, Sendable {
        case acquired
        /// Taken over from a process that no longer runs.
        case tookOverStale(pid: Int32)
        case heldBy(pid: Int32, host: String)
        /// No lock file can be made (a folder the user cannot write, a read-only mount): nothing
        /// protects the file from a second instance, and saving there will most likely fail too.
        /// `reason` is the system's word for it ("Permission denied").
        case unavailable(reason: String)
    }

    public let path: String
    private var fd: Int32 = -1
    private var held = false

    public init(for documentPath: String) {
        let real = AtomicFile.resolveSymlinks(documentPath)
        let dir = (real as NSString).deletingLastPathComponent
        let name = (real as NSString).lastPathComponent
        path = (dir.isEmpty ? "." : dir) + "/." + name + ".sysdraft-lock"
    }

    /// Tries to take the lock for this process.
    public func acquire() -> Outcome { acquire(pid: getpid()) }

    public var isHeld: Bool { held }

    /// Tries to take the lock.
    public func acquire(pid: Int32) -> Outcome {
        if held { return .acquired }
        let host = ProcessInfo.processInfo.hostName
        for _ in 0..<5 {
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                // A folder we cannot write in (or a read-only mount): say so, and carry on unlocked.
                return .unavailable(reason: String(cString: strerror(errno)))
            }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                let code = errno
                let (owner, ownerHost) = readOwner(fd)
                close(fd)
                if code == EWOULDBLOCK {
                    return .heldBy(pid: owner ?? 0, host: ownerHost ?? "?")
                }
                // No flock on this file system: fall back to asking whether the named process runs.
                if let owner, owner != pid, ownerHost != host || kill(owner, 0) == 0 || errno != ESRCH {
                    return .heldBy(pid: owner, host: ownerHost ?? "?")
                }
                return writeOwner(pid: pid, host: host, previous: owner)
            }
            // The file we locked may have been removed (released) between open and flock.
            var mine = stat(), current = stat()
            if fstat(fd, &mine) != 0 || stat(path, &current) != 0
                || mine.st_ino != current.st_ino || mine.st_dev != current.st_dev {
                close(fd)
                continue
            }
            let (previous, _) = readOwner(fd)
            self.fd = fd
            return writeOwner(pid: pid, host: host, previous: previous)
        }
        let (owner, ownerHost) = readOwner()
        return .heldBy(pid: owner ?? 0, host: ownerHost ?? "?")
    }

    /// Writes "pid\nhost\n" into the lock file (through the held descriptor when there is one).
    private func writeOwner(pid: Int32, host: String, previous: Int32?) -> Outcome {
        let text = "\(pid)\n\(host)\n"
        if fd >= 0 {
            _ = ftruncate(fd, 0)
            _ = text.withCString { pwrite(fd, $0, strlen($0), 0) }
            _ = fsync(fd)
        } else {
            let f = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            if f >= 0 {
                _ = text.withCString { Glibc.write(f, $0, strlen($0)) }
                _ = fsync(f)
                close(f)
            }
        }
        held = true
        if let previous, previous != pid { return .tookOverStale(pid: previous) }
        return .acquired
    }

    private func readOwner(_ fd: Int32) -> (Int32?, String?) {
        var buf = [UInt8](repeating: 0, count: 512)
        let n = pread(fd, &buf, buf.count, 0)
        guard n > 0 else { return (nil, nil) }
        return Self.parse(String(decoding: buf[0..<n], as: UTF8.self))
    }

    func readOwner() -> (Int32?, String?) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return (nil, nil) }
        return Self.parse(text)
    }

    static func parse(_ text: String) -> (Int32?, String?) {
        let lines = text.split(separator: "\n").map(String.init)
        return (lines.first.flatMap { Int32($0) }, lines.count > 1 ? lines[1] : nil)
    }

    /// The process named in the lock file, if any (for messages and tests).
    public var owner: (pid: Int32, host: String)? {
        let (pid, host) = readOwner()
        return pid.map { ($0, host ?? "?") }
    }

    /// Removes the lock if this process holds it.
    public func release() {
        guard held else { return }
        held = false
        if fd >= 0 {
            // Unlink only the file we hold, while we still hold it.
            var mine = stat(), current = stat()
            if fstat(fd, &mine) == 0 && stat(path, &current) == 0
                && mine.st_ino == current.st_ino && mine.st_dev == current.st_dev {
                unlink(path)
            }
            close(fd)
            fd = -1
        } else if readOwner().0 == getpid() {
            unlink(path)
        }
    }

    deinit { release() }
}
