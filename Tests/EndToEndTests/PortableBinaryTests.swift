import Foundation
import Testing

/// The release program (what `make install` ships) copied alone into an empty folder, run with
/// empty HOME and XDG folders and no SYSDRAFT_HOME: every command must work from the data
/// compiled into it, and it must not need the Swift toolchain's libraries (issue 19).
@Suite(.serialized) struct PortableBinaryTests {
    /// A clean room with the program copied into `copy/` (nothing else there).
    struct Setup {
        var room: CleanRoom
        var program: String

        init() throws {
            room = try CleanRoom()
            let folder = room.dir.file("copy")
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            program = folder + "/sysdraft"
            let release = Repo.releaseBinary
            try #require(FileManager.default.isExecutableFile(atPath: release),
                         "\(release) is missing: `make test` builds it (make release-static)")
            // Copied by cp in a child process: a file this process held open for writing could be
            // inherited by a child another test spawns meanwhile, and exec would then fail with
            // ETXTBSY ("Text file busy") for as long as that child lives.
            let cp = try EndToEndTests.run("/bin/cp", [release, program])
            try #require(cp.status == 0, "\(cp.stderr)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["sysdraft"])
        }

        @discardableResult
        func sysdraft(_ args: String..., stdin: String? = nil) throws -> RunResult {
            try room.run(program, args, stdin: stdin)
        }

