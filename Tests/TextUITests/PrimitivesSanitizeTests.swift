import Testing
@testable import TextUI

@Suite("Sanitiser")
struct PrimitivesSanitizeTests {
    static let bidi: [UInt32] = Array(0x202A...0x202E) + Array(0x2066...0x2069) + [0x200E, 0x200F, 0x061C]

    static func isRawUnsafe(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        return v < 0x20 || (v >= 0x7F && v <= 0x9F) || bidi.contains(v) || v == 0x2028 || v == 0x2029
    }

    @Test("no raw control or bidi character survives, for every code point 0…0x9F and the bidi ones")
    func everyControl() {
        for v in Array(UInt32(0)...0x9F) + Self.bidi + [0x2028, 0x2029] {
            let u = Unicode.Scalar(v)!
            for s in [String(u), "a\(u)b", "\(u)\(u)", "漢\(u)\u{301}"] {
                let out = Sanitize.forDisplay(s)
                #expect(!out.unicodeScalars.contains(where: Self.isRawUnsafe), "U+\(String(v, radix: 16)) in \(s.debugDescription) → \(out.debugDescription)")
                #expect(Sanitize.forDisplay(out) == out, "not idempotent for U+\(String(v, radix: 16))")
                #expect(!Sanitize.needsSanitizing(out))
            }
        }
    }

    @Test func visibleForms() {
        #expect(Sanitize.forDisplay("a\u{1b}[31mred") == "a^[[31mred")
        #expect(Sanitize.forDisplay("\u{0}\u{7}\u{7f}") == "^@^G^?")
        #expect(Sanitize.forDisplay("tab\there") == "tab here")
        #expect(Sanitize.forDisplay("one\ntwo\r\nthree\rfour") == "one↵two↵three↵four")
        #expect(Sanitize.forDisplay("x\u{85}y\u{9b}z") == "x\\u{85}y\\u{9b}z")
        #expect(Sanitize.forDisplay("evil\u{202E}txt.exe") == "evil\\u{202e}txt.exe")
        #expect(Sanitize.forDisplay("\u{2066}iso\u{2069}") == "\\u{2066}iso\\u{2069}")
    }

    @Test func untouchedTextIsReturnedAsIs() {
        for s in ["", "plain ascii", "漢字 🚀 👨‍👩‍👧 🇫🇷 é", "→ ─ “quotes” — dash", "£ ¥ © ± µ"] {
            #expect(Sanitize.forDisplay(s) == s)
            #expect(!Sanitize.needsSanitizing(s))
        }
    }

    @Test func randomStringsAreSafeAndIdempotent() {
        var rng = PrimitivesRNG(seed: 1234)
        for _ in 0..<2000 {
            var s = primitivesRandomString(&rng)
            if Bool.random(using: &rng) { s.unicodeScalars.append(Unicode.Scalar(UInt32.random(in: 0...0xA0, using: &rng))!) }
            let out = Sanitize.forDisplay(s)
            #expect(!out.unicodeScalars.contains(where: Self.isRawUnsafe))
            #expect(Sanitize.forDisplay(out) == out)
        }
    }

    @Test func linesKeepBreaks() {
        #expect(Sanitize.linesForDisplay("a\nb\r\nc\u{1b}") == ["a", "b", "c^["])
        #expect(Sanitize.linesForDisplay("") == [""])
        #expect(Sanitize.linesForDisplay("x\n") == ["x", ""])
    }
}
