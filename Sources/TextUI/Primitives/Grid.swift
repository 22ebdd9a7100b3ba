// An in-memory screen of cells, ratatui style: views draw into it with `render(…, into: &grid)`,
// the backend writes the difference between two grids to the terminal, and tests compare
// `lines()` with golden text.

/// One terminal cell: a grapheme cluster and its semantic style.
///
/// A wide glyph (CJK, most emoji) lives in two cells: its *head* holds the cluster, the cell
/// to its right is a *continuation* with the empty symbol `""` (and the same style). A grid
/// keeps this invariant: every continuation follows a head of width 2, and a head of width 2
/// is always followed by its continuation.
public struct Cell: Hashable, Sendable, CustomStringConvertible {
    public var symbol: String
    public var style: Style

    public init(_ symbol: String = " ", style: Style = .normal) {
        self.symbol = symbol
        self.style = style
    }

    public static let blank = Cell(" ", style: .normal)
    public static let continuation = Cell("", style: .normal)

    /// True for the right half of a wide glyph.
    public var isContinuation: Bool { symbol.isEmpty }
    public var description: String { "\(symbol.debugDescription)@\(style)" }
}

/// A horizontal run of changed cells, produced by `Grid.diff(from:)`.
/// A run never starts with a continuation cell. To draw it, write the symbol of each
/// non-continuation cell in its style, left to right from (x, y); continuation cells are
/// covered by the wide glyph before them and are not written.
public struct Run: Equatable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var cells: [Cell]

    public init(x: Int, y: Int, cells: [Cell]) { self.x = x; self.y = y; self.cells = cells }

    /// Number of columns covered.
    public var width: Int { cells.count }
    /// The plain text of the run.
    public var text: String { cells.reduce(into: "") { $0 += $1.symbol } }
    public var description: String { "Run(x: \(x), y: \(y), \(text.debugDescription))" }
}

/// A piece of text with its style, for `Grid.put(_ spans:…)`.
public struct Span: Hashable, Sendable {
    public var text: String
    public var style: Style
    public init(_ text: String, _ style: Style = .normal) { self.text = text; self.style = style }
}

/// Line-drawing character sets for `box`, `hline` and `vline`.
public enum BoxKind: Sendable, CaseIterable {
    case light, rounded, heavy, double, ascii

    /// horizontal, vertical, top-left, top-right, bottom-left, bottom-right
    var glyphs: (h: String, v: String, tl: String, tr: String, bl: String, br: String) {
        switch self {
        case .light:   return ("─", "│", "┌", "┐", "└", "┘")
        case .rounded: return ("─", "│", "╭", "╮", "╰", "╯")
        case .heavy:   return ("━", "┃", "┏", "┓", "┗", "┛")
        case .double:  return ("═", "║", "╔", "╗", "╚", "╝")
        case .ascii:   return ("-", "|", "+", "+", "+", "+")
        }
    }
}

public struct Grid: Equatable, Sendable {
    public private(set) var width: Int
    public private(set) var height: Int
    /// Row-major: the cell at (x, y) is `cells[y * width + x]`.
    public private(set) var cells: [Cell]
    /// Where the backend should put the terminal cursor after drawing (a text field sets it);
    /// nil hides the cursor. `clear()` resets it.
    public var cursor: Point?

