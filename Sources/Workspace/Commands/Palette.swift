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
        /// The keymap's id of the command it runs ("file.save"), for config files; may be empty.
        public var id: String

        public init(name: String, aliases: [String] = [], argument: String = "", title: String, keys: String = "",
                    id: String = "") {
            self.id = id
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
            CommandMatch.score(q, names: ([e.name] + e.aliases).map { $0.lowercased() }, title: e.title.lowercased(),
                               id: e.id).map { (e, $0) }
        }
        return scored.enumerated().sorted { a, b in
            a.element.1 != b.element.1 ? a.element.1 > b.element.1 : a.offset < b.offset
        }.map(\.element.0)
    }
}

/// How a typed word matches a command: tiers of exact, prefix, word-start and abbreviation.
public enum CommandMatch {
    /// Words too common to say what a command does: "t" should not find every "the".
    static let stopWords: Set<String> = ["a", "an", "the", "of", "to", "and", "or", "in", "on", "for", "with",
                                         "as", "by", "its", "it", "is", "from", "at", "this", "that"]

    public static func score(_ q: String, names: [String], title: String, id: String = "") -> Int? {
        let id = id.lowercased()
        if names.contains(q) || (!id.isEmpty && id == q) { return 10_000 }
        if let n = names.filter({ $0.hasPrefix(q) }).map(\.count).min() { return 8_000 - n }
        if !id.isEmpty, q.contains("."), id.hasPrefix(q) { return 7_000 }
        let words = title.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
            .filter { !stopWords.contains($0) }
        let typed = q.split(separator: " ").map(String.init)
        if typed.count == 1, let i = words.firstIndex(where: { $0.hasPrefix(q) }) { return 6_000 - i }
        if typed.count > 1, inOrder(typed, words) { return 5_500 }
        // An abbreviation of a name: its first letter, then letters in order with at most one
        // gap ("stg" → stages, "thm" → theme); "descr" does not find redraw.
        for name in names where q.count >= 2 && name.first == q.first && isAbbreviation(q, of: name) {
            return 4_000 - name.count
        }
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

    /// `q`'s letters found in order in `text`, skipping over letters at most once.
    static func isAbbreviation(_ q: String, of text: String) -> Bool {
        var it = Array(text)[...]
        var gaps = 0
        for (n, c) in q.enumerated() {
            guard let i = it.firstIndex(of: c) else { return false }
            if n > 0 && i != it.startIndex { gaps += 1 }
            if gaps > 1 { return false }
            it = it[(i + 1)...]
        }
        return true
    }
}
