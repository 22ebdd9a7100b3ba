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

/// Runs a program to completion and captures its output.
@discardableResult
func run(_ executable: String, _ args: [String], cwd: String? = nil, env: [String: String] = [:],
         stdin: String? = nil) throws -> RunResult {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: executable)
    p.arguments = args
    if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
    var environment = ProcessInfo.processInfo.environment
    for (k, v) in env { environment[k] = v }
    p.environment = environment
    // Output goes to files, not pipes: a chatty child can never block on a full pipe.
    let base = NSTemporaryDirectory() + "sysdraft-run-" + UUID().uuidString
    FileManager.default.createFile(atPath: base + ".out", contents: nil)
    FileManager.default.createFile(atPath: base + ".err", contents: nil)
    defer {
        try? FileManager.default.removeItem(atPath: base + ".out")
        try? FileManager.default.removeItem(atPath: base + ".err")
    }
    let out = try FileHandle(forWritingTo: URL(fileURLWithPath: base + ".out"))
    let err = try FileHandle(forWritingTo: URL(fileURLWithPath: base + ".err"))
    let input = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = input
    try p.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try? input.fileHandleForWriting.close()
    p.waitUntilExit()
    try? out.close()
    try? err.close()
    let outData = FileManager.default.contents(atPath: base + ".out") ?? Data()
    let errData = FileManager.default.contents(atPath: base + ".err") ?? Data()
    return RunResult(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                     stderr: String(decoding: errData, as: UTF8.self))
}

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
