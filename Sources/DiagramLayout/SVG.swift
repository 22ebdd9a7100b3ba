import TerminalText

// The laid-out diagram as vector graphics: the same layout as the text drawing (one grid cell
// is `cellWidth × cellHeight` pixels), boxes as rectangles through the middle of their border
// cells, edges as orthogonal polylines through the middle of their cells, ending on the box
// border at an arrowhead, dashed when async, group frames with their titles, labels and the
// legend as text. Every piece of text is escaped for XML.

/// Colours and metrics of the SVG drawing. Colours are CSS colours (`#rrggbb`).
public struct DiagramSVGStyle: Sendable, Equatable {
    public var background: String?
    public var boxFill: String
    public var boxStroke: String
    public var text: String
    public var tag: String
    public var edge: String
    public var label: String
    public var groupStroke: String
    public var groupText: String
    public var legend: String
    public var fontFamily: String
    public var cellWidth: Int
    public var cellHeight: Int
    public var fontSize: Int

    public init(background: String? = "#ffffff", boxFill: String = "#ffffff", boxStroke: String = "#1f2328",
                text: String = "#1f2328", tag: String = "#57606a", edge: String = "#1f2328", label: String = "#1f2328",
                groupStroke: String = "#8c959f", groupText: String = "#57606a", legend: String = "#1f2328",
                fontFamily: String = "DejaVu Sans Mono, Menlo, Consolas, monospace",
                cellWidth: Int = 9, cellHeight: Int = 18, fontSize: Int = 14) {
        self.background = background
        self.boxFill = boxFill
        self.boxStroke = boxStroke
        self.text = text
        self.tag = tag
        self.edge = edge
        self.label = label
        self.groupStroke = groupStroke
        self.groupText = groupText
        self.legend = legend
        self.fontFamily = fontFamily
        self.cellWidth = max(4, cellWidth)
        self.cellHeight = max(8, cellHeight)
        self.fontSize = max(6, fontSize)
    }

    /// Black on white, for printing and documents.
    public static let print = DiagramSVGStyle()

    /// Text escaped for an SVG (XML) document.
    public static func escape(_ s: String) -> String { SVGText.escape(s) }
}

extension Diagram {
    /// Corner points of edge `i` in drawing cells (doubled, so cell middles are whole numbers):
    /// from the middle of the `from` box's border to the middle of the `to` box's border,
    /// through every bend.
    public func edgeCorners(_ i: Int) -> [DiagramPoint] {
        let path = edgePaths[i]
        guard let first = path.first, let last = path.last else { return [] }
        let ends = edgeEnds[i]
        let from = nodeRects[nodeIDs[ends.from]], to = nodeRects[nodeIDs[ends.to]]
        func doubled(_ p: DiagramPoint) -> DiagramPoint { DiagramPoint(x: 2 * p.x + 1, y: 2 * p.y + 1) }
        /// The middle of the border cell next to `p` (boxes are drawn through their border cells).
        func border(_ p: DiagramPoint, _ r: DiagramRect?) -> DiagramPoint {
            let c = doubled(p)
            guard let r else { return c }
            if p.y == r.y - 1 { return DiagramPoint(x: c.x, y: c.y + 2) }
            if p.y == r.maxY { return DiagramPoint(x: c.x, y: c.y - 2) }
            if p.x == r.x - 1 { return DiagramPoint(x: c.x + 2, y: c.y) }
            return DiagramPoint(x: c.x - 2, y: c.y)
        }
        var pts: [DiagramPoint] = [border(first, from)]
        var cells = path.map(doubled)
        cells.append(border(last, to))
        for k in 0..<cells.count {
            let p = cells[k]
            if k == cells.count - 1 { pts.append(p); break }
            let prev = pts[pts.count - 1], next = cells[k + 1]
            // Keep p only where the direction changes.
            let straight = (prev.x == p.x && p.x == next.x) || (prev.y == p.y && p.y == next.y)
            if !straight && p != prev { pts.append(p) }
        }
        return pts
    }

