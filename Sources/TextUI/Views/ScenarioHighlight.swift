import DiagramLayout
import Workspace

/// The architecture diagram's highlight of a scenario's path: which cells belong to the boxes
/// and edges it uses (the rest is drawn dim), and what the title says about it.
enum ScenarioHighlight {
    /// Cells of the highlighted boxes, and of the highlighted flows' edges and labels,
    /// row-major. Edges are in the order of the laid-out design's flows.
    static func mask(_ laidOut: LaidOutDiagram, _ highlight: DiagramHighlight) -> [Bool] {
        let diagram = laidOut.diagram
        let w = diagram.width, h = diagram.height
        var mask = [Bool](repeating: false, count: w * h)
        func fill(_ r: DiagramRect) {
            for y in max(0, r.y)..<min(h, r.maxY) { for x in max(0, r.x)..<min(w, r.maxX) { mask[y * w + x] = true } }
        }
        for id in highlight.components { if let r = diagram.nodeRects[id] { fill(r) } }
        for (e, flow) in laidOut.flows.enumerated() where highlight.flows.contains(flow.id.rawValue) && e < diagram.edgePaths.count {
            for p in diagram.edgePaths[e] where p.x >= 0 && p.y >= 0 && p.x < w && p.y < h { mask[p.y * w + p.x] = true }
            if e < diagram.edgeLabelRects.count, let r = diagram.edgeLabelRects[e] { fill(r) }
        }
        return mask
    }

    /// How a cell looks with a scenario highlighted: on its path, arrows and their labels in the
    /// highlight colour and boxes bold; everything else dim.
    static func style(_ style: Style, _ role: DiagramCellRole, onPath: Bool) -> Style {
        guard onPath else { return .dim }
        switch role {
        case .edge, .arrowhead, .label: return Style(.highlight, [.bold])
        default: return style.bold
        }
    }

    /// " · scen-2 highlighted" for the diagram's title, when a scenario is.
    static func caption(_ state: AppState) -> String {
        guard state.diagram.highlight != nil, let id = state.scenarioScreens.highlighted else { return "" }
        return " · \(id) highlighted"
    }
}
