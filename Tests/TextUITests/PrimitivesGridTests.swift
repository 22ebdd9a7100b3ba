import Testing
@testable import TextUI

@Suite("Grid")
struct PrimitivesGridTests {

    /// Checks the wide-glyph invariant: continuations follow wide heads and only them.
    static func checkInvariant(_ g: Grid, sourceLocation: SourceLocation = #_sourceLocation) {
        for y in 0..<g.height {
            for x in 0..<g.width {
                let c = g[x, y]
                if c.isContinuation {
                    #expect(x > 0 && DisplayWidth.of(g[x - 1, y].symbol) == 2, "orphan continuation at \(x),\(y)", sourceLocation: sourceLocation)
                } else {
                    let w = DisplayWidth.of(c.symbol)
                    #expect(w == 1 || w == 2, "cell \(x),\(y) holds \(c.symbol.debugDescription)", sourceLocation: sourceLocation)
                    if w == 2 {
                        #expect(x + 1 < g.width && g[x + 1, y].isContinuation, "wide head without continuation at \(x),\(y)", sourceLocation: sourceLocation)
                    }
                }
            }
        }
    }

    @Test func putPlainText() {
        var g = Grid(width: 10, height: 2)
        #expect(g.put("hello", x: 1, y: 0) == 5)
        #expect(g.put("world!", x: 7, y: 1) == 3)          // clipped at the right edge
        #expect(g.lines() == [" hello    ", "       wor"])
        #expect(g.lines(trimTrailing: true) == [" hello", "       wor"])
        #expect(g.put("x", x: 0, y: 5) == 0)               // outside: ignored
        #expect(g.put("abc", x: 10, y: 0) == 0)
    }

    @Test func putMaxWidthAndEllipsis() {
        var g = Grid(width: 12, height: 2)
        #expect(g.put("abcdefgh", x: 2, y: 0, maxWidth: 4) == 4)
        #expect(g.put("abcdefgh", x: 2, y: 1, maxWidth: 4, ellipsis: "…") == 4)
        #expect(g.lines() == ["  abcd      ", "  abc…      "])
    }

    @Test func negativeXScrollsIn() {
        var g = Grid(width: 6, height: 2)
        g.put("abcdef", x: -2, y: 0)
        g.put("漢字ab", x: -1, y: 1)                   // 漢 cut in half by the left edge
        #expect(g.lines() == ["cdef  ", " 字ab "])
        Self.checkInvariant(g)
    }

    @Test func wideGlyphsTakeTwoCells() {
        var g = Grid(width: 8, height: 1)
        #expect(g.put("漢字🚀", x: 0, y: 0) == 6)
        #expect(g[0, 0].symbol == "漢" && g[1, 0].isContinuation)
        #expect(g[4, 0].symbol == "🚀" && g[5, 0].isContinuation)
        #expect(g.lines() == ["漢字🚀  "])
        Self.checkInvariant(g)
    }

    @Test func wideGlyphStraddlingTheClipEdgeBecomesASpace() {
        var g = Grid(width: 5, height: 2)
        #expect(g.put("ab漢", x: 0, y: 0, maxWidth: 3) == 3)
        #expect(g.put("abc漢", x: 0, y: 1) == 5)            // grid edge
        #expect(g.lines() == ["ab   ", "abc漢"])
        var h = Grid(width: 4, height: 1)
        h.put("abc漢", x: 0, y: 0)
        #expect(h.lines() == ["abc "])
        #expect(h[3, 0].symbol == " ")
        Self.checkInvariant(h)
    }

    @Test func overwritingHalfAWideGlyphClearsTheOtherHalf() {
        var g = Grid(width: 6, height: 1)
        g.put("漢字", x: 0, y: 0)
        g.put("x", x: 1, y: 0)                         // right half of 漢
        #expect(g.lines() == [" x字  "])
        Self.checkInvariant(g)
        g.put("y", x: 2, y: 0)                         // left half of 字
        #expect(g.lines() == [" xy   "])
        Self.checkInvariant(g)
        g.put("🚀", x: 3, y: 0)
        g.put("漢", x: 2, y: 0)                         // overlaps the rocket's head
        #expect(g.lines() == [" x漢  "])
        Self.checkInvariant(g)
        g.fill(Rect(x: 3, y: 0, width: 1, height: 1), symbol: "-")
        #expect(g.lines() == [" x -  "])
        Self.checkInvariant(g)
    }

