import DesignModel
import Workspace

/// The table editor drawn over the screen: the item's tables as tabs, the rows in columns with
/// the selected cell marked (a cell being typed into widens), the selected cell's whole value,
/// and the keys. Drawing and mouse hit-testing share `layout`, so a click lands on the cell
/// drawn there.
enum TableEditorView {
    struct Layout {
        var frame: Rect
        var inner: Rect
        /// Each table's tab: its index and columns.
        var tabs: [(table: Int, range: Range<Int>)]
        var tabsY: Int
        var headerY: Int
        var body: Rect
        /// Each column's cells.
        var columns: [Range<Int>]
        /// The first row shown (rows scroll a page at a time).
        var first: Int
        /// Two lines for the selected cell's whole value (or an error, or the filter).
        var value: Rect
        var hintY: Int
    }

    static func layout(_ t: TableEditor, _ state: AppState, rows: [[TableCell]]) -> Layout {
        let size = state.size
        let width = min(size.columns - 2, 120)
        let frame = Rect(x: (size.columns - width) / 2, y: 1, width: width, height: max(0, size.rows - 2))
        let inner = frame.inset(horizontal: 2, vertical: 1)
        let design = state.design
        let spec = t.spec
        // Tabs: " Fields 3 " for each table.
        var tabs: [(Int, Range<Int>)] = []
        var x = inner.x
        for (n, table) in t.tables.enumerated() {
            let w = DisplayWidth.of(tabTitle(table, design, t.itemID))
            tabs.append((n, x..<(x + w)))
            x += w + 1
        }
        let body = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: max(1, inner.height - 5))
        let shown = t.shown(rows, design)
        let first = body.height > 0 ? (min(t.row, max(0, shown.count - 1)) / body.height) * body.height : 0
        // The column being typed into gets room for its text.
        var focus: (Int, Int)?
        if case .text(let editor) = t.mode { focus = (t.column, max(24, DisplayWidth.of(editor.text) + 2)) }
        let widths = columnWidths(spec.columns, total: inner.width, focus: focus)
        var columns: [Range<Int>] = []
        var cx = inner.x
        for w in widths {
            columns.append(cx..<(cx + w))
            cx += w + 1
        }
        return Layout(frame: frame, inner: inner, tabs: tabs, tabsY: inner.y, headerY: inner.y + 1, body: body,
                      columns: columns, first: first,
                      value: Rect(x: inner.x, y: inner.maxY - 3, width: inner.width, height: 2), hintY: inner.maxY - 1)
    }

    static func tabTitle(_ table: RowTable, _ design: Design, _ id: String) -> String {
        " \(table.title) \(table.rows(design, id)?.count ?? 0) "
    }

    /// Column widths within `total` (a space between columns): each at least its minimum (all
    /// shrunk alike when even that does not fit), a column being typed into first up to what
    /// it wants, the rest shared by weight.
    static func columnWidths(_ columns: [TableColumn], total: Int, focus: (column: Int, wants: Int)?) -> [Int] {
        guard !columns.isEmpty else { return [] }
        let room = max(columns.count, total - (columns.count - 1))
        var w = columns.map(\.minWidth)
        var over = w.reduce(0, +) - room
        // Too narrow: take from the widest columns, never below one cell.
        while over > 0, let i = w.indices.filter({ w[$0] > 1 }).max(by: { w[$0] < w[$1] }) {
            w[i] -= 1
            over -= 1
        }
        var extra = room - w.reduce(0, +)
        if let (f, wants) = focus, columns.indices.contains(f), extra > 0 {
            let give = min(extra, max(0, wants - w[f]))
            w[f] += give
            extra -= give
        }
        let weights = columns.map(\.weight)
        let sum = weights.reduce(0, +)
        if extra > 0 && sum > 0 {
            let share = extra
            for i in w.indices { w[i] += share * weights[i] / sum }
            extra = room - w.reduce(0, +)
            // What rounding left goes to the heaviest columns.
            for i in w.indices.sorted(by: { weights[$0] > weights[$1] }) where extra > 0 && weights[i] > 0 {
                w[i] += 1
                extra -= 1
            }
        }
        return w
    }

    static func render(_ t: TableEditor, _ state: AppState, _ grid: inout Grid) {
        let design = state.design
        let spec = t.spec
        guard let rows = spec.rows(design, t.itemID) else {
            let rect = grid.bounds.centered(width: min(grid.width - 4, 50), height: 4)
            let inner = OverlayView.dialog(rect, title: "Table", &grid)
            grid.put("The \(t.pane.noun) \(t.itemID) is gone. Esc closes.", x: inner.x, y: inner.y, style: .dialog,
                     maxWidth: inner.width, ellipsis: "…")
            return
        }
        let l = layout(t, state, rows: rows)
        let kind = t.pane.kind
        let name = kind.index(design, t.itemID).map { kind.name(design, $0) } ?? ""
        let noun = t.pane.noun.prefix(1).uppercased() + t.pane.noun.dropFirst()
        _ = OverlayView.dialog(l.frame, title: "\(noun) \(t.itemID) \(name)", &grid)
        let shown = t.shown(rows, design)

        // Tabs, and the filter on the right.
        for (n, range) in l.tabs where range.lowerBound < l.inner.maxX {
            grid.put(tabTitle(t.tables[n], design, t.itemID), x: range.lowerBound, y: l.tabsY,
                     style: n == t.table ? Style.selection.bold : .dim, maxWidth: l.inner.maxX - range.lowerBound)
        }
        if !t.filter.isEmpty {
            let text = " /\(t.filter) \(shown.count) of \(rows.count) "
            let w = min(DisplayWidth.of(text), l.inner.width / 2)
            grid.put(text, x: l.inner.maxX - w, y: l.tabsY, style: Style.accent.bold, maxWidth: w, ellipsis: "…")
        }

        // Column titles.
        for (c, column) in spec.columns.enumerated() where c < l.columns.count {
            let r = l.columns[c]
            grid.put(column.title, x: r.lowerBound, y: l.headerY, style: c == t.column ? Style.accent.bold : Style.title.bold,
                     maxWidth: r.count, ellipsis: "…")
        }

        // Rows.
        var cursor: Point?
        var anchor: Rect?
        if shown.isEmpty {
            let text = rows.isEmpty ? "No \(spec.title.lowercased()) yet — a adds one" : "No row matches /\(t.filter) — Esc clears it"
            grid.put(text, x: l.body.x, y: l.body.y, style: .placeholder, maxWidth: l.body.width, ellipsis: "…")
        }
        for n in 0..<min(l.body.height, max(0, shown.count - l.first)) {
            let r = l.first + n
            let y = l.body.y + n
            guard let cells = t.cells(at: r, rows, design) else { continue }
            let selected = r == t.row
            let base: Style = selected ? .selection : .dialog
            if selected { grid.fill(Rect(x: l.body.x, y: y, width: l.body.width, height: 1), style: base) }
            for (c, column) in spec.columns.enumerated() where c < l.columns.count && c < cells.count {
                let range = l.columns[c]
                let rect = Rect(x: range.lowerBound, y: y, width: range.count, height: 1)
                let current = selected && c == t.column
                if current, case .text(let editor) = t.mode {
                    TextField.render(editor, in: rect, &grid)
                    cursor = grid.cursor
                    continue
                }
                if current {
                    grid.fill(rect, style: .input)
                    anchor = rect
                }
                let text = column.display(design, cells[c])
                let style: Style = current ? Style.input.bold : (column.kind == .flag && !selected ? .dim : base)
                grid.put(text, x: rect.x, y: y, style: style, maxWidth: rect.width, ellipsis: "…")
            }
        }
        if shown.count > l.body.height {
            let text = " \(min(t.row, shown.count - 1) + 1)/\(shown.count) "
            grid.put(text, x: l.frame.maxX - DisplayWidth.of(text) - 2, y: l.frame.maxY - 1, style: .dim)
        }

        // The selected cell in full, an error, or the filter being typed.
        switch t.mode {
        case .filter(let editor):
            grid.put("/", x: l.value.x, y: l.value.y, style: Style.key.bold)
            TextField.render(editor, in: Rect(x: l.value.x + 1, y: l.value.y, width: l.value.width - 1, height: 1), &grid)
            cursor = grid.cursor
        default:
            if let error = t.error {
                grid.put("⚠ " + error, in: l.value, style: Style.error.bold)
            } else if let cells = t.cells(at: t.row, rows, design), spec.columns.indices.contains(t.column),
                      t.column < cells.count {
                let column = spec.columns[t.column]
                var value = column.display(design, cells[t.column])
                switch t.mode {
                case .tick(let options, _, let ticked):
                    value = ticked.compactMap { v in options.first { $0.value == v }?.label }.joined(separator: ", ")
                case .text(let editor):
                    value = editor.text
                default:
                    break
                }
                let text = column.title + ": " + (value.isEmpty ? "—" : value)
                let lines = DisplayWidth.wrap(Sanitize.forDisplay(text), width: max(1, l.value.width))
                for (i, line) in lines.prefix(2).enumerated() {
                    let more = i == 1 && lines.count > 2
                    grid.put(more ? line + " …" : line, x: l.value.x, y: l.value.y + i, style: .dim,
                             maxWidth: l.value.width, ellipsis: "…")
                }
            }
        }
        grid.put(hint(t, state.keymap, width: l.inner.width), in: Rect(x: l.inner.x, y: l.hintY, width: l.inner.width, height: 1), style: .dim)
        grid.cursor = cursor

        // An open list of values, under (or over) the cell.
        let cell = anchor ?? Rect(x: l.columns.indices.contains(t.column) ? l.columns[t.column].lowerBound : l.body.x,
                                  y: l.body.y + max(0, t.row - l.first), width: 10, height: 1)
        switch t.mode {
        case .pick(let options, let h):
            FormView.picker(options.map(\.label), selected: h, below: cell, &grid)
        case .tick(let options, let h, let ticked):
            FormView.picker(options.map { o in
                if let i = ticked.firstIndex(of: o.value) { return "[\(i + 1)] " + o.label }
                return "[ ] " + o.label
            }, selected: h, below: cell, &grid)
        default:
            break
        }
    }

    /// The key line: what the keys do in the mode the editor is in, from the keymap.
    static func hint(_ t: TableEditor, _ keymap: Keymap, width: Int) -> String {
        func key(_ c: Command) -> String { keymap.keys(for: c).first?.description ?? "" }
        func keys(_ a: Command, _ b: Command) -> String {
            [key(a), key(b)].filter { !$0.isEmpty }.joined(separator: "/")
        }
        switch t.mode {
        case .text: return "Enter keep · Tab next cell · Shift-Tab previous · Esc cancel"
        case .pick: return "j/k move · letters jump · Enter pick · Esc cancel"
        case .tick: return "Space ticks (in this order) · Enter keeps · Esc cancels"
        case .filter: return "type to filter · Enter keep · Esc clear"
        case .browse:
            let parts: [(String, String)] = [
                (key(.tableEdit), "edit"), (key(.tableAdd), "add"), (key(.tableDelete), "delete"),
                (keys(.tableNext, .tablePrevious), "table"), (key(.tableFilter), "filter"),
                (keys(.tableMoveDown, .tableMoveUp), "move"), (key(.undo), "undo"),
            ]
            // As many as fit, in this order; how to close always shows.
            let close = key(.tableClose) + " close"
            var shown: [String] = []
            for (keys, what) in parts where !keys.isEmpty {
                let next = (shown + ["\(keys) \(what)", close]).joined(separator: "  ")
                if DisplayWidth.of(next) > width { break }
                shown.append("\(keys) \(what)")
            }
            return (shown + [close]).joined(separator: "  ")
        }
    }

    /// Where a mouse event on the editor lands.
    static func hitTest(_ event: MouseEvent, _ t: TableEditor, _ state: AppState) -> Action? {
        guard let rows = t.spec.rows(state.design, t.itemID) else { return nil }
        let l = layout(t, state, rows: rows)
        guard l.frame.contains(x: event.x, y: event.y) else { return nil }
        switch event.kind {
        case .wheelUp: return .tableMouse(.scroll(-3))
        case .wheelDown: return .tableMouse(.scroll(3))
        case .press:
            if event.y == l.tabsY, let tab = l.tabs.first(where: { $0.range.contains(event.x) }) {
                return .tableMouse(.table(tab.table))
            }
            guard l.body.contains(x: event.x, y: event.y) else { return nil }
            let r = l.first + event.y - l.body.y
            guard r < t.shown(rows, state.design).count else { return nil }
            let c = l.columns.firstIndex { $0.contains(event.x) }
                ?? l.columns.indices.last { l.columns[$0].lowerBound <= event.x } ?? 0
            return .tableMouse(.cell(row: r, column: c))
        }
    }
}