        /// Runs and expects `status`, naming the command in the failure.
        @discardableResult
        func expect(_ args: [String], status: Int32 = 0, sourceLocation: SourceLocation = #_sourceLocation) throws -> RunResult {
            let r = try room.run(program, args)
            #expect(r.status == status, "sysdraft \(args.joined(separator: " ")): exit \(r.status)\n\(r.stderr)",
                    sourceLocation: sourceLocation)
            return r
        }
    }

    static func stages() throws -> [[String: Any]] {
        let data = try Data(contentsOf: Repo.root.appendingPathComponent("Assets/stages.json"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(root["stages"] as? [[String: Any]])
    }

    /// The copy links only system libraries (C library, ncurses, the C++ runtime TOMLKit uses):
    /// the Swift runtime, Foundation and Dispatch are inside it, so it runs where Swift is not
    /// installed. `ldd` names every library the loader would map and where it found it.
    @Test func theReleaseProgramCarriesTheSwiftRuntime() throws {
        let s = try Setup()
        defer { s.room.cleanup() }
        let ldd = try EndToEndTests.run("/usr/bin/ldd", [s.program])
        try #require(ldd.status == 0, "\(ldd.stderr)")
        let libraries = ldd.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(!libraries.isEmpty)
        let swiftLibraries = libraries.filter {
            $0.hasPrefix("libswift") || $0.hasPrefix("libFoundation") || $0.hasPrefix("lib_Foundation")
                || $0.hasPrefix("libdispatch") || $0.hasPrefix("libBlocksRuntime")
        }
        #expect(swiftLibraries.isEmpty, "the release program needs the toolchain's \(swiftLibraries):\n\(ldd.stdout)")
        #expect(!ldd.stdout.contains("not found"), "\(ldd.stdout)")
    }

    /// Every command ArgumentParser knows about is run here; a command added to
    /// SysdraftCommand.swift without a line below fails this test.
    @Test func everyCommandWorksFromACopiedBinaryWithNothingAroundIt() throws {
        let s = try Setup()
        defer { s.room.cleanup() }
        let tree = try CommandTree(binary: s.program)
        var covered: Set<String> = []
        func run(_ command: String, _ body: () throws -> Void) rethrows {
            covered.insert(command)
            try body()
        }
        let stageTitles = try Self.stages().compactMap { $0["title"] as? String }
        let problems = try repositoryNames("Assets/problems", suffix: ".json")
        let plans = try repositoryNames("Assets/interview/plans", suffix: ".json")

        try run("examples") {
            let r = try s.expect(["examples"])
            #expect(r.stdout.split(separator: "\n").map(String.init) == (try repositoryNames("Assets/examples", suffix: ".json")))
        }
        try run("new") {
            try s.expect(["new", "d.json", "--from", "url-shortener"])
            try s.expect(["new", "empty.json", "--title", "Empty"])
            #expect(FileManager.default.fileExists(atPath: s.room.file("d.json")))
        }
        try run("validate") { try s.expect(["validate", "d.json", "empty.json"]) }
        try run("fmt") {
            try s.expect(["fmt", "d.json"])
            try s.expect(["fmt", "--check", "d.json", "empty.json"])
        }
        try run("summary") {
            let r = try s.expect(["summary", "d.json"])
            #expect(r.stdout.contains("URL shortener"))
            // The stage titles come from the catalogue compiled into the program.
            #expect(stageTitles.count == 10 && stageTitles.allSatisfy { r.stdout.contains($0) }, "\(r.stdout)")
        }
        try run("export") {
            let formats = tree.values("export", option: "format")
            #expect(formats.count >= 4)
            for format in formats {
                let r = try s.expect(["export", "d.json", "--format", format, "-o", "out.\(format)"])
                let written = try #require(contents(s.room.file("out.\(format)")), "export --format \(format) wrote nothing\n\(r.stderr)")
                #expect(written.count > 100, "export --format \(format)")
            }
            let markdown = String(decoding: contents(s.room.file("out.markdown")) ?? Data(), as: UTF8.self)
            #expect(stageTitles.allSatisfy { markdown.contains($0) }, "the report has every stage of the built-in catalogue")
            #expect((try? JSONSerialization.jsonObject(with: contents(s.room.file("out.json")) ?? Data())) != nil)
        }
        try run("diagram") {
            let r = try s.expect(["diagram", "d.json", "--ascii"])
            #expect(r.stdout.contains("+"))
        }
        try run("sequence") {
            #expect(try s.expect(["sequence", "d.json", "--list"]).stdout.contains("Create a short link"))
            try s.expect(["sequence", "d.json"])
        }
        try run("calc") {
            let sum = try s.expect(["calc", "1 KB * 1000 to MB"])
            #expect(sum.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "1 MB")
            let card = try s.expect(["calc", "--reference"])
            #expect(card.stdout.count > 200, "the reference card is built in")
        }
        try run("estimate") { try s.expect(["estimate", "d.json"]) }
        try run("diff") {
            let r = try s.expect(["diff", "empty.json", "d.json"], status: 1)
            #expect(!r.stdout.isEmpty)
            try s.expect(["diff", "d.json", "d.json"], status: 0)
        }
        try run("merge") {
            for name in ["base.json", "ours.json", "theirs.json"] {
                try FileManager.default.copyItem(atPath: s.room.file("d.json"), toPath: s.room.file(name))
            }
            try s.expect(["merge", "base.json", "ours.json", "theirs.json", "-o", "merged.json"])
            try s.expect(["validate", "merged.json"])
        }
        try run("resolve") { try s.expect(["resolve", "merged.json"]) }
        try run("import") {
            _ = try s.room.dir.write("work/flow.mmd", "flowchart LR\n  web[Web app] --> api[API]\n  api --> db[(Database)]\n")
            try s.expect(["import", "flow.mmd", "-o", "imported.json"])
            try s.expect(["validate", "imported.json"])
        }
        try run("review") {
            // The worked example is clean; the rules and the SARIF writer are in the program.
            #expect(try s.expect(["review", "d.json"]).stdout.contains("0 errors"))
            let sarif = try s.expect(["review", "d.json", "--format", "sarif"])
            #expect((try? JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8))) != nil)
        }
        try run("practice") { try s.expect(["practice"]) }
        try run("interview") {
            let r = try s.expect(["interview", "--list"])
            for name in problems + plans { #expect(r.stdout.contains(name), "interview --list shows \(name)") }
        }
        try run("doctor") {
            let r = try s.expect(["doctor"])
            #expect(r.stdout.contains("No problems found"), "\(r.stdout)")
        }
        try run("generate-manual") {
            let r = try s.expect(["generate-manual"])
            #expect(r.stdout.hasPrefix(".Dd "))
        }
        try run("help") {
            let r = try s.expect(["help", "validate"])
            #expect(r.stdout.contains("validate"))
        }
        try run("open") {
            // The full-screen workspace, in a real terminal: the catalogue's checklist and the themes.
            let t = try TmuxSession(s.room.shellLine(s.program, ["d.json"], environment: ["TERM": "screen"]),
                                    cwd: s.room.work, columns: 120, rows: 35)
            try t.waitFor(text: "1 Requirements (14)")
            try t.keys("c")
            let purpose = try #require(try Self.stages().first?["purpose"] as? String)
            try t.waitFor(text: String(purpose.prefix(40)))
            try t.keys("Escape")
            try t.keys(":"); try t.type("theme"); try t.keys("Enter")
            let themes = try repositoryNames("Themes", suffix: ".toml")
            try t.waitFor(text: "Themes: " + themes.joined(separator: ", "))
            try t.keys("q")
            try t.waitFor(text: "EXITED=0")
        }
        try run("interview") {
            let plan = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: Repo.root
                .appendingPathComponent("Assets/interview/plans/short.json"))) as? [String: Any])
            let phases = try #require(plan["phases"] as? [[String: Any]])
            let first = try #require(phases.first?["title"] as? String)
            let t = try TmuxSession(s.room.shellLine(s.program, ["interview", "i.json", "--problem", "url-shortener",
                                                                 "--plan", "short", "--quiet"], environment: ["TERM": "screen"]),
                                    cwd: s.room.work, columns: 120, rows: 35)
            try t.waitFor(text: "\(first) 1/\(phases.count)")
            try t.keys("C-s")
            try t.waitFor(text: "Saved")
            try t.keys("q")
            try t.waitFor(text: "EXITED=0")
        }

        let all = Set(tree.subcommands.map(\.commandName))
        #expect(all.subtracting(covered).isEmpty,
                "commands not run from a copied binary (add them to this test): \(all.subtracting(covered).sorted())")
        // Nothing was written beside the program.
        #expect(try FileManager.default.contentsOfDirectory(atPath: (s.program as NSString).deletingLastPathComponent) == ["sysdraft"])
    }
}
