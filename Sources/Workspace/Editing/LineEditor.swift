/// A single-line text editor: the text, a cursor between grapheme clusters, and the usual
/// readline-style keys. Display concerns (width, horizontal scroll) are the view's.
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

    /// Handles an editing key; returns false when the key is not an editing key.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .char(let c): insert(String(c))
        case .left, .ctrl("b"): cursor = max(0, cursor - 1)
        case .right, .ctrl("f"): cursor = min(characters.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = characters.count
        case .ctrlLeft, .alt("b"): cursor = wordStart(before: cursor)
        case .ctrlRight, .alt("f"): cursor = wordEnd(after: cursor)
        case .backspace, .ctrl("h"):
            if cursor > 0 {
                characters.remove(at: cursor - 1)
                cursor -= 1
            }
        case .delete, .ctrl("d"):
            if cursor < characters.count { characters.remove(at: cursor) }
        case .ctrl("w"), .alt("\u{7f}"):
            let start = wordStart(before: cursor)
            characters.removeSubrange(start..<cursor)
            cursor = start
        case .alt("d"):
            let end = wordEnd(after: cursor)
            characters.removeSubrange(cursor..<end)
        case .ctrl("u"):
            characters.removeSubrange(0..<cursor)
            cursor = 0
        case .ctrl("k"):
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
