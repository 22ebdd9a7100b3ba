import DesignModel
@testable import DesignStorage
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Runs `body` on its own thread and waits up to `seconds` for it. A body that is still blocked
/// then is reported as a hang, and `unblock` is run so the thread can finish (a FIFO reader is
/// released by opening the other end). A guard against hangs, not a timing assertion.
final class ResultBox<T>: @unchecked Sendable {
    var value: T?
    init() {}
}

func finishes<T: Sendable>(within seconds: Double = 20, unblock: () -> Void = {}, _ body: @escaping @Sendable () -> T) -> T? {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
        box.value = body()
        done.signal()
    }
    if done.wait(timeout: .now() + seconds) == .timedOut {
        unblock()
        done.wait()
        return nil
    }
    return box.value
}

@Suite struct CheckedReadTests {
    func readError(_ path: String, limit: Int = CheckedRead.designSizeLimit, unblock: () -> Void = {}) -> String? {
        let result = finishes(unblock: unblock) { () -> String in
            do {
                _ = try CheckedRead.read(path, limit: limit)
                return "(read without error)"
            } catch {
                return "\(error)"
            }
        }
        return result
    }

    @Test func aFIFOWithNoWriterIsRefusedWithoutBlocking() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let fifo = dir.file("pipe.json")
        #expect(mkfifo(fifo, 0o644) == 0)
        let message = readError(fifo) {
            let fd = open(fifo, O_WRONLY | O_NONBLOCK)
            if fd >= 0 { close(fd) }
        }
        let m = try #require(message, "reading a FIFO blocked")
        #expect(m == "\(fifo): is a named pipe (FIFO), not a design file; sysdraft reads regular files only")
    }

    @Test func devicesDirectoriesAndSocketsAreRefused() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        for (path, says) in [("/dev/zero", "is a character device, not a design file"), ("/dev/urandom", "is a character device"),
                             (dir.path, "is a directory, not a design file")] {
            let m = readError(path)
            #expect(m?.contains(says) == true, "\(path): \(m ?? "blocked")")
        }

        let socketPath = dir.file("s.sock")
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &addr.sun_path) { raw in
            let bytes = Array(socketPath.utf8)
            for (i, b) in bytes.prefix(raw.count - 1).enumerated() { raw[i] = b }
        }
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        try #require(bound == 0, "cannot bind a unix socket here")
        #expect(readError(socketPath)?.contains("is a socket, not a design file") == true)
    }

    @Test func symlinksAreFollowedButLoopsAreNamed() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        try Data("{}".utf8).write(to: URL(fileURLWithPath: dir.file("real.json")))
        symlink("real.json", dir.file("link.json"))
        #expect(try CheckedRead.read(dir.file("link.json")) == Data("{}".utf8))
        symlink("b.json", dir.file("a.json"))
        symlink("a.json", dir.file("b.json"))
        #expect(readError(dir.file("a.json")) == "\(dir.file("a.json")): cannot open: a loop of symbolic links (or too many in a row)")
        #expect(readError(dir.file("missing.json")) == "\(dir.file("missing.json")): no such file")
        #expect(readError(dir.file("real.json/x")) == "\(dir.file("real.json/x")): no such file (a part of the path is not a folder)")
    }

    /// A 65 MiB file (sparse, so the test is quick) is refused before a byte of it is read;
    /// the limit is documented in the message.
    @Test func filesOverTheLimitAreRefusedBeforeReading() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let big = dir.file("big.json")
        let fd = open(big, O_WRONLY | O_CREAT, 0o644)
        #expect(ftruncate(fd, off_t(CheckedRead.designSizeLimit + (1 << 20))) == 0)
        close(fd)
        #expect(readError(big) == "\(big): is too large to be a design (65 MiB): sysdraft reads files up to 64 MiB; nothing was read")
        // Exactly at the limit is fine; one byte over is not.
        let small = dir.file("small.json")
        try Data(repeating: 0x20, count: 100).write(to: URL(fileURLWithPath: small))
        #expect(try CheckedRead.read(small, limit: 100).count == 100)
        #expect(readError(small, limit: 99)?.contains("is too large to be a design") == true)
    }

    @Test func anEmptyFileAndProcFilesAreReadWhole() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        FileManager.default.createFile(atPath: dir.file("empty.json"), contents: Data())
        #expect(try CheckedRead.read(dir.file("empty.json")).isEmpty)
        // /proc files say size 0 but have content: read to the end, not to the size.
        let status = try CheckedRead.read("/proc/self/status")
        #expect(String(decoding: status, as: UTF8.self).contains("Pid:"))
    }

    /// Every reader goes through the same function: the design loader, the raw bytes for the
    /// workspace, and `AtomicFile.read`.
    @Test func everyReaderUsesTheCheckedRead() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let fifo = dir.file("pipe.json")
        #expect(mkfifo(fifo, 0o644) == 0)
        let release = {
            let fd = open(fifo, O_WRONLY | O_NONBLOCK)
            if fd >= 0 { close(fd) }
        }
        let load = finishes(unblock: release) { () -> String in
            do { _ = try DesignFile.load(fifo); return "loaded" } catch { return "\(error)" }
        }
        #expect(load?.contains("is a named pipe (FIFO)") == true, "\(load ?? "blocked")")
        let bytes = finishes(unblock: release) { () -> String in
            do { _ = try DesignFile.readBytes(fifo); return "read" } catch { return "\(error)" }
        }
        #expect(bytes?.contains("is a named pipe (FIFO)") == true, "\(bytes ?? "blocked")")
        let atomic = finishes(unblock: release) { () -> String in
            do { _ = try AtomicFile.read(fifo); return "read" } catch { return "\(error)" }
        }
        #expect(atomic?.contains("is a named pipe (FIFO)") == true, "\(atomic ?? "blocked")")
    }
}

