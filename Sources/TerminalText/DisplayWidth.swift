// Display width of text in terminal cells, measured per grapheme cluster (Swift `Character`).
//
// Pure Swift, no wcwidth(3): the result does not depend on the C library or the locale.
//
// Rules, per grapheme cluster:
//   - printable ASCII                                      → 1 (fast path)
//   - control characters (C0, DEL, C1)                     → 0 (sanitise text before measuring it
//                                                               for display: see `Sanitize`)
//   - emoji presentation: a base with Emoji_Presentation,
//     an emoji with VS16 (U+FE0F), a keycap (U+20E3),
//     a flag (regional indicators)                         → 2
//   - an emoji with a skin-tone modifier, a ZWJ sequence   → 2 on terminals that draw them as
//     one glyph; else 4, or the sum of the parts (see `EmojiWidths`, measured per terminal)
//   - East Asian Wide / Fullwidth (CJK, Hangul syllables,
//     kana, fullwidth forms, …)                            → 2
//   - a cluster made only of combining marks, ZWJ/ZWNJ,
//     variation selectors or other format characters       → 0
//   - everything else (Latin, Greek, Cyrillic, box drawing,
//     East Asian "ambiguous", …)                           → 1
// A text-presentation selector (VS15, U+FE0E) does not narrow a wide base: most terminals draw
// by code point width, so a cluster is never measured narrower than its base.
public enum DisplayWidth {

    /// Width of a whole string in cells.
    public static func of(_ s: String) -> Int {
        if let w = asciiWidth(s) { return w }
        var total = 0
        for c in s { total += of(c) }
        return total
    }

    /// Width of one grapheme cluster in cells: 0, 1 or 2 — more for the emoji sequences a
    /// terminal draws in parts (`DisplayWidth.emoji`).
    public static func of(_ c: Character) -> Int {
        let scalars = c.unicodeScalars
        var it = scalars.makeIterator()
        guard let first = it.next() else { return 0 }
        guard let second = it.next() else { return width(ofScalar: first) }
        // Multi-scalar cluster.
        if first.value == 0x0D && second.value == 0x0A { return 0 }   // CRLF: a control
        var hasVS16 = second.value == 0xFE0F
        var hasKeycap = second.value == 0x20E3
        var hasZWJ = second.value == 0x200D
        var hasModifier = second.value >= 0x1F3FB && second.value <= 0x1F3FF
        var regional = isRegionalIndicator(first) && isRegionalIndicator(second) ? 2 : 0
        while let s = it.next() {
            switch s.value {
            case 0xFE0F: hasVS16 = true
            case 0x20E3: hasKeycap = true
            case 0x200D: hasZWJ = true
            case 0x1F3FB...0x1F3FF: hasModifier = true
            default: break
            }
            if regional == 0 && isRegionalIndicator(s) { regional = 1 }
        }
        let base = width(ofScalar: first)
        if first.properties.isEmoji && (hasZWJ || hasModifier) && emoji != .joined {
            return splitWidth(scalars, hasZWJ: hasZWJ)
        }
        if base == 2 || regional == 2 { return 2 }
        if (hasVS16 || hasKeycap || hasModifier) && first.properties.isEmoji { return 2 }
        if hasZWJ && first.properties.isEmoji { return 2 }
        if base == 0 {
            // A cluster that starts with a zero-width scalar (e.g. a lone combining mark, or a
            // format character followed by marks) takes the width of the widest later scalar.
            var w = 0
            for s in scalars.dropFirst() { w = max(w, width(ofScalar: s)) }
            return min(w, 2)
        }
        return base
    }

