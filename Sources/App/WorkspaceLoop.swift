import DesignExport
import DesignModel
import DesignStorage
import Foundation
import Interview
import TextUI
import Workspace

/// The workspace's run loop: draws the state, turns terminal events into actions, runs the
/// effects the reducer asks for (through the document session and the backend) and feeds their
/// results back as actions. It never changes the state itself: every change goes through
/// `Workspace.reduce`. Between events it keeps the recovery copy (`RecoverySchedule`), and on a
/// stop signal it keeps the edits, frees the lock and gives the terminal back.
///
/// Everything outside is injected — the backend, the clock (`Environment.monotonic`), the file
/// system (inside the session) — so tests run the whole loop on a `TestBackend` and fake time.
public final class WorkspaceLoop {
    public enum Exit: Equatable, Sendable {
        /// The user quit.
        case quit
        /// A stop signal ended the session; where the unsaved edits were kept, if there were any.
        case signal(Int32, keptIn: String?)
    }

    public private(set) var state: AppState
    public let session: DocumentSession
    public private(set) var schedule: RecoverySchedule
    let backend: any TerminalBackend
    let env: Environment
    var themes: (any ThemeSwitching)?
    let crashKeeper: (any CrashKeeping)?
    let mouse: Bool
    let noColor: Bool
    let newDesign: (String) -> Design
    /// Appends a finished interview to the practice history (tests pass their own).
    let recordPractice: (InterviewRecord, String?, String) -> Action
    /// How `:export` writes (the user's `[report]` defaults).
    let exportOptions: ExportOptions
    var memory = ViewMemory()
    var grid = Grid(width: 0, height: 0)
    /// What the recovery copy should hold, as of the last event (`RecoveryContent`), and what it
    /// was worked out from: while the design and the dialogs stay as they are, the same value
    /// (the same storage) is kept, so comparing it stays cheap.
    var content: Design
    var contentSource: (design: Design, overlays: [Overlay])?
    /// The schedule's facts about `content`, worked out once per event (nil: to work out).
    var facts: RecoverySchedule.Facts?
    var recoveryFailing = false
    /// When the interview clock next changes what the header shows.
    var nextTickAt: Duration?
    /// What the crash handler was last given, when, and its size.
    var crashCopy: (design: Design, at: Duration, bytes: Int)?

    /// Designs whose copy encodes below this size are handed to the crash handler at most every
    /// `eagerCrashCopyInterval` while edits are pending (a crash then loses almost nothing);
    /// bigger ones only when the recovery copy is written (encoding them per key would be felt).
    static let eagerCrashCopyLimit = 256 * 1024
    static let eagerCrashCopyInterval = Duration.milliseconds(100)

    public init(state: AppState, session: DocumentSession, backend: any TerminalBackend, environment: Environment,
                themes: (any ThemeSwitching)? = nil, crashKeeper: (any CrashKeeping)? = nil,
                mouse: Bool = true, noColor: Bool = false,
                newDesign: @escaping (String) -> Design = { WorkspaceStart.newDesign(at: $0, now: Date()) },
                recordPractice: @escaping (InterviewRecord, String?, String) -> Action = PracticeLog.append,
                exportOptions: ExportOptions = ExportOptions()) {
        self.state = state
        self.session = session
        self.backend = backend
        env = environment
        self.themes = themes
        self.crashKeeper = crashKeeper
        self.mouse = mouse
        self.noColor = noColor
        self.newDesign = newDesign
        self.recordPractice = recordPractice
        self.exportOptions = exportOptions
        // A recovered design is not in any copy this session wrote.
        schedule = RecoverySchedule(copied: state.design == state.savedDesign ? state.savedDesign : nil,
                                    now: environment.monotonic())
        content = RecoveryContent.design(state)
        if content != state.savedDesign {
            schedule.observe(content: content, previous: state.savedDesign, now: environment.monotonic())
        }
    }

