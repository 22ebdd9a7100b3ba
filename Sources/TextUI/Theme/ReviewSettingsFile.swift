import DesignReview
import Foundation
import TOMLKit

/// The `[review]` table of a settings file, read into `ReviewSetting`s with their lines: the
/// user's `config.toml` and a repository's `.sysdraft.toml` both have one.
///
/// ```toml
/// [review]
/// sync-chain-depth = 5                          # hops before a synchronous chain is reported
/// "flow.unlabelled" = "off"                     # switch a rule off
/// component.single-point-of-failure = "error"   # change its severity (a dotted key works too)
/// ```
///
/// Pure (no file I/O). What the keys mean is `ReviewConfig.applying`'s business; this only
/// reads them (dotted keys and sub-tables are joined with dots, since rule ids have dots).
public enum ReviewSettingsFile {
    /// The settings under a `[review]` value, and the problems with its shape.
    static func read(_ value: any TOMLValueConvertible, lines: LineLocator, file: String) -> (settings: [ReviewSetting], problems: [ThemeError]) {
        guard let table = value.table else {
            return ([], [ThemeError(file: file, line: lines.line(for: ["review"]), message: "\"review\" must be a table: [review]")])
        }
        var out: [ReviewSetting] = []
        func walk(_ t: TOMLTable, _ path: [String]) {
            for (key, v) in t {
                let p = path + [key]
                if let sub = v.table {
                    walk(sub, p)
                    continue
                }
                let setting: ReviewSetting.Value
                if let s = v.string { setting = .string(s) }
                else if let b = v.bool { setting = .bool(b) }
                else if v.type == .int, let n = v.int { setting = .integer(n) }
                else { setting = .other(v.debugDescription) }
                out.append(ReviewSetting(key: p.dropFirst().joined(separator: "."), value: setting, line: lines.line(for: p)))
            }
        }
        walk(table, ["review"])
        out.sort { ($0.line ?? Int.max, $0.key) < ($1.line ?? Int.max, $1.key) }
        return (out, [])
    }

    /// A repository's `.sysdraft.toml`: only `[review]` is read there; anything else is named
    /// with its line, as is a TOML syntax error (the file is then ignored).
    public static func parseRepository(text: String, name: String) -> (settings: [ReviewSetting], problems: [ThemeError]) {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let e as TOMLParseError {
            return ([], [ThemeError(file: name, line: e.source.begin.line, column: e.source.begin.column,
                                    message: "TOML syntax: " + e.description)])
        } catch {
            return ([], [ThemeError(file: name, message: "TOML syntax: \(error)")])
        }
        let lines = LineLocator(text)
        var settings: [ReviewSetting] = []
        var problems: [ThemeError] = []
        for (key, value) in table {
            if key == "review" {
                let r = read(value, lines: lines, file: name)
                settings += r.settings
                problems += r.problems
            } else {
                problems.append(ThemeError(file: name, line: lines.line(for: [key]),
                                           message: "a repository's .sysdraft.toml holds only [review]; \(ThemeLoader.quoted(key)) is not read"))
            }
        }
        problems.sort { ($0.line ?? Int.max) < ($1.line ?? Int.max) }
        return (settings, problems)
    }

    /// Settings applied over `config`, with the problems as `file:line: message` lines.
    public static func apply(_ settings: [ReviewSetting], to config: ReviewConfig, file: String) -> (config: ReviewConfig, problems: [String]) {
        let r = config.applying(settings)
        return (r.config, r.problems.map { file + ($0.line.map { ":\($0)" } ?? "") + ": " + $0.message })
    }
}
