import Foundation
import Testing
@testable import TextUI

/// Grapheme clusters take the cells terminals give them: every fully-qualified emoji of the
/// Unicode emoji test data (Debian's unicode-data, installed by `make test`) is one two-cell
/// glyph on a terminal that joins sequences, and as wide as its parts on one that does not.
@Suite struct EmojiWidthTests {
    static let path = "/usr/share/unicode/emoji/emoji-test.txt"
    static let split = EmojiWidths(modifierSequence: 4, zwjJoined: false)

    /// Fully-qualified sequences, every 7th one (a sample of ~550 across all groups).
    static func sample() throws -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ToolMissingError("\(path) is missing: apt-get install unicode-data (make test installs it)")
        }
        var out: [String] = []
        for (n, line) in String(decoding: data, as: UTF8.self).split(separator: "\n").enumerated()
        where !line.hasPrefix("#") && line.contains("; fully-qualified") && n % 7 == 0 {
            let codes = line.split(separator: ";")[0].split(separator: " ").compactMap { UInt32($0, radix: 16) }
            out.append(String(String.UnicodeScalarView(codes.compactMap(Unicode.Scalar.init))))
        }
        return out
    }

    @Test func everyEmojiIsOneClusterOfTwoCellsWhereSequencesJoin() throws {
        let sample = try Self.sample()
        #expect(sample.count > 400)
        DisplayWidth.withEmojiWidths(.joined) {
            for e in sample {
                #expect(e.count == 1, "one grapheme cluster: \(e.unicodeScalars.map { String($0.value, radix: 16) })")
                #expect(DisplayWidth.of(e) == 2, "\(e) \(e.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
    }

    @Test func sequencesTakeTheWidthOfTheirPartsWhereTheyDoNotJoin() throws {
        let sample = try Self.sample()
        var checkedZWJ = 0, checkedModifier = 0
        DisplayWidth.withEmojiWidths(Self.split) {
            for e in sample {
                let scalars = Array(e.unicodeScalars)
                let isModifier = { (u: Unicode.Scalar) in (0x1F3FB...0x1F3FF).contains(u.value) }
                let parts = scalars.filter { $0.value != 0x200D && $0.value != 0xFE0F && !isModifier($0) }
                let zwj = scalars.contains { $0.value == 0x200D }
                let w = DisplayWidth.of(e)
                #expect(w >= 2, "never narrower than where sequences join: \(e)")
                // Where every part is an emoji-presentation character the sum is exact.
                guard parts.allSatisfy({ $0.properties.isEmojiPresentation }) else { continue }
                if zwj {
                    #expect(w == 2 * parts.count + (scalars.contains(where: isModifier) ? 2 * scalars.filter(isModifier).count : 0),
                            "\(e): \(w) for \(parts.count) parts")
                    checkedZWJ += 1
                } else if scalars.contains(where: isModifier) {
                    #expect(w == 4, "\(e)")
                    checkedModifier += 1
                } else {
                    #expect(w == 2, "\(e)")
                }
            }
        }
        #expect(checkedZWJ > 50 && checkedModifier > 50, "the sample covers both kinds: \(checkedZWJ), \(checkedModifier)")
    }

    /// tmux joins ZWJ sequences but draws a skin tone as a glyph of its own, inside a
    /// sequence too: 🧑🏽‍💻 takes four cells there, 👩‍💻 two.
    @Test func aSkinToneInsideAJoinedSequenceTakesItsOwnCellsWhereModifiersSplit() {
        DisplayWidth.withEmojiWidths(EmojiWidths(modifierSequence: 4, zwjJoined: true)) {
            #expect(DisplayWidth.of("\u{1F9D1}\u{1F3FD}\u{200D}\u{1F4BB}") == 4)
            #expect(DisplayWidth.of("\u{1F469}\u{1F3FB}\u{200D}\u{1F91D}\u{200D}\u{1F468}\u{1F3FF}") == 6)
            #expect(DisplayWidth.of("\u{1F469}\u{200D}\u{1F4BB}") == 2)
            #expect(DisplayWidth.of("\u{1F44D}\u{1F3FD}") == 4)
        }
        DisplayWidth.withEmojiWidths(.joined) {
            #expect(DisplayWidth.of("\u{1F9D1}\u{1F3FD}\u{200D}\u{1F4BB}") == 2)
        }
    }

    @Test func aWideClusterFillsItsCellsAndIsClearedWhole() {
        DisplayWidth.withEmojiWidths(Self.split) {
            var g = Grid(width: 10, height: 1)
            let thumbs = "\u{1F44D}\u{1F3FD}"
            #expect(g.put("a" + thumbs + "b", x: 0, y: 0) == 6)
            #expect(g[1, 0].symbol == thumbs)
            #expect((2...4).allSatisfy { g[$0, 0].isContinuation })
            #expect(g[5, 0].symbol == "b")
            // Writing over the middle of the cluster blanks the rest of it.
            g.put("X", x: 3, y: 0)
            #expect(g[1, 0].symbol == " " && g[2, 0].symbol == " " && g[3, 0].symbol == "X" && g[4, 0].symbol == " ")
            #expect(g.lines()[0].hasPrefix("a  X b"))
            // Cut by the right edge: the visible part becomes spaces.
            var h = Grid(width: 4, height: 1)
            h.put("ab" + thumbs, x: 0, y: 0)
            #expect(h.lines()[0] == "ab  ")
        }
    }
}

struct ToolMissingError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
