import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A lock beside a design (`.NAME.sysdraft-lock`) naming the process that edits it, so a
/// second sysdraft on the same file can warn and open read-only. A lock whose process is gone
/// (crash, kill -9) is taken over.
public final class DocumentLock: @unchecked Sendable {
    public enum Outcome: Equatable, Sendable {
        case acquired
        /// Taken over from a process that no longer runs.
        case tookOverStale(pid: Int32)
        case heldBy(pid: Int32, host: String)
    }

    public let path: String
    private var held = false

    public init(for documentPath: String) {
        let real = AtomicFile.resolveSymlinks(documentPath)
        let dir = (real as NSString).deletingLastPathComponent
        let name = (real as NSString).lastPathComponent
        path = (dir.isEmpty ? "." : dir) + "/." + name + ".sysdraft-lock"
    }

    /// Tries to take the lock. Creation is exclusive, so two starting instances cannot both win.
    public func acquire(pid: Int32 = getpid()) -> Outcome {
        let host = ProcessInfo.processInfo.hostName
        for attempt in 0..<2 {
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            if fd >= 0 {
                let text = "\(pid)\n\(host)\n"
                _ = text.withCString { Glibc.write(fd, $0, strlen($0)) }
                fsync(fd)
                close(fd)
                held = true
                return .acquired
            }
            guard errno == EEXIST else {
                // A folder we cannot write in: nothing to protect against; carry on unlocked.
                return .acquired
            }
            let (owner, ownerHost) = readOwner()
            if let owner, owner != pid, ownerHost == host, kill(owner, 0) != 0 && errno == ESRCH, attempt == 0 {
                unlink(path)
                if case .acquired = acquire(pid: pid) { return .tookOverStale(pid: owner) }
                continue
            }
            if owner == pid {
                held = true
                return .acquired
            }
            return .heldBy(pid: owner ?? 0, host: ownerHost ?? "?")
        }
        let (owner, ownerHost) = readOwner()
        return .heldBy(pid: owner ?? 0, host: ownerHost ?? "?")
    }

    func readOwner() -> (Int32?, String?) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return (nil, nil) }
        let lines = text.split(separator: "\n").map(String.init)
        return (lines.first.flatMap { Int32($0) }, lines.count > 1 ? lines[1] : nil)
    }

    /// Removes the lock if this process holds it.
    public func release() {
        guard held else { return }
        if readOwner().0 == getpid() { unlink(path) }
        held = false
    }

    deinit { release() }
}
