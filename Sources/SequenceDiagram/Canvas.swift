import TerminalText

/// A grid of cells to draw into, one `UInt32` per cell: a Unicode scalar, the second half of
/// a wide character, or (for clusters of several scalars: combining marks, emoji sequences) an
/// index into a side table. A wide character occupies its cell and the next; overwriting
/// either half blanks the other, so no line ever holds half of a wide character.
struct Canvas {
    let width: Int
    let height: Int
    private var cells: [UInt32]
    private var clusters: [Character] = []
    private static let space: UInt32 = 0x20
    private static let continuation: UInt32 = 0xFFFF_FFFF
    private static let clusterFlag: UInt32 = 0x8000_0000

    init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = [UInt32](repeating: Canvas.space, count: self.width * self.height)
    }

    /// The character in a cell (a space for the second half of a wide one, or outside).
    subscript(row: Int, column: Int) -> Character {
        guard row >= 0, row < height, column >= 0, column < width else { return " " }
        let v = cells[row * width + column]
        if v == Canvas.continuation { return " " }
        if v & Canvas.clusterFlag != 0 { return clusters[Int(v & ~Canvas.clusterFlag)] }
        return Character(Unicode.Scalar(v)!)
    }

    /// Puts a one-cell glyph; outside the grid it is dropped.
    @inline(__always)
    mutating func set(_ row: Int, _ column: Int, _ s: Unicode.Scalar) {
        guard row >= 0, row < height, column >= 0, column < width else { return }
        let i = row * width + column
        clear(i, column)
        cells[i] = s.value
    }

    /// Writes sanitised text from `column`, cluster by cluster; what passes the right edge is
    /// dropped (callers measure first, so nothing is meant to). Zero-width clusters are skipped.
    mutating func write(_ row: Int, _ column: Int, _ text: String) {
        guard row >= 0, row < height else { return }
        var col = column
        if DisplayWidth.asciiWidth(text) != nil {
            for b in text.utf8 {
                if col >= 0 && col < width {
                    let i = row * width + col
                    clear(i, col)
                    cells[i] = UInt32(b)
                }
                col += 1
            }
            return
        }
        for c in text {
            let w = DisplayWidth.of(c)
            if w == 0 { continue }
            if col + w > width { break }
            if col >= 0 {
                let i = row * width + col
                clear(i, col)
                let scalars = c.unicodeScalars
                if scalars.count == 1 {
                    cells[i] = scalars.first!.value
                } else {
                    cells[i] = Canvas.clusterFlag | UInt32(clusters.count)
                    clusters.append(c)
                }
                if w == 2 {
                    clear(i + 1, col + 1)
                    cells[i + 1] = Canvas.continuation
                }
            }
            col += w
        }
    }

    /// Blanks cell `i` (at `column`) and the other half of a wide character it belongs to.
    @inline(__always)
    private mutating func clear(_ i: Int, _ column: Int) {
        if cells[i] == Canvas.continuation {
            if column > 0 { cells[i - 1] = Canvas.space }
        } else if column + 1 < width, cells[i + 1] == Canvas.continuation {
            cells[i + 1] = Canvas.space
        }
        cells[i] = Canvas.space
    }

    /// The rows as text, trailing spaces removed.
    func lines() -> [String] {
        var out: [String] = []
        out.reserveCapacity(height)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(width * 3)
        for r in 0..<height {
            let start = r * width
            var end = start + width
            while end > start, cells[end - 1] == Canvas.space { end -= 1 }
            bytes.removeAll(keepingCapacity: true)
            for i in start..<end {
                let v = cells[i]
                if v < 0x80 {
                    bytes.append(UInt8(v))
                } else if v == Canvas.continuation {
                    continue
                } else if v & Canvas.clusterFlag != 0 {
                    bytes.append(contentsOf: String(clusters[Int(v & ~Canvas.clusterFlag)]).utf8)
                } else if v < 0x800 {
                    bytes.append(UInt8(0xC0 | (v >> 6)))
                    bytes.append(UInt8(0x80 | (v & 0x3F)))
                } else if v < 0x10000 {
                    bytes.append(UInt8(0xE0 | (v >> 12)))
                    bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
                    bytes.append(UInt8(0x80 | (v & 0x3F)))
                } else {
                    bytes.append(UInt8(0xF0 | (v >> 18)))
                    bytes.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
                    bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
                    bytes.append(UInt8(0x80 | (v & 0x3F)))
                }
            }
            out.append(String(decoding: bytes, as: UTF8.self))
        }
        return out
    }
}
