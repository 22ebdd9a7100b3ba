import DesignModel
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Edits a design file through the model (as the workspace would) and saves it canonically.
private func edit(_ path: String, _ body: (inout Design) throws -> Void) throws {
    var d = try DesignCodec.decode(try #require(contents(path)))
    try body(&d)
    try DesignCodec.encode(d).write(to: URL(fileURLWithPath: path))
}

private func load(_ path: String) throws -> Design { try DesignCodec.decode(try #require(contents(path))) }

/// A program on PATH; a missing one fails the test (`make test` installs them).
private func tool(_ name: String) throws -> String {
    let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        .map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    return try #require(path, "\(name) is not installed (make test installs it)")
}

/// A git repository in a temporary folder, configured with the lines the README gives.
private struct Repository {
    let dir: TempDir
    let git: String
    var root: String { dir.path }
    /// No user or system git configuration leaks in.
    var env: [String: String] {
        ["HOME": dir.path, "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.com",
         "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.com", "GIT_PAGER": "cat", "PAGER": "cat"]
    }

    init() throws {
        dir = try TempDir()
        git = try tool("git")
        try run("init", "-q", "-b", "main")
        // The README's lines, with the binary under test for `sysdraft`.
        try run("config", "diff.sysdraft.command", "\(Repo.binary) diff --git")
        try run("config", "merge.sysdraft.name", "sysdraft design merge")
        try run("config", "merge.sysdraft.driver", "\(Repo.binary) merge %O %A %B --name %P")
        _ = try dir.write(".gitattributes", "*.design.json diff=sysdraft merge=sysdraft\n")
    }

    @discardableResult
    func run(_ args: String...) throws -> RunResult {
        try EndToEndTests.run(git, ["-C", root] + args, env: env)
    }

    func commitAll(_ message: String) throws {
        try run("add", "-A")
        let r = try run("commit", "-q", "-m", message)
        try #require(r.status == 0, "\(r.stderr)")
    }
}

@Suite struct DesignGitTests {
    @Test func theReadmeShowsTheLinesTheseTestsUse() throws {
        let readme = String(decoding: try #require(contents(Repo.root.appendingPathComponent("README.md").path)), as: UTF8.self)
        for line in ["git config diff.sysdraft.command \"sysdraft diff --git\"",
                     "git config merge.sysdraft.driver \"sysdraft merge %O %A %B --name %P\"",
                     "*.design.json diff=sysdraft merge=sysdraft"] {
            #expect(readme.contains(line), "README: \(line)")
        }
    }

    /// Two branches edit different parts of a design; `git merge` runs sysdraft's driver and
    /// finishes with no conflict and a valid file holding both edits.
    @Test func mergingDisjointEditsIsClean() throws {
        let repo = try Repository()
        defer { repo.dir.cleanup() }
        let file = repo.dir.file("shortener.design.json")
        try #require(try sysdraft("new", file, "--from", "url-shortener").status == 0)
        try repo.commitAll("base")
        try repo.run("checkout", "-q", "-b", "cache")
        try edit(file) { d in
            d.components[8].technology = "Redis 7 cluster"
            let id = d.addComponent(name: "Hot-key cache", kind: .cache)
            _ = try d.addFlow(from: d.components[0].id, to: id, label: "hot keys")
            d.updateStage(.security) { $0.setDone("security.authn", true) }
        }
        try repo.commitAll("cache")
        try repo.run("checkout", "-q", "main")
        try edit(file) { d in
            d.components[3].name = "Edge gateway"
            d.addComponent(name: "Audit log", kind: .database)   // the same new id as on the other branch
            d.tradeOffs[3].status = .accepted
            d.updateStage(.security) { $0.setDone("security.authz", true) }
        }
        try repo.commitAll("gateway")
        let merge = try repo.run("merge", "-q", "--no-edit", "cache")
        #expect(merge.status == 0, "\(merge.stdout)\(merge.stderr)")
        #expect(try repo.run("status", "--porcelain").stdout.isEmpty)
        let v = try sysdraft("validate", file)
        #expect(v.status == 0, "\(v.stdout)\(v.stderr)")
        let d = try load(file)
        #expect(d.components[8].technology == "Redis 7 cluster" && d.components[3].name == "Edge gateway")
        #expect(d.tradeOffs[3].status == .accepted)
        #expect(Set(d.components.suffix(2).map(\.name)) == ["Audit log", "Hot-key cache"])
        let cache = try #require(d.components.first { $0.name == "Hot-key cache" })
        #expect(d.flows.contains { $0.to == cache.id && $0.label == "hot keys" })
        #expect(d.stage(.security).isDone("security.authn") && d.stage(.security).isDone("security.authz"))
        #expect(d.conflicts.isEmpty)

        // `git diff` shows sysdraft's item-by-item diff.
        let diff = try repo.run("diff", "HEAD~2", "HEAD", "--", "shortener.design.json")
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(diff.stdout.contains("sysdraft diff shortener.design.json"))
        #expect(diff.stdout.contains("+ \(cache.id)") && diff.stdout.contains("Hot-key cache"))
        #expect(diff.stdout.contains("name: \"API gateway\" → \"Edge gateway\""))
        #expect(!diff.stdout.contains("@@"))   // not a line diff
    }

    /// Both branches change the same field and one deletes what the other changed: the driver
    /// reports a conflict, git stops, the file is a valid design that `validate` rejects until
    /// `sysdraft resolve` settles it.
    @Test func aConflictingMergeLeavesAFileValidateReports() throws {
        let repo = try Repository()
        defer { repo.dir.cleanup() }
        let file = repo.dir.file("shortener.design.json")
        try #require(try sysdraft("new", file, "--from", "url-shortener").status == 0)
        try repo.commitAll("base")
        try repo.run("checkout", "-q", "-b", "theirs")
        try edit(file) { d in
            d.components[4].technology = "Kong"
            d.flows[2].label = "GET /{code} (edge cached)"
        }
        try repo.commitAll("kong")
        try repo.run("checkout", "-q", "main")
        let removed = try load(file).flows[2].id
        try edit(file) { d in
            d.components[4].technology = "Envoy 2"
            d.flows.remove(at: 2)
        }
        try repo.commitAll("envoy")
        let merge = try repo.run("merge", "--no-edit", "theirs")
        #expect(merge.status != 0)
        #expect(merge.stdout.contains("CONFLICT") || merge.stderr.contains("CONFLICT"))
        #expect(merge.stderr.contains("conflict"))   // the driver says what and where
        let v = try sysdraft("validate", file)
        #expect(v.status == 1)
        #expect(v.stdout.contains("unresolved merge conflict"))
        let d = try load(file)
        #expect(v.stdout.contains("components[\(d.components[4].id)].technology"))
        #expect(d.conflicts.count == 2)
        #expect(d.flows[id: removed]?.label == "GET /{code} (edge cached)")   // nothing lost
        let listed = try sysdraft("resolve", file)
        #expect(listed.status == 1 && listed.stdout.contains("\"Kong\"") && listed.stdout.contains("\"Envoy 2\""))
        let techConflict = try #require(d.conflicts.first { $0.path.hasSuffix("technology") })
        #expect(try sysdraft("resolve", file, techConflict.id.rawValue, "--take", "theirs").status == 1)
        #expect(try sysdraft("resolve", file, "--all", "--take", "ours").status == 0)
        #expect(try sysdraft("validate", file).status == 0)
        let resolved = try load(file)
        #expect(resolved.components[4].technology == "Kong" && resolved.flows[id: removed] == nil)
        try repo.run("add", file)
        #expect(try repo.run("commit", "-q", "--no-edit").status == 0)
    }

    /// The same field changed differently on two branches: `git merge` stops, `validate`
    /// rejects the file, the workspace opens on the conflict, resolving it there and saving
    /// gives a file `validate` accepts and git can commit.
    @Test func aConflictingMergeIsResolvedInTheWorkspace() throws {
        let repo = try Repository()
        defer { repo.dir.cleanup() }
        let file = repo.dir.file("shortener.design.json")
        try #require(try sysdraft("new", file, "--from", "url-shortener").status == 0)
        try repo.commitAll("base")
        try repo.run("checkout", "-q", "-b", "theirs")
        try edit(file) { d in d.components[4].technology = "Kong" }
        try repo.commitAll("kong")
        try repo.run("checkout", "-q", "main")
        try edit(file) { d in d.components[4].technology = "Envoy 2" }
        try repo.commitAll("envoy")
        let gateway = try load(file).components[4].id
        let merge = try repo.run("merge", "--no-edit", "theirs")
        #expect(merge.status != 0, "\(merge.stdout)\(merge.stderr)")
        let rejected = try sysdraft("validate", file)
        #expect(rejected.status == 1 && rejected.stdout.contains("unresolved merge conflict"), "\(rejected.stdout)")
        #expect(rejected.stdout.contains("resolve them in the workspace"))

        let t = try TmuxSession("\(Repo.binary) shortener.design.json", cwd: repo.root, columns: 80, rows: 24)
        let opened = try t.waitFor(text: "1 unresolved merge conflict")
        #expect(opened.contains("⚠ 1 conflict"))
        #expect(opened.contains("\(gateway) › technology"))
        try t.keys("v")
        let full = try t.waitFor(text: "Theirs")
        #expect(full.contains("\"Envoy 2\"") && full.contains("\"Kong\""))
        try t.keys("t")
        try t.waitFor(text: "no conflicts left")
        try t.keys("C-s")
        let saved = try t.waitFor(text: "Saved")
        #expect(!saved.contains("⚠"))
        try t.keys("q")
        try t.waitFor(text: "EXITED=0")

        let accepted = try sysdraft("validate", file)
        #expect(accepted.status == 0, "\(accepted.stdout)\(accepted.stderr)")
        let d = try load(file)
        #expect(d.conflicts.isEmpty && d.components[id: gateway]?.technology == "Kong")
        try repo.run("add", file)
        #expect(try repo.run("commit", "-q", "--no-edit").status == 0)
    }

    /// Two conflicts from a real `git merge` (a field changed on both branches; an item deleted
    /// on one and renamed on the other), resolved with every key of the conflicts screen in a
    /// real terminal: take a side and undo it, write the value by hand (refused until it is
    /// JSON), go to the item and back, resolve the rest all one way; the saved file is valid.
    @Test func everyKeyOfTheConflictsScreenWorksInATerminal() throws {
        let repo = try Repository()
        defer { repo.dir.cleanup() }
        let file = repo.dir.file("shortener.design.json")
        try #require(try sysdraft("new", file, "--from", "url-shortener").status == 0)
        try repo.commitAll("base")
        let service = try load(file).components[4].id, store = try load(file).components[11].id
        try repo.run("checkout", "-q", "-b", "theirs")
        try edit(file) { d in
            d.components[4].technology = "Kong"
            d.components[11].name = "Analytics warehouse"
        }
        try repo.commitAll("theirs")
        try repo.run("checkout", "-q", "main")
        try edit(file) { d in
            d.components[4].technology = "Envoy 2"
            _ = try d.removeComponent(store)
            d.dropReferences(to: store.rawValue)
        }
        try repo.commitAll("ours")
        #expect(try repo.run("merge", "--no-edit", "theirs").status != 0)
        try #require(try load(file).conflicts.count == 2)

        let t = try TmuxSession("\(Repo.binary) shortener.design.json", cwd: repo.root, columns: 80, rows: 24)
        let opened = try t.waitFor(text: "2 unresolved merge conflicts")
        #expect(opened.contains("⚠ 2 conflicts") && opened.contains("Merge conflicts (2)"))
        #expect(opened.contains("\(service) › technology") && opened.contains("\(store) (the whole item)"))
        // o takes ours; u undoes it.
        try t.keys("o")
        try t.waitFor(text: "took ours — 1 left")
        try t.keys("u")
        let undone = try t.waitFor(text: "Undid")
        #expect(undone.contains("⚠ 2 conflicts"))
        // e: the value by hand, as JSON; text without quotes is refused in the form.
        try t.keys("e")
        let form = try t.waitFor(text: "Value (JSON)")
        #expect(form.contains("\"Envoy 2\""), "the form starts from the value the design holds")
        try t.keys("C-e", "C-u")
        try t.type("Traefik")
        try t.keys("C-s")
        try t.waitFor(text: "Not JSON")
        try t.keys("C-a")
        try t.type("\"")
        try t.keys("C-e")
        try t.type("\"")
        try t.keys("C-s")
        let byHand = try t.waitFor(text: "with the value you wrote")
        #expect(byHand.contains("⚠ 1 conflict"))
        // f goes to the item in its own list (theirs kept it, renamed); :conflicts comes back.
        try t.keys("f")
        let item = try t.waitFor(text: "\(store) has conflict-2")
        #expect(item.contains("Components") && item.contains("Analytics warehouse"))
        try t.keys(":")
        try t.type("conflicts")
        try t.keys("Enter")
        try t.waitFor(text: "Merge conflicts (1)")
        // A asks which side, then resolves the rest: ours deleted the store.
        try t.keys("A")
        try t.waitFor(text: "Take the same side for every conflict?")
        try t.keys("o")
        let all = try t.waitFor(text: "no conflicts left")
        #expect(!all.contains("⚠"))
        try t.keys("C-s")
        try t.waitFor(text: "Saved")
        try t.keys("q")
        try t.waitFor(text: "EXITED=0")

        let accepted = try sysdraft("validate", file)
        #expect(accepted.status == 0, "\(accepted.stdout)\(accepted.stderr)")
        let d = try load(file)
        #expect(d.conflicts.isEmpty)
        #expect(d.components[id: service]?.technology == "Traefik")
        #expect(d.components[id: store] == nil && !d.flows.contains { $0.from == store || $0.to == store })
        try repo.run("add", file)
        #expect(try repo.run("commit", "-q", "--no-edit").status == 0)
    }

    @Test func aFileAddedInACommitDiffsAgainstNothing() throws {
        let repo = try Repository()
        defer { repo.dir.cleanup() }
        _ = try repo.dir.write("README", "x\n")
        try repo.commitAll("first")
        let file = repo.dir.file("new.design.json")
        try #require(try sysdraft("new", file, "--from", "url-shortener").status == 0)
        try repo.commitAll("add design")
        let diff = try repo.run("diff", "HEAD~1", "HEAD")
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(diff.stdout.contains("+ comp-1"))
        // A version that is not a valid design does not stop `git diff`: it is reported.
        _ = try repo.dir.write("new.design.json", "{ \"schemaVersion\": 1, ")
        let broken = try repo.run("diff")
        #expect(broken.status == 0, "\(broken.stderr)")
        #expect(broken.stdout.contains("cannot compare") && broken.stderr.contains("not valid JSON"))
    }
}

@Suite struct DiffMergeImportCLITests {
    @Test func diffExitsLikeDiff() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let a = dir.file("a.json"), b = dir.file("b.json")
        #expect(try sysdraft("new", a, "--from", "url-shortener").status == 0)
        try Data(try #require(contents(a))).write(to: URL(fileURLWithPath: b))
        let same = try sysdraft("diff", a, b)
        #expect(same.status == 0 && same.stdout.contains("No differences"))
        try edit(b) { d in d.components[0].name = "Browsers <b>|x|</b> `y`"; d.touch(Date()) }
        let differ = try sysdraft("diff", a, b)
        #expect(differ.status == 1)
        #expect(differ.stdout.contains("Summary: 0 added, 0 removed, 1 changed"))
        #expect(!differ.stdout.contains("\u{1B}["))   // not a terminal: no colour
        let json = try sysdraft("diff", a, b, "--format", "json")
        #expect(json.status == 1)
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(Set(obj.keys) == ["added", "removed", "changed"])
        let changed = try #require(obj["changed"] as? [[String: Any]])
        #expect(changed.count == 1 && changed[0]["id"] as? String == "comp-1" && changed[0]["fields"] as? [String] == ["name"])
        #expect(try sysdraft("diff", a, dir.file("missing.json")).status == 2)
        _ = try dir.write("bad.json", "{ \"schemaVersion\": 1, ")
        #expect(try sysdraft("diff", a, dir.file("bad.json")).status == 2)
        #expect(try sysdraft("diff", a).status == 64)
        let help = try sysdraft("diff", "--help")
        #expect(help.stdout.contains("0 the designs are the same, 1 they differ, 2 trouble"))
    }

    /// The Markdown form goes through the real GFM renderer without letting user text become HTML.
    @Test func markdownDiffIsSafeForAPullRequest() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let a = dir.file("a.json"), b = dir.file("b.json")
        #expect(try sysdraft("new", a, "--from", "url-shortener").status == 0)
        try Data(try #require(contents(a))).write(to: URL(fileURLWithPath: b))
        try edit(b) { d in
            d.components[0].name = "<script>alert(1)</script> [x](javascript:y) | ![i](z)"
            d.addComponent(name: "# not a heading", kind: .cache)
        }
        let md = try sysdraft("diff", a, b, "--format", "markdown")
        #expect(md.status == 1)
        let input = try dir.write("diff.md", md.stdout)
        let html = try run(try tool("cmark-gfm"), ["--unsafe", "--extension", "table", input])
        #expect(html.status == 0)
        #expect(!html.stdout.contains("<script>") && !html.stdout.contains("href=\"javascript"))
        #expect(!html.stdout.contains("<img") && !html.stdout.contains("<h1"))
        #expect(html.stdout.contains("<h4>Components</h4>"))
    }

    /// On a terminal the text is coloured, unless NO_COLOR is set.
    @Test func colourOnATerminalHonoursNoColor() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let a = dir.file("a.json"), b = dir.file("b.json")
        #expect(try sysdraft("new", a, "--from", "url-shortener").status == 0)
        try Data(try #require(contents(a))).write(to: URL(fileURLWithPath: b))
        try edit(b) { d in
            let id = d.components[11].id
            _ = try d.removeComponent(id)
            d.dropReferences(to: id.rawValue)
        }
        for noColor in [false, true] {
            // The test runner's own NO_COLOR (if any) must not decide the colourful case.
            let command = (noColor ? "NO_COLOR=1 " : "unset NO_COLOR; TERM=xterm-256color ") + "'\(Repo.binary)' diff a.json b.json"
            let t = try TmuxSession(command, cwd: dir.path, columns: 120, rows: 40)
            _ = try t.waitFor(text: "EXITED=1")
            let screen = try t.screen(escapes: true)
            #expect(screen.contains("Summary:"))
            #expect(screen.contains("\u{1B}[") != noColor, "NO_COLOR=\(noColor)")
        }
    }

    @Test func mergeWritesOursByDefaultAndNothingOnTrouble() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let base = dir.file("base.json"), ours = dir.file("ours.json"), theirs = dir.file("theirs.json")
        #expect(try sysdraft("new", base, "--from", "url-shortener").status == 0)
        for p in [ours, theirs] { try Data(try #require(contents(base))).write(to: URL(fileURLWithPath: p)) }
        try edit(ours) { $0.title = "Ours" }
        try edit(theirs) { $0.problem = "Theirs" }
        let before = contents(ours)
        #expect(try sysdraft("merge", dir.file("missing.json"), ours, theirs).status == 2)
        #expect(contents(ours) == before)
        let toStdout = try sysdraft("merge", base, ours, theirs, "-o", "-")
        #expect(toStdout.status == 0)
        #expect(contents(ours) == before)
        let merged = try DesignCodec.decode(Data(toStdout.stdout.utf8))
        #expect(merged.title == "Ours" && merged.problem == "Theirs")
        #expect(try sysdraft("merge", base, ours, theirs).status == 0)
        #expect(try load(ours).problem == "Theirs")
    }

    /// `merge -o -` and `import` to standard output write the design as JSON with every
    /// control, bidi and invisible character escaped: the same value, nothing a terminal acts on.
    @Test func designsOnStandardOutputCarryNoRawInvisibleCharacter() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let hidden = "\u{1b}\u{07}\u{7f}\u{85}\u{9b}\u{200b}\u{200d}\u{202e}\u{2066}\u{feff}\u{e0041}\u{00ad}\u{2060}"
        let base = dir.file("base.json"), ours = dir.file("ours.json"), theirs = dir.file("theirs.json")
        #expect(try sysdraft("new", base, "--from", "url-shortener").status == 0)
        try edit(base) { $0.components[0].name = "Users" + hidden }
        for p in [ours, theirs] { try Data(try #require(contents(base))).write(to: URL(fileURLWithPath: p)) }
        try edit(ours) { $0.title = "Ours" + hidden }
        try edit(theirs) { $0.flows[0].label = "reads" + hidden }
        let merged = try sysdraft("merge", base, ours, theirs, "-o", "-")
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(OutputSafetyCLITests.unsafe(merged.stdout).isEmpty, "\(OutputSafetyCLITests.unsafe(merged.stdout).prefix(10))")
        #expect(merged.stdout.contains("\\u202e"))
        let design = try DesignCodec.decode(Data(merged.stdout.utf8))
        #expect(design.title == "Ours" + hidden && design.flows[0].label == "reads" + hidden)
        #expect(design.components[0].name == "Users" + hidden)

        let diff = try sysdraft("diff", base, ours, "--format", "json")
        #expect(diff.status == 1 && OutputSafetyCLITests.unsafe(diff.stdout).isEmpty)

        let src = try dir.write("hidden.mmd", "flowchart LR\n  a[\"Web\(hidden)\"] -->|orders\(hidden)| b[(Orders DB)]\n")
        let imported = try sysdraft("import", src)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(OutputSafetyCLITests.unsafe(imported.stdout).isEmpty, "\(OutputSafetyCLITests.unsafe(imported.stdout).prefix(10))")
        #expect(OutputSafetyCLITests.unsafe(imported.stderr).isEmpty)
        let fromImport = try DesignCodec.decode(Data(imported.stdout.utf8))
        #expect(fromImport.components.contains { $0.name.contains("\u{202e}") })
        #expect(fromImport.flows.first?.label.contains("\u{200b}") == true)
        // `-o -` writes the same design (made at its own time: the two runs may straddle a second).
        let dash = try sysdraft("import", src, "-o", "-")
        #expect(dash.status == 0)
        var again = try DesignCodec.decode(Data(dash.stdout.utf8))
        (again.created, again.modified) = (fromImport.created, fromImport.modified)
        #expect(again == fromImport)
    }

    @Test func importMakesAValidDesign() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let src = try dir.write("checkout.mmd", """
            flowchart LR
              web[Web app] -->|orders| api[Orders API]
              api --> db[(Orders DB)]
              style api fill:#f00
              api --> ??? 
            """)
        let out = dir.file("checkout.json")
        let r = try sysdraft("import", src, "-o", out)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("checkout.mmd:4: note:") && r.stderr.contains("checkout.mmd:5: warning:"))
        let v = try sysdraft("validate", out)
        #expect(v.status == 0 && v.stdout.contains("3 components, 2 flows"))
        #expect(try load(out).title == "Checkout")
        #expect(try sysdraft("import", src, "-o", out).status == 3)            // exists
        #expect(try sysdraft("import", src, "-o", out, "--force").status == 0)
        let unknown = try dir.write("diagram.txt", "a -> b")
        #expect(try sysdraft("import", unknown).status == 64)                   // format unknown
        let d2 = try sysdraft("import", unknown, "--from", "d2")
        #expect(d2.status == 0 && d2.stdout.contains("\"schemaVersion\""))
        let notFlowchart = try dir.write("seq.mmd", "sequenceDiagram\n  A->>B: hi\n")
        let refused = try sysdraft("import", notFlowchart)
        #expect(refused.status == 1 && refused.stderr.contains("line 1"))
    }
}
