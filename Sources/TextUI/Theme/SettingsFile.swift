import Foundation
import TOMLKit
import Workspace

/// The user's settings file (`config.toml`) as text: parsing the keys sysdraft knows, and
/// changing one key while keeping every other line and comment as the user wrote it.
///
/// Pure (no file I/O): the executable reads and writes the file.
public struct UserSettings: Equatable, Sendable {
    /// `theme = "name-or-path"`.
    public var theme: String?
    /// `mouse = true|false`.
    public var mouse: Bool?
    /// `[keys.CONTEXT]` tables: `KEY = "command.id"`, applied over the standard keymap.
    public var keyOverrides: [KeyOverride] = []
    /// `[report]`: `only-started = true` leaves untouched stages out of the report,
    /// `hide-unticked = true` leaves unticked checklist items out.
    public var reportOnlyStarted: Bool?
    public var reportHideUnticked: Bool?

    public init(theme: String? = nil, mouse: Bool? = nil) {
        self.theme = theme
        self.mouse = mouse
    }

    /// Top-level keys sysdraft reads, and its tables.
    public static let knownKeys = ["theme", "mouse"]
    public static let knownTables = ["keys", "report"]
    public static let reportKeys = ["only-started", "hide-unticked"]

    /// Parses settings text. Never throws: a problem (syntax, wrong type, unknown key) is
    /// reported with `file:line` and the affected setting keeps its default. A syntax error
    /// makes the whole file unusable, so every setting is the default then.
    public static func parse(text: String, name: String) -> (settings: UserSettings, problems: [ThemeError]) {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let e as TOMLParseError {
            return (UserSettings(), [ThemeError(file: name, line: e.source.begin.line, column: e.source.begin.column,
                                                message: "TOML syntax: " + e.description)])
        } catch {
            return (UserSettings(), [ThemeError(file: name, message: "TOML syntax: \(error)")])
        }
        let lines = LineLocator(text)
        var problems: [ThemeError] = []
        var settings = UserSettings()
        for (key, value) in table {
            let line = lines.line(for: [key])
            switch key {
            case "theme":
                if let s = value.string, !s.trimmingCharacters(in: .whitespaces).isEmpty {
                    settings.theme = s
                } else {
                    problems.append(ThemeError(file: name, line: line,
                                               message: "\"theme\" must be a theme name or a path in quotes, e.g. theme = \"light\""))
                }
            case "mouse":
                if let b = value.bool {
                    settings.mouse = b
                } else {
                    problems.append(ThemeError(file: name, line: line,
                                               message: "\"mouse\" must be true or false (without quotes)"))
                }
            case "keys":
                guard let contexts = value.table else {
                    problems.append(ThemeError(file: name, line: line, message: "\"keys\" must be tables such as [keys.panes]"))
                    continue
                }
                for (context, bindings) in contexts {
                    guard let table = bindings.table else {
                        problems.append(ThemeError(file: name, line: lines.line(for: [key, context]),
                                                   message: "keys.\(context) must be a table: [keys.\(context)] then KEY = \"command\" lines"))
                        continue
                    }
                    for (keyName, action) in table {
                        let at = lines.line(for: [key, context, keyName])
                        guard let command = action.string else {
                            problems.append(ThemeError(file: name, line: at, message: "the command for \(ThemeLoader.quoted(keyName)) must be a name in quotes, e.g. \"item.delete\" or \"none\""))
                            continue
                        }
                        settings.keyOverrides.append(KeyOverride(context: context, key: keyName, action: command, line: at))
                    }
                }
            case "report":
                guard let table = value.table else {
                    problems.append(ThemeError(file: name, line: line, message: "\"report\" must be a table: [report]"))
                    continue
                }
                for (option, v) in table {
                    let at = lines.line(for: [key, option])
                    guard Self.reportKeys.contains(option) else {
                        problems.append(ThemeError(file: name, line: at, message: "unknown report setting \(ThemeLoader.quoted(option))\(ThemeLoader.suggestion(option, among: Self.reportKeys)); known: \(Self.reportKeys.joined(separator: ", "))"))
                        continue
                    }
                    guard let b = v.bool else {
                        problems.append(ThemeError(file: name, line: at, message: "\(ThemeLoader.quoted(option)) must be true or false (without quotes)"))
                        continue
                    }
                    if option == "only-started" { settings.reportOnlyStarted = b } else { settings.reportHideUnticked = b }
                }
            default:
                if value.table != nil {
                    problems.append(ThemeError(file: name, line: line,
                                               message: "unknown table [\(key)]\(ThemeLoader.suggestion(key, among: knownTables)); known: \(knownTables.map { "[\($0)]" }.joined(separator: ", "))"))
                    continue
                }
                problems.append(ThemeError(file: name, line: line,
                                           message: "unknown setting \(ThemeLoader.quoted(key))\(ThemeLoader.suggestion(key, among: knownKeys)); known: \(knownKeys.joined(separator: ", "))"))
            }
        }
        settings.keyOverrides.sort { ($0.line ?? Int.max) < ($1.line ?? Int.max) }
        problems.sort { ($0.line ?? Int.max) < ($1.line ?? Int.max) }
        return (settings, problems)
    }

    /// `text` with the top-level `key` set to the string `value`: the line that sets it is
    /// replaced (keeping a trailing comment), or a new line is added before the first table
    /// header (after it the key would belong to that table), or at the end. Every other
    /// line, comment and blank line stays as it was.
    public static func setting(_ key: String, toString value: String, in text: String) -> String {
        setting(key, toLiteral: tomlString(value), in: text)
    }

    /// Like `setting(_:toString:in:)` with `value` already written as TOML (`true`, `"x"`).
    public static func setting(_ key: String, toLiteral value: String, in text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let newLine = "\(key) = \(value)"
        var firstTable: Int? = nil
        for (i, raw) in lines.enumerated() {
            let code = LineLocator.stripComment(Substring(raw))
            let trimmed = code.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("[") { firstTable = i; break }
            guard let eq = LineLocator.firstTopLevel("=", in: Substring(trimmed)),
                  LineLocator.splitKey(Substring(trimmed)[..<eq]) == [key] else { continue }
            // Keep the indentation and a trailing comment.
            let indent = String(raw.prefix { $0 == " " || $0 == "\t" })
            let comment = raw.count > code.count ? "  " + raw.dropFirst(code.count).trimmingCharacters(in: .whitespaces) : ""
            let cr = raw.hasSuffix("\r") && !comment.hasSuffix("\r") ? "\r" : ""
            lines[i] = indent + newLine + comment + cr
            return lines.joined(separator: "\n")
        }
        if let t = firstTable {
            // Before the table header and the comment lines attached to it.
            var at = t
            while at > 0 && lines[at - 1].trimmingCharacters(in: .whitespaces).hasPrefix("#") { at -= 1 }
            lines.insert(contentsOf: [newLine, ""], at: at)
            return lines.joined(separator: "\n")
        }
        if text.isEmpty { return newLine + "\n" }
        if lines.last == "" { lines.removeLast() }
        lines.append(newLine)
        return lines.joined(separator: "\n") + "\n"
    }

    /// A TOML basic string: quotes, backslashes and control characters escaped.
    public static func tomlString(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if u.value < 0x20 || u.value == 0x7f {
                    out += String(format: "\\u%04X", u.value)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
