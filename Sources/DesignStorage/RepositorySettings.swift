import Foundation

/// Finds a repository's `.sysdraft.toml` for a design file: in the design's folder or the
/// nearest parent that has one, stopping at the repository root (the first folder, going up,
/// that holds `.git`) so a file above the repository never applies. File system only.
public enum RepositorySettings {
    public static let fileName = ".sysdraft.toml"

    /// The path of the `.sysdraft.toml` that applies to `designPath`, or nil when there is none.
    public static func find(forDesign designPath: String, currentDirectory: String = FileManager.default.currentDirectoryPath) -> String? {
        let absolute = designPath.hasPrefix("/") ? designPath : (currentDirectory as NSString).appendingPathComponent(designPath)
        var dir = ((absolute as NSString).standardizingPath as NSString).deletingLastPathComponent
        let fm = FileManager.default
        while true {
            let candidate = (dir as NSString).appendingPathComponent(fileName)
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: candidate, isDirectory: &isDir), !isDir.boolValue { return candidate }
            if fm.fileExists(atPath: (dir as NSString).appendingPathComponent(".git")) { return nil }
            let parent = (dir as NSString).deletingLastPathComponent
            if parent == dir || dir.isEmpty { return nil }
            dir = parent
        }
    }
}
