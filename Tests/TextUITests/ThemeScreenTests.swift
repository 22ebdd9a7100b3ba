import DesignModel
import DesignStorage
import Foundation
import TestSupport
import Testing
@testable import TextUI
import Workspace

/// The worked example at 100×30 as each shipped theme draws it, compared with golden files in
/// Golden/themes/ (`SYSDRAFT_RECORD=1` re-records). Each line shows the text with the colours
/// and attributes the terminal receives wherever they change: `{fg/bg attrs}`.
@Suite("Theme screens")
struct ThemeScreenTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let goldenDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden/themes")

    /// The worked example at 100×30, as the workspace opens it.
    static func workedExampleScreen() throws -> Grid {
        let design = try DesignFile.load(repo.appendingPathComponent("Assets/examples/url-shortener.json").path)
        let catalogue = try AssetLocator(root: repo).catalogue()
        var state = AppState(design: design, filePath: "url-shortener.json", catalogue: catalogue)
        state.size = ScreenSize(columns: 100, rows: 30)
        var grid = Grid(width: 0, height: 0)
        var memory = ViewMemory()
        WorkspaceView.render(state, into: &grid, memory: &memory)
        return grid
    }

    static func screen(_ theme: Theme, _ capability: ColorCapability) throws -> String {
        let grid = try workedExampleScreen()
        return grid.styledLines(resolvedWith: theme.resolved(for: capability)).joined(separator: "\n") + "\n"
    }

    static var themeFiles: [String] { ThemeLoader.themeFiles(in: themeTestsDirectory) }

    @Test("each theme draws the worked example as recorded", arguments: themeFiles)
    func themeGolden(path: String) throws {
        let theme = try ThemeLoader.load(path: path)
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        expectThemeGolden(try Self.screen(theme, .colors256), "\(name).txt")
    }

    /// Colours degrade: the default theme on an 8-colour terminal and with no colour at all.
    @Test func defaultThemeOnLesserTerminals() throws {
        expectThemeGolden(try Self.screen(.fallback, .colors8), "default.8-colours.txt")
        let mono = try Self.screen(.fallback, .none)
        expectThemeGolden(mono, "default.no-colour.txt")
        // No colour means no colour: only the terminal's defaults, and the selection in reverse.
        #expect(mono.matches(of: /\{([0-9a-z-]+)\/([0-9a-z-]+)[ }]/).allSatisfy { $0.1 == "default" && $0.2 == "default" })
        #expect(mono.contains("reverse"), "the selection is shown in reverse video")
    }

    @Test func themesActuallyDiffer() throws {
        var seen: [String: String] = [:]
        for path in Self.themeFiles {
            let screen = try Self.screen(try ThemeLoader.load(path: path), .colors256)
            let name = (path as NSString).lastPathComponent
            if let other = seen[screen] { Issue.record("\(name) draws exactly like \(other)") }
            seen[screen] = name
        }
    }

    @Test func everyThemeShowsTheSelectionWithoutColour() throws {
        // Whatever the theme, NO_COLOR draws the same attributes-only screen except for the
        // theme's own attributes; the selection is always reverse video.
        for path in Self.themeFiles {
            let theme = try ThemeLoader.load(path: path)
            let r = theme.resolved(for: .none)
            #expect(r[.selection].attributes.contains(.reverse), "\(theme.name)")
            for role in Role.allCases {
                #expect(r[role].fg == .terminalDefault && r[role].bg == .terminalDefault)
            }
        }
    }
}

/// Compares with `Golden/themes/<name>`; `SYSDRAFT_RECORD=1` (re)writes the file instead.
func expectThemeGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    if let problem = GoldenFile.check(actual, at: ThemeScreenTests.goldenDir.appendingPathComponent(name)) {
        Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation)
    }
}

/// config.toml: reading the keys sysdraft knows and writing `theme` back without disturbing
/// the user's other lines.
@Suite("User settings")
struct UserSettingsTests {
    @Test func readsThemeAndMouse() {
        let (s, problems) = UserSettings.parse(text: "# mine\ntheme = \"light\"\nmouse = false\n", name: "config.toml")
        #expect(s == UserSettings(theme: "light", mouse: false))
        #expect(problems.isEmpty)
    }

    @Test func emptyFileMeansDefaults() {
        let (s, problems) = UserSettings.parse(text: "", name: "config.toml")
        #expect(s == UserSettings())
        #expect(problems.isEmpty)
    }

    @Test func syntaxErrorNamesTheLineAndGivesDefaults() {
        let (s, problems) = UserSettings.parse(text: "mouse = false\ntheme = \"light\n", name: "config.toml")
        #expect(s == UserSettings())
        #expect(problems.count == 1)
        #expect(problems.first?.description.hasPrefix("config.toml:2") == true, "\(problems)")
    }

    @Test func wrongTypesAndUnknownKeysAreReportedWithLines() {
        let text = """
        # settings
        theme = 3
        mouse = "no"
        thme = "light"

        [keys]
        quit = "q"
        """
        let (s, problems) = UserSettings.parse(text: text, name: "c.toml")
        #expect(s == UserSettings())
        #expect(problems.map(\.line) == [2, 3, 4, 7])
        #expect(problems[0].message.contains("theme"))
        #expect(problems[1].message.contains("true or false"))
        #expect(problems[2].message.contains("did you mean \"theme\""), "\(problems[2])")
        #expect(problems[3].message.contains("[keys.quit]"), "keys are per context: \(problems[3])")
    }

    @Test func settingReplacesTheOneLineKeepingComments() {
        let text = """
        # my sysdraft settings
        mouse = false   # I select text with the mouse

          theme = "nord"  # was solarized
        # end
        """
        let out = UserSettings.setting("theme", toString: "light", in: text)
        #expect(out == """
        # my sysdraft settings
        mouse = false   # I select text with the mouse

          theme = "light"  # was solarized
        # end
        """)
        #expect(UserSettings.parse(text: out, name: "c").settings == UserSettings(theme: "light", mouse: false))
    }

    @Test func settingIsAppendedWhenMissing() {
        #expect(UserSettings.setting("theme", toString: "light", in: "") == "theme = \"light\"\n")
        #expect(UserSettings.setting("theme", toString: "light", in: "mouse = true") == "mouse = true\ntheme = \"light\"\n")
        #expect(UserSettings.setting("theme", toString: "light", in: "mouse = true\n") == "mouse = true\ntheme = \"light\"\n")
    }

    @Test func settingGoesBeforeTheFirstTable() {
        let text = """
        mouse = true

        # key overrides
        [keys]
        theme = "not this one"
        """
        let out = UserSettings.setting("theme", toString: "light", in: text)
        #expect(out == """
        mouse = true

        theme = "light"

        # key overrides
        [keys]
        theme = "not this one"
        """)
        #expect(UserSettings.parse(text: out, name: "c").settings.theme == "light")
    }

    @Test func pathsAreQuotedSafely() {
        let path = #"C:\themes\my "best".toml"#
        let out = UserSettings.setting("theme", toString: path, in: "")
        #expect(UserSettings.parse(text: out, name: "c").settings.theme == path)
    }
}
