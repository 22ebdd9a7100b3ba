/// Whether the terminal can show box-drawing characters, from the locale the environment sets
/// (`LC_ALL`, then `LC_CTYPE`, then `LANG`, as setlocale reads them): a UTF-8 locale can, the
/// C/POSIX locale and other character sets cannot, and the drawings that have an ASCII form
/// (the sequence diagram) use it there.
public enum TerminalCharset {
    public static func prefersASCII(_ environment: [String: String]) -> Bool {
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? "C"
        let lower = locale.lowercased()
        return !(lower.contains("utf-8") || lower.contains("utf8"))
    }
}
