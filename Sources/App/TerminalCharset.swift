/// Whether the terminal can show box-drawing characters: not when the locale the environment
/// sets (`LC_ALL`, then `LC_CTYPE`, then `LANG`, as setlocale reads them) is not UTF-8 (the
/// C/POSIX locale, Latin-1), nor on terminal types that predate Unicode (`vt100`, `vt220`,
/// `ansi`, `dumb`). The drawings that have an ASCII form (the sequence diagram) use it there;
/// `A` on the sequence screen switches either way.
public enum TerminalCharset {
    static let asciiTerminals: Set<String> = ["dumb", "vt52", "vt100", "vt102", "vt220", "vt320", "ansi"]

    public static func prefersASCII(_ environment: [String: String]) -> Bool {
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? "C"
        let lower = locale.lowercased()
        if !(lower.contains("utf-8") || lower.contains("utf8")) { return true }
        return asciiTerminals.contains((environment["TERM"] ?? "").lowercased())
    }
}