    /// An emoji sequence on a terminal that does not join it: a modifier sequence takes
    /// `emoji.modifierSequence` cells; a ZWJ sequence that is not joined takes its parts' widths.
    static func splitWidth(_ scalars: String.UnicodeScalarView, hasZWJ: Bool) -> Int {
        if hasZWJ && emoji.zwjJoined {
            // Joined, but a terminal that draws a skin tone on its own (tmux) still gives each
            // modifier inside the sequence two cells of its own: 🧑🏽‍💻 takes four there.
            guard emoji.modifierSequence > 2 else { return 2 }
            let modifiers = scalars.filter { (0x1F3FB...0x1F3FF).contains($0.value) }.count
            return 2 + 2 * modifiers
        }
        var total = 0
        for s in scalars {
            switch s.value {
            case 0x1F3FB...0x1F3FF: total += emoji.modifierSequence > 2 ? 2 : 0
            default: total += width(ofScalar: s)
            }
        }
        return max(total, 2)
    }

    /// Width of a single scalar, out of context.
    public static func width(ofScalar s: Unicode.Scalar) -> Int {
        let v = s.value
        if v < 0x7F { return v >= 0x20 ? 1 : 0 }
        if v < 0xA0 { return 0 }                       // DEL, C1 controls
        if v < 0x300 { return 1 }                      // Latin-1, Latin Extended: all narrow
        if isZeroWidth(s) { return 0 }
        if isWide(v) { return 2 }
        if v >= 0x2000 && s.properties.isEmojiPresentation { return 2 }
        return 1
    }

    // MARK: truncation, padding, windows

    /// Cut `s` so that it fits in `width` cells. When it does not fit, the end is replaced by
    /// `ellipsis` (pass "" for a hard cut). Never splits a grapheme cluster; a wide character
    /// that would straddle the limit is dropped and the gap filled with a space, so the result
    /// is exactly `width` cells wide whenever `s` was wider. The result never exceeds `width`.
    public static func truncate(_ s: String, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if let w = asciiWidth(s), w <= width { return s }
        let total = of(s)
        if total <= width { return s }
        var ell = ellipsis
        var ellWidth = of(ell)
        if ellWidth > width { ell = ""; ellWidth = 0 }
        let budget = width - ellWidth
        var out = ""
        var used = 0
        for c in s {
            let w = of(c)
            if used + w > budget { break }
            out.append(c)
            used += w
        }
        if used < budget { out.append(String(repeating: " ", count: budget - used)) }
        out.append(ell)
        return out
    }

    /// Pad `s` with spaces to exactly `width` cells (truncating with `ellipsis` if it is wider).
    public static func pad(_ s: String, to width: Int, alignment: Alignment = .left, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        let t = truncate(s, to: width, ellipsis: ellipsis)
        let w = of(t)
        let gap = width - w
        if gap <= 0 { return t }
        switch alignment {
        case .left: return t + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + t
        case .center:
            let left = gap / 2
            return String(repeating: " ", count: left) + t + String(repeating: " ", count: gap - left)
        }
    }

    public enum Alignment: Sendable { case left, center, right }

    /// The part of `s` visible through a window `width` cells wide whose left edge is at
    /// display column `column` of `s` (horizontal scrolling in text fields). Half of a wide
    /// character cut by either edge is shown as a space, so the result is exactly
    /// `min(width, max(0, of(s) - column))` cells wide. Never splits a cluster.
    public static func window(_ s: String, from column: Int, width: Int) -> String {
        guard width > 0 else { return "" }
        let start = max(0, column)
        let end = start + width
        if let _ = asciiWidth(s) {
            let u = s.utf8
            guard start < u.count else { return "" }
            let a = u.index(u.startIndex, offsetBy: start)
            let b = u.index(u.startIndex, offsetBy: min(end, u.count))
            return String(s[a..<b])
        }
        var out = ""
        var col = 0
        for c in s {
            if col >= end { break }
            let w = of(c)
            let next = col + w
            if col >= start && next <= end {
                out.append(c)
            } else if next > start && col < end {
                // Straddles an edge: show the visible part as spaces.
                let visible = min(next, end) - max(col, start)
                if visible > 0 { out.append(String(repeating: " ", count: visible)) }
            }
            col = next
        }
        return out
    }

    /// Display column at which the character at `index` starts (cursor placement).
    public static func column(of index: String.Index, in s: String) -> Int {
        of(String(s[s.startIndex..<index]))
    }

