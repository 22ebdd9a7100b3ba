import DesignModel
import Workspace

/// Dialogs drawn over the screen: forms, confirmations, help, palette, notes, info.
enum OverlayView {
    static func render(_ overlay: Overlay, _ state: AppState, _ grid: inout Grid) {
        switch overlay {
        case .form(let form): FormView.render(form, &grid)
        case .confirm(let c): confirm(c, &grid)
        case .help(let scroll): HelpView.render(state, scroll: scroll, &grid)
        case .palette(let p): PaletteView.render(p, state, &grid)
        case .search: break  // drawn in the status bar
        case .notes(let area): NotesView.render(area, &grid)
        case .info(let title, let lines, let scroll): info(title, lines, scroll, &grid)
        case .summary(let scroll):
            info("Interview summary — a assesses, Esc closes", Workspace.summaryLines(state), scroll, &grid)
        case .itemView(let pane, let id, let scroll):
            ItemFullView.render(pane, id: id, scroll: scroll, state, &grid)
        case .interviewer(let scroll): InterviewerCardView.render(state, scroll: scroll, &grid)
        }
    }

    /// A dialog frame: clears its area and draws a titled border. Returns the inner rect.
    static func dialog(_ rect: Rect, title: String, _ grid: inout Grid) -> Rect {
        grid.fill(rect, style: .dialog)
        grid.box(rect, style: Style.borderFocused.bold, kind: .rounded, title: title, titleStyle: Style.title.bold)
        return rect.inset(horizontal: 2, vertical: 1)
    }

    static func confirm(_ c: Confirm, _ grid: inout Grid) {
        let choices = c.options.map { "[\($0.key)] \($0.label)" }.joined(separator: "   ")
        let width = min(grid.width - 4, max(DisplayWidth.of(c.message), DisplayWidth.of(choices), 30) + 6)
        // A long message (a long name in it) wraps onto up to four lines rather than losing
        // its end, which says what else goes ("… and the 3 data flows to and from it?").
        let message = DisplayWidth.wrap(c.message, width: max(1, width - 6))
        // Answers that do not fit on one line go on as many as they need, each whole.
        var rows: [[Int]] = [[]]
        var used = 0
        for (i, option) in c.options.enumerated() {
            let w = DisplayWidth.of("[\(option.key)] \(option.label)")
            if !rows[rows.count - 1].isEmpty && used + w > width - 6 { rows.append([]); used = 0 }
            rows[rows.count - 1].append(i)
            used += w + 3
        }
        let shown = min(message.count, 4, max(1, grid.height - 6 - rows.count))
        let rect = grid.bounds.centered(width: width, height: 4 + shown + rows.count)
        let inner = dialog(rect, title: c.title, &grid)
        for n in 0..<shown {
            let text = n == shown - 1 ? message[n...].joined(separator: " ") : message[n]
            grid.put(text, x: inner.x, y: inner.y + n, style: .dialog, maxWidth: inner.width, ellipsis: "…")
        }
        for (r, row) in rows.enumerated() {
            var x = inner.x
            let y = inner.y + shown + 1 + r
            for i in row {
                let option = c.options[i]
                x += grid.put("[\(option.key)]", x: x, y: y, style: Style.key.bold, maxWidth: inner.maxX - x)
                x += grid.put(" \(option.label)   ", x: x, y: y, style: .dialog, maxWidth: inner.maxX - x)
            }
        }
    }

