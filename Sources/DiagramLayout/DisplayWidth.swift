// Display width of grapheme clusters and sanitising of untrusted label text.

/// Terminal display width of text, per grapheme cluster: East Asian Wide/Fullwidth and emoji
/// presentation take 2 columns, combining marks / ZWJ / variation selectors 0, the rest 1.
public enum DisplayWidth {
    public static func of(_ c: Character) -> Int {
        let scalars = c.unicodeScalars
        guard let first = scalars.first else { return 0 }
        let v = first.value
        if v < 0x20 || (v >= 0x7F && v <= 0x9F) { return 0 }
        if v < 0x300 { return 1 }
        if isZeroWidth(first) { return 0 }
        if isWide(v) { return 2 }
        let p = first.properties
        if p.isEmojiPresentation { return 2 }
        if p.isEmoji && scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        return 1
    }

    public static func of(_ s: String) -> Int {
        var w = 0
        for c in s { w += of(c) }
        return w
    }

    static func isZeroWidth(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v == 0x200B || (v >= 0xFE00 && v <= 0xFE0F) || (v >= 0x1160 && v <= 0x11FF) { return true }
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        default: return false
        }
    }

    private static let wideRanges: [(UInt32, UInt32)] = [
        (0x1100, 0x115F), (0x231A, 0x231B), (0x2329, 0x232A), (0x2E80, 0x303E), (0x3041, 0x33FF),
        (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xA000, 0xA4CF), (0xA960, 0xA97F), (0xAC00, 0xD7A3),
        (0xF900, 0xFAFF), (0xFE10, 0xFE19), (0xFE30, 0xFE6F), (0xFF00, 0xFF60), (0xFFE0, 0xFFE6),
        (0x16FE0, 0x16FE4), (0x17000, 0x18CFF), (0x1B000, 0x1B2FF), (0x1F200, 0x1F2FF),
        (0x20000, 0x2FFFD), (0x30000, 0x3FFFD),
    ]

    static func isWide(_ v: UInt32) -> Bool {
        if v < 0x1100 { return false }
        for (lo, hi) in wideRanges where v >= lo && v <= hi { return true }
        return false
    }
}

/// Label text helpers: sanitising, truncation and wrapping, all by display width.
public enum LabelText {
    /// Replaces what must never reach a terminal raw: C0 controls as `^X` (tab/newline → space),
    /// DEL as `^?`, C1 controls and bidi controls (U+202A–202E, U+2066–2069, U+200E/F, U+061C) as
    /// `?`. Zero-width clusters are dropped, except combining marks, shown on a dotted circle.
    public static func sanitize(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var changed = false
        for u in s.unicodeScalars {
            let v = u.value
            if v == 0x09 || v == 0x0A || v == 0x0D {
                out.append(" "); changed = true
            } else if v < 0x20 {
                out.append("^"); out.append(Unicode.Scalar(UInt8(v + 0x40))); changed = true
            } else if v == 0x7F {
                out.append("^"); out.append("?"); changed = true
            } else if (v >= 0x80 && v <= 0x9F) || (v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069)
                        || v == 0x200E || v == 0x200F || v == 0x061C {
                out.append("?"); changed = true
            } else {
                out.append(u)
            }
        }
        let cleaned = changed ? String(out) : s
        var needsPass = false
        for c in cleaned where DisplayWidth.of(c) == 0 { needsPass = true; break }
        if !needsPass { return cleaned }
        var result = ""
        for c in cleaned {
            if DisplayWidth.of(c) > 0 { result.append(c); continue }
            if let f = c.unicodeScalars.first, f.properties.generalCategory == .nonspacingMark
                || f.properties.generalCategory == .enclosingMark || f.properties.generalCategory == .spacingMark {
                result.append("\u{25CC}")
                result.unicodeScalars.append(contentsOf: c.unicodeScalars)
            }
        }
        return result
    }

    /// `s` cut to at most `width` columns, ending in `ellipsis` when cut.
    public static func truncate(_ s: String, width: Int, ellipsis: Character = "…") -> String {
        if DisplayWidth.of(s) <= width { return s }
        let ew = DisplayWidth.of(ellipsis)
        var out = ""
        var w = 0
        for c in s {
            let cw = DisplayWidth.of(c)
            if w + cw + ew > width { break }
            out.append(c); w += cw
        }
        out.append(ellipsis)
        return out
    }

    /// Greedy word wrap to `width` columns (long words are broken), at most `maxLines` lines.
    public static func wrap(_ s: String, width: Int, maxLines: Int, ellipsis: Character = "…") -> [String] {
        var lines: [String] = []
        var cur = ""
        var curW = 0
        func flush() { lines.append(cur); cur = ""; curW = 0 }
        for word in s.split(separator: " ", omittingEmptySubsequences: true) {
            let ww = DisplayWidth.of(String(word))
            if curW > 0 && curW + 1 + ww <= width {
                cur.append(" "); cur += word; curW += 1 + ww
                continue
            }
            if curW > 0 { flush() }
            if ww <= width {
                cur = String(word); curW = ww
            } else {
                for c in word {
                    let cw = DisplayWidth.of(c)
                    if curW + cw > width { flush() }
                    cur.append(c); curW += cw
                }
            }
        }
        if curW > 0 || lines.isEmpty { flush() }
        if lines.count > maxLines {
            var last = lines[maxLines - 1]
            // The next line did not fit after this one, so this always cuts and adds the ellipsis.
            last = truncate(last + " " + lines[maxLines], width: width, ellipsis: ellipsis)
            lines = Array(lines.prefix(maxLines - 1)) + [last]
        }
        return lines
    }
}
