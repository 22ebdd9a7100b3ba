/// The command palette opened with `:` — a line editor plus the commands matching what is typed.
public struct Palette: Equatable, Sendable {
    public struct Entry: Equatable, Sendable {
        /// What is typed to run it ("w", "export", "theme").
        public var name: String
        /// Argument hint ("[PATH]").
        public var argument: String
        public var title: String
        /// Keys bound to the same command, for display.
        public var keys: String

        public init(name: String, argument: String = "", title: String, keys: String = "") {
            self.name = name
            self.argument = argument
            self.title = title
            self.keys = keys
        }
    }

    public var editor = LineEditor()
    /// Index into `matches` of the highlighted entry.
    public var selected = 0

    public init() {}

    /// The command word typed so far (before any space).
    public var typedName: String {
        String(editor.text.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1).first ?? "")
    }

    public var typedArgument: String {
        let parts = editor.text.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1)
        return parts.count > 1 ? String(parts[1]).trimmingCharacters(in: .whitespaces) : ""
    }

    /// Entries ranked by fuzzy match of the typed command word against name and title.
    public static func matches(_ query: String, in entries: [Entry]) -> [Entry] {
        let q = query.lowercased()
        if q.isEmpty { return entries }
        let scored = entries.compactMap { e -> (Entry, Int)? in
            let byName = FuzzyMatch.score(q, e.name.lowercased()).map { $0 + 1000 }
            let byTitle = FuzzyMatch.score(q, e.title.lowercased())
            guard let s = [byName, byTitle].compactMap({ $0 }).max() else { return nil }
            return (e, s)
        }
        return scored.enumerated().sorted { a, b in
            a.element.1 != b.element.1 ? a.element.1 > b.element.1 : a.offset < b.offset
        }.map(\.element.0)
    }
}

/// Subsequence matching with bonuses for consecutive letters and word starts, like most
/// fuzzy finders: "wq" matches "wq" best, "exp" matches "export", "thm" matches "theme".
public enum FuzzyMatch {
    public static func score(_ query: String, _ text: String) -> Int? {
        let q = Array(query), t = Array(text)
        if q.isEmpty { return 0 }
        var qi = 0, score = 0, last = -2
        for (ti, c) in t.enumerated() where qi < q.count && c == q[qi] {
            score += 10
            if ti == last + 1 { score += 15 }
            if ti == 0 || t[ti - 1] == " " || t[ti - 1] == "-" || t[ti - 1] == "." { score += 20 }
            last = ti
            qi += 1
        }
        guard qi == q.count else { return nil }
        if text == query { score += 500 } else if text.hasPrefix(query) { score += 100 }
        return score - t.count
    }
}
