import Foundation
import TOMLKit

/// The user's settings file (`config.toml`) as text: parsing the keys sysdraft knows, and
/// changing one key while keeping every other line and comment as the user wrote it.
///
/// Pure (no file I/O): the executable reads and writes the file.
public struct UserSettings: Equatable, Sendable {
    /// `theme = "name-or-path"`.
    public var theme: String?
    /// `mouse = true|false`.
    public var mouse: Bool?

    public init(theme: String? = nil, mouse: Bool? = nil) {
        self.theme = theme
        self.mouse = mouse
    }

    /// Top-level keys sysdraft reads. Tables (`[keys]`, …) are left for other settings.
    public static let knownKeys = ["theme", "mouse"]

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
            default:
                if value.table != nil { continue }
                problems.append(ThemeError(file: name, line: line,
                                           message: "unknown setting \(ThemeLoader.quoted(key))\(ThemeLoader.suggestion(key, among: knownKeys)); known: \(knownKeys.joined(separator: ", "))"))
            }
        }
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
