import DesignModel
import DiagramLayout
import TerminalText

/// Which part of a design a drawing shows.
public enum DiagramSelection: Equatable, Sendable {
    /// Every component and flow.
    case all
    /// A component and its neighbours up to `depth` flows away (either direction).
    case focus(ItemID<Component>, depth: Int)
    /// The components in a group (and the groups nested in it).
    case group(ItemID<ComponentGroup>)
    /// The components of these kinds.
    case kinds(Set<Component.Kind>)

    /// A short description for titles and notes ("focus on comp-3, depth 2").
    public func describe(in design: Design) -> String {
        switch self {
        case .all: return "everything"
        case .focus(let id, let depth):
            let name = design.components.first { $0.id == id }?.name ?? id.rawValue
            return "\(name) and its neighbours (depth \(depth))"
        case .group(let id):
            return design.groups.first { $0.id == id }.map { $0.caption } ?? id.rawValue
        case .kinds(let kinds):
            return Component.Kind.allCases.filter { kinds.contains($0) }.map(\.rawValue).joined(separator: ", ")
        }
    }
}

/// The bridge from a design to the diagram engine: components become boxes tagged with their
/// kind, flows become arrows (dashed when async, double-headed when two-way), groups become
/// frames. The drawing runs the way the design says (`diagramDirection`) unless told otherwise.
public enum DesignDiagram {
    /// The components a selection shows, in document order.
    public static func components(_ design: Design, _ selection: DiagramSelection) -> [Component] {
        switch selection {
        case .all:
            return design.components
        case .focus(let id, let depth):
            guard design.components.contains(where: { $0.id == id }) else { return [] }
            var reached: Set<ItemID<Component>> = [id]
            var frontier: [ItemID<Component>] = [id]
            var neighbours: [ItemID<Component>: [ItemID<Component>]] = [:]
            for f in design.flows {
                neighbours[f.from, default: []].append(f.to)
                neighbours[f.to, default: []].append(f.from)
            }
            for _ in 0..<max(0, depth) {
                var next: [ItemID<Component>] = []
                for c in frontier { for n in neighbours[c] ?? [] where reached.insert(n).inserted { next.append(n) } }
                frontier = next
            }
            return design.components.filter { reached.contains($0.id) }
        case .group(let id):
            return design.components(inGroup: id)
        case .kinds(let kinds):
            return design.components.filter { kinds.contains($0.kind) }
        }
    }

    /// The graph for a design (or the part `selection` shows). Edge ids are flow ids, node ids
    /// component ids, group ids group ids, so a caller can map a drawing back to the design.
    public static func graph(_ design: Design, selection: DiagramSelection = .all) -> DiagramGraph {
        let shown = components(design, selection)
        let ids = Set(shown.map(\.id))
        // Groups that hold a shown component (and their parents); the frame says name and kind.
        var usedGroups = Set<ItemID<ComponentGroup>>()
        let parentOf = Dictionary(design.groups.map { ($0.id, $0.parent) }, uniquingKeysWith: { a, _ in a })
        for c in shown {
            var g = c.group
            var steps = 0
            while let id = g, steps <= design.groups.count, usedGroups.insert(id).inserted {
                g = parentOf[id] ?? nil
                steps += 1
            }
        }
        return DiagramGraph(
            nodes: shown.map {
                DiagramGraph.Node(id: $0.id.rawValue, label: showInvisible($0.name), tag: $0.kind.shortTag, group: $0.group?.rawValue)
            },
            edges: design.flows.filter { ids.contains($0.from) && ids.contains($0.to) }.map {
                DiagramGraph.Edge(from: $0.from.rawValue, to: $0.to.rawValue,
                                  label: $0.label.isEmpty ? nil : showInvisible($0.label),
                                  dashed: $0.mode == .async, bothEnds: $0.direction == .twoWay, id: $0.id.rawValue)
            },
            groups: design.groups.filter { usedGroups.contains($0.id) }.map {
                DiagramGraph.Group(id: $0.id.rawValue, label: showInvisible($0.caption), parent: $0.parent?.rawValue)
            })
    }

    /// The direction the design's drawing runs in when nothing else is asked for.
    public static func direction(_ design: Design) -> DiagramDirection {
        direction(design.diagramDirection)
    }

    public static func direction(_ orientation: DiagramOrientation) -> DiagramDirection {
        orientation == .topDown ? .topToBottom : .leftToRight
    }

    public static func orientation(_ direction: DiagramDirection) -> DiagramOrientation {
        direction == .topToBottom ? .topDown : .leftRight
    }

    /// Lays the design out: in `direction` (the design's own when nil), fitted to `width`
    /// columns when given (trying the other direction too when none was given).
    public static func layout(_ design: Design, selection: DiagramSelection = .all,
                              direction: DiagramDirection? = nil, ascii: Bool = false,
                              width: Int? = nil) -> DiagramLayout.Fitted {
        let g = graph(design, selection: selection)
        let options = DiagramOptions(direction: direction ?? self.direction(design), ascii: ascii)
        let d = DiagramLayout.layout(g, options)
        guard let width, d.width > width else { return DiagramLayout.Fitted(diagram: d, fits: true) }
        return DiagramLayout.fit(g, options, width: width, otherDirection: direction == nil)
    }

    /// Zero-width and other invisible characters in labels are shown as `\u{200b}` (the way
    /// the diagram's own sanitising shows controls), so two boxes that look alike are not
    /// different names in secret.
    static func showInvisible(_ text: String) -> String {
        InvisibleCharacters.showingInvisible(text) { "\\u{" + String($0, radix: 16) + "}" }
    }

    /// The diagram as plain text, for the report's ```text block and `sysdraft diagram`.
    public static func text(_ design: Design, direction: DiagramDirection? = nil, ascii: Bool = false) -> String {
        layout(design, direction: direction, ascii: ascii).diagram.text()
    }

    /// The cells to keep bright when a path through the design is highlighted (a scenario's
    /// components and flows); the caller dims the rest. Ids not in the drawing are ignored.
    public static func highlight(_ diagram: Diagram, components: Set<ItemID<Component>>,
                                 flows: Set<ItemID<Flow>>) -> [Bool] {
        diagram.highlightMask(nodes: Set(components.map(\.rawValue)), edgeIDs: Set(flows.map(\.rawValue)))
    }
}

extension DiagramOrientation {
    /// The orientation of a Mermaid/DOT direction.
    public init(_ direction: FlowchartOptions.Direction) {
        self = direction == .leftToRight ? .leftRight : .topDown
    }
}
