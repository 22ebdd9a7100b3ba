import Foundation
import Testing

/// `make install PREFIX=DIR` (with the debug build, SYSDRAFT_BIN): the program, completions for
/// bash, zsh and fish that load and complete names, a manual page that renders, and the README's
/// example commands working as written with the installed program on the PATH.
@Suite(.serialized) struct InstallTests {
    struct Installed {
        var room: CleanRoom
        var prefix: String { room.dir.file("prefix") }
        var bin: String { prefix + "/bin" }
        var share: String { prefix + "/share" }
        var bashScript: String { share + "/bash-completion/completions/sysdraft" }
        var zshFolder: String { share + "/zsh/site-functions" }
        var fishScript: String { share + "/fish/vendor_completions.d/sysdraft.fish" }
        var manPage: String { share + "/man/man1/sysdraft.1" }

        init() throws {
            room = try CleanRoom()
            let make = try run("/usr/bin/make", ["-C", Repo.root.path, "install", "PREFIX=\(room.dir.file("prefix"))",
                                                 "SYSDRAFT_BIN=\(Repo.binary)"])
            try #require(make.status == 0, "make install failed:\n\(make.stdout)\n\(make.stderr)")
            room.extra["PATH"] = room.dir.file("prefix") + "/bin:/usr/bin:/bin"
        }

        /// Runs a shell snippet (bash) in the room with the installed program on the PATH.
        func bash(_ script: String, cwd: String? = nil) throws -> RunResult {
            try room.run("/bin/bash", ["--noprofile", "--norc", "-c", script], cwd: cwd)
        }
    }

    @Test func installPutsEverythingWhereShellsAndManLookAndTheScriptsLoad() throws {
        let i = try Installed()
        defer { i.room.cleanup() }
        for path in [i.bin + "/sysdraft", i.bashScript, i.zshFolder + "/_sysdraft", i.fishScript, i.manPage] {
            #expect(FileManager.default.fileExists(atPath: path), "\(path) is installed")
        }
        #expect(FileManager.default.isExecutableFile(atPath: i.bin + "/sysdraft"))
        // No data folder beside it: the data is in the program.
        #expect(!FileManager.default.fileExists(atPath: i.share + "/sysdraft"))

        let bash = try i.bash("source '\(i.bashScript)' && complete -p sysdraft")
        #expect(bash.status == 0, "\(bash.stderr)")
        #expect(bash.stdout.contains("-F ") && bash.stdout.hasSuffix("sysdraft\n"), "\(bash.stdout)")

        let zsh = try i.room.run("/usr/bin/zsh", ["-f", "-c", "fpath=('\(i.zshFolder)' $fpath); autoload -Uz compinit && "
            + "compinit -u -d '\(i.room.dir.file("zcompdump"))'; print -r -- ${_comps[sysdraft]}"])
        #expect(zsh.status == 0 && zsh.stdout == "_sysdraft\n", "\(zsh.stdout)\(zsh.stderr)")

        let fish = try i.room.run("/usr/bin/fish", ["--no-config", "-c", "source '\(i.fishScript)'; complete -C 'sysdraft doc'"])
        #expect(fish.status == 0 && fish.stdout.hasPrefix("doctor\t"), "\(fish.stdout)\(fish.stderr)")
    }

