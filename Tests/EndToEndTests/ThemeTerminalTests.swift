import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Themes in a real terminal: a broken theme file, `:theme` remembered in config.toml, NO_COLOR.
/// Each test gets its own XDG_CONFIG_HOME so the user's real settings are never read or written.
@Suite(.serialized) struct ThemeTerminalTests {
    /// A terminal with 256 colours, so theme colours show up in `capture-pane -e`.
    static let colourTerm = "screen-256color"

    @Test func aBrokenThemeNamesTheLineAndTheDefaultIsUsed() throws {
        let dir = try ThemeTestDir()
        defer { dir.cleanup() }
        try dir.write("broken.toml", """
            name = "broken"

            [roles]
            normal = { fg = 252 }
            selection = { fg = 231, bg = 25
            title = { fg = 111 }
            """)
        let t = try TmuxSession("\(Repo.binary) --theme broken.toml d.json", cwd: dir.path,
                                env: dir.env(["TERM": Self.colourTerm]))
        let screen = try t.waitFor(text: "broken.toml:5")
        #expect(screen.contains("1 Requirements (14)"), "the workspace opened anyway")
        // The default theme is drawn: its selection colours (231 on 25).
        try t.waitForEscapes("the default selection background") { $0.contains("48;5;25") }
        // Still usable: move, switch theme, quit.
        try t.keys("j", "2")
        try t.keys(":"); try t.type("theme light"); try t.keys("Enter")
        try t.waitFor(text: "Theme: light")
        try t.keys("q")
        try t.waitFor(text: "EXITED=0")
    }

    @Test func themeChosenWithTheColonCommandIsRememberedForTheNextStart() throws {
        let dir = try ThemeTestDir()
        defer { dir.cleanup() }
        let config = dir.file("config/sysdraft/config.toml")
        try FileManager.default.createDirectory(atPath: dir.file("config/sysdraft"), withIntermediateDirectories: true)
        let original = "# my settings\nmouse = true   # clicks select\n\n[keys]\n# later\n"
        try Data(original.utf8).write(to: URL(fileURLWithPath: config))

        let t = try TmuxSession("\(Repo.binary) d.json", cwd: dir.path, env: dir.env(["TERM": Self.colourTerm]))
        try t.waitFor(text: "1 Requirements (14)")
        let before = try t.screen(escapes: true)
        #expect(!before.contains("48;5;255"), "the default theme leaves the background alone")
        try t.keys(":"); try t.type("theme light"); try t.keys("Enter")
        try t.waitFor(text: "Theme: light")
        try t.waitForEscapes("the light background") { $0.contains("48;5;255") }
        try t.keys("q")
        try t.waitFor(text: "EXITED=0")

        let text = String(decoding: contents(config) ?? Data(), as: UTF8.self)
        #expect(text.contains("theme = \"light\"\n"), "config.toml:\n\(text)")
        #expect(text.contains("# my settings\nmouse = true   # clicks select\n"), "the user's lines stay:\n\(text)")
        #expect(text.hasSuffix("[keys]\n# later\n"), "the key goes before the first table:\n\(text)")

        let t2 = try TmuxSession("\(Repo.binary) d.json", cwd: dir.path, env: dir.env(["TERM": Self.colourTerm]))
        try t2.waitFor(text: "1 Requirements (14)")
        try t2.waitForEscapes("the light theme at start") { $0.contains("48;5;255") }
        try t2.keys("q")
        try t2.waitFor(text: "EXITED=0")

        // --theme wins over the config, and is not written back.
        let t3 = try TmuxSession("\(Repo.binary) --theme high-contrast d.json", cwd: dir.path,
                                 env: dir.env(["TERM": Self.colourTerm]))
        try t3.waitFor(text: "1 Requirements (14)")
        #expect(!(try t3.screen(escapes: true)).contains("48;5;255"))
        try t3.keys("q")
        try t3.waitFor(text: "EXITED=0")
        #expect(String(decoding: contents(config) ?? Data(), as: UTF8.self) == text)
    }

    @Test func aBrokenConfigIsReportedWithItsLine() throws {
        let dir = try ThemeTestDir()
        defer { dir.cleanup() }
        try FileManager.default.createDirectory(atPath: dir.file("config/sysdraft"), withIntermediateDirectories: true)
        let config = dir.file("config/sysdraft/config.toml")
        try Data("# settings\ntheme = \"light\"\nmouse = maybe\n".utf8).write(to: URL(fileURLWithPath: config))
        let t = try TmuxSession("\(Repo.binary) d.json", cwd: dir.path, env: dir.env(["TERM": Self.colourTerm]))
        let screen = try t.waitFor(text: "config.toml:3")
        #expect(screen.contains("1 Requirements (14)"))
        try t.keys("q")
        try t.waitFor(text: "EXITED=0")
    }

