import DesignModel
import DiagramLayout
import TerminalText

/// The bridge from a design to the diagram engine: components become boxes tagged with their
/// kind, flows become arrows (dashed when async, double-headed when two-way).
public enum DesignDiagram {
    public static func graph(_ design: Design) -> DiagramGraph {
        DiagramGraph(
            nodes: design.components.map {
                DiagramGraph.Node(id: $0.id.rawValue, label: showInvisible($0.name), tag: $0.kind.shortTag)
            },
            edges: design.flows.map {
                DiagramGraph.Edge(from: $0.from.rawValue, to: $0.to.rawValue,
                                  label: $0.label.isEmpty ? nil : showInvisible($0.label),
                                  dashed: $0.mode == .async, bothEnds: $0.direction == .twoWay)
            })
    }

    /// Zero-width and other invisible characters in labels are shown as `\u{200b}` (the way
    /// the diagram's own sanitising shows controls), so two boxes that look alike are not
    /// different names in secret.
    static func showInvisible(_ text: String) -> String {
        InvisibleCharacters.showingInvisible(text) { "\\u{" + String($0, radix: 16) + "}" }
    }

    public static func layout(_ design: Design, leftToRight: Bool = false, ascii: Bool = false,
                              maxLabelWidth: Int = 20) -> Diagram {
        DiagramLayout.layout(graph(design), DiagramOptions(direction: leftToRight ? .leftToRight : .topToBottom,
                                                           ascii: ascii, maxLabelWidth: maxLabelWidth))
    }

    /// The diagram as plain text, for the report's ```text block and `sysdraft diagram`.
    public static func text(_ design: Design, leftToRight: Bool = false, ascii: Bool = false) -> String {
        layout(design, leftToRight: leftToRight, ascii: ascii).text()
    }
}
