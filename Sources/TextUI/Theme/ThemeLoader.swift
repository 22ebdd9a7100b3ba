import Foundation
import TOMLKit

/// A theme file that cannot be used, with the place to fix it.
public struct ThemeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file's path, or the name given to `parse(text:name:)`.
    public var file: String
    /// 1-based line of the problem, when known.
    public var line: Int?
    public var column: Int?
    public var message: String
    /// Further problems found in the same file (a file is checked as a whole).
    public var others: [ThemeError]

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String, others: [ThemeError] = []) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.others = others
    }

    /// `file:line:column: message` (compiler style, so editors can jump to it), e.g.
    /// `nord.toml:14: unknown role "slection" (did you mean "selection"?)`.
    public var description: String {
        var s = file
        if let line { s += ":\(line)"; if let column { s += ":\(column)" } }
        s += ": " + message
        if !others.isEmpty { s += " (and \(others.count) more problem\(others.count == 1 ? "" : "s"))" }
        return s
    }

    /// Every problem, one per line.
    public var fullDescription: String {
        ([self] + others).map { var e = $0; e.others = []; return e.description }.joined(separator: "\n")
    }
}

/// Reads theme files (TOML; the format is documented in Themes/README.md).
public enum ThemeLoader {

    /// Read and parse a theme file. The theme's name defaults to the file name without `.toml`.
    public static func load(path: String) throws(ThemeError) -> Theme {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot read the file as UTF-8 text" : "no such file"
            throw ThemeError(file: path, message: reason)
        }
        return try parse(text: text, name: path)
    }

    /// Load a theme, or fall back to `Theme.fallback` with the error to show the user.
    public static func loadOrFallback(path: String) -> (theme: Theme, error: ThemeError?) {
        do {
            return (try load(path: path), nil)
        } catch {
            return (Theme.fallback, error)
        }
    }

    /// The `.toml` files in `directory`, sorted by name (empty if it does not exist).
    public static func themeFiles(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".toml") }.sorted().map { (directory as NSString).appendingPathComponent($0) }
    }

    /// Where a user's own themes live: `$XDG_CONFIG_HOME/sysdraft/themes`, or
    /// `$HOME/.config/sysdraft/themes` when XDG_CONFIG_HOME is unset or empty (nil without HOME).
    public static func userThemeDirectory(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
            return (xdg as NSString).appendingPathComponent("sysdraft/themes")
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return (home as NSString).appendingPathComponent(".config/sysdraft/themes")
    }

    /// Directories to search for a theme name, in order: the user's, then the bundled Themes/.
    public static func searchDirectories(environment: [String: String], bundled: String?) -> [String] {
        [userThemeDirectory(environment: environment), bundled].compactMap { $0 }
    }

    /// Theme names (file names without `.toml`) found in `directories`, sorted, without
    /// duplicates (for `:theme` completion and listings).
    public static func themeNames(in directories: [String]) -> [String] {
        var names = Set<String>()
        for d in directories {
            for p in themeFiles(in: d) { names.insert(((p as NSString).lastPathComponent as NSString).deletingPathExtension) }
        }
        return names.sorted()
    }

    /// Find a theme given as `--theme` / `:theme`: an existing path (anything containing "/"
    /// or ending in ".toml"), or a name looked up as `NAME.toml` in `directories`, in order.
    public static func locate(_ nameOrPath: String, in directories: [String]) -> String? {
        let fm = FileManager.default
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml") {
            let expanded = (nameOrPath as NSString).expandingTildeInPath
            if fm.fileExists(atPath: expanded) { return expanded }
            if nameOrPath.contains("/") { return nil }
        }
        let file = nameOrPath.hasSuffix(".toml") ? nameOrPath : nameOrPath + ".toml"
        for dir in directories {
            let p = (dir as NSString).appendingPathComponent(file)
            if fm.fileExists(atPath: p) { return p }
        }
        return nil
    }

    /// Parse theme text. `name` is used in error messages and, when the file has no `name`
    /// key, as the theme's name (its last path component, without `.toml`).
    public static func parse(text: String, name: String) throws(ThemeError) -> Theme {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let e as TOMLParseError {
            throw ThemeError(file: name, line: e.source.begin.line, column: e.source.begin.column,
                             message: "TOML syntax: " + e.description)
        } catch {
            throw ThemeError(file: name, message: "TOML syntax: \(error)")
        }

        let lines = LineLocator(text)
        var problems: [ThemeError] = []
        func problem(_ path: [String], _ message: String) {
            problems.append(ThemeError(file: name, line: lines.line(for: path), message: message))
        }

        var themeName = ((name as NSString).lastPathComponent as NSString).deletingPathExtension
        var description = ""
        var variant = Theme.Variant.dark
        var rolesTable: TOMLTable?
        for (key, value) in table {
            switch key {
            case "name":
                if let s = value.string { themeName = s } else { problem([key], "\"name\" must be a string") }
            case "description":
                if let s = value.string { description = s } else { problem([key], "\"description\" must be a string") }
            case "variant":
                if let s = value.string, let v = Theme.Variant(rawValue: s) { variant = v } else {
                    problem([key], "\"variant\" must be \"dark\" or \"light\"")
                }
            case "roles":
                if let t = value.table { rolesTable = t } else { problem([key], "\"roles\" must be a table: [roles]") }
            default:
                problem([key], "unknown key \(quoted(key))\(suggestion(key, among: topLevelKeys)); expected \(topLevelKeys.map(quoted).joined(separator: ", "))")
            }
        }
        if rolesTable == nil && problems.isEmpty {
            problem([], "missing [roles] table")
        }

        // Parse every role entry first, then resolve inheritance from `normal`.
        var entries: [Role: RoleEntry] = [:]
        if let roles = rolesTable {
            for (key, value) in roles {
                guard let role = Role(key: key) else {
                    problem(["roles", key], "unknown role \(quoted(key))\(suggestion(key, among: Role.keys)); known roles: \(Role.keys.joined(separator: ", "))")
                    continue
                }
                guard let t = value.table else {
                    problem(["roles", key], "role \(quoted(key)) must be a table, e.g. \(key) = { fg = 252, attrs = [\"bold\"] }")
                    continue
                }
                if entries[role] != nil {
                    problem(["roles", key], "role \(quoted(role.key)) is defined more than once (as \(quoted(key)) too)")
                    continue
                }
                entries[role] = parseEntry(t, roleKey: key, problem: problem)
            }
        }

        if !problems.isEmpty {
            problems.sort { ($0.line ?? Int.max) < ($1.line ?? Int.max) }
            var first = problems.removeFirst()
            first.others = problems
            throw first
        }

        let normalEntry = entries[.normal] ?? RoleEntry()
        let normal = RoleStyle(fg: normalEntry.fg ?? .terminalDefault, bg: normalEntry.bg ?? .terminalDefault,
                               fg8: normalEntry.fg8, bg8: normalEntry.bg8, attributes: normalEntry.attributes ?? [])
        var styles: [Role: RoleStyle] = [.normal: normal]
        for role in Role.allCases where role != .normal {
            let e = entries[role] ?? RoleEntry()
            // Missing colours inherit normal's (8-colour ones too, unless derived from an
            // explicit 256-colour value); missing attributes mean none.
            let fg8 = e.fg8 ?? (e.fg == nil ? normal.fg8 : nil)
            let bg8 = e.bg8 ?? (e.bg == nil ? normal.bg8 : nil)
            styles[role] = RoleStyle(fg: e.fg ?? normal.fg, bg: e.bg ?? normal.bg, fg8: fg8, bg8: bg8,
                                     attributes: e.attributes ?? [])
        }
        return Theme(name: themeName, description: description, variant: variant, roles: styles)
    }

    // MARK: internals

    static let topLevelKeys = ["name", "description", "variant", "roles"]
    static let fieldKeys = ["fg", "bg", "fg8", "bg8", "attrs"]

    struct RoleEntry {
        var fg: ThemeColor?
        var bg: ThemeColor?
        var fg8: ThemeColor?
        var bg8: ThemeColor?
        var attributes: Attributes?
    }

    static func parseEntry(_ t: TOMLTable, roleKey: String, problem: ([String], String) -> Void) -> RoleEntry {
        var e = RoleEntry()
        for (field, value) in t {
            let path = ["roles", roleKey, field]
            switch field {
            case "fg", "bg", "fg8", "bg8":
                guard let c = color(value) else {
                    problem(path, "invalid colour \(describe(value)) for \(roleKey).\(field)\(colorSuggestion(value)): use 0–255, a name (\(ThemeColor.names.prefix(8).joined(separator: ", ")), bright-…), \"default\" or \"#rrggbb\"")
                    continue
                }
                switch field {
                case "fg": e.fg = c
                case "bg": e.bg = c
                case "fg8": e.fg8 = c
                default: e.bg8 = c
                }
            case "attrs", "attributes":
                var names: [String] = []
                if let s = value.string {
                    names = s.split(whereSeparator: { $0 == "," || $0 == "+" || $0 == " " }).map(String.init)
                } else if let a = value.array {
                    for item in a {
                        if let s = item.string { names.append(s) } else { problem(path, "attributes must be strings, got \(describe(item))") }
                    }
                } else {
                    problem(path, "\(roleKey).attrs must be a list such as [\"bold\", \"underline\"]")
                    continue
                }
                var attrs: Attributes = []
                for n in names {
                    let lower = n.lowercased()
                    if let a = Attributes.named.first(where: { $0.0 == lower })?.1 {
                        attrs.insert(a)
                    } else if lower == "none" {
                        continue
                    } else {
                        let known = Attributes.named.map(\.0)
                        problem(path, "unknown attribute \(quoted(n)) for \(roleKey)\(suggestion(lower, among: known)); known: \(known.joined(separator: ", "))")
                    }
                }
                e.attributes = attrs
            default:
                problem(path, "unknown field \(quoted(field)) in role \(quoted(roleKey))\(suggestion(field, among: fieldKeys)); expected \(fieldKeys.joined(separator: ", "))")
            }
        }
        return e
    }

    static func color(_ value: TOMLValueConvertible) -> ThemeColor? {
        if let i = value.int { return (0...255).contains(i) ? .index(UInt8(i)) : nil }
        if let s = value.string { return ThemeColor(name: s) }
        return nil
    }

    static func colorSuggestion(_ value: TOMLValueConvertible) -> String {
        guard let s = value.string else { return "" }
        return suggestion(s.lowercased(), among: ThemeColor.names + ["default"])
    }

    static func describe(_ value: TOMLValueConvertible) -> String {
        if let s = value.string { return quoted(s) }
        if let i = value.int { return String(i) }
        return value.debugDescription
    }

    static func quoted(_ s: String) -> String { "\"" + Sanitize.forDisplay(s) + "\"" }

    /// ` (did you mean "x"?)` when a candidate is within a small edit distance.
    static func suggestion(_ word: String, among candidates: [String]) -> String {
        let w = word.lowercased()
        var best: (String, Int)? = nil
        for c in candidates {
            let d = editDistance(w, c)
            if d <= max(1, c.count / 3), best == nil || d < best!.1 { best = (c, d) }
        }
        if let b = best { return " (did you mean \(quoted(b.0))?)" }
        return ""
    }

    /// Edit distance counting an adjacent transposition as one edit (optimal string alignment).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}

