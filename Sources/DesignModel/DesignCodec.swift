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
    /// The file is not UTF-8 (UTF-16 or UTF-32, told by its byte order mark or its NUL bytes).
    case notUTF8(encoding: String, iconvName: String)
    /// A key written twice in one object.
    case duplicateKey(key: String, path: String, position: TextPosition, first: TextPosition)
    /// `schemaVersion` is there but is not a whole number of the right size.
    case badSchemaVersion(String)
    /// `schemaVersion` says one version but the body is of another: migrating would lose data.
    case schemaMismatch(version: Int, detail: String)

    public var description: String {
        switch self {
        case .empty:
            return "the file is empty (no JSON, at most blank space)"
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
        case .notUTF8(let encoding, let iconv):
            return "the file is \(encoding) text; sysdraft reads UTF-8 only. Convert it first, "
                + "e.g. iconv -f \(iconv) -t UTF-8 FILE > NEW.json"
        case .duplicateKey(let key, let path, let position, let first):
            return "\(position): \(path): the key \"\(key)\" appears twice in this object (first at \(first)); "
                + "JSON readers disagree on which one counts, so sysdraft does not guess: remove one of them"
        case .badSchemaVersion(let detail):
            return detail
        case .schemaMismatch(let version, let detail):
            return "schemaVersion says \(version), but \(detail); nothing was upgraded or changed. "
                + "Correct schemaVersion if it is wrong"
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
        data = InvisibleEscapes.apply(data)
        data.append(0x0A)
        return data
    }

    /// `JSONEncoder`'s bytes for the design (no final newline): the definition of the canonical
    /// form, used when the fast encoder meets something it does not cover, and by tests.
    public static func referenceEncode(_ design: Design) throws -> Data {
        try encoder.encode(design)
    }

    public static func decode(_ data: Data) throws(DesignLoadError) -> Design {
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { throw .empty }
        if let (encoding, iconv) = TextEncodingCheck.otherEncoding(data) { throw .notUTF8(encoding: encoding, iconvName: iconv) }
        // A UTF-8 byte order mark is allowed (RFC 8259 lets readers ignore it) and not kept.
        let data = TextEncodingCheck.withoutUTF8ByteOrderMark(data)

        // One strict pass first: syntax, encoding, duplicate keys, nesting, the version as written.
        let report: JSONPreflight.Report
        do { report = try JSONPreflight.check(data) } catch {
            throw loadError(error, [UInt8](data))
        }
        guard report.topLevelIsObject else { throw .notAnObject }
        let version = try schemaVersion(report.schemaVersion)
        if version > Design.currentSchemaVersion {
            throw .newerSchema(found: version, supported: Design.currentSchemaVersion)
        }

        // The common case, a file of the current schema, is decoded once. An older schema is
        // parsed generically first, checked against the shape of its version, and migrated.
        var source = data
        if version < Design.currentSchemaVersion {
            let object: [String: Any]
            do {
                guard let root = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) as? [String: Any] else {
                    throw DesignLoadError.notAnObject
                }
                object = try Migrations.migrate(root, from: version)
                source = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])
            } catch let e as DesignLoadError {
                throw e
            } catch let e as MigrationError {
                if let mismatch = e.mismatch { throw .schemaMismatch(version: version, detail: mismatch) }
                throw .migrationFailed(from: version, detail: e.description)
            } catch {
                let bytes = [UInt8](data)
                throw .notJSON(position: JSONSyntaxError.position(error, bytes), detail: JSONSyntaxError.detail(error))
            }
        }

        var design: Design
        do {
            design = try decoder.decode(Design.self, from: source)
        } catch let error as DecodingError {
            if case .dataCorrupted(let ctx) = error, ctx.codingPath.isEmpty,
               let number = unreadableNumber(report.unusualNumbers) {
                // Foundation rejects a number that does not fit a whole-number field without
                // saying where; the preflight knows where the unusual numbers are.
                let bytes = [UInt8](data)
                throw .wrongShape(path: number.path, position: TextPosition(offset: number.offset, in: bytes),
                                  detail: numberDetail(number.text))
            }
            throw shapeError(error, bytes: version == Design.currentSchemaVersion ? [UInt8](data) : nil)
        } catch {
            throw .wrongShape(path: "(top level)", position: nil, detail: "\(error)")
        }
        design.normalizeStages()
        let errors = design.errors
        if !errors.isEmpty { throw .integrity(errors) }
        return design
    }

    /// The schema version as written: a whole number from 0 up, or a message saying what it is instead.
    static func schemaVersion(_ token: JSONPreflight.VersionToken?) throws(DesignLoadError) -> Int {
        func found(_ what: String) -> DesignLoadError { .badSchemaVersion("schemaVersion must be a whole number, found \(what)") }
        switch token {
        case nil:
            throw .missingSchemaVersion
        case .number(let text):
            if text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) {
                // 7.0 means 7 to a person: say what to write rather than only what is wrong.
                if let d = Double(text), d.rounded() == d, abs(d) < 1e9 {
                    throw found("\(text) (write \(Int(d)))")
                }
                throw found(text)
            }
            guard let v = Int(text) else { throw .badSchemaVersion("schemaVersion \(text) is out of range") }
            if v < 0 { throw .badSchemaVersion("schemaVersion must be 0 or more, found \(v)") }
            return v
        case .string(let text):
            throw found("a string \"\(text)\"" + (Int(text) != nil ? " (write the number without quotes)" : ""))
        case .literal(let word): throw found(word)
        case .object: throw found("an object")
        case .list: throw found("a list")
        }
    }

    /// The unusual number most likely to have stopped the decoder: the first one in a field
    /// the model reads as a whole number, else the first one.
    static func unreadableNumber(_ numbers: [JSONPreflight.UnusualNumber]) -> JSONPreflight.UnusualNumber? {
        numbers.first { n in
            let last = n.path.split(separator: ".").last.map(String.init) ?? n.path
            return wholeNumberFields.contains(last) || n.path.hasPrefix("interview.scores.")
        } ?? numbers.first
    }

    /// Field names the model decodes as `Int` (the last step of their path).
    static let wholeNumberFields: Set<String> = [
        "schemaVersion", "plannedSeconds", "extraSeconds", "actualSeconds", "currentPhase",
        "pausedSeconds", "pauses", "suspendedSeconds",
    ]

    static func numberDetail(_ text: String) -> String {
        if text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) {
            return "expected a whole number, found \(text)"
        }
        return "the number \(text) is out of range (a whole number from \(Int.min) to \(Int.max))"
    }

    static func loadError(_ problem: JSONPreflight.Problem, _ bytes: [UInt8]) -> DesignLoadError {
        switch problem {
        case .syntax(let offset, let detail):
            return .notJSON(position: TextPosition(offset: offset, in: bytes), detail: detail)
        case .duplicateKey(let key, let path, let offset, let first):
            return .duplicateKey(key: key, path: path, position: TextPosition(offset: offset, in: bytes),
                                 first: TextPosition(offset: first, in: bytes))
        }
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
