import DesignModel
import DesignReview

/// Review findings accepted with a reason: listed like any kind of item (edit the reason, delete
/// to reopen the finding, undo), added from the Review screen (`R`, then `a` on a finding).
enum AcceptedFindingKind {
    static let kind = ItemKind.list(
        .accepted, \Design.acceptedFindings,
        title: "Accepted findings", shortTitle: "Accepted", noun: "accepted finding",
        name: { _, a in a.message.isEmpty ? a.rule : a.message },
        searchText: { _, a in "\(a.id) \(a.rule) \(a.items.joined(separator: " ")) \(a.message) \(a.reason)" },
        form: { state, a in form(a, in: state) },
        apply: apply,
        // Only in the tab order while some finding is accepted (R shows the review itself).
        listedWhenEmpty: false,
        emptyText: "No accepted findings — R opens the review, a there accepts one with a reason")

    /// What a finding's choice stands for: its key and its message, in one id.
    static func choiceID(_ f: ReviewFinding) -> String { f.key + "\u{1E}" + f.message }

    static func label(_ f: ReviewFinding) -> String { "[\(f.rule)] \(f.message)" }

    /// The form: which finding (the open ones to choose from for a new acceptance, the accepted
    /// one when editing) and why it is accepted.
    static func form(_ a: AcceptedFinding?, in state: AppState, selecting key: String? = nil) -> Form {
        let findings: [ReviewFinding]
        if let a {
            let current = state.review.accepted.first { $0.acceptance.id == a.id }?.finding
                ?? ReviewFinding(rule: a.rule, severity: .info, stage: .requirements, message: a.message, hint: "", items: a.items)
            findings = [current]
        } else {
            findings = state.review.open
        }
        let selected = key.flatMap { k in findings.firstIndex { $0.key == k } } ?? 0
        return Form(
            title: a == nil ? "Accept a finding" : "Edit accepted finding \(a!.id)",
            target: a.map { .item(.accepted, $0.id.rawValue) } ?? .newItem(.accepted),
            fields: [
                .init("finding", "Finding", choices: findings.isEmpty ? ["(no open findings)"] : findings.map(label),
                      selected: selected, ids: findings.map(choiceID)),
                .init("reason", "Reason", paragraph: a?.reason ?? ""),
            ])
    }

    static func apply(_ form: Form, to design: inout Design) -> Result<String, FormError> {
        guard let choice = form["finding"]?.choiceID else { return .failure(FormError("There is no open finding to accept.")) }
        let reason = form.text("reason").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { return .failure(FormError("Say why the finding is accepted.")) }
        let parts = choice.split(separator: "\u{1E}", maxSplits: 1, omittingEmptySubsequences: false)
        let keyParts = parts[0].split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
        let rule = keyParts[0], items = Array(keyParts.dropFirst())
        let message = parts.count > 1 ? String(parts[1]) : ""
        let key = AcceptedFinding.key(rule: rule, items: items)
        // One acceptance per finding: accepting it again updates the reason.
        let existing = form.target.editedID.flatMap { design.acceptedFindings[id: ItemID($0)] }
            ?? design.acceptedFindings.first { $0.key == key }
        var a = existing ?? AcceptedFinding(id: design.acceptedFindings.nextID(), rule: rule, items: items, message: message, reason: reason)
        a.reason = reason
        design.acceptedFindings.upsert(a)
        return .success(a.id.rawValue)
    }
}
