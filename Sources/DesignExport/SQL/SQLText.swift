/// Writing user text into PostgreSQL DDL: identifiers, string literals and `--` comments.
enum SQLText {
    /// PostgreSQL keeps the first 63 bytes of an identifier (NAMEDATALEN − 1).
    static let maxIdentifierBytes = 63

    /// The identifier PostgreSQL will store for a name: visible (no control characters), one
    /// line, at most 63 bytes (cut at a character boundary). Names are compared in this form.
    static func name(_ text: String) -> String {
        var s = TextSafety.oneLine(text, separator: " ")
        if s.utf8.count > maxIdentifierBytes {
            var cut = ""
            for ch in s.unicodeScalars {
                if cut.utf8.count + String(ch).utf8.count > maxIdentifierBytes { break }
                cut.unicodeScalars.append(ch)
            }
            s = cut
        }
        return s
    }

    /// A name as written in DDL: bare when it is lower-case ASCII letters, digits and `_`
    /// (not starting with a digit) and not a keyword that needs quoting; otherwise in double
    /// quotes with any `"` doubled. Expects a `name(_:)` result (non-empty).
    static func identifier(_ name: String) -> String {
        if isBare(name) { return name }
        if !name.utf8.contains(UInt8(ascii: "\"")) { return "\"" + name + "\"" }
        return "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func isBare(_ name: String) -> Bool {
        guard let first = name.utf8.first, first == UInt8(ascii: "_") || (first >= 0x61 && first <= 0x7A) else { return false }
        for c in name.utf8 where !(c == UInt8(ascii: "_") || (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39)) {
            return false
        }
        return !PostgresKeywords.needQuoting.contains(name)
    }

    /// A standard string literal: single quotes, any `'` doubled, control characters made
    /// visible, line breaks folded (backslashes are literal: `standard_conforming_strings` is on
    /// by default since PostgreSQL 9.1).
    static func literal(_ text: String) -> String {
        let t = TextSafety.oneLine(text)
        return "'" + (t.utf8.contains(UInt8(ascii: "'")) ? t.replacingOccurrences(of: "'", with: "''") : t) + "'"
    }

    /// Text for the rest of a `--` comment line: one line, so nothing can end the comment.
    static func comment(_ text: String) -> String {
        TextSafety.oneLine(text)
    }
}

/// Names in one PostgreSQL namespace (tables and indexes share one per schema): each `claim`
/// returns a name not yet taken, adding `_2`, `_3` … (within the 63-byte limit) when needed.
struct SQLNamespace {
    private var taken = Set<String>()

    mutating func claim(_ proposed: String) -> String {
        var base = SQLText.name(proposed)
        if base.isEmpty { base = "unnamed" }
        var candidate = base
        var n = 1
        while taken.contains(candidate) {
            n += 1
            let suffix = "_\(n)"
            var trimmed = base
            while !trimmed.isEmpty && (trimmed + suffix).utf8.count > SQLText.maxIdentifierBytes { trimmed.removeLast() }
            candidate = trimmed + suffix
        }
        taken.insert(candidate)
        return candidate
    }
}
