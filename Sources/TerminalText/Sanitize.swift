// Making untrusted text safe to draw.
//
// Everything that comes from a document (names, descriptions, notes, file names, error
// messages quoting user input) goes through `Sanitize.forDisplay` before it reaches the
// terminal. `Grid.put` does this itself, so views that draw through the grid are covered.
//
// What is replaced (the output never contains any of these raw):
//
//   input                                   shown as
//   ─────────────────────────────────────   ────────────────────────────────────────────
//   TAB (U+0009)                            one space (not `→`: in a tool that draws data
//                                           flows as arrows an arrow would read as content)
//   LF, CR, CRLF (U+000A, U+000D)           `↵` (one per line break)
//   other C0 controls U+0000–001F           caret notation: NUL `^@`, ESC `^[`, BEL `^G`, …
//   DEL (U+007F)                            `^?`
//   C1 controls U+0080–009F                 `\u{85}` style (hex, lower case, no padding)
//   bidi embeddings/overrides U+202A–202E   `\u{202e}` style
//   bidi isolates U+2066–2069               `\u{2066}` style
//   bidi marks U+200E, U+200F, U+061C       `\u{200f}` style
//   line/paragraph separators U+2028/2029   `↵`
//   invisible characters (see below)        `\u{200b}` style
//
// Invisible characters: text that draws nothing, so two names that look the same could differ
// without anyone seeing it. Shown like the bidi controls:
//   zero-width space U+200B, word joiner U+2060, invisible operators U+2061–2064 and the
//   deprecated format characters U+2065–206F, byte-order mark U+FEFF, soft hyphen U+00AD,
//   combining grapheme joiner U+034F, Hangul fillers U+115F, U+1160, U+3164, U+FFA0, Khmer
//   inherent vowels U+17B4/17B5, Mongolian vowel separator U+180E, interlinear annotation
//   U+FFF9–FFFB, shorthand format controls U+1BCA0–1BCA3, musical format characters
//   U+1D173–1D17A, and the tag block U+E0000–E0FFF;
//   zero-width non-joiner U+200C; zero-width joiner U+200D except between two emoji
//   (👨‍👩‍👧 stays one family);
//   tag characters U+E0020–E007F except inside an emoji tag sequence (the flag of Scotland:
//   U+1F3F4 followed by tags);
//   variation selectors U+FE00–FE0F and U+E0100–E01EF except where they select a glyph:
//   U+FE0E/FE0F after an emoji, the others after a CJK ideograph.
//
// The replacements are plain printable characters, so sanitising twice changes nothing
// (`forDisplay(forDisplay(s)) == forDisplay(s)`). Text with nothing to replace is returned
// unchanged after a single byte scan, without allocating.
public enum Sanitize {

    /// The glyph shown for a line break inside single-line text.
    public static let newlineSymbol = "↵"

    public static func forDisplay(_ s: String) -> String {
        // Most text with a suspicious lead byte (an arrow, a box line, an emoji) has nothing to
        // replace: scanning first spares building a copy.
        if !needsSanitizing(s) { return s }
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        var context = Context()
        var scalars = s.unicodeScalars.makeIterator()
        var current = scalars.next()
        while let u = current {
            let next = scalars.next()
            let v = u.value
            defer { context.advance(past: u); current = next }
            if v == 0x0A && previousWasCR { previousWasCR = false; continue }  // CRLF → one ↵
            previousWasCR = v == 0x0D
            if let r = replacement(for: v) ?? contextualReplacement(u, context, next: next) {
                out.append(contentsOf: r.unicodeScalars)
            } else {
                out.append(u)
            }
        }
        return String(out)
    }

    /// Like `forDisplay`, but keeps line breaks and returns the lines separately (for
    /// multi-line text such as stage notes). CRLF, CR, LF, U+2028 and U+2029 all split lines.
    public static func linesForDisplay(_ s: String) -> [String] {
        var lines: [String] = []
        var current = ""
        var previousWasCR = false
        for u in s.unicodeScalars {
            let v = u.value
            if v == 0x0A && previousWasCR { previousWasCR = false; continue }
            previousWasCR = v == 0x0D
            if v == 0x0A || v == 0x0D || v == 0x2028 || v == 0x2029 {
                lines.append(forDisplay(current))
                current = ""
            } else {
                current.unicodeScalars.append(u)
            }
        }
        lines.append(forDisplay(current))
        return lines
    }

    /// True when `forDisplay` would change `s`.
    public static func needsSanitizing(_ s: String) -> Bool {
        guard needsWork(s) else { return false }
        var context = Context()
        var scalars = s.unicodeScalars.makeIterator()
        var current = scalars.next()
        while let u = current {
            let next = scalars.next()
            if replacement(for: u.value) != nil || contextualReplacement(u, context, next: next) != nil { return true }
            context.advance(past: u)
            current = next
        }
        return false
    }

