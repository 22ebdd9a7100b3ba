import DesignModel
import Workspace

/// The 10-stage checklist: stages with progress on the left, the chosen stage's items and
/// notes on the right.
enum ChecklistScreen {
    static func render(_ state: AppState, _ rect: Rect, _ grid: inout Grid, _ memory: inout ViewMemory) {
        let listWidth = min(38, max(24, rect.width / 3))
        let (left, right) = rect.splitLeft(listWidth)
        stages(state, left, &grid)
        items(state, right, &grid, &memory)
    }

    static func stages(_ state: AppState, _ rect: Rect, _ grid: inout Grid) {
        var done = 0, total = 0
        for key in StageKey.allCases {
            let p = state.design.progress(of: key, in: state.catalogue)
            done += p.done
            total += p.total
        }
        grid.box(rect, style: .border, title: "Stages \(done)/\(total)")
        let inner = rect.inset(horizontal: 1, vertical: 1)
        for (n, key) in StageKey.allCases.enumerated() where n < inner.height {
            let y = inner.y + n
            let p = state.design.progress(of: key, in: state.catalogue)
            let selected = key == state.checklist.stage
            let style: Style = selected ? .selection : .normal
            if selected { grid.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: style) }
            let mark = switch p.status { case .done: "✓"; case .inProgress: "◐"; case .notStarted: "○" }
            let markStyle: Style = selected ? style : (p.status == .done ? .success : p.status == .inProgress ? .warning : .dim)
            grid.put(mark, x: inner.x + 1, y: y, style: markStyle)
            let count = "\(p.done)/\(p.total)"
            let countWidth = DisplayWidth.of(count) + 1
            grid.put(String(format: "%2d ", key.number) + state.catalogue[key].shortTitle, x: inner.x + 3, y: y,
                     style: style, maxWidth: inner.width - 4 - countWidth, ellipsis: "…")
            grid.put(count, x: inner.maxX - countWidth, y: y, style: selected ? style : .dim)
        }
    }

    static func items(_ state: AppState, _ rect: Rect, _ grid: inout Grid, _ memory: inout ViewMemory) {
        let stage = state.catalogue[state.checklist.stage]
        let p = state.design.progress(of: stage.key, in: state.catalogue)
        grid.box(rect, style: Style.borderFocused.bold, kind: .heavy,
                 title: "\(stage.key.number). \(stage.title) — \(p.status.rawValue)")
        let inner = rect.inset(horizontal: 2, vertical: 1)
        guard inner.height > 2 else { return }
        var y = inner.y
        let purpose = wrap(stage.purpose, inner.width)
        let shown = inner.height >= 16 ? 3 : 2
        for (n, line) in purpose.prefix(shown).enumerated() {
            let last = n == shown - 1 && purpose.count > shown
            grid.put(last ? DisplayWidth.truncate(line + " …", to: inner.width) : line, x: inner.x, y: y,
                     style: Style.dim.italic)
            y += 1
        }
        y += 1
        let notes = state.design.stage(stage.key).notes
        let rows = Workspace.checklistRows(state)
        // The notes get at least a third of the height (3 to 8 rows), and every row the list
        // does not need: a short list leaves room to read the notes instead of blank rows.
        // The stage's open review findings, a few lines above the notes.
        let findings = state.review.open(in: stage.key)
        let findingLines = findings.isEmpty ? 0 : min(findings.count, inner.height >= 20 ? 3 : 1) + 1
        let notesHeight = max(min(max(3, inner.height / 3), 8), inner.maxY - y - rows.count - 1 - findingLines)
        let listHeight = max(1, inner.maxY - y - notesHeight - 1 - findingLines)
        let selected = min(state.checklist.row, max(0, rows.count - 1))
        let first = ViewMemory.scroll(offset: memory.checklistOffset, selected: selected, visible: listHeight, count: rows.count)
        memory.checklistOffset = first
        for n in 0..<min(listHeight, max(0, rows.count - first)) {
            let row = rows[first + n]
            let isSelected = first + n == selected
            let style: Style = isSelected ? .selection : .normal
            let ly = y + n
            if isSelected { grid.fill(Rect(x: inner.x, y: ly, width: inner.width, height: 1), style: style) }
            let box = row.isDone ? "[x]" : "[ ]"
            grid.put(box, x: inner.x + 1, y: ly, style: isSelected ? style.bold : (row.isDone ? .success : .dim))
            var x = inner.x + 5
            if case .custom = row { x += grid.put("+ ", x: x, y: ly, style: isSelected ? style : .accent) }
            grid.put(row.text, x: x, y: ly, style: style, maxWidth: inner.maxX - x, ellipsis: "…")
        }
        // Notes preview, with the hint of the focused catalogue item above it.
        let notesTop = inner.maxY - notesHeight
        if findingLines > 0 {
            ReviewLines.stage(findings, x: inner.x, y: notesTop - 1 - findingLines, width: inner.width,
                              lines: findingLines, &grid)
        }
        if rows.indices.contains(selected), case .catalogue(let item, _) = rows[selected], let hint = item.hint {
            grid.put("ⓘ " + hint, x: inner.x, y: notesTop - 1, style: .dim, maxWidth: inner.width, ellipsis: "…")
        }
        grid.hline(x: inner.x, y: notesTop, length: inner.width, style: .border)
        grid.put(" Notes (n edits) ", x: inner.x + 2, y: notesTop, style: .title)
        let lines = notes.isEmpty ? ["No notes yet."] : Sanitize.linesForDisplay(notes).flatMap { wrap($0, inner.width) }
        for (n, line) in lines.prefix(notesHeight - 1).enumerated() {
            grid.put(line, x: inner.x, y: notesTop + 1 + n, style: notes.isEmpty ? .dim : .normal, maxWidth: inner.width)
        }
    }

    /// Word-wraps text to a display width (long words are cut).
    static func wrap(_ text: String, _ width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var current = ""
        for word in Sanitize.forDisplay(text).split(separator: " ", omittingEmptySubsequences: false) {
            let w = String(word)
            let candidate = current.isEmpty ? w : current + " " + w
            if DisplayWidth.of(candidate) <= width {
                current = candidate
            } else {
                if !current.isEmpty { lines.append(current) }
                current = DisplayWidth.of(w) > width ? DisplayWidth.truncate(w, to: width) : w
            }
        }
        lines.append(current)
        return lines
    }
}
