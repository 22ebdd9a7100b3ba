import DesignModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A fresh directory under the system temp folder, removed by `cleanup()`.
struct TempDir {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "sysdraft-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    func cleanup() {
        _ = Self.sh("umount", path + "/mnt")
        chmod(path, 0o755)
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Runs a command, returns its exit status.
    @discardableResult
    static func sh(_ args: String...) -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = args
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return -1 }
        p.waitUntilExit()
        return p.terminationStatus
    }

    /// Mounts a small tmpfs at `<dir>/mnt`, when this process may mount (root in CI). Returns its path.
    func mountTmpfs(sizeKB: Int) -> String? {
        let mnt = path + "/mnt"
        try? FileManager.default.createDirectory(atPath: mnt, withIntermediateDirectories: true)
        return Self.sh("mount", "-t", "tmpfs", "-o", "size=\(sizeKB)k", "tmpfs", mnt) == 0 ? mnt : nil
    }
}

func sampleDesign(components: Int = 3) -> Design {
    var d = Design(title: "Storage sample", problem: "p", now: Date(timeIntervalSince1970: 1_790_000_000))
    for i in 0..<components {
        d.addComponent(name: "Component \(i)", kind: .service, responsibility: String(repeating: "r", count: 40))
    }
    return d
}

func sha(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

func leftovers(in dir: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.contains(".tmp-") }
}
