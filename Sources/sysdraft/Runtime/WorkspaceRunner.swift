import CursesTerminal
import DesignExport
import DesignModel
import DesignStorage
import Foundation
import TextUI
import Workspace

/// Runs the full-screen workspace: reads terminal events, feeds them to the reducer, runs the
/// effects it asks for, draws each new state, keeps a recovery copy of unsaved edits, and on
/// a signal saves that copy and restores the terminal before exiting.
final class WorkspaceRunner {
    var state: AppState
    let assets: AssetLocator
    let terminal = Terminal()
    var memory = ViewMemory()
    var grid = Grid(width: 0, height: 0)
    var recovery: RecoveryFile
    var lock: DocumentLock?
    var themes: ThemeBridge
    let env: Environment
    /// When the recovery copy is written, and what it holds.
    var schedule: RecoverySchedule
    var exitCode: Int32 = 0
    /// The file's bytes as last loaded or saved, to notice another program changing it.
    var diskBytes: Data?
    var diskPath: String

    init(state: AppState, assets: AssetLocator, themes: ThemeBridge, lock: DocumentLock?, startInterview: Bool = false) {
        self.state = state
        self.assets = assets
        self.themes = themes
        self.lock = lock
        recovery = RecoveryFile(for: state.filePath)
        let names = themes.names()
        let origin = ContinuousClock.now
        env = Environment(now: { Date() }, monotonic: { ContinuousClock.now - origin }, themeNames: { names },
                          completePath: PathCompletion.complete, scrollLimit: WorkspaceView.scrollLimit)
        schedule = RecoverySchedule(copied: state.savedDesign, now: env.monotonic())
        diskPath = state.filePath
        diskBytes = try? AtomicFile.read(state.filePath)
        // An interview saved in the design comes back (paused), or starts when asked to.
        let (session, problem) = InterviewLibrary(assets: assets).resume(self.state.design, now: env.monotonic())
        self.state.interview = session
        self.state.interviewProblem = problem
        if startInterview, let s = session, s.clock != .running, s.clock != .finished {
            _ = Workspace.reduce(&self.state, .key(.char("t")), env)
        }
        self.state.interviewNow = env.monotonic()
    }

    /// True when the file differs from what was last loaded or saved (or appeared or vanished).
    func changedOnDisk(_ path: String) -> Bool {
        guard path == diskPath else { return false }
        let now = try? AtomicFile.read(path)
        return now != diskBytes
    }

    func run() -> Int32 {
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        terminal.start(mouse: themes.mouse, noColor: noColor)
        terminal.setColors(themes.colors(depth: terminal.depth))
        state.size = terminal.size
        defer {
            terminal.stop()
            lock?.release()
        }
        var previous = state
        var running = true
        var firstFrame = true
        while running {
            WorkspaceView.render(state, into: &grid, memory: &memory)
            terminal.draw(grid)
            if firstFrame {
                // After the first frame (a 1 MB file takes ~16 ms more), before any key.
                firstFrame = false
                if protectUnknownFields() { continue }
            }
            let event = terminal.nextEvent(timeout: waitMilliseconds())
            switch event {
            case .key(let k)?: running = dispatch(.key(k))
            case .paste(let s)?: running = dispatch(.paste(s))
            case .mouse(let m)?:
                if let action = WorkspaceView.hitTest(m, state, memory) { running = dispatch(action) }
            case .resize(let size)?: running = dispatch(.resized(size))
            case .signal(let sig)?:
                // Keep the edits and free the lock before touching the terminal, which may be
                // gone already (SIGHUP after a closed window or SSH session).
                saveRecoveryNow()
                lock?.release()
                terminal.stop()
                let kept = state.isDirty ? " Unsaved edits are kept in \(recovery.path)." : ""
                printError("stopped by signal \(sig).\(kept)")
                exit(128 + sig)
            case nil:
                if state.interview?.clock == .running { running = dispatch(.tick(now: env.monotonic())) }
            }
            schedule.observe(state.design, previous: previous.design, now: env.monotonic())
            previous = state
            keepRecoveryCopy()
        }
        // A clean exit: the file on disk is what the user chose to keep. A read-only session
        // never wrote the copy: it belongs to the instance that holds the lock, or was kept
        // when the user chose to look before recovering.
        if !state.readOnly { recovery.remove() }
        return exitCode
    }

