import Workspace

/// The key-binding reference, generated from the keymap that dispatches keys.
enum HelpView {
    /// Lines of the help text: one section per key context, then the palette commands and
    /// the keys inside forms and editors.
    static func lines(_ keymap: Keymap) -> [(text: String, heading: Bool)] {
        var out: [(String, Bool)] = []
        for context in KeyContext.allCases {
            let bindings = keymap.bindings.filter { $0.context == context }
            guard !bindings.isEmpty else { continue }
            out.append((context.rawValue, true))
            for b in bindings {
                let keys = b.keys.map(\.description).joined(separator: " ")
                out.append(("  " + keys.padding(toLength: 18, withPad: " ", startingAt: 0) + b.command.title, false))
            }
            out.append(("", false))
        }
        out.append(("Commands (type : then the name; Tab completes)", true))
        for e in Workspace.paletteEntries(keymap) where e.keys.isEmpty {
            let name = ":" + e.name + (e.argument.isEmpty ? "" : " " + e.argument)
            out.append(("  " + name.padding(toLength: 18, withPad: " ", startingAt: 0) + e.title, false))
        }
        out.append(("", false))
        out.append(("In forms and fields", true))
        for (k, t) in [("Tab ↓ / Shift-Tab ↑", "Next / previous field"), ("← → or letters", "Choose a value"),
                       ("Space", "Open the list of values"), ("Ctrl-A Ctrl-E", "Start / end of the field"),
                       ("Ctrl-← Ctrl-→", "Word left / right"), ("Ctrl-W Ctrl-U Ctrl-K", "Delete word / to start / to end"),
                       ("Enter", "Save the item"), ("Esc", "Cancel")] {
            out.append(("  " + k.padding(toLength: 18, withPad: " ", startingAt: 0) + t, false))
        }
        return out
    }

    static func render(_ state: AppState, scroll: Int, _ grid: inout Grid) {
        let all = lines(state.keymap)
        let width = min(grid.width - 4, 72)
        let height = min(grid.height - 2, all.count + 3)
        let rect = grid.bounds.centered(width: width, height: height)
        let inner = OverlayView.dialog(rect, title: "Keys — ? or Esc closes, j/k scroll", &grid)
        let visible = max(1, inner.height)
        let start = min(scroll, max(0, all.count - visible))
        for (n, line) in all.dropFirst(start).prefix(visible).enumerated() {
            grid.put(line.text, x: inner.x, y: inner.y + n, style: line.heading ? Style.title.bold : .dialog,
                     maxWidth: inner.width, ellipsis: "…")
        }
        if all.count > visible {
            let text = " \(start + 1)–\(min(all.count, start + visible)) of \(all.count) "
            grid.put(text, x: rect.maxX - DisplayWidth.of(text) - 2, y: rect.maxY - 1, style: .dim)
        }
    }
}
