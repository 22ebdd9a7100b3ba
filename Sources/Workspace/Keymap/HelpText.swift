/// The key reference `?` shows, built from the keymap that dispatches keys and from the key
/// tables of the form and line editor (kept beside the code that handles those keys).
public enum HelpText {
    public struct Line: Equatable, Sendable {
        public var text: String
        public var heading: Bool
    }

    /// Keys inside a form (see `Form.handle`).
    public static let formKeys: [(keys: String, title: String)] = [
        ("Tab ↓", "Next field"), ("Shift-Tab ↑", "Previous field"),
        ("← → or letters", "Choose a value (choice fields)"), ("Space", "Open the list of values"),
        ("Enter", "Save the item"), ("Esc", "Cancel"),
    ]

    /// Keys inside a single-line text field (see `LineEditor.handle`).
    public static let fieldKeys: [(keys: String, title: String)] = [
        ("Ctrl-A Home", "Start of the field"), ("Ctrl-E End", "End of the field"),
        ("Ctrl-← Alt-B", "Word left"), ("Ctrl-→ Alt-F", "Word right"),
        ("Ctrl-W Alt-⌫", "Delete the word before"), ("Alt-D", "Delete the word after"),
        ("Ctrl-U", "Delete to the start"), ("Ctrl-K", "Delete to the end"),
    ]

    public static func lines(_ keymap: Keymap) -> [Line] {
        var sections: [(String, [(String, String)])] = []
        for context in KeyContext.allCases {
            let bindings = keymap.bindings.filter { $0.context == context }
            guard !bindings.isEmpty else { continue }
            sections.append((context.rawValue, bindings.map { b in
                (b.keys.map(\.description).joined(separator: " "), b.command.title)
            }))
        }
        sections.append(("Commands (type : then the name; Tab completes)",
                         Workspace.paletteEntries(keymap).filter(\.keys.isEmpty).map { e in
                             (":" + e.name + (e.argument.isEmpty ? "" : " " + e.argument), e.title)
                         }))
        sections.append(("In forms", formKeys.map { ($0.keys, $0.title) }))
        sections.append(("In text fields", fieldKeys.map { ($0.keys, $0.title) }))
        // One key column for all sections, as wide as the widest key (within reason).
        let column = min(28, sections.flatMap(\.1).map { $0.0.count }.max() ?? 0) + 2
        var out: [Line] = []
        for (n, (title, rows)) in sections.enumerated() {
            if n > 0 { out.append(Line(text: "", heading: false)) }
            out.append(Line(text: title, heading: true))
            for (keys, what) in rows {
                let pad = String(repeating: " ", count: max(1, column - keys.count))
                out.append(Line(text: "  " + keys + pad + what, heading: false))
            }
        }
        return out
    }

    /// The furthest the help can scroll on a screen of `size` (the dialog's height as drawn).
    public static func maxScroll(_ keymap: Keymap, size: ScreenSize) -> Int {
        let count = lines(keymap).count
        let visible = max(1, min(size.rows - 2, count + 3) - 2)
        return max(0, count - visible)
    }
}
