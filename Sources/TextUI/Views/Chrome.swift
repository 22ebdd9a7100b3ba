import DesignModel
import Workspace

/// The frame around the panes: header bar, pane tabs, detail strip, status bar.
enum Chrome {
    static func header(_ state: AppState, _ rect: Rect, _ grid: inout Grid) {
        grid.fill(rect, style: .header)
        var x = rect.x + 1
        let file = state.fileName + (state.isNewFile ? " [new]" : "") + (state.readOnly ? " [read-only]" : "")
        let marker = (state.isDirty ? " [+]" : "") + (ConflictBadge.text(state) ?? "")
        // The file name and the unsaved marker come first: on a narrow screen the interview badge
        // shrinks to its short form, then the program's name goes.
        let leftNeed = min(12, DisplayWidth.of(state.design.title)) + 3 + DisplayWidth.of(file) + DisplayWidth.of(marker)
        // On the right: the review's open errors and warnings, then the interview badge.
        var badges = [ReviewBadge.text(state), InterviewBadge.text(state)].compactMap { $0 }
        func width(_ bs: [(text: String, style: Style)]) -> Int {
            bs.isEmpty ? 0 : bs.reduce(0) { $0 + DisplayWidth.of($1.text) } + 2 * (bs.count - 1) + 2
        }
        let brand = 10
        if !badges.isEmpty, rect.maxX - x - brand - leftNeed - 1 < width(badges) {
            badges = [ReviewBadge.text(state, compact: true), InterviewBadge.text(state, compact: true)].compactMap { $0 }
        }
        if rect.maxX - x - brand - leftNeed - 1 >= width(badges) {
            x += grid.put("sysdraft", x: x, y: rect.y, style: Style.header.bold)
            x += grid.put("  ", x: x, y: rect.y, style: .header)
        }
        let rightWidth = width(badges)
        let room = rect.maxX - x - rightWidth - 1
        let titleRoom = max(0, room - DisplayWidth.of(file) - DisplayWidth.of(marker) - 3)
        x += grid.put(state.design.title.isEmpty ? "Untitled design" : state.design.title, x: x, y: rect.y,
                      style: Style.header.bold, maxWidth: max(titleRoom, min(room, 12)), ellipsis: "…")
        x += grid.put(" — ", x: x, y: rect.y, style: .header, maxWidth: max(0, rect.maxX - x - rightWidth))
        x += grid.put(file, x: x, y: rect.y, style: .header, maxWidth: max(0, rect.maxX - x - rightWidth - 4), ellipsis: "…")
        if !marker.isEmpty { grid.put(marker, x: x, y: rect.y, style: Style.warning.bold, maxWidth: max(0, rect.maxX - x - rightWidth)) }
        var bx = rect.maxX - rightWidth + 1
        for badge in badges {
            bx += grid.put(badge.text, x: bx, y: rect.y, style: badge.style) + 2
        }
    }

    /// Tab titles with the column range each occupies (for drawing and clicks).
    static func tabRanges(_ state: AppState) -> [(Pane, Range<Int>)] {
        let levels = tabLevels(state)
        var x = 1
        var out: [(Pane, Range<Int>)] = []
        for pane in state.listedPanes {
            let w = DisplayWidth.of(tabTitle(state, pane, level: levels[pane] ?? 2))
            out.append((pane, x..<(x + w)))
            x += w + 1
        }
        return out
    }

    /// How much each unfocused tab shrinks so that every tab fits: 0 full titles with counts,
    /// 1 short titles, 2 numbers only, 3 bare numbers (the focused tab always keeps its title and count). When
    /// short titles for all do not fit, the tabs nearest the focused one keep theirs, as many as fit.
    static func tabLevels(_ state: AppState) -> [Pane: Int] {
        func width(_ levels: [Pane: Int]) -> Int {
            state.listedPanes.reduce(1) { $0 + DisplayWidth.of(tabTitle(state, $1, level: levels[$1] ?? 2)) + 1 }
        }
        for level in 0..<2 {
            let all = Dictionary(uniqueKeysWithValues: state.listedPanes.map { ($0, level) })
            if width(all) <= state.size.columns { return all }
        }
        var levels: [Pane: Int] = [:]
        // Too many lists for padded numbers: the others are bare numbers, close together.
        if width(levels) > state.size.columns {
            return Dictionary(uniqueKeysWithValues: state.listedPanes.map { ($0, 3) })
        }
        let focus = state.listedPanes.firstIndex(of: state.focus) ?? 0
        let nearest = state.listedPanes.indices.sorted { (abs($0 - focus), $0) < (abs($1 - focus), $1) }
        for i in nearest where state.listedPanes[i] != state.focus {
            levels[state.listedPanes[i]] = 1
            if width(levels) > state.size.columns { levels[state.listedPanes[i]] = 2; break }
        }
        return levels
    }

