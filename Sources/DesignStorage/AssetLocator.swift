import BuiltinData
import DesignModel
import Foundation

/// Where sysdraft's read-only data comes from: the files of `Assets/` and `Themes/` compiled
/// into the program (`BuiltinData`), and folders on disk that add files or replace built-in ones
/// of the same path. A file is known by its path in the repository (`Assets/stages.json`,
/// `Assets/problems/chat-app.json`, `Themes/light.toml`); the first folder that has it wins,
/// the built-in copy comes last.
///
/// The standard folders (`locate`), first to last: `$SYSDRAFT_HOME`, `$XDG_DATA_HOME/sysdraft`
/// (default `~/.local/share/sysdraft`) and `PREFIX/share/sysdraft` for a program installed as
/// `PREFIX/bin/sysdraft`; each laid out like the repository (`Assets/problems/…`, `Themes/…`).
/// The command line puts the user's config folders for plans, problems and themes in front.
public struct AssetLocator: Sendable {
    /// Highest priority first.
    public var folders: [DataFolder]
    /// Whether the compiled-in files come last (always, outside tests).
    public var includesBuiltIn: Bool

    public init(folders: [DataFolder], includesBuiltIn: Bool = true) {
        self.folders = folders
        self.includesBuiltIn = includesBuiltIn
    }

    /// `root` (a folder holding `Assets/` and `Themes/`, such as a checkout) over the built-in data.
    public init(root: URL) {
        self.init(folders: [DataFolder(.given, root)])
    }

