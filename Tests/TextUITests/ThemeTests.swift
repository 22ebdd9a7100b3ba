import Foundation
import Testing
@testable import TextUI

/// Themes/ at the top of the package, found from this file's path.
let themeTestsDirectory: String = {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Themes").path
}()

@Suite("Themes")
struct ThemeTests {

    @Test func themesFolderHasAtLeastFiveThemes() {
        let files = ThemeLoader.themeFiles(in: themeTestsDirectory).map { ($0 as NSString).lastPathComponent }
        #expect(files.count >= 5, "\(files)")
        for required in ["default.toml", "light.toml", "high-contrast.toml", "monochrome.toml"] {
            #expect(files.contains(required), "Themes/\(required) is missing")
        }
    }

    @Test("every file in Themes/ parses and defines every role",
          arguments: ThemeLoader.themeFiles(in: themeTestsDirectory))
    func everyThemeParses(path: String) throws {
        let theme: Theme
        do {
            theme = try ThemeLoader.load(path: path)
        } catch {
            Issue.record("\(error.fullDescription)")
            return
        }
        #expect(!theme.name.isEmpty)
        // Every role is spelled out in each shipped file, so nobody has to guess.
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for role in Role.allCases {
            #expect(text.contains("\n\(role.key) "), "\((path as NSString).lastPathComponent) does not define \(role.key)")
        }
        // Whatever the terminal, the selection is distinguishable from normal text.
        for cap in ColorCapability.allCases {
            let r = theme.resolved(for: cap)
            #expect(r[.selection] != r[.normal], "\(theme.name) \(cap): selection looks like normal text")
            #expect(r[.cursor] != r[.normal], "\(theme.name) \(cap): cursor looks like normal text")
            for role in Role.allCases where r[role].fg != .terminalDefault {
                #expect(r[role].fg != r[role].bg, "\(theme.name) \(cap): \(role) has the same fg and bg")
            }
        }
    }

    @Test func fallbackIsDefaultToml() throws {
        let parsed = try ThemeLoader.load(path: themeTestsDirectory + "/default.toml")
        for role in Role.allCases {
            #expect(parsed[role] == Theme.fallback[role], "\(role): default.toml \(parsed[role]) vs built-in \(Theme.fallback[role])")
        }
        #expect(parsed == Theme.fallback)
    }

    @Test func monochromeHasNoColours() throws {
        let mono = try ThemeLoader.load(path: themeTestsDirectory + "/monochrome.toml")
        for role in Role.allCases {
            #expect(mono[role].fg == .terminalDefault && mono[role].bg == .terminalDefault)
        }
        #expect(mono[.selection].attributes.contains(.reverse))
    }

