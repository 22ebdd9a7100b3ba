import Foundation

/// File-name completion for the palette's path arguments.
public enum PathCompletion {
    @Sendable public static func complete(_ prefix: String) -> [String] {
        let expanded = (prefix as NSString).expandingTildeInPath
        let dir: String
        let stem: String
        if prefix.hasSuffix("/") {
            dir = expanded
            stem = ""
        } else {
            dir = (expanded as NSString).deletingLastPathComponent
            stem = (expanded as NSString).lastPathComponent
        }
        let listDir = dir.isEmpty ? "." : dir
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: listDir) else { return [] }
        let typedDir = prefix.hasSuffix("/") ? prefix : (prefix as NSString).deletingLastPathComponent
        return names.filter { $0.hasPrefix(stem) && (!$0.hasPrefix(".") || stem.hasPrefix(".")) }.sorted().map { name in
            var isDir: ObjCBool = false
            FileManager.default.fileExists(atPath: (listDir as NSString).appendingPathComponent(name), isDirectory: &isDir)
            let joined = typedDir.isEmpty ? name : (typedDir.hasSuffix("/") ? typedDir + name : typedDir + "/" + name)
            return joined + (isDir.boolValue ? "/" : "")
        }
    }
}
