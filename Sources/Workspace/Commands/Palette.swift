/// The command palette opened with `:` — a line editor plus the commands matching what is typed.
public struct Palette: Equatable, Sendable {
    public struct Entry: Equatable, Sendable {
        /// What is typed to run it ("w", "export", "theme").
        public var name: String
        /// Other words that run it.
        public var aliases: [String]
        /// Argument hint ("[PATH]").
        public var argument: String
        public var title: String
        /// Keys bound to the same command, for display.
        public var keys: String

        public init(name: String, aliases: [String] = [], argument: String = "", title: String, keys: String = "") {
            self.name = name
            self.aliases = aliases
            self.argument = argument
            self.title = title
            self.keys = keys
        }
    }

    public var editor = LineEditor()
    /// Index into `matches` of the highlighted entry.
    public var selected = 0
    /// Completions of the argument shown by the last Tab (several candidates), and which one a
    /// further Tab puts on the line.
    public var candidates: [String] = []
    public var candidate: Int?

    public init() {}

    /// The command word typed so far (before any space).
    public var typedName: String {
        String(editor.text.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1).first ?? "")
    }

    public var typedArgument: String {
        let parts = editor.text.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1)
        return parts.count > 1 ? String(parts[1]).trimmingCharacters(in: .whitespaces) : ""
    }

    /// Entries ranked by how well the typed word matches: an exact name or alias first, then
    /// names starting with it, then titles with a word starting with it (or with each typed word
    /// in turn), then names containing its letters in order from their first letter. Anything
    /// weaker is left out, so "rename" does not offer the interview summary.
    public static func matches(_ query: String, in entries: [Entry]) -> [Entry] {
        let q = query.lowercased()
        if q.isEmpty { return entries }
        let scored = entries.compactMap { e -> (Entry, Int)? in
            CommandMatch.score(q, names: ([e.name] + e.aliases).map { $0.lowercased() }, title: e.title.lowercased()).map { (e, $0) }
        }
        return scored.enumerated().sorted { a, b in
            a.element.1 != b.element.1 ? a.element.1 > b.element.1 : a.offset < b.offset
        }.map(\.element.0)
    }
}

/// How a typed word matches a command: tiers of exact, prefix, word-start and subsequence.
public enum CommandMatch {
    public static func score(_ q: String, names: [String], title: String) -> Int? {
        if names.contains(q) { return 10_000 }
        if let n = names.filter({ $0.hasPrefix(q) }).map(\.count).min() { return 8_000 - n }
        let words = title.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        let typed = q.split(separator: " ").map(String.init)
        if typed.count == 1, let i = words.firstIndex(where: { $0.hasPrefix(q) }) { return 6_000 - i }
        if typed.count > 1, inOrder(typed, words) { return 5_500 }
        // Letters in order within a name, starting at its first letter ("stg" → stages).
        for name in names where name.first == q.first && isSubsequence(q, of: name) { return 4_000 - name.count }
        return nil
    }

    static func inOrder(_ typed: [String], _ words: [String]) -> Bool {
        var w = 0
        for t in typed {
            while w < words.count && !words[w].hasPrefix(t) { w += 1 }
            if w == words.count { return false }
            w += 1
        }
        return true
    }

    static func isSubsequence(_ q: String, of text: String) -> Bool {
        var it = text.makeIterator()
        return q.allSatisfy { c in
            while let t = it.next() { if t == c { return true } }
            return false
        }
    }
}
