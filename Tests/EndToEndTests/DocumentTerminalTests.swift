import DesignModel
import Foundation
import Testing

/// Writing a whole design document in the workspace, in a real terminal at 80×24: title and
/// problem, a note of several lines, a long decision read in full, a risk and a question, a key
/// remapped in the config file, and emoji drawn whole.
@Suite(.serialized) struct DocumentTerminalTests {
    @Test func writingTheWholeDesignDocumentAt80x24() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        try sysdraft("new", dir.file("d.json"), "--from", "url-shortener")
        let config = dir.file("cfg/sysdraft")
        try FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: true)
        try Data("# my keys\n[keys.panes]\nV = \"item.view\"\n".utf8).write(to: URL(fileURLWithPath: config + "/config.toml"))
        let t = try TmuxSession("\(Repo.binary) d.json", cwd: dir.path, columns: 80, rows: 24,
                                env: ["XDG_CONFIG_HOME": dir.file("cfg")])
        try t.waitFor(text: "1 Requirements 14")

        // Title from the palette, problem in the title-and-problem form, several lines.
        try t.keys(":"); try t.type("title Link service v2"); try t.keys("Enter")
        try t.waitFor(text: "Link service v2 — d.json")
        try t.keys(":"); try t.type("problem"); try t.keys("Enter")
        try t.waitFor(text: "Title and problem statement")
        try t.keys("C-u")
        try t.type("Shorten links for everyone"); try t.keys("Enter"); try t.type("and count their clicks")
        try t.keys("C-s")
        try t.waitFor(text: "Title and problem updated")

        // A requirement with a note of two lines, and emoji with a modifier and a ZWJ sequence.
        try t.keys("a"); try t.waitFor(text: "New requirement")
        try t.type("Thumbs 👍🏽 and family 👨‍👩‍👧 stay whole")
        try t.keys("Tab", "Tab", "Tab", "Tab")
        try t.type("first line"); try t.keys("Enter"); try t.type("second line")
        try t.keys("C-s")
        let added = try t.waitFor(text: "Added req-15")
        let row = try #require(added.split(separator: "\n").first { $0.contains("Thumbs") })
        #expect(row.contains("👍🏽") && row.contains("👨‍👩‍👧"), "each cluster drawn whole: \(row)")
        #expect(TmuxWidth.of(String(row)) == 80, "the row keeps its border in column 80: \(row)")

        // A long decision read in full with the remapped key, scrolled to its end.
        try t.keys("4", "j", "j", "V")
        let full = try t.waitFor(text: "Trade-off trade-3")
        #expect(full.contains("Option 1"))
        try t.keys("G")
        let end = try t.waitFor("the end of the decision") { $0.contains("Why") || $0.contains("Chosen") }
        #expect(end.contains(" of "), "the view says where it is")
        try t.keys("Escape")
        try t.waitFor("the full view to close") { !$0.contains("Trade-off trade-3") }

        // A risk and an open question, on their own screens.
        try t.keys("5", "a"); try t.waitFor(text: "New risk")
        try t.type("Hot links overload one cache shard"); try t.keys("C-s")
        try t.waitFor(text: "Added risk-4")   // the example has three
        try t.keys("6", "a"); try t.waitFor(text: "New question")
        try t.type("Do links ever expire by default?"); try t.keys("C-s")
        try t.waitFor(text: "Added q-3")

        // The remapped key is in the help, in the panes section.
        try t.keys("?")
        try t.waitFor(text: "Keys")
        var found = false
        for _ in 0..<60 where !found {
            let screen = try t.screen()
            found = screen.range(of: #"\bV\s+Read the whole item"#, options: .regularExpression) != nil
            if !found { try t.keys("j") }
        }
        #expect(found, "V appears in the help")
        try t.keys("Escape")
        try t.waitFor("the help to close") { !$0.contains("Read the whole item") }
        try t.keys("C-s")
        try t.waitFor(text: "Saved")
        try t.keys("q")
        try t.waitFor(text: "EXITED=0")

        let doc = try json(dir.file("d.json"))
        #expect(doc["title"] as? String == "Link service v2")
        #expect(doc["problem"] as? String == "Shorten links for everyone\nand count their clicks")
        let reqs = try #require(doc["requirements"] as? [[String: Any]])
        #expect(reqs.last?["notes"] as? String == "first line\nsecond line")
        #expect(reqs.last?["text"] as? String == "Thumbs 👍🏽 and family 👨‍👩‍👧 stay whole")
        #expect((doc["risks"] as? [[String: Any]])?.last?["text"] as? String == "Hot links overload one cache shard")
        #expect((doc["questions"] as? [[String: Any]])?.last?["text"] as? String == "Do links ever expire by default?")
        let report = try sysdraft("export", dir.file("d.json"), "--only-started")
        #expect(report.stdout.contains("Shorten links for everyone"))
        #expect(report.stdout.contains("Hot links overload one cache shard"))
    }

    @Test func aBrokenKeyBindingIsReportedWithItsLine() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        try sysdraft("new", dir.file("d.json"))
        let config = dir.file(".config/sysdraft")
        try FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: true)
        try Data("[keys.panes]\nx = \"item.delte\"\ny = \"w\"\n".utf8).write(to: URL(fileURLWithPath: config + "/config.toml"))
        let t = try TmuxSession("\(Repo.binary) d.json", cwd: dir.path, columns: 120, rows: 30,
                                env: ["HOME": dir.path, "XDG_CONFIG_HOME": ""])
        // Two problems: the status line says how many and where to read them.
        _ = try t.waitFor(text: "2 problems with the settings, :config lists them")
        // :config shows both in full, the second naming the id to bind.
        try t.keys(":")
        try t.type("config")
        try t.keys("Enter")
        let list = try t.waitFor(text: "Settings file:")
        #expect(list.contains("config.toml:2") && list.contains("unknown command \"item.delte\""))
        #expect(list.contains("config.toml:3") && list.contains("file.save"))
        try t.keys("Escape")
        try t.keys("q")
        try t.waitFor(text: "EXITED=0")
    }
}

/// How wide tmux draws a line: emoji two cells, a ZWJ joining the next part into the same
/// glyph, a skin-tone modifier a glyph of its own (tmux 3.3), combining marks none.
enum TmuxWidth {
    static func of(_ line: String) -> Int {
        var total = 0
        var joinNext = false
        for u in line.unicodeScalars {
            let v = u.value
            if v == 0x200D { joinNext = true; continue }
            if joinNext { joinNext = false; continue }
            if v == 0xFE0F || u.properties.generalCategory == .nonspacingMark { continue }
            if (0x1F1E6...0x1F1FF).contains(v) { total += 1; continue }   // two make a flag of 2
            let wide = u.properties.isEmojiPresentation || (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v)
                || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFF00...0xFF60).contains(v)
            total += wide ? 2 : 1
        }
        return total
    }
}