    static func tabs(_ state: AppState, _ rect: Rect, _ grid: inout Grid) {
        let levels = tabLevels(state)
        for (pane, range) in tabRanges(state) where range.lowerBound < rect.maxX {
            let style: Style = pane == state.focus ? Style.selection.bold : .dim
            grid.put(tabTitle(state, pane, level: levels[pane] ?? 2), x: rect.x + range.lowerBound, y: rect.y, style: style,
                     maxWidth: rect.maxX - range.lowerBound)
        }
    }

    static func tabTitle(_ state: AppState, _ pane: Pane, level: Int) -> String {
        if pane == state.focus || level == 0 { return " \(pane.number) \(pane.title) \(state.itemCount(pane)) " }
        switch level {
        case 1: return " \(pane.number) \(pane.kind.shortTitle) "
        case 2: return " \(pane.number) "
        default: return "\(pane.number)"
        }
    }

    static func detail(_ state: AppState, _ rect: Rect, _ grid: inout Grid) {
        grid.box(rect, style: .border, title: "Details")
        let inner = rect.inset(horizontal: 2, vertical: 1)
        guard let i = state.selectedIndex(state.focus) else {
            let hint = state.itemCount(state.focus) == 0
                ? state.focus.kind.emptyText ?? "No \(state.focus.title.lowercased()) yet — press a to add one."
                : "Nothing matches the filter — / then Esc clears it."
            grid.put(hint, in: Rect(x: inner.x, y: inner.y, width: inner.width, height: 1), style: .dim)
            return
        }
        let lines = RowText.detail(state, state.focus, i)
        let maxScroll = DetailText.render(lines, in: inner, scroll: state.detailScroll, &grid)
        if maxScroll > 0 {
            let shown = min(state.detailScroll, maxScroll)
            let hint = shown < maxScroll ? " } more · v full view " : " { back · v full view "
            grid.put(hint, x: rect.maxX - DisplayWidth.of(hint) - 1, y: rect.maxY - 1, style: .dim)
        }
    }

    static func status(_ state: AppState, _ rect: Rect, _ grid: inout Grid) {
        grid.fill(rect, style: .statusBar)
        if case .search(let editor)? = state.overlays.last {
            // The match count and keys on the right (shortened on narrow screens), the field
            // in the rest.
            let n = state.visibleRows(state.focus).count
            let count = "\(n) of \(state.itemCount(state.focus))"
            var info = count + " · Enter keep · Esc clear"
            if DisplayWidth.of(info) + 2 > rect.width / 2 { info = count }
            let infoWidth = DisplayWidth.of(info) + 1
            grid.put("/", x: rect.x + 1, y: rect.y, style: Style.key.bold)
            let field = Rect(x: rect.x + 2, y: rect.y, width: max(1, rect.width - 3 - infoWidth - 1), height: 1)
            grid.put(info, in: Rect(x: rect.maxX - infoWidth, y: rect.y, width: infoWidth - 1, height: 1),
                     style: .dim, alignment: .right)
            TextField.render(editor, in: field, &grid, style: .statusBar)
            return
        }
        if let message = state.message {
            let style: Style = switch message.kind {
            case .info: .message
            case .success: .success
            case .error: Style.error.bold
            }
            grid.put(StatusFit.fit(message.text, width: rect.width - 2), x: rect.x + 1, y: rect.y, style: style,
                     maxWidth: rect.width - 2, ellipsis: "…")
            return
        }
        var x = rect.x + 1
        for (keys, title) in state.keymap.hints(for: state.keyContext) {
            let need = DisplayWidth.of(keys) + DisplayWidth.of(title) + 3
            if x + need > rect.maxX { break }
            x += grid.put(keys, x: x, y: rect.y, style: Style.key.bold)
            x += grid.put(" " + title + "  ", x: x, y: rect.y, style: .statusBar)
        }
    }
}

/// A single-line text field: the editor's text scrolled so the cursor is visible, and the
/// terminal cursor placed on it.
enum TextField {
    static func render(_ editor: LineEditor, in rect: Rect, _ grid: inout Grid, style: Style = .input) {
        guard rect.width > 0 else { return }
        grid.fill(rect, style: style)
        let text = Sanitize.forDisplay(editor.text)
        let cursorColumn = DisplayWidth.of(Sanitize.forDisplay(String(editor.characters[..<editor.cursor])))
        let scroll = scrollOffset(cursorColumn: cursorColumn, width: rect.width)
        grid.put(DisplayWidth.window(text, from: scroll, width: rect.width), x: rect.x, y: rect.y, style: style)
        grid.cursor = Point(x: rect.x + cursorColumn - scroll, y: rect.y)
    }

    /// How far a field scrolls: not at all while the cursor fits, then in half-width pages, so
    /// the text stands still while the cursor moves within a page (scrolling by one column per
    /// key pinned the cursor to the edge and slid the text under it).
    static func scrollOffset(cursorColumn: Int, width: Int) -> Int {
        guard width > 1, cursorColumn >= width else { return max(0, cursorColumn - max(0, width - 1)) }
        let page = max(1, width / 2)
        return ((cursorColumn - width) / page + 1) * page
    }
}
