import Foundation
import Testing

extension Repo {
    /// `$SYSDRAFT_RELEASE_BIN`, else the release build `make install` ships (`make release-static`,
    /// which `make test` runs before the tests).
    static var releaseBinary: String {
        if let b = ProcessInfo.processInfo.environment["SYSDRAFT_RELEASE_BIN"], !b.isEmpty { return b }
        return root.appendingPathComponent(".build/release/sysdraft").path
    }
}

/// A place to run sysdraft as a stranger's machine would: empty HOME and XDG folders, no
/// SYSDRAFT_HOME, nothing inherited from the test's environment (`env -i`), a UTF-8 locale.
struct CleanRoom {
    let dir: TempDir
    var home: String { dir.file("home") }
    var config: String { dir.file("config") }
    var data: String { dir.file("data") }
    /// The working folder the commands run in.
    var work: String { dir.file("work") }
    /// Added to the environment (PATH for an installed copy, NO_COLOR, …).
    var extra: [String: String] = [:]

    init() throws {
        dir = try TempDir()
        for f in ["home", "config", "data", "cache", "state", "work"] {
            try FileManager.default.createDirectory(atPath: dir.file(f), withIntermediateDirectories: true)
        }
    }

    var environment: [String: String] {
        var env = ["HOME": home, "XDG_CONFIG_HOME": config, "XDG_DATA_HOME": data, "XDG_CACHE_HOME": dir.file("cache"),
                   "XDG_STATE_HOME": dir.file("state"), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "TERM": "xterm-256color"]
        for (k, v) in extra { env[k] = v }
        return env
    }

    /// `env -i K=V …`, the start of a command line.
    var envPrefix: [String] { ["/usr/bin/env", "-i"] + environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" } }

    /// Runs `program args` in `work` (or `cwd`) with only this room's environment.
    @discardableResult
    func run(_ program: String, _ args: [String], cwd: String? = nil, stdin: String? = nil) throws -> RunResult {
        let command = envPrefix + [program] + args
        return try EndToEndTests.run(command[0], Array(command.dropFirst()), cwd: cwd ?? work, stdin: stdin)
    }

    /// The same command for a tmux session's shell line (single-quoted values; no `"` or `$`).
    func shellLine(_ program: String, _ args: [String], environment extraShell: [String: String] = [:]) -> String {
        var env = environment
        for (k, v) in extraShell { env[k] = v }
        let assignments = env.sorted { $0.key < $1.key }.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        return "env -i \(assignments) '\(program)' " + args.map { "'\($0)'" }.joined(separator: " ")
    }

    func file(_ name: String) -> String { work + "/" + name }

    func cleanup() { dir.cleanup() }
}

/// The command tree as ArgumentParser describes it (`--experimental-dump-help`).
struct CommandTree {
    struct Command: Decodable {
        var commandName: String
        var shouldDisplay: Bool?
        var subcommands: [Command]?
        var arguments: [Argument]?
    }

    struct Argument: Decodable {
        struct Name: Decodable { var kind: String; var name: String }
        var kind: String
        var shouldDisplay: Bool
        var names: [Name]?
        var valueName: String?
        var allValues: [String]?
    }

    private struct Root: Decodable { var command: Command }

    let root: Command

    init(binary: String = Repo.binary) throws {
        let r = try EndToEndTests.run(binary, ["--experimental-dump-help"])
        try #require(r.status == 0, "\(r.stderr)")
        root = try JSONDecoder().decode(Root.self, from: Data(r.stdout.utf8)).command
    }

    var subcommands: [Command] { root.subcommands ?? [] }

    func command(_ name: String) -> Command? { subcommands.first { $0.commandName == name } }

    /// The values an option of a command accepts (`export --format`: markdown, mermaid, …).
    func values(_ command: String, option: String) -> [String] {
        self.command(command)?.arguments?.first { $0.names?.contains { $0.name == option } == true }?.allValues ?? []
    }
}

/// The repository's data files: names in a folder, without the extension.
func repositoryNames(_ folder: String, suffix: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: Repo.root.appendingPathComponent(folder).path)
        .filter { $0.hasSuffix(suffix) && !$0.hasPrefix(".") }.map { String($0.dropLast(suffix.count)) }.sorted()
}
