import Interview
import Workspace

/// The header's interview slot: the current phase and its countdown, coloured by how much of
/// the phase is used (on time, past 80 %, over). Nil when the design is not in an interview.
enum InterviewBadge {
    /// The badge; `compact` gives the short form for narrow screens ("2/6 3:10").
    static func text(_ state: AppState, compact: Bool = false) -> (text: String, style: Style)? {
        guard let session = state.interview else { return nil }
        let status = session.status(at: state.interviewNow)
        let style: Style = switch status.level {
        case .over: Style.timerOver.bold
        case .warning: Style.timerWarn.bold
        default: status.clock == .running ? Style.timerOk.bold : Style.timerOk
        }
        let icon = switch status.clock {
        case .running: "⏱ "
        case .paused, .notStarted: "⏸ "
        case .finished: "✓ "
        }
        return (icon + (compact ? status.compactHeaderText : status.headerText), style)
    }
}
