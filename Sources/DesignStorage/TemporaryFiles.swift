import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The temporary files crash-safe saves write beside their target, and their clean-up.
///
/// A save writes `.NAME.tmp-PID-XXXXXX` (the writer's process id, then six random characters
/// from `mkstemp`) and renames it over `NAME`. A writer killed before the rename (kill -9,
/// power cut) leaves that file behind; it never holds the only copy of anything, since the
/// target still has the previous version. Every save removes the leftovers of writers that
/// are gone before it writes its own, so they do not pile up; a file whose writer still runs
/// (a save in progress in another process) is never touched.
///
/// Builds before this one wrote `.NAME.tmp-XXXXXX`, without the pid. Whether their writer runs
/// cannot be known from the name, so only a caller that knows no one else saves the file (the
/// workspace holding the document lock) removes those.
public enum TemporaryFiles {
    /// The `mkstemp` template for a save of `base` in `dir` by process `pid`.
    static func template(dir: String, base: String, pid: Int32 = getpid()) -> String {
        "\(dir)/.\(base).tmp-\(pid)-XXXXXX"
    }

    /// Who wrote a directory entry, if it is a temporary file of a save of `base`:
    /// `.named(pid)` for this build's names, `.unnamed` for older builds' names, nil when the
    /// entry is not one (any other file, however similar its name).
    enum Writer: Equatable { case named(Int32), unnamed }

    static func writer(ofEntry entry: String, base: String) -> Writer? {
        let prefix = "." + base + ".tmp-"
        guard entry.hasPrefix(prefix) else { return nil }
        let rest = entry.utf8.dropFirst(prefix.utf8.count)
        func isSuffixChar(_ b: UInt8) -> Bool {
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
        }
        if rest.count == 6 && rest.allSatisfy(isSuffixChar) { return .unnamed }
        guard rest.count > 7, let dash = rest.firstIndex(of: UInt8(ascii: "-")) else { return nil }
        let digits = rest[rest.startIndex..<dash], suffix = rest[rest.index(after: dash)...]
        guard !digits.isEmpty, digits.count <= 10, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              suffix.count == 6, suffix.allSatisfy(isSuffixChar),
              let pid = Int32(String(decoding: digits, as: UTF8.self)), pid > 0 else { return nil }
        return .named(pid)
    }

    /// True when process `pid` still runs (or exists but belongs to another user).
    static func isRunning(_ pid: Int32) -> Bool {
        if pid == getpid() { return true }
        return kill(pid, 0) == 0 || errno != ESRCH
    }

    /// Removes the temporary files of saves of `target` (already resolved: not a symlink)
    /// whose writer is gone; with `includingUnnamedWriters`, also older builds' ones. Returns
    /// the names removed. Never fails: a file that cannot be removed is left where it is.
    @discardableResult
    public static func removeAbandoned(besides target: String, includingUnnamedWriters: Bool = false) -> [String] {
        let dirPart = (target as NSString).deletingLastPathComponent
        let dir = dirPart.isEmpty ? "." : dirPart
        let base = (target as NSString).lastPathComponent
        guard let d = opendir(dir) else { return [] }
        let prefix = Array(("." + base + ".tmp-").utf8)
        var abandoned: [String] = []
        while let entry = readdir(d) {
            // Compare the prefix on the raw name first: most entries are not ours.
            let matches = withUnsafeBytes(of: entry.pointee.d_name) { raw -> Bool in
                let name = raw.bindMemory(to: UInt8.self)
                guard name.count > prefix.count else { return false }
                for i in 0..<prefix.count where name[i] != prefix[i] { return false }
                return true
            }
            guard matches else { continue }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.bindMemory(to: UInt8.self).prefix { $0 != 0 }, as: UTF8.self)
            }
            switch writer(ofEntry: name, base: base) {
            case .named(let pid) where !isRunning(pid): abandoned.append(name)
            case .unnamed where includingUnnamedWriters: abandoned.append(name)
            default: continue
            }
        }
        closedir(d)
        // Removed after the listing, which is then not changed under readdir.
        return abandoned.filter { unlink(dir + "/" + $0) == 0 }.sorted()
    }
}
