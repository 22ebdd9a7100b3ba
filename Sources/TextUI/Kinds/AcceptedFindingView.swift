import DesignModel
import DesignReview
import Workspace

enum AcceptedFindingView {
    static let view = KindView(pane: .accepted, row: { state, i in
        let a = state.design.acceptedFindings[i]
        let live = state.review.accepted.contains { $0.acceptance.id == a.id }
        return RowText.Row(tag: live ? "✓" : "?", text: a.message.isEmpty ? a.rule : a.message, trailing: a.rule)
    }, detail: { state, i in
        let a = state.design.acceptedFindings[i]
        let live = state.review.accepted.first { $0.acceptance.id == a.id }?.finding
        var out = [DetailLine("Accepted", "\(a.id)  [\(a.rule)]"),
                   DetailLine("Finding", live?.message ?? (a.message.isEmpty ? "—" : a.message))]
        if !a.items.isEmpty { out.append(DetailLine("Items", TraceabilityLines.names(a.items, state.design))) }
        out.append(DetailLine("Reason", a.reason.isEmpty ? "—" : a.reason))
        out.append(DetailLine("Now", live.map { "still found (\($0.severity.rawValue), stage \($0.stage.number)); R shows the review" }
            ?? "no longer found: the design changed or the rule is off; d deletes this acceptance"))
        return out
    })
}
