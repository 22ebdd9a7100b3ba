import Foundation
import Workspace

/// A monotonic clock that moves only when told: the test backend advances it while the run loop
/// waits for input, so timers, the recovery schedule and the interview run on fake time.
public final class FakeClock: @unchecked Sendable {
    private let lock = NSLock()
    private var elapsed: Duration
    /// The wall-clock date at time zero.
    public let origin: Date

    public init(start: Duration = .zero, origin: Date = Date(timeIntervalSince1970: 1_800_000_000)) {
        elapsed = start
        self.origin = origin
    }

    public var now: Duration {
        lock.lock(); defer { lock.unlock() }
        return elapsed
    }

    public func advance(by d: Duration) {
        lock.lock(); defer { lock.unlock() }
        if d > .zero { elapsed += d }
    }

    /// The wall-clock date now.
    public var date: Date {
        let c = now.components
        return origin.addingTimeInterval(Double(c.seconds) + Double(c.attoseconds) * 1e-18)
    }
}

/// An in-memory terminal for tests, modelled on ratatui's `TestBackend`: the last frame is kept
/// as a grid the test reads as lines, and events come from a script — keys, typed text, pastes,
/// mouse, resizes, signals, and time passing on a `FakeClock`.
///
/// When the script runs out the loop should have quit; the backend then lets a little time pass
/// per call and, after `exhaustionLimit` calls, sends SIGHUP so a test can never hang.
/// `exhausted` says how often that happened (a test expects 0).
public final class TestBackend: TerminalBackend {
    public enum Step {
        case key(Key)
        /// Text typed key by key.
        case type(String)
        case paste(String)
        case mouse(MouseEvent)
        /// The terminal changes size (the next event reports it).
        case resize(ScreenSize)
        case signal(Int32)
        /// This much time passes with no input.
        case wait(Duration)
        /// Runs at this point of the script (the latest frame is drawn): look at the screen,
        /// change the file system, break something.
        case run((TestBackend) -> Void)
    }

    public let clock: FakeClock
    public private(set) var size: ScreenSize
    public var depth: ColorDepth = .full256
    /// The last frame drawn.
    public private(set) var grid = Grid(width: 0, height: 0)
    public private(set) var frames = 0
    public private(set) var bells = 0
    public private(set) var flashes = 0
    public private(set) var suspensions = 0
    public private(set) var invalidations = 0
    public private(set) var isStarted = false
    public private(set) var startCount = 0
    public private(set) var colorTables: [[Role: RoleColors]] = []
    /// Cells of any frame that held a character meant never to reach a terminal raw.
    public private(set) var rawCharacters: [String] = []
    public private(set) var exhausted = 0
    /// Look for raw characters in every drawn cell (`rawCharacters`); benchmarks turn it off.
    public var checksCells = true
    public var exhaustionLimit = 200
    /// Time that passes while the process is suspended (between `suspend` and `fg`).
    public var suspendedFor: Duration = .zero
    /// What the loop waited for each time it asked for an event (for timing tests).
    public private(set) var waits: [Duration] = []
    private var script: [Step] = []

    public init(size: ScreenSize = ScreenSize(columns: 100, rows: 30), clock: FakeClock = FakeClock()) {
        self.size = size
        self.clock = clock
    }

    /// Adds steps to the end of the script.
    public func script(_ steps: Step...) { script += steps }
    public func script(_ steps: [Step]) { script += steps }

    /// The last frame as text, one string per row (trailing spaces kept).
    public func lines() -> [String] {
        (0..<grid.height).map { y in
            (0..<grid.width).reduce(into: "") { line, x in line += grid[x, y].symbol }
        }
    }

    /// The last frame as one string.
    public var screen: String { lines().joined(separator: "\n") }

    // MARK: TerminalBackend

    public func start(mouse: Bool, noColor: Bool) {
        isStarted = true
        startCount += 1
    }

    public func stop() { isStarted = false }

    public func setColors(_ table: [Role: RoleColors]) { colorTables.append(table) }

    /// Called after each frame is taken (benchmarks time frames with it).
    public var onDraw: (() -> Void)?

    /// Keep the last frame (`grid`, `lines`). Benchmarks turn it off: holding the frame makes
    /// the loop's next render copy its grid, which a real terminal backend does not cause.
    public var keepsFrames = true

    public func draw(_ grid: Grid) {
        if keepsFrames { self.grid = grid }
        frames += 1
        onDraw?()
        guard checksCells else { return }
        for cell in grid.cells where Sanitize.needsSanitizing(cell.symbol) {
            rawCharacters.append(cell.symbol)
        }
    }

    public func nextEvent(timeout: Duration) -> TerminalEvent? {
        waits.append(timeout)
        while let step = script.first {
            switch step {
            case .run(let body):
                script.removeFirst()
                body(self)
                continue
            case .wait(let d):
                let step = min(d, timeout)
                clock.advance(by: step)
                if step >= d { script.removeFirst() } else { script[0] = .wait(d - step) }
                return nil
            case .type(let text):
                guard let c = text.first else { script.removeFirst(); continue }
                let rest = String(text.dropFirst())
                if rest.isEmpty { script.removeFirst() } else { script[0] = .type(rest) }
                switch c {
                case "\n", "\r": return .key(.enter)
                case "\t": return .key(.tab)
                default: return .key(.char(c))
                }
            case .key(let k):
                script.removeFirst()
                return .key(k)
            case .paste(let s):
                script.removeFirst()
                return .paste(s)
            case .mouse(let m):
                script.removeFirst()
                return .mouse(m)
            case .resize(let s):
                script.removeFirst()
                size = s
                return .resize(s)
            case .signal(let sig):
                script.removeFirst()
                return .signal(sig)
            }
        }
        exhausted += 1
        clock.advance(by: timeout)
        return exhausted >= exhaustionLimit ? .signal(SIGHUP) : nil
    }

    public func bell() { bells += 1 }
    public func flash() { flashes += 1 }

    public func suspend() {
        suspensions += 1
        clock.advance(by: suspendedFor)
    }

    public func invalidate() { invalidations += 1 }
}
