import DesignStorage
import Foundation
import TextUI
import Workspace

/// The user's settings at `$XDG_CONFIG_HOME/sysdraft/config.toml` (default
/// `~/.config/sysdraft/config.toml`):
///
/// ```toml
/// theme = "light"     # a name from Themes/ or the user theme folder, or a path to a .toml
/// mouse = false       # leave the mouse to the terminal
/// ```
///
/// A missing file means the defaults. A broken one gives messages naming `file:line` and the
/// defaults for whatever could not be read; it never stops sysdraft. Writing a setting back
/// changes that one line (or adds it) and keeps the user's other lines and comments.
struct UserConfig {
    /// Where the file is (it need not exist); nil when neither XDG_CONFIG_HOME nor HOME is set.
    let path: String?
    private(set) var settings = UserSettings()
    /// Problems found when loading, one per entry, each `file:line: message`.
    private(set) var problems: [String] = []

    /// The standard keymap with the user's `[keys]` applied.
    private(set) var keymap = Keymap.standard

    var theme: String? { settings.theme }
    var mouse: Bool? { settings.mouse }

    static func path(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
            return (xdg as NSString).appendingPathComponent("sysdraft/config.toml")
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return (home as NSString).appendingPathComponent(".config/sysdraft/config.toml")
    }

    init(environment: [String: String]) {
        self.init(path: UserConfig.path(environment: environment), home: environment["HOME"])
    }

    /// `home` shortens paths in messages to `~/…`.
    init(path: String?, home: String? = nil) {
        self.path = path
        guard let path, FileManager.default.fileExists(atPath: path) else { return }
        let text: String
        do {
            let data = try AtomicFile.read(path)
            guard let s = String(data: data, encoding: .utf8) else {
                problems = ["\(path): not UTF-8 text; using the default settings"]
                return
            }
            text = s
        } catch {
            problems = ["\(error)"]
            return
        }
        let name = UserConfig.abbreviate(path, home: home)
        let parsed = UserSettings.parse(text: text, name: name)
        settings = parsed.settings
        problems = parsed.problems.map(\.description)
        let keys = Keymap.standard.applying(settings.keyOverrides)
        keymap = keys.keymap
        problems += keys.problems.map { name + ($0.line.map { ":\($0)" } ?? "") + ": " + $0.message }
    }

    /// `path` with the home folder written as `~`, for messages.
    static func abbreviate(_ path: String, home: String?) -> String {
        guard let home, !home.isEmpty, home != "/" else { return path }
        let h = home.hasSuffix("/") ? String(home.dropLast()) : home
        return path.hasPrefix(h + "/") ? "~" + path.dropFirst(h.count) : path
    }

    /// Sets `theme` in the file, keeping everything else in it; creates the file (and its
    /// folder) when missing. Crash-safe: the file is either the old or the new version.
    mutating func saveTheme(_ theme: String) throws {
        guard let path else {
            throw StorageError(path: "config.toml", message: "neither XDG_CONFIG_HOME nor HOME is set")
        }
        let fm = FileManager.default
        var text = ""
        if fm.fileExists(atPath: path) {
            let data = try AtomicFile.read(path)
            guard let s = String(data: data, encoding: .utf8) else {
                throw StorageError(path: path, message: "not UTF-8 text; left as it is")
            }
            text = s
        } else {
            let dir = (path as NSString).deletingLastPathComponent
            do {
                try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
            } catch {
                throw StorageError(path: dir, message: "cannot create the folder: \(error.localizedDescription)")
            }
        }
        let updated = UserSettings.setting("theme", toString: theme, in: text)
        try AtomicFile.write(Data(updated.utf8), to: path)
        settings.theme = theme
    }
}
