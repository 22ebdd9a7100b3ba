import Foundation

/// The files of the repository's `Assets/` and `Themes/`, compiled into the program by the
/// EmbedData build-tool plugin (Plugins/EmbedData), so a copied binary needs nothing beside it.
/// Paths are relative to the repository root with `/` separators: `Assets/stages.json`,
/// `Themes/light.toml`. The folders in the repository are the source; nothing generated is
/// committed (`textFiles` and `base64Files` come from the generated file).
public enum BuiltinData {
    /// Every embedded path, sorted.
    public static let paths: [String] = (Array(textFiles.keys) + Array(base64Files.keys)).sorted()

    /// The bytes of an embedded file, or nil when there is none at `path`.
    public static func data(_ path: String) -> Data? {
        if let text = textFiles[path] { return Data(text.utf8) }
        if let encoded = base64Files[path] { return Data(base64Encoded: encoded) }
        return nil
    }

    public static func contains(_ path: String) -> Bool {
        textFiles[path] != nil || base64Files[path] != nil
    }

    /// The embedded files directly in `folder` (no trailing `/`), as paths, sorted.
    public static func paths(in folder: String) -> [String] {
        let prefix = folder + "/"
        return paths.filter { $0.hasPrefix(prefix) && !$0.dropFirst(prefix.count).contains("/") }
    }
}