@Suite struct TemporaryFileCleanupTests {
    /// A pid that certainly does not run: a child that has exited and been reaped.
    static func deadPID() -> Int32 {
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/true"), nil]
        defer { argv.forEach { free($0) } }
        _ = posix_spawn(&pid, "/bin/true", nil, nil, argv, environ)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return pid
    }

    @Test func namesCarryTheWritersPid() {
        #expect(TemporaryFiles.template(dir: "/d", base: "x.json", pid: 42) == "/d/.x.json.tmp-42-XXXXXX")
        #expect(TemporaryFiles.writer(ofEntry: ".x.json.tmp-42-Ab12Cd", base: "x.json") == .named(42))
        #expect(TemporaryFiles.writer(ofEntry: ".x.json.tmp-Ab12Cd", base: "x.json") == .unnamed)
        for other in [".x.json.tmp-42-Ab12C", ".x.json.tmp--Ab12Cd", ".x.json.tmp-4x-Ab12Cd", ".y.json.tmp-42-Ab12Cd",
                      "x.json.tmp-42-Ab12Cd", ".x.json.tmp-toolongname", ".x.json.tmp-0-Ab12Cd", ".x.json.tmp-42-Ab.2Cd",
                      ".x.json.tmp-99999999999-Ab12Cd"] {
            #expect(TemporaryFiles.writer(ofEntry: other, base: "x.json") == nil, "\(other)")
        }
    }

    /// The next save of the same file removes what killed saves left, and only that: a temp
    /// file whose writer still runs, older builds' temp files, and other files stay.
    @Test func theNextSaveRemovesLeftoversOfWritersThatAreGone() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let doc = dir.file("d.json")
        try DesignFile.save(sampleDesign(), to: doc)
        let dead = Self.deadPID()
        let live = getppid()
        let names = [".d.json.tmp-\(dead)-Ab12Cd", ".d.json.tmp-\(live)-Ab12Cd", ".d.json.tmp-\(getpid())-Zz99Yy",
                     ".d.json.tmp-Ab12Cd", ".e.json.tmp-\(dead)-Ab12Cd", "notes.txt"]
        for n in names { FileManager.default.createFile(atPath: dir.file(n), contents: Data("partial".utf8)) }
        try DesignFile.save(sampleDesign(components: 4), to: doc)
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: dir.path))
        #expect(left == ["d.json", ".d.json.tmp-\(live)-Ab12Cd", ".d.json.tmp-\(getpid())-Zz99Yy", ".d.json.tmp-Ab12Cd",
                         ".e.json.tmp-\(dead)-Ab12Cd", "notes.txt"])
        #expect(try DesignFile.load(doc).components.count == 4)
    }

    /// The lock holder's clean-up on open is the same function, also taking older builds' names.
    @Test func theLockHolderAlsoRemovesOlderBuildsTempFiles() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let doc = dir.file("d.json")
        try DesignFile.save(sampleDesign(), to: doc)
        let dead = Self.deadPID(), live = getppid()
        let names = [".d.json.tmp-\(dead)-Ab12Cd", ".d.json.tmp-\(live)-Ab12Cd", ".d.json.tmp-Ab12Cd",
                     "..d.json.sysdraft-recovery.tmp-\(dead)-x9Y8z7", "..d.json.sysdraft-recovery.tmp-x9Y8z7"]
        for n in names { FileManager.default.createFile(atPath: dir.file(n), contents: Data("x".utf8)) }
        let removed = RecoveryFile(for: doc).removeAbandonedTemporaryFiles()
        #expect(Set(removed) == [".d.json.tmp-\(dead)-Ab12Cd", ".d.json.tmp-Ab12Cd",
                                 "..d.json.sysdraft-recovery.tmp-\(dead)-x9Y8z7", "..d.json.sysdraft-recovery.tmp-x9Y8z7"])
        #expect(FileManager.default.fileExists(atPath: dir.file(".d.json.tmp-\(live)-Ab12Cd")), "its writer still runs")
    }
}