    @Test func syntaxErrorNamesTheLine() {
        let text = """
        name = "broken"

        [roles]
        normal = { fg = 252 }
        selection = { fg = 231, bg = 25
        title = { fg = 111 }
        """
        #expect {
            try ThemeLoader.parse(text: text, name: "broken.toml")
        } throws: { error in
            guard let e = error as? ThemeError else { return false }
            return e.line == 5 && e.description.hasPrefix("broken.toml:5") && e.message.contains("TOML")
        }
    }

    @Test func unknownRoleNamesTheLineAndSuggests() {
        let text = """
        # a theme with a typo
        name = "typo"
        [roles]
        normal = { fg = 252 }

        slection = { fg = 231, bg = 25 }
        """
        do {
            _ = try ThemeLoader.parse(text: text, name: "typo.toml")
            Issue.record("parsed a theme with an unknown role")
        } catch {
            #expect(error.line == 6)
            #expect(error.message.contains("unknown role \"slection\""))
            #expect(error.message.contains("did you mean \"selection\""))
            #expect(error.description.hasPrefix("typo.toml:6: "))
        }
    }

    @Test func badColourAttributeAndFieldAreReportedWithLines() {
        let text = """
        [roles]
        normal = { fg = 252 }

        [roles.title]
        fg = "purpel"
        attrs = ["bold", "blink"]

        [roles.border]
        colour = 3
        """
        do {
            _ = try ThemeLoader.parse(text: text, name: "t.toml")
            Issue.record("parsed a bad theme")
        } catch {
            #expect(error.line == 5)
            #expect(error.message.contains("invalid colour \"purpel\""))
            #expect(error.others.map(\.line) == [6, 9])
            #expect(error.others[0].message.contains("unknown attribute \"blink\""))
            #expect(error.others[1].message.contains("unknown field \"colour\""))
            #expect(error.fullDescription.split(separator: "\n").count == 3)
        }
    }

    @Test func outOfRangeIndexAndUnknownTopLevelKey() {
        do {
            _ = try ThemeLoader.parse(text: "nmae = \"x\"\n[roles]\nnormal = { fg = 300 }\n", name: "x.toml")
            Issue.record("parsed")
        } catch {
            #expect(error.line == 1 && error.message.contains("did you mean \"name\""))
            #expect(error.others.first?.line == 3)
        }
    }

    @Test func brokenThemeFallsBackToDefault() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sysdraft-theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("bad.toml").path
        try "[roles]\nnormal = { fg = 252 }\nselection = { fg = \"blurple\" }\n".write(toFile: path, atomically: true, encoding: .utf8)
        let (theme, error) = ThemeLoader.loadOrFallback(path: path)
        #expect(theme == Theme.fallback)
        #expect(error?.line == 3)
        #expect(error?.description.hasPrefix(path + ":3: ") == true)
        let (_, missing) = ThemeLoader.loadOrFallback(path: dir.appendingPathComponent("nope.toml").path)
        #expect(missing?.message == "no such file")
    }

    @Test func inheritanceFromNormal() throws {
        let t = try ThemeLoader.parse(text: """
        [roles]
        normal = { fg = 236, bg = 255, fg8 = "black", bg8 = "white" }
        title = { fg = 25, attrs = "bold+underline" }
        """, name: "themes/inherit.toml")
        #expect(t.name == "inherit")
        #expect(t[.title].bg == .index(255) && t[.title].bg8 == .white)
        #expect(t[.title].fg8 == .blue)              // nearest basic colour of 25
        #expect(t[.title].attributes == [.bold, .underline])
        #expect(t[.border] == RoleStyle(fg: .index(236), bg: .index(255), fg8: .black, bg8: .white))
    }

    @Test func colourNames() {
        #expect(ThemeColor(name: "default") == .terminalDefault)
        #expect(ThemeColor(name: "Bright_Red") == .index(9))
        #expect(ThemeColor(name: "grey") == .index(8))
        #expect(ThemeColor(name: "#000000") == .index(16))
        #expect(ThemeColor(name: "#ffffff") == .index(231))
        #expect(ThemeColor(name: "#808080") == .index(244))
        #expect(ThemeColor(name: "purple") == nil)
        #expect(ThemeColor.index(12).basic == .blue)
        #expect(ThemeColor.index(196).basic == .red)
        #expect(ThemeColor.index(255).basic == .white)
        #expect(ThemeColor.terminalDefault.cursesValue == -1)
    }

    @Test func downgrade() {
        let t = Theme.fallback
        let c256 = t.resolved(for: .colors256)
        #expect(c256[.selection] == TerminalStyle(fg: .index(231), bg: .index(25)))
        let c8 = t.resolved(for: .colors8)
        #expect(c8[.selection] == TerminalStyle(fg: .white, bg: .blue))
        for role in Role.allCases {
            for c in [c8[role].fg, c8[role].bg] { #expect(c.isBasic) }
        }
        // dim lost its colour on 8 colours: it gets the dim attribute instead.
        #expect(c8[.dim].attributes.contains(.dim))
        let none = t.resolved(for: .none)
        for role in Role.allCases {
            #expect(none[role].fg == .terminalDefault && none[role].bg == .terminalDefault)
        }
        #expect(none[.selection].attributes.contains(.reverse))
        #expect(none[.cursor].attributes.contains(.reverse))
        #expect(none.colorPairs.isEmpty)
        #expect(none.terminalStyle(for: Style.title.underline).attributes == [.bold, .underline])
    }

    @Test func colourPairsAreShared() {
        let r = Theme.fallback.resolved(for: .colors256)
        #expect(r.pairNumber(for: .normal) == 0)
        #expect(r.pairNumber(for: .warning) == r.pairNumber(for: .accent))   // both 214 on default
        #expect(r.pairNumber(for: .selection) != r.pairNumber(for: .cursor))
        for role in Role.allCases where r.pairNumber(for: role) > 0 {
            #expect(r.colorPairs[Int(r.pairNumber(for: role)) - 1] == r[role].colorPair)
        }
        #expect(Set(r.colorPairs).count == r.colorPairs.count)
    }

    @Test func capabilityDetection() {
        #expect(ColorCapability.detect(environment: ["NO_COLOR": "1", "TERM": "xterm-256color"], terminalColors: 256) == .none)
        #expect(ColorCapability.detect(environment: ["NO_COLOR": ""], terminalColors: 256) == .colors256)
        #expect(ColorCapability.detect(environment: ["TERM": "xterm"], terminalColors: 8) == .colors8)
        #expect(ColorCapability.detect(environment: ["TERM": "dumb"], terminalColors: 8) == .none)
        #expect(ColorCapability.detect(environment: [:], terminalColors: 0) == .none)
    }

    @Test func locateByNameOrPath() {
        #expect(ThemeLoader.locate("nord", in: ["/nonexistent", themeTestsDirectory]) == themeTestsDirectory + "/nord.toml")
        #expect(ThemeLoader.locate(themeTestsDirectory + "/light.toml", in: []) == themeTestsDirectory + "/light.toml")
        #expect(ThemeLoader.locate("nope", in: [themeTestsDirectory]) == nil)
    }
}

