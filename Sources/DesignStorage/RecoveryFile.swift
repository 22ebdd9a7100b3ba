import DesignModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The hidden copy of unsaved edits kept beside a design (`.NAME.sysdraft-recovery`), written
/// crash-safely a moment after each change and removed on a clean exit. If sysdraft dies
/// (kill -9, power cut, lost SSH session), the next start offers it back.
public struct RecoveryFile: Sendable {
    public let documentPath: String
    public let path: String

    public init(for documentPath: String) {
        self.documentPath = documentPath
        let real = AtomicFile.resolveSymlinks(documentPath)
        let dir = (real as NSString).deletingLastPathComponent
        let name = (real as NSString).lastPathComponent
        path = (dir.isEmpty ? "." : dir) + "/." + name + ".sysdraft-recovery"
    }

    public var exists: Bool { FileManager.default.fileExists(atPath: path) }

    public func write(_ design: Design) throws {
        try AtomicFile.write(try DesignCodec.encode(design), to: path, defaultMode: 0o600)
    }

    /// The recovered design, or the reason it cannot be read (a half-written copy is impossible,
    /// but a copy from a newer sysdraft is not).
    public func read() throws(DesignFileError) -> Design {
        try DesignFile.load(path)
    }

    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Removes the temporary files of saves that were killed before their rename (kill -9,
    /// power cut): `.NAME.tmp-XXXXXX` beside the document and the same for the recovery copy.
    /// They never hold the only copy of anything (the rename had not happened), so only the
    /// lock holder calls this, on open; a one-shot command such as `fmt` saving the same file
    /// at that very moment fails with a message and leaves the file as it was. Returns the
    /// names removed.
    @discardableResult
    public func removeAbandonedTemporaryFiles() -> [String] {
        let dir = (path as NSString).deletingLastPathComponent
        let name = ((AtomicFile.resolveSymlinks(documentPath)) as NSString).lastPathComponent
        let prefixes = ["." + name + ".tmp-", "." + (path as NSString).lastPathComponent + ".tmp-"]
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        var removed: [String] = []
        for entry in entries where prefixes.contains(where: { entry.hasPrefix($0) }) {
            // mkstemp's suffix is six characters; anything else is not ours.
            guard let p = prefixes.first(where: { entry.hasPrefix($0) }), entry.count == p.count + 6 else { continue }
            if unlink(dir + "/" + entry) == 0 { removed.append(entry) }
        }
        return removed
    }

    /// True when the recovery copy is newer than the document (or the document is gone).
    public var isNewerThanDocument: Bool {
        guard let r = modificationDate(path) else { return false }
        guard let d = modificationDate(documentPath) else { return true }
        return r > d
    }

    func modificationDate(_ p: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: p))?[.modificationDate] as? Date
    }
}
