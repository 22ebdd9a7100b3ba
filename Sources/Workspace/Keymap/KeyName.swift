extension Key {
    /// Reads a key as written in the config file: a single character (`x`, `X`, `?`), a name
    /// (`Enter`, `Esc`, `Tab`, `Shift-Tab`, `Space`, `Backspace`, `Delete`, `Insert`, `Up`,
    /// `Down`, `Left`, `Right`, `Home`, `End`, `PgUp`, `PgDn`, `F1`…`F12`), or a modifier and a
    /// key (`Ctrl-S`, `C-s`, `Alt-x`, `M-x`, `Ctrl-Left`). Names are case-insensitive; a single
    /// character is taken as written.
    public static func parse(_ text: String) -> Key? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.count == 1, let c = t.first { return c == " " ? .char(" ") : .char(c) }
        let lower = t.lowercased()
        for (prefixes, make) in [(["ctrl-", "ctrl+", "c-"], Modifier.ctrl), (["alt-", "alt+", "m-", "meta-"], .alt)] {
            guard let p = prefixes.first(where: { lower.hasPrefix($0) && t.count > $0.count }) else { continue }
            let rest = String(t.dropFirst(p.count))
            switch (make, rest.lowercased()) {
            case (.ctrl, "left"): return .ctrlLeft
            case (.ctrl, "right"): return .ctrlRight
            default: break
            }
            guard rest.count == 1, let c = rest.first, !c.isWhitespace else { return nil }
            switch make {
            case .ctrl:
                guard c.isLetter, c.isASCII else { return nil }
                return .ctrl(Character(c.lowercased()))
            case .alt:
                return .alt(c)
            }
        }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...24).contains(n) { return .function(n) }
        return named[lower]
    }

    private enum Modifier { case ctrl, alt }

    private static let named: [String: Key] = [
        "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape, "tab": .tab,
        "shift-tab": .backTab, "backtab": .backTab, "s-tab": .backTab, "space": .char(" "),
        "backspace": .backspace, "bs": .backspace, "delete": .delete, "del": .delete, "insert": .insert,
        "ins": .insert, "up": .up, "down": .down, "left": .left, "right": .right, "home": .home,
        "end": .end, "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown,
        "↑": .up, "↓": .down, "←": .left, "→": .right,
    ]

    /// A printable key: it types text in fields.
    public var isPrintable: Bool {
        if case .char = self { return true }
        return false
    }
}
