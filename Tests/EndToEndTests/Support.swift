import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The repository root and the built binary the tests drive.
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `$SYSDRAFT_BIN`, else the debug build in `.build/debug` (`make test` builds it first).
    static var binary: String {
        if let b = ProcessInfo.processInfo.environment["SYSDRAFT_BIN"], !b.isEmpty { return b }
        return root.appendingPathComponent(".build/debug/sysdraft").path
    }

    static var example: String { root.appendingPathComponent("Assets/examples/url-shortener.json").path }
}

struct RunResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs a program to completion and captures its output. Uses posix_spawn and waitpid rather
/// than Foundation's Process, whose exit detection hangs when the child leaves a daemon behind
/// (the tmux server does).
@discardableResult
func run(_ executable: String, _ args: [String], cwd: String? = nil, env: [String: String] = [:],
         stdin: String? = nil) throws -> RunResult {
    let base = NSTemporaryDirectory() + "sysdraft-run-" + UUID().uuidString
    let outPath = base + ".out", errPath = base + ".err", inPath = base + ".in"
    try Data((stdin ?? "").utf8).write(to: URL(fileURLWithPath: inPath))
    defer {
        for p in [outPath, errPath, inPath] { try? FileManager.default.removeItem(atPath: p) }
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, inPath, O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

    var environment = ProcessInfo.processInfo.environment
    for (k, v) in env { environment[k] = v }
    // `env -C DIR` changes directory in the child (posix_spawn's chdir action is not exported).
    let command = cwd.map { ["/usr/bin/env", "-C", $0, executable] + args } ?? ([executable] + args)
    let argv = command.map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
        argv.forEach { free($0) }
        envp.forEach { free($0) }
    }
    // The test runner blocks some signals; a child (and the tmux server it may leave behind)
    // must start with none blocked and default handlers, or kill-server and SIGTERM do nothing.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for sig in [SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGPIPE, SIGCHLD] { sigaddset(&defaults, sig) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var pid: pid_t = 0
    let rc = posix_spawn(&pid, command[0], &actions, &attributes, argv, envp)
    guard rc == 0 else { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EIO) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let exitStatus: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return RunResult(status: exitStatus,
                     stdout: String(decoding: FileManager.default.contents(atPath: outPath) ?? Data(), as: UTF8.self),
                     stderr: String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self))
}

@discardableResult
func sysdraft(_ args: String..., cwd: String? = nil, env: [String: String] = [:]) throws -> RunResult {
    try run(Repo.binary, args, cwd: cwd, env: env)
}

struct TempDir {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "sysdraft-e2e-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        chmod(path, 0o755)
    }

    func file(_ name: String) -> String { path + "/" + name }

    func write(_ name: String, _ text: String) throws -> String {
        let p = file(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: p))
        return p
    }

    func cleanup() {
        chmod(path, 0o755)
        try? FileManager.default.removeItem(atPath: path)
    }
}

func contents(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }
