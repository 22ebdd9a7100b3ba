import DesignModel
import Workspace

/// One of the four item panes: a bordered list with the selection highlighted.
enum PaneList {
    static func render(_ state: AppState, _ pane: Pane, _ rect: Rect, _ grid: inout Grid, _ memory: inout ViewMemory) {
        let focused = pane == state.focus && state.overlays.allSatisfy { if case .form = $0 { return false }; return true }
        let rows = state.visibleRows(pane)
        var title = "\(pane.number) \(pane.title) (\(state.itemCount(pane)))"
        if let f = state.filters[pane], !f.isEmpty { title += " /\(f) \(rows.count)" }
        grid.box(rect, style: focused ? Style.borderFocused.bold : .border, kind: focused ? .heavy : .light,
                 title: title, titleStyle: focused ? Style.title.bold : .title)
        let inner = rect.inset(horizontal: 1, vertical: 1)
        guard inner.width > 0, inner.height > 0 else { return }
        if rows.isEmpty {
            let hint = state.itemCount(pane) == 0 ? pane.kind.emptyText ?? "empty — a adds" : "no matches"
            grid.put(hint, x: inner.x + 1, y: inner.y, style: .dim, maxWidth: inner.width - 1)
            return
        }
        let selected = state.selectedRow(pane)
        let offset = ViewMemory.scroll(offset: memory.offsets[pane] ?? 0, selected: selected,
                                       visible: inner.height, count: rows.count)
        memory.offsets[pane] = offset
        for line in 0..<min(inner.height, rows.count - offset) {
            let index = rows[offset + line]
            let y = inner.y + line
            let isSelected = offset + line == selected
            // Sanitise before measuring: a control shown as `^[` is wider than the raw scalar,
            // and widths measured on raw text let the trailing text run over the border.
            var row = RowText.row(state, pane, index)
            row.tag = Sanitize.forDisplay(row.tag)
            row.text = Sanitize.forDisplay(row.text)
            row.trailing = Sanitize.forDisplay(row.trailing)
            let base: Style = isSelected ? (focused ? .selection : .selectionInactive) : .normal
            if isSelected { grid.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: base) }
            var x = inner.x + 1
            let limit = inner.maxX - 1
            if !row.tag.isEmpty {
                x += grid.put(row.tag, x: x, y: y, style: isSelected ? base.bold : Style.tag, maxWidth: limit - x)
                x += 1
            }
            // The main text gets its full width when it fits, else at least seven tenths;
            // the dim trailing text takes what is left, right-aligned.
            let available = max(0, limit - x)
            let mainWidth = DisplayWidth.of(row.text)
            let wantTrailing = row.trailing.isEmpty ? 0 : DisplayWidth.of(row.trailing) + 2
            let mainRoom = mainWidth + wantTrailing <= available ? mainWidth
                : min(mainWidth, max(available * 7 / 10, available - wantTrailing))
            grid.put(row.text, x: x, y: y, style: base, maxWidth: mainRoom, ellipsis: "…")
            let trailingRoom = min(wantTrailing, available - mainRoom)
            if trailingRoom > 3 {
                let t = DisplayWidth.truncate(row.trailing, to: trailingRoom - 2)
                grid.put(t, x: limit - DisplayWidth.of(t), y: y, style: isSelected ? base : .dim)
            }
        }
        // A scroll hint when there is more than fits.
        if rows.count > inner.height {
            let text = " \(selected + 1)/\(rows.count) "
            grid.put(text, x: rect.maxX - DisplayWidth.of(text) - 1, y: rect.maxY - 1, style: .dim)
        }
    }
}
