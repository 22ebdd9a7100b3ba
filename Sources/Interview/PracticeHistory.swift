import DesignModel
import Foundation

/// One line of the practice history (`$XDG_DATA_HOME/sysdraft/history.jsonl`): a finished
/// interview, as it stood when the line was written. The file is only ever appended to; when an
/// attempt is written again (the self-assessment filled in later), the newest line of that
/// attempt wins.
public struct PracticeAttempt: Codable, Equatable, Sendable {
    public struct Phase: Codable, Equatable, Sendable {
        public var key: String
        public var title: String
        /// `PhaseRole` raw value, so phases of different plans compare (`deep-dive`).
        public var role: String?
        public var plannedSeconds: Int
        public var actualSeconds: Int
    }

    /// The line format; lines of a newer format are skipped with a warning.
    public static let currentFormat = 1

    public var format: Int
    public var attempt: String
    public var recordedAt: Date
    /// The design file the interview was drafted in.
    public var file: String
    public var problem: String?
    public var problemTitle: String?
    public var plan: String
    public var planTitle: String
    public var phases: [Phase]
    public var plannedSeconds: Int
    public var actualSeconds: Int
    /// Self-assessment scores by dimension raw value.
    public var scores: [String: Int]
    /// `CoachingReview.Mistake` raw values.
    public var flags: [String]
    public var keyPointsCovered: Int
    public var keyPointsTotal: Int
    public var missedKeyPoints: [String]
    public var curveball: String?
    public var curveballAddressed: Bool?
    public var seed: Int?

    public init(record: InterviewRecord, problemTitle: String?, file: String, recordedAt: Date) {
        format = Self.currentFormat
        attempt = record.attempt ?? "\(file)#\(Int(recordedAt.timeIntervalSince1970))"
        self.recordedAt = Design.wholeSeconds(recordedAt)
        self.file = file
        problem = record.problem
        self.problemTitle = problemTitle
        plan = record.plan
        planTitle = record.planTitle.isEmpty ? record.plan : record.planTitle
        phases = record.phases.map {
            Phase(key: $0.key, title: $0.title, role: $0.role?.rawValue, plannedSeconds: $0.plannedSeconds, actualSeconds: $0.actualSeconds)
        }
        plannedSeconds = record.totalPlannedSeconds
        actualSeconds = record.totalActualSeconds
        scores = record.scores.filter { InterviewRecord.Dimension(rawValue: $0.key) != nil }
        let review = CoachingReview(record: record)
        flags = review.flags.map(\.mistake.rawValue)
        keyPointsCovered = record.keyPoints.filter(\.covered).count
        keyPointsTotal = record.keyPoints.count
        missedKeyPoints = record.keyPoints.filter { !$0.covered }.map(\.id)
        curveball = record.curveball?.id
        curveballAddressed = review.curveball.map { $0.addressedAt != nil }
        seed = record.seed
    }

    public func score(_ d: InterviewRecord.Dimension) -> Int? { scores[d.rawValue].flatMap { InterviewRecord.scoreRange.contains($0) ? $0 : nil } }
}

/// Reading the history, and what `sysdraft practice` says about it.
public struct PracticeHistory: Equatable, Sendable {
    /// Attempts in the order they were first recorded, each as its newest line.
    public var attempts: [PracticeAttempt]

    public init(_ attempts: [PracticeAttempt]) { self.attempts = attempts }