    /// Runs until the user quits or a stop signal arrives.
    public func run(startInterview: Bool = false) -> Exit {
        backend.start(mouse: mouse, noColor: noColor)
        defer { backend.stop() }
        if let themes { backend.setColors(themes.colors(depth: backend.depth)) }
        dispatch(.resized(backend.size))
        if startInterview { dispatch(.startInterview(now: env.monotonic())) }
        observeChanges()
        var firstFrame = true
        while true {
            WorkspaceView.render(state, into: &grid, memory: &memory)
            // The crash handler holds an edit before the screen shows it: a crash right after a
            // key the user saw take effect keeps that key (memory only; the disk copy comes after).
            handCrashCopyBeforeFrame()
            backend.draw(grid)
            if firstFrame {
                // After the first frame (a 1 MB file takes ~16 ms more), before any key.
                firstFrame = false
                if protectUnknownFields() {
                    observeChanges()
                    continue
                }
            }
            // The frame is out before the copy is written, so a write never delays what a key shows.
            keepRecoveryCopy()
            let event = backend.nextEvent(timeout: waitDuration())
            var running = true
            switch event {
            case .key(let k)?: running = dispatch(.key(k))
            case .paste(let s)?: running = dispatch(.paste(s))
            case .mouse(let m)?:
                if let action = WorkspaceView.hitTest(m, state, memory) { running = dispatch(action) }
            case .resize(let size)?: running = dispatch(.resized(size))
            case .signal(let sig)?:
                if sig == SIGTSTP {
                    running = dispatch(.suspendRequested)
                } else {
                    return stop(bySignal: sig)
                }
            case nil:
                break
            }
            // The interview clock: when its tick falls due (whether or not keys came meanwhile).
            if running, state.interview?.clock == .running, let due = nextTickAt, env.monotonic() >= due {
                running = dispatch(.tick(now: env.monotonic()))
            }
            observeChanges()
            if !running { break }
        }
        // A clean exit: the file holds what the user chose to keep. (A read-only session never
        // wrote the copy: it belongs to the instance that holds the lock, or was kept when the
        // user chose to look before recovering.)
        session.close()
        crashKeeper?.forget()
        return .quit
    }

    // MARK: actions and effects

    /// Runs an action and every effect it causes; false when the app should quit.
    @discardableResult
    func dispatch(_ first: Action) -> Bool {
        var queue = [first]
        var keepRunning = true
        while !queue.isEmpty {
            let action = queue.removeFirst()
            for effect in Workspace.reduce(&state, action, env) {
                if case .quit = effect {
                    keepRunning = false
                } else if let next = perform(effect) {
                    queue.append(next)
                }
            }
        }
        return keepRunning
    }

    /// Does the I/O an effect asks for; the result comes back as an action.
    func perform(_ effect: Effect) -> Action? {
        switch effect {
        case .save(let design, let path, let force, let overwriteReadOnly):
            switch session.save(design, to: path, overwriteChanged: force, overwriteWriteProtected: overwriteReadOnly) {
            case .saved(let p): return .saved(path: p, design: design)
            case .changedOnDisk(let p): return .changedOnDisk(path: p)
            case .writeProtected(let p): return .writeProtected(path: p)
            case .lockedElsewhere(let p, let pid, let host):
                return .saveFailed(path: p, message: "\(p) is open in another sysdraft (process \(pid) on \(host)); nothing was written")
            case .failed(let error):
                return .saveFailed(path: error.path, message: error.description)
            }
        case .export(let design, let path, let format, let flags):
            var options = exportOptions
            if flags.onlyStarted { options.onlyStarted = true }
            if flags.hideUnticked { options.hideUnticked = true }
            do {
                let text = try Exporter.export(design, catalogue: state.catalogue,
                                               format: ExportFormat(rawValue: format) ?? .markdown, options: options)
                try session.export(Data(text.utf8), to: path)
                return .exported(path: path)
            } catch {
                return .exportFailed(message: "\(error)")
            }
        case .open(let path):
            switch session.switchTo(path, newDesign: newDesign) {
            case .opened(let design, let isNew):
                schedule.forget()
                facts = nil
                crashKeeper?.forget()
                crashCopy = nil
                return .opened(path: path, design: design, isNew: isNew)
            case .refused(let why):
                return .openFailed(message: why)
            }
        case .quit:
            return nil
        case .suspend:
            // The reducer has stopped the interview clock; keep the edits, then stop.
            keepRecoveryNow()
            backend.suspend()
            return .resumedFromSuspend(now: env.monotonic())
        case .bell:
            backend.bell()
            return nil
        case .flash:
            backend.flash()
            return nil
        case .redraw:
            backend.invalidate()
            return nil
        case .recordPractice(let record, let title, let file):
            return recordPractice(record, title, file)
        case .setTheme(let name):
            guard var switcher = themes else { return .themeChanged(name: name, error: "no themes to switch to here") }
            do {
                try switcher.select(name)
                themes = switcher
                backend.setColors(switcher.colors(depth: backend.depth))
                return .themeChanged(name: switcher.current, error: switcher.saveError)
            } catch {
                return .themeChanged(name: name, error: "\(error)")
            }
        }
    }

    /// A save would drop fields of the file the model does not know: the session becomes
    /// read-only (the lock is freed) and says why. True when it did.
    func protectUnknownFields() -> Bool {
        guard !session.readOnly else { return false }
        let unknown = session.unknownFields(of: state.savedDesign)
        guard !unknown.isEmpty else { return false }
        session.becomeReadOnly(because: "the file has fields this version does not know")
        dispatch(.becameReadOnly(message: "Read-only: \(state.fileName) has \(DocumentSession.unknownFieldsNote(unknown)) — "
                                 + "`sysdraft fmt --drop-unknown` removes them"))
        return true
    }

