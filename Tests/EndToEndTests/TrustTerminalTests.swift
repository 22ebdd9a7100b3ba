import DesignModel
import DesignStorage
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 10 in a real terminal, where only a real terminal can show it: the raw byte stream,
/// the terminal's modes after a crash, pastes that no terminal marked, stop signals from
/// outside, and permissions as an ordinary user (the tests run as root, who ignores them, so
/// sysdraft runs as `nobody` through setpriv there).
@Suite(.serialized) struct TrustTerminalTests {
    static let nobody: UInt32 = 65534

    /// A folder `nobody` owns, holding d.json (the worked example).
    static func nobodysFolder(_ dir: TempDir) throws -> String {
        let folder = dir.file("own")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try sysdraft("new", folder + "/d.json", "--from", "url-shortener")
        for p in [folder, folder + "/d.json"] { chown(p, Self.nobody, Self.nobody) }
        return folder
    }

    static func asNobody(_ command: String) -> String {
        "/usr/bin/setpriv --reuid=\(nobody) --regid=\(nobody) --clear-groups \(command)"
    }

    static func modes(_ t: TmuxSession) throws -> String {
        try t.tmux(["display-message", "-p", "-t", t.name, "alt=#{alternate_on} mouse=#{mouse_any_flag} cursor=#{cursor_flag}"])
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    // MARK: permissions

    @Test("a folder the user cannot write: said at open, a failed save stays in sight, quit does not quit")
    func readOnlyFolder() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let folder = try Self.nobodysFolder(dir)
        let before = contents(folder + "/d.json")
        chmod(folder, 0o555)
        defer { chmod(folder, 0o755) }
        // Wide enough for the failure and a lesser message after it on the status line.
        let t = try TmuxSession(Self.asNobody("\(Repo.binary) d.json"), cwd: folder, columns: 230, rows: 30)
        defer { Recovery.close(t) }
        let opening = try t.waitFor(text: "1 Requirements (14)")
        #expect(opening.contains("Cannot write in \(folder) (Permission denied)"), "\(opening)")
        try t.keys("d")
        try t.waitFor(text: "1 Requirements (13)")
        try t.keys("C-s")
        try t.waitFor(text: "Not saved: d.json")
        // A few seconds of keys and recovery attempts later, still there.
        for key in ["j", "k", "2", "1"] { try t.keys(key) }
        try t.waitFor("the recovery copy to fall due and fail") { _ in
            (try? t.screen())?.contains("Cannot keep a recovery copy") == true
        }
        let later = try t.screen()
        #expect(later.contains("Not saved: d.json") && later.contains("Permission denied"), "\(later)")
        try t.keys("q")
        try t.waitFor(text: "before quitting?")
        try t.keys("y")
        let after = try t.waitFor(text: "Not saved: d.json")
        #expect(after.contains("[+]") && !after.contains("EXITED"))
        try t.keys(":"); try t.type("q!"); try t.keys("Enter")
        try t.waitFor(text: "EXITED=0")
        #expect(contents(folder + "/d.json") == before)
    }

