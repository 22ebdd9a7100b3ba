import TestSupport
import Testing
@testable import TextUI

typealias PrimitivesRNG = SeededGenerator

/// Pieces that random test strings are made of: every width class and cluster shape.
let primitivesTextPieces: [String] = [
    "a", "Z", " ", "~", "é", "e\u{301}", "a\u{300}\u{316}", "漢", "字", "한", "\u{1100}\u{1161}\u{11A8}",
    "ｶ", "Ａ", "🚀", "👨‍👩‍👧", "🇫🇷", "1️⃣", "❤️", "☺", "👍🏽", "\u{301}", "\u{200D}", "\u{FE0F}",
    "→", "─", "Ω", "ж", "\u{1b}", "\t", "\n", "\u{202E}", "\u{85}", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "x",
]

func primitivesRandomString<R: RandomNumberGenerator>(_ rng: inout R, maxPieces: Int = 12) -> String {
    let n = Int.random(in: 0...maxPieces, using: &rng)
    var s = ""
    for _ in 0..<n { s += primitivesTextPieces.randomElement(using: &rng)! }
    return s
}

@Suite("Display width")
struct PrimitivesWidthTests {
    @Test("width table", arguments: [
        ("", 0), ("abc", 3), ("hello, world", 12),
        ("漢字", 4), ("한국어", 6), ("カタカナ", 8), ("ｶﾀｶﾅ", 4), ("ＡＢ", 4),
        ("🚀", 2), ("👨‍👩‍👧", 2), ("🇫🇷", 2), ("1️⃣", 2), ("❤️", 2), ("👍🏽", 2), ("🏴󠁧󠁢󠁳󠁣󠁴󠁿", 2),
        ("e\u{301}", 1), ("cafe\u{301}", 4), ("\u{1100}\u{1161}\u{11A8}", 2),
        ("\u{200D}", 0), ("\u{FE0F}", 0), ("\u{FE0E}", 0), ("\u{301}", 0), ("\u{200B}", 0),
        ("☺", 1), ("→", 1), ("─┌┐", 3), ("Ωж", 2), ("a🚀b", 4), ("漢a字", 5),
    ] as [(String, Int)])
    func widthTable(text: String, expected: Int) {
        #expect(DisplayWidth.of(text) == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    @Test func characterWidths() {
        #expect(DisplayWidth.of(Character("a")) == 1)
        #expect(DisplayWidth.of(Character("漢")) == 2)
        #expect(DisplayWidth.of(Character("👨‍👩‍👧")) == 2)
        #expect(DisplayWidth.of(Character("e\u{301}")) == 1)
        #expect(DisplayWidth.of(Character("\u{1b}")) == 0)
        #expect(DisplayWidth.of(Character("\r\n")) == 0)
    }

    @Test func truncateExamples() {
        #expect(DisplayWidth.truncate("hello", to: 10) == "hello")
        #expect(DisplayWidth.truncate("hello world", to: 8) == "hello w…")
        #expect(DisplayWidth.truncate("hello", to: 0) == "")
        #expect(DisplayWidth.truncate("hello", to: 1) == "…")
    }

    @Test func truncateWideAtEdge() {
        // Budget for text is 4 (5 minus the ellipsis): 漢字 fits exactly.
        #expect(DisplayWidth.truncate("漢字漢字", to: 5) == "漢字…")
        // Budget 3: 漢 (2) fits, 字 would straddle: a space instead.
        #expect(DisplayWidth.truncate("漢字漢字", to: 4) == "漢 …")
        #expect(DisplayWidth.truncate("漢字漢字", to: 3, ellipsis: "") == "漢 ")
        #expect(DisplayWidth.truncate("e\u{301}e\u{301}e\u{301}", to: 2, ellipsis: "") == "e\u{301}e\u{301}")
    }