    @Test func noColorLeavesOnlyAttributes() throws {
        let dir = try ThemeTestDir()
        defer { dir.cleanup() }
        // Even with a colourful theme chosen in the config.
        try FileManager.default.createDirectory(atPath: dir.file("config/sysdraft"), withIntermediateDirectories: true)
        try Data("theme = \"light\"\n".utf8).write(to: URL(fileURLWithPath: dir.file("config/sysdraft/config.toml")))
        let t = try TmuxSession("\(Repo.binary) d.json", cwd: dir.path,
                                env: dir.env(["TERM": Self.colourTerm, "NO_COLOR": "1"]))
        try t.waitFor(text: "1 Requirements (14)")
        let screen = try t.waitForEscapes("the selection in reverse video") { sgrParameters($0).contains(7) }
        let codes = sgrParameters(screen)
        let colours = codes.filter { (30...38).contains($0) || (40...48).contains($0) || (90...107).contains($0) }
        #expect(colours.isEmpty, "colour codes under NO_COLOR: \(Set(colours).sorted())")
        try t.keys("q")
        try t.waitFor(text: "EXITED=0")
    }
    /// A terminal without colours (vt100) gets the same attributes-only screen, and an
    /// 8-colour one (screen) the theme's basic colours.
    @Test func terminalsWithFewerColours() throws {
        let dir = try ThemeTestDir()
        defer { dir.cleanup() }
        try FileManager.default.createDirectory(atPath: dir.file("config/sysdraft"), withIntermediateDirectories: true)
        try Data("theme = \"light\"\n".utf8).write(to: URL(fileURLWithPath: dir.file("config/sysdraft/config.toml")))
        let t = try TmuxSession("\(Repo.binary) d.json", cwd: dir.path, env: dir.env(["TERM": "vt100"]))
        try t.waitFor(text: "1 Requirements (14)")
        let mono = try t.waitForEscapes("the selection in reverse video") { sgrParameters($0).contains(7) }
        let colours = sgrParameters(mono).filter { (30...38).contains($0) || (40...48).contains($0) || (90...107).contains($0) }
        #expect(colours.isEmpty, "colour codes on a vt100: \(Set(colours).sorted())")
        try t.keys("q")
        try t.waitFor(text: "EXITED=0")

        let t2 = try TmuxSession("\(Repo.binary) d.json", cwd: dir.path, env: dir.env(["TERM": "screen"]))
        try t2.waitFor(text: "1 Requirements (14)")
        // light.toml: normal = black on white (fg8/bg8), no 256-colour codes.
        let eight = try t2.waitForEscapes("white background") { sgrParameters($0).contains(47) }
        #expect(!eight.contains("38;5;") && !eight.contains("48;5;"))
        try t2.keys("q")
        try t2.waitFor(text: "EXITED=0")
    }

    /// The user's own theme folder is searched first and its themes are offered by `:theme`.
    @Test func userThemesAreFoundByName() throws {
        let dir = try ThemeTestDir()
        defer { dir.cleanup() }
        let themes = dir.file("config/sysdraft/themes")
        try FileManager.default.createDirectory(atPath: themes, withIntermediateDirectories: true)
        var light = try String(contentsOfFile: Repo.root.appendingPathComponent("Themes/light.toml").path, encoding: .utf8)
        light = light.replacingOccurrences(of: "name = \"light\"", with: "name = \"mine\"")
        try Data(light.utf8).write(to: URL(fileURLWithPath: themes + "/mine.toml"))
        let t = try TmuxSession("\(Repo.binary) --theme mine d.json", cwd: dir.path,
                                env: dir.env(["TERM": Self.colourTerm]))
        try t.waitFor(text: "1 Requirements (14)")
        try t.waitForEscapes("the user's theme") { $0.contains("48;5;255") }
        try t.keys(":"); try t.type("theme"); try t.keys("Enter")
        let list = try t.waitFor(text: "Themes: ")
        #expect(list.contains("Themes: default, high-contrast, light, mine, monochrome"))
        try t.keys(":"); try t.type("theme default"); try t.keys("Enter")
        try t.waitFor(text: "Theme: default")
        try t.waitForEscapes("the default theme") { !$0.contains("48;5;255") }
        try t.keys("q")
        try t.waitFor(text: "EXITED=0")
        let config = String(decoding: contents(dir.file("config/sysdraft/config.toml")) ?? Data(), as: UTF8.self)
        #expect(config == "theme = \"default\"\n")
    }

