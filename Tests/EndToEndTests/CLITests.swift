import DesignModel
import Foundation
import DesignModel
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite struct CLITests {
    @Test func versionAndHelp() throws {
        let v = try sysdraft("--version")
        #expect(v.status == 0)
        #expect(v.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
        let h = try sysdraft("--help")
        #expect(h.status == 0)
        for word in ["new", "validate", "fmt", "Exit codes", "64"] {
            #expect(h.stdout.contains(word), "help mentions \(word)")
        }
        let bad = try sysdraft("validate", "--no-such-flag", "x.json")
        #expect(bad.status == 64)
    }

    @Test func newCreatesAValidDesignAndRefusesToOverwrite() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.file("chat-app.json")
        let created = try sysdraft("new", path)
        #expect(created.status == 0)
        let v = try sysdraft("validate", path)
        #expect(v.status == 0, "\(v.stderr)")
        #expect(v.stdout.contains("\"Chat app\""))
        let before = contents(path)
        let again = try sysdraft("new", path, "--title", "Other")
        #expect(again.status == 3)
        #expect(again.stderr.contains("already exists"))
        #expect(contents(path) == before)
    }

    @Test func newFromTheExampleCopiesIt() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.file("copy.json")
        #expect(try sysdraft("new", path, "--from", "url-shortener", "--title", "My shortener").status == 0)
        let v = try sysdraft("validate", path)
        #expect(v.status == 0)
        #expect(v.stdout.contains("My shortener"))
        let missing = try sysdraft("new", dir.file("x.json"), "--from", "no-such-example")
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("url-shortener"), "lists what is available")
    }

    @Test func theWorkedExampleIsValidAndCanonical() throws {
        let v = try sysdraft("validate", "--strict", Repo.example)
        #expect(v.status == 0, "\(v.stdout)\(v.stderr)")
        let f = try sysdraft("fmt", "--check", Repo.example)
        #expect(f.status == 0, "the example is stored in canonical form: \(f.stdout)")
    }

    @Test func fmtRoundTripsAnUnchangedFileByteForByte() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.file("d.json")
        try sysdraft("new", path, "--from", "url-shortener")
        let before = contents(path)
        let f = try sysdraft("fmt", path)
        #expect(f.status == 0)
        #expect(f.stdout.isEmpty, "nothing to rewrite")
        #expect(contents(path) == before)
    }

    @Test func fmtUpgradesAnOlderSchema() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let fixture = Repo.root.appendingPathComponent("Tests/DesignModelTests/Fixtures/v0-prototype.json")
        let path = dir.file("old.json")
        try FileManager.default.copyItem(atPath: fixture.path, toPath: path)
        #expect(try sysdraft("fmt", "--check", path).status == 1)
        #expect(try sysdraft("fmt", path).status == 0)
        let text = String(decoding: contents(path)!, as: UTF8.self)
        #expect(text.contains("\"schemaVersion\" : \(Design.currentSchemaVersion)"))
        #expect(text.contains("\"title\" : \"Paste bin (prototype file)\""))
        #expect(try sysdraft("fmt", "--check", path).status == 0)
    }

    /// Each kind of bad file: non-zero exit, a message naming the file and the problem, and the
    /// file byte-for-byte as it was — also after commands that would write (`fmt`).
    @Test(arguments: [
        ("not-json.json", "this is not json", "not valid JSON at line 1"),
        ("truncated.json", "{\n  \"schemaVersion\" : 1,\n  \"title\" : \"x", "not valid JSON"),
        ("wrong-type.json", "TYPE", "components[0].kind"),
        ("dangling.json", "DANGLING", "missing component \"comp-404\""),
        ("newer.json", "NEWER", "schemaVersion 99 is newer"),
        ("empty.json", "", "the file is empty"),
        ("array.json", "[]", "top level must be a JSON object"),
    ])
    func badInputIsRefusedAndLeftUntouched(name: String, content: String, expected: String) throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let good = dir.file("good.json")
        try sysdraft("new", good, "--from", "url-shortener")
        var text = String(decoding: contents(good)!, as: UTF8.self)
        switch content {
        case "TYPE": text = text.replacingOccurrences(of: "\"kind\" : \"client\"", with: "\"kind\" : [1]")
        case "DANGLING": text = text.replacingOccurrences(of: "\"to\" : \"comp-3\"", with: "\"to\" : \"comp-404\"")
        case "NEWER": text = text.replacingOccurrences(of: "\"schemaVersion\" : \(Design.currentSchemaVersion)", with: "\"schemaVersion\" : 99")
        default: text = content
        }
        let path = try dir.write(name, text)
        let before = contents(path)
        for args in [["validate", path], ["fmt", path], ["summary", path], [path]] {
            let r = try run(Repo.binary, args)
            #expect(r.status == 1, "\(args): exit \(r.status)")
            #expect(r.stderr.contains(path), "\(args): names the file: \(r.stderr)")
            #expect(r.stderr.contains(expected), "\(args): says what is wrong: \(r.stderr)")
            #expect(contents(path) == before, "\(args) left the file untouched")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".tmp-") }.isEmpty)
    }

    /// Text from a document never reaches the terminal raw through the command line either:
    /// titles in `summary`/`validate`/`new`, and values quoted in error messages.
    @Test func hostileTextIsShownNotObeyed() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let evil = "\u{1b}]0;pwned\u{07}\u{1b}[2J\u{202e}two\nlines"
        let path = dir.file("evil.json")
        try sysdraft("new", path, "--title", evil)
        var text = String(decoding: contents(path)!, as: UTF8.self)
        var results = [try sysdraft("summary", path), try sysdraft("validate", path)]
        #expect(results.allSatisfy { $0.status == 0 })
        #expect(results[0].stdout.hasPrefix("^[]0;pwned^G^[[2J\\u{202e}two↵lines\n"), "one line, every control visible")
        // A value quoted in an error message.
        text = text.replacingOccurrences(of: "\"components\" : [\n\n  ]",
                                        with: "\"components\" : [{\"id\": \"comp-1\", \"name\": \"x\", \"kind\": \"\\u001b[2Jevil\"}]")
        let bad = try dir.write("bad.json", text)
        results.append(try sysdraft("validate", bad))
        #expect(results[2].status == 1 && results[2].stderr.contains("^[[2Jevil"), "\(results[2].stderr)")
        for r in results {
            for out in [r.stdout, r.stderr] {
                #expect(!out.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E },
                        "raw control in: \(out.debugDescription)")
            }
        }
    }

    @Test func unknownFieldsAreReportedAndNeverDroppedUnasked() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.file("d.json")
        try sysdraft("new", path, "--from", "url-shortener")
        let text = String(decoding: contents(path)!, as: UTF8.self)
            .replacingOccurrences(of: "\"schemaVersion\" : \(Design.currentSchemaVersion),",
                                  with: "\"reviewedBy\" : \"ada\", \"schemaVersion\" : \(Design.currentSchemaVersion),")
        try dir.write("d.json", text)
        let validate = try sysdraft("validate", path)
        #expect(validate.status == 0)
        #expect(validate.stdout.contains("fields sysdraft does not know (reviewedBy)"), "\(validate.stdout)")
        #expect(try sysdraft("validate", "--strict", path).status == 1)
        let fmt = try sysdraft("fmt", path)
        #expect(fmt.status == 1 && fmt.stderr.contains("--drop-unknown"), "\(fmt.stderr)")
        #expect(String(decoding: contents(path)!, as: UTF8.self) == text, "fmt left the file alone")
        #expect(try sysdraft("fmt", "--drop-unknown", path).status == 0)
        #expect(!String(decoding: contents(path)!, as: UTF8.self).contains("reviewedBy"))
        #expect(try sysdraft("validate", "--strict", path).status == 0)
    }

    @Test func unreadableFilesExitWithThree() throws {
        let r = try sysdraft("validate", "/nonexistent/design.json")
        #expect(r.status == 3)
        #expect(r.stderr.contains("/nonexistent/design.json: no such file"))
    }

    /// Root ignores permission bits, so the command runs as `nobody` against a directory it cannot write.
    @Test func savingIntoAReadOnlyDirectoryFailsCleanly() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let fixture = Repo.root.appendingPathComponent("Tests/DesignModelTests/Fixtures/v0-prototype.json")
        let path = dir.file("old.json")
        try FileManager.default.copyItem(atPath: fixture.path, toPath: path)
        chmod(path, 0o644)
        chmod(dir.path, 0o555)
        let before = contents(path)
        let asNobody = getuid() == 0
        let args = ["fmt", path]
        let r = asNobody
            ? try run("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", Repo.binary] + args,
                      env: ["SYSDRAFT_HOME": Repo.root.path])
            : try run(Repo.binary, args)
        #expect(r.status == 3, "\(r.stderr)")
        #expect(r.stderr.contains(path))
        #expect(r.stderr.contains("Permission denied"))
        #expect(contents(path) == before)
        let n = try run("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", Repo.binary,
                                             "new", dir.file("new.json")])
        if asNobody { #expect(n.status == 3) }
        #expect(!FileManager.default.fileExists(atPath: dir.file("new.json")))
    }
}
