import Foundation

extension InterviewRecord {
    /// Problems in the coaching fields (timeline, evidence, curveball, key points), as
    /// `path: message` lines; part of `problems()`.
    func coachingProblems() -> [String] {
        var out: [String] = []
        for key in evidence.keys.sorted() where Dimension(rawValue: key) == nil {
            out.append("interview.evidence.\(key): unknown dimension; known: "
                + Dimension.allCases.map(\.rawValue).joined(separator: ", "))
        }
        for (i, a) in timeline.enumerated() where a.at < 0 {
            out.append("interview.timeline[\(i)].at: must not be negative")
        }
        if let c = curveball {
            if c.afterSeconds < 0 { out.append("interview.curveball.afterSeconds: must not be negative") }
            if let s = c.shownAt, s < 0 { out.append("interview.curveball.shownAt: must not be negative") }
        }
        var seen = Set<String>()
        for (i, k) in keyPoints.enumerated() where !seen.insert(k.id).inserted {
            out.append("interview.keyPoints[\(i)].id: duplicate key point \"\(k.id)\"")
        }
        return out
    }
}

extension Design {
    /// What is wrong with the interview record, as warnings for `validate` (a broken record
    /// never stops the design from loading; resuming it is refused with the same messages).
    func coachingFindings() -> [Finding] {
        guard let record = interview else { return [] }
        return record.problems().map { line in
            let parts = line.split(separator: ":", maxSplits: 1)
            let path = parts.count == 2 ? String(parts[0]) : "interview"
            let message = parts.count == 2 ? parts[1].trimmingCharacters(in: .whitespaces) : line
            return Finding(.warning, path, message)
        }
    }
}
