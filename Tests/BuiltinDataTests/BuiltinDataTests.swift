import BuiltinData
import Foundation
import Testing

/// The repository root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// Every non-hidden regular file under Assets/ and Themes/, as repository paths.
func repositoryDataFiles() throws -> [String: Data] {
    var files: [String: Data] = [:]
    for folder in ["Assets", "Themes"] {
        let base = repositoryRoot.appendingPathComponent(folder)
        let walker = try #require(FileManager.default.enumerator(
            at: base, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]))
        for case let url as URL in walker where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
            let relative = String(url.standardizedFileURL.path.dropFirst(base.standardizedFileURL.path.count + 1))
            files[folder + "/" + relative] = try Data(contentsOf: url)
        }
    }
    return files
}

@Suite("Built-in data")
struct BuiltinDataTests {
    /// The plugin embeds every file, byte for byte, and nothing else: a stale or lossy build fails here.
    @Test func everyFileUnderAssetsAndThemesIsCompiledInExactly() throws {
        let onDisk = try repositoryDataFiles()
        #expect(onDisk.count > 20)
        #expect(Set(BuiltinData.paths) == Set(onDisk.keys))
        for (path, data) in onDisk {
            #expect(BuiltinData.data(path) == data, "\(path) differs from the built-in copy")
        }
    }

    @Test func listsAFolderWithoutItsSubfolders() {
        let assets = BuiltinData.paths(in: "Assets")
        #expect(assets.contains("Assets/stages.json"))
        #expect(!assets.contains { $0.hasPrefix("Assets/problems/") })
        #expect(BuiltinData.paths(in: "Themes").contains("Themes/default.toml"))
        #expect(BuiltinData.data("Assets/no-such-file") == nil)
    }
}
