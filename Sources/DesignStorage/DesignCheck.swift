import DesignModel
import Foundation

/// What checking a design file found, when it can be read at all.
public struct DesignCheck {
    public var design: Design
    /// The bytes that were read (so a rewrite compares against exactly what was checked).
    public var data: Data
    /// Fields the model does not know (see `UnknownFields`): a rewrite would drop them.
    public var unknownFields: [String]
    /// Warnings: things worth a look that do not stop the file from loading.
    public var warnings: [Finding]
}

extension DesignFile {
    /// The one check behind `validate` and `fmt` (and anything else that must refuse what
    /// `validate` refuses): the checked read (regular file, size limit, never blocking), then
    /// decoding with every check of `DesignCodec.decode` (encoding, syntax, duplicate keys,
    /// schema version against the body, field types, references, number ranges). Anything
    /// `validate` reports as an error is thrown here; warnings (with `catalogue`, also unknown
    /// checklist keys) and unknown fields are returned. Never writes.
    public static func check(_ path: String, catalogue: StageCatalogue? = nil) throws(DesignFileError) -> DesignCheck {
        let data = try readBytes(path)
        let design: Design
        do { design = try DesignCodec.decode(data) } catch { throw .content(path: path, error) }
        return DesignCheck(design: design, data: data,
                           unknownFields: UnknownFields.find(in: data, decoded: design),
                           warnings: design.findings(catalogue: catalogue).filter { $0.severity == .warning })
    }
}

extension DesignFileError {
    /// The file the error is about.
    public var path: String {
        switch self {
        case .storage(let e): e.path
        case .content(let path, _): path
        }
    }

    /// One line per problem, each without the path (a caller puts the path in front): the
    /// findings of an inconsistent design one by one, anything else as its one message.
    public var problems: [String] {
        switch self {
        case .storage(let e): [e.message]
        case .content(_, .integrity(let findings)): findings.map(\.description)
        case .content(_, let e): [e.description]
        }
    }
}
