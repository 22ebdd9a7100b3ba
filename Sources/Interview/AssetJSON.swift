import DesignModel
import Foundation

/// One thing wrong with a plan or problem file, with where it is.
public struct AssetProblem: Equatable, Sendable, CustomStringConvertible {
    /// JSON path such as `phases[2].minutes`; `(top level)` for the file as a whole.
    public var path: String
    /// Line and column in the file, when they could be found.
    public var position: TextPosition?
    public var message: String

    public init(path: String, position: TextPosition? = nil, message: String) {
        self.path = path
        self.position = position
        self.message = message
    }

    public var description: String {
        (position.map { "\($0): " } ?? "") + message + (path == "(top level)" ? "" : " (at \(path))")
    }
}

/// A plan or problem file that could not be used. Names the file and every problem found.
public struct AssetFileError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable { case plan, problem }
    public var kind: Kind
    /// The file's path when it came from disk, otherwise the name it was loaded under.
    public var file: String
    public var problems: [AssetProblem]

    public init(kind: Kind, file: String, problems: [AssetProblem]) {
        self.kind = kind
        self.file = file
        self.problems = problems
    }

    public var description: String {
        if problems.count == 1 { return "\(kind.rawValue) file \(file): \(problems[0])" }
        return "\(kind.rawValue) file \(file) has \(problems.count) problems:\n"
            + problems.map { "  \($0)" }.joined(separator: "\n")
    }
}

/// A JSON value as decoded, so the loaders can check types and report every problem at once.
enum JSONValue: Decodable, Equatable {
    case null, bool(Bool), number(Double), string(String)
    case array([JSONValue]), object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "true/false"
        case .number: "a number"
        case .string: "a string"
        case .array: "a list"
        case .object: "an object"
        }
    }
}

/// Walks a decoded JSON tree, collecting problems with their paths and positions.
struct AssetReader {
    typealias Path = [JSONLocator.Step]
    let bytes: [UInt8]
    var problems: [AssetProblem] = []

    init(_ data: Data) { bytes = [UInt8](data) }

    /// Parses the text; on a syntax error records it (with line and column) and returns nil.
    mutating func parse() -> JSONValue? {
        if bytes.allSatisfy({ [0x20, 0x0A, 0x0D, 0x09].contains($0) }) {
            problems.append(AssetProblem(path: "(top level)", message: "the file is empty"))
            return nil
        }
        do {
            _ = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            problems.append(AssetProblem(path: "(top level)", position: JSONSyntaxError.position(error, bytes),
                                         message: "not valid JSON: " + JSONSyntaxError.detail(error)))
            return nil
        }
        do {
            return try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
        } catch {
            problems.append(AssetProblem(path: "(top level)", message: "not valid JSON: \(error)"))
            return nil
        }
    }

    mutating func fail(_ path: Path, _ message: String) {
        let pos = JSONLocator.offset(of: path, in: bytes).map { TextPosition(offset: $0, in: bytes) }
        problems.append(AssetProblem(path: JSONLocator.describe(path), position: pos, message: message))
    }

    /// The object's fields, after checking that only `known` keys are used (a misspelt key
    /// would otherwise be silently ignored).
    mutating func object(_ value: JSONValue, _ path: Path, known: [String], what: String) -> [String: JSONValue]? {
        guard case .object(let fields) = value else {
            fail(path, "\(what) must be an object, found \(value.kindName)")
            return nil
        }
        for key in fields.keys.sorted() where !known.contains(key) {
            fail(path + [.key(key)], "\(what): unknown field \"\(key)\"; known fields: "
                + known.joined(separator: ", "))
        }
        return fields
    }

    mutating func string(_ fields: [String: JSONValue], _ key: String, _ path: Path, what: String,
                         required: Bool = true) -> String? {
        guard let v = fields[key] else {
            if required { fail(path, "\(what): missing \"\(key)\"") }
            return nil
        }
        guard case .string(let s) = v else {
            fail(path + [.key(key)], "\(what): \(key) must be a string, found \(v.kindName)")
            return nil
        }
        if required && s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            fail(path + [.key(key)], "\(what): \(key) must not be empty")
            return nil
        }
        return s
    }

    mutating func strings(_ fields: [String: JSONValue], _ key: String, _ path: Path, what: String,
                          required: Bool = false) -> [String] {
        guard let v = fields[key] else {
            if required { fail(path, "\(what): missing \"\(key)\"") }
            return []
        }
        guard case .array(let items) = v else {
            fail(path + [.key(key)], "\(what): \(key) must be a list of strings, found \(v.kindName)")
            return []
        }
        var out: [String] = []
        for (i, item) in items.enumerated() {
            guard case .string(let s) = item else {
                fail(path + [.key(key), .index(i)], "\(what): \(key) item \(i + 1) must be a string, found \(item.kindName)")
                continue
            }
            if s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                fail(path + [.key(key), .index(i)], "\(what): \(key) item \(i + 1) is empty")
                continue
            }
            out.append(s)
        }
        return out
    }

    mutating func number(_ fields: [String: JSONValue], _ key: String, _ path: Path, what: String) -> Double? {
        guard let v = fields[key] else { return nil }
        guard case .number(let n) = v else {
            fail(path + [.key(key)], "\(what): \(key) must be a number, found \(v.kindName)")
            return nil
        }
        return n
    }
}

/// Where plan and problem files live, and how names become files.
enum AssetFiles {
    /// `*.json` files directly in a directory, sorted by name; empty when the directory is missing.
    static func jsonFiles(in directory: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
            .map { directory.appendingPathComponent($0) }
    }

    /// The name a file is known by: its file name without `.json`.
    static func name(of url: URL) -> String {
        url.lastPathComponent.hasSuffix(".json") ? String(url.lastPathComponent.dropLast(5)) : url.lastPathComponent
    }

    /// A user-typed name that is meant as a path rather than a plan or problem name.
    static func looksLikePath(_ text: String) -> Bool {
        text.contains("/") || text.hasSuffix(".json") || text.hasPrefix("~") || text.hasPrefix(".")
    }

    static func expandTilde(_ path: String, home: String?) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home else { return path }
        return home + path.dropFirst()
    }

    /// `$XDG_CONFIG_HOME/sysdraft/<sub>`, or `~/.config/sysdraft/<sub>` when XDG_CONFIG_HOME
    /// is unset, empty or relative (as the XDG spec asks).
    static func configDirectory(_ sub: String, environment: [String: String]) -> URL? {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("sysdraft").appendingPathComponent(sub)
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return URL(fileURLWithPath: home).appendingPathComponent(".config/sysdraft").appendingPathComponent(sub)
    }

    static let keyPattern = #"^[a-z0-9]+(-[a-z0-9]+)*$"#

    static func isKey(_ s: String) -> Bool { s.range(of: keyPattern, options: .regularExpression) != nil }
}
