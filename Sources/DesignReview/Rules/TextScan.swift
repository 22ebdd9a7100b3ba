/// Word-level reading of free text (descriptions, labels), ASCII case-insensitive: enough to
/// tell "authenticates API keys" or "lookup on cache miss" apart without natural-language
/// guessing. Pure and allocation-light: it runs over every label of large designs.
enum TextScan {
    /// The lower-cased words of a text (letters and digits; anything else separates).
    static func words(_ s: String) -> [Substring] {
        // ASCII text (nearly all of it) is split byte by byte; other text by Unicode properties.
        if s.utf8.allSatisfy({ $0 < 0x80 }) {
            var lower = s
            if s.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) {
                lower = String(decoding: s.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
            }
            return lower.utf8.split(whereSeparator: { b in
                !((b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39))
            }).map { Substring($0) }
        }
        return s.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) })
    }

    /// True when any of `vocabulary` occurs as a word, or any of `phrases` as consecutive words,
    /// not right after a negation ("no", "not", "without", "never", "unauthenticated" is its own word).
    static func mentions(_ texts: [String], words vocabulary: Set<String>, phrases: [[String]] = []) -> Bool {
        for text in texts where !text.isEmpty {
            if let found = asciiMentions(text, vocabulary, phrases) {
                if found { return true }
                continue
            }
            let w = words(text)
            for (i, word) in w.enumerated() {
                if i > 0, negations.contains(String(w[i - 1])) { continue }
                if vocabulary.contains(String(word)) { return true }
                for p in phrases where p[0] == word && i + p.count <= w.count {
                    if zip(p, w[i..<(i + p.count)]).allSatisfy({ $0 == $1 }) { return true }
                }
            }
        }
        return false
    }

    /// `mentions` for one ASCII text, word by word without building the list of words (words
    /// of up to 15 bytes are strings held inline: no allocation). Phrases of two words only; nil
    /// for other text, which the general path reads.
    static func asciiMentions(_ text: String, _ vocabulary: Set<String>, _ phrases: [[String]]) -> Bool? {
        guard phrases.allSatisfy({ $0.count == 2 }) else { return nil }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(32)
        var previous = "", beforePrevious = ""
        var found = false
        var ascii = true
        func endWord() {
            guard !buffer.isEmpty else { return }
            let word = String(decoding: buffer, as: UTF8.self)
            buffer.removeAll(keepingCapacity: true)
            defer { (beforePrevious, previous) = (previous, word) }
            // As in the general path: a word right after a negation does not count, nor a
            // phrase whose first word is right after one.
            if !negations.contains(previous), vocabulary.contains(word) { found = true; return }
            for p in phrases where p[1] == word && p[0] == previous && !negations.contains(beforePrevious) {
                found = true
                return
            }
        }
        for b in text.utf8 {
            if b >= 0x80 { ascii = false; break }
            if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) {
                buffer.append(b)
            } else if b >= 0x41 && b <= 0x5A {
                buffer.append(b | 0x20)
            } else {
                endWord()
                if found { return true }
            }
        }
        guard ascii else { return nil }
        endWord()
        return found
    }

    static let negations: Set<String> = ["no", "not", "without", "never", "nor", "skip", "skips"]

    /// True when the text has a digit.
    static func hasDigit(_ s: String) -> Bool { s.utf8.contains { $0 >= 0x30 && $0 <= 0x39 } }
}
