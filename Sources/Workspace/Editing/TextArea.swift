/// A multi-line text editor (stage notes, and every paragraph field of a form). Works on
/// logical lines; the view wraps long lines and scrolls to keep the cursor visible. Which key
/// runs which command is the keymap's (`KeyContext.textArea`, then `.textField`).
public struct TextArea: Equatable, Sendable {
    public private(set) var lines: [[Character]]
    public private(set) var row: Int
    public private(set) var column: Int
    /// What the text belongs to (a stage key for notes), so saving knows where to write.
    public var owner: String
    public var title: String

    public init(_ text: String, owner: String = "", title: String = "") {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        if lines.isEmpty { lines = [[]] }
        row = lines.count - 1
        column = lines[row].count
        self.owner = owner
        self.title = title
    }

    public var text: String { lines.map { String($0) }.joined(separator: "\n") }

    public enum Outcome: Equatable, Sendable {
        case editing, done, cancelled
        /// Up on the first line / down on the last: a form moves to the field before / after.
        case leftUp, leftDown
    }

    /// Handles a key with the standard bindings (Esc, Ctrl-S or Ctrl-D keep the text; Ctrl-G
    /// throws the edit away; Enter inserts a line break).
    public mutating func handle(_ key: Key, keymap: Keymap = .standard) -> Outcome {
        for context in [KeyContext.textArea, .textField] {
            if let command = keymap.command(for: key, in: context), let outcome = perform(command) { return outcome }
        }
        if case .char(let c) = key { insert(String(c)) }
        return .editing
    }

    /// Runs a command; nil when it is not one a text area knows.
    public mutating func perform(_ command: Command) -> Outcome? {
        switch command {
        case .textDone: return .done
        case .textDiscard: return .cancelled
        case .newLine: insert("\n")
        case .indent: insert("    ")
        case .lineUp:
            if row == 0 { column = 0; return .leftUp }
            row -= 1
            column = min(column, lines[row].count)
        case .lineDown:
            if row == lines.count - 1 { column = lines[row].count; return .leftDown }
            row += 1
            column = min(column, lines[row].count)
        case .cursorLeft:
            if column > 0 { column -= 1 } else if row > 0 { row -= 1; column = lines[row].count }
        case .cursorRight:
            if column < lines[row].count { column += 1 } else if row < lines.count - 1 { row += 1; column = 0 }
        case .cursorStart: column = 0
        case .cursorEnd: column = lines[row].count
        case .textPageUp: row = max(0, row - 10); column = min(column, lines[row].count)
        case .textPageDown: row = min(lines.count - 1, row + 10); column = min(column, lines[row].count)
        case .wordLeft: wordLeft()
        case .wordRight: wordRight()
        case .deleteBack:
            if column > 0 {
                lines[row].remove(at: column - 1)
                column -= 1
            } else if row > 0 {
                column = lines[row - 1].count
                lines[row - 1] += lines[row]
                lines.remove(at: row)
                row -= 1
            }
        case .deleteForward:
            if column < lines[row].count {
                lines[row].remove(at: column)
            } else if row < lines.count - 1 {
                lines[row] += lines[row + 1]
                lines.remove(at: row + 1)
            }
        case .deleteWordBack:
            if column == 0 { return perform(.deleteBack) }
            let l = lines[row]
            var start = column
            while start > 0 && !isWord(l[start - 1]) { start -= 1 }
            while start > 0 && isWord(l[start - 1]) { start -= 1 }
            lines[row].removeSubrange(start..<column)
            column = start
        case .deleteWordForward:
            let start = column
            let l = lines[row]
            var end = column
            while end < l.count && !isWord(l[end]) { end += 1 }
            while end < l.count && isWord(l[end]) { end += 1 }
            lines[row].removeSubrange(start..<end)
        case .deleteToEnd:
            if column < lines[row].count { lines[row].removeSubrange(column...) } else if row < lines.count - 1 {
                lines[row] += lines.remove(at: row + 1)
            }
        case .deleteToStart:
            lines[row].removeSubrange(0..<column)
            column = 0
        default:
            return nil
        }
        regroup()
        return .editing
    }

    /// Puts the cursor at the start (entering the field from above) or the end (from below).
    public mutating func moveCursor(toEnd: Bool) {
        row = toEnd ? lines.count - 1 : 0
        column = toEnd ? lines[row].count : 0
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
        regroup()
    }

    /// Keeps each line equal to `Array(String(line))`: a combining mark or emoji part typed on
    /// its own joins the character before it (see `LineEditor`).
    private mutating func regroup() {
        let line = lines[row]
        let regrouped = Array(String(line))
        guard regrouped.count != line.count else { return }
        column = min(regrouped.count, String(line[..<min(column, line.count)]).count)
        lines[row] = regrouped
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