    @Test func randomPutsKeepTheInvariant() {
        var rng = PrimitivesRNG(seed: 77)
        var g = Grid(width: 17, height: 4)
        for _ in 0..<3000 {
            let s = primitivesRandomString(&rng, maxPieces: 6)
            let x = Int.random(in: -4...18, using: &rng)
            let y = Int.random(in: 0...3, using: &rng)
            let max: Int? = Bool.random(using: &rng) ? Int.random(in: 0...8, using: &rng) : nil
            let n = g.put(s, x: x, y: y, maxWidth: max)
            #expect(n >= 0 && n <= DisplayWidth.of(Sanitize.forDisplay(s)))
            if Int.random(in: 0...9, using: &rng) == 0 {
                g.fill(Rect(x: Int.random(in: -2...17, using: &rng), y: 0, width: Int.random(in: 0...5, using: &rng), height: 4), symbol: ".")
            }
        }
        Self.checkInvariant(g)
        for line in g.lines() { #expect(DisplayWidth.of(line) == 17) }
    }

    @Test func hostileTextIsSanitised() {
        var g = Grid(width: 20, height: 1)
        g.put("a\u{1b}[2Jb\u{202E}c", x: 0, y: 0)
        #expect(g.lines() == ["a^[[2Jb\\u{202e}c    "])
        for c in g.cells { #expect(!c.symbol.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x202E }) }
    }

    @Test func combiningMarksStayInTheirCell() {
        var g = Grid(width: 4, height: 1)
        g.put("e\u{301}x", x: 0, y: 0)
        #expect(g[0, 0].symbol == "e\u{301}")
        #expect(g.lines() == ["e\u{301}x  "])
    }

    @Test func boxesAndLines() {
        var g = Grid(width: 14, height: 4)
        g.box(Rect(width: 14, height: 4), title: "Components")
        g.put("api", x: 1, y: 1)
        #expect(g.lines() == [
            "┌─ Compone… ─┐",
            "│api         │",
            "│            │",
            "└────────────┘",
        ])
        var h = Grid(width: 10, height: 3)
        h.box(Rect(width: 10, height: 3), kind: .rounded, title: "漢字")
        #expect(h.lines() == ["╭─ 漢字 ─╮", "│        │", "╰────────╯"])
        #expect(h.styledLines()[0] == "{border}╭─{title} 漢字 {border}─╮")
        var l = Grid(width: 5, height: 3)
        l.hline(x: 0, y: 1, length: 5, kind: .heavy)
        l.vline(x: 2, y: 0, length: 3)
        #expect(l.lines() == ["  │  ", "━━│━━", "  │  "])
    }

    @Test func stylesAndStyledLines() {
        var g = Grid(width: 8, height: 1)
        g.put("ab", x: 0, y: 0, style: .title.bold)
        g.put("cd", x: 2, y: 0, style: .selection)
        g.setRole(Rect(x: 6, y: 0, width: 2, height: 1), .error, adding: .underline)
        #expect(g.styledLines() == ["{title+bold}ab{selection}cd{normal}  {error+underline}  "])
        g.setStyle(Rect(width: 8, height: 1), .dim)
        #expect(g.styledLines() == ["{dim}abcd    "])
        g.addAttributes(Rect(x: 0, y: 0, width: 1, height: 1), .reverse)
        #expect(g[0, 0].style == Style(.dim, .reverse))
    }

    @Test func putInRectAligns() {
        var g = Grid(width: 10, height: 3)
        g.put("right", in: Rect(x: 0, y: 0, width: 10, height: 1), alignment: .right)
        g.put("mid", in: Rect(x: 0, y: 1, width: 10, height: 1), alignment: .center)
        g.put("much too long", in: Rect(x: 2, y: 2, width: 6, height: 1))
        #expect(g.lines() == ["     right", "   mid    ", "  much …  "])
    }

    @Test func gridFromLines() {
        let g = Grid(lines: ["ab", "漢字x"])
        #expect(g.width == 5 && g.height == 2)
        #expect(g.lines() == ["ab   ", "漢字x"])
    }

    @Test func clearAndResize() {
        var g = Grid(width: 3, height: 2)
        g.put("abc", x: 0, y: 0)
        g.cursor = Point(x: 1, y: 1)
        g.clear()
        #expect(g == Grid(width: 3, height: 2))
        g.resize(width: 4, height: 1)
        #expect(g.lines() == ["    "])
    }

