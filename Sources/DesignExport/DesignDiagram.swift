import DesignModel
import DiagramLayout

/// The bridge from a design to the diagram engine: components become boxes tagged with their
/// kind, flows become arrows (dashed when async, double-headed when two-way).
public enum DesignDiagram {
    public static func graph(_ design: Design) -> DiagramGraph {
        DiagramGraph(
            nodes: design.components.map {
                DiagramGraph.Node(id: $0.id.rawValue, label: $0.name, tag: $0.kind.shortTag)
            },
            edges: design.flows.map {
                DiagramGraph.Edge(from: $0.from.rawValue, to: $0.to.rawValue,
                                  label: $0.label.isEmpty ? nil : $0.label,
                                  dashed: $0.mode == .async, bothEnds: $0.direction == .twoWay)
            })
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
