import DesignModel
import DesignStorage
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite struct AtomicSaveTests {
    @Test func saveThenLoadIsByteIdentical() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.file("d.json")
        try DesignFile.save(sampleDesign(), to: path)
        let first = try Data(contentsOf: URL(fileURLWithPath: path))
        let loaded = try DesignFile.load(path)
        try DesignFile.save(loaded, to: path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == first)
        #expect(leftovers(in: dir.path).isEmpty)
    }

    @Test func permissionBitsAreKept() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.file("private.json")
        try DesignFile.save(sampleDesign(), to: path)
        chmod(path, 0o600)
        try DesignFile.save(sampleDesign(components: 5), to: path)
        var st = stat()
        stat(path, &st)
        #expect(st.st_mode & 0o777 == 0o600)
        #expect(try DesignFile.load(path).components.count == 5)
    }

    @Test func aSymlinkIsFollowedNotReplaced() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        try FileManager.default.createDirectory(atPath: dir.file("real"), withIntermediateDirectories: true)
        let target = dir.file("real/design.json")
        try DesignFile.save(sampleDesign(), to: target)
        let link = dir.file("link.json")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real/design.json")
        try DesignFile.save(sampleDesign(components: 7), to: link)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real/design.json")
        #expect(try DesignFile.load(target).components.count == 7)
        #expect(leftovers(in: dir.file("real")).isEmpty)
    }

    @Test func saveIntoAReadOnlyDirectoryFailsAndKeepsTheOriginal() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        // Root ignores permission bits, so use a read-only mount where we may mount, else chmod.
        let folder: String
        var remounted = false
        if let mnt = dir.mountTmpfs(sizeKB: 1024) {
            folder = mnt
        } else {
            folder = dir.file("ro")
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        let path = folder + "/design.json"
        try DesignFile.save(sampleDesign(), to: path)
        let before = sha(path)
        if folder.hasSuffix("/mnt") {
            remounted = TempDir.sh("mount", "-o", "remount,ro", folder) == 0
        } else {
            chmod(folder, 0o555)
        }
        try #require(remounted || getuid() != 0, "cannot make a read-only directory here")
        #expect {
            try DesignFile.save(sampleDesign(components: 9), to: path)
        } throws: { error in
            let message = "\(error)"
            return message.contains(path) && (message.contains("Read-only") || message.contains("Permission"))
        }
        #expect(sha(path) == before)
        #expect(leftovers(in: folder).isEmpty)
    }

    /// Needs a small tmpfs, which only root may mount. As root (CI) the test runs, and a mount
    /// that fails is a failure, not a skip; as anyone else it is reported as skipped.
    @Test(.enabled(if: getuid() == 0, "mounting a small tmpfs needs root: the disk-full case is skipped"))
    func aFullDiskFailsAndKeepsTheOriginal() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let mnt = try #require(dir.mountTmpfs(sizeKB: 64), "running as root but cannot mount a tmpfs")
        let path = mnt + "/design.json"
        try DesignFile.save(sampleDesign(components: 2), to: path)
        let before = sha(path)
        #expect {
            try DesignFile.save(sampleDesign(components: 2000), to: path)  // ~200 KB > 64 KB
        } throws: { error in "\(error)".contains("No space left") }
        #expect(sha(path) == before)
        #expect(leftovers(in: mnt).isEmpty, "the temporary file is removed")
        #expect(try DesignFile.load(path).components.count == 2)
    }

    @Test func loadErrorsNameTheFile() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        func loadError(_ path: String) -> String? {
            do { _ = try DesignFile.load(path); return nil } catch { return error.description }
        }
        let missing = dir.file("nope.json")
        #expect(loadError(missing) == "\(missing): no such file")
        let bad = dir.file("bad.json")
        try Data("{ not json".utf8).write(to: URL(fileURLWithPath: bad))
        let badMessage = try #require(loadError(bad), "a file that is not JSON must not load")
        #expect(badMessage.hasPrefix("\(bad): not valid JSON at line 1"), "\(badMessage)")
        let dirMessage = try #require(loadError(dir.path), "a directory must not load")
        #expect(dirMessage.hasPrefix("\(dir.path): is a directory"), "\(dirMessage)")
    }
}
