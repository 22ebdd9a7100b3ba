import DesignModel
import Interview

extension Workspace {
    /// The coach's sections of the summary screen: the timeline per phase, the flags, the
    /// curveball and the key points. Key points and the curveball's text stay hidden until the
    /// interview is over (the summary can be opened in the middle of one).
    static func coachLines(_ state: AppState, _ record: InterviewRecord) -> [String] {
        let review = CoachingReview(record: record)
        var lines: [String] = ["", "Timeline (interview time; what was added in each phase)"]
        if record.timeline.isEmpty {
            lines.append("  Nothing recorded yet: changes are stamped once the clock has started.")
        }
        for p in review.phases where !record.timeline.isEmpty {
            lines.append("  " + p.title + (p.enteredAt.map { " (from \(TimeFormat.clock($0)))" } ?? " (not reached)"))
            for a in p.added {
                lines.append("    + \(a.label): " + a.titles.joined(separator: "; "))
            }
            if !p.asked.isEmpty { lines.append("    asked the interviewer: " + p.asked.joined(separator: ", ")) }
            var other: [String] = []
            if p.changed > 0 { other.append("\(p.changed) edit\(p.changed == 1 ? "" : "s")") }
            if p.removed > 0 { other.append("\(p.removed) removal\(p.removed == 1 ? "" : "s")") }
            if !other.isEmpty { lines.append("    " + other.joined(separator: ", ")) }
            if p.enteredAt != nil && p.added.isEmpty && p.asked.isEmpty && other.isEmpty { lines.append("    nothing added") }
        }

        lines += ["", "Flags (common mistakes, with when they happened)"]
        if review.flags.isEmpty {
            lines.append(record.finished ? "  None: well done." : "  None so far.")
        }
        for f in review.flags {
            lines.append("  ⚑ \(TimeFormat.clock(f.at))  \(f.mistake.title) — \(f.detail)")
        }
        if !review.pending.isEmpty && !record.finished {
            lines.append("  Not decided yet: " + review.pending.map { $0.title.lowercased() }.joined(separator: "; ") + ".")
        }

        if let c = review.curveball {
            lines += ["", "Curveball"]
            if let shown = c.shownAt {
                lines.append("  Given at \(TimeFormat.clock(shown)): " + c.text)
                if let at = c.addressedAt {
                    lines.append("  Addressed at \(TimeFormat.clock(at)) by \"\(c.addressedBy)\".")
                } else {
                    lines.append(record.finished ? "  Not addressed in the design." : "  Not addressed yet: put your answer in the design.")
                }
            } else {
                lines.append(record.finished ? "  It never came (the interview ended before \(c.phase))."
                                             : "  The interviewer has one planned; it has not come yet.")
            }
        } else if record.seed != nil && record.started {
            lines += ["", "Curveball", "  Off for this interview."]
        }
        if let seed = record.seed {
            lines.append("  Seed \(seed): `sysdraft interview --seed \(seed)` repeats the interviewer's choices.")
        }

        let results = record.keyPoints
        if record.finished, !results.isEmpty {
            lines += ["", "Key points (\(results.filter(\.covered).count) of \(results.count) covered)"]
            for k in results {
                let mark = k.covered ? "✓" : "✗"
                lines.append("  \(mark) \(k.kind.padding(toLength: 9, withPad: " ", startingAt: 0)) \(k.text)"
                    + (k.covered ? " — \(k.evidence)" : ""))
            }
        } else if !record.finished, let p = state.interviewProblem, !p.keyPoints.isEmpty {
            lines += ["", "Key points", "  \(p.keyPoints.count) key points are checked against the design when the interview finishes."]
        }
        return lines
    }
}
