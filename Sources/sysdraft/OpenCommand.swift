import App
import ArgumentParser
import CursesTerminal
import DesignExport
import DesignModel
import DesignStorage
import Foundation
import TextUI
import Workspace

struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open a design in the full-screen workspace (the default command).",
        discussion: """
            A missing FILE starts a new design that is written there on the first save. \
            Unsaved edits are copied to a hidden recovery file beside FILE a second after each \
            change; if sysdraft is killed, the next start offers them back.
            """
    )

    enum RecoveryChoice: String, ExpressibleByArgument, CaseIterable {
        case ask, recover, discard, readOnly = "read-only"
    }

    @Argument(help: "The design file.", completion: .designFile)
    var file: String

    @Option(help: "Colour theme: a theme name (`sysdraft doctor` lists them) or a path to a .toml file.", completion: .themeName)
    var theme: String?

    @Flag(name: .customLong("read-only"), help: "Open without allowing changes to FILE (:w PATH still saves a copy).")
    var readOnly = false

    @Flag(name: .customLong("no-mouse"), help: "Leave the mouse to the terminal (text selection).")
    var noMouse = false

    @Flag(help: "No bell at interview phase boundaries.")
    var quiet = false

    @Flag(name: .customLong("start-interview"), help: .hidden)
    var startInterview = false

    @Option(help: "What to do with a recovery copy newer than FILE: \(RecoveryChoice.allCases.map(\.rawValue).joined(separator: ", ")).")
    var recovery: RecoveryChoice = .ask

    func run() throws {
        let assets = try assetsOrExit()
        let catalogue = try catalogueOrExit(assets)
        var themes = ThemeBridge(assets: assets)
        do { try themes.configure(cliTheme: theme, noMouse: noMouse) } catch {
            printError("\(error)")
        }
        let fileSystem = PosixFileSystem()
        // A big file takes a moment to read: say so (Ctrl-C still stops it; nothing is edited yet).
        if let size = fileSystem.status(file).info?.size, size >= Self.sizeWorthANote {
            printError("loading \(file) (\(size >> 20) MB)…")
        }
        // The one place that owns the document: reading it (an existing file that cannot be
        // read is an error, never a new design), the lock, the recovery copy, saving.
        let session: DocumentSession
        do {
            session = try DocumentSession(opening: file, readOnly: readOnly, fileSystem: fileSystem)
        } catch {
            printError(error)
            switch error {
            case .storage: throw Exit.fileError
            case .content: throw Exit.invalidDesign
            }
        }
        guard isatty(0) != 0 && isatty(1) != 0 else {
            printError("the workspace needs a terminal; for scripts use `sysdraft summary`, `validate` or `export`")
            throw Exit.usage
        }
        if case .heldElsewhere(let pid, let host) = session.takeLock() {
            let answer = Prompt.ask(
                "\(file) is open in another sysdraft (process \(pid) on \(host)).",
                options: [("r", "open read-only"), ("q", "quit")])
            if answer != "r" { throw ExitCode.success }
            session.becomeReadOnly(because: "open in another sysdraft, process \(pid)")
        }

        var recovered: Design?
        if let offer = session.recoveryOffer() {
            var choice = recovery
            if choice == .ask {
                let when = offer.newerThanFile ? "" : " (the file has changed since they were kept)"
                let answer = Prompt.ask(
                    "Unsaved edits to \(file) from an earlier session were kept in \(offer.path)\(when).",
                    options: [("r", "recover them"), ("d", "discard them"), ("o", "open the file read-only"), ("q", "quit")])
                switch answer {
                case "r": choice = .recover
                case "d": choice = .discard
                case "o": choice = .readOnly
                default:
                    session.releaseLock()
                    throw ExitCode.success
                }
            }
            switch choice {
            case .recover:
                switch offer.copy {
                case .success(let copy): recovered = copy
                case .failure(let error):
                    // Opening anyway would let the next autosave overwrite the copy.
                    printError("the recovery copy cannot be read (\(error.description)); it is left in place. "
                               + "--recovery discard drops it, --read-only opens \(file) without touching it")
                    session.releaseLock()
                    throw Exit.fileError
                }
            case .discard: session.removeRecovery()
            case .readOnly: session.becomeReadOnly(because: "unsaved edits from an earlier session are kept")
            case .ask: break
            }
        }

        let origin = ContinuousClock.now
        let monotonic: @Sendable () -> Duration = { ContinuousClock.now - origin }
        var options = WorkspaceStart.Options(recovered: recovered)
        options.themeName = themes.current
        options.keymap = themes.config.keymap
        let review = ReviewSettings.config(for: file, user: themes.config)
        options.reviewConfig = review.config
        options.themeWarning = ([themes.warning].compactMap { $0 } + review.problems).joined(separator: "; ")
        if options.themeWarning?.isEmpty == true { options.themeWarning = nil }
        options.configProblems = themes.problems + review.problems
        options.configPath = themes.config.path
        options.quiet = quiet
        options.asciiDrawing = TerminalCharset.prefersASCII(ProcessInfo.processInfo.environment)
        // An interview saved in the design comes back (paused), or starts when asked to.
        let shown = recovered ?? session.loaded
        if let shown {
            (options.interview, options.problem) = InterviewLibrary(assets: assets).resume(shown, now: monotonic())
        }
        options.now = monotonic()
        options.estimateAssets = WorkspaceStart.estimateAssets(assets)
        let state = WorkspaceStart.state(session: session, catalogue: catalogue, options: options)
        let names = themes.names()
        var env = Environment(now: { Date() }, monotonic: monotonic, themeNames: { names },
                              completePath: PathCompletion.complete, scrollLimit: WorkspaceView.scrollLimit)
        let userConfig = themes.config
        env.reviewConfig = { path in ReviewSettings.config(for: path, user: userConfig).config }
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let crash = CrashGuard(note: "sysdraft: stopped by an internal error (a bug, please report it). The terminal "
                               + "was given back; unsaved edits were kept in the recovery copy beside the file, and the "
                               + "next start offers them back.\n")
        var exportOptions = ExportOptions()
        exportOptions.onlyStarted = themes.config.settings.reportOnlyStarted ?? false
        exportOptions.hideUnticked = themes.config.settings.reportHideUnticked ?? false
        let loop = WorkspaceLoop(state: state, session: session, backend: Terminal(), environment: env,
                                 themes: themes, crashKeeper: crash, mouse: themes.mouse, noColor: noColor,
                                 exportOptions: exportOptions)
        switch loop.run(startInterview: startInterview) {
        case .quit:
            return
        case .signal(let sig, let keptIn):
            let kept = keptIn.map { " Unsaved edits are kept in \($0)." } ?? ""
            printError("stopped by signal \(sig).\(kept)")
            Foundation.exit(128 + sig)
        }
    }

    /// Files from this size get a "loading" note before the workspace opens.
    static let sizeWorthANote: Int64 = 8 << 20
}

/// A one-line question on the plain terminal, before the full screen starts.
enum Prompt {
    static func ask(_ message: String, options: [(key: String, label: String)]) -> String {
        let choices = options.map { "[\($0.key)] \($0.label)" }.joined(separator: "  ")
        while true {
            say(message)
            say(choices + " ? ", terminator: "")
            fflush(nil)
            guard let line = readLine() else { return "q" }
            let answer = line.trimmingCharacters(in: .whitespaces).lowercased()
            if let match = options.first(where: { $0.key == answer || $0.label.lowercased().hasPrefix(answer) && !answer.isEmpty }) {
                return match.key
            }
        }
    }
}
