/// The ranges of the numbers in an interview record. `validate` and loading refuse a file with
/// a number outside them (with its JSON path), so everything downstream (reports, summaries,
/// the interview clock) works on sane values; the clock keeps its own numbers inside them.
extension InterviewRecord {
    /// The most any time in the record may be: a year, in seconds (31,622,400). Plans are at
    /// most 8 hours; a year leaves room for any real session, paused or suspended.
    public static let maximumSeconds = 366 * 24 * 3600
    /// The most pauses a record may count.
    public static let maximumPauses = 1_000_000

    /// Every number of the record outside its range, as `(path, message)` with paths such as
    /// `interview.phases[2].plannedSeconds`.
    public func numberProblems() -> [(path: String, message: String)] {
        var out: [(String, String)] = []
        let seconds = 0...Self.maximumSeconds
        func check(_ path: String, _ value: Int, _ range: ClosedRange<Int>, unit: String = "seconds") {
            guard !range.contains(value) else { return }
            out.append((path, "\(value) is outside \(range.lowerBound)...\(range.upperBound)"
                + (unit.isEmpty ? "" : " \(unit)")))
        }
        for (i, p) in phases.enumerated() {
            check("interview.phases[\(i)].plannedSeconds", p.plannedSeconds, 1...Self.maximumSeconds)
            check("interview.phases[\(i)].extraSeconds", p.extraSeconds, seconds)
            check("interview.phases[\(i)].actualSeconds", p.actualSeconds, seconds)
        }
        check("interview.currentPhase", currentPhase, 0...phases.count, unit: "")
        check("interview.pausedSeconds", pausedSeconds, seconds)
        check("interview.pauses", pauses, 0...Self.maximumPauses, unit: "")
        check("interview.suspendedSeconds", suspendedSeconds, seconds)
        for (key, value) in scores.sorted(by: { $0.key < $1.key }) {
            check("interview.scores.\(key)", value, Self.scoreRange, unit: "")
        }
        return out
    }
}

extension Design {
    /// The interview record's findings: numbers out of range are errors (they would break the
    /// arithmetic of reports and of the clock); an empty plan name, a record without phases and
    /// scores for unknown dimensions are warnings (nothing breaks, but something is off).
    func interviewFindings() -> [Finding] {
        guard let record = interview else { return [] }
        var out = record.numberProblems().map { Finding(.error, $0.path, $0.message) }
        if record.plan.trimmingCharacters(in: .whitespaces).isEmpty {
            out.append(Finding(.warning, "interview.plan", "the interview has no plan name"))
        }
        if record.phases.isEmpty { out.append(Finding(.warning, "interview.phases", "the interview has no phases")) }
        let known = Set(InterviewRecord.Dimension.allCases.map(\.rawValue))
        for key in record.scores.keys.sorted() where !known.contains(key) {
            out.append(Finding(.warning, "interview.scores.\(key)", "unknown self-assessment dimension; known: "
                + InterviewRecord.Dimension.allCases.map(\.rawValue).joined(separator: ", ")))
        }
        return out
    }
}
