import TerminalText

/// Draws a `SequenceScript` as text.
///
/// Layout: participants are boxes on the top rows, each with a lifeline straight down. Each
/// message takes its label line(s) and then its arrow row (two rows for a self-call's loop),
/// then its note lines. A label sits beside the sender's lifeline, in the gap towards the
/// receiver, so it never crosses another lifeline; gaps widen to hold their labels. Frames
/// span the whole diagram, nested ones inset by two columns on each side; dividers separate a
/// frame's sections. A key of the arrow styles used and the legend of abbreviated names close
/// the drawing.
///
/// Fitting a width: labels are wrapped (never narrower than 16 cells), then names longer than
/// 12 cells are abbreviated (labels down to 10 cells), then every name (labels down to 4
/// cells); the first form that fits is drawn, and the narrowest one when none does.
public enum SequenceRenderer {
    public static func render(_ script: SequenceScript, _ options: SequenceOptions = SequenceOptions()) -> SequenceDrawing {
        let p = Prepared(script, numbered: options.numbered)
        let (level, limit, fits) = chooseForm(p, options)
        var layout = Layout(p, level: level, limit: limit, target: options.width)
        return layout.draw(options.ascii ? .ascii : .unicode, key: options.key, fits: fits)
    }

    /// The abbreviation level and label wrap width to draw with, and whether it fits.
    static func chooseForm(_ p: Prepared, _ o: SequenceOptions) -> (SequenceOptions.Abbreviation, Int?, Bool) {
        if o.labelWidth != nil || o.abbreviate != nil {
            let level = o.abbreviate ?? .none
            let limit = o.labelWidth.map { max(1, $0) }
            let w = Columns(p, level: level, limit: limit).contentWidth
            return (level, limit, o.width.map { w <= $0 } ?? true)
        }
        guard let target = o.width else { return (.none, nil, true) }
        let widest = p.widestText
        let steps: [(SequenceOptions.Abbreviation, Int)] = [(.none, 16), (.long, 10), (.all, SequenceOptions.narrowestLabelWidth)]
        for (level, floor) in steps {
            if Columns(p, level: level, limit: nil).contentWidth <= target { return (level, nil, true) }
            // The widest wrap width in floor..<widest that fits (width only grows with it).
            var lo = floor, hi = widest - 1, best: Int? = nil
            while lo <= hi {
                let mid = (lo + hi) / 2
                if Columns(p, level: level, limit: mid).contentWidth <= target {
                    best = mid
                    lo = mid + 1
                } else {
                    hi = mid - 1
                }
            }
            if let best { return (level, best, true) }
        }
        let narrowest = SequenceOptions.narrowestLabelWidth
        return (.all, narrowest, Columns(p, level: .all, limit: narrowest).contentWidth <= target)
    }
}

/// Where the lifelines go for one form (abbreviation level and label wrap width).
struct Columns {
    var x: [Int] = []
    var boxLeft: [Int] = []
    var boxWidth: [Int] = []
    /// Rightmost column used below the header (self-call labels of the last participant).
    var bodyRight = 0
    /// Columns needed by everything except frame titles (which wrap).
    var contentWidth = 0

    static let minGap = 4

    init(_ p: Prepared, level: SequenceOptions.Abbreviation, limit: Int?) {
        let n = p.names.count
        guard n > 0 else {
            contentWidth = max(20, p.maxDepth * 4 + 8)
            bodyRight = contentWidth - 1 - 2 * p.maxDepth
            return
        }
        boxWidth = (0..<n).map { (p.abbreviated($0, level) ? p.shortWidths[$0] : p.nameWidths[$0]) + 4 }
        var need = [Int](repeating: Columns.minGap, count: max(0, n - 1))
        for i in 0..<max(0, n - 1) {
            let rightHalf = boxWidth[i] - 1 - (boxWidth[i] - 1) / 2
            need[i] = max(need[i], rightHalf + (boxWidth[i + 1] - 1) / 2 + 2)
        }
        var rightNeed = 0
        for m in p.messages {
            let (label, note) = p.labelCells(m, limit: limit)
            var cells = max(label, note) + 3
            if m.isSelf { cells = max(cells, 5) }
            if m.gap >= 0 && m.gap < n - 1 {
                need[m.gap] = max(need[m.gap], cells)
            } else if m.gap == n - 1 {
                rightNeed = max(rightNeed, cells - 2)
            }
        }
        let depth = p.maxDepth
        x = [Int](repeating: 0, count: n)
        x[0] = max((boxWidth[0] - 1) / 2, depth > 0 ? 2 * depth + 1 : 0)
        for i in 1..<n { x[i] = x[i - 1] + need[i - 1] }
        boxLeft = (0..<n).map { x[$0] - (boxWidth[$0] - 1) / 2 }
        bodyRight = x[n - 1] + rightNeed
        let framesWidth = depth > 0 ? bodyRight + 2 * depth + 1 : bodyRight + 1
        let headerWidth = boxLeft[n - 1] + boxWidth[n - 1]
        contentWidth = max(framesWidth, headerWidth)
    }
}

