import Foundation

/// sysdraft(1) in mdoc, written from the command tree (every command, argument and option with
/// its help text) plus the sections a manual page needs that `--help` has no place for: files,
/// environment, exit status, examples. `make install` puts it in PREFIX/share/man/man1.
enum ManualPage {
    static func render(_ tool: ToolDescription, date: Date) -> String {
        let root = tool.command
        var out: [String] = []
        func add(_ lines: String...) { out += lines }

        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "MMMM d, yyyy"
        add(".Dd \(formatter.string(from: date))", ".Dt SYSDRAFT 1", ".Os")
        add(".Sh NAME", ".Nm sysdraft", ".Nd " + macroArgument(root.abstract ?? "", trimPeriod: true))

        add(".Sh SYNOPSIS")
        add(".Nm", ".Op Ar FILE")
        for sub in root.visibleSubcommands {
            add(".Nm", ".Cm \(sub.commandName)")
            out += synopsis(sub.visibleArguments)
        }

        add(".Sh DESCRIPTION")
        add(".Nm")
        add("is a full-screen terminal workspace for drafting software system designs, practising system-design")
        add("interviews against the clock, and exporting the result as a Markdown report.")
        add("A design is one JSON file;")
        add(".Nm Ar FILE")
        add("opens it in the workspace, the same as")
        add(".Nm Cm open Ar FILE .")
        add("Inside the workspace, ? or F1 shows every key.")

        add(".Sh COMMANDS")
        for sub in root.visibleSubcommands {
            add(".Ss \(sub.commandName)")
            if let abstract = sub.abstract, !abstract.isEmpty { out += text(abstract) }
            if let discussion = sub.discussion, !discussion.isEmpty { out += paragraphs(discussion) }
            let arguments = sub.visibleArguments
            if !arguments.isEmpty {
                add(".Bl -tag -width Ds")
                for a in arguments {
                    add(".It " + item(a))
                    var help = a.abstract ?? ""
                    if let values = a.allValues, !values.isEmpty, !values.allSatisfy(help.contains) {
                        help += (help.isEmpty ? "" : " ") + "One of: " + values.joined(separator: ", ") + "."
                    }
                    if let d = a.defaultValue, !d.isEmpty, a.kind == "option" { help += " (default: \(d))" }
                    out += text(help.isEmpty ? "\u{2014}" : help)
                    if let discussion = a.discussion, !discussion.isEmpty { out += paragraphs(discussion) }
                }
                add(".El")
            }
        }

        add(".Sh FILES", ".Bl -tag -width Ds")
        for (path, what) in files { add(".It Pa \(path)"); out += text(what) }
        add(".El")

        add(".Sh ENVIRONMENT", ".Bl -tag -width Ds")
        for (name, what) in environment { add(".It Ev \(name)"); out += text(what) }
        add(".El")

        add(".Sh EXIT STATUS", ".Bl -tag -width Ds")
        for (code, what) in exitCodes { add(".It \(code)"); out += text(what) }
        add(".El", ".Pp")
        out += text("diff exits as diff(1) does: 0 the same, 1 different, 2 trouble; merge and resolve exit 0 when no conflict remains, 1 when some do, 2 on trouble; doctor exits 1 when it lists a problem.")

        add(".Sh EXAMPLES")
        for (i, (what, command)) in examples.enumerated() {
            if i > 0 { add(".Pp") }
            out += text(what)
            add(".Bd -literal -offset indent")
            out += literal(command)
            add(".Ed")
        }

        add(".Sh SEE ALSO", ".Xr git 1 ,", ".Xr dot 1 ,", ".Xr tmux 1")
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: sections that --help has no place for

    static let files: [(String, String)] = [
        ("$XDG_CONFIG_HOME/sysdraft/config.toml", "Settings: theme, mouse, [keys.CONTEXT] key bindings, [report] defaults. Default ~/.config/sysdraft/config.toml."),
        ("$XDG_CONFIG_HOME/sysdraft/{plans,problems,themes}/", "Your own interview plans (*.json), practice problems (*.json) and themes (*.toml); a file named like a built-in one replaces it."),
        ("$XDG_DATA_HOME/sysdraft/history.jsonl", "The practice history, one line per finished interview, only ever appended to. Default ~/.local/share/sysdraft/history.jsonl."),
        ("$XDG_DATA_HOME/sysdraft/", "A data folder laid out like the repository (Assets/problems, Assets/interview/plans, Assets/examples, Themes): its files add to or replace the built-in ones."),
        ("PREFIX/share/sysdraft/", "The same, for every user of a program installed as PREFIX/bin/sysdraft."),
        (".NAME.sysdraft-recovery", "Beside a design NAME: the unsaved edits, written a second after each change and offered back after a crash."),
        (".NAME.sysdraft-lock", "Beside a design NAME: which sysdraft has it open."),
    ]

    static let environment: [(String, String)] = [
        ("SYSDRAFT_HOME", "A data folder searched before all others (a checkout of the repository, say)."),
        ("XDG_CONFIG_HOME", "Where config.toml and your own plans, problems and themes are (default ~/.config)."),
        ("XDG_DATA_HOME", "Where the practice history and a data folder are (default ~/.local/share)."),
        ("NO_COLOR", "When set and not empty, no colours: attributes only."),
        ("TERM", "The terminal's terminfo entry: colours and mouse (sysdraft doctor shows what was found)."),
    ]

    static let exitCodes: [(String, String)] = [
        ("0", "Success."),
        ("1", "The design file is invalid: not JSON, wrong fields, broken references, a newer schema, unresolved merge conflicts; or an expression or estimate that does not evaluate."),
        ("3", "A file could not be read or written: missing, permissions, not a regular file, too big, disk full."),
        ("64", "The command line is wrong."),
    ]

    static let examples: [(String, String)] = [
        ("Start a design from the worked example and open it:", "sysdraft new shortener.json --from url-shortener\nsysdraft shortener.json"),
        ("Check a design and write its report:", "sysdraft validate shortener.json\nsysdraft export shortener.json -o report.md"),
        ("A mock interview on a random problem, with the short plan:", "sysdraft interview --random --plan short"),
        ("A back-of-the-envelope figure:", "sysdraft calc '100M/month to /s'"),
        ("Where sysdraft looks for its files, and what is wrong:", "sysdraft doctor"),
    ]

    // MARK: mdoc

    /// `Fl o , Fl -output Ar output` for an option; `Ar file ...` for a positional argument.
    static func item(_ a: ToolDescription.Argument) -> String {
        let value = a.valueName.map { "Ar " + macroArgument($0) } ?? ""
        guard a.kind != "positional" else { return value + (a.isRepeating ? " ..." : "") }
        let names = (a.names ?? []).sorted { $0.kind == "short" && $1.kind != "short" }.map { n -> String in
            n.kind == "short" ? "Fl \(n.name)" : n.kind == "longWithSingleDash" ? "Fl \(n.name)" : "Fl -\(n.name)"
        }
        return names.joined(separator: " , ") + (a.kind == "option" && !value.isEmpty ? " " + value : "")
    }

    static func synopsis(_ arguments: [ToolDescription.Argument]) -> [String] {
        arguments.map { a in
            let body = item(a)
            return a.isOptional || a.kind == "flag" ? ".Op " + body : ".Ar " + body.dropFirst(3)
        }
    }

    /// Help text as text lines: escaped, one sentence per line (as mdoc prefers).
    static func text(_ s: String) -> [String] {
        s.split(separator: "\n", omittingEmptySubsequences: true).flatMap { line -> [String] in
            sentences(String(line).trimmingCharacters(in: .whitespaces)).map(escapeTextLine)
        }
    }

    /// A discussion: paragraphs apart; lines indented by two spaces or more kept as they are.
    static func paragraphs(_ s: String) -> [String] {
        var out: [String] = []
        for block in s.components(separatedBy: "\n\n") where !block.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            let lines = block.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            out.append(".Pp")
            var prose: [String] = []
            var preformatted: [String] = []
            func flush() {
                if !prose.isEmpty { out += text(prose.joined(separator: " ")); prose = [] }
                if !preformatted.isEmpty {
                    out.append(".Bd -literal -offset indent")
                    out += literal(preformatted.joined(separator: "\n"))
                    out.append(".Ed")
                    preformatted = []
                }
            }
            for line in lines {
                if line.hasPrefix("  ") {
                    if !prose.isEmpty { flush() }
                    preformatted.append(String(line.dropFirst(2)))
                } else {
                    if !preformatted.isEmpty { flush() }
                    prose.append(line)
                }
            }
            flush()
        }
        return out
    }

