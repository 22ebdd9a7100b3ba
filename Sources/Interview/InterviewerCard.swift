import DesignModel

/// What the interviewer card shows: the curveball once given, the facts the interviewer gives
/// when asked (numbered; asked ones show their answer), and the interviewer's questions for the
/// phase in progress.
public struct InterviewerCard: Equatable, Sendable {
    public struct Topic: Equatable, Sendable {
        /// The key that asks about it (1–9).
        public var number: Int
        public var topic: PracticeProblem.FactTopic
        public var facts: [PracticeProblem.Fact]
        public var asked: Bool
    }

    public var title: String
    public var statement: String
    public var topics: [Topic]
    /// The interviewer's questions for the current phase, and its title.
    public var phaseTitle: String?
    public var followUps: [String]
    public var curveball: String?
    public var curveballAddressed: Bool
    public var inClarify: Bool

    public init(session: InterviewSession, problem: PracticeProblem?) {
        title = problem?.title ?? "No practice problem"
        statement = problem?.statement ?? ""
        let asked = Set(session.askedTopics)
        topics = (problem?.factTopics ?? []).prefix(9).enumerated().map { i, t in
            Topic(number: i + 1, topic: t, facts: problem?.facts(about: t) ?? [], asked: asked.contains(t.rawValue))
        }
        let phase = session.currentPhase
        phaseTitle = phase?.title
        followUps = phase?.role.flatMap { problem?.followUps[$0] } ?? []
        inClarify = phase?.role == .clarify
        if let c = session.record.curveball, c.shownAt != nil {
            curveball = c.text
            let review = CoachingReview(record: session.record)
            curveballAddressed = review.curveball?.addressedAt != nil
        } else {
            curveball = nil
            curveballAddressed = false
        }
    }

    /// The topic asked with a digit key.
    public func topic(forKey digit: Int) -> Topic? { topics.first { $0.number == digit } }

    /// The card as lines of text (bullets indented, for wrapping).
    public var lines: [String] {
        var out: [String] = []
        if !statement.isEmpty { out += [statement, ""] }
        if let curveball {
            out.append("Curveball" + (curveballAddressed ? " (addressed)" : " — address it in the design"))
            out += ["  • " + curveball, ""]
        }
        if topics.isEmpty {
            out += ["The interviewer has no facts for this design (it was not started from a practice problem).", ""]
        } else {
            out.append(inClarify ? "Ask the interviewer (press the number)" : "Ask the interviewer (press the number; best asked while clarifying)")
            for t in topics {
                if t.asked {
                    out.append("  \(t.number) \(t.topic.title)")
                    out += t.facts.map { "    • \($0.label): \($0.value)" }
                } else {
                    out.append("  \(t.number) \(t.topic.title) — not asked yet")
                }
            }
            out.append("")
        }
        if let phaseTitle, !followUps.isEmpty {
            out.append("The interviewer asks (\(phaseTitle))")
            out += followUps.map { "  • " + $0 }
        }
        while out.last == "" { out.removeLast() }
        return out
    }
}