    @Test("truncate never exceeds the width or splits a cluster (random strings)")
    func truncateProperty() {
        var rng = PrimitivesRNG(seed: 42)
        for _ in 0..<3000 {
            let s = primitivesRandomString(&rng)
            let width = Int.random(in: 0...14, using: &rng)
            let ell = ["…", "", "..."].randomElement(using: &rng)!
            let t = DisplayWidth.truncate(s, to: width, ellipsis: ell)
            #expect(DisplayWidth.of(t) <= width)
            if width == 0 {
                #expect(t.isEmpty)
            } else if DisplayWidth.of(s) <= width {
                #expect(t == s)
            } else if width >= DisplayWidth.of(ell) {
                #expect(DisplayWidth.of(t) == width)
            }
            // Every cluster of the result is a cluster of the input, the padding, or the ellipsis.
            let allowed = Set(s).union([" "]).union(Set(ell))
            for c in t { #expect(allowed.contains(c), "split cluster \(c.unicodeScalars.map { $0.value }) in \(s.debugDescription)") }
        }
    }

    @Test func padAndAlign() {
        #expect(DisplayWidth.pad("ab", to: 4) == "ab  ")
        #expect(DisplayWidth.pad("ab", to: 4, alignment: .right) == "  ab")
        #expect(DisplayWidth.pad("ab", to: 5, alignment: .center) == " ab  ")
        #expect(DisplayWidth.pad("漢", to: 3) == "漢 ")
        #expect(DisplayWidth.pad("abcdef", to: 4) == "abc…")
        var rng = PrimitivesRNG(seed: 7)
        for _ in 0..<1000 {
            let s = primitivesRandomString(&rng)
            let w = Int.random(in: 0...12, using: &rng)
            #expect(DisplayWidth.of(DisplayWidth.pad(Sanitize.forDisplay(s), to: w)) == w)
        }
    }

    @Test func windowScrolling() {
        #expect(DisplayWidth.window("hello world", from: 6, width: 5) == "world")
        #expect(DisplayWidth.window("hello", from: 3, width: 10) == "lo")
        #expect(DisplayWidth.window("hello", from: 9, width: 3) == "")
        // 漢字 occupies columns 0-1 and 2-3; a window from column 1 cuts 漢 in half.
        #expect(DisplayWidth.window("漢字ab", from: 1, width: 4) == " 字a")
        #expect(DisplayWidth.window("漢字ab", from: 0, width: 3) == "漢 ")
        var rng = PrimitivesRNG(seed: 99)
        for _ in 0..<1000 {
            let s = Sanitize.forDisplay(primitivesRandomString(&rng))
            let from = Int.random(in: 0...10, using: &rng)
            let w = Int.random(in: 0...10, using: &rng)
            let win = DisplayWidth.window(s, from: from, width: w)
            #expect(DisplayWidth.of(win) == min(w, max(0, DisplayWidth.of(s) - from)), "\(s.debugDescription) from \(from) width \(w)")
        }
    }

    @Test func columnAndIndex() {
        let s = "a漢b"
        #expect(DisplayWidth.column(of: s.index(s.startIndex, offsetBy: 2), in: s) == 3)
        #expect(DisplayWidth.index(atColumn: 2, in: s) == s.index(after: s.startIndex))
        #expect(DisplayWidth.index(atColumn: 3, in: s) == s.index(s.startIndex, offsetBy: 2))
        #expect(DisplayWidth.index(atColumn: 9, in: s) == s.endIndex)
    }
}

@Suite("Wrapping")
struct PrimitivesWrapTests {
    @Test func wrapsAtSpaces() {
        #expect(DisplayWidth.wrap("the quick brown fox jumps", width: 10) == ["the quick", "brown fox", "jumps"])
        #expect(DisplayWidth.wrap("", width: 5) == [""])
        #expect(DisplayWidth.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(DisplayWidth.wrap("one\ntwo three", width: 5) == ["one", "two", "three"])
        #expect(DisplayWidth.wrap("漢字漢字漢", width: 4) == ["漢字", "漢字", "漢"])
        #expect(DisplayWidth.wrap("a\u{1b}b", width: 2) == ["a^", "[b"])
    }

    @Test("wrapped lines cover the text and fit (random strings)")
    func wrapProperty() {
        var rng = PrimitivesRNG(seed: 31337)
        for _ in 0..<2000 {
            let s = primitivesRandomString(&rng, maxPieces: 20).filter { !$0.isNewline }
            let w = Int.random(in: 2...12, using: &rng)
            let ranges = DisplayWidth.wrapRanges(s, width: w)
            #expect(ranges.map { String(s[$0]) }.joined() == s)
            #expect(ranges.first?.lowerBound == s.startIndex && ranges.last?.upperBound == s.endIndex)
            for r in ranges {
                let widths = s[r].map(DisplayWidth.ofDisplayed)
                if widths.reduce(0, +) > w {
                    // Only allowed for a single cluster wider than the line (e.g. `\u{202e}`).
                    #expect(widths.filter { $0 > 0 }.count == 1, "\(String(s[r]).debugDescription) wider than \(w)")
                }
            }
        }
    }

    @Test func emojiModifiers() {
        #expect(DisplayWidth.of("☝🏽") == 2)
        #expect(DisplayWidth.ofDisplayed(Character("\u{1b}")) == 2)
        #expect(DisplayWidth.ofDisplayed(Character("\u{202E}")) == 8)   // `\u{202e}`
    }
}