    /// The drawing as an SVG document.
    public func svg(style: DiagramSVGStyle = .print, title: String = "") -> String {
        let cw = style.cellWidth, ch = style.cellHeight
        let w = width * cw, h = height * ch
        var out = ""
        out.reserveCapacity(4096 + edgePaths.count * 160 + nodeIDs.count * 240)
        out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\""
        out += " font-family=\"\(SVGText.attribute(style.fontFamily))\" font-size=\"\(style.fontSize)\">\n"
        if !title.isEmpty { out += "<title>\(SVGText.escape(title))</title>\n" }
        if let bg = style.background {
            out += "<rect class=\"background\" x=\"0\" y=\"0\" width=\"\(w)\" height=\"\(h)\" fill=\"\(SVGText.attribute(bg))\"/>\n"
        }
        // Half-cell units → pixels.
        func px(_ halves: Int, _ cell: Int) -> String { SVGText.number(Double(halves * cell) / 2) }
        func centre(_ cells: Int, _ cell: Int) -> String { SVGText.number((Double(cells) + 0.5) * Double(cell)) }

        // Group frames, outermost first, with their titles on the top border.
        out += "<g class=\"groups\" fill=\"none\" stroke=\"\(SVGText.attribute(style.groupStroke))\" stroke-width=\"1.5\">\n"
        for id in groupIDs {
            guard let r = groupRects[id] else { continue }
            out += "<rect class=\"group\" data-id=\"\(SVGText.attribute(id))\" x=\"\(px(2 * r.x + 1, cw))\" y=\"\(px(2 * r.y + 1, ch))\""
            out += " width=\"\(px(2 * (r.width - 1), cw))\" height=\"\(px(2 * (r.height - 1), ch))\" rx=\"6\"/>\n"
        }
        out += "</g>\n"
        for id in groupIDs {
            guard let r = groupRects[id], let t = groupTitles[id] else { continue }
            // The title where the text drawing puts it: on the top border, after its corner.
            var tx = r.x + 2
            for x in r.x..<r.maxX where role(x: x, y: r.y) == .groupTitle { tx = x + 1; break }
            out += "<text class=\"group-title\" x=\"\(SVGText.number(Double(tx * cw)))\" y=\"\(centre(r.y, ch))\""
            out += " dominant-baseline=\"central\" fill=\"\(SVGText.attribute(style.groupText))\""
            if let bg = style.background { out += " stroke=\"\(SVGText.attribute(bg))\" stroke-width=\"4\" paint-order=\"stroke\"" }
            out += ">\(SVGText.escape(t))</text>\n"
        }

        // Edges, then their arrowheads.
        out += "<g class=\"edges\" fill=\"none\" stroke=\"\(SVGText.attribute(style.edge))\" stroke-width=\"1.5\">\n"
        for i in 0..<edgePaths.count {
            let pts = edgeCorners(i)
            guard pts.count >= 2 else { continue }
            var d = ""
            for (k, p) in pts.enumerated() { d += (k == 0 ? "M" : " L") + px(p.x, cw) + " " + px(p.y, ch) }
            out += "<path class=\"edge\" data-edge=\"\(i)\""
            if let id = edgeIDs[i] { out += " data-id=\"\(SVGText.attribute(id))\"" }
            if edgeDashed[i] { out += " stroke-dasharray=\"6 4\"" }
            out += " d=\"\(d)\"/>\n"
        }
        out += "</g>\n<g class=\"arrowheads\" fill=\"\(SVGText.attribute(style.edge))\">\n"
        for i in 0..<edgePaths.count {
            let pts = edgeCorners(i)
            guard pts.count >= 2 else { continue }
            out += arrowhead(tip: pts[pts.count - 1], from: pts[pts.count - 2], cw: cw, ch: ch, edge: i)
            if edgeBothEnds[i] { out += arrowhead(tip: pts[0], from: pts[1], cw: cw, ch: ch, edge: i) }
        }
        out += "</g>\n"

        // Boxes and their text.
        out += "<g class=\"boxes\">\n"
        for (v, id) in nodeIDs.enumerated() {
            guard let r = nodeRects[id] else { continue }
            out += "<rect class=\"box\" data-id=\"\(SVGText.attribute(id))\" x=\"\(px(2 * r.x + 1, cw))\" y=\"\(px(2 * r.y + 1, ch))\""
            out += " width=\"\(px(2 * (r.width - 1), cw))\" height=\"\(px(2 * (r.height - 1), ch))\" rx=\"3\""
            out += " fill=\"\(SVGText.attribute(style.boxFill))\" stroke=\"\(SVGText.attribute(style.boxStroke))\" stroke-width=\"1.5\"/>\n"
            let lines = nodeLines[v]
            let top = r.y + 1 + (r.height - 2 - lines.count) / 2
            let cx = SVGText.number((Double(r.x) + Double(r.width) / 2) * Double(cw))
            for (k, line) in lines.enumerated() {
                out += "<text class=\"box-text\" x=\"\(cx)\" y=\"\(centre(top + k, ch))\" text-anchor=\"middle\" dominant-baseline=\"central\""
                out += " fill=\"\(SVGText.attribute(style.text))\">"
                let tagColumns = k == 0 ? nodeTagColumns[v] : 0
                if tagColumns > 0, let split = SVGText.splitAfter(columns: tagColumns, line) {
                    out += "<tspan fill=\"\(SVGText.attribute(style.tag))\">\(SVGText.escape(split.0))</tspan>\(SVGText.escape(split.1))"
                } else {
                    out += SVGText.escape(line)
                }
                out += "</text>\n"
            }
        }
        out += "</g>\n"

        // Labels (or their markers) where the text drawing has them, and the legend.
        out += "<g class=\"labels\" fill=\"\(SVGText.attribute(style.label))\">\n"
        for i in 0..<edgeLabelRects.count {
            guard let r = edgeLabelRects[i] else { continue }
            for (k, line) in edgeLabelLines[i].enumerated() {
                out += "<text class=\"label\" data-edge=\"\(i)\" x=\"\(SVGText.number(Double(r.x * cw)))\" y=\"\(centre(r.y + k, ch))\""
                out += " dominant-baseline=\"central\">\(SVGText.escape(line))</text>\n"
            }
        }
        out += "</g>\n"
        if drawingHeight < height {
            out += "<g class=\"legend\" fill=\"\(SVGText.attribute(style.legend))\">\n"
            for y in drawingHeight..<height {
                let text = line(y)
                if text.isEmpty { continue }
                out += "<text class=\"legend-line\" x=\"0\" y=\"\(centre(y, ch))\" dominant-baseline=\"central\" xml:space=\"preserve\">"
                out += SVGText.escape(text) + "</text>\n"
            }
            out += "</g>\n"
        }
        out += "</svg>\n"
        return out
    }