    static func info(_ title: String, _ lines: [String], _ scroll: Int, _ grid: inout Grid) {
        let width = min(grid.width - 4, max(50, (lines.map { DisplayWidth.of($0) }.max() ?? 0) + 6))
        // Long lines wrap, continuing under their text (after a bullet's indent).
        let textWidth = max(10, width - 4)
        var wrapped: [String] = []
        for line in lines {
            let indent = line.prefix { $0 == " " || $0 == "•" }.count
            let pad = String(repeating: " ", count: min(indent, textWidth / 2))
            let parts = ChecklistScreen.wrap(String(line.dropFirst(indent)), textWidth - indent)
            for (i, part) in parts.enumerated() { wrapped.append((i == 0 ? String(line.prefix(indent)) : pad) + part) }
        }
        let height = min(grid.height - 2, wrapped.count + 3)
        let rect = grid.bounds.centered(width: width, height: height)
        let inner = dialog(rect, title: title, &grid)
        let visible = max(1, inner.height - 1)
        let start = min(scroll, max(0, wrapped.count - visible))
        for (n, line) in wrapped.dropFirst(start).prefix(visible).enumerated() {
            grid.put(line, x: inner.x, y: inner.y + n, style: .dialog, maxWidth: inner.width, ellipsis: "…")
        }
        let more = wrapped.count > visible ? " · \(start + 1)–\(min(wrapped.count, start + visible)) of \(wrapped.count)" : ""
        grid.put("Esc closes · j/k scroll" + more, in: Rect(x: inner.x, y: inner.maxY - 1, width: inner.width, height: 1),
                 style: .dim, alignment: .right)
    }
}

enum FormView {
    /// Rows a field takes: one line, or a few for paragraphs (more while the cursor is in one).
    static func height(_ field: Form.Field, focused: Bool, width: Int, room: Int) -> Int {
        guard case .multiline(let area) = field.value else { return 1 }
        let lines = TextAreaLayout.visual(area, width: max(1, width)).lines.count
        return max(1, min(lines, focused ? max(3, min(8, room / 2)) : 3))
    }

    static func render(_ form: Form, _ grid: inout Grid) {
        let labelWidth = min(16, max(12, (form.fields.map { DisplayWidth.of($0.label) }.max() ?? 0) + 2))
        let width = min(grid.width - 4, 90)
        let footer = 2
        let valueWidth = max(1, width - 4 - labelWidth)
        let maxInner = max(1, grid.height - 4 - footer)
        let heights = form.fields.enumerated().map { FormView.height($1, focused: $0 == form.focus, width: valueWidth, room: maxInner) }
        let total = heights.reduce(0, +)
        let dialogHeight = min(grid.height - 2, total + 2 + footer)
        let rect = grid.bounds.centered(width: width, height: dialogHeight)
        let inner = OverlayView.dialog(rect, title: form.title, &grid)
        let rowsAvailable = max(1, inner.height - footer)
        // Scroll the field list so the whole focused field is visible.
        var first = 0
        func span(_ from: Int, through: Int) -> Int { heights[from...through].reduce(0, +) }
        if !form.fields.isEmpty {
            while first < form.focus && span(first, through: form.focus) > rowsAvailable { first += 1 }
        }
        var y = inner.y
        var focusRect: Rect?
        var cursor: Point?
        for index in first..<form.fields.count where y < inner.y + rowsAvailable {
            let field = form.fields[index]
            let focused = index == form.focus
            let h = min(heights[index], inner.y + rowsAvailable - y)
            grid.put(field.label, x: inner.x, y: y, style: focused ? Style.accent.bold : .dialog, maxWidth: labelWidth)
            let valueRect = Rect(x: inner.x + labelWidth, y: y, width: inner.width - labelWidth, height: h)
            switch field.value {
            case .text(let editor):
                let line = Rect(x: valueRect.x, y: y, width: valueRect.width, height: 1)
                if focused {
                    TextField.render(editor, in: line, &grid)
                    cursor = grid.cursor
                } else {
                    grid.fill(line, style: .dialog)
                    let text = editor.text.isEmpty ? "—" : editor.text
                    grid.put(text, x: line.x, y: y, style: editor.text.isEmpty ? .placeholder : .dialog,
                             maxWidth: line.width, ellipsis: "…")
                }
            case .multiline(let area):
                if let c = TextAreaLayout.render(area, in: valueRect, focused: focused, &grid) { cursor = c }
            case .choice(let options, let i):
                let value = options.indices.contains(i) ? options[i] : "—"
                let style: Style = focused ? .input : .dialog
                grid.fill(valueRect, style: style)
                grid.put(focused ? "‹ \(value) ›" : value, x: valueRect.x, y: y, style: style,
                         maxWidth: valueRect.width, ellipsis: "…")
                if focused { focusRect = valueRect }
            case .multiChoice(let options, let ticked):
                let chosen = zip(options, ticked).filter(\.1).map { $0.0.components(separatedBy: "  ").first ?? $0.0 }
                let style: Style = focused ? .input : .dialog
                grid.fill(valueRect, style: style)
                let text = chosen.isEmpty ? (focused ? "none — Space opens the list" : "—") : chosen.joined(separator: ", ")
                grid.put(text, x: valueRect.x, y: y, style: chosen.isEmpty ? .placeholder : style,
                         maxWidth: valueRect.width, ellipsis: "…")
                if focused { focusRect = valueRect }
            }
            y += h
        }
        grid.cursor = form.picker == nil ? cursor : nil
        let hintY = inner.maxY - 1
        if let error = form.error {
            grid.put("⚠ " + error, x: inner.x, y: hintY - 1, style: Style.error.bold, maxWidth: inner.width, ellipsis: "…")
        }
        let focusedField = form.fields.indices.contains(form.focus) ? form.fields[form.focus] : nil
        let hint: String
        if form.picker != nil {
            if case .multiChoice? = focusedField?.value { hint = "j/k move · Space tick · letters jump · Enter/Esc close" } else {
                hint = "j/k move · letters jump · Enter pick · Esc close"
            }
        } else if focusedField?.isMultiline == true {
            hint = "Enter new line · Tab next field · Ctrl-S save · Esc cancel"
        } else {
            hint = "Tab/↑↓ field · letters, ←→ or Space choose · Enter save · Esc cancel"
        }
        grid.put(hint, in: Rect(x: inner.x, y: hintY, width: inner.width, height: 1), style: .dim)
        if let p = form.picker, let anchor = focusRect, let field = focusedField {
            switch field.value {
            case .choice(let options, _): picker(options, selected: p, below: anchor, &grid)
            case .multiChoice(let options, let ticked):
                picker(zip(options, ticked).map { ($1 ? "[x] " : "[ ] ") + $0 }, selected: p, below: anchor, &grid)
            default: break
            }
        }
    }

