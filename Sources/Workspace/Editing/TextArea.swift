/// A multi-line text editor for stage notes. Works on logical lines; the view wraps long lines
/// and scrolls to keep the cursor visible.
public struct TextArea: Equatable, Sendable {
    public private(set) var lines: [[Character]]
    public private(set) var row: Int
    public private(set) var column: Int
    /// What the notes belong to ("stage key"), so saving knows where to write.
    public var owner: String
    public var title: String

    public init(_ text: String, owner: String, title: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        if lines.isEmpty { lines = [[]] }
        row = lines.count - 1
        column = lines[row].count
        self.owner = owner
        self.title = title
    }

    public var text: String { lines.map { String($0) }.joined(separator: "\n") }

    public enum Outcome: Equatable, Sendable { case editing, done, cancelled }

    /// Esc, Ctrl-S or Ctrl-D closes the editor keeping the text (undo takes it back);
    /// Ctrl-G throws the edit away. Enter inserts a line break.
    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .escape, .ctrl("s"), .ctrl("d"): return .done
        case .ctrl("g"): return .cancelled
        case .enter: insert("\n")
        case .tab: insert("    ")
        case .char(let c): insert(String(c))
        case .up: if row > 0 { row -= 1; column = min(column, lines[row].count) } else { column = 0 }
        case .down:
            if row < lines.count - 1 { row += 1; column = min(column, lines[row].count) } else { column = lines[row].count }
        case .left:
            if column > 0 { column -= 1 } else if row > 0 { row -= 1; column = lines[row].count }
        case .right:
            if column < lines[row].count { column += 1 } else if row < lines.count - 1 { row += 1; column = 0 }
        case .home, .ctrl("a"): column = 0
        case .end, .ctrl("e"): column = lines[row].count
        case .pageUp: row = max(0, row - 10); column = min(column, lines[row].count)
        case .pageDown: row = min(lines.count - 1, row + 10); column = min(column, lines[row].count)
        case .ctrlLeft, .alt("b"): wordLeft()
        case .ctrlRight, .alt("f"): wordRight()
        case .backspace, .ctrl("h"):
            if column > 0 {
                lines[row].remove(at: column - 1)
                column -= 1
            } else if row > 0 {
                column = lines[row - 1].count
                lines[row - 1] += lines[row]
                lines.remove(at: row)
                row -= 1
            }
        case .delete:
            if column < lines[row].count {
                lines[row].remove(at: column)
            } else if row < lines.count - 1 {
                lines[row] += lines[row + 1]
                lines.remove(at: row + 1)
            }
        case .ctrl("k"):
            if column < lines[row].count { lines[row].removeSubrange(column...) } else if row < lines.count - 1 {
                lines[row] += lines.remove(at: row + 1)
            }
        case .ctrl("u"):
            lines[row].removeSubrange(0..<column)
            column = 0
        default: break
        }
        return .editing
    }

    /// Inserts text at the cursor; pasted line breaks (CRLF too) become new lines.
    public mutating func insert(_ s: String) {
        let parts = s.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
        let tail = Array(lines[row][column...])
        lines[row].removeSubrange(column...)
        for (i, part) in parts.enumerated() {
            if i > 0 {
                row += 1
                lines.insert([], at: row)
                column = 0
            }
            lines[row].append(contentsOf: part)
            column += part.count
        }
        lines[row].append(contentsOf: tail)
    }

    private func isWord(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }

    private mutating func wordLeft() {
        if column == 0 {
            if row > 0 { row -= 1; column = lines[row].count }
            return
        }
        let l = lines[row]
        while column > 0 && !isWord(l[column - 1]) { column -= 1 }
        while column > 0 && isWord(l[column - 1]) { column -= 1 }
    }

    private mutating func wordRight() {
        let l = lines[row]
        if column == l.count {
            if row < lines.count - 1 { row += 1; column = 0 }
            return
        }
        while column < l.count && !isWord(l[column]) { column += 1 }
        while column < l.count && isWord(l[column]) { column += 1 }
    }
}
