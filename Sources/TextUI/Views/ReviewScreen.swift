import DesignModel
import DesignReview
import Workspace

/// The design review: stages with their counts on the left; the findings of the chosen stage
/// (or all) on the right, errors first, accepted ones after them; the selected finding in full
/// below (message, fix, items, and the reason when accepted).
enum ReviewScreen {
    static func render(_ state: AppState, _ rect: Rect, _ grid: inout Grid, _ memory: inout ViewMemory) {
        let listWidth = min(34, max(26, rect.width / 4))
        let (left, right) = rect.splitLeft(listWidth)
        stages(state, left, &grid)
        findings(state, right, &grid, &memory)
    }

    static func countText(_ findings: [ReviewFinding]) -> String {
        let e = findings.filter { $0.severity == .error }.count, w = findings.filter { $0.severity == .warning }.count
        let i = findings.count - e - w
        var parts: [String] = []
        if e > 0 { parts.append("✗\(e)") }
        if w > 0 { parts.append("⚠\(w)") }
        if i > 0 { parts.append("·\(i)") }
        return parts.joined(separator: " ")
    }

    static func stages(_ state: AppState, _ rect: Rect, _ grid: inout Grid) {
        grid.box(rect, style: .border, title: "Stages")
        let inner = rect.inset(horizontal: 1, vertical: 1)
        let stops: [StageKey?] = [nil] + StageKey.allCases.map(Optional.some)
        for (n, stop) in stops.enumerated() where n < inner.height {
            let y = inner.y + n
            let selected = stop == state.reviewCursor.stage
            let style: Style = selected ? .selection : .normal
            if selected { grid.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: style) }
            let open = stop.map { state.review.open(in: $0) } ?? state.review.open
            let count = countText(open)
            let countWidth = DisplayWidth.of(count) + 1
            let title = stop.map { String(format: "%2d ", $0.number) + state.catalogue[$0].shortTitle } ?? " All stages"
            grid.put(title, x: inner.x + 1, y: y, style: selected ? style.bold : style,
                     maxWidth: max(1, inner.width - 2 - countWidth), ellipsis: "…")
            let countStyle: Style = selected ? style
                : open.contains { $0.severity == .error } ? .error : open.isEmpty ? .dim : .warning
            grid.put(count, x: inner.maxX - countWidth, y: y, style: countStyle)
        }
    }

    static func tag(_ row: ReviewRow) -> (String, Style) {
        switch row {
        case .accepted: ("ok  ", .success)
        case .open(let f):
            switch f.severity {
            case .error: ("ERR ", Style.error.bold)
            case .warning: ("WARN", Style.warning.bold)
            case .info: ("info", .dim)
            }
        }
    }

    static func findings(_ state: AppState, _ rect: Rect, _ grid: inout Grid, _ memory: inout ViewMemory) {
        let rows = Workspace.reviewRows(state)
        let scope = state.reviewCursor.stage.map { "\($0.number). " + state.catalogue[$0].title } ?? "All stages"
        let open = rows.filter { if case .open = $0 { return true }; return false }.count
        let title = "Review — \(scope): " + (open == 0 ? "nothing open" : "\(open) open")
            + (rows.count > open ? ", \(rows.count - open) accepted" : "")
        grid.box(rect, style: Style.borderFocused.bold, kind: .heavy, title: title)
        let inner = rect.inset(horizontal: 2, vertical: 1)
        guard inner.height > 2 else { return }
        if rows.isEmpty {
            let why = state.review.open.isEmpty && state.review.accepted.isEmpty
                ? "The review finds nothing to say about this design."
                : "Nothing in this stage — Tab goes to the next one."
            grid.put(why, x: inner.x, y: inner.y, style: .dim, maxWidth: inner.width)
            return
        }
        let detailHeight = min(max(5, inner.height / 3), 9)
        let listHeight = max(1, inner.height - detailHeight - 1)
        let selected = min(state.reviewCursor.row, rows.count - 1)
        let first = ViewMemory.scroll(offset: memory.reviewOffset, selected: selected, visible: listHeight, count: rows.count)
        memory.reviewOffset = first
        for n in 0..<min(listHeight, rows.count - first) {
            let row = rows[first + n]
            let y = inner.y + n
            let isSelected = first + n == selected
            let style: Style = isSelected ? .selection : .normal
            if isSelected { grid.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: style) }
            let (t, tagStyle) = tag(row)
            var x = inner.x
            x += grid.put(t, x: x, y: y, style: isSelected ? style.bold : tagStyle)
            x += 1
            let text = row.finding.message
            grid.put(text, x: x, y: y, style: isSelected ? style : (row.isAccepted ? .dim : .normal),
                     maxWidth: inner.maxX - x, ellipsis: "…")
        }
        // The selected finding in full.
        let top = inner.maxY - detailHeight
        grid.hline(x: inner.x, y: top, length: inner.width, style: .border)
        let f = rows[selected].finding
        grid.put(" \(f.rule) · \(f.severity.rawValue) · stage \(f.stage.number) ", x: inner.x + 2, y: top, style: .title,
                 maxWidth: inner.width - 4, ellipsis: "…")
        var lines = [DetailLine("Finding", f.message), DetailLine("Fix", f.hint)]
        if !f.items.isEmpty { lines.append(DetailLine("Items", TraceabilityLines.names(f.items, state.design))) }
        if case .accepted(let a) = rows[selected] { lines.append(DetailLine("Accepted", a.acceptance.reason)) }
        let keys = rows[selected].isAccepted ? "Enter go to the item · a edit the reason · d reopen"
            : "Enter go to the item · a accept with a reason"
        lines.append(DetailLine("", keys))
        DetailText.render(lines, in: Rect(x: inner.x, y: top + 1, width: inner.width, height: detailHeight - 1), scroll: 0, &grid)
    }
}

extension ReviewRow {
    var isAccepted: Bool {
        if case .accepted = self { return true }
        return false
    }
}

/// A stage's open findings in a few lines (the checklist shows them under the stage's items).
enum ReviewLines {
    static func stage(_ findings: [ReviewFinding], x: Int, y: Int, width: Int, lines: Int, _ grid: inout Grid) {
        let shown = max(0, lines - 1)
        let more = findings.count > shown ? " — R shows all \(findings.count)" : " — R opens the review"
        grid.put("Review: " + ReviewScreen.countText(findings) + more, x: x, y: y, style: Style.title.bold,
                 maxWidth: width, ellipsis: "…")
        for (n, f) in findings.prefix(shown).enumerated() {
            let (mark, style): (String, Style) = switch f.severity {
            case .error: ("✗ ", Style.error.bold)
            case .warning: ("⚠ ", Style.warning)
            case .info: ("· ", Style.dim)
            }
            let w = grid.put(mark, x: x + 1, y: y + 1 + n, style: style)
            grid.put(f.message, x: x + 1 + w, y: y + 1 + n, style: .normal, maxWidth: width - 1 - w, ellipsis: "…")
        }
    }
}
