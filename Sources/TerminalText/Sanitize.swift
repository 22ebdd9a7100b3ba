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
//
// The replacements are plain printable characters, so sanitising twice changes nothing
// (`forDisplay(forDisplay(s)) == forDisplay(s)`). Text with nothing to replace is returned
// unchanged after a single byte scan, without allocating.
public enum Sanitize {

    /// The glyph shown for a line break inside single-line text.
    public static let newlineSymbol = "↵"

    public static func forDisplay(_ s: String) -> String {
        if !needsWork(s) { return s }
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for u in s.unicodeScalars {
            let v = u.value
            if v == 0x0A && previousWasCR { previousWasCR = false; continue }  // CRLF → one ↵
            previousWasCR = v == 0x0D
            if let r = replacement(for: v) {
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
        for u in s.unicodeScalars where replacement(for: u.value) != nil { return true }
        return false
    }

    /// True for the scalars that `forDisplay` never lets through.
    public static func isUnsafe(_ u: Unicode.Scalar) -> Bool {
        replacement(for: u.value) != nil
    }

    // MARK: internals

    /// Cheap pre-check on UTF-8 bytes: C0 and DEL are single bytes; C1 controls start with
    /// 0xC2, U+061C with 0xD8, and every bidi/separator character here with 0xE2.
    @inline(__always)
    static func needsWork(_ s: String) -> Bool {
        @inline(__always) func suspicious(_ b: UInt8) -> Bool {
            b < 0x20 || b == 0x7F || b == 0xC2 || b == 0xD8 || b == 0xE2
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
            return "\\u{" + String(v, radix: 16) + "}"
        default: return nil
        }
    }
}
