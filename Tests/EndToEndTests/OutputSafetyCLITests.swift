import DesignModel
import DesignStorage
import Foundation
import Testing

/// Nothing the command line prints (exports on standard output, summaries, messages) carries a
/// raw control, bidi, zero-width or other invisible character, whatever the design holds.
@Suite struct OutputSafetyCLITests {
    /// Controls (but the line break), format characters, separators, default-ignorable code
    /// points: what a terminal acts on or draws as nothing.
    static func unsafe(_ text: String) -> [String] {
        text.unicodeScalars.filter { s in
            let p = s.properties
            switch p.generalCategory {
            case .control: return s != "\n"
            case .format, .lineSeparator, .paragraphSeparator: return true
            default: return p.isDefaultIgnorableCodePoint || p.isNoncharacterCodePoint
            }
        }.map { "U+" + String($0.value, radix: 16, uppercase: true) }
    }

    @Test func noCommandPrintsARawInvisibleCharacter() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let hidden = "\u{1b}[2J\u{07}\u{7f}\u{85}\u{9b}\u{200b}\u{200d}\u{202e}\u{2066}\u{2028}\u{feff}\u{e0041}\u{fe0f}\u{00ad}\u{2060}"
        var d = try DesignFile.load(Repo.example)
        d.title = "ad" + hidden + "min"
        d.problem = "p" + hidden
        d.components[0].name = "Users" + hidden
        d.components[1].responsibility = "r" + hidden
        d.flows[0].label = "l" + hidden
        d.requirements[0].text = "q" + hidden
        let path = dir.file("hidden.json")
        try DesignFile.save(d, to: path)
        // A dangling reference with the same text, so an error message quotes it too.
        let text = String(decoding: contents(path)!, as: UTF8.self)
            .replacingOccurrences(of: "\"to\" : \"comp-3\"", with: "\"to\" : \"comp-3\\u200b\\u202e\"")
        let bad = try dir.write("bad.json", text)
        let runs: [[String]] = [
            ["export", path], ["export", "--format", "mermaid", path], ["export", "--format", "dot", path],
            ["export", "--format", "json", path], ["summary", path], ["validate", path], ["diagram", path],
            ["validate", bad], ["export", bad], ["fmt", "--check", path],
        ]
        for args in runs {
            let r = try run(Repo.binary, args)
            #expect(r.status == (args.last == bad ? 1 : 0), "\(args): \(r.stderr)")
            #expect(Self.unsafe(r.stdout).isEmpty, "\(args): stdout has \(Self.unsafe(r.stdout).prefix(10))")
            #expect(Self.unsafe(r.stderr).isEmpty, "\(args): stderr has \(Self.unsafe(r.stderr).prefix(10))")
        }
        // The JSON export is the same design, read back.
        let json = try run(Repo.binary, ["export", "--format", "json", path])
        #expect(try DesignCodec.decode(Data(json.stdout.utf8)) == d)
    }
}
