import Estimates
import Workspace

/// The estimates reference card over the screen (`R` on the Estimates list, `:reference`):
/// latency numbers with their year, powers of two, the nines, seconds per period, rules of
/// thumb — laid out as tables fitted to the width, scrollable.
enum ReferenceCardView {
    struct Line: Equatable {
        var text: String
        var style: Style
    }

    /// The dialog's rect on a screen of `width` × `height`.
    static func frame(width: Int, height: Int) -> Rect {
        let w = min(width - 2, 100)
        return Rect(x: 0, y: 0, width: width, height: height).centered(width: w, height: height - 2)
    }

    /// The text area inside the dialog (the last inner row holds the key hint).
    static func body(width: Int, height: Int) -> Rect {
        let inner = frame(width: width, height: height).inset(horizontal: 2, vertical: 1)
        return Rect(x: inner.x, y: inner.y, width: inner.width, height: max(1, inner.height - 1))
    }

    static func render(_ state: AppState, scroll: Int, _ grid: inout Grid) {
        guard let card = state.estimateAssets.referenceCard else { return }
        let rect = frame(width: grid.width, height: grid.height)
        let inner = OverlayView.dialog(rect, title: "Reference card", &grid)
        let area = body(width: grid.width, height: grid.height)
        let all = lines(card, width: area.width)
        let maxScroll = max(0, all.count - area.height)
        let first = min(max(0, scroll), maxScroll)
        for (n, line) in all.dropFirst(first).prefix(area.height).enumerated() {
            grid.put(line.text, x: area.x, y: area.y + n, style: line.style, maxWidth: area.width, ellipsis: "…")
        }
        let more = maxScroll > 0 ? " · \(first + 1)–\(min(all.count, first + area.height)) of \(all.count)" : ""
        grid.put("Esc closes · j/k, Space, g/G scroll" + more,
                 in: Rect(x: inner.x, y: inner.maxY - 1, width: inner.width, height: 1), style: .dim, alignment: .right)
    }

    /// How far the card scrolls on a screen of this size.
    static func maxScroll(_ state: AppState) -> Int {
        guard let card = state.estimateAssets.referenceCard else { return 0 }
        let area = body(width: state.size.columns, height: state.size.rows)
        return max(0, lines(card, width: area.width).count - area.height)
    }

    /// Every line of the card at a width: each table's title, note, header, rows and sources.
    static func lines(_ card: ReferenceCard, width: Int) -> [Line] {
        var out: [Line] = []
        for (n, table) in card.tables.enumerated() {
            if n > 0 { out.append(Line(text: "", style: .dialog)) }
            out.append(Line(text: table.title, style: Style.accent.bold))
            if !table.note.isEmpty {
                out += DisplayWidth.wrap(table.note, width: max(1, width)).map { Line(text: $0, style: .dim) }
            }
            let (widths, gap) = layout(table, width: width)
            out.append(Line(text: row(table.header, widths, table.numeric, gap: gap), style: Style.dialog.bold))
            for r in table.rows { out.append(Line(text: row(r, widths, table.numeric, gap: gap), style: .dialog)) }
            for f in table.footer {
                out += DisplayWidth.wrap(f, width: max(1, width)).map { Line(text: $0, style: .dim) }
            }
        }
        return out
    }

    /// Each column as wide as its widest cell, two spaces apart; a table wider than `width`
    /// closes up to one space, then its widest text column gives up the rest (its cells are
    /// cut with an ellipsis).
    static func layout(_ table: ReferenceTable, width: Int) -> (widths: [Int], gap: Int) {
        var widths = table.header.map { DisplayWidth.of($0) }
        for r in table.rows {
            for (k, cell) in r.enumerated() where k < widths.count { widths[k] = max(widths[k], DisplayWidth.of(cell)) }
        }
        func total(_ gap: Int) -> Int { widths.reduce(0, +) + gap * max(0, widths.count - 1) }
        let gap = total(2) <= width ? 2 : 1
        if total(gap) > width, let widest = widths.indices.filter({ !(table.numeric.indices.contains($0) && table.numeric[$0]) })
            .max(by: { widths[$0] < widths[$1] }) {
            widths[widest] = max(6, widths[widest] - (total(gap) - width))
        }
        return (widths, gap)
    }

    static func row(_ cells: [String], _ widths: [Int], _ numeric: [Bool], gap: Int) -> String {
        var parts: [String] = []
        for (k, w) in widths.enumerated() {
            var cell = k < cells.count ? Sanitize.forDisplay(cells[k]) : ""
            if DisplayWidth.of(cell) > w { cell = DisplayWidth.truncate(cell, to: w) }
            let pad = String(repeating: " ", count: max(0, w - DisplayWidth.of(cell)))
            let right = numeric.indices.contains(k) && numeric[k]
            parts.append(right ? pad + cell : (k == widths.count - 1 ? cell : cell + pad))
        }
        return parts.joined(separator: String(repeating: " ", count: gap))
    }
}