/// Finds the line on which a key path is written in TOML text (TOMLKit does not keep
/// source positions of values). Understands `[table]` headers, dotted keys and one-line
/// inline tables, which covers how theme files are written.
struct LineLocator {
    private var lines: [String: Int] = [:]

    init(_ text: String) {
        var prefix: [String] = []
        var n = 0
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0.isNewline }) {
            n += 1
            let line = LineLocator.stripComment(Substring(raw)).trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if line.hasPrefix("[") {
                var inner = line.drop(while: { $0 == "[" })
                if let close = inner.firstIndex(of: "]") { inner = inner[..<close] }
                prefix = LineLocator.splitKey(inner)
                record(prefix, n)
                continue
            }
            guard let eq = LineLocator.firstTopLevel("=", in: Substring(line)) else { continue }
            let key = prefix + LineLocator.splitKey(line[..<eq])
            // A dotted key (`selection.fg = 3`) also defines its parents on this line.
            for k in (prefix.count + 1)...max(prefix.count + 1, key.count) { record(Array(key.prefix(k)), n) }
            let rest = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            if rest.hasPrefix("{") {
                var body = Substring(rest.dropFirst())
                if let close = body.lastIndex(of: "}") { body = body[..<close] }
                for part in LineLocator.splitTopLevel(body, on: ",") {
                    if let e = LineLocator.firstTopLevel("=", in: part) {
                        record(key + LineLocator.splitKey(part[..<e]), n)
                    }
                }
            }
        }
    }

    private mutating func record(_ path: [String], _ line: Int) {
        let k = path.joined(separator: "\u{1}")
        if lines[k] == nil { lines[k] = line }
    }

    /// The line of `path`, or of its closest recorded ancestor.
    func line(for path: [String]) -> Int? {
        var p = path
        while !p.isEmpty {
            if let l = lines[p.joined(separator: "\u{1}")] { return l }
            p.removeLast()
        }
        return nil
    }

    static func stripComment(_ s: Substring) -> String {
        var quote: Character? = nil
        var out = ""
        for ch in s {
            if let q = quote {
                if ch == q { quote = nil }
            } else if ch == "\"" || ch == "'" {
                quote = ch
            } else if ch == "#" {
                break
            }
            out.append(ch)
        }
        return out
    }

    static func firstTopLevel(_ target: Character, in s: Substring) -> Substring.Index? {
        var quote: Character? = nil
        var i = s.startIndex
        while i < s.endIndex {
            let ch = s[i]
            if let q = quote { if ch == q { quote = nil } }
            else if ch == "\"" || ch == "'" { quote = ch }
            else if ch == target { return i }
            i = s.index(after: i)
        }
        return nil
    }

    static func splitTopLevel(_ s: Substring, on sep: Character) -> [Substring] {
        var parts: [Substring] = []
        var quote: Character? = nil
        var depth = 0
        var start = s.startIndex
        var i = s.startIndex
        while i < s.endIndex {
            let ch = s[i]
            if let q = quote { if ch == q { quote = nil } }
            else if ch == "\"" || ch == "'" { quote = ch }
            else if ch == "[" || ch == "{" { depth += 1 }
            else if ch == "]" || ch == "}" { depth -= 1 }
            else if ch == sep && depth == 0 { parts.append(s[start..<i]); start = s.index(after: i) }
            i = s.index(after: i)
        }
        parts.append(s[start..<s.endIndex])
        return parts
    }

    static func splitKey(_ s: Substring) -> [String] {
        splitTopLevel(s, on: ".").map {
            $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        }
    }
}