    /// A triangle with its tip on the box border, pointing along the last run.
    private func arrowhead(tip: DiagramPoint, from: DiagramPoint, cw: Int, ch: Int, edge: Int) -> String {
        let tx = Double(tip.x * cw) / 2, ty = Double(tip.y * ch) / 2
        let dx = Double((tip.x - from.x).signum()), dy = Double((tip.y - from.y).signum())
        let length = 0.9 * Double(min(cw, ch)), half = 0.45 * Double(min(cw, ch))
        let bx = tx - dx * length, by = ty - dy * length
        let (ax, ay) = (bx + dy * half, by + dx * half), (cx, cy) = (bx - dy * half, by - dx * half)
        return "<polygon class=\"arrowhead\" data-edge=\"\(edge)\" points=\""
            + [(tx, ty), (ax, ay), (cx, cy)].map { SVGText.number($0.0) + "," + SVGText.number($0.1) }.joined(separator: " ")
            + "\"/>\n"
    }
}

/// Text for SVG: escaped for XML, characters XML cannot carry replaced.
enum SVGText {
    static func escape(_ s: String) -> String {
        // Invisible characters (zero-width, joiners between letters, tags, noncharacters) are
        // shown as U+XXXX, as in the other exports; emoji sequences keep theirs.
        let s = InvisibleCharacters.showingInvisible(s) { "U+" + String($0, radix: 16, uppercase: true) }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                let v = u.value
                let allowed = v == 0x9 || v == 0xA || v == 0xD || (0x20...0xD7FF).contains(v)
                    || (0xE000...0xFFFD).contains(v) || (0x10000...0x10FFFF).contains(v)
                // Controls (C0, DEL, C1) and bidi overrides never reach the document raw.
                let control = (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
                if !allowed || control || v < 0x20 { out.unicodeScalars.append("\u{FFFD}") } else { out.unicodeScalars.append(u) }
            }
        }
        return out
    }

    static func attribute(_ s: String) -> String { escape(s) }

    /// A number with at most two decimals, no trailing zeros.
    static func number(_ v: Double) -> String {
        let r = (v * 100).rounded() / 100
        if r == r.rounded() { return String(Int(r)) }
        var s = String(r)
        while s.hasSuffix("0") { s.removeLast() }
        return s
    }

    /// `line` split after its first `columns` display columns (the kind tag).
    static func splitAfter(columns: Int, _ line: String) -> (String, String)? {
        var w = 0
        var i = line.startIndex
        while i < line.endIndex && w < columns {
            w += DisplayWidth.of(line[i])
            i = line.index(after: i)
        }
        return w == columns ? (String(line[..<i]), String(line[i...])) : nil
    }
}
