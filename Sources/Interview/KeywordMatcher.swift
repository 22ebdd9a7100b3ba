/// Keyword matching for key points, curveballs and the coaching tags.
///
/// Text is normalised before matching: lower case; thousands separators dropped (`4,000` →
/// `4000`); `×` after a number read as `x` (`10×` → `10x`); `/s`, `/sec`, `/min`, `/h`, `/day`
/// after a number or word read as `per second` … `per day`; every other character that is not a
/// letter or digit (a decimal point between digits aside) becomes a space. The result is a list
/// of words.
///
/// A match list is a list of groups; text matches when it matches every group. A group is a set
/// of alternatives separated by `|` (synonyms: `cache*|redis|memcached`). An alternative is one
/// or more words that must appear consecutively (`fan out`, `dead letter`). A word ending in `*`
/// matches any word starting with it (`replic*` matches replica, replicas, replication). `#`
/// matches any word containing a digit (`40k`, `4000`, `p99`), so `["#", "tb|terabyte*"]` finds
/// a storage figure.
public struct KeywordMatcher: Equatable, Sendable {
    struct Word: Equatable, Sendable {
        var text: String
        var prefix: Bool
        var number: Bool

        func matches(_ w: Substring) -> Bool {
            if number { return w.contains { $0.isNumber } }
            return prefix ? w.hasPrefix(text) : w == text
        }
    }

    /// Groups of alternatives; each alternative is a sequence of words.
    let groups: [[[Word]]]

    public init(_ groups: [String]) {
        self.groups = groups.map { Self.alternatives($0) }.filter { !$0.isEmpty }
    }

    /// True when every group has an alternative found in `text` (an empty matcher matches nothing).
    public func matches(_ text: String) -> Bool { matches(words: Self.words(text)) }

    public func matches(words: [Substring]) -> Bool {
        matches(Text(words: words))
    }

    /// Text prepared once for matching against many matchers: its words, and the set of them
    /// (one-word alternatives, the common case, are looked up rather than scanned for).
    public struct Text: Sendable {
        public let words: [Substring]
        let unique: Set<Substring>
        public init(_ text: String) { self.init(words: KeywordMatcher.words(text)) }
        public init(words: [Substring]) {
            self.words = words
            unique = Set(words)
        }
    }

    public func matches(_ text: Text) -> Bool {
        guard !groups.isEmpty else { return false }
        return groups.allSatisfy { group in
            group.contains { phrase in
                guard phrase.count == 1 else { return Self.occurs(phrase, in: text.words) }
                let w = phrase[0]
                if !w.prefix && !w.number { return text.unique.contains(Substring(w.text)) }
                return text.unique.contains { w.matches($0) }
            }
        }
    }

    /// Why a group cannot be used (nil when it can): empty, or an alternative with no words.
    public static func problem(inGroup group: String) -> String? {
        let parts = group.split(separator: "|", omittingEmptySubsequences: false)
        if group.trimmingCharacters(in: .whitespaces).isEmpty { return "the group is empty" }
        for (i, part) in parts.enumerated() {
            let words = phrase(String(part))
            if words.isEmpty { return "alternative \(i + 1) (\"\(part)\") has no letters or digits" }
            if words.contains(where: { $0.prefix && $0.text.count < 2 }) {
                return "alternative \(i + 1) (\"\(part)\"): a prefix with * needs at least two letters"
            }
        }
        return nil
    }

    // MARK: normalising

    static let unitWords: [(String, String)] = [("sec", "second"), ("s", "second"), ("min", "minute"),
                                               ("h", "hour"), ("hr", "hour"), ("day", "day")]

    /// The normalised words of a text.
    public static func words(_ text: String) -> [Substring] {
        normalise(text).split(separator: " ")
    }

    public static func normalise(_ text: String) -> String {
        let chars = Array(text.lowercased())
        var out = ""
        out.reserveCapacity(chars.count + 8)
        var i = 0
        func isDigit(_ k: Int) -> Bool { k >= 0 && k < chars.count && chars[k].isNumber }
        func isLetter(_ k: Int) -> Bool { k >= 0 && k < chars.count && chars[k].isLetter }
        while i < chars.count {
            let c = chars[i]
            if (c == "," || c == "_") && isDigit(i - 1) && isDigit(i + 1) { i += 1; continue }
            if c == "." && isDigit(i - 1) && isDigit(i + 1) { out.append("."); i += 1; continue }
            if c == "×" && isDigit(i - 1) { out.append("x"); i += 1; continue }
            if c == "/" && (isDigit(i - 1) || isLetter(i - 1) || (i > 0 && chars[i - 1] == " ")) {
                // "/s", "/sec", "/day" … read as "per second" … when a whole unit word follows.
                var j = i + 1
                while j < chars.count && chars[j] == " " { j += 1 }
                var k = j
                while k < chars.count && chars[k].isLetter { k += 1 }
                let unit = String(chars[j..<k])
                if let full = unitWords.first(where: { $0.0 == unit })?.1 {
                    out += " per \(full) "
                    i = k
                    continue
                }
            }
            out.append(c.isLetter || c.isNumber ? c : " ")
            i += 1
        }
        return out
    }

    /// The words of one alternative, with `*` and `#` understood.
    static func phrase(_ text: String) -> [Word] {
        text.split(separator: " ").flatMap { raw -> [Word] in
            let t = raw.trimmingCharacters(in: .whitespaces)
            if t == "#" { return [Word(text: "#", prefix: false, number: true)] }
            let star = t.hasSuffix("*")
            let words = normalise(star ? String(t.dropLast()) : t).split(separator: " ").map(String.init)
            return words.enumerated().map { i, w in Word(text: w, prefix: star && i == words.count - 1, number: false) }
        }
    }

    static func alternatives(_ group: String) -> [[Word]] {
        group.split(separator: "|").map { phrase(String($0)) }.filter { !$0.isEmpty }
    }

    static func occurs(_ phrase: [Word], in words: [Substring]) -> Bool {
        guard !phrase.isEmpty, words.count >= phrase.count else { return false }
        outer: for start in 0...(words.count - phrase.count) {
            for (k, w) in phrase.enumerated() where !w.matches(words[start + k]) { continue outer }
            return true
        }
        return false
    }
}
