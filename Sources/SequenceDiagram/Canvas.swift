import TerminalText

/// A grid of cells to draw into. A wide character occupies its cell and the next, which holds
/// a continuation marker; overwriting either half blanks the other, so no line ever holds half
/// of a wide character.
struct Canvas {
    let width: Int
    let height: Int
    private var cells: [Character]
    private static let continuation: Character = "\u{0}"

    init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: " ", count: self.width * self.height)
    }

    subscript(row: Int, column: Int) -> Character {
        guard row >= 0, row < height, column >= 0, column < width else { return " " }
        let c = cells[row * width + column]
        return c == Canvas.continuation ? " " : c
    }

    /// Puts a one-cell character; outside the grid it is dropped.
    mutating func set(_ row: Int, _ column: Int, _ c: Character) {
        guard row >= 0, row < height, column >= 0, column < width else { return }
        clear(row, column)
        cells[row * width + column] = c
    }

    /// Writes already sanitised text from `column`, cell by cell; what passes the right edge is
    /// dropped (callers measure first, so nothing is meant to).
    mutating func write(_ row: Int, _ column: Int, _ text: String) {
        guard row >= 0, row < height else { return }
        if let _ = DisplayWidth.asciiWidth(text) {
            var col = column
            for c in text {
                set(row, col, c)
                col += 1
            }
            return
        }
        var col = column
        for c in text {
            let w = DisplayWidth.of(c)
            if w == 0 { continue }
            if col + w > width { break }
            set(row, col, c)
            if w == 2 {
                set(row, col + 1, " ")
                cells[row * width + col + 1] = Canvas.continuation
            }
            col += w
        }
    }

    /// Blanks the cell and the other half of a wide character it belongs to.
    private mutating func clear(_ row: Int, _ column: Int) {
        let i = row * width + column
        if cells[i] == Canvas.continuation, column > 0 {
            cells[i - 1] = " "
        } else if column + 1 < width, cells[i + 1] == Canvas.continuation, DisplayWidth.of(cells[i]) == 2 {
            cells[i + 1] = " "
        }
        cells[i] = " "
    }

    /// The rows as text, trailing spaces removed.
    func lines() -> [String] {
        var out: [String] = []
        out.reserveCapacity(height)
        for r in 0..<height {
            var end = (r + 1) * width
            let start = r * width
            while end > start, cells[end - 1] == " " { end -= 1 }
            var line = ""
            line.reserveCapacity(end - start)
            for i in start..<end where cells[i] != Canvas.continuation { line.append(cells[i]) }
            out.append(line)
        }
        return out
    }
}
