import DesignModel
import TerminalText

/// `export --format json`: the canonical JSON of the design (what `fmt` writes), with every
/// character that must not reach a terminal raw written as a `\uXXXX` escape: C0 controls (as
/// the file already has them), DEL, C1 controls, bidi controls, zero-width and other invisible
/// format characters, line and paragraph separators, noncharacters (see
/// `InvisibleCharacters.isInvisible`). Characters beyond U+FFFF are written as a surrogate
/// pair. Escaping does not change a string's value, so a JSON reader gets back exactly the
/// design; and the output is all printable text, so it is safe on a terminal and in a review.
public enum JSONExport {
    public static func render(_ design: Design) throws -> String {
        escapeInvisible(String(decoding: try DesignCodec.encode(design), as: UTF8.self))
    }

    /// True for the characters the export escapes (beyond the ones JSON itself requires).
    public static func mustEscape(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v == 0x7F || (0x80...0x9F).contains(v) || InvisibleCharacters.isInvisible(s)
    }

    /// JSON text with those characters escaped. Outside strings JSON text is ASCII, so every
    /// such character is inside a string, where an escape means the same character.
    public static func escapeInvisible(_ json: String) -> String {
        var json = json
        let needed = json.withUTF8 { b in b.contains { $0 == 0x7F || $0 >= 0xC2 } }
        guard needed, json.unicodeScalars.contains(where: mustEscape) else { return json }
        var out = String.UnicodeScalarView()
        out.reserveCapacity(json.utf8.count + 64)
        func escape(_ unit: UInt16) {
            let hex = String(unit, radix: 16)
            out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
        }
        for s in json.unicodeScalars {
            guard mustEscape(s) else { out.append(s); continue }
            for unit in String(s).utf16 { escape(unit) }
        }
        return String(out)
    }
}
