import DesignModel
import Workspace

/// How one kind of item reads in the views: its list row and its full view (every field).
/// The details strip, the full view `v` and the single-list screen draw from this. A new kind
/// adds a file here and one line in `KindViews.all`.
struct KindView: Sendable {
    let pane: Pane
    let row: @Sendable (AppState, Int) -> RowText.Row
    let detail: @Sendable (AppState, Int) -> [DetailLine]
}

/// One labelled field of an item's full view; the value may run over several lines.
struct DetailLine: Equatable, Sendable {
    var label: String
    var value: String
    init(_ label: String, _ value: String) {
        self.label = label
        self.value = value
    }
}

enum KindViews {
    static let all: [KindView] = [
        RequirementView.view,
        ComponentView.view,
        FlowView.view,
        TradeOffView.view,
        RiskView.view,
        QuestionView.view,
        ConflictView.view,
    ]

    private static let byPane: [Pane: KindView] = Dictionary(all.map { ($0.pane, $0) }, uniquingKeysWith: { a, _ in a })

    static func view(_ pane: Pane) -> KindView? { byPane[pane] }

    /// "comp-3 Link cache" for each id, for fields that list other items.
    static func names(_ ids: [String], _ design: Design) -> String {
        guard !ids.isEmpty else { return "—" }
        return ids.map { id in
            guard let kind = ItemKinds.kind(holding: id, in: design), let i = kind.index(design, id) else { return "⚠ \(id)" }
            return "\(id) \(kind.name(design, i))"
        }.joined(separator: "\n")
    }

    /// The risks, questions and decisions that point at an item ("Referenced by").
    static func referencedBy(_ id: String, _ design: Design) -> DetailLine? {
        var refs: [String] = []
        for r in design.risks where r.concerns.contains(id) { refs.append("\(r.id) \(r.text)") }
        for q in design.questions where q.concerns.contains(id) { refs.append("\(q.id) \(q.text)") }
        for t in design.tradeOffs where t.drivers.contains(where: { $0.rawValue == id }) { refs.append("\(t.id) \(t.title)") }
        return refs.isEmpty ? nil : DetailLine("Referenced by", refs.joined(separator: "\n"))
    }
}
