import CursesTerminal
import DesignStorage
import Foundation
import TextUI

/// Chooses the colour theme (command line, then the user's config, then the default) and turns
/// it into the backend's colour table for the terminal's colour depth.
struct ThemeBridge {
    let assets: AssetLocator
    private(set) var current = "default"
    private(set) var mouse = true
    /// A problem with the chosen theme or config, shown once in the status bar.
    private(set) var warning: String?

    init(assets: AssetLocator) { self.assets = assets }

    func names() -> [String] { ["default"] }

    mutating func configure(cliTheme: String?, noMouse: Bool) throws {
        mouse = !noMouse
        if let cliTheme { try select(cliTheme) }
    }

    mutating func select(_ name: String) throws {
        guard names().contains(name) else { throw StorageError(path: name, message: "no such theme") }
        current = name
    }

    func colors(depth: ColorDepth) -> [Role: RoleColors] {
        var t: [Role: RoleColors] = [:]
        t[.selection] = RoleColors(attributes: [.reverse])
        t[.selectionInactive] = RoleColors(attributes: [.underline])
        t[.header] = RoleColors(attributes: [.reverse])
        t[.statusBar] = RoleColors(attributes: [.reverse])
        t[.dim] = RoleColors(attributes: [.dim])
        t[.error] = RoleColors(foreground: depth == .none ? -1 : 1, attributes: [.bold])
        t[.key] = RoleColors(attributes: [.bold])
        return t
    }
}
