/// The key reference `?` shows, built from the keymap that dispatches keys: every context,
/// forms, fields, lists and dialogs included, so a remapped key shows up where it acts.
public enum HelpText {
    public struct Line: Equatable, Sendable {
        public var text: String
        public var heading: Bool
        /// The command id a config file binds (`[keys.panes] x = "item.delete"`), or the
        /// context's table name on a heading; shown where the help has room.
        public var id: String = ""
    }

    public static func lines(_ keymap: Keymap) -> [Line] {
        var sections: [(String, String, [(String, String, String)])] = []
        for context in KeyContext.allCases {
            let bindings = keymap.bindings.filter { $0.context == context }
            guard !bindings.isEmpty else { continue }
            sections.append((context.rawValue, "[keys.\(context.configName)]", bindings.map { b in
                (b.keys.map(\.description).joined(separator: " "), b.command.title, b.command.rawValue)
            }))
        }
        sections.append(("Commands (type : then the name; Tab completes)", "",
                         Workspace.paletteEntries(keymap).filter { $0.keys.isEmpty || !$0.argument.isEmpty }.map { e in
                             (":" + e.name + (e.argument.isEmpty ? "" : " " + e.argument), e.title, e.id)
                         }))
        // One key column for all sections, as wide as the widest key (within reason).
        let column = min(28, sections.flatMap(\.2).map { $0.0.count }.max() ?? 0) + 2
        var out: [Line] = []
        for (n, (title, table, rows)) in sections.enumerated() {
            if n > 0 { out.append(Line(text: "", heading: false)) }
            out.append(Line(text: title, heading: true, id: table))
            for (keys, what, id) in rows {
                let pad = String(repeating: " ", count: max(1, column - keys.count))
                out.append(Line(text: "  " + keys + pad + what, heading: false, id: id))
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
