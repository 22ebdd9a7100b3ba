import Foundation

/// Why a document could not be read. Every case says where, so the user can fix the file.
public enum DesignLoadError: Error, Equatable, CustomStringConvertible {
    case empty
    case notJSON(position: TextPosition?, detail: String)
    case notAnObject
    case missingSchemaVersion
    case newerSchema(found: Int, supported: Int)
    case migrationFailed(from: Int, detail: String)
    case wrongShape(path: String, position: TextPosition?, detail: String)
    case integrity([Finding])

    public var description: String {
        switch self {
        case .empty:
            return "the file is empty"
        case .notJSON(let pos, let detail):
            return "not valid JSON" + (pos.map { " at \($0)" } ?? "") + ": \(detail)"
        case .notAnObject:
            return "not a sysdraft design: the top level must be a JSON object"
        case .missingSchemaVersion:
            return "not a sysdraft design: no \"schemaVersion\" number at the top level"
        case .newerSchema(let found, let supported):
            return "schemaVersion \(found) is newer than this build of sysdraft understands (\(supported)); "
                + "upgrade sysdraft to open it. The file was not changed."
        case .migrationFailed(let from, let detail):
            return "could not upgrade from schemaVersion \(from): \(detail)"
        case .wrongShape(let path, let pos, let detail):
            return (pos.map { "\($0): " } ?? "") + "\(path): \(detail)"
        case .integrity(let findings):
            return "the design is inconsistent:\n" + findings.map { "  \($0)" }.joined(separator: "\n")
        }
    }
}

/// Reads and writes designs as JSON: pretty-printed, sorted keys, ISO-8601 dates, a final
/// newline. Encoding a decoded file we wrote gives back the same bytes.
public enum DesignCodec {
    public static func encode(_ design: Design) throws -> Data {
        var data: Data
        do {
            data = Data(try CanonicalJSONEncoder().encode(design))
        } catch is CanonicalJSONEncoder.Unsupported {
            data = try referenceEncode(design)
        }
        data.append(0x0A)
        return data
    }

    /// `JSONEncoder`'s bytes for the design (no final newline): the definition of the canonical
    /// form, used when the fast encoder meets something it does not cover, and by tests.
    public static func referenceEncode(_ design: Design) throws -> Data {
        try encoder.encode(design)
    }