    /// The mouse is on by default (a click focuses the pane under it), off with `mouse = false`
    /// in config.toml or `--no-mouse`: then the terminal keeps it for selecting text.
    @Test func mouseFollowsTheConfigAndTheFlag() throws {
        let dir = try ThemeTestDir()
        defer { dir.cleanup() }
        let t = try TmuxSession("\(Repo.binary) d.json", cwd: dir.path, env: dir.env())
        try t.waitFor(text: "┏━ 1 Requirements (14)")
        #expect(try t.mouseReporting(), "sysdraft asked for mouse events")
        try t.click(x: 60, y: 4)
        try t.waitFor(text: "┏━ 2 Components (12)")
        try t.keys("q")
        try t.waitFor(text: "EXITED=0")

        try FileManager.default.createDirectory(atPath: dir.file("config/sysdraft"), withIntermediateDirectories: true)
        try Data("mouse = false  # I select text\n".utf8).write(to: URL(fileURLWithPath: dir.file("config/sysdraft/config.toml")))
        let t2 = try TmuxSession("\(Repo.binary) d.json", cwd: dir.path, env: dir.env())
        let screen = try t2.waitFor(text: "┏━ 1 Requirements (14)")
        #expect(!screen.contains("config.toml"), "no complaint about a valid config")
        #expect(try !t2.mouseReporting(), "mouse = false leaves the mouse to the terminal")
        try t2.keys("q")
        try t2.waitFor(text: "EXITED=0")

        try Data("mouse = true\n".utf8).write(to: URL(fileURLWithPath: dir.file("config/sysdraft/config.toml")))
        let t3 = try TmuxSession("\(Repo.binary) --no-mouse d.json", cwd: dir.path, env: dir.env())
        try t3.waitFor(text: "┏━ 1 Requirements (14)")
        #expect(try !t3.mouseReporting(), "--no-mouse wins over the config")
        try t3.keys("q")
        try t3.waitFor(text: "EXITED=0")
    }
}

extension TmuxSession {
    /// Polls the screen with its escape codes (`capture-pane -e`) until `predicate` holds.
    @discardableResult
    func waitForEscapes(_ what: String, timeout: Double = 10, _ predicate: (String) -> Bool) throws -> String {
        var last = ""
        do {
            try waitFor(what, timeout: timeout) { _ in
                last = (try? self.screen(escapes: true)) ?? ""
                return predicate(last)
            }
        } catch {
            Issue.record("screen with escapes was:\n\(last.debugDescription)")
            throw error
        }
        return last
    }
}

extension TmuxSession {
    /// Whether the program in the pane turned on mouse reporting (tmux tracks the modes).
    func mouseReporting() throws -> Bool {
        let flags = try tmux(["display-message", "-p", "-t", name,
                              "#{mouse_any_flag}#{mouse_standard_flag}#{mouse_button_flag}#{mouse_all_flag}"]).stdout
        return flags.contains("1")
    }

    /// A left click at 0-based cell (x, y), sent as the terminal would (X10 encoding, which is
    /// what ncurses asks for on TERM=screen): press, then release.
    func click(x: Int, y: Int) throws {
        func event(_ button: Int) -> String {
            "\u{1b}[M" + String(UnicodeScalar(UInt8(32 + button))) + String(UnicodeScalar(UInt8(33 + x)))
                + String(UnicodeScalar(UInt8(33 + y)))
        }
        try type(event(0))
        try type(event(3))
    }
}

/// The numeric parameters of every SGR sequence (`ESC [ … m`) in `text`.
func sgrParameters(_ text: String) -> [Int] {
    var out: [Int] = []
    for match in text.matches(of: /\x1b\[([0-9;:]*)m/) {
        let params = match.1.split(whereSeparator: { $0 == ";" || $0 == ":" }).compactMap { Int($0) }
        out += params.isEmpty ? [0] : params
    }
    return out
}

/// A temporary folder with the worked example as d.json and an empty config home under it.
struct ThemeTestDir {
    let temp: TempDir
    var path: String { temp.path }

    init() throws {
        temp = try TempDir()
        try sysdraft("new", temp.file("d.json"), "--from", "url-shortener")
        try FileManager.default.createDirectory(atPath: temp.file("config"), withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { temp.file(name) }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String { try temp.write(name, text) }

    /// Environment for the program: its own XDG_CONFIG_HOME and HOME, no NO_COLOR unless given.
    func env(_ extra: [String: String] = [:]) -> [String: String] {
        var e = ["XDG_CONFIG_HOME": temp.file("config"), "HOME": temp.path, "NO_COLOR": ""]
        for (k, v) in extra { e[k] = v }
        return e
    }

    func cleanup() { temp.cleanup() }
}
