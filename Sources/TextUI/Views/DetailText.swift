import Workspace

/// Label/value fields laid out in two columns, values wrapped at word boundaries and every
/// line of a multi-line value on rows of its own. The details strip and the full view `v`
/// both draw items this way.
enum DetailText {
    struct Row: Equatable {
        var label: String
        var text: String
    }

    static let labelWidth = 14

    /// The rows the fields take at a value width.
    static func rows(_ lines: [DetailLine], valueWidth: Int) -> [Row] {
        var out: [Row] = []
        for line in lines {
            var first = true
            for paragraph in Sanitize.linesForDisplay(line.value) {
                let wrapped = wrap(paragraph, valueWidth)
                for piece in wrapped.isEmpty ? [""] : wrapped {
                    out.append(Row(label: first ? line.label : "", text: piece))
                    first = false
                }
            }
        }
        return out
    }

    /// Bullets that hang: a pro ("+ "), a con ("− ") or a list item wraps under its text.
    static let bullets = ["+ ", "− ", "- ", "• ", "* "]

    static func wrap(_ paragraph: String, _ width: Int) -> [String] {
        guard width > 0 else { return [paragraph] }
        guard width > 8, let bullet = bullets.first(where: { paragraph.hasPrefix($0) }) else {
            return DisplayWidth.wrap(paragraph, width: width)
        }
        let pieces = DisplayWidth.wrap(String(paragraph.dropFirst(bullet.count)), width: width - 2)
        return pieces.enumerated().map { ($0.offset == 0 ? bullet : "  ") + $0.element }
    }

    /// Draws the rows from `scroll` on; returns how far it can scroll at most.
    @discardableResult
    static func render(_ lines: [DetailLine], in rect: Rect, scroll: Int, _ grid: inout Grid,
                       style: Style = .normal) -> Int {
        let labelWidth = min(Self.labelWidth, max(0, rect.width / 3))
        let valueWidth = rect.width - labelWidth
        let all = rows(lines, valueWidth: valueWidth)
        let maxScroll = max(0, all.count - rect.height)
        let first = min(max(0, scroll), maxScroll)
        for (n, row) in all.dropFirst(first).prefix(rect.height).enumerated() {
            grid.put(row.label, x: rect.x, y: rect.y + n, style: .dim, maxWidth: labelWidth - 1, ellipsis: "…")
            grid.put(row.text, x: rect.x + labelWidth, y: rect.y + n, style: style, maxWidth: valueWidth, ellipsis: "…")
        }
        return maxScroll
    }

    /// How far the rows can scroll in a rect of this size.
    static func maxScroll(_ lines: [DetailLine], width: Int, height: Int) -> Int {
        let labelWidth = min(Self.labelWidth, max(0, width / 3))
        return max(0, rows(lines, valueWidth: width - labelWidth).count - height)
    }
}
