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

    /// Removes the temporary files of saves of the document and of this copy that were
    /// killed before their rename (kill -9, power cut); see `TemporaryFiles`. Those whose
    /// writer still runs (a `sysdraft fmt` saving at this very moment) are kept. Only the lock
    /// holder calls this, on open, so it also removes older builds' temp files, which do not
    /// name their writer. Returns the names removed.
    @discardableResult
    public func removeAbandonedTemporaryFiles() -> [String] {
        (TemporaryFiles.removeAbandoned(besides: AtomicFile.resolveSymlinks(documentPath), includingUnnamedWriters: true)
            + TemporaryFiles.removeAbandoned(besides: path, includingUnnamedWriters: true)).sorted()
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
