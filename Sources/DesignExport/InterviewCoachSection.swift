import DesignModel
import Interview

/// The interview coach's part of the report's mock-interview appendix: the timeline per phase,
/// the flags, the curveball, the key points and the full activity log. Built as blocks that the
/// report writer emits (so its headings get anchors like every other heading).
enum InterviewCoachSection {
    enum Block: Equatable {
        case heading(String)
        case paragraph(String)
        case table([String], [Character], [[String]])
        case bullets([String])
    }

    static func cell(_ s: String) -> String { MarkdownText.inline(s) }

    static func blocks(_ r: InterviewRecord) -> [Block] {
        let review = CoachingReview(record: r)
        var out: [Block] = [.heading("What was added, per phase")]
        if r.timeline.isEmpty {
            out.append(.paragraph("_Nothing recorded: changes to the design are stamped while the interview clock runs._"))
        } else {
            var rows: [[String]] = []
            for p in review.phases {
                let added = p.added.map { cell($0.label + ": " + $0.titles.joined(separator: "; ")) }.joined(separator: " · ")
                var other: [String] = []
                if p.changed > 0 { other.append("\(p.changed) edit\(p.changed == 1 ? "" : "s")") }
                if p.removed > 0 { other.append("\(p.removed) removal\(p.removed == 1 ? "" : "s")") }
                rows.append([cell(p.title), p.enteredAt.map { TimeFormat.clock($0) } ?? "not reached",
                             added.isEmpty ? "—" : added, p.asked.isEmpty ? "—" : cell(p.asked.joined(separator: ", ")),
                             other.isEmpty ? "—" : other.joined(separator: ", ")])
            }
            out.append(.table(["Phase", "From", "Added", "Asked the interviewer", "Other changes"], ["l", "r", "l", "l", "l"], rows))
        }

        out.append(.heading("Flags"))
        var flags = review.flags.map { f in
            "**\(TimeFormat.clock(f.at))** (\(cell(f.phase))) — \(cell(f.mistake.title)): \(cell(f.detail))"
        }
        if flags.isEmpty { flags = [r.finished ? "None of the common mistakes was flagged." : "None so far."] }
        if !r.finished && !review.pending.isEmpty {
            flags.append("Not decided until their phase ends: " + review.pending.map { cell($0.title.lowercased()) }.joined(separator: "; ") + ".")
        }
        out.append(.bullets(flags))

        if let c = review.curveball {
            out.append(.heading("Curveball"))
            if let shown = c.shownAt {
                var text = "Given at \(TimeFormat.clock(shown)): " + cell(c.text) + " — "
                if let at = c.addressedAt {
                    text += "**addressed** at \(TimeFormat.clock(at)) by " + cell("\"\(c.addressedBy)\"") + "."
                } else {
                    text += r.finished ? "**not addressed** in the design." : "not addressed yet."
                }
                out.append(.paragraph(text))
            } else {
                out.append(.paragraph(r.finished ? "Planned for \(cell(c.phase)), but the interview ended before it came."
                                                 : "Planned; it has not come yet."))
            }
        }

        if !r.keyPoints.isEmpty {
            out.append(.heading("Key points"))
            out.append(.paragraph("\(r.keyPoints.filter(\.covered).count) of \(r.keyPoints.count) covered "
                + (r.finished ? "when the interview finished " : "when the interview last finished ")
                + "(matched by keywords and synonyms in the design's items and notes)."))
            out.append(.table(["", "Kind", "Key point", "Found in"], ["l", "l", "l", "l"], r.keyPoints.map { k in
                [k.covered ? "✓" : "✗", cell(k.kind), cell(k.text), k.covered ? cell(k.evidence) : "—"]
            }))
        }

        if !r.timeline.isEmpty {
            out.append(.heading("Activity log"))
            let titles = Dictionary(r.phases.map { ($0.key, $0.title.isEmpty ? $0.key : $0.title) }, uniquingKeysWith: { a, _ in a })
            out.append(.table(["Time", "Phase", "What"], ["r", "l", "l"], r.timeline.map { e in
                [TimeFormat.clock(e.at), cell(titles[e.phase] ?? e.phase), describe(e)]
            }))
        }
        if let seed = r.seed { out.append(.paragraph("Seed \(seed) (`sysdraft interview --seed \(seed)` repeats the interviewer's choices).")) }
        return out
    }

    static func describe(_ e: InterviewRecord.Activity) -> String {
        let tags = e.tags.isEmpty || e.change == .started ? "" : " _(" + e.tags.map(cell).joined(separator: ", ") + ")_"
        switch e.change {
        case .started: return "clock started"
        case .finished: return "finished"
        case .phase: return "entered " + cell(e.text.isEmpty ? e.id : e.text)
        case .asked: return "asked the interviewer about " + cell(e.text.lowercased())
        case .curveball: return "curveball: " + cell(e.text)
        case .added, .changed, .removed:
            let what = DesignItems.name(of: e.list)
            let id = e.id.isEmpty || e.list == "stages" || e.list == "design" ? "" : " (" + cell(e.id) + ")"
            return "\(e.change.rawValue) \(what) " + cell("\"\(e.text)\"") + id + tags
        }
    }
}
