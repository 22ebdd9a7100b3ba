import DesignModel

/// When the recovery copy of unsaved edits is written. Pure: the runtime passes in the state and
/// a monotonic time, writes the copy when `isDue` says so, and sleeps for `wait`.
///
/// The promise to users: the copy holds every edit within 2 s of the last change. It is written
/// once they pause for `quietPeriod` (so typing a name does not write on every key); a change to
/// the interview log alone (it ticks every second) is copied at most every `clockOnlyInterval`.
public struct RecoverySchedule: Equatable, Sendable {
    public static let quietPeriod = Duration.seconds(1)
    public static let clockOnlyInterval = Duration.seconds(10)
    /// The longest the runtime sleeps while nothing is pending.
    public static let idleWait = Duration.seconds(1)
    /// The shortest sleep, so a late check never spins.
    public static let minimumWait = Duration.milliseconds(10)

    /// What the copy on disk holds (nil: no copy written by this session).
    public private(set) var copied: Design?
    /// When the document last changed other than in its interview log.
    public private(set) var lastEdit: Duration
    public private(set) var lastWrite: Duration

    public init(copied: Design?, now: Duration) {
        self.copied = copied
        lastEdit = now
        lastWrite = now
    }

    /// Notes the design after an event; a change outside the interview log restarts the pause.
    public mutating func observe(_ design: Design, previous: Design, now: Duration) {
        if !Self.sameIgnoringInterview(design, previous) { lastEdit = now }
    }

    /// Edits exist that the copy does not hold yet.
    public func isPending(_ state: AppState) -> Bool {
        state.isDirty && state.design != copied
    }

    /// The copy should be written now.
    public func isDue(_ state: AppState, now: Duration) -> Bool {
        guard isPending(state) else { return false }
        if let copied, Self.sameIgnoringInterview(copied, state.design) {
            return now - lastWrite >= Self.clockOnlyInterval
        }
        return now - lastEdit >= Self.quietPeriod
    }

    /// The copy is stale because the document went back to its saved state (undo, save,
    /// reload): the runtime removes the file and calls `cleared`.
    public func isObsolete(_ state: AppState) -> Bool {
        !state.isDirty && copied != state.design
    }

    /// How long the runtime may wait for input before the copy falls due.
    public func wait(_ state: AppState, now: Duration) -> Duration {
        guard isPending(state) else { return Self.idleWait }
        let dueAt: Duration
        if let copied, Self.sameIgnoringInterview(copied, state.design) {
            dueAt = lastWrite + Self.clockOnlyInterval
        } else {
            dueAt = lastEdit + Self.quietPeriod
        }
        return min(Self.idleWait, max(Self.minimumWait, dueAt - now))
    }

    /// The copy now holds `design`.
    public mutating func wrote(_ design: Design, now: Duration) {
        copied = design
        lastWrite = now
    }

    /// The copy was removed because the document is back to `design` (saved or unchanged).
    public mutating func cleared(_ design: Design) {
        copied = design
    }

    /// Another document was opened: nothing of it is copied yet.
    public mutating func forget() {
        copied = nil
    }

    static func sameIgnoringInterview(_ a: Design, _ b: Design) -> Bool {
        var a = a, b = b
        a.interview = nil
        b.interview = nil
        return a == b
    }
}
