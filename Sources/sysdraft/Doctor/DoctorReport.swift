import App
import CursesTerminal
import DesignModel
import DesignStorage
import Foundation
import Interview
import TextUI

/// What `sysdraft doctor` prints, gathered once: plain lines, every problem collected.
struct DoctorReport {
    let environment: [String: String]
    let assets: AssetLocator
    let terminal: TerminalFacts
    let file: String?
    let config: UserConfig
    private(set) var problems: [String] = []

    init(environment: [String: String], assets: AssetLocator, terminal: TerminalFacts, file: String?) {
        self.environment = environment
        self.assets = assets
        self.terminal = terminal
        self.file = file
        config = UserConfig(environment: environment)
        problems = config.problems
    }

    /// `~/…` for paths under the home folder.
    func show(_ path: String) -> String { UserConfig.abbreviate(path, home: environment["HOME"]) }

    /// The report, line by line; fills `problems` on the way.
    mutating func render() -> [String] {
        var out: [String] = []
        out.append("sysdraft \(SysdraftCommand.version) (\(show(AssetLocator.currentExecutable())))")
        out.append("")
        out += fileLines()
        out.append("")
        out += folderLines()
        out.append("")
        out += dataLines()
        out.append("")
        out += terminalLines()
        out.append("")
        if problems.isEmpty {
            out.append("No problems found.")
        } else {
            out.append("Problems (\(problems.count)):")
            out += problems.map { "  " + $0 }
        }
        return out
    }

    static func row(_ label: String, _ value: String, width: Int = 12) -> String {
        "  " + label.padding(toLength: max(width, label.count), withPad: " ", startingAt: 0) + " " + value
    }

    // MARK: files

    mutating func fileLines() -> [String] {
        var out = ["Files:"]
        if let path = config.path {
            let state = FileManager.default.fileExists(atPath: path)
                ? (config.problems.isEmpty ? "read, no problems" : "read, \(config.problems.count) problem\(config.problems.count == 1 ? "" : "s") (below)")
                : "not there: the defaults apply"
            out.append(Self.row("config", "\(show(path)) (\(state))"))
        } else {
            out.append(Self.row("config", "none: neither XDG_CONFIG_HOME nor HOME is set"))
        }
        if let data = AssetLocator.dataHome(environment: environment) {
            out.append(Self.row("data", "\(show(data)) (\(Self.folderState(data)))"))
        } else {
            out.append(Self.row("data", "none: neither XDG_DATA_HOME nor HOME is set"))
        }
        if let path = PracticeHistory.defaultPath(environment: environment) {
            out.append(Self.row("history", "\(show(path)) (\(historyState(path)))"))
        } else {
            out.append(Self.row("history", "none: neither XDG_DATA_HOME nor HOME is set"))
        }
        if let file {
            let recovery = RecoveryFile(for: file)
            let lock = DocumentLock(for: file)
            out.append(Self.row("recovery", "\(recovery.path) ("
                + (recovery.exists ? "there: unsaved edits, offered back when \(file) is opened" : "none") + ")"))
            out.append(Self.row("lock", "\(lock.path) ("
                + (FileManager.default.fileExists(atPath: lock.path) ? "there: see whether another sysdraft has the file open" : "none") + ")"))
        } else {
            out.append(Self.row("recovery", "beside each design: .NAME.sysdraft-recovery (unsaved edits, until saved)"))
            out.append(Self.row("lock", "beside each design: .NAME.sysdraft-lock (while a sysdraft edits it)"))
        }
        return out
    }

    mutating func historyState(_ path: String) -> String {
        guard FileManager.default.fileExists(atPath: path) else { return "none yet: written after the first interview" }
        do {
            let (history, warnings) = PracticeHistory.parse(try AtomicFile.read(path), name: show(path))
            problems += warnings
            let n = history.attempts.count
            return "\(n) attempt\(n == 1 ? "" : "s")" + (warnings.isEmpty ? "" : ", \(warnings.count) unreadable line\(warnings.count == 1 ? "" : "s")")
        } catch {
            problems.append("\(error)")
            return "cannot be read"
        }
    }