    public init(width: Int, height: Int, style: Style = .normal) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = [Cell](repeating: Cell(" ", style: style), count: self.width * self.height)
        self.cursor = nil
    }

    /// A grid from plain lines (test helper, like ratatui's `Buffer::with_lines`). Lines are
    /// padded with spaces to the widest line; all cells get `style`.
    public init(lines: [String], style: Style = .normal) {
        let w = lines.map { DisplayWidth.of(Sanitize.forDisplay($0)) }.max() ?? 0
        self.init(width: w, height: lines.count, style: style)
        for (y, line) in lines.enumerated() { put(line, x: 0, y: y, style: style) }
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at (x, y); out-of-range coordinates are a programming error.
    public subscript(x: Int, y: Int) -> Cell {
        precondition(x >= 0 && x < width && y >= 0 && y < height, "cell (\(x),\(y)) outside \(width)×\(height) grid")
        return cells[y * width + x]
    }

    /// The cell at (x, y), or nil outside the grid.
    public func cell(x: Int, y: Int) -> Cell? {
        guard x >= 0 && x < width && y >= 0 && y < height else { return nil }
        return cells[y * width + x]
    }

    /// Reset every cell to a blank in `style` (keeps the storage: cheap to call every frame).
    public mutating func clear(_ style: Style = .normal) {
        let blank = Cell(" ", style: style)
        cells.withUnsafeMutableBufferPointer { buf in
            for i in buf.indices { buf[i] = blank }
        }
        cursor = nil
    }

    /// Change the size; the contents are cleared.
    public mutating func resize(width: Int, height: Int, style: Style = .normal) {
        let w = max(0, width), h = max(0, height)
        if w == self.width && h == self.height { clear(style); return }
        self.width = w
        self.height = h
        cells = [Cell](repeating: Cell(" ", style: style), count: w * h)
        cursor = nil
    }

    // MARK: text

    /// Draw one line of text starting at (x, y) and return how many columns it advanced
    /// (so the next piece of text goes at `x + result`).
    ///
    /// - The text is sanitised first (`Sanitize.forDisplay`): controls, ESC, bidi overrides
    ///   and line breaks are shown visibly, never stored raw.
    /// - It is clipped to the grid and to `maxWidth` columns from `x` (nil: to the right edge).
    ///   Columns left of 0 are skipped, so negative `x` scrolls text in from the left.
    /// - Wide glyphs take two cells; one that would straddle the clip edge (either side)
    ///   becomes a space. Zero-width clusters on their own are dropped.
    /// - With `ellipsis`, text wider than the available width is truncated with it
    ///   (`DisplayWidth.truncate`) instead of being cut hard.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .normal,
                             maxWidth: Int? = nil, ellipsis: String? = nil) -> Int {
        guard y >= 0 && y < height, width > 0 else { return 0 }
        var limit = width
        if let m = maxWidth { limit = min(limit, x + max(0, m)) }
        guard x < limit, limit > 0 else { return 0 }
        var text = Sanitize.forDisplay(text)
        if let e = ellipsis { text = DisplayWidth.truncate(text, to: limit - x, ellipsis: e) }
        let row = y * width

        if let n = DisplayWidth.asciiWidth(text) {
            // Fast path: one cell per byte.
            let start = max(x, 0)
            let end = min(x + n, limit)
            guard start < end else { return max(0, min(n, limit - x)) }
            fixLeftEdge(row: row, col: start)
            let done: Bool = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
                cells.withUnsafeMutableBufferPointer { buf in
                    var i = start - x
                    for col in start..<end {
                        buf[row + col] = Cell(Grid.asciiSymbols[Int(bytes[i])], style: style)
                        i += 1
                    }
                }
                return true
            } ?? false
            if !done {
                var col = x
                for b in text.utf8 {
                    if col >= end { break }
                    if col >= start { cells[row + col] = Cell(Grid.asciiSymbols[Int(b)], style: style) }
                    col += 1
                }
            }
            fixRightEdge(row: row, col: end)
            return end - x
        }

        var col = x
        var first = true
        for ch in text {
            let w = DisplayWidth.of(ch)
            if w == 0 { continue }
            if col + w > limit {
                // A wide glyph cut by the right clip edge: fill the visible half with a space.
                if col >= 0 && col < limit {
                    if first { fixLeftEdge(row: row, col: col); first = false }
                    for k in col..<limit { cells[row + k] = Cell(" ", style: style) }
                    col = limit
                }
                break
            }
            if col < 0 {
                if col + w > 0 {
                    // The right part of a wide glyph cut by the left edge.
                    if first { fixLeftEdge(row: row, col: 0); first = false }
                    for k in 0..<min(col + w, limit) { cells[row + k] = Cell(" ", style: style) }
                }
                col += w
                continue
            }
            if first { fixLeftEdge(row: row, col: col); first = false }
            // The cluster in its first cell; the cells it also covers are continuations.
            cells[row + col] = Cell(String(ch), style: style)
            for k in 1..<max(1, w) { cells[row + col + k] = Cell("", style: style) }
            col += w
        }
        if !first { fixRightEdge(row: row, col: col) }
        return max(0, col - x)
    }

    /// Draw `text` on the first row of `rect`, clipped to it, aligned, with an ellipsis when
    /// it does not fit. Returns the columns used.
    @discardableResult
    public mutating func put(_ text: String, in rect: Rect, style: Style = .normal,
                             alignment: DisplayWidth.Alignment = .left, ellipsis: String = "…") -> Int {
        guard !rect.isEmpty else { return 0 }
        let t = DisplayWidth.truncate(Sanitize.forDisplay(text), to: rect.width, ellipsis: ellipsis)
        let w = DisplayWidth.of(t)
        let dx: Int
        switch alignment {
        case .left: dx = 0
        case .right: dx = rect.width - w
        case .center: dx = (rect.width - w) / 2
        }
        return put(t, x: rect.x + dx, y: rect.y, style: style, maxWidth: rect.maxX - rect.x - dx)
    }

    /// Draw styled pieces of text one after another on row `y` (a list row with a tag and a
    /// count, key hints in the status bar). Clipped like `put`; with `ellipsis`, when the
    /// spans do not all fit, the last visible span ends with it. Returns the columns used.
    @discardableResult
    public mutating func put(_ spans: [Span], x: Int, y: Int, maxWidth: Int? = nil, ellipsis: String? = nil) -> Int {
        let avail = maxWidth ?? (width - x)
        guard avail > 0 else { return 0 }
        let texts = spans.map { Sanitize.forDisplay($0.text) }
        let widths = texts.map(DisplayWidth.of)
        var col = x
        var remaining = avail
        let total = widths.reduce(0, +)
        let ell = ellipsis.map(Sanitize.forDisplay) ?? ""
        let ellW = DisplayWidth.of(ell)
        for (i, span) in spans.enumerated() {
            if remaining <= 0 { break }
            if ellipsis == nil || total <= avail || widths[i] <= remaining - ellW {
                let n = put(texts[i], x: col, y: y, style: span.style, maxWidth: remaining)
                col += n
                remaining -= n
                if n < widths[i] { break }
            } else {
                // This span does not leave room for the ellipsis: cut it and stop.
                let cut = ellW <= remaining ? DisplayWidth.truncate(texts[i], to: remaining - ellW, ellipsis: "") + ell
                                            : DisplayWidth.truncate(texts[i], to: remaining, ellipsis: "")
                col += put(cut, x: col, y: y, style: span.style, maxWidth: remaining)
                break
            }
        }
        return col - x
    }

    /// Put a single character (sanitised, clipped; a wide one that does not fit becomes a space).
    public mutating func set(_ ch: Character, x: Int, y: Int, style: Style = .normal) {
        put(String(ch), x: x, y: y, style: style, maxWidth: 2)
    }

    // MARK: areas

    /// Fill `rect` (clipped to the grid) with `symbol` in `style`.
    public mutating func fill(_ rect: Rect, style: Style = .normal, symbol: Character = " ") {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        var sym = Sanitize.forDisplay(String(symbol))
        if DisplayWidth.of(sym) != 1 { sym = " " }
        let cell = Cell(sym, style: style)
        for y in r.y..<r.maxY {
            let row = y * width
            fixLeftEdge(row: row, col: r.x)
            for x in r.x..<r.maxX { cells[row + x] = cell }
            fixRightEdge(row: row, col: r.maxX)
        }
    }

    /// Replace the style of every cell in `rect`, keeping the symbols (e.g. highlight a row).
    public mutating func setStyle(_ rect: Rect, _ style: Style) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            let row = y * width
            for x in r.x..<r.maxX { cells[row + x].style = style }
        }
    }

    /// Set the role of every cell in `rect`, keeping symbols and adding `attributes`.
    public mutating func setRole(_ rect: Rect, _ role: Role, adding attributes: Attributes = []) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            let row = y * width
            for x in r.x..<r.maxX {
                cells[row + x].style = Style(role, cells[row + x].style.attributes.union(attributes))
            }
        }
    }

    /// Add attributes to every cell in `rect`.
    public mutating func addAttributes(_ rect: Rect, _ attributes: Attributes) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            let row = y * width
            for x in r.x..<r.maxX { cells[row + x].style.attributes.formUnion(attributes) }
        }
    }

    // MARK: lines and boxes

    public mutating func hline(x: Int, y: Int, length: Int, style: Style = .border, kind: BoxKind = .light) {
        guard length > 0 else { return }
        fill(Rect(x: x, y: y, width: length, height: 1), style: style, symbol: Character(kind.glyphs.h))
    }

    public mutating func vline(x: Int, y: Int, length: Int, style: Style = .border, kind: BoxKind = .light) {
        guard length > 0 else { return }
        fill(Rect(x: x, y: y, width: 1, height: length), style: style, symbol: Character(kind.glyphs.v))
    }

    /// Draw a border around `rect` (the inside is left alone; use `rect.inset(by: 1)` for the
    /// content area). The title, if any, goes in the top border after one line glyph,
    /// padded by a space each side and truncated with "…" to fit. Rects smaller than 2×2
    /// are not drawn.
    public mutating func box(_ rect: Rect, style: Style = .border, kind: BoxKind = .light,
                             title: String? = nil, titleStyle: Style = .title) {
        guard rect.width >= 2 && rect.height >= 2 else { return }
        let g = kind.glyphs
        hline(x: rect.x + 1, y: rect.y, length: rect.width - 2, style: style, kind: kind)
        hline(x: rect.x + 1, y: rect.maxY - 1, length: rect.width - 2, style: style, kind: kind)
        vline(x: rect.x, y: rect.y + 1, length: rect.height - 2, style: style, kind: kind)
        vline(x: rect.maxX - 1, y: rect.y + 1, length: rect.height - 2, style: style, kind: kind)
        put(g.tl, x: rect.x, y: rect.y, style: style, maxWidth: 1)
        put(g.tr, x: rect.maxX - 1, y: rect.y, style: style, maxWidth: 1)
        put(g.bl, x: rect.x, y: rect.maxY - 1, style: style, maxWidth: 1)
        put(g.br, x: rect.maxX - 1, y: rect.maxY - 1, style: style, maxWidth: 1)
        if let title, !title.isEmpty, rect.width >= 7 {
            // ┌─ Title ──┐ : corner, glyph, space, title, space, at least one glyph, corner.
            let t = DisplayWidth.truncate(Sanitize.forDisplay(title), to: rect.width - 6, ellipsis: "…")
            put(" " + t + " ", x: rect.x + 2, y: rect.y, style: titleStyle, maxWidth: rect.width - 3)
        }
    }

    // MARK: output

    /// Plain text of each row (continuation cells contribute nothing, so each line is
    /// `width` display columns wide). With `trimTrailing`, trailing spaces are removed.
    public func lines(trimTrailing: Bool = false) -> [String] {
        var out: [String] = []
        out.reserveCapacity(height)
        for y in 0..<height {
            var line = ""
            line.reserveCapacity(width)
            for x in 0..<width { line += cells[y * width + x].symbol }
            if trimTrailing {
                while line.last == " " { line.removeLast() }
            }
            out.append(line)
        }
        return out
    }

    /// Rows with style markers, for tests that check styling: `{role}` or `{role+bold}`
    /// appears at the start of each row and wherever the style changes, e.g.
    /// `{border}┌{title} Notes {border}──┐`.
    public func styledLines() -> [String] {
        var out: [String] = []
        out.reserveCapacity(height)
        for y in 0..<height {
            var line = ""
            var current: Style? = nil
            for x in 0..<width {
                let c = cells[y * width + x]
                if c.isContinuation { continue }
                if c.style != current {
                    line += "{\(c.style)}"
                    current = c.style
                }
                line += c.symbol
            }
            out.append(line)
        }
        return out
    }

    /// The runs of cells that differ from `old`, row by row, left to right. When the sizes
    /// differ every row is one run. Applying the runs to `old` gives `self`
    /// (see `applying(_:)`).
    public func diff(from old: Grid) -> [Run] {
        var runs: [Run] = []
        if old.width != width || old.height != height {
            runs.reserveCapacity(height)
            for y in 0..<height where width > 0 {
                runs.append(Run(x: 0, y: y, cells: Array(cells[(y * width)..<((y + 1) * width)])))
            }
            return runs
        }
        cells.withUnsafeBufferPointer { new in
            old.cells.withUnsafeBufferPointer { prev in
                for y in 0..<height {
                    let row = y * width
                    var x = 0
                    while x < width {
                        if new[row + x] == prev[row + x] { x += 1; continue }
                        var start = x
                        // Never start on a continuation: include its head.
                        while start > 0 && new[row + start].symbol.isEmpty { start -= 1 }
                        var end = x + 1
                        while end < width && new[row + end] != prev[row + end] { end += 1 }
                        // Keep a wide head together with its continuation.
                        if end < width && new[row + end].symbol.isEmpty { end += 1 }
                        if let last = runs.last, last.y == y, last.x + last.cells.count > start {
                            // Overlaps the previous run (after extending back): merge.
                            let from = last.x + last.cells.count
                            if end > from { runs[runs.count - 1].cells.append(contentsOf: new[(row + from)..<(row + end)]) }
                        } else {
                            runs.append(Run(x: start, y: y, cells: Array(new[(row + start)..<(row + end)])))
                        }
                        x = end
                    }
                }
            }
        }
        return runs
    }

    /// `self` with `runs` written over it (what a terminal shows after drawing the runs).
    public func applying(_ runs: [Run]) -> Grid {
        var g = self
        for run in runs where run.y >= 0 && run.y < height {
            for (i, c) in run.cells.enumerated() where run.x + i >= 0 && run.x + i < width {
                g.cells[run.y * width + run.x + i] = c
            }
        }
        return g
    }

    // MARK: internals

    static let asciiSymbols: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }

    /// About to overwrite the cell at `col`: if it is a continuation, its head (to the left)
    /// loses its right half and becomes a space.
    @inline(__always)
    private mutating func fixLeftEdge(row: Int, col: Int) {
        // Overwriting the tail of a wide cluster: its head and the rest of its tail become spaces.
        guard col > 0 && col < width && cells[row + col].symbol.isEmpty else { return }
        var k = col - 1
        while k > 0 && cells[row + k].symbol.isEmpty {
            cells[row + k].symbol = " "
            k -= 1
        }
        cells[row + k].symbol = " "
    }

    /// Just wrote the cells before `col`: if the cell at `col` is an orphaned continuation
    /// (its head was overwritten), it becomes a space.
    @inline(__always)
    private mutating func fixRightEdge(row: Int, col: Int) {
        // The cell before is ours; it is a wide head only if we wrote one there, in which case
        // `col` would already be past its continuations. Orphans of a cluster wider than two
        // cells run on: each becomes a space.
        var k = col
        while k > 0 && k < width && cells[row + k].symbol.isEmpty {
            cells[row + k].symbol = " "
            k += 1
        }
    }
}
