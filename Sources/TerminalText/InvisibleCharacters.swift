/// Characters that draw nothing, or change how the text around them is drawn, but are part of
/// the string: two names that look the same on screen can differ by one of them, and some
/// (tags, bidi controls) are used to smuggle text past a reader.
///
/// `isInvisible` covers the format characters (Unicode category Cf: zero-width space and
/// joiners, bidi marks, embeddings and isolates, word joiner, invisible operators, the byte
/// order mark, interlinear annotations, tags), the other default-ignorable code points
/// (variation selectors, Hangul fillers, the combining grapheme joiner, Mongolian variation
/// selectors), the line and paragraph separators, and noncharacters. Control characters
/// (C0, DEL, C1) are not included: every caller handles them already.
///
/// `mustShow` is what outputs for people use: it lets through the joiners and variation
/// selectors where they shape what is drawn — ZWJ and ZWNJ between two non-ASCII characters
/// (emoji sequences, Indic and Arabic scripts), a variation selector after a non-ASCII
/// character or before a keycap mark (❤️, 1️⃣) — and flags them anywhere else (`ad‍min`).
public enum InvisibleCharacters {
    public static func isInvisible(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0xA0 { return false }
        let p = s.properties
        switch p.generalCategory {
        case .format, .lineSeparator, .paragraphSeparator: return true
        default: return p.isDefaultIgnorableCodePoint || p.isNoncharacterCodePoint
        }
    }

    /// Whether the scalar at `index` must be shown visibly, given its neighbours.
    public static func mustShow(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        let s = scalars[index]
        guard isInvisible(s) else { return false }
        let v = s.value
        let before = index > 0 ? scalars[index - 1] : nil
        let after = index + 1 < scalars.count ? scalars[index + 1] : nil
        /// A character that draws something and is not ASCII: what a joiner or selector shapes.
        func shapeable(_ x: Unicode.Scalar?) -> Bool {
            guard let x, x.value >= 0xA0 else { return false }
            return !isInvisible(x) && x.properties.generalCategory != .control
        }
        switch v {
        case 0x200C, 0x200D:
            // After an emoji's VS16 (❤️‍🔥) the joiner still joins two drawn characters.
            let joinsFrom = shapeable(before) || (before?.value == 0xFE0F && index >= 2 && shapeable(scalars[index - 2]))
            return !(joinsFrom && shapeable(after))
        case 0xE0020...0xE007F:
            // Tags spell a subdivision flag after U+1F3F4 (🏴󠁧󠁢󠁳󠁣󠁴󠁿), up to the cancel tag.
            var j = index - 1
            while j >= 0, (0xE0020...0xE007E).contains(scalars[j].value) { j -= 1 }
            return !(j >= 0 && scalars[j].value == 0x1F3F4)
        case 0xFE00...0xFE0F, 0xE0100...0xE01EF:
            return !(shapeable(before) || after?.value == 0x20E3)
        default:
            return true
        }
    }

    /// True when `s` may hold a character `mustShow` would flag: a quick byte scan (no
    /// character of this kind is ASCII, and none starts with a byte below 0xC2 other than
    /// the C1 block's).
    public static func mayContain(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { b in
            for c in b where c >= 0xC2 && c != 0xC3 && c != 0xCE && c != 0xCF && c != 0xD0 && c != 0xD1 { return true }
            return false
        }
    }

    /// `s` with every character `mustShow` flags replaced by `show(codePoint)`.
    public static func showingInvisible(_ s: String, _ show: (UInt32) -> String) -> String {
        guard mayContain(s) else { return s }
        let scalars = Array(s.unicodeScalars)
        guard scalars.indices.contains(where: { mustShow(scalars, at: $0) }) else { return s }
        var out = String.UnicodeScalarView()
        for i in scalars.indices {
            if mustShow(scalars, at: i) {
                out.append(contentsOf: show(scalars[i].value).unicodeScalars)
            } else {
                out.append(scalars[i])
            }
        }
        return String(out)
    }
}