    /// True for the scalars that `forDisplay` never lets through, wherever they stand. (The
    /// joiner, variation selectors and tags are let through in emoji and CJK sequences only:
    /// `needsSanitizing` judges those in context.)
    public static func isUnsafe(_ u: Unicode.Scalar) -> Bool {
        replacement(for: u.value) != nil
    }

    // MARK: internals

    /// Cheap pre-check on UTF-8 bytes: C0 and DEL are single bytes; C1 controls and the soft
    /// hyphen start with 0xC2, U+034F with 0xCD, U+061C with 0xD8, U+115F–180E with 0xE1, the
    /// bidi, separator and zero-width characters with 0xE2, U+3164 with 0xE3, U+FE00–FFFB with
    /// 0xEF, U+1BCA0 and U+1D173 with 0xF0 and the tag block with 0xF3. Plain ASCII and Latin
    /// text never takes the slow path.
    @inline(__always)
    static func needsWork(_ s: String) -> Bool {
        @inline(__always) func suspicious(_ b: UInt8) -> Bool {
            b < 0x20 || b == 0x7F || b == 0xC2 || b == 0xCD || b == 0xD8 || (b >= 0xE1 && b <= 0xE3)
                || b == 0xEF || b == 0xF0 || b == 0xF3
        }
        if let r = s.utf8.withContiguousStorageIfAvailable({ buf -> Bool in
            for b in buf where suspicious(b) { return true }
            return false
        }) { return r }
        for b in s.utf8 where suspicious(b) { return true }
        return false
    }

    static func replacement(for v: UInt32) -> String? {
        switch v {
        case 0x09: return " "
        case 0x0A, 0x0D, 0x2028, 0x2029: return newlineSymbol
        case 0x00...0x1F: return "^" + String(UnicodeScalar(UInt8(v + 0x40)))
        case 0x7F: return "^?"
        case 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C:
            return hex(v)
        // Invisible whatever surrounds them.
        case 0x00AD, 0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180E, 0x200B, 0x200C, 0x2060...0x2065,
             0x206A...0x206F, 0x3164, 0xFEFF, 0xFFA0, 0xFFF9...0xFFFB, 0x1BCA0...0x1BCA3, 0x1D173...0x1D17A,
             0xE0000...0xE001F, 0xE0080...0xE00FF, 0xE01F0...0xE0FFF:
            return hex(v)
        default: return nil
        }
    }

    static func hex(_ v: UInt32) -> String { "\\u{" + String(v, radix: 16) + "}" }

    /// What came before a scalar, for the characters that are fine in some sequences only.
    struct Context {
        /// The scalar before, if any.
        var previous: Unicode.Scalar?
        /// Inside an emoji tag sequence (after U+1F3F4, until the cancel tag U+E007F).
        var inTagSequence = false

        mutating func advance(past u: Unicode.Scalar) {
            let v = u.value
            if v == 0x1F3F4 {
                inTagSequence = true
            } else if !(0xE0020...0xE007E).contains(v) {
                inTagSequence = false
            }
            previous = u
        }
    }

    /// The joiner, variation selectors and tags: kept where they build an emoji or select a
    /// glyph, shown everywhere else.
    static func contextualReplacement(_ u: Unicode.Scalar, _ context: Context, next: Unicode.Scalar?) -> String? {
        let v = u.value
        switch v {
        case 0x200D:
            // Between two emoji (a base, a modifier or a presentation selector before it).
            guard let p = context.previous, let n = next,
                  isEmojiPart(p) || p.value == 0xFE0F, isEmojiPart(n) else { return hex(v) }
            return nil
        case 0xFE0E, 0xFE0F:
            guard let p = context.previous, isEmojiPart(p) || (0x30...0x39).contains(p.value)
                    || p.value == 0x23 || p.value == 0x2A else { return hex(v) }
            return nil
        case 0xFE00...0xFE0D, 0xE0100...0xE01EF:
            guard let p = context.previous, isIdeograph(p) else { return hex(v) }
            return nil
        case 0xE0020...0xE007F:
            return context.inTagSequence ? nil : hex(v)
        default:
            return nil
        }
    }

    /// An emoji other than the ASCII keycap bases (`#`, `*`, digits), or an emoji modifier.
    static func isEmojiPart(_ u: Unicode.Scalar) -> Bool {
        u.value >= 0xA9 && (u.properties.isEmoji || u.properties.isEmojiModifier)
    }

    static func isIdeograph(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF: true
        default: false
        }
    }
}
