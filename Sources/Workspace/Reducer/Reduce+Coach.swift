import DesignModel
import Foundation
import Interview

/// The interview coach in the workspace: stamping design changes on the interview timeline, the
/// interviewer card, the curveball, and what happens when the interview finishes.
extension Workspace {
    /// Stamps the difference between `old` and the current design on the interview's timeline
    /// (only while an interview is under way).
    static func noteInterviewActivity(_ state: inout AppState, from old: Design, _ env: Environment) {
        guard var session = state.interview, session.isRecordingActivity, old != state.design else { return }
        let now = env.monotonic()
        session.noteDesignChanges(from: old, to: state.design, at: now)
        guard session.record != state.interview?.record else { return }
        state.interview = session
        state.design.interview = session.record(at: now)
    }

    /// Runs a change that does not go through `mutate` (undo, redo) and stamps what it changed.
    static func withInterviewActivity(_ state: inout AppState, _ env: Environment, _ body: (inout AppState) -> Void) {
        let old = state.design
        body(&state)
        noteInterviewActivity(&state, from: old, env)
    }

    /// The clock started: remember what the design already held.
    static func interviewStarted(_ state: inout AppState) {
        state.interview?.noteBaseline(ActivityTag.baseline(of: state.design))
    }

    /// The interview finished: check the key points against the design as it is now, and ask
    /// for the attempt to be added to the practice history.
    static func interviewFinished(_ state: inout AppState) -> [Effect] {
        guard var session = state.interview else { return [] }
        if let problem = state.interviewProblem, !problem.keyPoints.isEmpty {
            session.setKeyPoints(KeyPointCheck.check(problem.keyPoints, in: state.design))
            state.interview = session
        }
        return practiceEffect(state)
    }

    /// The effect that appends the finished interview to the practice history.
    static func practiceEffect(_ state: AppState) -> [Effect] {
        guard let session = state.interview, session.clock == .finished else { return [] }
        return [.recordPractice(session.record(at: state.interviewNow), problemTitle: state.interviewProblem?.title,
                                file: state.filePath)]
    }

    /// The curveball was given: show it over the screen, unless the user is in a dialog (then
    /// the status bar says so, and `I` shows it).
    static func curveballGiven(_ state: inout AppState, _ curveball: InterviewRecord.Curveball) {
        if state.overlays.isEmpty {
            state.overlays.append(.interviewer(scroll: 0))
        }
        state.message = StatusMessage("The interviewer has a curveball: \(curveball.text)", .error)
    }

    /// Keys on the interviewer card: a digit asks about a topic, `I` closes it again, and the
    /// rest are the dialog keys (Esc closes, j/k and the page keys scroll, as remapped).
    static func interviewerKey(_ state: inout AppState, _ scroll: Int, _ key: Key, _ env: Environment) -> [Effect] {
        guard case .char(let c) = key, let digit = c.wholeNumberValue, c.isASCII else {
            if key == .char("I") { return [] }
            if let next = dialogScroll(state.keymap, key, scroll, end: Int.max / 2) {
                state.overlays.append(.interviewer(scroll: next))
            }
            return []
        }
        state.overlays.append(.interviewer(scroll: scroll))
        guard var session = state.interview,
              let topic = InterviewerCard(session: session, problem: state.interviewProblem).topic(forKey: digit) else {
            return []
        }
        guard session.clock != .finished else {
            state.message = StatusMessage("The interview is over; the interviewer answers no more questions", .info)
            return []
        }
        let now = env.monotonic()
        if session.ask(topic.topic, at: now) {
            state.interview = session
            state.design.interview = session.record(at: now)
            state.message = StatusMessage("Asked about \(topic.topic.title.lowercased())", .info)
        }
        return []
    }

    /// The question asked by `]` in the last phase.
    static func confirmFinish(_ session: InterviewSession) -> Confirm {
        Confirm(title: "Finish the interview?",
                message: "This is the last phase. Finishing stops the clock, checks the key points and opens the summary "
                    + "([ reopens the phase).",
                options: [("y", "Finish", .finishInterview), ("n", "Keep going", .cancel)])
    }

    /// The card's title and lines, for the view.
    public static func interviewerCard(_ state: AppState) -> (title: String, lines: [String]) {
        guard let session = state.interview else { return ("The interviewer", ["No interview in this design."]) }
        let card = InterviewerCard(session: session, problem: state.interviewProblem)
        return ("The interviewer — \(card.title)", card.lines)
    }
}