    /// What bash offers after `sysdraft WORDS…<TAB>`, as its completion function computes it.
    static func bashCompletions(_ i: Installed, _ words: [String], cwd: String) throws -> [String] {
        let quoted = words.map { "'\($0)'" }.joined(separator: " ")
        let script = """
            source '\(i.bashScript)'
            COMP_WORDS=(\(quoted)); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}; COMPREPLY=()
            _sysdraft sysdraft "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let r = try i.bash(script, cwd: cwd)
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout.split(separator: "\n").map(String.init).sorted()
    }

    @Test func bashCompletesDesignFilesAndTheNamesOfThemesPlansProblemsAndExamples() throws {
        let i = try Installed()
        defer { i.room.cleanup() }
        let w = i.room.work
        _ = try i.room.dir.write("work/a.json", "{}")
        _ = try i.room.dir.write("work/notes.txt", "")
        try FileManager.default.createDirectory(atPath: w + "/designs", withIntermediateDirectories: true)

        #expect(try Self.bashCompletions(i, ["sysdraft", "open", "--theme", ""], cwd: w)
                == (try repositoryNames("Themes", suffix: ".toml")))
        #expect(try Self.bashCompletions(i, ["sysdraft", "interview", "--plan", ""], cwd: w)
                == (try repositoryNames("Assets/interview/plans", suffix: ".json")))
        #expect(try Self.bashCompletions(i, ["sysdraft", "interview", "--problem", "r"], cwd: w)
                == (try repositoryNames("Assets/problems", suffix: ".json").filter { $0.hasPrefix("r") }))
        #expect(try Self.bashCompletions(i, ["sysdraft", "new", "x.json", "--from", ""], cwd: w)
                == (try repositoryNames("Assets/examples", suffix: ".json")))
        // Design files: JSON files and folders, not other files.
        #expect(try Self.bashCompletions(i, ["sysdraft", "validate", ""], cwd: w) == ["a.json", "designs"])
        #expect(try Self.bashCompletions(i, ["sysdraft", "doc"], cwd: w) == ["doctor"])

        // A theme of the user's own is offered too.
        let mine = i.room.config + "/sysdraft/themes"
        try FileManager.default.createDirectory(atPath: mine, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Repo.root.appendingPathComponent("Themes/light.toml").path, toPath: mine + "/zz-mine.toml")
        #expect(try Self.bashCompletions(i, ["sysdraft", "open", "--theme", "zz"], cwd: w) == ["zz-mine"])
    }

    /// zsh and fish, typed into a real terminal: TAB after `--theme ` lists the themes.
    @Test(arguments: ["zsh", "fish"])
    func zshAndFishCompleteThemeNamesInATerminal(_ shell: String) throws {
        let i = try Installed()
        defer { i.room.cleanup() }
        let command: String
        if shell == "zsh" {
            _ = try i.room.dir.write("home/.zshrc", "fpath=('\(i.zshFolder)' $fpath)\nautoload -Uz compinit && compinit -u\n")
            command = i.room.shellLine("/usr/bin/zsh", [], environment: ["TERM": "screen", "ZDOTDIR": i.room.home])
        } else {
            // fish finds vendor completions under every XDG_DATA_DIRS folder (and ~/.local/share).
            command = i.room.shellLine("/usr/bin/fish", [], environment: ["TERM": "screen", "XDG_DATA_DIRS": i.share])
        }
        let t = try TmuxSession(command, cwd: i.room.work, columns: 120, rows: 30)
        try t.waitFor("a prompt") { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        try t.type("sysdraft open --theme ")
        try t.keys("Tab")
        let themes = try repositoryNames("Themes", suffix: ".toml")
        try t.waitFor("every theme offered") { screen in themes.allSatisfy { screen.contains($0) } }
    }

    @Test func theManualPageRendersAndCoversEveryCommandAndOption() throws {
        let i = try Installed()
        defer { i.room.cleanup() }
        let rendered = try i.room.run("/usr/bin/man", ["-l", i.manPage])
        #expect(rendered.status == 0, "\(rendered.stderr)")
        #expect(rendered.stdout.contains("SYSDRAFT(1)"))
        // groff's own check: no warning of any kind.
        let lint = try i.room.run("/usr/bin/groff", ["-mandoc", "-ww", "-z", i.manPage])
        #expect(lint.status == 0 && lint.stderr.isEmpty, "\(lint.stderr)")
        // `man sysdraft` finds it from the PATH (PREFIX/bin → PREFIX/share/man).
        let found = try i.room.run("/usr/bin/man", ["-w", "sysdraft"])
        #expect(found.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == i.manPage, "\(found.stdout)\(found.stderr)")

        let source = try String(contentsOfFile: i.manPage, encoding: .utf8)
        let tree = try CommandTree()
        for command in tree.subcommands where command.shouldDisplay ?? true && command.commandName != "help" {
            #expect(source.contains(".Ss \(command.commandName)\n"), "a section for \(command.commandName)")
            for argument in command.arguments ?? [] where argument.shouldDisplay {
                for name in argument.names ?? [] where name.kind == "long" && !["help", "version"].contains(name.name) {
                    #expect(source.contains("Fl -\(name.name)"), "\(command.commandName) --\(name.name) is in the page")
                }
            }
        }
    }

    /// Every block marked `<!-- example-commands … -->` in the README, run line by line as written
    /// (in a new git repository, which the git block needs and the others do not mind).
    @Test func theReadmeExampleCommandsWorkAsWrittenWithTheInstalledProgram() throws {
        let i = try Installed()
        defer { i.room.cleanup() }
        let readme = try String(contentsOf: Repo.root.appendingPathComponent("README.md"), encoding: .utf8)
        var blocks: [[String]] = []
        var rest = Substring(readme)
        while let start = rest.range(of: "<!-- example-commands") {
            let end = try #require(rest.range(of: "<!-- end example-commands -->", range: start.upperBound..<rest.endIndex))
            let body = rest[start.upperBound..<end.lowerBound]
            let lines = body.split(separator: "\n").dropFirst().map(String.init)
                .filter { !$0.hasPrefix("```") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            blocks.append(lines)
            rest = rest[end.upperBound...]
        }
        #expect(blocks.count >= 2 && blocks.allSatisfy { !$0.isEmpty })
        #expect(blocks.joined().contains { $0.hasPrefix("sysdraft new ") }, "the README shows how to start")

        for (n, lines) in blocks.enumerated() {
            let folder = i.room.dir.file("readme-\(n)")
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            #expect(try i.room.run("/usr/bin/git", ["init", "-q"], cwd: folder).status == 0)
            for line in lines {
                let r = try i.bash(line, cwd: folder)
                #expect(r.status == 0, "README: `\(line)` exited \(r.status)\n\(r.stdout)\(r.stderr)")
            }
        }

        // The git block did what it says: git diff of a design goes through sysdraft.
        let repo = i.room.dir.file("readme-\(try #require(blocks.firstIndex { $0.contains { $0.hasPrefix("git config diff.sysdraft") } }))")
        let steps = [
            "sysdraft new d.design.json --title Before",
            "git add -A && git -c user.name=t -c user.email=t@t commit -qm one",
            "sysdraft new d.design.json --title After --force",
        ]
        for step in steps { #expect(try i.bash(step, cwd: repo).status == 0, "\(step)") }
        let diff = try i.bash("git diff", cwd: repo)
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(diff.stdout.contains("title") && diff.stdout.contains("After") && !diff.stdout.contains("@@"),
                "git diff shows sysdraft's item diff, not a line diff:\n\(diff.stdout)")
    }
}
