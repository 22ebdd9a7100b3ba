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

    /// Every character that draws nothing on its own.
    static let invisible: [UInt32] = [0xAD, 0x34F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180E, 0x200B, 0x200C, 0x200D]
        + Array(0x2060...0x206F) + [0x3164, 0xFE00, 0xFE0E, 0xFE0F, 0xFEFF, 0xFFA0, 0xFFF9, 0xFFFA, 0xFFFB]
        + [0x1BCA0, 0x1BCA3, 0x1D173, 0x1D17A, 0xE0001, 0xE0020, 0xE0041, 0xE007F, 0xE0100, 0xE01EF]

    @Test("zero-width and invisible format characters are shown, on their own and between letters")
    func invisibleCharactersAreShown() {
        for v in Self.invisible {
            let u = Unicode.Scalar(v)!
            for s in ["cache\(u)", "a\(u)b", "\(u)", "\(u)x\(u)"] {
                let out = Sanitize.forDisplay(s)
                #expect(!out.unicodeScalars.contains(u), "U+\(String(v, radix: 16)) in \(s.debugDescription) stays raw: \(out.debugDescription)")
                #expect(out.contains("\\u{\(String(v, radix: 16))}"), "U+\(String(v, radix: 16)) is named: \(out.debugDescription)")
                #expect(Sanitize.forDisplay(out) == out)
                #expect(Sanitize.needsSanitizing(s) && !Sanitize.needsSanitizing(out))
            }
        }
        #expect(Sanitize.forDisplay("pay\u{200B}ments") == "pay\\u{200b}ments")
        #expect(Sanitize.forDisplay("\u{FEFF}Orders") == "\\u{feff}Orders")
        #expect(Sanitize.forDisplay("soft\u{AD}hyphen") == "soft\\u{ad}hyphen")
    }

    @Test("two names that look the same on screen never draw the same")
    func lookalikesDiffer() {
        let plain = "Payments API"
        for v in Self.invisible {
            var twin = plain
            twin.insert(Character(Unicode.Scalar(v)!), at: twin.index(twin.startIndex, offsetBy: 3))
            #expect(Sanitize.forDisplay(twin) != Sanitize.forDisplay(plain), "U+\(String(v, radix: 16))")
        }
    }

    @Test("emoji sequences stay whole: joiners, presentation selectors, skin tones, keycaps, tag flags")
    func emojiSequencesAreKept() {
        for s in ["👨‍👩‍👧", "👩🏽‍💻", "🏳️‍🌈", "👁️‍🗨️", "❤️", "☺︎", "#️⃣", "1️⃣", "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}",
                  "葛\u{E0100}", "team 👩‍🔬 lab", "🇫🇷"] {
            #expect(Sanitize.forDisplay(s) == s, "\(s.debugDescription) → \(Sanitize.forDisplay(s).debugDescription)")
            #expect(!Sanitize.needsSanitizing(s))
        }
        // The same characters outside those sequences are shown.
        #expect(Sanitize.forDisplay("a\u{200D}b") == "a\\u{200d}b")
        #expect(Sanitize.forDisplay("👩\u{200D}") == "👩\\u{200d}", "a joiner at the end joins nothing")
        #expect(Sanitize.forDisplay("x\u{FE0F}") == "x\\u{fe0f}")
        #expect(Sanitize.forDisplay("tag\u{E0041}") == "tag\\u{e0041}")
        #expect(Sanitize.forDisplay("a\u{E0100}") == "a\\u{e0100}")
    }

    @Test func linesKeepBreaks() {
        #expect(Sanitize.linesForDisplay("a\nb\r\nc\u{1b}") == ["a", "b", "c^["])
        #expect(Sanitize.linesForDisplay("") == [""])
        #expect(Sanitize.linesForDisplay("x\n") == ["x", ""])
    }
}
