import DesignModel
import DesignStorage
import Estimates
import Foundation
import Testing

/// A temporary folder with files written into it.
struct Scratch {
    let url: URL
    init() throws {
        url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("sysdraft-assets-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    func folder(_ name: String) -> URL { url.appendingPathComponent(name) }
    @discardableResult
    func write(_ path: String, _ text: String) throws -> URL {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file
    }
    func cleanup() { try? FileManager.default.removeItem(at: url) }
}

@Suite struct AssetLocatorTests {
    @Test func theBuiltInDataAloneHasTheCatalogueExamplesAndEstimates() throws {
        let assets = AssetLocator(folders: [])
        #expect(try assets.catalogue().stages.map(\.key) == StageKey.allCases)
        #expect(assets.exampleNames().contains("url-shortener"))
        let example = try #require(assets.example(named: "url-shortener"))
        #expect(example.isBuiltIn && example.url == nil)
        #expect(example.display == "built-in:Assets/examples/url-shortener.json")
        #expect(try DesignCodec.decode(try example.data()).components.count > 0)
        #expect(try !assets.referenceCard().powersOfTwo.isEmpty)
        #expect(try !assets.estimateTemplates().templates.isEmpty)
    }

    @Test func aFolderAddsFilesAndReplacesBuiltInOnesByName() throws {
        let s = try Scratch()
        defer { s.cleanup() }
        try s.write("home/Assets/problems/my-own.json", "{}")
        let replaced = try s.write("home/Assets/problems/chat-app.json", "{\"x\": 1}")
        try s.write("home/Assets/problems/.hidden.json", "{}")
        try s.write("home/Assets/problems/notes.txt", "not a problem")
        let assets = AssetLocator(folders: [DataFolder(.sysdraftHome, s.folder("home"))])
        let files = assets.files(in: AssetLocator.problemsFolder, suffix: ".json")
        let names = files.map(\.name)
        #expect(names.contains("my-own") && names.contains("chat-app") && names.contains("url-shortener"))
        #expect(!names.contains(".hidden") && !names.contains("notes"))
        #expect(names == names.sorted())
        let chat = try #require(files.first { $0.name == "chat-app" })
        #expect(chat.url?.path == replaced.standardizedFileURL.path)
        #expect(chat.hides.map(\.isBuiltIn) == [true])
        #expect(try chat.data() == Data("{\"x\": 1}".utf8))
        #expect(files.first { $0.name == "url-shortener" }?.isBuiltIn == true)
        #expect(files.first { $0.name == "my-own" }?.hides.isEmpty == true)
    }

    @Test func foldersComeInOrderAndAConfigFolderStandsForOneRepositoryFolder() throws {
        let s = try Scratch()
        defer { s.cleanup() }
        for f in ["home", "data", "prefix"] { try s.write("\(f)/Themes/light.toml", f) }
        try s.write("config-themes/light.toml", "config")
        try s.write("config-themes/Themes/nord.toml", "nested: not a theme of the config folder")
        let assets = AssetLocator(folders: [
            DataFolder(.config, s.folder("config-themes"), standsFor: AssetLocator.themesFolder),
            DataFolder(.sysdraftHome, s.folder("home")), DataFolder(.dataHome, s.folder("data")),
            DataFolder(.prefix, s.folder("prefix")),
        ])
        let copies = assets.candidates("Themes/light.toml")
        #expect(try copies.map { String(decoding: try $0.data(), as: UTF8.self) }.dropLast() == ["config", "home", "data", "prefix"])
        #expect(copies.last?.isBuiltIn == true)
        #expect(assets.file("Themes/nord.toml")?.isBuiltIn == true)
        // The config folder for themes has nothing to say about other data.
        #expect(assets.file("Assets/stages.json")?.isBuiltIn == true)
    }

    @Test func theStandardFoldersFollowTheEnvironmentAndTheProgramsPlace() {
        let env = ["SYSDRAFT_HOME": "/opt/sd", "XDG_DATA_HOME": "/xdg/data", "HOME": "/home/u"]
        let folders = AssetLocator.standardFolders(environment: env, executable: "/usr/local/bin/sysdraft")
        #expect(folders.map(\.source) == [.sysdraftHome, .dataHome, .prefix])
        #expect(folders.map(\.url.path) == ["/opt/sd", "/xdg/data/sysdraft", "/usr/local/share/sysdraft"])
        // A relative XDG_DATA_HOME is ignored (XDG spec); a program outside a bin/ folder has no PREFIX.
        let other = AssetLocator.standardFolders(environment: ["XDG_DATA_HOME": "rel", "HOME": "/h"],
                                                 executable: "/tmp/somewhere/sysdraft")
        #expect(other.map(\.url.path) == ["/h/.local/share/sysdraft"])
        #expect(AssetLocator.standardFolders(environment: [:], executable: "/tmp/x/sysdraft").isEmpty)
    }

    @Test func anInstalledProgramFindsItsShareFolderThroughASymlink() throws {
        let s = try Scratch()
        defer { s.cleanup() }
        let program = try s.write("prefix/bin/sysdraft", "")
        try FileManager.default.createDirectory(at: s.folder("elsewhere"), withIntermediateDirectories: true)
        let link = s.folder("elsewhere/sysdraft")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: program)
        #expect(AssetLocator.installPrefix(executable: link.path)?.path == s.folder("prefix").standardizedFileURL.path)
    }

    @Test func pathsCannotLeaveADataFolder() throws {
        let s = try Scratch()
        defer { s.cleanup() }
        try s.write("secret.json", "{}")
        let assets = AssetLocator(folders: [DataFolder(.given, s.folder("data"))])
        #expect(assets.file("../secret.json") == nil)
        #expect(assets.file("/etc/passwd") == nil)
        #expect(assets.example(named: "../../secret") == nil)
    }

    @Test func aBrokenCatalogueInAFolderNamesTheFile() throws {
        let s = try Scratch()
        defer { s.cleanup() }
        let bad = try s.write("home/Assets/stages.json", "{ not json")
        let assets = AssetLocator(root: s.folder("home"))
        #expect {
            try assets.catalogue()
        } throws: { error in
            "\(error)".hasPrefix(bad.standardizedFileURL.path + ":")
        }
    }
}