    /// Index of the cluster covering display column `column` (mouse click / scrolling).
    /// Returns `s.endIndex` when the column is past the end.
    public static func index(atColumn column: Int, in s: String) -> String.Index {
        var col = 0
        var i = s.startIndex
        while i < s.endIndex {
            let next = s.index(after: i)
            let w = of(s[i])
            if column < col + w { return i }
            col += w
            i = next
        }
        return s.endIndex
    }

    /// Width of a cluster as it will be drawn: clusters holding characters that `Sanitize`
    /// replaces (controls, ESC, bidi overrides) count the width of their replacement.
    public static func ofDisplayed(_ c: Character) -> Int {
        if let a = c.asciiValue, a >= 0x20 && a < 0x7F { return 1 }
        for u in c.unicodeScalars where Sanitize.isUnsafe(u) {
            return of(Sanitize.forDisplay(String(c)))
        }
        return of(c)
    }

    // MARK: wrapping

    /// Word-wrap one line of text (no line breaks in it) to `width` cells: the ranges of `s`
    /// that make up each display line, in order, covering all of `s`. Breaks after spaces;
    /// a word longer than the width is broken between clusters. Spaces at a break stay at
    /// the end of the line before it. Widths are measured as drawn (`ofDisplayed`). Every
    /// line fits in `width` unless a single cluster is wider than `width`.
    /// For multi-line editors: map a cursor index to (line, column) with these ranges.
    public static func wrapRanges(_ s: Substring, width: Int) -> [Range<String.Index>] {
        let width = max(1, width)
        var ranges: [Range<String.Index>] = []
        var lineStart = s.startIndex
        var col = 0
        var lastBreak: (index: String.Index, col: Int)? = nil
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            let next = s.index(after: i)
            let w = ofDisplayed(c)
            while col + w > width && col > 0 {
                if let b = lastBreak, b.index > lineStart {
                    ranges.append(lineStart..<b.index)
                    lineStart = b.index
                    col -= b.col
                    lastBreak = nil
                } else {
                    ranges.append(lineStart..<i)
                    lineStart = i
                    col = 0
                }
            }
            col += w
            if c == " " { lastBreak = (next, col) }
            i = next
        }
        ranges.append(lineStart..<s.endIndex)
        return ranges
    }

    public static func wrapRanges(_ s: String, width: Int) -> [Range<String.Index>] {
        wrapRanges(s[...], width: width)
    }

    /// Word-wrap text for display: splits at line breaks (LF, CRLF, CR, U+2028/2029), wraps
    /// each line to `width` cells, sanitises, and drops the spaces at wrap points.
    /// Empty text gives one empty line.
    public static func wrap(_ s: String, width: Int) -> [String] {
        var out: [String] = []
        for line in Sanitize.linesForDisplay(s) {
            for r in wrapRanges(line, width: width) {
                var piece = String(line[r])
                if r.upperBound != line.endIndex { while piece.last == " " { piece.removeLast() } }
                out.append(piece)
            }
        }
        return out
    }

    // MARK: internals

    /// Width of `s` if it is entirely printable ASCII, else nil.
    @inline(__always)
    /// The width of an all-ASCII printable string (one cell per byte), else nil: the fast path.
    public static func asciiWidth(_ s: String) -> Int? {
        var ok = true
        let n: Int? = s.utf8.withContiguousStorageIfAvailable { buf -> Int in
            for b in buf where b < 0x20 || b >= 0x7F { ok = false; break }
            return buf.count
        }
        if let n { return ok ? n : nil }
        var count = 0
        for b in s.utf8 {
            if b < 0x20 || b >= 0x7F { return nil }
            count += 1
        }
        return count
    }

    @inline(__always)
    static func isRegionalIndicator(_ s: Unicode.Scalar) -> Bool {
        s.value >= 0x1F1E6 && s.value <= 0x1F1FF
    }

    static func isZeroWidth(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        // Hangul Jungseong / Jongseong (combine with a leading consonant).
        if (v >= 0x1160 && v <= 0x11FF) || (v >= 0xD7B0 && v <= 0xD7FF) { return true }
        switch v {
        case 0x200B, 0x2028, 0x2029: return true        // zero width space, line/paragraph separators
        case 0x3164, 0xFFA0: return true                // Hangul fillers
        case 0x302E, 0x302F, 0x16FF0, 0x16FF1: return true  // tone marks that attach to the syllable
        default: break
        }
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control:
            // Prepended concatenation marks are visible (Arabic number signs and the like).
            return v != 0x00AD && !(v >= 0x0600 && v <= 0x0605) && v != 0x06DD && v != 0x070F
                && v != 0x0890 && v != 0x0891 && v != 0x08E2 && v != 0x110BD && v != 0x110CD
        default:
            return false
        }
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges, Unicode 16, excluding ranges that are
    /// only wide because they are emoji (those are caught by Emoji_Presentation).
    static func isWide(_ v: UInt32) -> Bool {
        if v < 0x1100 { return false }
        if v < 0x2E80 {
            return (v <= 0x115F) || v == 0x2329 || v == 0x232A
                || (v >= 0x2630 && v <= 0x2637) || (v >= 0x268A && v <= 0x268F)   // trigrams, digrams (Unicode 16)
        }
        if v <= 0xA4CF {
            // CJK radicals … Yi: almost all wide; a few gaps.
            if v >= 0x2E80 && v <= 0x303E { return !(v == 0x2E9A || (v >= 0x2EF4 && v <= 0x2EFF) || (v >= 0x2FD6 && v <= 0x2FEF)) }
            if v == 0x303F || v == 0x3040 || v == 0x3097 || v == 0x3098 { return false }
            if v >= 0x3248 && v <= 0x324F { return false }     // circled numbers: ambiguous
            if v >= 0x3041 && v <= 0x4DBF { return true }
            if v >= 0x4DC0 && v <= 0x4DFF { return true }      // Yijing hexagrams (wide since Unicode 16)
            return v >= 0x4E00 && v <= 0xA4C6
        }
        if v >= 0xA960 && v <= 0xA97C { return true }
        if v >= 0xAC00 && v <= 0xD7A3 { return true }          // Hangul syllables
        if v >= 0xF900 && v <= 0xFAFF { return true }
        if v >= 0xFE10 && v <= 0xFE19 { return true }
        if v >= 0xFE30 && v <= 0xFE6B { return v != 0xFE53 && v != 0xFE67 }
        if v >= 0xFF01 && v <= 0xFF60 { return true }          // fullwidth forms
        if v >= 0xFFE0 && v <= 0xFFE6 { return true }
        if v < 0x16FE0 { return false }
        if v >= 0x16FE0 && v <= 0x16FE4 { return true }
        if v >= 0x16FF0 && v <= 0x16FF1 { return true }
        if v >= 0x17000 && v <= 0x18CD5 { return true }        // Tangut, Khitan
        if v >= 0x18D00 && v <= 0x18D08 { return true }
        if v >= 0x1AFF0 && v <= 0x1B2FB { return true }        // Kana supplements, Nushu
        if v >= 0x1D300 && v <= 0x1D356 { return true }        // Tai Xuan Jing (Unicode 16)
        if v >= 0x1D360 && v <= 0x1D376 { return true }        // counting rods (Unicode 16)
        if v >= 0x1F200 && v <= 0x1F202 { return true }
        if v >= 0x1F210 && v <= 0x1F23B { return true }
        if v >= 0x1F240 && v <= 0x1F248 { return true }
        if v >= 0x1F250 && v <= 0x1F251 { return true }
        if v >= 0x1F260 && v <= 0x1F265 { return true }
        if v >= 0x20000 && v <= 0x2FFFD { return true }        // CJK extension B…
        if v >= 0x30000 && v <= 0x3FFFD { return true }
        return false
    }
}
