import Workspace

/// The key-binding reference (`HelpText`, generated from the keymap that dispatches keys).
enum HelpView {
    static func render(_ state: AppState, scroll: Int, _ grid: inout Grid) {
        let all = HelpText.lines(state.keymap)
        let width = min(grid.width - 4, 96)
        let height = min(grid.height - 2, all.count + 3)
        let rect = grid.bounds.centered(width: width, height: height)
        let inner = OverlayView.dialog(rect, title: "Keys (and the ids config.toml binds) — ? or Esc closes, j/k scroll", &grid)
        let visible = max(1, inner.height)
        let start = min(scroll, max(0, all.count - visible))
        for (n, line) in all.dropFirst(start).prefix(visible).enumerated() {
            grid.put(line.text, x: inner.x, y: inner.y + n, style: line.heading ? Style.title.bold : .dialog,
                     maxWidth: inner.width, ellipsis: "…")
            // The id to bind in config.toml, at the right edge where it fits after the text.
            let idWidth = DisplayWidth.of(line.id)
            if idWidth > 0, DisplayWidth.of(line.text) + 2 + idWidth <= inner.width {
                grid.put(line.id, x: inner.maxX - idWidth, y: inner.y + n, style: .dim)
            }
        }
        if all.count > visible {
            let text = " \(start + 1)–\(min(all.count, start + visible)) of \(all.count) "
            grid.put(text, x: rect.maxX - DisplayWidth.of(text) - 2, y: rect.maxY - 1, style: .dim)
        }
    }
}
