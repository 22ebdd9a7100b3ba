import Workspace

/// The notes under form fields (`Form.notes`): a computed value, a hint, or an error — with a
/// `^` under the column it points at when that column is in view.
enum FormNotes {
    struct Line: Equatable {
        var text: String
        /// Columns from the start of the field's value.
        var indent: Int
        var style: Style
    }

    /// An error note's message wraps onto this many lines at most.
    static let maxMessageLines = 2

    static func lines(_ note: Form.Note?, _ field: Form.Field, focused: Bool, width: Int) -> [Line] {
        guard let note, width > 0 else { return [] }
        let style: Style = switch note.kind {
        case .value: Style.accent.bold
        case .hint: .dim
        case .error: Style.error.bold
        }
        var out: [Line] = []
        if let column = note.column, column >= 1, case .text(let editor) = field.value {
            let before = DisplayWidth.of(Sanitize.forDisplay(String(editor.text.prefix(column - 1))))
            var scroll = 0
            if focused {
                let cursor = DisplayWidth.of(Sanitize.forDisplay(String(editor.characters[..<editor.cursor])))
                scroll = TextField.scrollOffset(cursorColumn: cursor, width: width)
            }
            let x = before - scroll
            if x >= 0 && x < width { out.append(Line(text: "^", indent: x, style: style)) }
        }
        let text = (note.kind == .error ? "⚠ " : "") + note.text
        let wrapped = DisplayWidth.wrap(text, width: width)
        for (k, piece) in wrapped.prefix(maxMessageLines).enumerated() {
            // The last line shown ends in an ellipsis when the message goes on.
            let cut = k == maxMessageLines - 1 && wrapped.count > maxMessageLines
            out.append(Line(text: cut ? DisplayWidth.truncate(piece + " …", to: width) : piece, indent: 0, style: style))
        }
        return out
    }
}