    static func folderState(_ path: String) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return "not there" }
        if !isDirectory.boolValue { return "not a folder" }
        guard FileManager.default.isReadableFile(atPath: path) else { return "cannot be read" }
        return "there"
    }

    // MARK: data folders

    mutating func folderLines() -> [String] {
        var out = ["Data folders (the first that has a file wins; then the built-in data):"]
        var rows: [(String, String)] = []
        for source in DataFolder.Source.allCases {
            let folders = assets.folders.filter { $0.source == source }
            for folder in folders {
                let label = source == .config
                    ? "config/" + ((folder.standsFor ?? "") as NSString).lastPathComponent.lowercased() : folder.label
                var state = Self.folderState(folder.url.path)
                if state == "not a folder" || state == "cannot be read" {
                    problems.append("\(show(folder.url.path)) (\(folder.label)): \(state)")
                }
                if state == "there" {
                    let n = filesCount(in: folder)
                    state = "there, \(n) data file\(n == 1 ? "" : "s")"
                }
                rows.append((label, "\(show(folder.url.path)) (\(state))"))
            }
            if folders.isEmpty {
                switch source {
                case .sysdraftHome: rows.append(("$SYSDRAFT_HOME", "not set"))
                case .prefix: rows.append(("PREFIX/share/sysdraft", "none: the program is not in a bin/ folder"))
                default: break
                }
            }
        }
        rows.append(("built-in", "\(AssetLocator.builtInPaths.count) files compiled into this program"))
        let width = rows.map(\.0.count).max() ?? 12
        out += rows.map { Self.row($0.0, $0.1, width: width) }
        return out
    }

    func filesCount(in folder: DataFolder) -> Int {
        let kinds: [(String, String)] = [(AssetLocator.themesFolder, ".toml"), (AssetLocator.plansFolder, ".json"),
                                         (AssetLocator.problemsFolder, ".json"), (AssetLocator.examplesFolder, ".json")]
        let single = AssetLocator(folders: [folder], includesBuiltIn: false)
        var n = kinds.reduce(0) { $0 + single.files(in: $1.0, suffix: $1.1).count }
        n += DoctorReport.singleFiles.filter { single.file($0.path) != nil }.count
        return n
    }

    // MARK: themes, plans, problems, examples, the rest

    static let singleFiles: [(label: String, path: String)] = [
        ("stages", AssetLocator.cataloguePath),
        ("templates", AssetLocator.estimateTemplatesPath),
        ("reference", AssetLocator.referenceCardPath),
    ]

    mutating func dataLines() -> [String] {
        var out: [String] = []
        let home = environment["HOME"]
        let themes = ThemeFiles.files(assets)
        out += listing("Themes", themes) { file in
            do { _ = try ThemeFiles.load(file); return nil } catch let error as ThemeError {
                return error.fullDescription.components(separatedBy: "\n").map { UserConfig.abbreviate($0, home: home) }
            } catch { return ["\(error)"] }
        }
        if let chosen = config.theme {
            do { _ = try ThemeFiles.load(chosen, assets: assets) } catch {
                problems.append("\(show(config.path ?? "config.toml")): theme \"\(chosen)\": \(error)")
            }
        }
        out.append("")
        let library = InterviewLibrary(assets: assets)
        out += listing("Interview plans", library.planFiles()) { file in
            do { _ = try InterviewLibrary.loadPlan(file); return nil } catch { return problemLines(error) }
        }
        out.append("")
        out += listing("Practice problems", library.problemFiles()) { file in
            do { _ = try InterviewLibrary.loadProblem(file); return nil } catch { return problemLines(error) }
        }
        out.append("")
        out += listing("Examples", assets.files(in: AssetLocator.examplesFolder, suffix: ".json")) { file in
            do { _ = try Self.loadExample(file); return nil } catch { return ["\(file.display): \(error)"] }
        }
        out.append("")
        out.append("Other data:")
        for (label, path) in Self.singleFiles {
            let copies = assets.candidates(path)
            guard var file = copies.first else {
                problems.append("\(path): missing from this build of sysdraft")
                continue
            }
            file.hides = Array(copies.dropFirst())
            out.append(Self.row(label, origin(of: file)))
        }
        do { _ = try assets.catalogue() } catch { problems.append("\(error)") }
        do { _ = try assets.estimateTemplates() } catch { problems.append("\(error)") }
        do { _ = try assets.referenceCard() } catch { problems.append("\(error)") }
        return out
    }

    /// `Themes (6): …` then one line per file: its name, where it comes from, what it replaces.
    mutating func listing(_ title: String, _ files: [AssetFile], check: (AssetFile) -> [String]?) -> [String] {
        let builtIn = files.filter(\.isBuiltIn).count
        var out = ["\(title) (\(files.count), \(builtIn) built in):"]
        let width = max(12, files.map(\.name.count).max() ?? 0)
        for file in files {
            var line = Self.row(file.name, origin(of: file), width: width)
            if let trouble = check(file) {
                problems += trouble
                line += " — broken, see below"
            }
            out.append(line)
        }
        return out
    }

    /// `built-in`, or the file's path and which copies it replaces.
    func origin(of file: AssetFile) -> String {
        guard let url = file.url else { return "built-in" }
        var text = show(url.path)
        if case .folder(let folder) = file.origin { text += " (\(folder.label))" }
        if !file.hides.isEmpty {
            let replaced = file.hides.map { hidden -> String in
                let same = (try? hidden.data()) == (try? file.data())
                return (hidden.isBuiltIn ? "the built-in one" : show(hidden.display)) + (same ? ", same content" : "")
            }
            text += "; replaces " + replaced.joined(separator: " and ")
        }
        return text
    }

    static func loadExample(_ file: AssetFile) throws {
        _ = try DesignCodec.decode(try file.data())
    }

    // MARK: terminal

    mutating func terminalLines() -> [String] {
        var out = ["Terminal:"]
        let t = terminal
        if let term = t.term {
            if let colors = t.colors {
                out.append(Self.row("TERM", "\(term) (terminfo: \(colors == 0 ? "no colours" : "\(colors) colours"))"))
            } else {
                out.append(Self.row("TERM", "\(term) (no terminfo entry: sysdraft cannot draw there; try TERM=xterm-256color)"))
                problems.append("TERM=\(term) has no terminfo entry")
            }
        } else {
            out.append(Self.row("TERM", "not set (sysdraft needs it to draw)"))
        }
        let capability = ColorCapability.detect(environment: environment, terminalColors: t.colors ?? 0)
        let theme = config.theme ?? "default"
        var colours: String
        switch capability {
        case .colors256: colours = "256 colours"
        case .colors8: colours = "8 colours"
        case .none: colours = "no colours: attributes only (bold, reverse)"
        }
        if let v = environment["NO_COLOR"], !v.isEmpty { colours += " — NO_COLOR is set" }
        out.append(Self.row("colours", "theme \(theme) in \(colours)"))
        let locale = environment["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["LC_CTYPE"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["LANG"].flatMap { $0.isEmpty ? nil : $0 } ?? "C"
        let codeset = t.codeset.isEmpty ? "unknown" : t.codeset
        out.append(Self.row("characters", t.isUTF8
            ? "UTF-8 (locale \(locale))"
            : "\(codeset) (locale \(locale)): not UTF-8, so lines and symbols may show as ?; set LANG=C.UTF-8 or a UTF-8 locale"))
        if let columns = t.columns, let rows = t.rows {
            let fit = columns >= 100 && rows >= 30 ? "the four panes side by side"
                : columns >= 60 && rows >= 15 ? "one pane at a time (100×30 for all four)" : "too small (60×15 at least)"
            out.append(Self.row("size", "\(columns)×\(rows): \(fit)"))
        } else {
            out.append(Self.row("size", "unknown (no terminal on stdin, stdout or stderr)"))
        }
        let mouseSetting = config.mouse ?? true
        var mouse = mouseSetting ? "on" : "off (mouse = false in config.toml)"
        if mouseSetting {
            mouse += t.mouseInTerminfo ? "; the terminal describes mouse reports" : "; the terminfo entry does not mention a mouse (kmous): clicks may not arrive"
            mouse += "; --no-mouse leaves it to the terminal"
        }
        out.append(Self.row("mouse", mouse))
        if !t.stdoutIsTerminal {
            out.append(Self.row("", "(standard output is not a terminal: the figures are for TERM, not for a screen)"))
        }
        return out
    }
}
