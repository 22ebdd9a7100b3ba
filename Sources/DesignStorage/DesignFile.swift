import DesignModel
import Foundation

/// Why a design file could not be opened: the file could not be read, or its content is wrong.
/// The message always starts with the path.
public enum DesignFileError: Error, CustomStringConvertible {
    case storage(StorageError)
    case content(path: String, DesignLoadError)

    public var description: String {
        switch self {
        case .storage(let e): e.description
        case .content(let path, let e): "\(path): \(e.description)"
        }
    }
}

/// Loading and saving designs on disk.
public enum DesignFile {
    /// Reads and checks a design. Never writes to the file, whatever is wrong with it.
    public static func load(_ path: String) throws(DesignFileError) -> Design {
        let data = try read(path)
        do { return try DesignCodec.decode(data) } catch { throw .content(path: path, error) }
    }

    /// Like `load`, and also lists the fields in the file the model does not know (see
    /// `UnknownFields`), which a save would drop.
    public static func loadListingUnknownFields(_ path: String) throws(DesignFileError) -> (design: Design, unknownFields: [String]) {
        let data = try read(path)
        let design: Design
        do { design = try DesignCodec.decode(data) } catch { throw .content(path: path, error) }
        return (design, UnknownFields.find(in: data, decoded: design))
    }

    /// The bytes of a design file, read the one safe way every reader uses (the commands, the
    /// workspace, recovery): a regular file only, at most `CheckedRead.designSizeLimit` bytes,
    /// never blocking on a FIFO or a device. Never writes.
    public static func readBytes(_ path: String) throws(DesignFileError) -> Data {
        do { return try CheckedRead.read(path) } catch { throw .storage(error) }
    }

    private static func read(_ path: String) throws(DesignFileError) -> Data { try readBytes(path) }

    /// True only when there is no design at `path` to read, so a new one may be started
    /// there (see `CheckedRead.isMissing`); an unreadable file is not missing.
    public static func isMissing(_ path: String) -> Bool { CheckedRead.isMissing(path) }

    /// Saves crash-safely (see `AtomicFile`). On failure the file on disk is unchanged.
    public static func save(_ design: Design, to path: String) throws(DesignFileError) {
        do {
            let data = try DesignCodec.encode(design)
            try AtomicFile.write(data, to: path)
        } catch let e as StorageError {
            throw .storage(e)
        } catch {
            throw .storage(StorageError(path: path, message: "cannot encode the design: \(error)"))
        }
    }
}