@Suite("Grid through a theme")
struct ThemeGridRenderingTests {
    @Test func styledLinesWithTheme() {
        var g = Grid(width: 6, height: 1)
        g.put("ab", x: 0, y: 0, style: .selection)
        g.put("cd", x: 2, y: 0, style: .error.underline)
        let c256 = Theme.fallback.resolved(for: .colors256)
        #expect(g.styledLines(resolvedWith: c256) == ["{231/25}ab{203/default bold+underline}cd{default/default}  "])
        let none = Theme.fallback.resolved(for: .none)
        #expect(g.styledLines(resolvedWith: none) == ["{default/default reverse}ab{default/default bold+underline}cd{default/default}  "])
    }

    @Test func ansiLines() {
        var g = Grid(width: 3, height: 1)
        g.put("x\u{1b}", x: 0, y: 0, style: .selection)
        let line = g.ansiLines(theme: Theme.fallback.resolved(for: .colors8))[0]
        #expect(line == "\u{1b}[0;37;44mx^[\u{1b}[0m")
        #expect(ANSI.sgr(TerminalStyle(fg: .index(9), bg: .index(200), attributes: [.bold, .reverse])) == "\u{1b}[0;1;7;91;48;5;200m")
    }
}

@Suite("Theme files, more")
struct ThemeMoreTests {
    @Test func variantAndDottedKeys() throws {
        let t = try ThemeLoader.parse(text: """
        variant = "light"
        [roles]
        normal.fg = 236
        title.fg = 25
        title.attrs = ["bold"]
        """, name: "d.toml")
        #expect(t.variant == .light)
        #expect(t[.title].fg == .index(25) && t[.title].attributes == .bold)
        do {
            _ = try ThemeLoader.parse(text: "[roles]\nnormal.fg = 236\nslection.fg = 3\n", name: "d.toml")
            Issue.record("parsed")
        } catch {
            #expect(error.line == 3)
        }
        #expect(try ThemeLoader.load(path: themeTestsDirectory + "/light.toml").variant == .light)
    }

    @Test func duplicateSpellingsOfARole() {
        do {
            _ = try ThemeLoader.parse(text: "[roles]\nborder-focused = { fg = 1 }\nborder_focused = { fg = 2 }\n", name: "dup.toml")
            Issue.record("parsed")
        } catch {
            #expect(error.message.contains("more than once"))
            #expect(error.line == 2 || error.line == 3)
        }
    }

    @Test func variantOfFallback() {
        #expect(Theme.fallback.variant == .dark)
    }
}

@Suite("Theme lookup")
struct ThemeLookupTests {
    @Test func userDirectory() {
        #expect(ThemeLoader.userThemeDirectory(environment: ["XDG_CONFIG_HOME": "/x/cfg", "HOME": "/h"]) == "/x/cfg/sysdraft/themes")
        #expect(ThemeLoader.userThemeDirectory(environment: ["XDG_CONFIG_HOME": "", "HOME": "/h"]) == "/h/.config/sysdraft/themes")
        #expect(ThemeLoader.userThemeDirectory(environment: [:]) == nil)
        #expect(ThemeLoader.searchDirectories(environment: ["HOME": "/h"], bundled: "/b") == ["/h/.config/sysdraft/themes", "/b"])
    }

    @Test func namesForCompletion() {
        let names = ThemeLoader.themeNames(in: [themeTestsDirectory, themeTestsDirectory, "/nonexistent"])
        #expect(names.contains("default") && names.contains("monochrome"))
        #expect(names == names.sorted() && Set(names).count == names.count)
    }
}
