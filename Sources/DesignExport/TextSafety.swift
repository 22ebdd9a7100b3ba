import TerminalText

/// Turning untrusted user text into something that is safe to place in an export.
///
/// Every exporter runs user text through `visible` first: control characters (C0, DEL, C1) and
/// the bidi overrides become printable stand-ins (`^[` for ESC, `U+202E` for RLO), and so do
/// zero-width and other invisible format characters (`U+200B`; see `InvisibleCharacters`), so no byte of
/// user text can drive a terminal or reorder a reviewer's view of the report. Line breaks are
/// kept as `\n` (CR LF, lone CR, NEL, U+2028 and U+2029 become `\n`) and tabs become spaces;
/// each context then decides how to fold or keep them.
public enum TextSafety {
    /// User text with control characters and bidi overrides made visible and every line break
    /// normalised to `\n`.
    public static func visible(_ text: String) -> String {
        if isPlain(text) { return text }
        var out = String.UnicodeScalarView()
        var previousCR = false
        for s in text.unicodeScalars {
            let v = s.value
            defer { previousCR = v == 0x0D }
            switch v {
            case 0x0A:
                if !previousCR { out.append("\n") }
            case 0x0D, 0x85, 0x2028, 0x2029:
                out.append("\n")
            case 0x09:
                out.append(" ")
            case 0x00...0x1F:
                out.append("^")
                out.append(Unicode.Scalar(UInt8(v + 0x40)))
            case 0x7F:
                out.append(contentsOf: "^?".unicodeScalars)
            case 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069:
                out.append(contentsOf: codePoint(v).unicodeScalars)
            default:
                out.append(s)
            }
        }
        // Zero-width and other invisible format characters: shown as U+200B, except joiners
        // and variation selectors where they shape emoji and scripts.
        return InvisibleCharacters.showingInvisible(String(out), codePoint)
    }

    /// `visible`, then every run of line breaks folded into `separator` and the ends trimmed:
    /// text for places that hold exactly one line (table cells, list items, headings, labels).
    public static func oneLine(_ text: String, separator: String = " / ") -> String {
        if isPlain(text) { return trimmed(text) }
        let v = visible(text)
        if !v.utf8.contains(0x0A) { return trimmed(v) }
        return v.split(separator: "\n", omittingEmptySubsequences: true)
            .map { trimmed($0) }
            .filter { !$0.isEmpty }
            .joined(separator: separator)
    }

    /// The lines of `visible(text)`, each trimmed, grouped into paragraphs at blank lines.
    public static func paragraphs(_ text: String) -> [[String]] {
        var out: [[String]] = []
        var current: [String] = []
        for line in visible(text).split(separator: "\n", omittingEmptySubsequences: false) {
            let t = trimmed(line)
            if t.isEmpty {
                if !current.isEmpty { out.append(current); current = [] }
            } else {
                current.append(t)
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// True when `text` has nothing `visible` would change: no C0 (line breaks and tabs
    /// included), DEL, C1, bidi override, Unicode line separator or (by a cheaper, wider test)
    /// invisible character. A byte scan, as this runs for every field of every export.
    static func isPlain(_ text: String) -> Bool {
        if InvisibleCharacters.mayContain(text) { return false }
        var text = text
        return text.withUTF8 { b in
            var i = 0
            let n = b.count
            while i < n {
                let c = b[i]
                if c < 0x20 || c == 0x7F { return false }
                if c == 0xC2, i + 1 < n, (0x80...0x9F).contains(b[i + 1]) { return false }   // C1
                if c == 0xE2, i + 2 < n {
                    let c1 = b[i + 1], c2 = b[i + 2]
                    if c1 == 0x80 && (0xA8...0xAE).contains(c2) { return false }   // U+2028–202E
                    if c1 == 0x81 && (0xA6...0xA9).contains(c2) { return false }   // U+2066–2069
                }
                i += 1
            }
            return true
        }
    }

    static func codePoint(_ v: UInt32) -> String {
        let hex = String(v, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    static func trimmed(_ s: String) -> String { trimmed(Substring(s)) }

    static func trimmed(_ s: Substring) -> String {
        // Fast path: ASCII, non-space ends (a byte >= 0x80 may be a Unicode space).
        if let first = s.utf8.first, let last = s.utf8.last,
           first > 0x20 && first < 0x80 && last > 0x20 && last < 0x80 {
            return String(s)
        }
        let scalars = s.unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, scalars[start].properties.isWhitespace { start = scalars.index(after: start) }
        while end > start, scalars[scalars.index(before: end)].properties.isWhitespace { end = scalars.index(before: end) }
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }
}
