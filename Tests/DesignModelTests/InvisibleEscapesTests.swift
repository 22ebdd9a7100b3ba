import Foundation
import Testing
@testable import DesignModel

/// Saved files never carry characters that hide or reorder text in `cat` or `git diff`.
@Suite struct InvisibleEscapesTests {
    @Test func bidiZeroWidthAndC1AreEscapedEmojiStayReadable() throws {
        var d = Design(title: "Links \u{202E}gnp.exe\u{202C}", now: Date(timeIntervalSince1970: 1_790_000_000))
        d.addComponent(name: "ad\u{200B}min \u{0085}", kind: .service)
        d.addComponent(name: "Dev \u{1F469}\u{200D}\u{1F4BB} and \u{2764}\u{FE0F}", kind: .service)
        let data = try DesignCodec.encode(d)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\\u202e") && text.contains("\\u202c") && text.contains("\\u200b") && text.contains("\\u0085"))
        #expect(!text.unicodeScalars.contains { [0x202E, 0x202C, 0x200B, 0x85].contains($0.value) }, "none raw")
        #expect(text.contains("\u{1F469}\u{200D}\u{1F4BB}") && text.contains("\u{2764}\u{FE0F}"), "emoji kept as written")
        // Same design back, and saving it again gives the same bytes.
        let back = try DesignCodec.decode(data)
        #expect(back == d)
        #expect(try DesignCodec.encode(back) == data)
    }

    @Test func aFileWithoutSuchCharactersIsUntouched() throws {
        let d = Design(title: "Plain — ünïcödé 日本語", now: Date(timeIntervalSince1970: 0))
        var reference = try DesignCodec.referenceEncode(d)
        reference.append(0x0A)
        #expect(try DesignCodec.encode(d) == reference)
    }
}
