import TestSupport
import Testing
@testable import TextUI
import Workspace

/// Bytes from a terminal, burst by burst, into keys, pastes and mouse events.
@Suite struct InputDecoderTests {
    static func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    /// Feeds bursts in order; flushes at the end as the reader does after its wait.
    static func decode(_ bursts: String..., flush: Bool = true) -> [TerminalEvent] {
        var d = InputDecoder()
        var out: [TerminalEvent] = []
        for b in bursts { out += d.feed(bytes(b)) }
        if flush && d.isWaiting { out += d.flush() }
        return out
    }

    @Test func keysOneByOne() {
        #expect(Self.decode("j", "k", "\r", "\t", "\u{7f}", "\u{13}", "\u{1a}", " ") ==
                [.key(.char("j")), .key(.char("k")), .key(.enter), .key(.tab), .key(.backspace),
                 .key(.ctrl("s")), .key(.ctrl("z")), .key(.char(" "))])
        #expect(Self.decode("漢", "é", "🚀") == [.key(.char("漢")), .key(.char("é")), .key(.char("🚀"))])
    }

    @Test func functionKeysInTheirUsualSpellings() {
        let cases: [(String, Key)] = [
            ("\u{1b}[A", .up), ("\u{1b}[B", .down), ("\u{1b}[C", .right), ("\u{1b}[D", .left),
            ("\u{1b}OA", .up), ("\u{1b}OD", .left), ("\u{1b}[H", .home), ("\u{1b}[F", .end),
            ("\u{1b}[1~", .home), ("\u{1b}[4~", .end), ("\u{1b}[7~", .home), ("\u{1b}[8~", .end),
            ("\u{1b}[2~", .insert), ("\u{1b}[3~", .delete), ("\u{1b}[5~", .pageUp), ("\u{1b}[6~", .pageDown),
            ("\u{1b}[Z", .backTab), ("\u{1b}OP", .function(1)), ("\u{1b}[15~", .function(5)), ("\u{1b}[24~", .function(12)),
            ("\u{1b}[1;5D", .ctrlLeft), ("\u{1b}[1;5C", .ctrlRight), ("\u{1b}[1;3D", .ctrlLeft), ("\u{1b}[1;2A", .up),
        ]
        for (seq, key) in cases {
            #expect(Self.decode(seq) == [.key(key)], "\(seq.debugDescription)")
        }
        // Several in one burst (a key held down while the program was busy).
        #expect(Self.decode("\u{1b}[B\u{1b}[B\u{1b}[B") == Array(repeating: .key(.down), count: 3))
    }

    @Test("Esc is Esc unless the terminal sent a whole sequence")
    func escapeAndAlt() {
        // Esc alone, waited for, is Esc.
        #expect(Self.decode("\u{1b}") == [.key(.escape)])
        // Esc then a key in a later burst (typed, however fast): Esc, then the key. Never Alt.
        #expect(Self.decode("\u{1b}", "f", flush: false) == [.key(.escape), .key(.char("f"))])
        #expect(Self.decode("\u{1b}", "b", "x", flush: false) == [.key(.escape), .key(.char("b")), .key(.char("x"))])
        // Sent together by the terminal: Alt+key.
        #expect(Self.decode("\u{1b}f") == [.key(.alt("f"))])
        #expect(Self.decode("\u{1b}\u{7f}") == [.key(.alt("\u{7f}"))])
        // A sequence split in transit still comes together.
        #expect(Self.decode("\u{1b}", "[A", flush: false) == [.key(.up)])
        #expect(Self.decode("\u{1b}[", "1;5", "D", flush: false) == [.key(.ctrlLeft)])
        // Esc then `[` typed, nothing after: Esc and `[`.
        #expect(Self.decode("\u{1b}", "[") == [.key(.escape), .key(.char("["))])
        // Esc Esc: two Escs.
        #expect(Self.decode("\u{1b}\u{1b}") == [.key(.escape), .key(.escape)])
        // Unknown sequences are dropped whole, never typed.
        #expect(Self.decode("\u{1b}[99;99X", "j") == [.key(.char("j"))])
        #expect(Self.decode("\u{1b}[?1;2c") == [])
    }

    @Test("text that arrives at once is a paste and its line breaks are text")
    func pastesWithoutMarkers() {
        // The case: several lines pasted into a form.
        #expect(Self.decode("Fast reads\rDurable writes\rq") == [.paste("Fast reads\nDurable writes\nq")])
        #expect(Self.decode("one\r\ntwo") == [.paste("one\ntwo")])
        #expect(Self.decode("a\rb") == [.paste("a\nb")], "short, but several lines")
        #expect(Self.decode("Payments API") == [.paste("Payments API")], "a long word or two")
        #expect(Self.decode("tab\tseparated") == [.paste("tab\tseparated")])
        // Keys typed quickly enough to share a burst stay keys.
        #expect(Self.decode("jjj") == [.key(.char("j")), .key(.char("j")), .key(.char("j"))])
        #expect(Self.decode("DD\r") == [.key(.char("D")), .key(.char("D")), .key(.enter)], "one line and its Enter")
        #expect(Self.decode("\tW\r") == [.key(.tab), .key(.char("W")), .key(.enter)])
        // Keys and a paste in the same burst: a control key ends the text.
        #expect(Self.decode("\u{13}hello world") == [.key(.ctrl("s")), .paste("hello world")])
        #expect(Self.decode("\u{1b}[Ahello world\u{1b}[B") == [.key(.up), .paste("hello world"), .key(.down)])
    }

    @Test func aLongPasteInPiecesStaysOnePaste() {
        var d = InputDecoder()
        #expect(d.feed(Self.bytes(String(repeating: "x", count: 20))) == [.paste(String(repeating: "x", count: 20))])
        // The reader says the next burst came right after a big paste.
        #expect(d.feed(Self.bytes("q\r"), continuesPaste: true) == [.paste("q\n")])
        #expect(d.feed(Self.bytes("q\r")) == [.key(.char("q")), .key(.enter)], "on its own: keys")
    }

    @Test func bracketedPastesAcrossBursts() {
        #expect(Self.decode("\u{1b}[200~hi\u{1b}[201~") == [.paste("hi")])
        #expect(Self.decode("\u{1b}[200~line one\r", "line two\u{1b}[2", "01~j", flush: false)
                == [.paste("line one\nline two"), .key(.char("j"))])
        // Escape sequences inside a bracketed paste are text, not keys.
        #expect(Self.decode("\u{1b}[200~a\u{1b}[Ab\u{1b}[201~") == [.paste("a\u{1b}[Ab")])
        // The end marker never came: what arrived is still a paste.
        #expect(Self.decode("\u{1b}[200~cut short") == [.paste("cut short")])
    }

    @Test func mouseReports() {
        #expect(Self.decode("\u{1b}[<0;11;6M") == [.mouse(MouseEvent(.press, x: 10, y: 5))])
        #expect(Self.decode("\u{1b}[<0;11;6m") == [], "a release means nothing here")
        #expect(Self.decode("\u{1b}[<64;3;4M") == [.mouse(MouseEvent(.wheelUp, x: 2, y: 3))])
        #expect(Self.decode("\u{1b}[<65;3;4M") == [.mouse(MouseEvent(.wheelDown, x: 2, y: 3))])
        #expect(Self.decode("\u{1b}[<32;3;4M") == [], "a drag")
        #expect(Self.decode("\u{1b}[M !!") == [.mouse(MouseEvent(.press, x: 0, y: 0))], "X10 encoding")
    }

    @Test func utf8SplitAcrossBursts() {
        let rocket = Self.bytes("🚀")
        var d = InputDecoder()
        #expect(d.feed(Array(rocket[0..<2])) == [])
        #expect(d.isWaiting)
        #expect(d.feed(Array(rocket[2...])) == [.key(.char("🚀"))])
        #expect(Self.decode("a\u{ff}") .count == 2, "an invalid byte is one replacement character")
    }

    @Test("random bytes never crash, never hang, and leave nothing waiting after a flush")
    func randomBytes() {
        var rng = SeededGenerator(seed: 99)
        for _ in 0..<3_000 {
            var d = InputDecoder()
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                let n = Int.random(in: 0...12, using: &rng)
                let pool: [UInt8] = [0x1B, 0x5B, 0x4F, 0x3C, 0x3B, 0x4D, 0x6D, 0x7E, 0x32, 0x30, 0x31, 0x0D, 0x61, 0xE2, 0x82, 0xAC, 0xFF, 0x7F, 0x09]
                _ = d.feed((0..<n).map { _ in pool.randomElement(using: &rng)! })
            }
            _ = d.flush()
            #expect(!d.isWaiting)
        }
    }
}
