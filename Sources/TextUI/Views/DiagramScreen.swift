import DiagramLayout
import Workspace

/// The architecture drawn as boxes and arrows. The reducer lays it out (fitted to the screen's
/// width), chooses the part shown and moves the camera (`DiagramView`); this draws what the
/// camera shows, highlights the focused component and its flows, and dims everything off a
/// highlighted path.
enum DiagramScreen {
    static func render(_ state: AppState, _ rect: Rect, _ grid: inout Grid) {
        let view = state.diagram
        let direction = view.orientation(state.design) == .leftRight ? "left → right" : "top ↓ down"
        var title = "Diagram — \(state.design.components.count) components, \(state.design.flows.count) flows, \(direction)"
        if view.selection != .all { title += " · " + view.selection.describe(in: state.design) }
        title += ScenarioHighlight.caption(state)
        grid.box(rect, style: Style.borderFocused.bold, kind: .heavy, title: title)
        let inner = rect.inset(horizontal: 1, vertical: 1)
        guard state.design.components.count > 0 else {
            grid.put("No components yet — Esc, then 2 and a to add some.", x: inner.x + 1, y: inner.y, style: .dim)
            return
        }
        // Layout runs between keystrokes; past this size it would stall the screen for seconds.
        guard let laidOut = view.layout else {
            guard state.design.components.count > DiagramView.interactiveLimit else { return }
            grid.put("\(state.design.components.count) components are more than this view draws "
                     + "(\(DiagramView.interactiveLimit)); sysdraft diagram FILE draws them all.",
                     x: inner.x + 1, y: inner.y, style: .dim, maxWidth: inner.width - 1, ellipsis: "…")
            return
        }
        let diagram = laidOut.diagram
        let panX = view.panX, panY = view.panY
        let focusMask = view.focused.map { diagram.highlightMask(node: $0) }
        let pathMask = view.highlight.map { diagram.highlightMask(nodes: $0.components, edgeIDs: $0.flows) }
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
                let i = dy * diagram.width + dx
                var style: Style = switch role {
                case .boxBorder: .diagramBox
                case .boxText: .normal
                case .tag, .groupTitle: .tag
                case .edge, .arrowhead: .diagramEdge
                case .label: .diagramLabel
                case .legend, .groupFrame: .dim
                case .empty, .continuation: .normal
                }
                if let pathMask { style = ScenarioHighlight.style(style, role, onPath: pathMask[i]) }
                if focusMask?[i] ?? false { style = Style(.highlight, [.bold]) }
                let w = grid.put(String(diagram.cells[i]), x: inner.x + x, y: inner.y + y, style: style, maxWidth: inner.width - x)
                x += max(1, w)
            }
        }
        if diagram.width > inner.width || diagram.height > inner.height {
            let text = " \(panX),\(panY) of \(diagram.width)×\(diagram.height) · hjkl pan "
            grid.put(text, x: rect.maxX - DisplayWidth.of(text) - 2, y: rect.maxY - 1, style: .dim)
        }
    }
}