    static func literal(_ s: String) -> [String] {
        s.split(separator: "\n", omittingEmptySubsequences: false).map { escapeTextLine(String($0)) }
    }

    static func sentences(_ line: String) -> [String] {
        var out: [String] = []
        var current = ""
        var previous: Character = " "
        for ch in line {
            if ch == " " && (previous == "." || previous == "?" || previous == "!") && current.count > 1 {
                out.append(current)
                current = ""
            } else {
                current.append(ch)
            }
            previous = ch
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// A text line roff leaves alone: backslashes escaped, a leading `.` or `'` (a request
    /// otherwise) protected, never empty (an empty line is a warning in mdoc).
    static func escapeTextLine(_ s: String) -> String {
        var t = unicodeEscaped(s.replacingOccurrences(of: "\\", with: "\\e"))
        if t.hasPrefix(".") || t.hasPrefix("'") { t = "\\&" + t }
        return t.isEmpty ? "\\&" : t
    }

    /// roff's names for characters help texts use, which also read well on an ASCII terminal.
    static let namedCharacters: [Unicode.Scalar: String] = [
        "\u{2014}": "\\(em", "\u{2013}": "\\(en", "\u{2026}": "...", "\u{00D7}": "\\(mu", "\u{00B5}": "\\(mc",
        "\u{2192}": "\\(->", "\u{2190}": "\\(<-", "\u{2194}": "\\(<>", "\u{2018}": "\\(oq", "\u{2019}": "\\(cq",
        "\u{201C}": "\\(lq", "\u{201D}": "\\(rq", "\u{00B7}": "\\(pc", "\u{2264}": "\\(<=", "\u{2265}": "\\(>=",
        "\u{00B1}": "\\(+-", "\u{00F7}": "\\(di",
    ]

    /// Characters outside ASCII by their roff names, or as `\[uXXXX]`, which groff and mandoc
    /// read whatever the locale.
    static func unicodeEscaped(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            if u.isASCII { out.unicodeScalars.append(u) } else if let named = namedCharacters[u] { out += named } else {
                let hex = String(u.value, radix: 16, uppercase: true)
                out += "\\[u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "]"
            }
        }
        return out
    }

    /// Text placed on a macro line: words mdoc would take for macros are protected with `\&`.
    static func macroArgument(_ s: String, trimPeriod: Bool = false) -> String {
        var t = s.trimmingCharacters(in: .whitespaces)
        if trimPeriod, t.hasSuffix(".") { t.removeLast() }
        return t.split(separator: " ").map { word -> String in
            let w = unicodeEscaped(String(word).replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "\"", with: "\\(dq"))
            let first = w.first.map { String($0) } ?? ""
            let macroLike = w.count >= 2 && w.count <= 3 && first == first.uppercased() && w.dropFirst().allSatisfy(\.isLowercase)
            let punctuation = [".", ",", ";", ":", "(", ")", "[", "]", "?", "!", "|"].contains(w)
            return macroLike || punctuation ? "\\&" + w : w
        }.joined(separator: " ")
    }
}