    /// The standard folders for this environment and program (see the type's comment). Never
    /// fails: a folder that does not exist adds nothing.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment,
                              executable: String? = nil) -> AssetLocator {
        AssetLocator(folders: standardFolders(environment: environment, executable: executable))
    }

    public static func standardFolders(environment: [String: String], executable: String? = nil) -> [DataFolder] {
        var folders: [DataFolder] = []
        if let home = environment["SYSDRAFT_HOME"], !home.isEmpty {
            folders.append(DataFolder(.sysdraftHome, URL(fileURLWithPath: home)))
        }
        if let data = dataHome(environment: environment) {
            folders.append(DataFolder(.dataHome, URL(fileURLWithPath: data)))
        }
        if let prefix = installPrefix(executable: executable ?? currentExecutable()) {
            folders.append(DataFolder(.prefix, prefix.appendingPathComponent("share/sysdraft")))
        }
        return folders
    }

    /// `$XDG_DATA_HOME/sysdraft`, or `~/.local/share/sysdraft` when XDG_DATA_HOME is unset, empty
    /// or relative (as the XDG spec asks); nil without either. The practice history lives here too.
    public static func dataHome(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return (xdg as NSString).appendingPathComponent("sysdraft")
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return (home as NSString).appendingPathComponent(".local/share/sysdraft")
    }

    /// PREFIX for a program at `PREFIX/bin/NAME` (symlinks followed); nil elsewhere.
    public static func installPrefix(executable: String) -> URL? {
        let exe = URL(fileURLWithPath: AtomicFile.resolveSymlinks(executable)).standardizedFileURL
        let bin = exe.deletingLastPathComponent()
        guard bin.lastPathComponent == "bin" else { return nil }
        return bin.deletingLastPathComponent()
    }

    /// The running program's path: /proc/self/exe where there is one, else argv[0] looked up in PATH.
    public static func currentExecutable() -> String {
        if let p = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return p }
        let arg0 = CommandLine.arguments.first ?? ""
        if arg0.contains("/") { return arg0 }
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let p = "\(dir)/\(arg0)"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return arg0
    }

    /// Every file compiled into the program, by repository path.
    public static var builtInPaths: [String] { BuiltinData.paths }

    // MARK: files

    /// The file at `path` (`Assets/stages.json`) from the first folder that has it, else built in.
    public func file(_ path: String) -> AssetFile? {
        candidates(path).first
    }

    /// Every copy of `path`, the one in use first, then the ones it hides.
    public func candidates(_ path: String) -> [AssetFile] {
        guard AssetFile.isSafe(path) else { return [] }
        var found: [AssetFile] = []
        for folder in folders {
            if let url = folder.location(of: path), Self.isFile(url) {
                found.append(AssetFile(path: path, origin: .folder(folder), url: url))
            }
        }
        if includesBuiltIn, BuiltinData.contains(path) {
            found.append(AssetFile(path: path, origin: .builtIn, url: nil))
        }
        return found
    }

    /// The files directly in `folder` (`Assets/problems`) whose names end in `suffix` (`.json`),
    /// one per name, from the first place that has it (each with the copies it hides), sorted
    /// by name. Hidden files are left out.
    public func files(in folder: String, suffix: String) -> [AssetFile] {
        var names = Set<String>()
        for dataFolder in folders {
            guard let url = dataFolder.location(of: folder) else { continue }
            for name in (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            where name.hasSuffix(suffix) && !name.hasPrefix(".") && Self.isFile(url.appendingPathComponent(name)) {
                names.insert(name)
            }
        }
        if includesBuiltIn {
            for path in BuiltinData.paths(in: folder) {
                let name = String(path.dropFirst(folder.count + 1))
                if name.hasSuffix(suffix) && !name.hasPrefix(".") { names.insert(name) }
            }
        }
        return names.sorted().compactMap { name in
            let all = candidates(folder + "/" + name)
            guard var first = all.first else { return nil }
            first.hides = Array(all.dropFirst())
            return first
        }
    }

    static func isFile(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    // MARK: the data sysdraft reads

    public static let cataloguePath = "Assets/stages.json"
    public static let examplesFolder = "Assets/examples"
    public static let plansFolder = "Assets/interview/plans"
    public static let problemsFolder = "Assets/problems"
    public static let themesFolder = "Themes"

    public func catalogue() throws -> StageCatalogue {
        guard let file = file(Self.cataloguePath) else {
            throw StorageError(path: Self.cataloguePath, message: "missing from this build of sysdraft")
        }
        let data = try file.data()
        do { return try StageCatalogue.decode(data) } catch {
            throw StorageError(path: file.display, message: "\(error)")
        }
    }

    /// Names of the example designs (file names without `.json`).
    public func exampleNames() -> [String] {
        files(in: Self.examplesFolder, suffix: ".json").map(\.name)
    }

    public func example(named name: String) -> AssetFile? {
        file(Self.examplesFolder + "/" + (name.hasSuffix(".json") ? name : "\(name).json"))
    }
}

/// A folder on disk that adds data files or replaces built-in ones.
public struct DataFolder: Sendable, Equatable {
    public enum Source: String, Sendable, CaseIterable {
        /// The user's config folder for one kind of file (`~/.config/sysdraft/themes`).
        case config
        case sysdraftHome
        case dataHome
        case prefix
        /// Named by the caller (tests).
        case given
    }

    public var source: Source
    public var url: URL
    /// nil when the folder is laid out like the repository (`Assets/…`, `Themes/…`); else the
    /// repository folder it stands for (`Themes` for `~/.config/sysdraft/themes`).
    public var standsFor: String?

    public init(_ source: Source, _ url: URL, standsFor: String? = nil) {
        self.source = source
        self.url = url.standardizedFileURL
        self.standsFor = standsFor
    }

    /// Where the file or folder known as `path` would be in this folder (nil: not here).
    public func location(of path: String) -> URL? {
        guard let standsFor else { return url.appendingPathComponent(path) }
        if path == standsFor { return url }
        guard path.hasPrefix(standsFor + "/") else { return nil }
        return url.appendingPathComponent(String(path.dropFirst(standsFor.count + 1)))
    }

    /// How the folder is found, for `sysdraft doctor`.
    public var label: String {
        switch source {
        case .config: "your \(standsFor.map { ($0 as NSString).lastPathComponent.lowercased() } ?? "") folder"
        case .sysdraftHome: "$SYSDRAFT_HOME"
        case .dataHome: "$XDG_DATA_HOME/sysdraft"
        case .prefix: "PREFIX/share/sysdraft"
        case .given: "data folder"
        }
    }
}

/// One data file: built in, or on disk in a data folder.
public struct AssetFile: Sendable {
    public enum Origin: Sendable, Equatable {
        case builtIn
        case folder(DataFolder)
    }

    /// Its path in the repository: `Assets/problems/chat-app.json`.
    public var path: String
    public var origin: Origin
    /// Where it is on disk (nil for a built-in file).
    public var url: URL?
    /// Copies of the same path further down the list that this one hides (filled in by `files(in:suffix:)`).
    public var hides: [AssetFile] = []

    public init(path: String, origin: Origin, url: URL?) {
        self.path = path
        self.origin = origin
        self.url = url
    }

    /// The file name without its extension: `chat-app`, `light`.
    public var name: String {
        ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    /// For messages: the path on disk, or `built-in:Assets/…`.
    public var display: String { url?.path ?? "built-in:" + path }

    public var isBuiltIn: Bool { origin == .builtIn }

    public func data() throws -> Data {
        if let url { return try AtomicFile.read(url.path) }
        guard let data = BuiltinData.data(path) else {
            throw StorageError(path: display, message: "missing from this build of sysdraft")
        }
        return data
    }

    /// A relative path that stays inside a data folder (no `..`, no leading `/`).
    static func isSafe(_ path: String) -> Bool {
        !path.hasPrefix("/") && !path.split(separator: "/").contains("..") && !path.isEmpty
    }
}
