import DesignStorage
import Foundation
import TextUI

/// Themes by name from the data folders and the built-in `Themes/`, or by path.
enum ThemeFiles {
    static func files(_ assets: AssetLocator) -> [AssetFile] {
        assets.files(in: AssetLocator.themesFolder, suffix: ".toml")
    }

    static func names(_ assets: AssetLocator) -> [String] { files(assets).map(\.name) }

    /// A path (anything with a `/`, or an existing `NAME.toml` in the working directory) is read
    /// as is; otherwise the name (with or without `.toml`) is looked up.
    static func load(_ nameOrPath: String, assets: AssetLocator) throws -> Theme {
        if let path = ThemeLoader.locate(nameOrPath, in: []) { return try ThemeLoader.load(path: path) }
        let name = nameOrPath.hasSuffix(".toml") ? String(nameOrPath.dropLast(5)) : nameOrPath
        guard !nameOrPath.contains("/"), !name.isEmpty,
              let file = assets.file(AssetLocator.themesFolder + "/" + name + ".toml") else {
            throw ThemeNotFound(name: nameOrPath, known: names(assets))
        }
        return try load(file)
    }

    static func load(_ file: AssetFile) throws(ThemeError) -> Theme {
        if let url = file.url { return try ThemeLoader.load(path: url.path) }
        guard let data = try? file.data(), let text = String(data: data, encoding: .utf8) else {
            throw ThemeError(file: file.display, message: "cannot read the built-in theme")
        }
        return try ThemeLoader.parse(text: text, name: file.display)
    }
}
