// sysdraft-embed OUTPUT ROOT FOLDER…
//
// Writes every file under ROOT/FOLDER… (hidden ones left out) into OUTPUT, a Swift source file
// that gives `BuiltinData` their contents, each under its path from ROOT: text as exact string
// literals, anything that is not UTF-8 as base64. Run by the EmbedData build-tool plugin; see
// Plugins/EmbedData.
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: sysdraft-embed OUTPUT ROOT FOLDER...\n".utf8))
    exit(64)
}
let output = URL(fileURLWithPath: arguments[0])
let root = URL(fileURLWithPath: arguments[1])

do {
    let files = try EmbeddedSource.collect(root: root, folders: Array(arguments.dropFirst(2)))
    let source = EmbeddedSource.render(files)
    // Leave an unchanged file alone, so nothing that depends on it is compiled again.
    if (try? Data(contentsOf: output)) != Data(source.utf8) {
        try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(source.utf8).write(to: output, options: .atomic)
    }
} catch {
    FileHandle.standardError.write(Data("sysdraft-embed: \(error)\n".utf8))
    exit(1)
}
