/// Escaping user text for GitHub-flavoured Markdown.
///
/// The rule: user text can only ever produce literal characters. It cannot open a block
/// (heading, list, task item, quote, code, table, thematic break, HTML), cannot produce an
/// inline construct (emphasis, code span, link, image, raw HTML, entity, strikethrough), and
/// cannot end the table cell, list item or heading it sits in. Bare `http(s)://` and `www.`
/// URLs are still turned into links by GFM's autolink extension, exactly as written.
public enum MarkdownText {
    /// One line of user text for a table cell, list item or paragraph: control characters made
    /// visible, line breaks folded into ` / `, Markdown syntax escaped.
    /// `atLineStart: false` is for text that follows other text on its line (link text, the rest
    /// of a sentence), where block syntax such as `- ` or `1. ` cannot start.
    public static func inline(_ text: String, heading: Bool = false, atLineStart: Bool = true) -> String {
        escape(TextSafety.oneLine(text), heading: heading, atLineStart: atLineStart)
    }

    /// Multi-line user text as Markdown paragraphs: blank lines separate paragraphs, single line
    /// breaks stay line breaks, every line is escaped as if it began a block.
    /// Returns "" for blank text.
    public static func block(_ text: String) -> String {
        TextSafety.paragraphs(text).map { lines in
            lines.map { escape($0, heading: false) }.joined(separator: "\\\n")
        }.joined(separator: "\n\n")
    }

    /// Backslash-escapes an already single-line, trimmed string.
    /// Always escaped: `\ ` * _ [ ] < | ~`, and `&` when it starts an entity (`&name;`, `&#1;`).
    /// At the start of a block line: `# > - + =` and the `.`/`)` after a leading number.
    /// In headings (inline content, so no block can start) every `#` instead, since a trailing
    /// run of `#` would be taken as the closing sequence.
    static func escape(_ s: String, heading: Bool, atLineStart: Bool = true) -> String {
        // Works on UTF-8 bytes: every character it escapes is ASCII, and bytes of multi-byte
        // characters are never ASCII.
        var s = s
        let escaped: [UInt8]? = s.withUTF8 { b -> [UInt8]? in
            let n = b.count
            // Built only once something needs escaping: most fields need nothing.
            var out: [UInt8]? = nil
            let lineStart = atLineStart && !heading
            // A leading run of digits followed by . or ) would start an ordered list.
            var leadingDigits = 0
            while leadingDigits < n, b[leadingDigits] >= 0x30 && b[leadingDigits] <= 0x39 { leadingDigits += 1 }
            for i in 0..<n {
                let c = b[i]
                var escape = false
                switch c {
                case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
                     UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: "|"), UInt8(ascii: "~"):
                    escape = true
                case UInt8(ascii: "&"):
                    escape = looksLikeEntity(b, from: i)
                case UInt8(ascii: "#"):
                    escape = (i == 0 && atLineStart) || heading
                case UInt8(ascii: ">"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "="):
                    escape = i == 0 && lineStart
                case UInt8(ascii: "."), UInt8(ascii: ")"):
                    escape = lineStart && leadingDigits > 0 && i == leadingDigits
                default:
                    break
                }
                if escape && out == nil {
                    out = []
                    out!.reserveCapacity(n + 16)
                    out!.append(contentsOf: b[0..<i])
                }
                if escape { out!.append(UInt8(ascii: "\\")) }
                if out != nil { out!.append(c) }
            }
            return out
        }
        guard let escaped else { return s }
        return String(decoding: escaped, as: UTF8.self)
    }

    /// `&` followed by letters/digits (or `#` and digits) and `;`: what HTML would decode.
    static func looksLikeEntity(_ b: UnsafeBufferPointer<UInt8>, from i: Int) -> Bool {
        var j = i + 1
        if j < b.count, b[j] == UInt8(ascii: "#") { j += 1 }
        let start = j
        while j < b.count, j - start <= 32, isASCIIAlphanumeric(b[j]) { j += 1 }
        return j > start && j < b.count && b[j] == UInt8(ascii: ";")
    }

    static func isASCIIAlphanumeric(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
    }

    /// A fence (of backticks) longer than any backtick run in `content`, at least three long.
    public static func fence(for content: String) -> String {
        var longest = 0, run = 0
        for s in content.unicodeScalars {
            if s == "`" { run += 1; longest = max(longest, run) } else { run = 0 }
        }
        return String(repeating: "`", count: max(3, longest + 1))
    }
}

/// Heading anchors as GitHub computes them (the `github-slugger` rules): lower-case the
/// heading's text, drop everything but letters, marks, digits, connector punctuation, spaces
/// and hyphens, turn spaces into hyphens, and number repeats `-1`, `-2`, ... in document order.
public struct HeadingSlugger {
    private var seen: [String: Int] = [:]

    public init() {}

    /// The anchor of the next heading with this (plain, unescaped) text.
    public mutating func slug(_ text: String) -> String {
        let base = Self.baseSlug(text)
        var candidate = base
        if var n = seen[base] {
            repeat {
                n += 1
                candidate = "\(base)-\(n)"
            } while seen[candidate] != nil
            seen[base] = n
        }
        seen[candidate] = 0
        return candidate
    }

    public static func baseSlug(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.lowercased().unicodeScalars {
            if s == " " { out.append("-"); continue }
            if s == "-" || s == "_" { out.append(s); continue }
            switch s.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .nonspacingMark, .spacingMark, .enclosingMark,
                 .decimalNumber, .letterNumber, .otherNumber,
                 .connectorPunctuation:
                out.append(s)
            default:
                break
            }
        }
        return String(out)
    }
}
