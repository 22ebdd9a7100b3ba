import DesignReview
import Workspace

/// The header's review slot: open errors and warnings, kept current as the design changes
/// (`AppState.review`). Nil when there are none.
enum ReviewBadge {
    static func text(_ state: AppState, compact: Bool = false) -> (text: String, style: Style)? {
        let (errors, warnings) = state.reviewCounts
        guard errors + warnings > 0 else { return nil }
        let style: Style = errors > 0 ? Style.error.bold : Style.warning.bold
        if compact { return ("✗\(errors) ⚠\(warnings)", style) }
        var parts: [String] = []
        if errors > 0 { parts.append(ReviewSeverity.error.counted(errors)) }
        if warnings > 0 { parts.append(ReviewSeverity.warning.counted(warnings)) }
        return ("R " + parts.joined(separator: ", "), style)
    }
}
