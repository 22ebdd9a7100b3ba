import DesignExport
import DesignStorage
import Foundation
import Interview
import TerminalText

/// Everything the command line prints is one line per call, sanitised as a whole: text from a
/// document or a file name (a name may hold a newline or an escape sequence) can neither
/// forge a second line nor drive the terminal. Line breaks inside are shown as `↵`, controls
/// and bidi characters as `^[` or `\u{202e}`, zero-width and other invisible characters as
/// `\u{200b}`. Messages with several parts print one line per part (`problemLines`).
enum Output {
    static func line(_ text: String) -> String {
        InvisibleCharacters.showingInvisible(Sanitize.forDisplay(text)) { "\\u{" + String($0, radix: 16) + "}" }
    }

    /// Text whose line structure is our own (a summary built from sanitised pieces): each line
    /// sanitised on its own.
    static func lines(_ text: String) -> [String] {
        Sanitize.linesForDisplay(text).map(line)
    }
}

/// The lines to print for an error: one per problem, each naming the file.
func problemLines(_ error: Error) -> [String] {
    switch error {
    case let e as DesignFileError: e.problems.map { "\(e.path): \($0)" }
    case let e as AssetFileError: e.problems.map { "\(e.kind.rawValue) file \(e.file): \($0)" }
    default: ["\(error)"]
    }
}

/// Prints one line to standard error, prefixed `sysdraft: `.
func printError(_ message: String) {
    try? FileHandle.standardError.write(contentsOf: Data(("sysdraft: " + Output.line(message) + "\n").utf8))
}

/// Prints an error, one line per problem.
func printError(_ error: Error) {
    for line in problemLines(error) { printError(line) }
}

/// Prints one line to standard output.
func say(_ text: String, terminator: String = "\n") {
    print(Output.line(text), terminator: terminator)
}

/// Prints text of several lines to standard output, each sanitised.
func sayLines(_ text: String) {
    print(Output.lines(text).joined(separator: "\n"))
}

/// Prints JSON to standard output with every control, bidi and invisible character escaped as
/// `\uXXXX` (still the same JSON value, and nothing a terminal would act on).
func sayJSON(_ json: String) {
    print(JSONExport.escapeInvisible(json.hasSuffix("\n") ? String(json.dropLast()) : json))
}
