import DesignExport
import DesignModel
import DiagramLayout
import Workspace

/// The last laid-out diagram, reused while components, flows and direction are unchanged
/// (layout is the expensive part; panning and highlighting are cheap).
struct DiagramCache: Sendable {
    var components: [Component]
    var flows: [Flow]
    var leftToRight: Bool
    var diagram: Diagram
}

/// The architecture drawn as boxes and arrows; pans, highlights the focused component and
/// its flows, and follows the design as it changes.
enum DiagramScreen {
    static let interactiveLimit = 400

    static func diagram(_ state: AppState, _ memory: inout ViewMemory) -> Diagram {
        let d = state.design
        if let c = memory.diagramCache, c.leftToRight == state.diagram.leftToRight, c.components == d.components,
           c.flows == d.flows {
            return c.diagram
        }
        let diagram = DesignDiagram.layout(d, leftToRight: state.diagram.leftToRight)
        memory.diagramCache = DiagramCache(components: d.components, flows: d.flows,
                                           leftToRight: state.diagram.leftToRight, diagram: diagram)
        return diagram
    }

    static func render(_ state: AppState, _ rect: Rect, _ grid: inout Grid, _ memory: inout ViewMemory) {
        let direction = state.diagram.leftToRight ? "left → right" : "top ↓ down"
        grid.box(rect, style: Style.borderFocused.bold, kind: .heavy,
                 title: "Diagram — \(state.design.components.count) components, \(state.design.flows.count) flows, \(direction)")
        let inner = rect.inset(horizontal: 1, vertical: 1)
        guard state.design.components.count > 0 else {
            grid.put("No components yet — Esc, then 2 and a to add some.", x: inner.x + 1, y: inner.y, style: .dim)
            return
        }
        // Layout runs between keystrokes; past this size it would stall the screen for seconds.
        guard state.design.components.count <= DiagramScreen.interactiveLimit else {
            grid.put("\(state.design.components.count) components are more than this view draws "
                     + "(\(DiagramScreen.interactiveLimit)); sysdraft diagram FILE draws them all.",
                     x: inner.x + 1, y: inner.y, style: .dim, maxWidth: inner.width - 1, ellipsis: "…")
            return
        }
        let diagram = diagram(state, &memory)
        // Centre on the focused component when it is off screen; otherwise use the pan offsets.
        var panX = state.diagram.panX, panY = state.diagram.panY
        if let id = state.diagram.focused, let r = diagram.nodeRects[id] {
            if r.x < panX || r.maxX > panX + inner.width { panX = max(0, r.x + r.width / 2 - inner.width / 2) }
            if r.y < panY || r.maxY > panY + inner.height { panY = max(0, r.y + r.height / 2 - inner.height / 2) }
        }
        panX = min(panX, max(0, diagram.width - inner.width))
        panY = min(panY, max(0, diagram.height - inner.height))
        let mask = state.diagram.focused.map { diagram.highlightMask(node: $0) }
        for y in 0..<min(inner.height, diagram.height - panY) {
            let dy = y + panY
            var x = 0
            while x < inner.width && x + panX < diagram.width {
                let dx = x + panX
                let role = diagram.role(x: dx, y: dy)
                if role == .continuation || role == .empty {
                    x += 1
                    continue
                }
                let highlighted = mask?[dy * diagram.width + dx] ?? false
                var style: Style = switch role {
                case .boxBorder: .diagramBox
                case .boxText: .normal
                case .tag: .tag
                case .edge, .arrowhead: .diagramEdge
                case .label: .diagramLabel
                case .legend: .dim
                case .empty, .continuation: .normal
                }
                if highlighted { style = Style(.highlight, [.bold]) }
                let ch = diagram.cells[dy * diagram.width + dx]
                let w = grid.put(String(ch), x: inner.x + x, y: inner.y + y, style: style, maxWidth: inner.width - x)
                x += max(1, w)
            }
        }
        if diagram.width > inner.width || diagram.height > inner.height {
            let text = " \(panX),\(panY) of \(diagram.width)×\(diagram.height) · hjkl pan "
            grid.put(text, x: rect.maxX - DisplayWidth.of(text) - 2, y: rect.maxY - 1, style: .dim)
        }
    }
}
