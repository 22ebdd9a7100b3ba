import Testing
import TerminalText

/// Emoji built of several code points are kept whole in outputs for people; the same joiners
/// and tags outside an emoji are shown as U+XXXX.
@Suite struct EmojiSequenceTests {
    func shown(_ s: String) -> String { InvisibleCharacters.showingInvisible(s) { String(format: "U+%04X", $0) } }

    @Test(arguments: [
        "Fire \u{2764}\u{FE0F}\u{200D}\u{1F525}",                                              // ❤️‍🔥: ZWJ after VS16
        "Scot \u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}",                 // 🏴󠁧󠁢󠁳󠁣󠁴󠁿: tag sequence
        "Dev \u{1F9D1}\u{1F3FD}\u{200D}\u{1F4BB}",                                             // 🧑🏽‍💻: modifier then ZWJ
        "Rainbow \u{1F3F3}\u{FE0F}\u{200D}\u{1F308}",                                          // 🏳️‍🌈
    ])
    func emojiSequencesAreKept(_ name: String) {
        #expect(shown(name) == name)
    }

    @Test func theSameCharactersOutsideAnEmojiAreShown() {
        #expect(shown("ad\u{200D}min") == "adU+200Dmin")
        #expect(shown("plain\u{E0067}\u{E0062}") == "plainU+E0067U+E0062", "tags without the black flag")
        #expect(shown("x\u{FE0F}\u{200D}y") .contains("U+200D"), "VS16 after ASCII joins nothing")
    }
}
