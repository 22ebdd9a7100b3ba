import Foundation
import TerminalText

/// Saved files write the characters that hide or reorder text as `\uXXXX` escapes: C1
/// controls, DEL, and the invisible characters a reader of `cat` or `git diff` could not see
/// (bidi overrides, zero-width spaces, tags outside a flag). The joiners and selectors that
/// shape emoji and scripts stay as they are (`InvisibleCharacters.mustShow`), so 👩‍💻 is
/// still readable in the file. An escape means the same character: decoding is unchanged.
enum InvisibleEscapes {
    static func apply(_ data: Data) -> Data {
        // JSON text outside strings is ASCII: without DEL or a lead byte of U+0080 and above
        // there is nothing to do (the usual case costs one byte scan).
        guard data.contains(where: { $0 == 0x7F || $0 >= 0xC2 }) else { return data }
        let text = String(decoding: data, as: UTF8.self)
        let scalars = Array(text.unicodeScalars)
        func hidden(_ i: Int) -> Bool {
            let v = scalars[i].value
            return v == 0x7F || (0x80...0x9F).contains(v) || InvisibleCharacters.mustShow(scalars, at: i)
        }
        guard scalars.indices.contains(where: hidden) else { return data }
        var out = String.UnicodeScalarView()
        out.reserveCapacity(scalars.count + 64)
        for i in scalars.indices {
            guard hidden(i) else { out.append(scalars[i]); continue }
            for unit in String(scalars[i]).utf16 {
                let hex = String(unit, radix: 16)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            }
        }
        return Data(String(out).utf8)
    }
}