/// One form laid out row by row and drawn.
struct Layout {
    let p: Prepared
    let level: SequenceOptions.Abbreviation
    let limit: Int?
    let columns: Columns
    /// Width of the canvas.
    let width: Int
    static let headerHeight = 3

    init(_ p: Prepared, level: SequenceOptions.Abbreviation, limit: Int?, target: Int?) {
        self.p = p
        self.level = level
        self.limit = limit
        columns = Columns(p, level: level, limit: limit)
        // Frame titles widen the drawing up to the target; past it they wrap.
        let titles = target.map { min(p.titleNeed, $0) } ?? p.titleNeed
        width = max(columns.contentWidth, titles)
    }

    func titleWidth(depth: Int) -> Int { max(1, width - 4 * depth - 6) }

    mutating func draw(_ g: Glyphs, key: Bool, fits: Bool) -> SequenceDrawing {
        let n = p.names.count
        let x = columns.x

        // Rows: lay everything out first, then size the canvas.
        struct Placed {
            var label: [String], labelRow: Int, arrowRow: Int, note: [String], noteRow: Int
        }
        var placedMessages: [Placed] = []
        placedMessages.reserveCapacity(p.messages.count)
        var frames = [SequenceDrawing.FrameBox](repeating: SequenceDrawing.FrameBox(top: 0, bottom: 0, dividers: [], left: 0, right: 0, depth: 0),
                                                count: p.frameCount)
        var titles: [(row: Int, depth: Int, lines: [String], first: Bool)] = []
        var row = Layout.headerHeight + 1
        for e in p.events {
            switch e {
            case .message(let k):
                let m = p.messages[k]
                let (lw, nw) = p.labelCells(m, limit: limit)
                let label = DiagramText.wrap(m.label, width: lw)
                let note = m.note.isEmpty ? [] : DiagramText.wrap(m.note, width: max(1, nw))
                let arrowRow = row + label.count
                let noteRow = arrowRow + (m.isSelf ? 2 : 1)
                placedMessages.append(Placed(label: label, labelRow: row, arrowRow: arrowRow, note: note, noteRow: noteRow))
                row = noteRow + note.count
            case .section(let f, let depth, let title, let first):
                let lines = DiagramText.wrap(title, width: titleWidth(depth: depth))
                if first {
                    frames[f] = SequenceDrawing.FrameBox(top: row, bottom: row, dividers: [], left: 2 * depth,
                                                         right: width - 1 - 2 * depth, depth: depth)
                } else {
                    frames[f].dividers.append(row)
                }
                titles.append((row, depth, lines, first))
                row += lines.count
            case .close(let f, _):
                frames[f].bottom = row
                row += 1
            }
        }
        let bodyEnd = row + 1

        // The key and the legend, packed into lines of the drawing's width.
        var legendEntries: [String] = []
        if key && !p.messages.isEmpty {
            for a in p.arrowsUsed {
                let word = a == .call ? "call" : a == .reply ? "reply" : "async message"
                legendEntries.append(g.sample(a) + " " + word)
            }
        }
        var abbreviations: [(short: String, full: String)] = []
        for i in 0..<n where p.abbreviated(i, level) {
            abbreviations.append((p.shorts[i], p.names[i]))
            legendEntries.append(p.shorts[i] + " = " + p.names[i])
        }
        let legendLines = Layout.pack(legendEntries, width: width)
        let legendStart = legendLines.isEmpty ? bodyEnd : bodyEnd + 1
        let height = legendStart + legendLines.count

        var c = Canvas(width: width, height: height)
        // Lifelines, then participant boxes.
        for i in 0..<n {
            for r in Layout.headerHeight..<bodyEnd { c.set(r, x[i], g.lifeline) }
            let left = columns.boxLeft[i], w = columns.boxWidth[i]
            let name = p.abbreviated(i, level) ? p.shorts[i] : p.names[i]
            c.set(0, left, g.boxTL)
            c.set(2, left, g.boxBL)
            for col in (left + 1)..<(left + w - 1) {
                c.set(0, col, g.boxH)
                c.set(2, col, g.boxH)
            }
            c.set(0, left + w - 1, g.boxTR)
            c.set(2, left + w - 1, g.boxBR)
            c.set(2, x[i], g.boxStem)
            c.set(1, left, g.boxV)
            c.write(1, left + 2, name)
            c.set(1, left + w - 1, g.boxV)
        }
        // Frames: sides, then edges and dividers (crossing the lifelines), then titles.
        var isLifeline = [Bool](repeating: false, count: width)
        for col in x where col >= 0 && col < width { isLifeline[col] = true }
        for f in frames {
            let dividers = Set(f.dividers)
            for r in (f.top + 1)..<max(f.top + 1, f.bottom) where !dividers.contains(r) {
                c.set(r, f.left, g.frameV)
                c.set(r, f.right, g.frameV)
            }
            func edge(_ r: Int, _ l: Unicode.Scalar, _ h: Unicode.Scalar, _ rc: Unicode.Scalar) {
                c.set(r, f.left, l)
                if f.right > f.left + 1 {
                    for col in (f.left + 1)..<f.right { c.set(r, col, isLifeline[col] ? g.crossing : h) }
                }
                c.set(r, f.right, rc)
            }
            edge(f.top, g.frameTL, g.frameH, g.frameTR)
            for d in f.dividers { edge(d, g.frameDividerL, g.frameDivider, g.frameDividerR) }
            edge(f.bottom, g.frameBL, g.frameH, g.frameBR)
        }
        for t in titles {
            guard let first = t.lines.first, !first.isEmpty else { continue }
            let col = 2 * t.depth + 3
            c.write(t.row, col - 1, " ")
            c.write(t.row, col, first)
            c.write(t.row, col + DisplayWidth.of(first), " ")
            for (j, line) in t.lines.dropFirst().enumerated() { c.write(t.row + 1 + j, col, line) }
        }
        // Messages.
        var messageRows: [SequenceDrawing.MessageRows] = []
        messageRows.reserveCapacity(p.messages.count)
        for (k, m) in p.messages.enumerated() {
            let pl = placedMessages[k]
            let xf = n > 0 ? x[m.from] : 0, xt = n > 0 ? x[m.to] : 0
            let shaft = g.shaft(m.arrow)
            if m.isSelf {
                let loopShaft = m.arrow == .async && g.gappedAsync ? g.dashed : shaft
                c.set(pl.arrowRow, xf + 1, loopShaft)
                c.set(pl.arrowRow, xf + 2, loopShaft)
                c.set(pl.arrowRow, xf + 3, g.loopTop)
                c.set(pl.arrowRow + 1, xf + 1, g.head(m.arrow, rightward: false))
                c.set(pl.arrowRow + 1, xf + 2, loopShaft)
                c.set(pl.arrowRow + 1, xf + 3, g.loopBottom)
            } else if m.rightward {
                for col in (xf + 1)..<(xt - 1) where !(g.gappedAsync && m.arrow == .async && (xt - 1 - col) % 2 == 1) {
                    c.set(pl.arrowRow, col, shaft)
                }
                c.set(pl.arrowRow, xt - 1, g.head(m.arrow, rightward: true))
            } else {
                c.set(pl.arrowRow, xt + 1, g.head(m.arrow, rightward: false))
                for col in (xt + 2)..<xf where !(g.gappedAsync && m.arrow == .async && (col - xt - 1) % 2 == 1) {
                    c.set(pl.arrowRow, col, shaft)
                }
            }
            func place(_ lines: [String], from r: Int) {
                for (j, line) in lines.enumerated() {
                    let col = m.rightward ? xf + 2 : xf - 1 - DisplayWidth.of(line)
                    c.write(r + j, col, line)
                }
            }
            place(pl.label, from: pl.labelRow)
            place(pl.note, from: pl.noteRow)
            messageRows.append(SequenceDrawing.MessageRows(
                label: pl.labelRow..<pl.arrowRow, arrow: pl.arrowRow..<pl.noteRow,
                note: pl.noteRow..<(pl.noteRow + pl.note.count)))
        }
        for (j, line) in legendLines.enumerated() { c.write(legendStart + j, 0, line) }

        return SequenceDrawing(lines: c.lines(), width: width, headerHeight: Layout.headerHeight, lifelines: x,
                               messages: messageRows, frames: frames, legend: legendStart..<height,
                               abbreviations: abbreviations, labelWidth: limit, fits: fits)
    }

    /// Entries packed greedily into lines of `width` cells, three spaces apart; an entry wider
    /// than a line is wrapped on its own.
    static func pack(_ entries: [String], width: Int) -> [String] {
        var lines: [String] = []
        var current = "", currentWidth = 0
        for e in entries {
            let w = DisplayWidth.of(e)
            if currentWidth > 0 && currentWidth + 3 + w <= width {
                current += "   " + e
                currentWidth += 3 + w
                continue
            }
            if currentWidth > 0 { lines.append(current) }
            if w <= width {
                current = e
                currentWidth = w
            } else {
                lines += DiagramText.wrap(e, width: max(1, width))
                current = ""
                currentWidth = 0
            }
        }
        if currentWidth > 0 { lines.append(current) }
        return lines
    }
}
