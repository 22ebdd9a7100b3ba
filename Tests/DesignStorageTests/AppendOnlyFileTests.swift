import DesignStorage
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The practice history's file: only ever appended to, one line per write.
@Suite struct AppendOnlyFileTests {
    @Test func linesAreAppendedAndTheDirectoryIsCreated() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.file("data/sysdraft/history.jsonl")
        try AppendOnlyFile.append(Data("one\n".utf8), to: path)
        try AppendOnlyFile.append(Data("two\n".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "one\ntwo\n")
        var st = stat()
        #expect(stat(dir.file("data/sysdraft"), &st) == 0 && st.st_mode & 0o777 == 0o700)
    }

    @Test func existingBytesAreNeverRewrittenAndATornLineIsClosedOff() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.file("history.jsonl")
        // A previous writer died in the middle of its line.
        let before = Data("{\"a\":1}\n{\"b\":".utf8)
        try before.write(to: URL(fileURLWithPath: path))
        var st = stat()
        #expect(stat(path, &st) == 0)
        let inode = st.st_ino
        try AppendOnlyFile.append(Data("{\"c\":3}\n".utf8), to: path)
        let after = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(after.prefix(before.count) == before, "what was there is untouched")
        #expect(String(decoding: after, as: UTF8.self) == "{\"a\":1}\n{\"b\":\n{\"c\":3}\n", "the new line starts on its own line")
        #expect(stat(path, &st) == 0 && st.st_ino == inode, "the same file, not a replacement")
    }

    @Test func anUnwritablePlaceIsAClearError() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        try Data().write(to: URL(fileURLWithPath: dir.file("file")))
        do {
            try AppendOnlyFile.append(Data("x\n".utf8), to: dir.file("file/history.jsonl"))
            Issue.record("appended under a regular file")
        } catch let e as StorageError {
            #expect(e.path.hasSuffix("file/history.jsonl") || e.path.hasSuffix("/file"))
        }
    }
}
