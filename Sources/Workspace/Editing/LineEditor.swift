/// A single-line text editor: the text, a cursor between grapheme clusters, and the usual
/// readline-style commands. Display concerns (width, horizontal scroll) are the view's; which
/// key runs which command is the keymap's (`KeyContext.textField`).
public struct LineEditor: Equatable, Sendable {
    public private(set) var characters: [Character]
    /// Cursor position as an index into `characters` (0…count).
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String { String(characters) }

    public mutating func setText(_ text: String) {
        characters = Array(text)
        cursor = characters.count
    }

    /// Inserts typed or pasted text at the cursor. Line breaks and tabs become spaces:
    /// a field is one line.
    public mutating func insert(_ s: String) {
        let cleaned = s.map { c -> Character in c.isNewline || c == "\t" ? " " : c }
        characters.insert(contentsOf: cleaned, at: cursor)
        cursor += cleaned.count
        regroup()
    }

    /// Keeps `characters` equal to `Array(text)`. A combining mark or an emoji part typed on its
    /// own joins the character before it once they are one string (and deleting between two
    /// characters can join them too), so the array is regrouped and the cursor counted again.
    private mutating func regroup() {
        let regrouped = Array(String(characters))
        guard regrouped.count != characters.count else { return }
        cursor = min(regrouped.count, String(characters[..<cursor]).count)
        characters = regrouped
    }

    /// Handles a key with the standard bindings: an editing command or a printable character.
    /// Returns false when the key is neither.
    @discardableResult
    public mutating func handle(_ key: Key, keymap: Keymap = .standard) -> Bool {
        if let command = keymap.command(for: key, in: .textField), perform(command) { return true }
        if case .char(let c) = key {
            insert(String(c))
            return true
        }
        return false
    }

    /// Runs an editing command; false when it is not one.
    @discardableResult
    public mutating func perform(_ command: Command) -> Bool {
        switch command {
        case .cursorLeft: cursor = max(0, cursor - 1)
        case .cursorRight: cursor = min(characters.count, cursor + 1)
        case .cursorStart: cursor = 0
        case .cursorEnd: cursor = characters.count
        case .wordLeft: cursor = wordStart(before: cursor)
        case .wordRight: cursor = wordEnd(after: cursor)
        case .deleteBack:
            if cursor > 0 {
                characters.remove(at: cursor - 1)
                cursor -= 1
            }
        case .deleteForward:
            if cursor < characters.count { characters.remove(at: cursor) }
        case .deleteWordBack:
            let start = wordStart(before: cursor)
            characters.removeSubrange(start..<cursor)
            cursor = start
        case .deleteWordForward:
            let end = wordEnd(after: cursor)
            characters.removeSubrange(cursor..<end)
        case .deleteToStart:
            characters.removeSubrange(0..<cursor)
            cursor = 0
        case .deleteToEnd:
            characters.removeSubrange(cursor...)
        default:
            return false
        }
        regroup()
        return true
    }

    private func isWord(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }

    func wordStart(before index: Int) -> Int {
        var i = index
        while i > 0 && !isWord(characters[i - 1]) { i -= 1 }
        while i > 0 && isWord(characters[i - 1]) { i -= 1 }
        return i
    }

    func wordEnd(after index: Int) -> Int {
        var i = index
        while i < characters.count && !isWord(characters[i]) { i += 1 }
        while i < characters.count && isWord(characters[i]) { i += 1 }
        return i
    }
}