    /// A save would drop fields of the file the model does not know: the session becomes
    /// read-only (the lock is freed) and says why. True when it did.
    func protectUnknownFields() -> Bool {
        guard !state.readOnly, let bytes = diskBytes else { return false }
        let unknown = UnknownFields.find(in: bytes, decoded: state.savedDesign)
        guard !unknown.isEmpty else { return false }
        state.readOnly = true
        lock?.release()
        lock = nil
        state.message = StatusMessage("Read-only: \(state.fileName) has \(unknownFieldsNote(unknown)) — "
                                      + "`sysdraft fmt --drop-unknown` removes them", .error)
        return true
    }

    /// Runs an action and every effect it causes; returns false when the app should quit.
    func dispatch(_ first: Action) -> Bool {
        var queue = [first]
        var keepRunning = true
        while !queue.isEmpty {
            let action = queue.removeFirst()
            for effect in Workspace.reduce(&state, action, env) {
                switch effect {
                case .quit: keepRunning = false
                default: if let next = perform(effect) { queue.append(next) }
                }
            }
        }
        return keepRunning
    }

    /// Does the I/O an effect asks for; the result comes back as an action.
    func perform(_ effect: Effect) -> Action? {
        switch effect {
        case .save(let design, let path, let force):
            if !force && path == state.filePath && changedOnDisk(path) { return .changedOnDisk(path: path) }
            do {
                try DesignFile.save(design, to: path)
                if path == state.filePath { recovery.remove() }
                diskBytes = try? AtomicFile.read(path)
                diskPath = path
                return .saved(path: path, design: design)
            } catch {
                return .saveFailed(path: path, message: error.description)
            }
        case .export(let design, let path, let format):
            do {
                let text = try Exporter.export(design, catalogue: state.catalogue,
                                               format: ExportFormat(rawValue: format) ?? .markdown)
                try AtomicFile.write(Data(text.utf8), to: path)
                return .exported(path: path)
            } catch {
                return .exportFailed(message: "\(error)")
            }
        case .open(let path):
            if FileManager.default.fileExists(atPath: path) {
                do {
                    let (design, unknown) = try DesignFile.loadListingUnknownFields(path)
                    if !unknown.isEmpty && !state.readOnly {
                        return .openFailed(message: "\(path) has \(unknownFieldsNote(unknown)) — sysdraft \(path) opens it read-only")
                    }
                    if let refusal = switchDocument(to: path) { return .openFailed(message: refusal) }
                    diskBytes = try? AtomicFile.read(path)
                    diskPath = path
                    return .opened(path: path, design: design, isNew: false)
                } catch {
                    return .openFailed(message: error.description)
                }
            }
            if let refusal = switchDocument(to: path) { return .openFailed(message: refusal) }
            diskBytes = nil
            diskPath = path
            return .opened(path: path, design: Design(title: NewCommand.titleFromFileName(path), now: Date()), isNew: true)
        case .quit:
            return nil
        case .suspend:
            _ = dispatch(.suspending(now: env.monotonic()))
            saveRecoveryNow()
            terminal.suspend()
            return .resumedFromSuspend(now: env.monotonic())
        case .bell:
            terminal.bell()
            return nil
        case .flash:
            terminal.flashScreen()
            return nil
        case .redraw:
            terminal.invalidate()
            return nil
        case .recordPractice(let record, let title, let file):
            return PracticeLog.append(record, problemTitle: title, file: file)
        case .setTheme(let name):
            do {
                try themes.select(name)
                terminal.setColors(themes.colors(depth: terminal.depth))
                return .themeChanged(name: themes.current, error: themes.saveError)
            } catch {
                return .themeChanged(name: name, error: "\(error)")
            }
        }
    }

