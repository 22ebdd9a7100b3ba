import Workspace

/// The header's interview slot: the current phase and its countdown, coloured by how much of
/// the phase is used. Nil when the design is not in an interview.
enum InterviewBadge {
    static func text(_ state: AppState) -> (text: String, style: Style)? {
        nil
    }
}