    public static func decode(_ data: Data) throws(DesignLoadError) -> Design {
        // The common case, a file of the current schema, is parsed once. Anything else (an
        // older or newer schema, a mistake) takes the careful path below, which parses the
        // JSON generically first to check the version, migrate, and locate errors.
        if var design = try? decoder.decode(Design.self, from: data), design.schemaVersion == Design.currentSchemaVersion {
            design.normalizeStages()
            let errors = design.errors
            if !errors.isEmpty { throw .integrity(errors) }
            return design
        }
        let bytes = [UInt8](data)
        if bytes.allSatisfy({ [0x20, 0x0A, 0x0D, 0x09].contains($0) }) { throw .empty }

        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw .notJSON(position: JSONSyntaxError.position(error, bytes), detail: JSONSyntaxError.detail(error))
        }
        guard var object = root as? [String: Any] else { throw .notAnObject }
        guard let version = object["schemaVersion"] as? Int else {
            throw .missingSchemaVersion
        }
        if version > Design.currentSchemaVersion {
            throw .newerSchema(found: version, supported: Design.currentSchemaVersion)
        }
        var source = data
        if version < Design.currentSchemaVersion {
            do {
                object = try Migrations.migrate(object, from: version)
                source = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])
            } catch let e as MigrationError {
                throw .migrationFailed(from: version, detail: e.description)
            } catch {
                throw .migrationFailed(from: version, detail: "\(error)")
            }
        }

        var design: Design
        do {
            design = try decoder.decode(Design.self, from: source)
        } catch let error as DecodingError {
            throw shapeError(error, bytes: version == Design.currentSchemaVersion ? bytes : nil)
        } catch {
            throw .wrongShape(path: "(top level)", position: nil, detail: "\(error)")
        }
        design.normalizeStages()
        let errors = design.errors
        if !errors.isEmpty { throw .integrity(errors) }
        return design
    }

    // MARK: internals

    static var encoder: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        e.dateEncodingStrategy = .iso8601
        return e
    }

    static var decoder: JSONDecoder {
        let d = JSONDecoder()
        // A custom strategy so a bad date reports its path (the built-in one reports none).
        d.dateDecodingStrategy = .custom { decoder in
            let c = try decoder.singleValueContainer()
            let s = try c.decode(String.self)
            guard let date = try? Date(s, strategy: .iso8601) else {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: "not an ISO-8601 date")
            }
            return date
        }
        return d
    }

    static func shapeError(_ error: DecodingError, bytes: [UInt8]?) -> DesignLoadError {
        let path: [CodingKey]
        let detail: String
        switch error {
        case .typeMismatch(let type, let ctx):
            path = ctx.codingPath
            detail = "expected \(describe(type))" + found(ctx.debugDescription)
        case .valueNotFound(let type, let ctx):
            path = ctx.codingPath
            detail = "expected \(describe(type)), found null"
        case .keyNotFound(let key, let ctx):
            path = ctx.codingPath
            detail = "missing required field \"\(key.stringValue)\""
        case .dataCorrupted(let ctx):
            path = ctx.codingPath
            detail = corruptedDetail(ctx)
        @unknown default:
            path = []
            detail = "\(error)"
        }
        let steps = JSONLocator.steps(path)
        let pos = bytes.flatMap { b in JSONLocator.offset(of: steps, in: b).map { TextPosition(offset: $0, in: b) } }
        return .wrongShape(path: JSONLocator.describe(steps), position: pos, detail: detail)
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type: "a whole number"
        case is Bool.Type: "true or false"
        case is Double.Type: "a number"
        case is Date.Type: "an ISO-8601 date such as 2026-01-31T09:30:00Z"
        default:
            String(describing: type).hasPrefix("Array") ? "a list" :
                String(describing: type).hasPrefix("Dictionary") ? "an object" : "\(type)"
        }
    }

    static func found(_ debug: String) -> String {
        // Foundation says "... but found a string instead."
        if let r = debug.range(of: "found ") {
            return ", found " + debug[r.upperBound...].replacingOccurrences(of: " instead.", with: "")
        }
        return ""
    }

    static func corruptedDetail(_ ctx: DecodingError.Context) -> String {
        let d = ctx.debugDescription
        if d.contains("Cannot initialize") || d.contains("cannot initialize") {
            // An enum raw value not in the list.
            if let quote = d.range(of: "from invalid String value ") {
                return "unknown value \(d[quote.upperBound...])"
            }
            return "unknown value"
        }
        if d.lowercased().contains("date") { return "not an ISO-8601 date such as 2026-01-31T09:30:00Z" }
        return d
    }
}

/// Reads position and cause out of Foundation's JSON syntax errors, which say either
/// "line L, column C" or "character N" depending on the platform.
public enum JSONSyntaxError {
    public static func position(_ error: Error, _ bytes: [UInt8]) -> TextPosition? {
        let text = "\((error as NSError).userInfo)" + "\(error)"
        if let r = text.range(of: #"line (\d+), column (\d+)"#, options: .regularExpression) {
            let nums = text[r].split { !$0.isNumber }.compactMap { Int($0) }
            if nums.count == 2 { return TextPosition(line: nums[0], column: nums[1]) }
        }
        if let r = text.range(of: #"character (\d+)"#, options: .regularExpression),
           let n = Int(text[r].split(separator: " ")[1]) {
            return TextPosition(offset: n, in: bytes)
        }
        return nil
    }

    public static func detail(_ error: Error) -> String {
        let d = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? "\(error)"
        if d.contains("Unexpected end of file") || d.contains("unexpected end") {
            return "the file ends too early (truncated?)"
        }
        var s = d.replacingOccurrences(of: #" around (line \d+, column \d+|character \d+)\.?"#, with: "",
                                       options: .regularExpression)
        if s.hasSuffix(".") { s.removeLast() }
        return s.isEmpty ? "unreadable JSON" : s.prefix(1).lowercased() + s.dropFirst()
    }
}
