import Foundation
import PackagePlugin

/// Compiles the package's `Assets/` and `Themes/` into the target it is applied to: at build
/// time `sysdraft-embed` writes every file under those folders into one Swift source file, so
/// the program carries its data and works wherever the binary alone is copied. The folders stay
/// the source of truth; nothing generated is committed. Every file is an input of the build
/// command and its path is on the command line, so editing, adding or removing one rebuilds
/// the target (a changed command line reruns a command; a removed input alone would not).
@main
struct EmbedData: BuildToolPlugin {
    static let folders = ["Assets", "Themes"]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL.standardizedFileURL
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        let inputs = Self.folders.flatMap { Self.files(under: root.appending(path: $0)) }
        return [
            .buildCommand(
                displayName: "Embedding \(Self.folders.joined(separator: ", "))",
                executable: try context.tool(named: "sysdraft-embed").url,
                arguments: [output.path(percentEncoded: false), root.path(percentEncoded: false)] + Self.folders,
                inputFiles: inputs,
                outputFiles: [output]
            ),
        ]
    }

    /// Every regular file under `folder`, hidden ones left out, sorted by path.
    static func files(under folder: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else { return [] }
        var found: [URL] = []
        for case let url as URL in walker
        where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            found.append(url.standardizedFileURL)
        }
        return found.sorted { $0.path < $1.path }
    }

    /// `Assets/stages.json` for `<root>/Assets/stages.json`.
    static func path(_ url: URL, relativeTo root: URL) -> String {
        let base = root.path(percentEncoded: false)
        let full = url.path(percentEncoded: false)
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : full
    }
}
