import DesignModel

/// What the coach makes of an interview record: what was added in each phase, the common
/// mistakes with the moment they happened, and what became of the curveball. Computed from the
/// record alone, so the summary screen and the report agree.
public struct CoachingReview: Equatable, Sendable {
    public enum Mistake: String, CaseIterable, Sendable {
        case componentsBeforeRequirements = "components-before-nfr"
        case noEstimate = "no-estimate"
        case noFailureHandling = "no-failure-handling"
        case noTradeOff = "no-trade-off"
        case lateDeepDive = "late-deep-dive"
        case curveballIgnored = "curveball-ignored"

        public var title: String {
            switch self {
            case .componentsBeforeRequirements: "Components before any non-functional requirement"
            case .noEstimate: "No scale estimate by the end of the estimate phase"
            case .noFailureHandling: "No failure handling by the end of the scale phase"
            case .noTradeOff: "No trade-off recorded by the end of the wrap-up"
            case .lateDeepDive: "The deep dive started late"
            case .curveballIgnored: "The curveball was not addressed"
            }
        }
    }

    public struct Flag: Equatable, Sendable {
        public var mistake: Mistake
        /// Interview seconds when it happened (or when the deadline passed).
        public var at: Int
        /// Title of the phase in progress then.
        public var phase: String
        public var detail: String
    }

    /// Items of one list added in a phase.
    public struct Added: Equatable, Sendable {
        public var list: String
        public var titles: [String]
        /// "3 components".
        public var label: String { "\(titles.count) " + DesignItems.name(of: list, count: titles.count) }
    }

    public struct PhaseActivity: Equatable, Sendable {
        public var key: String
        public var title: String
        /// When the phase was first entered (interview seconds); nil when never.
        public var enteredAt: Int?
        public var added: [Added]
        public var changed: Int
        public var removed: Int
        /// Titles of the facts asked of the interviewer in the phase.
        public var asked: [String]
    }

    public struct CurveballOutcome: Equatable, Sendable {
        public var text: String
        /// Planned phase's title and when it was given (nil when it never came).
        public var phase: String
        public var shownAt: Int?
        public var addressedAt: Int?
        /// The item whose change addressed it.
        public var addressedBy: String
    }

    public var phases: [PhaseActivity]
    public var flags: [Flag]
    public var curveball: CurveballOutcome?
    /// Checks that cannot be decided yet (their phase has not ended), by mistake.
    public var pending: [Mistake]
    /// Every entry, for a full log.
    public var timeline: [InterviewRecord.Activity]

