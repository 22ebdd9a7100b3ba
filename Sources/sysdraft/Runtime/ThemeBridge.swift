import App
import DesignStorage
import Foundation
import TextUI

/// A theme name that matches no file.
struct ThemeNotFound: Error, CustomStringConvertible {
    var name: String
    var known: [String]
    var description: String {
        if name.contains("/") || name.hasSuffix(".toml") { return "\(name): no such theme file" }
        return "no theme \"\(Sanitize.forDisplay(name))\"; themes: \(known.joined(separator: ", "))"
    }
}

/// Chooses the colour theme and turns it into the backend's colour table.
///
/// Which theme: `--theme` (a name looked up in the user's theme folder, the data folders and
/// the built-in themes, or a path to a .toml) > `theme` in the user's config.toml > `default`. A theme that cannot be
/// used leaves `warning` saying why (file:line for a broken file) and the built-in default is
/// drawn instead. `:theme` switches live through `select`, which also remembers the choice in
/// config.toml. `NO_COLOR` (non-empty) and terminals without colours always get the
/// monochrome version of the theme: attributes only, the selection in reverse video.
struct ThemeBridge {
    let assets: AssetLocator
    let environment: [String: String]
    private(set) var config: UserConfig
    /// The theme in use.
    private(set) var theme: Theme = .fallback
    /// Its name, for the status bar.
    private(set) var current = "default"
    private(set) var mouse = true
    /// A problem with the chosen theme or the config, shown once in the status bar.
    private(set) var warning: String?
    /// Every problem with config.toml and the theme, one per entry (`:config` lists them).
    private(set) var problems: [String] = []
    /// Why the last `select` could not be remembered in config.toml (the switch itself worked).
    private(set) var saveError: String?

    init(assets: AssetLocator, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.assets = assets
        self.environment = environment
        config = UserConfig(environment: environment)
    }

    /// Theme names for `:theme` completion: built-in and the user's own.
    func names() -> [String] { ThemeFiles.names(assets) }

    /// Applies the command line and the user's config. Never fails: problems end up in
    /// `warning` and the defaults are used. (Declared `throws` for the caller's sake.)
    mutating func configure(cliTheme: String?, noMouse: Bool) throws {
        var warnings = config.problems
        mouse = !noMouse && (config.mouse ?? true)
        if let requested = cliTheme ?? config.theme {
            do {
                try use(requested)
            } catch {
                let source = cliTheme == nil ? " (theme in \(config.path ?? "config.toml"))" : ""
                warnings.append("\(error)\(source) — using the default theme")
                theme = .fallback
                current = Theme.fallback.name
            }
        }
        problems = warnings
        warning = warnings.isEmpty ? nil
            : warnings.count == 1 ? warnings[0]
            : "\(warnings.count) problems with the settings, :config lists them — first: \(warnings[0])"
    }

    /// Switches to a theme (`:theme NAME`) and remembers it in config.toml. Throws, leaving the
    /// current theme in place, when the theme cannot be found or parsed.
    mutating func select(_ name: String) throws {
        try use(name)
        saveError = nil
        do {
            try config.saveTheme(persistentName(name))
        } catch {
            saveError = "Theme \(current) in use, but not remembered: \(error)"
        }
    }

    /// Loads `nameOrPath` and makes it current, or throws `ThemeNotFound` / `ThemeError`.
    private mutating func use(_ nameOrPath: String) throws {
        do {
            theme = try ThemeFiles.load(nameOrPath, assets: assets)
        } catch let e as ThemeError {
            var e = e
            e.file = UserConfig.abbreviate(e.file, home: environment["HOME"])
            throw e
        }
        current = theme.name
    }

    /// What goes into config.toml: a name as given, a path made absolute (sysdraft may start
    /// from another directory next time).
    private func persistentName(_ nameOrPath: String) -> String {
        guard nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml"),
              let path = ThemeLoader.locate(nameOrPath, in: []) else { return nameOrPath }
        if path.hasPrefix("/") { return path }
        return URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// What the terminal can show: `NO_COLOR` and TERM=dumb win over what the backend found.
    func capability(depth: ColorDepth) -> ColorCapability {
        let colors: Int
        switch depth {
        case .full256: colors = 256
        case .eight: colors = 8
        case .none: colors = 0
        }
        return ColorCapability.detect(environment: environment, terminalColors: colors)
    }

    func resolved(depth: ColorDepth) -> ResolvedTheme {
        theme.resolved(for: capability(depth: depth))
    }

    /// The backend's table: curses colour numbers (-1 = the terminal's default) and attributes.
    func colors(depth: ColorDepth) -> [Role: RoleColors] {
        ThemeBridge.colors(resolved(depth: depth))
    }

    static func colors(_ resolved: ResolvedTheme) -> [Role: RoleColors] {
        var table: [Role: RoleColors] = [:]
        for role in Role.allCases {
            let s = resolved[role]
            table[role] = RoleColors(foreground: s.fg.cursesValue, background: s.bg.cursesValue,
                                     attributes: s.attributes)
        }
        return table
    }
}

extension ThemeBridge: ThemeSwitching {}
