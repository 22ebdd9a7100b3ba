import DesignModel
import DesignStorage
import Foundation
import Testing

private let currentVersion = Design.currentSchemaVersion
#if canImport(Glibc)
import Glibc
#endif

/// A corpus of bad inputs, generated here (nothing binary is committed), run through every
/// command that reads a design. For each: the documented exit code (1 for a file whose content
/// is wrong, 3 for a file that cannot be read), no hang, one line per problem on standard
/// error naming the file, nothing on standard output, no temporary file left, and the file
/// exactly as it was (bytes and modification time).
@Suite(.serialized) struct BadInputCorpusTests {
    enum Expect { case invalid, unreadable }

    struct Case {
        var name: String
        var expect: Expect
        /// What the message must say.
        var says: String
        /// Creates the input at the path (a file, a FIFO, a link...).
        var make: (String) throws -> Void
        /// Run as an ordinary user (root reads every file).
        var asNobody = false
    }

    static let readingCommands: [[String]] = [["validate"], ["fmt"], ["export"], ["export", "--format", "json"],
                                              ["summary"], ["diagram"]]

    static func good() throws -> String {
        String(decoding: try DesignCodec.encode(try DesignFile.load(Repo.example)), as: UTF8.self)
    }

    static func write(_ text: String) -> (String) throws -> Void {
        { try Data(text.utf8).write(to: URL(fileURLWithPath: $0)) }
    }

    static func writeBytes(_ bytes: [UInt8]) -> (String) throws -> Void {
        { try Data(bytes).write(to: URL(fileURLWithPath: $0)) }
    }

    static func cases() throws -> [Case] {
        let g = try good()
        let bytes = Array(g.utf8)
        func edited(_ from: String, _ to: String) -> String {
            let r = g.replacingOccurrences(of: from, with: to)
            precondition(r != g, "the corpus edit \(from) did not apply")
            return r
        }
        let interview = "\"schemaVersion\" : \(currentVersion),\n  \"interview\" : {\"plan\": \"standard\", \"phases\": "
        let deep = "{\"schemaVersion\": \(currentVersion), \"x\": " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "}"
        var nul = bytes
        nul[bytes.count / 2] = 0
        var invalid = bytes
        invalid[bytes.count / 2] = 0xFF
        return [
            Case(name: "truncated", expect: .invalid, says: "truncated", make: write(String(g.prefix(g.count / 2)))),
            Case(name: "not-json", expect: .invalid, says: "not valid JSON at line 1", make: write("this is not json")),
            Case(name: "empty", expect: .invalid, says: "the file is empty", make: write("")),
            Case(name: "wrong-type", expect: .invalid, says: "components[0].kind: expected a string",
                 make: write(edited("\"kind\" : \"client\"", "\"kind\" : [1]"))),
            Case(name: "huge-number", expect: .invalid, says: "interview.phases[0].plannedSeconds: expected a whole number, found 1e300",
                 make: write(edited("\"schemaVersion\" : \(currentVersion),", interview + "[{\"key\": \"a\", \"plannedSeconds\": 1e300}]},"))),
            Case(name: "int-max", expect: .invalid, says: "interview.phases[0].actualSeconds: 9223372036854775807 is outside",
                 make: write(edited("\"schemaVersion\" : \(currentVersion),", interview
                    + "[{\"key\": \"a\", \"plannedSeconds\": 60, \"actualSeconds\": 9223372036854775807}]},"))),
            Case(name: "current-phase", expect: .invalid, says: "interview.currentPhase: -9223372036854775808 is outside",
                 make: write(edited("\"schemaVersion\" : \(currentVersion),", interview
                    + "[{\"key\": \"a\", \"plannedSeconds\": 60}], \"currentPhase\": -9223372036854775808},"))),
            Case(name: "deep-nesting", expect: .invalid, says: "nested more than 512 levels deep", make: write(deep)),
            Case(name: "duplicate-key", expect: .invalid, says: "the key \"title\" appears twice",
                 make: write(edited("\"schemaVersion\" : \(currentVersion),", "\"schemaVersion\" : \(currentVersion),\n  \"title\" : \"Other\","))),
            Case(name: "invalid-utf8", expect: .invalid, says: "is not UTF-8", make: writeBytes(invalid)),
            Case(name: "nul-byte", expect: .invalid, says: "NUL", make: writeBytes(nul)),
            Case(name: "utf16-bom", expect: .invalid, says: "UTF-16 (little-endian, with a byte order mark) text; sysdraft reads UTF-8",
                 make: writeBytes([0xFF, 0xFE] + Array(g.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })),
            Case(name: "utf32", expect: .invalid, says: "UTF-32 (big-endian) text",
                 make: writeBytes(g.unicodeScalars.flatMap { s in (0..<4).reversed().map { UInt8((s.value >> (8 * $0)) & 0xFF) } })),
            Case(name: "lone-surrogate", expect: .invalid, says: "first half of a UTF-16 surrogate pair",
                 make: write(edited("\"title\" : \"URL shortener\"", "\"title\" : \"URL \\ud83d shortener\""))),
            Case(name: "schema-0-current-body", expect: .invalid, says: "schemaVersion says 0, but the file has",
                 make: write(edited("\"schemaVersion\" : \(currentVersion)", "\"schemaVersion\" : 0"))),
            Case(name: "schema-fraction", expect: .invalid, says: "schemaVersion must be a whole number, found 1.5",
                 make: write(edited("\"schemaVersion\" : \(currentVersion)", "\"schemaVersion\" : 1.5"))),
            Case(name: "newer-schema", expect: .invalid, says: "schemaVersion 99 is newer",
                 make: write(edited("\"schemaVersion\" : \(currentVersion)", "\"schemaVersion\" : 99"))),
            Case(name: "dangling", expect: .invalid, says: "missing component \"comp-404\"",
                 make: write(edited("\"to\" : \"comp-3\"", "\"to\" : \"comp-404\""))),
            Case(name: "fifo", expect: .unreadable, says: "is a named pipe (FIFO), not a design file", make: { _ = mkfifo($0, 0o644) }),
            Case(name: "directory", expect: .unreadable, says: "is a directory, not a design file",
                 make: { try FileManager.default.createDirectory(atPath: $0, withIntermediateDirectories: false) }),
            Case(name: "device", expect: .unreadable, says: "is a character device", make: { _ = symlink("/dev/zero", $0) }),
            Case(name: "symlink-loop", expect: .unreadable, says: "a loop of symbolic links", make: { _ = symlink($0, $0) }),
            Case(name: "too-large", expect: .unreadable, says: "is too large to be a design (65 MiB): sysdraft reads files up to 64 MiB",
                 make: { path in
                     let fd = open(path, O_WRONLY | O_CREAT, 0o644)
                     _ = ftruncate(fd, off_t(65 << 20))
                     close(fd)
                 }),
            Case(name: "unreadable", expect: .unreadable, says: "Permission denied",
                 make: { path in
                     try Data(g.utf8).write(to: URL(fileURLWithPath: path))
                     chmod(path, 0o000)
                 }, asNobody: true),
        ]
    }