    public init(record: InterviewRecord) {
        timeline = record.timeline
        let titles = Dictionary(record.phases.map { ($0.key, $0.title.isEmpty ? $0.key : $0.title) }, uniquingKeysWith: { a, _ in a })
        func title(_ key: String) -> String { titles[key] ?? key }

        // Per phase: what was added, changed, removed and asked.
        phases = record.phases.map { p in
            let entries = record.timeline.filter { $0.phase == p.key }
            var added: [Added] = []
            for e in entries where e.change == .added {
                if let i = added.firstIndex(where: { $0.list == e.list }) { added[i].titles.append(e.text) }
                else { added.append(Added(list: e.list, titles: [e.text])) }
            }
            let entered = record.timeline.first { ($0.change == .phase && $0.id == p.key) || ($0.change == .started && $0.phase == p.key) }
            return PhaseActivity(key: p.key, title: title(p.key), enteredAt: entered?.at, added: added,
                                 changed: entries.filter { $0.change == .changed }.count,
                                 removed: entries.filter { $0.change == .removed }.count,
                                 asked: entries.filter { $0.change == .asked }.map(\.text))
        }

        var flags: [Flag] = []
        var pending: [Mistake] = []
        let t = record.timeline
        let startedIndex = t.firstIndex { $0.change == .started }
        let baseline = Set(startedIndex.map { t[$0].tags } ?? [])
        func firstIndex(tag: ActivityTag, after: Int = -1) -> Int? {
            t.indices.first { $0 > after && t[$0].change != .removed && t[$0].tags.contains(tag.rawValue) && t[$0].change != .started }
        }
        /// Where a role's phase ended: the first entry into a later phase, or the finish.
        func end(of role: PhaseRole) -> Int? {
            guard let index = record.phases.firstIndex(where: { $0.role == role }) else { return nil }
            let later = Set(record.phases[(index + 1)...].map(\.key))
            return t.indices.first { (t[$0].change == .phase && later.contains(t[$0].id)) || t[$0].change == .finished }
        }
        func hasRole(_ role: PhaseRole) -> Bool { record.phases.contains { $0.role == role } }

        // Components before any non-functional requirement.
        if !baseline.contains(ActivityTag.nonFunctional.rawValue), let c = firstIndex(tag: .component) {
            let nfr = firstIndex(tag: .nonFunctional)
            if nfr.map({ $0 > c }) ?? true {
                let later = nfr.map { " (the first came at \(TimeFormat.clock(t[$0].at)))" } ?? " (none was written)"
                flags.append(Flag(mistake: .componentsBeforeRequirements, at: t[c].at, phase: title(t[c].phase),
                                  detail: "\"\(t[c].text)\" was added before any non-functional requirement" + later))
            }
        }

        // A deadline check: `tag` must appear before the end of the phase with `role`.
        func deadline(_ mistake: Mistake, role: PhaseRole, tag: ActivityTag, what: String) {
            guard hasRole(role), !baseline.contains(tag.rawValue) else { return }
            guard let endIndex = end(of: role) else { pending.append(mistake); return }
            let first = firstIndex(tag: tag)
            if let first, first < endIndex { return }
            let phaseTitle = record.phases.first { $0.role == role }.map { title($0.key) } ?? role.title
            let later = first.map { "; the first came at \(TimeFormat.clock(t[$0].at))" } ?? ""
            flags.append(Flag(mistake: mistake, at: t[endIndex].at, phase: title(t[endIndex].phase),
                              detail: "\(phaseTitle) ended at \(TimeFormat.clock(t[endIndex].at)) with no \(what) in the design" + later))
        }
        deadline(.noEstimate, role: .estimate, tag: .estimate, what: "scale estimate")
        deadline(.noFailureHandling, role: .scale, tag: .failureHandling, what: "failure handling")
        let tradeOffRole: PhaseRole? = hasRole(.wrapUp) ? .wrapUp : record.phases.last?.role
        if let tradeOffRole { deadline(.noTradeOff, role: tradeOffRole, tag: .tradeOff, what: "trade-off") }

        // The deep dive started late (or never).
        if let d = record.phases.firstIndex(where: { $0.role == .deepDive }) {
            let plannedStart = record.phases[..<d].reduce(0) { $0 + $1.plannedSeconds }
            let total = record.totalPlannedSeconds
            let grace = max(total / 20, min(60, total / 10))
            let key = record.phases[d].key
            if let entered = t.first(where: { $0.change == .phase && $0.id == key }) {
                if entered.at > plannedStart + grace {
                    flags.append(Flag(mistake: .lateDeepDive, at: entered.at, phase: title(key),
                                      detail: "\(title(key)) began at \(TimeFormat.clock(entered.at)), "
                                          + "\(TimeFormat.clock(entered.at - plannedStart)) after its planned start at \(TimeFormat.clock(plannedStart))"))
                }
            } else if let finish = t.last(where: { $0.change == .finished }), record.finished {
                flags.append(Flag(mistake: .lateDeepDive, at: finish.at, phase: title(finish.phase),
                                  detail: "\(title(key)) never started"))
            } else if record.started {
                pending.append(.lateDeepDive)
            }
        }

        // The curveball.
        if let c = record.curveball {
            let plannedTitle = title(c.phase)
            if let shown = c.shownAt {
                let shownIndex = t.firstIndex { $0.change == .curveball } ?? -1
                let answer = t.indices.first { $0 > shownIndex && t[$0].tags.contains(ActivityTag.curveball.rawValue) }
                curveball = CurveballOutcome(text: c.text, phase: plannedTitle, shownAt: shown, addressedAt: answer.map { t[$0].at },
                                             addressedBy: answer.map { t[$0].text } ?? "")
                if answer == nil {
                    if record.finished {
                        let finish = t.last { $0.change == .finished }
                        flags.append(Flag(mistake: .curveballIgnored, at: finish?.at ?? shown, phase: title(finish?.phase ?? c.phase),
                                          detail: "Given at \(TimeFormat.clock(shown)); nothing in the design answered it"))
                    } else {
                        pending.append(.curveballIgnored)
                    }
                }
            } else {
                curveball = CurveballOutcome(text: c.text, phase: plannedTitle, shownAt: nil, addressedAt: nil, addressedBy: "")
            }
        }
        self.flags = flags.sorted { $0.at < $1.at }
        self.pending = pending
    }
}
