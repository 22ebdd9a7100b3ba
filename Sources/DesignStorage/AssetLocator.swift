import DesignModel
import Foundation

/// Finds the read-only data that ships with sysdraft (`Assets/`, `Themes/`) from any working
/// directory: next to a source checkout's build folder, or installed under `PREFIX/share/sysdraft`.
///
/// Order: `$SYSDRAFT_HOME`, then for the running executable's directory and each of its parents,
/// `<dir>/Assets` and `<dir>/share/sysdraft/Assets`.
public struct AssetLocator: Sendable {
    /// The folder that holds `Assets/` and `Themes/`.
    public let root: URL

    public init(root: URL) { self.root = root }

    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment,
                              executable: String? = nil) throws -> AssetLocator {
        var candidates: [URL] = []
        if let home = environment["SYSDRAFT_HOME"], !home.isEmpty {
            candidates.append(URL(fileURLWithPath: home))
        }
        let exe = URL(fileURLWithPath: AtomicFile.resolveSymlinks(executable ?? currentExecutable()))
        var dir = exe.deletingLastPathComponent()
        for _ in 0..<8 {
            candidates.append(dir)
            candidates.append(dir.appendingPathComponent("share/sysdraft"))
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { break }
            dir = parent
        }
        for c in candidates where FileManager.default.fileExists(atPath: c.appendingPathComponent("Assets/stages.json").path) {
            return AssetLocator(root: c.standardizedFileURL)
        }
        throw StorageError(path: "Assets/stages.json",
                           message: "cannot find sysdraft's data folder; set SYSDRAFT_HOME to the folder holding Assets/ and Themes/")
    }

    /// The running program's path: /proc/self/exe where there is one, else argv[0] looked up in PATH.
    static func currentExecutable() -> String {
        if let p = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return p }
        let arg0 = CommandLine.arguments.first ?? ""
        if arg0.contains("/") { return arg0 }
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let p = "\(dir)/\(arg0)"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return arg0
    }

    public var assets: URL { root.appendingPathComponent("Assets") }
    public var themes: URL { root.appendingPathComponent("Themes") }
    public var examples: URL { assets.appendingPathComponent("examples") }

    public func catalogue() throws -> StageCatalogue {
        let url = assets.appendingPathComponent("stages.json")
        let data = try AtomicFile.read(url.path)
        do { return try StageCatalogue.decode(data) } catch {
            throw StorageError(path: url.path, message: "\(error)")
        }
    }

    /// Names of the bundled example designs (file names without `.json`).
    public func exampleNames() -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? []
        return files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }

    public func example(named name: String) -> URL? {
        let url = examples.appendingPathComponent(name.hasSuffix(".json") ? name : "\(name).json")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }
}