    struct Snapshot: Equatable {
        var bytes: Data?
        var mtime: timespec?
        var mode: mode_t?

        init(_ path: String) {
            var st = stat()
            if lstat(path, &st) == 0 {
                mtime = st.st_mtim
                mode = st.st_mode
                if (st.st_mode & S_IFMT) == S_IFREG && st.st_size < 1 << 20 && st.st_mode & 0o444 != 0 {
                    bytes = FileManager.default.contents(atPath: path)
                }
            }
        }

        static func == (a: Snapshot, b: Snapshot) -> Bool {
            a.bytes == b.bytes && a.mode == b.mode
                && a.mtime?.tv_sec == b.mtime?.tv_sec && a.mtime?.tv_nsec == b.mtime?.tv_nsec
        }
    }

    /// Runs sysdraft with a hang guard (coreutils `timeout`: exit 124 when it had to stop it).
    static func runBounded(_ args: [String], asNobody: Bool) throws -> RunResult {
        var command = ["20", Repo.binary] + args
        if asNobody && getuid() == 0 {
            command = ["20", "/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", Repo.binary] + args
        }
        return try run("/usr/bin/timeout", command, env: ["SYSDRAFT_HOME": Repo.root.path])
    }

    @Test func everyReadingCommandRefusesEveryBadInputClearlyAndChangesNothing() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        for c in try Self.cases() {
            // A name with a newline and an escape sequence: it must not forge a line or reach
            // the terminal raw.
            let name = "\(c.name)\nsysdraft: forged \u{1b}[2J.json"
            let path = dir.file(name)
            try c.make(path)
            let shown = path.replacingOccurrences(of: "\n", with: "↵").replacingOccurrences(of: "\u{1b}", with: "^[")
            let before = Snapshot(path)
            for command in Self.readingCommands {
                let args = command + [path]
                let r = try Self.runBounded(args, asNobody: c.asNobody)
                let context = "\(c.name): \(command.joined(separator: " "))"
                #expect(r.status != 124, "\(context): hung")
                #expect(r.status == (c.expect == .invalid ? 1 : 3), "\(context): exit \(r.status), \(r.stderr)")
                #expect(r.stdout.isEmpty, "\(context): printed \(r.stdout.prefix(200))")
                let lines = r.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
                #expect(!lines.isEmpty, "\(context): no message")
                for line in lines {
                    #expect(line.hasPrefix("sysdraft: \(shown): "), "\(context): a line that does not name the file: \(line)")
                }
                #expect(r.stderr.contains(c.says), "\(context): \(r.stderr)")
                #expect(!r.stderr.contains("\u{1b}") && !r.stderr.contains("\nsysdraft: forged"), "\(context): \(r.stderr.debugDescription)")
                #expect(Snapshot(path) == before, "\(context): the input changed")
            }
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".tmp-") }
            #expect(leftovers.isEmpty, "\(c.name): \(leftovers)")
            chmod(path, 0o644)
        }
    }

    /// A design with many problems of one kind says each on its own line, naming the file.
    @Test func manyFindingsAreOneLineEach() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        var g = try Self.good()
        for to in ["comp-3", "comp-4", "comp-5"] {
            g = g.replacingOccurrences(of: "\"to\" : \"\(to)\"", with: "\"to\" : \"gone-\(to)\"")
        }
        let path = try dir.write("many.json", g)
        for command in Self.readingCommands {
            let r = try run(Repo.binary, command + [path])
            let lines = r.stderr.split(separator: "\n")
            #expect(r.status == 1)
            #expect(lines.count >= 3, "\(command): \(r.stderr)")
            #expect(lines.allSatisfy { $0.hasPrefix("sysdraft: \(path): error: flows[") }, "\(command): \(r.stderr)")
        }
    }
}
