import DesignModel
import Workspace

/// How one item reads as a list row and in the details (from the kind's `KindView`).
enum RowText {
    struct Row {
        /// A short coloured tag at the start ("NFR", "[DB]").
        var tag: String
        var text: String
        /// Secondary text, drawn dim after the main text (technology, protocol).
        var trailing: String
    }

    static func row(_ state: AppState, _ pane: Pane, _ i: Int) -> Row {
        KindViews.view(pane)?.row(state, i) ?? Row(tag: "", text: pane.kind.name(state.design, i), trailing: "")
    }

    /// Label/value lines for the details strip and the full view.
    static func detail(_ state: AppState, _ pane: Pane, _ i: Int) -> [DetailLine] {
        KindViews.view(pane)?.detail(state, i)
            ?? [DetailLine(pane.noun.prefix(1).uppercased() + pane.noun.dropFirst(), "\(pane.kind.id(state.design, i))  \(pane.kind.name(state.design, i))")]
    }
}