    /// A drop-down list under a choice field.
    static func picker(_ options: [String], selected: Int, below anchor: Rect, _ grid: inout Grid) {
        let width = min(grid.width - anchor.x - 1, max(20, (options.map { DisplayWidth.of($0) }.max() ?? 0) + 4))
        let spaceBelow = grid.height - anchor.maxY - 1
        let height = min(options.count + 2, max(3, max(spaceBelow, anchor.y)))
        let y = spaceBelow >= min(options.count + 2, 8) ? anchor.maxY : max(0, anchor.y - height)
        let rect = Rect(x: anchor.x, y: y, width: width, height: height)
        grid.fill(rect, style: .dialog)
        grid.box(rect, style: .borderFocused, kind: .light)
        let visible = height - 2
        let first = ViewMemory.scroll(offset: 0, selected: selected, visible: visible, count: options.count)
        for n in 0..<min(visible, options.count - first) {
            let i = first + n
            let row = Rect(x: rect.x + 1, y: rect.y + 1 + n, width: width - 2, height: 1)
            let style: Style = i == selected ? .selection : .dialog
            grid.fill(row, style: style)
            grid.put(" " + options[i], x: row.x, y: row.y, style: style, maxWidth: row.width, ellipsis: "…")
        }
    }
}

/// A text area wrapped at a width: the visual lines and where the cursor is among them.
enum TextAreaLayout {
    static func visual(_ area: TextArea, width: Int) -> (lines: [String], cursorLine: Int, cursorColumn: Int) {
        var visual: [String] = []
        var cursorLine = 0, cursorColumn = 0
        for (r, chars) in area.lines.enumerated() {
            let line = String(chars)
            let ranges = DisplayWidth.wrapRanges(line, width: width)
            // The cursor as an index into `line` (characters of the editor can merge into one
            // cluster in a String, so go through UTF-8 offsets rather than character counts).
            let cursor: String.Index? = r == area.row
                ? line.utf8.index(line.utf8.startIndex, offsetBy: String(chars[..<min(area.column, chars.count)]).utf8.count)
                : nil
            for (k, range) in ranges.enumerated() {
                if let c = cursor, range.lowerBound <= c, c < range.upperBound || (k == ranges.count - 1 && c == range.upperBound) {
                    cursorLine = visual.count
                    cursorColumn = DisplayWidth.of(Sanitize.forDisplay(String(line[range.lowerBound..<c])))
                }
                visual.append(Sanitize.forDisplay(String(line[range])))
            }
            // At the end of a line that fills the width the cursor goes to the next row.
            if cursor != nil && cursorLine == visual.count - 1 && cursorColumn >= width {
                visual.append("")
                cursorLine += 1
                cursorColumn = 0
            }
        }
        return (visual, cursorLine, cursorColumn)
    }