    static var encoder: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        e.dateEncodingStrategy = .iso8601
        return e
    }

    static var decoder: JSONDecoder {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .iso8601
        return d
    }

    /// The attempt as one line of JSON, newline included: what is appended to the file.
    public static func line(_ attempt: PracticeAttempt) throws -> Data {
        var data = try encoder.encode(attempt)
        data.append(0x0A)
        return data
    }

    /// Parses the file's bytes. A line that is not a valid attempt is skipped with a warning that
    /// names its number; blank lines are ignored.
    public static func parse(_ data: Data, name: String = "history.jsonl") -> (history: PracticeHistory, warnings: [String]) {
        var warnings: [String] = []
        var order: [String] = []
        var latest: [String: PracticeAttempt] = [:]
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        for (i, raw) in lines.enumerated() {
            let bytes = Data(raw)
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            let where_ = "\(name) line \(i + 1)"
            let decoded: Result<PracticeAttempt, Error> = Result { try decoder.decode(PracticeAttempt.self, from: bytes) }
            if case .success(let a) = decoded, a.format <= PracticeAttempt.currentFormat {
                if latest[a.attempt] == nil { order.append(a.attempt) }
                latest[a.attempt] = a
                continue
            }
            // Why not: looked at generically (only for lines that did not decode).
            guard let object = try? JSONSerialization.jsonObject(with: bytes) as? [String: Any] else {
                warnings.append("\(where_): not a JSON object (a torn or edited line?) — skipped")
                continue
            }
            if let format = object["format"] as? Int, format > PracticeAttempt.currentFormat {
                warnings.append("\(where_): written by a newer sysdraft (format \(format)) — skipped")
            } else if case .failure(DecodingError.keyNotFound(let key, _)) = decoded {
                warnings.append("\(where_): missing \"\(key.stringValue)\" — skipped")
            } else {
                warnings.append("\(where_): not a practice attempt — skipped")
            }
        }
        return (PracticeHistory(order.compactMap { latest[$0] }), warnings)
    }

    // MARK: what it says

    public struct Trend: Equatable, Sendable {
        public var dimension: InterviewRecord.Dimension
        /// Scores in attempt order (nil where the attempt did not score it).
        public var scores: [Int?]
        public var latest: Int? { scores.last { $0 != nil } ?? nil }
        /// Mean of the last `recent` scores given, nil when none.
        public func mean(recent: Int = .max) -> Double? {
            let given = scores.compactMap { $0 }.suffix(recent)
            return given.isEmpty ? nil : Double(given.reduce(0, +)) / Double(given.count)
        }
        /// ▁▃▆█ for 1–4, · where not scored.
        public var sparkline: String {
            scores.map { s in s.map { ["▁", "▃", "▆", "█"][min(max($0, 1), 4) - 1] } ?? "·" }.joined()
        }
    }

    public var trends: [Trend] {
        InterviewRecord.Dimension.allCases.map { d in Trend(dimension: d, scores: attempts.map { $0.score(d) }) }
    }

    public struct PhaseBias: Equatable, Sendable {
        /// The phase role's title, or the phase's own title when it has no role.
        public var title: String
        public var attempts: Int
        /// Mean of actual minus planned seconds (positive: over).
        public var meanDeltaSeconds: Int
        public var overCount: Int
    }

    /// Time bias per kind of phase across attempts that spent time in it, in interview order.
    public var timeBias: [PhaseBias] {
        var byName: [(name: String, order: Int, deltas: [Int])] = []
        for a in attempts {
            for p in a.phases where p.actualSeconds > 0 {
                let role = p.role.flatMap(PhaseRole.init(rawValue:))
                let name = role?.title ?? p.title
                let order = role.map { PhaseRole.allCases.firstIndex(of: $0)! } ?? 100
                if let i = byName.firstIndex(where: { $0.name == name }) { byName[i].deltas.append(p.actualSeconds - p.plannedSeconds) }
                else { byName.append((name, order, [p.actualSeconds - p.plannedSeconds])) }
            }
        }
        return byName.sorted { $0.order < $1.order }.map { e in
            let mean = Double(e.deltas.reduce(0, +)) / Double(e.deltas.count)
            return PhaseBias(title: e.name, attempts: e.deltas.count, meanDeltaSeconds: Int(mean.rounded()),
                             overCount: e.deltas.filter { $0 > 0 }.count)
        }
    }

    /// How often each mistake was flagged, most frequent first.
    public var flagCounts: [(mistake: CoachingReview.Mistake, count: Int)] {
        CoachingReview.Mistake.allCases.map { m in (m, attempts.filter { $0.flags.contains(m.rawValue) }.count) }
            .filter { $0.count > 0 }.sorted { $0.count > $1.count }
    }

    public struct Suggestion: Equatable, Sendable {
        public var problem: PracticeProblem
        public var reasons: [String]
    }

    /// The dimension with the lowest mean over the last five scored attempts (ties go to the
    /// earlier dimension); nil before anything was scored.
    public var weakestDimension: (dimension: InterviewRecord.Dimension, mean: Double)? {
        trends.compactMap { t in t.mean(recent: 5).map { (t.dimension, $0) } }
            .min { $0.1 < $1.1 }
    }

    /// The next problem to practise: among the problems that stress the weakest dimension (all
    /// problems when none do, or nothing is scored yet), the least recently practised one, never
    /// practised first, never the problem of the last attempt. Ties go to the problem's key.
    public func suggestion(from problems: [PracticeProblem]) -> Suggestion? {
        let last = attempts.last?.problem
        let pool = problems.filter { $0.key != last }
        guard !pool.isEmpty else { return nil }
        var reasons: [String] = []
        var candidates = pool
        if let weak = weakestDimension {
            let stressing = pool.filter { $0.stresses.contains(weak.dimension) }
            if !stressing.isEmpty {
                candidates = stressing
                reasons.append("works on \(weak.dimension.title.lowercased()), your weakest dimension lately "
                    + "(mean \(String(format: "%.1f", weak.mean)))")
            }
        }
        var lastPractised: [String: Int] = [:]
        for (i, a) in attempts.enumerated() { if let p = a.problem { lastPractised[p] = i } }
        let pick = candidates.min { a, b in
            let x = lastPractised[a.key] ?? -1, y = lastPractised[b.key] ?? -1
            return x != y ? x < y : a.key < b.key
        }!
        if let i = lastPractised[pick.key] {
            reasons.append("last practised \(attempts.count - i) attempt\(attempts.count - i == 1 ? "" : "s") ago")
        } else {
            reasons.append("never practised")
        }
        return Suggestion(problem: pick, reasons: reasons)
    }
}

extension PracticeHistory {
    /// `$XDG_DATA_HOME/sysdraft/history.jsonl`, or `~/.local/share/sysdraft/history.jsonl` when
    /// XDG_DATA_HOME is unset, empty or relative (as the XDG spec asks). Nil without a home.
    public static func defaultPath(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return (xdg as NSString).appendingPathComponent("sysdraft/history.jsonl")
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return (home as NSString).appendingPathComponent(".local/share/sysdraft/history.jsonl")
    }
}
