import Testing
@testable import Workspace

@Suite struct LineEditorTests {
    @Test func cursorMovementAndWordKeys() {
        var e = LineEditor("hello brave world")
        e.handle(.ctrlLeft)
        #expect(e.cursor == 12)
        e.handle(.ctrl("w"))
        #expect(e.text == "hello world")
        e.handle(.home)
        e.handle(.ctrlRight)
        #expect(e.cursor == 5)
        e.handle(.ctrl("k"))
        #expect(e.text == "hello")
        e.handle(.ctrl("a"))
        e.handle(.delete)
        #expect(e.text == "ello")
        e.handle(.ctrl("e"))
        e.handle(.backspace)
        #expect(e.text == "ell")
    }

    @Test func graphemeClustersAreSingleSteps() {
        var e = LineEditor("e\u{301}🇫🇷漢")
        #expect(e.characters.count == 3)
        e.handle(.backspace)
        e.handle(.backspace)
        #expect(e.text == "e\u{301}")
        e.handle(.left)
        e.insert("x")
        #expect(e.text == "xe\u{301}")
    }

    /// Terminals send a combining mark, a flag's two halves and a ZWJ sequence's parts as
    /// separate keys; each joins what is before it, and the editor stays consistent.
    @Test func marksAndEmojiPartsTypedKeyByKeyJoinTheirCharacter() {
        var e = LineEditor()
        for scalar in "ae\u{301}🇫🇷👩\u{200D}💻z".unicodeScalars { e.handle(.char(Character(scalar))) }
        #expect(e.text == "ae\u{301}🇫🇷👩\u{200D}💻z")
        #expect(e.characters == Array(e.text) && e.characters.count == 5 && e.cursor == 5)
        e.handle(.left)
        e.handle(.backspace)
        #expect(e.text == "ae\u{301}🇫🇷z", "the whole ZWJ sequence goes at once")
        e.handle(.home)
        e.handle(.right)
        e.handle(.char("\u{301}"))
        #expect(e.text == "a\u{301}e\u{301}🇫🇷z" && e.cursor == 1)
        // Deleting the character between a letter and a lone mark joins them.
        var f = LineEditor("ab")
        f.handle(.end)
        f.insert("\u{20DD}")
        #expect(f.characters.count == 2)
        f.handle(.home)
        f.handle(.delete)
        #expect(f.characters == Array(f.text) && f.cursor <= f.characters.count)
        for key: Key in [.end, .backspace, .ctrl("w"), .ctrl("u"), .alt("d")] {
            f.handle(key)
            #expect(f.characters == Array(f.text) && f.cursor <= f.characters.count)
        }
    }

    @Test func pastedLineBreaksBecomeSpaces() {
        var e = LineEditor()
        e.insert("one\ntwo\tthree")
        #expect(e.text == "one two three")
    }
}

@Suite struct TextAreaTests {
    @Test func linesJoinAndSplit() {
        var t = TextArea("ab\ncd", owner: "x", title: "t")
        #expect(t.row == 1 && t.column == 2)
        _ = t.handle(.home)
        _ = t.handle(.backspace)
        #expect(t.text == "abcd")
        _ = t.handle(.enter)
        #expect(t.text == "ab\ncd")
        _ = t.handle(.up)
        _ = t.handle(.end)
        _ = t.handle(.delete)
        #expect(t.text == "abcd")
        t.insert("1\r\n2")
        #expect(t.text == "ab1\n2cd")
        #expect(t.handle(.escape) == .done)
        #expect(t.handle(.ctrl("g")) == .cancelled)
    }
}
