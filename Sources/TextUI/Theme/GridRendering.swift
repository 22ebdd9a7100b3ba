// Views of a grid through a theme: for golden files per theme and for plain-terminal previews.

extension Grid {
    /// Like `styledLines()`, but the markers show what the terminal gets under `theme`:
    /// `{fg/bg}` or `{fg/bg attrs}`, e.g. `{231/25 bold}`, `{default/default}`. Golden files
    /// of the same screen under different themes differ exactly where the themes do.
    public func styledLines(resolvedWith theme: ResolvedTheme) -> [String] {
        rows(theme) { "{\($0)}" }
    }

    /// Each row as text with ANSI SGR colour/attribute sequences (ending in a reset), for
    /// printing a screen to a terminal without curses (theme previews, debugging). Symbols
    /// in a grid are sanitised, so the only escape sequences are the ones added here.
    public func ansiLines(theme: ResolvedTheme) -> [String] {
        rows(theme, ANSI.sgr).map { $0 + "\u{1b}[0m" }
    }

    /// Each row's symbols, with `marker` written wherever the resolved style changes.
    private func rows(_ theme: ResolvedTheme, _ marker: (TerminalStyle) -> String) -> [String] {
        var out: [String] = []
        out.reserveCapacity(height)
        for y in 0..<height {
            var line = ""
            var current: TerminalStyle? = nil
            for x in 0..<width {
                let c = cells[y * width + x]
                if c.isContinuation { continue }
                let t = theme.terminalStyle(for: c.style)
                if t != current {
                    line += marker(t)
                    current = t
                }
                line += c.symbol
            }
            out.append(line)
        }
        return out
    }
}

/// SGR sequences for terminal styles.
public enum ANSI {
    public static func sgr(_ t: TerminalStyle) -> String {
        var codes = ["0"]
        if t.attributes.contains(.bold) { codes.append("1") }
        if t.attributes.contains(.dim) { codes.append("2") }
        if t.attributes.contains(.italic) { codes.append("3") }
        if t.attributes.contains(.underline) { codes.append("4") }
        if t.attributes.contains(.reverse) { codes.append("7") }
        switch t.fg {
        case .terminalDefault: break
        case .index(let i) where i < 8: codes.append(String(30 + Int(i)))
        case .index(let i) where i < 16: codes.append(String(90 + Int(i) - 8))
        case .index(let i): codes.append("38;5;\(i)")
        }
        switch t.bg {
        case .terminalDefault: break
        case .index(let i) where i < 8: codes.append(String(40 + Int(i)))
        case .index(let i) where i < 16: codes.append(String(100 + Int(i) - 8))
        case .index(let i): codes.append("48;5;\(i)")
        }
        return "\u{1b}[" + codes.joined(separator: ";") + "m"
    }
}
