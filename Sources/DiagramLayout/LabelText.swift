// Label text for boxes and edges: sanitised, truncated and wrapped by display width
// (TerminalText does the measuring and the escaping).

import TerminalText

/// Label text helpers: sanitising, truncation and wrapping, all by display width.
public enum LabelText {
    /// Replaces what must never reach a terminal raw (`Sanitize.forDisplay`: `^[`, `\u{202e}`, …;
    /// tabs and line breaks become spaces). Zero-width clusters are dropped, except combining
    /// marks, shown on a dotted circle, so every cell of a label has a visible glyph.
    public static func sanitize(_ s: String) -> String {
        // One line per label: line breaks and tabs become spaces before the shared escaping.
        let flat = s.contains(where: { $0.isNewline || $0 == "\t" })
            ? String(s.map { $0.isNewline || $0 == "\t" ? " " : $0 }) : s
        let cleaned = Sanitize.forDisplay(flat)
        var needsPass = false
        for c in cleaned where DisplayWidth.of(c) == 0 { needsPass = true; break }
        if !needsPass { return cleaned }
        var result = ""
        for c in cleaned {
            if DisplayWidth.of(c) > 0 { result.append(c); continue }
            if let f = c.unicodeScalars.first, f.properties.generalCategory == .nonspacingMark
                || f.properties.generalCategory == .enclosingMark || f.properties.generalCategory == .spacingMark {
                result.append("\u{25CC}")
                result.unicodeScalars.append(contentsOf: c.unicodeScalars)
            }
        }
        return result
    }

    /// `s` cut to at most `width` columns, ending in `ellipsis` when cut.
    public static func truncate(_ s: String, width: Int, ellipsis: Character = "…") -> String {
        DisplayWidth.truncate(s, to: width, ellipsis: String(ellipsis))
    }

    /// Greedy word wrap to `width` columns at spaces; a word is split only when it alone is wider
    /// than `width`. At most `maxLines` lines: the last one kept ends in `ellipsis` when cut.
    public static func wrap(_ s: String, width: Int, maxLines: Int, ellipsis: Character = "…") -> [String] {
        var lines = greedy(s, width: width)
        if lines.count > maxLines {
            var last = lines[maxLines - 1]
            // The next line did not fit after this one, so this always cuts and adds the ellipsis.
            last = truncate(last + " " + lines[maxLines], width: width, ellipsis: ellipsis)
            lines = Array(lines.prefix(maxLines - 1)) + [last]
        }
        return lines
    }

    /// The label on as few lines as possible (at most `maxLines`, each at most `width` columns),
    /// with the lines as even as possible; nil when it needs more lines than that.
    public static func wrapBalanced(_ s: String, width: Int, maxLines: Int) -> [String]? {
        let total = DisplayWidth.of(s)
        if total <= width { return [s] }
        let first = greedy(s, width: width)
        if first.count > maxLines { return nil }
        // The narrowest width that still needs no more lines than the widest allowed one.
        // Never narrower than the widest word (words are split only when wider than `width`).
        var lo = max(1, (total + maxLines - 1) / maxLines, min(width, widestWord(s))), hi = width
        while lo < hi {
            let mid = (lo + hi) / 2
            if greedy(s, width: mid).count <= first.count { hi = mid } else { lo = mid + 1 }
        }
        return greedy(s, width: hi)
    }

    /// The widest word (the narrowest a wrap can go without splitting words).
    public static func widestWord(_ s: String) -> Int {
        var w = 0
        for word in s.split(separator: " ", omittingEmptySubsequences: true) { w = max(w, DisplayWidth.of(String(word))) }
        return w
    }

    static func greedy(_ s: String, width: Int) -> [String] {
        var lines: [String] = []
        var cur = ""
        var curW = 0
        func flush() { lines.append(cur); cur = ""; curW = 0 }
        for word in s.split(separator: " ", omittingEmptySubsequences: true) {
            let ww = DisplayWidth.of(String(word))
            if curW > 0 && curW + 1 + ww <= width {
                cur.append(" "); cur += word; curW += 1 + ww
                continue
            }
            if curW > 0 { flush() }
            if ww <= width {
                cur = String(word); curW = ww
            } else {
                for c in word {
                    let cw = DisplayWidth.of(c)
                    if curW + cw > width && curW > 0 { flush() }
                    cur.append(c); curW += cw
                }
            }
        }
        if curW > 0 || lines.isEmpty { flush() }
        return lines
    }
}