    @Test func diffFindsChangedRuns() {
        var old = Grid(width: 10, height: 3)
        old.put("hello", x: 0, y: 0)
        var new = old
        #expect(new.diff(from: old).isEmpty)
        new.put("J", x: 0, y: 0)
        new.put("xy", x: 3, y: 0)
        new.put("z", x: 9, y: 2)
        let runs = new.diff(from: old)
        #expect(runs.map(\.x) == [0, 3, 9])
        #expect(runs.map(\.y) == [0, 0, 2])
        #expect(runs.map(\.text) == ["J", "xy", "z"])
        #expect(old.applying(runs) == new)
    }

    @Test func diffKeepsWideGlyphsWhole() {
        var old = Grid(width: 6, height: 1)
        old.put("漢字", x: 0, y: 0)
        var new = old
        new.setStyle(Rect(x: 1, y: 0, width: 1, height: 1), .error)   // only the continuation
        let runs = new.diff(from: old)
        #expect(runs.count == 1 && runs[0].x == 0 && runs[0].cells.count == 2)
        #expect(!runs[0].cells[0].isContinuation)
        #expect(old.applying(runs) == new)
    }

    @Test func diffOfDifferentSizesIsEverything() {
        let old = Grid(width: 3, height: 2)
        var new = Grid(width: 4, height: 2)
        new.put("ab", x: 0, y: 1)
        let runs = new.diff(from: old)
        #expect(runs.count == 2 && runs.allSatisfy { $0.x == 0 && $0.cells.count == 4 })
    }

    @Test func randomDiffsApplyExactly() {
        var rng = PrimitivesRNG(seed: 2024)
        var old = Grid(width: 23, height: 5)
        for _ in 0..<300 {
            var new = old
            for _ in 0..<Int.random(in: 0...6, using: &rng) {
                let style = [Style.normal, .title, .selection, .error.bold].randomElement(using: &rng)!
                new.put(primitivesRandomString(&rng, maxPieces: 5), x: Int.random(in: -2...22, using: &rng), y: Int.random(in: 0...4, using: &rng), style: style)
            }
            let runs = new.diff(from: old)
            #expect(old.applying(runs) == new)
            for run in runs {
                #expect(!run.cells[0].isContinuation)
                if let last = run.cells.last, DisplayWidth.of(last.symbol) == 2 { Issue.record("run ends in the middle of a wide glyph") }
            }
            old = new
        }
    }
}

@Suite("Style")
struct PrimitivesStyleTests {
    @Test func roleKeysRoundTrip() {
        #expect(Role.keys.count == Role.allCases.count)
        for r in Role.allCases {
            #expect(Role(key: r.key) == r)
            #expect(!r.key.contains { $0.isUppercase })
        }
        #expect(Role(key: "border-focused") == .borderFocused)
        #expect(Role(key: "borderFocused") == .borderFocused)
        #expect(Role(key: "bordr") == nil)
        #expect(Style.selection.bold.description == "selection+bold")
    }
}

@Suite("Spans")
struct PrimitivesSpanTests {
    @Test func spansInARow() {
        var g = Grid(width: 20, height: 1)
        let n = g.put([Span("[db] ", .tag), Span("orders", .normal), Span(" 3 flows", .dim)], x: 1, y: 0)
        #expect(n == 19)
        #expect(g.lines() == [" [db] orders 3 flows"])
        #expect(g.styledLines() == ["{normal} {tag}[db] {normal}orders{dim} 3 flows"])
    }

    @Test func spansTruncateWithEllipsis() {
        var g = Grid(width: 12, height: 3)
        g.put([Span("[db] ", .tag), Span("orders-service", .normal)], x: 0, y: 0, maxWidth: 10, ellipsis: "…")
        g.put([Span("abcdefghij", .tag), Span("xyz", .normal)], x: 0, y: 1, maxWidth: 10, ellipsis: "…")
        g.put([Span("漢字漢字漢字", .tag)], x: 0, y: 2, maxWidth: 6, ellipsis: "…")
        #expect(g.lines() == ["[db] orde…  ", "abcdefghi…  ", "漢字 …      "])
        #expect(g.styledLines()[1] == "{tag}abcdefghi…{normal}  ")
    }

    @Test func spansWithoutEllipsisClip() {
        var g = Grid(width: 8, height: 1)
        #expect(g.put([Span("abc"), Span("defgh", .title), Span("ij")], x: 0, y: 0, maxWidth: 6) == 6)
        #expect(g.lines() == ["abcdef  "])
    }
}
