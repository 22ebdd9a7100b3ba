import CNcursesw
import Foundation

/// What the terminal sysdraft runs in can do, found without taking it over (for `sysdraft
/// doctor`): the terminfo entry for `$TERM` (colours, mouse reports), the locale's character
/// set, and the window size of whichever of stdin, stdout and stderr is a terminal.
public struct TerminalFacts: Sendable, Equatable {
    public var term: String?
    /// Whether terminfo has an entry for `term`.
    public var hasTerminfoEntry: Bool
    /// Colours the entry names (0 when it names none); nil without an entry.
    public var colors: Int?
    /// Whether the entry describes xterm-style mouse reports (`kmous`).
    public var mouseInTerminfo: Bool
    /// The locale's character set after `setlocale(LC_ALL, "")`, such as `UTF-8`.
    public var codeset: String
    /// The window size, when one of the standard streams is a terminal.
    public var columns: Int?
    public var rows: Int?
    /// Which standard streams are terminals.
    public var stdinIsTerminal: Bool
    public var stdoutIsTerminal: Bool

    public var isUTF8: Bool {
        let c = codeset.uppercased()
        return c == "UTF-8" || c == "UTF8"
    }
}

public enum TerminalProbe {
    public static func probe(environment: [String: String] = ProcessInfo.processInfo.environment) -> TerminalFacts {
        setlocale(LC_ALL, "")
        let codeset = nl_langinfo(nl_item(CODESET)).map { String(cString: $0) } ?? ""
        let term = environment["TERM"].flatMap { $0.isEmpty ? nil : $0 }
        var colors: Int32 = -1, mouse: Int32 = 0
        var found = false
        if let term {
            let fd: Int32 = isatty(1) != 0 ? 1 : (isatty(2) != 0 ? 2 : 1)
            found = sd_terminfo_probe(term, fd, &colors, &mouse) != 0
        }
        var facts = TerminalFacts(term: term, hasTerminfoEntry: found, colors: found ? max(0, Int(colors)) : nil,
                                  mouseInTerminfo: found && mouse != 0, codeset: codeset,
                                  columns: nil, rows: nil, stdinIsTerminal: isatty(0) != 0, stdoutIsTerminal: isatty(1) != 0)
        for fd: Int32 in [1, 0, 2] where isatty(fd) != 0 {
            var rows: Int32 = 0, cols: Int32 = 0
            if sd_window_size(fd, &rows, &cols) == 0 {
                facts.columns = Int(cols)
                facts.rows = Int(rows)
                break
            }
        }
        return facts
    }
}