    /// Draws the area in `rect`, scrolled to the cursor when focused; returns the cursor.
    static func render(_ area: TextArea, in rect: Rect, focused: Bool, _ grid: inout Grid, style: Style? = nil) -> Point? {
        guard rect.width > 0, rect.height > 0 else { return nil }
        let v = visual(area, width: rect.width)
        let fill: Style = style ?? (focused ? .input : .dialog)
        grid.fill(rect, style: fill)
        if !focused && area.text.isEmpty {
            grid.put("—", x: rect.x, y: rect.y, style: .placeholder)
            return nil
        }
        let first = focused ? ViewMemory.scroll(offset: 0, selected: v.cursorLine, visible: rect.height, count: v.lines.count) : 0
        let shown = Array(v.lines.dropFirst(first).prefix(rect.height))
        for (n, line) in shown.enumerated() {
            let last = n == shown.count - 1 && !focused && v.lines.count > first + rect.height
            grid.put(last ? line + " …" : line, x: rect.x, y: rect.y + n, style: fill, maxWidth: rect.width, ellipsis: "…")
        }
        return focused ? Point(x: rect.x + v.cursorColumn, y: rect.y + v.cursorLine - first) : nil
    }
}

enum PaletteView {
    static func render(_ palette: Palette, _ state: AppState, _ grid: inout Grid) {
        if !palette.candidates.isEmpty { return candidates(palette, &grid) }
        let matches = Palette.matches(palette.typedName, in: Workspace.paletteEntries(state.keymap))
        let width = min(grid.width - 4, 80)
        let listRows = min(matches.count, max(3, grid.height / 2 - 3))
        let rect = Rect(x: (grid.width - width) / 2, y: 1, width: width, height: listRows + 4)
        let inner = OverlayView.dialog(rect, title: "Command", &grid)
        grid.put(":", x: inner.x, y: inner.y, style: Style.key.bold)
        let cursorBefore = grid.cursor
        TextField.render(palette.editor, in: Rect(x: inner.x + 1, y: inner.y, width: inner.width - 1, height: 1), &grid)
        let fieldCursor = grid.cursor ?? cursorBefore
        if matches.isEmpty {
            grid.put("no command matches — Enter reports it", x: inner.x, y: inner.y + 1, style: .dim, maxWidth: inner.width)
        }
        let first = ViewMemory.scroll(offset: 0, selected: palette.selected, visible: listRows, count: matches.count)
        let shown = matches.dropFirst(first).prefix(listRows)
        // One column for the titles: after the widest name shown, within a third of the width.
        let nameColumn = min(inner.width / 3,
                             shown.map { DisplayWidth.of($0.name + ($0.argument.isEmpty ? "" : " " + $0.argument)) }.max() ?? 0)
        for n in 0..<min(listRows, max(0, matches.count - first)) {
            let e = matches[first + n]
            let y = inner.y + 1 + n
            let selected = first + n == palette.selected
            let style: Style = selected ? .selection : .dialog
            grid.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: style)
            var x = inner.x + 1
            x += grid.put(e.name, x: x, y: y, style: selected ? style.bold : Style.accent.bold, maxWidth: inner.maxX - x)
            if !e.argument.isEmpty {
                x += grid.put(" " + e.argument, x: x, y: y, style: selected ? style : .dim, maxWidth: inner.maxX - x)
            }
            x = max(x + 2, inner.x + 1 + nameColumn + 2)
            let keysWidth = e.keys.isEmpty ? 0 : DisplayWidth.of(e.keys) + 2
            grid.put(e.title, x: x, y: y, style: style, maxWidth: max(0, inner.maxX - x - keysWidth), ellipsis: "…")
            if keysWidth > 0 {
                grid.put(e.keys, x: inner.maxX - keysWidth + 1, y: y, style: selected ? style : Style.key)
            }
        }
        grid.cursor = fieldCursor
    }
}