    @Test("a write-protected file: said at open, and saving asks first")
    func writeProtectedFile() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let folder = try Self.nobodysFolder(dir)
        chmod(folder + "/d.json", 0o444)
        let t = try TmuxSession(Self.asNobody("\(Repo.binary) d.json"), cwd: folder)
        defer { Recovery.close(t) }
        let opening = try t.waitFor(text: "1 Requirements (14)")
        #expect(opening.contains("d.json is write-protected: Ctrl-S asks before writing it"))
        try t.keys("d")
        try t.waitFor(text: "1 Requirements (13)")
        try t.keys("C-s")
        try t.waitFor(text: "Write it anyway?")
        try t.keys("w")
        try t.waitFor(text: "Saved")
        try t.keys("q")
        try t.waitFor(text: "EXITED=0")
        #expect(Recovery.requirementCount(contents(folder + "/d.json")) == 13)
        var st = stat()
        #expect(stat(folder + "/d.json", &st) == 0 && st.st_mode & 0o777 == 0o444, "the mode is kept")
    }

    @Test("a file in a folder that cannot be searched is an error, never a new design")
    func unreachableFileIsNotNew() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let folder = try Self.nobodysFolder(dir)
        let before = contents(folder + "/d.json")
        chmod(folder, 0o600)
        defer { chmod(folder, 0o755) }
        let r = try run("/usr/bin/setpriv", ["--reuid=\(Self.nobody)", "--regid=\(Self.nobody)", "--clear-groups",
                                             Repo.binary, folder + "/d.json"], env: ["SYSDRAFT_HOME": Repo.root.path])
        #expect(r.status == 3, "\(r.stderr)")
        #expect(r.stderr.contains("Permission denied") && r.stderr.contains("not opened as a new design"), "\(r.stderr)")
        chmod(folder, 0o755)
        #expect(contents(folder + "/d.json") == before)
    }

    // MARK: input

    @Test("a multi-line paste without bracketed-paste markers is text in the field, not keys")
    func pasteWithoutMarkers() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        try sysdraft("new", dir.file("d.json"), "--from", "url-shortener")
        let t = try TmuxSession("\(Repo.binary) d.json", cwd: dir.path)
        defer { Recovery.close(t) }
        try t.waitFor(text: "1 Requirements (14)")
        try t.keys("a")
        try t.waitFor(text: "New requirement")
        // One write, as a terminal without bracketed paste delivers a paste: lines and all.
        try t.tmux(["send-keys", "-t", t.name, "-l", "Fast reads\rDurable writes\rqd"])
        try t.waitFor(text: "Fast reads Durable writes qd")
        try t.keys("Enter")
        let screen = try t.waitFor(text: "1 Requirements (15)")
        #expect(!screen.contains("Requirements (16)") && !screen.contains("EXITED"))
        try t.keys("C-s"); try t.waitFor(text: "Saved")
        try t.keys("q"); try t.waitFor(text: "EXITED=0")
        let doc = try DesignFile.load(dir.file("d.json"))
        #expect(doc.requirements.last?.text == "Fast reads Durable writes qd")
    }

    // MARK: signals and crashes

    @Test("SIGTSTP from outside keeps the recovery copy, and the workspace comes back on SIGCONT")
    func externalStop() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        try sysdraft("new", dir.file("d.json"), "--from", "url-shortener")
        let t = try TmuxSession("\(Repo.binary) d.json", cwd: dir.path)
        defer { Recovery.close(t) }
        try t.waitFor(text: "1 Requirements (14)")
        try t.keys("d")
        try t.waitFor(text: "1 Requirements (13)")
        let pid = try Recovery.pid(t)
        kill(pid, SIGTSTP)
        #expect(Recovery.waitForFile(Recovery.recoveryPath(dir)) { Recovery.requirementCount($0) == 13 } != nil,
                "the copy is written before stopping")
        try t.waitFor("the terminal to be given back") { _ in (try? Self.modes(t)) == "alt=0 mouse=0 cursor=1" }
        kill(pid, SIGCONT)
        try t.waitFor(text: "1 Requirements (13)")
        try t.keys("q"); try t.waitFor(text: "before quitting?")
        try t.keys("n"); try t.waitFor(text: "EXITED=0")
    }

    /// A crash (here a fault signal sent from outside, through the same handler a real fault
    /// runs): the terminal is given back — alternate screen left, mouse off, cursor on — the
    /// recovery copy holds the edits, and the process dies of the signal.
    @Test(arguments: [SIGSEGV, SIGILL, SIGABRT, SIGBUS, SIGFPE, SIGTRAP])
    func aCrashGivesTheTerminalBackAndKeepsTheEdits(signal: Int32) throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        try sysdraft("new", dir.file("d.json"), "--from", "url-shortener")
        let original = contents(dir.file("d.json"))
        let t = try TmuxSession("\(Repo.binary) d.json", cwd: dir.path)
        defer { Recovery.close(t) }
        try t.waitFor(text: "1 Requirements (14)")
        #expect(try Self.modes(t) == "alt=1 mouse=1 cursor=0")
        try t.keys("d")
        try t.waitFor(text: "1 Requirements (13)")
        kill(try Recovery.pid(t), signal)
        let screen = try t.waitFor(text: "EXITED=\(128 + signal)")
        #expect(screen.contains("stopped by an internal error"))
        #expect(try Self.modes(t) == "alt=0 mouse=0 cursor=1")
        #expect(Recovery.requirementCount(contents(Recovery.recoveryPath(dir))) == 13, "the edit was kept")
        #expect(contents(dir.file("d.json")) == original)
        #expect(Recovery.tempLeftovers(dir).isEmpty)
        // The next start offers the edits back.
        let t2 = try TmuxSession("\(Repo.binary) d.json", cwd: dir.path)
        defer { Recovery.close(t2) }
        try t2.waitFor(text: "[r] recover them")
    }

    // MARK: the raw stream

    /// Every byte sysdraft sends to the terminal, recorded with `pipe-pane`: once the escape
    /// sequences ncurses itself writes are taken out, no control, C1, bidi, zero-width or
    /// invisible format character from the design is left.
    @Test func hostileTextNeverReachesTheRawStream() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        try sysdraft("new", dir.file("d.json"), "--title", "Hostile\u{9b}31m\u{202e}txt")
        var doc = try json(dir.file("d.json"))
        let names = ["evil\u{1b}]2;PWNED\u{07}\u{1b}[31mRED\u{202E}TXT", "pay\u{200b}ments\u{feff}", "pay\u{200d}ments\u{ad}\u{2060}",
                     "tag\u{e0041}s\u{2066}iso\u{2069}", "c1\u{85}\u{9b}\u{9d}0;x\u{9c}", "nul\u{0}bel\u{7}bs\u{8}del\u{7f}",
                     "so\u{e}si\u{f}cr\rlf\ntab\t"]
        doc["components"] = names.enumerated().map { i, n in
            ["id": "comp-\(i + 1)", "kind": "service", "notes": n, "responsibility": n, "name": n, "technology": n]
        }
        try JSONSerialization.data(withJSONObject: doc).write(to: URL(fileURLWithPath: dir.file("d.json")))
        let log = dir.file("raw.log")
        let t = try TmuxSession("while [ ! -e go ]; do sleep 0.05; done; \(Repo.binary) d.json", cwd: dir.path)
        defer { Recovery.close(t) }
        try t.tmux(["pipe-pane", "-o", "-t", t.name, "cat >> '\(log)'"])
        _ = try Data().write(to: URL(fileURLWithPath: dir.file("go")))
        try t.waitFor(text: "2 Components (7)")
        for key in ["2", "j", "j", "j", "j", "j", "e"] { try t.keys(key) }
        try t.waitFor(text: "Edit component")
        try t.keys("Escape")
        try t.keys("D")
        try t.waitFor(text: "Diagram")
        try t.keys("q")
        try t.waitFor(text: "EXITED=0")
        try t.tmux(["pipe-pane", "-t", t.name])
        let raw = try #require(contents(log))
        let problems = RawStream.problems(raw)
        #expect(problems.isEmpty, "\(problems.prefix(10))")
        let shown = String(decoding: raw, as: UTF8.self)
        #expect(shown.contains("pay\\u{200b}ments"), "shown visibly instead")
        #expect(shown.contains("so^Nsi^O"), "the design's own SO/SI are shown, so the ones left are ncurses'")
    }
}