    /// Keeps the edits and frees the lock before touching the terminal, which may be gone
    /// already (SIGHUP after a closed window or SSH session).
    func stop(bySignal sig: Int32) -> Exit {
        let kept = keepRecoveryNow()
        session.releaseLock()
        crashKeeper?.forget()
        backend.stop()
        return .signal(sig, keptIn: kept)
    }

    // MARK: the recovery copy

    /// Notes what changed since the last event for the recovery schedule.
    func observeChanges() {
        facts = nil
        if let source = contentSource, source.design == state.design, source.overlays == state.overlays { return }
        let next = RecoveryContent.design(state)
        contentSource = (state.design, state.overlays)
        schedule.observe(content: next, previous: content, now: env.monotonic())
        content = next
    }

    func recoveryFacts() -> RecoverySchedule.Facts {
        if let facts { return facts }
        let f = schedule.facts(content: content, saved: state.savedDesign)
        facts = f
        return f
    }

    /// Writes the copy when the schedule says so, and removes it once the document is back to
    /// its saved state.
    func keepRecoveryCopy() {
        // A read-only session never writes the copy (it may belong to the instance holding the lock).
        guard !session.readOnly else { return }
        let now = env.monotonic()
        let facts = recoveryFacts()
        if schedule.isDue(facts, now: now) {
            writeRecovery(content)
        } else if facts.obsolete {
            session.removeRecovery()
            schedule.cleared(content)
            self.facts = nil
            crashKeeper?.forget()
            crashCopy = nil
        } else if facts.pending {
            refreshCrashCopy(now: now)
        }
    }

    /// Writes the copy now if it lacks anything (stop signals, suspending). Returns where the
    /// unsaved edits are kept, if there are any and they are on disk.
    @discardableResult
    func keepRecoveryNow() -> String? {
        guard !session.readOnly else { return nil }
        let current = RecoveryContent.design(state)
        guard current != state.savedDesign else { return nil }
        if current == schedule.copied { return session.recoveryPath }
        return writeRecovery(current) ? session.recoveryPath : nil
    }

    @discardableResult
    func writeRecovery(_ design: Design) -> Bool {
        let now = env.monotonic()
        do {
            let data = try DocumentSession.encodeRecovery(design)
            crashKeeper?.keep(data, recoveryPath: session.recoveryPath)
            crashCopy = (design, now, data.count)
            try session.writeRecovery(data)
            schedule.wrote(design, now: now)
            facts = nil
            if recoveryFailing {
                recoveryFailing = false
                dispatch(.recoveryCopyWritten)
            }
            return true
        } catch {
            schedule.failed(now: now)
            facts = nil
            recoveryFailing = true
            dispatch(.recoveryCopyFailed(message: error.description))
            return false
        }
    }

    /// Pending edits go to the crash handler before the frame that shows them.
    func handCrashCopyBeforeFrame() {
        guard crashKeeper != nil, !session.readOnly else { return }
        let facts = recoveryFacts()
        guard facts.pending && !facts.obsolete else { return }
        refreshCrashCopy(now: env.monotonic())
    }

    /// Hands the crash handler the latest edits between recovery writes (small designs only).
    func refreshCrashCopy(now: Duration) {
        guard let crashKeeper else { return }
        if let last = crashCopy {
            guard last.bytes <= Self.eagerCrashCopyLimit, now - last.at >= Self.eagerCrashCopyInterval,
                  last.design != content else { return }
        } else if (session.diskBytes?.count ?? 0) > Self.eagerCrashCopyLimit {
            // No copy yet of a large design: its size is known from the file, so the first edit's
            // frame does not wait for an encoding (≈ 25 ms at 1 MB); the recovery copy hands it over.
            return
        }
        guard let data = try? DocumentSession.encodeRecovery(content) else { return }
        crashKeeper.keep(data, recoveryPath: session.recoveryPath)
        crashCopy = (content, now, data.count)
    }

    /// How long to wait for input: until the recovery copy falls due, or the interview clock
    /// next changes what the countdown shows, and at most a second.
    func waitDuration() -> Duration {
        let now = env.monotonic()
        var wait = session.readOnly ? RecoverySchedule.idleWait : schedule.wait(recoveryFacts(), now: now)
        nextTickAt = nil
        if let session = state.interview, let delay = session.nextTickDelay(at: now) {
            wait = min(wait, max(.milliseconds(20), delay))
            nextTickAt = now + delay
        }
        return wait
    }
}
