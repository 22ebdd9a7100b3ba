import DesignModel
import Foundation

/// The interview coach's part of a session: the timeline, the interviewer's facts and curveball,
/// and the key-point check. Everything lands in `record`, so it is saved with the design and a
/// resumed session carries on where it was.
extension InterviewSession {
    /// Design changes are stamped while the clock runs or is paused; not before the start (that
    /// is preparation) nor after the end (that is review).
    public var isRecordingActivity: Bool { clock == .running || clock == .paused }

    /// Interview seconds so far, as stamped on the timeline.
    var stampSeconds: Int { InterviewStatus.floorSeconds(totalElapsed) }

    var stampPhaseKey: String {
        let i = min(record.currentPhase, plan.phases.count - 1)
        return plan.phases.indices.contains(i) ? plan.phases[i].key : ""
    }

    /// Adds a clock entry (start, finish) at the time folded in so far.
    mutating func stamp(_ change: InterviewRecord.Activity.Change) {
        record.timeline.append(.init(at: stampSeconds, phase: stampPhaseKey, change: change))
    }

    /// Adds the entry for the phase just entered.
    mutating func stampPhase() {
        let i = min(record.currentPhase, plan.phases.count - 1)
        record.timeline.append(.init(at: stampSeconds, phase: plan.phases[i].key, change: .phase,
                                     id: plan.phases[i].key, text: plan.phases[i].title))
    }

    /// Stamps the changes between two versions of the design at `now` (interview time as of
    /// `now`, without changing the clock). Returns the entries added.
    @discardableResult
    public mutating func noteDesignChanges(from old: Design, to new: Design, at now: Duration) -> [InterviewRecord.Activity] {
        guard isRecordingActivity else { return [] }
        let changes = DesignActivity.changes(from: old, to: new)
        guard !changes.isEmpty else { return [] }
        let status = status(at: now)
        let at = InterviewStatus.floorSeconds(status.totalElapsed)
        let phase = status.phase?.key ?? stampPhaseKey
        let curveball = record.curveball.flatMap { $0.shownAt == nil ? nil : KeywordMatcher($0.match) }
        var added: [InterviewRecord.Activity] = []
        for c in changes {
            var tags = c.tags.map(\.rawValue)
            if let curveball, c.change != .removed, curveball.matches(c.fullText) { tags.append(ActivityTag.curveball.rawValue) }
            let entry = InterviewRecord.Activity(at: at, phase: phase, change: c.change, list: c.list, id: c.id,
                                                 text: c.text, tags: tags)
            // Typing into the same item again in the same phase updates its entry rather than
            // adding one per edit (the first time is kept).
            if entry.change == .changed, var last = record.timeline.last, last.change == .changed,
               last.list == entry.list, last.id == entry.id, last.phase == entry.phase,
               Set(entry.tags).isSubset(of: last.tags) {
                last.text = entry.text
                record.timeline[record.timeline.count - 1] = last
                continue
            }
            record.timeline.append(entry)
            added.append(entry)
        }
        return added
    }

    /// Records what the design already held when the clock started (as tags on the start entry),
    /// so the checks do not miss work done before the interview.
    public mutating func noteBaseline(_ tags: [ActivityTag]) {
        guard let i = record.timeline.lastIndex(where: { $0.change == .started }) else { return }
        record.timeline[i].tags = tags.map(\.rawValue)
    }

    // MARK: the interviewer

    /// Fact topics asked so far, in the order asked.
    public var askedTopics: [String] {
        var seen = Set<String>()
        return record.timeline.filter { $0.change == .asked }.map(\.id).filter { seen.insert($0).inserted }
    }

    /// Asks the interviewer about a topic; stamped on the timeline the first time. Returns
    /// false when it was asked before.
    @discardableResult
    public mutating func ask(_ topic: PracticeProblem.FactTopic, at now: Duration) -> Bool {
        guard !askedTopics.contains(topic.rawValue) else { return false }
        let status = status(at: now)
        record.timeline.append(.init(at: InterviewStatus.floorSeconds(status.totalElapsed), phase: status.phase?.key ?? stampPhaseKey,
                                     change: .asked, list: "interviewer", id: topic.rawValue, text: topic.title))
        return true
    }

    /// Sets up the interviewer for a new session: the seed, and the curveball chosen with it
    /// (none when `curveball` is false or the problem has none).
    public mutating func prepareCoaching(problem: PracticeProblem?, seed: Int, curveball: Bool) {
        record.seed = seed
        record.curveball = curveball ? problem.flatMap { CurveballPlanner.plan(problem: $0, plan: plan, seed: seed) } : nil
    }

    /// Gives the curveball when its moment has come: in its phase once `afterSeconds` of the
    /// phase have passed, or as soon as the candidate has moved past that phase. Call after
    /// feeding the clock; returns the curveball when it is given now.
    public mutating func checkCurveball() -> InterviewRecord.Curveball? {
        guard var c = record.curveball, c.shownAt == nil, clock == .running || clock == .paused,
              let index = plan.phases.firstIndex(where: { $0.key == c.phase }) else { return nil }
        let current = record.currentPhase
        let due = current > index
            || (current == index && elapsed(inPhase: index) >= .seconds(c.afterSeconds))
        guard due else { return nil }
        c.shownAt = stampSeconds
        record.curveball = c
        record.timeline.append(.init(at: stampSeconds, phase: stampPhaseKey, change: .curveball, list: "interviewer",
                                     id: c.id, text: DesignItems.oneLine(c.text)))
        return c
    }

    // MARK: after the interview

    /// Keeps the key-point check made when the interview finished.
    public mutating func setKeyPoints(_ results: [InterviewRecord.KeyPointResult]) { record.keyPoints = results }

    /// Names the attempt for the practice history (once).
    public mutating func setAttempt(_ id: String) { if record.attempt == nil { record.attempt = id } }

    public mutating func setEvidence(_ dimension: InterviewRecord.Dimension, _ text: String) {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if t.isEmpty { record.evidence.removeValue(forKey: dimension.rawValue) } else { record.evidence[dimension.rawValue] = t }
    }
}

/// Chooses the curveball for a session from a seed: which of the problem's curveballs, in which
/// deep-dive or scale phase of the plan, and how far into it (a quarter to three quarters of the
/// phase's planned time). The same seed, problem and plan always give the same choice.
public enum CurveballPlanner {
    public static func plan(problem: PracticeProblem, plan: InterviewPlan, seed: Int) -> InterviewRecord.Curveball? {
        let phases = plan.phases.filter { $0.role == .deepDive || $0.role == .scale }
        guard !problem.curveballs.isEmpty, !phases.isEmpty else { return nil }
        var rng = SplitMix64(seed: UInt64(bitPattern: Int64(seed)))
        let option = problem.curveballs[Int(rng.next() % UInt64(problem.curveballs.count))]
        let phase = phases[Int(rng.next() % UInt64(phases.count))]
        let percent = 25 + Int(rng.next() % 51)
        return .init(id: option.id, text: option.text, match: option.match, phase: phase.key,
                     afterSeconds: max(1, phase.plannedSeconds * percent / 100))
    }

    /// A fresh seed for a session started without `--seed`: small enough to type back.
    public static func randomSeed(using generator: inout some RandomNumberGenerator) -> Int {
        Int.random(in: 1...999_999, using: &generator)
    }
}

/// SplitMix64: a small, well-mixed generator, so seeded choices are the same on every platform.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
