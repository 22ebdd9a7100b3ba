import CSignals
import Foundation

/// The crash handler's side in Swift: hands it the latest encoded recovery copy (see
/// `sd_signals.c` for how the handler stays async-signal-safe).
public final class CrashGuard: CrashKeeping {
    /// `chainBacktracer`: after the handler, let the Swift runtime's backtracer run (when the
    /// user asked for it with SWIFT_BACKTRACE; by default it would wait 30 s for a key).
    public init(note: String, chainBacktracer: Bool = ProcessInfo.processInfo.environment["SWIFT_BACKTRACE"] != nil) {
        sd_crash_install(chainBacktracer ? 1 : 0)
        sd_crash_set_note(note)
    }

    public func keep(_ data: Data, recoveryPath: String) {
        let temporary = Self.temporaryPath(for: recoveryPath)
        _ = data.withUnsafeBytes { raw in
            sd_crash_keep(raw.baseAddress, raw.count, recoveryPath, temporary)
        }
    }

    public func forget() { sd_crash_forget() }

    /// `.NAME.tmp-XXXXXX` beside the copy, the shape of AtomicFile's temporary files, so a copy
    /// cut short by a second fault is cleaned up like theirs.
    static func temporaryPath(for path: String) -> String {
        let dir = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        var suffix = String(UInt32(truncatingIfNeeded: getpid()), radix: 36)
        suffix = String(repeating: "0", count: max(0, 6 - suffix.count)) + suffix
        return (dir.isEmpty ? "." : dir) + "/." + name + ".tmp-" + String(suffix.suffix(6))
    }
}
