import DiagramLayout
import Workspace

/// The architecture drawn as boxes and arrows. The reducer lays it out and moves the camera
/// (`DiagramView`); this draws what the camera shows and highlights the focused component and
/// its flows.
enum DiagramScreen {
    static func render(_ state: AppState, _ rect: Rect, _ grid: inout Grid) {
        let direction = state.diagram.leftToRight ? "left → right" : "top ↓ down"
        grid.box(rect, style: Style.borderFocused.bold, kind: .heavy,
                 title: "Diagram — \(state.design.components.count) components, \(state.design.flows.count) flows, \(direction)")
        let inner = rect.inset(horizontal: 1, vertical: 1)
        guard state.design.components.count > 0 else {
            grid.put("No components yet — Esc, then 2 and a to add some.", x: inner.x + 1, y: inner.y, style: .dim)
            return
        }
        // Layout runs between keystrokes; past this size it would stall the screen for seconds.
        guard let diagram = state.diagram.layout?.diagram else {
            guard state.design.components.count > DiagramView.interactiveLimit else { return }
            grid.put("\(state.design.components.count) components are more than this view draws "
                     + "(\(DiagramView.interactiveLimit)); sysdraft diagram FILE draws them all.",
                     x: inner.x + 1, y: inner.y, style: .dim, maxWidth: inner.width - 1, ellipsis: "…")
            return
        }
        let panX = state.diagram.panX, panY = state.diagram.panY
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
                case .legend, .groupFrame: .dim
                case .groupTitle: .tag
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