    /// Moves the lock and recovery copy to another document (`:e`, reload). Returns why not when
    /// another sysdraft edits that file, or it has a recovery copy of unsaved edits (which the
    /// autosave here would overwrite); the current document then stays as it was.
    func switchDocument(to path: String) -> String? {
        if state.readOnly {
            // A read-only session stays one: it takes no lock and never writes a recovery copy.
            recovery = RecoveryFile(for: path)
            schedule.forget()
            return nil
        }
        let next = DocumentLock(for: path)
        let samePath = lock?.path == next.path
        if !samePath {
            if case .heldBy(let pid, let host) = next.acquire() {
                return "\(path) is open in another sysdraft (process \(pid) on \(host)) — sysdraft --read-only \(path) opens it to look"
            }
            let copy = RecoveryFile(for: path)
            if copy.exists {
                let kept = try? copy.read()
                let onDisk = FileManager.default.fileExists(atPath: path) ? try? DesignFile.load(path) : nil
                if kept != nil && kept == onDisk {
                    copy.remove()
                } else {
                    next.release()
                    return "\(path) has unsaved edits from an earlier session — sysdraft \(path) offers to recover them"
                }
            }
            copy.removeAbandonedTemporaryFiles()
        }
        // A read-only session never wrote the copy it would remove (see run()).
        if !state.readOnly { recovery.remove() }
        if !samePath {
            lock?.release()
            lock = next
        }
        recovery = RecoveryFile(for: path)
        schedule.forget()
        return nil
    }

    /// How long to wait for input: until the recovery copy falls due, or the interview clock
    /// next changes what the countdown shows, and at most a second.
    func waitMilliseconds() -> Int32 {
        let now = env.monotonic()
        var wait = schedule.wait(state, now: now)
        if let session = state.interview, let delay = session.nextTickDelay(at: now) {
            wait = min(wait, max(.milliseconds(20), delay))
        }
        let d = wait.components
        return Int32(d.seconds * 1000 + d.attoseconds / 1_000_000_000_000_000)
    }

    /// Writes the recovery copy when the schedule says so, and removes it once the document is
    /// back to its saved state.
    func keepRecoveryCopy() {
        // A read-only session never writes the copy (it may belong to the instance holding the lock).
        guard !state.readOnly else { return }
        if schedule.isDue(state, now: env.monotonic()) {
            saveRecoveryNow()
        } else if schedule.isObsolete(state) {
            recovery.remove()
            schedule.cleared(state.design)
        }
    }

    func saveRecoveryNow() {
        guard !state.readOnly, schedule.isPending(state) else { return }
        do {
            try recovery.write(state.design)
            schedule.wrote(state.design, now: env.monotonic())
        } catch {
            state.message = StatusMessage("Cannot keep a recovery copy: \(error)", .error)
        }
    }
}

/// File-name completion for the palette's path arguments.
enum PathCompletion {
    @Sendable static func complete(_ prefix: String) -> [String] {
        let expanded = (prefix as NSString).expandingTildeInPath
        let dir: String
        let stem: String
        if prefix.hasSuffix("/") {
            dir = expanded
            stem = ""
        } else {
            dir = (expanded as NSString).deletingLastPathComponent
            stem = (expanded as NSString).lastPathComponent
        }
        let listDir = dir.isEmpty ? "." : dir
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: listDir) else { return [] }
        let typedDir = prefix.hasSuffix("/") ? prefix : (prefix as NSString).deletingLastPathComponent
        return names.filter { $0.hasPrefix(stem) && (!$0.hasPrefix(".") || stem.hasPrefix(".")) }.sorted().map { name in
            var isDir: ObjCBool = false
            FileManager.default.fileExists(atPath: (listDir as NSString).appendingPathComponent(name), isDirectory: &isDir)
            let joined = typedDir.isEmpty ? name : (typedDir.hasSuffix("/") ? typedDir + name : typedDir + "/" + name)
            return joined + (isDir.boolValue ? "/" : "")
        }
    }
}
