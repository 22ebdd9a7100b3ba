import TerminalText

/// Fits a status message to the line: long paths are shortened to their last part first
/// (`/home/ann/projects/designs/links.json` → `…/links.json`), so the reason at the end of
/// "Not saved: PATH: Permission denied" stays in sight; only then is the end cut.
enum StatusFit {
    static func fit(_ text: String, width: Int) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        // Longest paths first, each to "…/" plus its file name.
        let order = words.indices.filter { isPath(words[$0]) }.sorted { words[$0].count > words[$1].count }
        for i in order {
            words[i] = shortened(words[i])
            if DisplayWidth.of(words.joined(separator: " ")) <= width { break }
        }
        return words.joined(separator: " ")
    }

    static func isPath(_ word: String) -> Bool {
        word.filter { $0 == "/" }.count >= 2 && word.count > 16
    }

    /// `/a/b/c.json:` → `…/c.json:` (trailing punctuation kept).
    static func shortened(_ word: String) -> String {
        let trail = word.reversed().prefix { ":,;.)".contains($0) && $0 != "/" }
        var core = word.dropLast(trail.count)
        if core.hasSuffix("/") { core = core.dropLast() }
        guard let slash = core.lastIndex(of: "/") else { return word }
        return "…/" + core[core.index(after: slash)...] + String(trail.reversed())
    }
}
