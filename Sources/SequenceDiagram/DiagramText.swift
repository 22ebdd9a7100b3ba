import TerminalText

/// Text that goes into a sequence diagram: one line, safe to print, every cluster at least one
/// cell wide (so cell counting matches what a terminal shows).
enum DiagramText {
    /// Line breaks and tabs become spaces, runs of spaces one space, then `Sanitize.forDisplay`
    /// (`^[`, `\u{202e}`, …); zero-width clusters are dropped.
    static func clean(_ s: String) -> String {
        if let _ = DisplayWidth.asciiWidth(s), !s.contains("  "), s.first != " ", s.last != " " { return s }
        var flat = ""
        flat.reserveCapacity(s.utf8.count)
        var lastSpace = true
        for c in s {
            let space = c.isNewline || c == "\t" || c == " "
            if space {
                if !lastSpace { flat.append(" ") }
                lastSpace = true
            } else {
                flat.append(c)
                lastSpace = false
            }
        }
        while flat.last == " " { flat.removeLast() }
        let safe = Sanitize.forDisplay(flat)
        if DisplayWidth.asciiWidth(safe) != nil { return safe }
        var out = ""
        for c in safe where DisplayWidth.of(c) > 0 { out.append(c) }
        return out
    }

    /// Word-wraps clean text to `width` cells (long words are broken); at least one line.
    static func wrap(_ s: String, width: Int) -> [String] {
        if DisplayWidth.of(s) <= width { return [s] }
        var out: [String] = []
        for r in DisplayWidth.wrapRanges(s, width: max(1, width)) {
            var piece = s[r]
            while piece.last == " " { piece.removeLast() }
            while piece.first == " " { piece.removeFirst() }
            if !piece.isEmpty || out.isEmpty { out.append(String(piece)) }
        }
        return out.isEmpty ? [""] : out
    }

    /// A short form of a name: the initials of its words (up to four), or the start of a
    /// one-word name, at most four cells.
    static func initials(_ name: String) -> String {
        var words: [Substring] = []
        var start: String.Index? = nil
        for i in name.indices {
            let alnum = name[i].isLetter || name[i].isNumber
            if alnum && start == nil { start = i }
            if !alnum, let s = start { words.append(name[s..<i]); start = nil }
        }
        if let s = start { words.append(name[s...]) }
        var out = ""
        if words.count >= 2 {
            for w in words.prefix(4) { out += w.prefix(1).uppercased() }
        } else if let w = words.first {
            for c in w {
                if DisplayWidth.of(out) + DisplayWidth.of(c) > 3 { break }
                out.append(c)
            }
        }
        return DisplayWidth.truncate(out, to: 4, ellipsis: "")
    }
}