extension PaletteView {
    /// The completions Tab found for the argument; Tab again takes each in turn.
    static func candidates(_ palette: Palette, _ grid: inout Grid) {
        let width = min(grid.width - 4, 80)
        let listRows = min(palette.candidates.count, max(3, grid.height / 2 - 3))
        let rect = Rect(x: (grid.width - width) / 2, y: 1, width: width, height: listRows + 4)
        let inner = OverlayView.dialog(rect, title: "Command — \(palette.candidates.count) completions, Tab takes the next", &grid)
        grid.put(":", x: inner.x, y: inner.y, style: Style.key.bold)
        TextField.render(palette.editor, in: Rect(x: inner.x + 1, y: inner.y, width: inner.width - 1, height: 1), &grid)
        let cursor = grid.cursor
        let first = ViewMemory.scroll(offset: 0, selected: palette.candidate ?? 0, visible: listRows, count: palette.candidates.count)
        for n in 0..<min(listRows, palette.candidates.count - first) {
            let i = first + n
            let style: Style = i == palette.candidate ? .selection : .dialog
            let row = Rect(x: inner.x, y: inner.y + 1 + n, width: inner.width, height: 1)
            grid.fill(row, style: style)
            grid.put(" " + palette.candidates[i], x: row.x, y: row.y, style: style, maxWidth: row.width, ellipsis: "…")
        }
        grid.cursor = cursor
    }
}

enum NotesView {
    static func render(_ area: TextArea, _ grid: inout Grid) {
        let width = min(grid.width - 4, 90)
        let height = min(grid.height - 2, max(12, grid.height * 2 / 3))
        let rect = grid.bounds.centered(width: width, height: height)
        let inner = OverlayView.dialog(rect, title: area.title, &grid)
        let textRect = Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - 1)
        grid.cursor = TextAreaLayout.render(area, in: textRect, focused: true, &grid, style: .dialog)
        grid.put("Enter new line · Ctrl-←/→ word · Esc done (u undoes) · Ctrl-G discard",
                 in: Rect(x: inner.x, y: inner.maxY - 1, width: inner.width, height: 1), style: .dim)
    }
}

/// One item in full (`v`): every field, wrapped, scrollable.
enum ItemFullView {
    static func render(_ pane: Pane, id: String, scroll: Int, _ state: AppState, _ grid: inout Grid) {
        guard let i = pane.kind.index(state.design, id) else { return }
        let lines = RowText.detail(state, pane, i)
        let width = min(grid.width - 2, 100)
        let height = grid.height - 2
        let rect = grid.bounds.centered(width: width, height: height)
        let inner = OverlayView.dialog(rect, title: "\(pane.noun.prefix(1).uppercased() + pane.noun.dropFirst()) \(id)", &grid)
        let body = Rect(x: inner.x, y: inner.y, width: inner.width, height: max(1, inner.height - 1))
        let maxScroll = DetailText.render(lines, in: body, scroll: scroll, &grid, style: .dialog)
        let first = min(scroll, maxScroll)
        let rows = DetailText.rows(lines, valueWidth: body.width - min(DetailText.labelWidth, body.width / 3)).count
        let more = maxScroll > 0 ? " · \(first + 1)–\(min(rows, first + body.height)) of \(rows)" : ""
        grid.put("Esc closes · j/k scroll · e edits" + more, in: Rect(x: inner.x, y: inner.maxY - 1, width: inner.width, height: 1),
                 style: .dim, alignment: .right)
    }
}
