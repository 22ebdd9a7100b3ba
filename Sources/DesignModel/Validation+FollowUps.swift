extension Design {
    /// Checks of risks, open questions and decision links: ids unique (errors), references real
    /// (warnings: a reference to an item deleted outside sysdraft must not make the file
    /// unreadable; the workspace drops references itself when it deletes an item).
    func followUpFindings() -> [Finding] {
        var out: [Finding] = []
        func dupes<T: Identified>(_ items: [T], _ name: String) {
            var seen = Set<ItemID<T>>()
            for (i, item) in items.enumerated() where !seen.insert(item.id).inserted || item.id.rawValue.isEmpty {
                out.append(Finding(.error, "\(name)[\(i)].id", item.id.rawValue.isEmpty ? "empty id" : "duplicate id \"\(item.id)\""))
            }
        }
        dupes(risks, "risks")
        dupes(questions, "questions")
        let known = itemIDs
        func concerns(_ ids: [String], _ path: String, _ owner: String) {
            for (j, id) in ids.enumerated() where known[id] == nil {
                out.append(Finding(.warning, "\(path).concerns[\(j)]", "\(owner) concerns missing item \"\(id)\""))
            }
        }
        for (i, r) in risks.enumerated() {
            concerns(r.concerns, "risks[\(i)]", "risk \(r.id)")
            if r.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                out.append(Finding(.warning, "risks[\(i)].text", "risk \(r.id) has no text"))
            }
        }
        for (i, q) in questions.enumerated() {
            concerns(q.concerns, "questions[\(i)]", "question \(q.id)")
            if q.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                out.append(Finding(.warning, "questions[\(i)].text", "question \(q.id) has no text"))
            }
        }
        let decisions = Set(tradeOffs.map(\.id))
        let requirementIDs = Set(requirements.map(\.id))
        for (i, t) in tradeOffs.enumerated() {
            if let by = t.supersededBy {
                if !decisions.contains(by) {
                    out.append(Finding(.warning, "tradeOffs[\(i)].supersededBy", "trade-off \(t.id) is superseded by missing trade-off \"\(by)\""))
                } else if by == t.id {
                    out.append(Finding(.error, "tradeOffs[\(i)].supersededBy", "trade-off \(t.id) supersedes itself"))
                }
            } else if t.status == .superseded {
                out.append(Finding(.warning, "tradeOffs[\(i)].supersededBy", "trade-off \(t.id) is superseded but does not say by which decision"))
            }
            for (j, d) in t.drivers.enumerated() where !requirementIDs.contains(d) {
                out.append(Finding(.warning, "tradeOffs[\(i)].drivers[\(j)]", "trade-off \(t.id) is driven by missing requirement \"\(d)\""))
            }
        }
        return out
    }
}
