import Workspace

/// The interviewer card (`I`): the curveball when given, facts on request (digits), and the
/// interviewer's questions for the phase. Drawn like the other info dialogs.
enum InterviewerCardView {
    static func render(_ state: AppState, scroll: Int, _ grid: inout Grid) {
        let card = Workspace.interviewerCard(state)
        OverlayView.info(card.title + " — 1–9 ask", card.lines, scroll, &grid)
    }
}
