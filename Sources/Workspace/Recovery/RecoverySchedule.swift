import DesignModel

/// When the recovery copy of unsaved edits is written. Pure: the runtime passes in what the
/// copy should hold (`RecoveryContent.design`), the saved design and a monotonic time, writes
/// the copy when `isDue` says so, and sleeps for `wait`.
///
/// The promise to users: the copy is never more than 2 s behind the last edit. It is written
/// once they pause for `quietPeriod` (so typing a name does not write on every key), and under
/// steady editing that never pauses at the latest `maximumDelay` after the first edit it lacks.
/// A change to the interview log alone (it ticks every second) is copied at most every
/// `clockOnlyInterval`. After a failed write the next try waits `retryInterval`.
public struct RecoverySchedule: Equatable, Sendable {
    public static let quietPeriod = Duration.seconds(1)
    /// The longest an edit waits for the copy while editing goes on (a maximum, not a pause).
    public static let maximumDelay = Duration.milliseconds(1_500)
    public static let clockOnlyInterval = Duration.seconds(10)
    public static let retryInterval = Duration.seconds(5)
    /// The longest the runtime sleeps while nothing is pending.
    public static let idleWait = Duration.seconds(1)
    /// The shortest sleep, so a late check never spins.
    public static let minimumWait = Duration.milliseconds(10)

    /// What the copy on disk holds (nil: no copy written by this session).
    public private(set) var copied: Design?
    /// When the document last changed other than in its interview log.
    public private(set) var lastEdit: Duration
    /// When the oldest edit the copy does not hold was made (nil: the copy has them all).
    public private(set) var firstUncopiedEdit: Duration?
    public private(set) var lastWrite: Duration
    /// No write before this time (after a failure).
    public private(set) var retryAt: Duration?

    public init(copied: Design?, now: Duration) {
        self.copied = copied
        lastEdit = now
        lastWrite = now
    }

    // MARK: with the recovery content

    /// Notes the content after an event; a change outside the interview log restarts the pause.
    public mutating func observe(content: Design, previous: Design, now: Duration) {
        guard !Self.sameIgnoringInterview(content, previous) else { return }
        lastEdit = now
        if firstUncopiedEdit == nil { firstUncopiedEdit = now }
    }

    /// What the content is to the copy, independent of time. Comparing designs is the costly
    /// part (a thousand components), so a runtime works these out once per change and asks the
    /// time-dependent questions with them.
    public struct Facts: Equatable, Sendable {
        /// Edits exist that the copy does not hold yet.
        public var pending: Bool
        /// The copy is stale: the document went back to its saved state.
        public var obsolete: Bool
        /// The copy differs only in the interview log.
        public var clockOnly: Bool
    }

    public func facts(content: Design, saved: Design) -> Facts {
        let clean = content == saved
        let pending = !clean && content != copied
        return Facts(pending: pending, obsolete: clean && copied != content,
                     clockOnly: pending && copied.map { Self.sameIgnoringInterview($0, content) } == true)
    }

    /// Edits exist that the copy does not hold yet.
    public func isPending(content: Design, saved: Design) -> Bool {
        content != saved && content != copied
    }

    /// The copy should be written now.
    public func isDue(content: Design, saved: Design, now: Duration) -> Bool {
        isDue(facts(content: content, saved: saved), now: now)
    }

    public func isDue(_ facts: Facts, now: Duration) -> Bool {
        guard facts.pending else { return false }
        if let retryAt, now < retryAt { return false }
        return now >= dueAt(facts)
    }

    /// The copy is stale because the document went back to its saved state (undo, save,
    /// reload): the runtime removes the file and calls `cleared`.
    public func isObsolete(content: Design, saved: Design) -> Bool {
        content == saved && copied != content
    }

    /// How long the runtime may wait for input before the copy falls due.
    public func wait(content: Design, saved: Design, now: Duration) -> Duration {
        wait(facts(content: content, saved: saved), now: now)
    }

    public func wait(_ facts: Facts, now: Duration) -> Duration {
        guard facts.pending else { return Self.idleWait }
        var due = dueAt(facts)
        if let retryAt { due = max(due, retryAt) }
        return min(Self.idleWait, max(Self.minimumWait, due - now))
    }

    private func dueAt(_ facts: Facts) -> Duration {
        if facts.clockOnly { return lastWrite + Self.clockOnlyInterval }
        let afterPause = lastEdit + Self.quietPeriod
        guard let first = firstUncopiedEdit else { return afterPause }
        return min(afterPause, first + Self.maximumDelay)
    }

    // MARK: with the state (the content is the state's design and open forms)

    public mutating func observe(_ state: AppState, previous: AppState, now: Duration) {
        observe(content: RecoveryContent.design(state), previous: RecoveryContent.design(previous), now: now)
    }

    public func isPending(_ state: AppState) -> Bool {
        isPending(content: RecoveryContent.design(state), saved: state.savedDesign)
    }

    public func isDue(_ state: AppState, now: Duration) -> Bool {
        isDue(content: RecoveryContent.design(state), saved: state.savedDesign, now: now)
    }

    public func isObsolete(_ state: AppState) -> Bool {
        isObsolete(content: RecoveryContent.design(state), saved: state.savedDesign)
    }

    public func wait(_ state: AppState, now: Duration) -> Duration {
        wait(content: RecoveryContent.design(state), saved: state.savedDesign, now: now)
    }

    // MARK: what happened

    /// The copy now holds `design`.
    public mutating func wrote(_ design: Design, now: Duration) {
        copied = design
        lastWrite = now
        firstUncopiedEdit = nil
        retryAt = nil
    }

    /// Writing the copy failed: try again after `retryInterval` (or at the next due time after it).
    public mutating func failed(now: Duration) {
        retryAt = now + Self.retryInterval
    }

    /// The copy was removed because the document is back to `design` (saved or unchanged).
    public mutating func cleared(_ design: Design) {
        copied = design
        firstUncopiedEdit = nil
    }

    /// Another document was opened: nothing of it is copied yet.
    public mutating func forget() {
        copied = nil
        firstUncopiedEdit = nil
        retryAt = nil
    }

    static func sameIgnoringInterview(_ a: Design, _ b: Design) -> Bool {
        var a = a, b = b
        a.interview = nil
        b.interview = nil
        return a == b
    }
}