/// What a terminal receives, checked byte by byte.
enum RawStream {
    /// Characters that must never arrive raw, once the program's own escape sequences are out.
    static func problems(_ bytes: Data) -> [String] {
        let text = Array(String(decoding: stripSequences(Array(bytes)), as: UTF8.self).unicodeScalars)
        var out: [String] = []
        for (i, u) in text.enumerated() {
            let v = u.value
            let bad: Bool
            switch v {
            case 0x0A, 0x0D, 0x08, 0x09: bad = false  // cursor motion ncurses uses
            case 0x0E, 0x0F: bad = false  // SO/SI: ncurses switching character sets (sgr0 on TERM=screen)
            case 0x200D:
                // A joiner between two emoji builds one (the width probe draws a family).
                let emoji = { (i: Int) in text.indices.contains(i) && text[i].value >= 0x1F000 }
                bad = !(emoji(i - 1) && emoji(i + 1))
            case 0x00...0x1F, 0x7F...0x9F: bad = true
            case 0x202A...0x202E, 0x2066...0x2069, 0x200B...0x200F, 0x2060...0x2064, 0xFEFF, 0xAD, 0x061C, 0xE0000...0xE0FFF:
                bad = true
            default: bad = false
            }
            if bad {
                let context = String(String.UnicodeScalarView(text[max(0, i - 12)..<min(text.count, i + 12)]))
                out.append("U+\(String(v, radix: 16)) in \(context.debugDescription)")
            }
        }
        return out
    }

    /// Removes ESC sequences: CSI (ESC [ … final), OSC/DCS/APC/PM strings (to BEL or ESC \),
    /// and two- and three-byte ESC sequences (ESC ( B, ESC =, ESC 7 …).
    static func stripSequences(_ b: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < b.count {
            guard b[i] == 0x1B, i + 1 < b.count else { out.append(b[i]); i += 1; continue }
            let kind = b[i + 1]
            var j = i + 2
            switch kind {
            case 0x5B:  // CSI
                while j < b.count && !(0x40...0x7E).contains(b[j]) { j += 1 }
                j += 1
            case 0x5D, 0x50, 0x5F, 0x5E:  // OSC, DCS, APC, PM
                while j < b.count && b[j] != 0x07 && !(b[j] == 0x1B && j + 1 < b.count && b[j + 1] == 0x5C) { j += 1 }
                j += (j < b.count && b[j] == 0x07) ? 1 : 2
            case 0x28, 0x29, 0x2A, 0x2B, 0x23, 0x25, 0x20:  // charset and similar: one more byte
                j = i + 3
            default:
                j = i + 2
            }
            i = min(j, b.count)
        }
        return out
    }
}
