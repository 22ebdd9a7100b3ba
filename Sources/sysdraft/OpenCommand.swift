import ArgumentParser
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

    @Argument(help: "The design file.")
    var file: String

    @Option(help: "Colour theme: a name from Themes/ or a path to a .toml file.")
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
        var design: Design
        var isNew = false
        if FileManager.default.fileExists(atPath: file) {
            design = try loadOrExit(file)
        } else {
            let dir = (file as NSString).deletingLastPathComponent
            if !dir.isEmpty && !FileManager.default.fileExists(atPath: dir) {
                printError("\(file): the folder \(dir) does not exist")
                throw Exit.fileError
            }
            design = Design(title: NewCommand.titleFromFileName(file), now: Date())
            isNew = true
        }
        guard isatty(0) != 0 && isatty(1) != 0 else {
            printError("the workspace needs a terminal; for scripts use `sysdraft summary`, `validate` or `export`")
            throw Exit.usage
        }
        var readOnly = self.readOnly
        let lock = DocumentLock(for: file)
        if !readOnly {
            switch lock.acquire() {
            case .acquired, .tookOverStale:
                // Only the lock holder saves this file, so temp files now are from killed saves.
                RecoveryFile(for: file).removeAbandonedTemporaryFiles()
            case .heldBy(let pid, let host):
                let answer = Prompt.ask(
                    "\(file) is open in another sysdraft (process \(pid) on \(host)).",
                    options: [("r", "open read-only"), ("q", "quit")])
                if answer != "r" { throw ExitCode.success }
                readOnly = true
            }
        }

        let recoveryFile = RecoveryFile(for: file)
        var recovered: Design?
        if recoveryFile.exists && !readOnly {
            // A copy that holds exactly the document has nothing to offer. An older copy that
            // differs is offered too: the file changed after the crash (a checkout, another
            // editor), and dropping the edits silently would lose them.
            let newer = recoveryFile.isNewerThanDocument
            let copy = try? recoveryFile.read()
            if let copy, isNew ? false : copy == design {
                recoveryFile.remove()
            } else if !newer && copy == nil {
                recoveryFile.remove()  // older than the file and unreadable: nothing worth keeping
            } else {
                var choice = recovery
                if choice == .ask {
                    let when = newer ? "" : " (the file has changed since they were kept)"
                    let answer = Prompt.ask(
                        "Unsaved edits to \(file) from an earlier session were kept in \(recoveryFile.path)\(when).",
                        options: [("r", "recover them"), ("d", "discard them"), ("o", "open the file read-only"), ("q", "quit")])
                    switch answer {
                    case "r": choice = .recover
                    case "d": choice = .discard
                    case "o": choice = .readOnly
                    default:
                        lock.release()
                        throw ExitCode.success
                    }
                }
                switch choice {
                case .recover:
                    if let copy { recovered = copy } else {
                        do { recovered = try recoveryFile.read() } catch {
                            // Opening anyway would let the next autosave overwrite the copy.
                            printError("the recovery copy cannot be read (\(error.description)); it is left in place. "
                                       + "--recovery discard drops it, --read-only opens \(file) without touching it")
                            lock.release()
                            throw Exit.fileError
                        }
                    }
                case .discard: recoveryFile.remove()
                case .readOnly: readOnly = true
                case .ask: break
                }
            }
        }
        if readOnly { lock.release() }

        var state = AppState(design: design, filePath: file, isNewFile: isNew, readOnly: readOnly, catalogue: catalogue)
        state.themeName = themes.current
        state.keymap = themes.config.keymap
        if let recovered {
            state.design = recovered
            state.message = StatusMessage("Recovered unsaved edits — Ctrl-S saves them to \(file)", .success)
        } else if isNew {
            state.message = StatusMessage("New design — Ctrl-S creates \(file)", .info)
        }
        // A broken theme or config is said first, whatever else the start has to say.
        if let warning = themes.warning {
            state.message = StatusMessage(warning + (state.message.map { " · " + $0.text } ?? ""), .error)
        }
        state.quiet = quiet
        let runner = WorkspaceRunner(state: state, assets: assets, themes: themes, lock: readOnly ? nil : lock,
                                     startInterview: startInterview)
        let code = runner.run()
        if code != 0 { throw ExitCode(code) }
    }
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
