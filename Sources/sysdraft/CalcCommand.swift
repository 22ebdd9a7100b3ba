import ArgumentParser
import DesignStorage
import Estimates
import Foundation
import TerminalText

/// `sysdraft calc EXPR`: one back-of-the-envelope expression with units.
struct CalcCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calc",
        abstract: "Evaluate a back-of-the-envelope expression with units, such as '100M/month to /s'.",
        discussion: """
            Numbers take K, M, B (billion) and T right after them (5K, 2.5B) and scientific \
            notation (6e9); sizes are B, KB…EB (powers of 1000), KiB…EiB (powers of 1024) and \
            bit, Kbit…Pbit; times ns, µs (us), ms, s, min, h, day, week, month (30 days), year \
            (365 days); a rate is anything per time (/s, req/s, Mbps); % is percent. Operators \
            + - * / ^ and parentheses; functions ceil, floor, round, min, max, sqrt, log2, log10, \
            abs. End with 'to UNIT' (or '-> UNIT') to choose the unit. Quote the expression or \
            pass it as several words. See README.md, "Estimates".

            Prints the value in a readable unit with four significant digits (38.58 /s, 3 TB); \
            --json prints {"value": number, "unit": "text"} with the value in that unit.

            Exit 0 with a value; 1 when the expression is invalid (the message gives the column); \
            64 when the command line is wrong.
            """
    )

    @Flag(help: "Print {\"value\": number, \"unit\": \"text\"} (the value in full precision).")
    var json = false

    @Flag(help: "Print the reference card (latency numbers, powers of two, the nines, seconds per period) and exit.")
    var reference = false

    @Argument(parsing: .allUnrecognized, help: "The expression (one argument or several words).")
    var expression: [String] = []

    func validate() throws {
        // Expressions may start with "-" (-5 s), but never with "--" and a letter: an option.
        if let bad = expression.first(where: { $0.hasPrefix("--") && $0.dropFirst(2).first?.isLetter == true }) {
            throw ValidationError("unknown option '\(bad)'")
        }
        if expression.isEmpty && !reference { throw ValidationError("give an expression, for example: sysdraft calc '100M/month to /s'") }
    }

    func run() throws {
        if reference {
            let card: ReferenceCard
            do { card = try assetsOrExit().referenceCard() } catch let e as ExitCode { throw e } catch {
                printError("\(error)")
                throw Exit.fileError
            }
            sayLines(ReferenceCardText.render(card))
            return
        }
        let text = expression.joined(separator: " ")
        do {
            let c = try Calculation(text)
            if json {
                let shown = c.shown(.exact)
                print(JSONText.object([("value", JSONText.number(shown.value)), ("unit", JSONText.string(shown.unit))]))
            } else {
                say(c.shown(.precise).text)
            }
        } catch {
            printError("calc: " + error.description)
            FileHandle.standardError.write(Data(Self.pointer(at: error.column, in: text).utf8))
            if json {
                var fields = [("error", JSONText.string(error.message))]
                if let col = error.column { fields.append(("column", "\(col)")) }
                print(JSONText.object(fields))
            }
            throw Exit.invalidExpression
        }
    }

    /// The expression and a caret under the column of the error (by display width).
    static func pointer(at column: Int?, in text: String) -> String {
        let shown = Sanitize.forDisplay(text)
        guard let column, column >= 1 else { return "  " + shown + "\n" }
        let before = Sanitize.forDisplay(String(text.prefix(column - 1)))
        return "  " + shown + "\n  " + String(repeating: " ", count: DisplayWidth.of(before)) + "^\n"
    }
}

extension Exit {
    /// An expression (or a design's estimates) that does not evaluate.
    static let invalidExpression = ExitCode(1)
}

/// Small JSON writing for the calc and estimate commands: keys in the order given, numbers
/// as the shortest text that reads back as the same double.
enum JSONText {
    static func string(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                // Control characters, and the invisible and bidi ones, as \u escapes: the text
                // reads back the same and never reaches a terminal raw.
                let v = u.value
                if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || (0x200B...0x200F).contains(v)
                    || (0x2028...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0xFEFF {
                    out += String(format: "\\u%04x", u.value)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    static func number(_ v: Double) -> String { v.isFinite ? ValueFormat.exact(v) : "null" }

    static func object(_ fields: [(String, String)]) -> String {
        "{" + fields.map { string($0.0) + ": " + $0.1 }.joined(separator: ", ") + "}"
    }

    static func array(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }
}

/// The reference card as aligned text.
enum ReferenceCardText {
    static func render(_ card: ReferenceCard) -> String {
        var out: [String] = []
        for t in card.tables {
            out.append(t.title)
            out.append(String(repeating: "─", count: DisplayWidth.of(t.title)))
            if !t.note.isEmpty { out.append(t.note) }
            out.append(contentsOf: TextTable.render(header: t.header, rows: t.rows, numeric: t.numeric))
            out.append(contentsOf: t.footer)
            out.append("")
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n")
    }
}

/// Columns padded by display width, numbers aligned right.
enum TextTable {
    static func render(header: [String], rows: [[String]], numeric: [Bool]) -> [String] {
        let all = [header] + rows.map { $0.map(Sanitize.forDisplay) }
        var widths = Array(repeating: 0, count: header.count)
        for r in all { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], DisplayWidth.of(c)) } }
        return all.map { r in
            var cells: [String] = []
            for (i, c) in r.enumerated() where i < widths.count {
                let last = i == r.count - 1
                if numeric[i] {
                    cells.append(DisplayWidth.pad(c, to: widths[i], alignment: .right))
                } else {
                    cells.append(last ? c : DisplayWidth.pad(c, to: widths[i]))
                }
            }
            var line = cells.joined(separator: "  ")
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }
}
