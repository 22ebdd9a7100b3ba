import TerminalText

// Text rendering: frames, boxes, edges (each cell's glyph from the directions its edges take
// there), arrowheads, labels, then the drawing cropped to its content and the legend below it.

enum Render {
    static let up: UInt8 = 1, down: UInt8 = 2, left: UInt8 = 4, right: UInt8 = 8

    static func draw(_ e: Engine, _ geo: Geometry) -> Diagram {
        let ascii = e.options.ascii
        let p = e.p
        let W = geo.width, H = geo.height
        var cells = DiagramCells(count: W * H)
        var roles = [DiagramCellRole](repeating: .empty, count: W * H)
        func put(_ s: String, x: Int, y: Int, role: DiagramCellRole, firstRole: DiagramCellRole? = nil, roleUntil: Int = 0) {
            var cx = x
            for ch in s {
                let cw = DisplayWidth.of(ch)
                if cw == 0 { continue }
                guard cx >= 0, cx + cw <= W, y >= 0, y < H else { cx += cw; continue }
                let i = y * W + cx
                cells.set(i, ch)
                roles[i] = (firstRole != nil && cx - x < roleUntil) ? firstRole! : role
                if cw == 2 { cells.codes[i + 1] = DiagramCells.space; roles[i + 1] = .continuation }
                cx += cw
            }
        }

        // Group frames (outermost first, so nested frames draw over nothing of theirs).
        let frameH: Unicode.Scalar = ascii ? "=" : "═", frameV: Unicode.Scalar = ascii ? "!" : "║"
        let frameCorners: [Unicode.Scalar] = ascii ? ["#", "#", "#", "#"] : ["╔", "╗", "╚", "╝"]
        var frameCell = [UInt8](repeating: 0, count: W * H)   // 1 horizontal border, 2 vertical, 3 corner
        let groupOrder = (0..<p.groups.count).sorted { (p.groups.depth[$0], $0) < (p.groups.depth[$1], $1) }
        for gr in groupOrder {
            guard let f = geo.frames[gr] else { continue }
            for x in f.x..<f.maxX {
                for y in [f.y, f.maxY - 1] { cells.set(y * W + x, scalar: frameH); roles[y * W + x] = .groupFrame; frameCell[y * W + x] = 1 }
            }
            for y in f.y..<f.maxY {
                for x in [f.x, f.maxX - 1] { cells.set(y * W + x, scalar: frameV); roles[y * W + x] = .groupFrame; frameCell[y * W + x] = 2 }
            }
            let corners = [(f.x, f.y), (f.maxX - 1, f.y), (f.x, f.maxY - 1), (f.maxX - 1, f.maxY - 1)]
            for (k, (x, y)) in corners.enumerated() { cells.set(y * W + x, scalar: frameCorners[k]); frameCell[y * W + x] = 3 }
            if let t = geo.titles[gr] { put(t.text, x: t.x, y: t.y, role: .groupTitle) }
        }

        // Boxes.
        let hz: Unicode.Scalar = ascii ? "-" : "─", vt: Unicode.Scalar = ascii ? "|" : "│"
        let tl: Unicode.Scalar = ascii ? "+" : "┌", tr: Unicode.Scalar = ascii ? "+" : "┐"
        let bl: Unicode.Scalar = ascii ? "+" : "└", br: Unicode.Scalar = ascii ? "+" : "┘"
        for (v, r) in geo.boxes.enumerated() {
            for x in r.x..<r.maxX {
                let top = r.y * W + x, bot = (r.maxY - 1) * W + x
                cells.set(top, scalar: hz); cells.set(bot, scalar: hz)
                roles[top] = .boxBorder; roles[bot] = .boxBorder
            }
            for y in r.y..<r.maxY {
                let lc = y * W + r.x, rc = y * W + r.maxX - 1
                cells.set(lc, scalar: vt); cells.set(rc, scalar: vt)
                roles[lc] = .boxBorder; roles[rc] = .boxBorder
            }
            cells.set(r.y * W + r.x, scalar: tl); cells.set(r.y * W + r.maxX - 1, scalar: tr)
            cells.set((r.maxY - 1) * W + r.x, scalar: bl); cells.set((r.maxY - 1) * W + r.maxX - 1, scalar: br)
            for y in (r.y + 1)..<(r.maxY - 1) { for x in (r.x + 1)..<(r.maxX - 1) { roles[y * W + x] = .boxText } }
            let lines = p.boxLines[v], widths = p.boxLineWidths[v]
            let top = r.y + 1 + (r.height - 2 - lines.count) / 2
            for (k, line) in lines.enumerated() {
                let sx = r.x + 1 + (r.width - 2 - widths[k]) / 2
                put(line, x: sx, y: top + k, role: .boxText, firstRole: .tag, roleUntil: k == 0 ? p.tagColumns[v] : 0)
            }
        }

        // Edges: connection arms per cell, then glyphs, arrowheads and exit junctions.
        var arms = [UInt8](repeating: 0, count: W * H)
        var dashedUse = [Bool](repeating: false, count: W * H)
        var solidUse = [Bool](repeating: false, count: W * H)
        var lastOwner = [Int32](repeating: -1, count: W * H)
        var users = [UInt8](repeating: 0, count: W * H)
        let bits: [UInt8] = [up, down, left, right]
        for (i, path) in geo.paths.enumerated() {
            let (fromBox, toBox) = (geo.boxes[p.ends[i].0], geo.boxes[p.ends[i].1])
            for k in 0..<path.count {
                let pt = path[k]
                let c = pt.y * W + pt.x
                var a: UInt8 = 0
                a |= bits[k == 0 ? towardBox(pt, fromBox) : heading(pt, path[k - 1])]
                a |= bits[k == path.count - 1 ? towardBox(pt, toBox) : heading(pt, path[k + 1])]
                arms[c] |= a
                if p.dashed[i] { dashedUse[c] = true } else { solidUse[c] = true }
                if lastOwner[c] != Int32(i) {
                    lastOwner[c] = Int32(i)
                    if users[c] < 255 { users[c] += 1 }
                }
            }
        }
        var crossings = 0
        for c in 0..<(W * H) where arms[c] != 0 {
            if users[c] > 1 { crossings += 1 }
            let dashedOnly = dashedUse[c] && !solidUse[c]
            var glyph = edgeGlyph(arms[c], dashed: dashedOnly, ascii: ascii)
            if !ascii && frameCell[c] != 0 {
                let a = arms[c]
                if frameCell[c] == 1 && a == up | down { glyph = "╪" }
                if frameCell[c] == 2 && a == left | right { glyph = "╫" }
            }
            cells.set(c, scalar: glyph)
            roles[c] = .edge
        }
        let arrows: [Unicode.Scalar] = ascii ? ["^", "v", "<", ">"] : ["▲", "▼", "◀", "▶"]
        let junction: [Unicode.Scalar] = ascii ? ["+", "+", "+", "+"] : ["┴", "┬", "┤", "├"]
        for (i, path) in geo.paths.enumerated() {
            guard let first = path.first, let last = path.last else { continue }
            let rf = geo.boxes[p.ends[i].0], rt = geo.boxes[p.ends[i].1]
            let dIn = towardBox(last, rt)
            cells.set(last.y * W + last.x, scalar: arrows[dIn]); roles[last.y * W + last.x] = .arrowhead
            let dOut = towardBox(first, rf)
            if p.bothEnds[i] {
                cells.set(first.y * W + first.x, scalar: arrows[dOut]); roles[first.y * W + first.x] = .arrowhead
            } else {
                // The border cell the edge leaves from; the side is opposite the heading into it.
                let bx = first.x + [0, 0, -1, 1][dOut], by = first.y + [-1, 1, 0, 0][dOut]
                cells.set(by * W + bx, scalar: junction[dOut ^ 1])
            }
        }

        // Labels.
        var labelRects = [DiagramRect?](repeating: nil, count: geo.paths.count)
        for (i, spot) in geo.labelSpots.enumerated() {
            guard let spot else { continue }
            var w = 0
            for (k, line) in spot.lines.enumerated() {
                put(line, x: spot.x, y: spot.y + k, role: .label)
                w = max(w, DisplayWidth.of(line))
            }
            labelRects[i] = DiagramRect(x: spot.x, y: spot.y, width: w, height: spot.lines.count)
        }

        return crop(e, geo, cells: cells, roles: roles, labelRects: labelRects, crossings: crossings)
    }

    /// The drawing cropped to its content, with the legend (wrapped, never cut) below it.
    static func crop(_ e: Engine, _ geo: Geometry, cells: DiagramCells, roles: [DiagramCellRole],
                     labelRects: [DiagramRect?], crossings: Int) -> Diagram {
        let p = e.p
        let W = geo.width, H = geo.height
        var minX = W, minY = H, maxX = -1, maxY = -1
        for y in 0..<H {
            for x in 0..<W where roles[y * W + x] != .empty {
                minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
            }
        }
        if maxX < 0 { minX = 0; minY = 0; maxX = 0; maxY = 0 }
        let cw = maxX - minX + 1, ch = maxY - minY + 1
        let legendWidth = e.options.legendWidth ?? max(cw, 40)
        var legendLines: [String] = []
        for entry in p.legend { legendLines += wrapLegend(entry, width: legendWidth) }
        var fw = cw
        for l in legendLines { fw = max(fw, DisplayWidth.of(l)) }
        let fh = ch + (legendLines.isEmpty ? 0 : legendLines.count + 1)
        var fCells = DiagramCells(count: fw * fh)
        fCells.clusters = cells.clusters
        var fRoles = [DiagramCellRole](repeating: .empty, count: fw * fh)
        for y in 0..<ch {
            let src = (y + minY) * W + minX
            let dst = y * fw
            for x in 0..<cw { fCells.codes[dst + x] = cells.codes[src + x]; fRoles[dst + x] = roles[src + x] }
        }
        for (k, l) in legendLines.enumerated() {
            var cx = 0
            let row = (ch + 1 + k) * fw
            for c in l {
                let w = DisplayWidth.of(c)
                if w == 0 { continue }
                fCells.set(row + cx, c); fRoles[row + cx] = .legend
                if w == 2 { fRoles[row + cx + 1] = .continuation }
                cx += w
            }
        }
        func shift(_ r: DiagramRect) -> DiagramRect { DiagramRect(x: r.x - minX, y: r.y - minY, width: r.width, height: r.height) }
        var nodeRects: [String: DiagramRect] = [:]
        for (v, id) in p.ids.enumerated() { nodeRects[id] = shift(geo.boxes[v]) }
        let paths = geo.paths.map { $0.map { DiagramPoint(x: $0.x - minX, y: $0.y - minY) } }
        var groupRects: [String: DiagramRect] = [:], groupTitles: [String: String] = [:]
        var groupIDs: [String] = []
        let order = (0..<p.groups.count).sorted { (p.groups.depth[$0], $0) < (p.groups.depth[$1], $1) }
        for gr in order {
            guard let f = geo.frames[gr] else { continue }
            groupIDs.append(p.groups.ids[gr])
            groupRects[p.groups.ids[gr]] = shift(f)
            groupTitles[p.groups.ids[gr]] = p.groups.titles[gr]
        }
        var nodeGroups: [String: [String]] = [:]
        for (v, id) in p.ids.enumerated() where v < p.groups.nodeGroup.count && p.groups.nodeGroup[v] >= 0 {
            nodeGroups[id] = p.groups.path(p.groups.nodeGroup[v]).map { p.groups.ids[$0] }
        }
        let placements: [DiagramLabelPlacement] = p.labels.map { l in
            guard let l else { return .none }
            return l.reference.map { .reference($0) } ?? .full
        }
        return Diagram(width: fw, height: fh, storage: fCells, roles: fRoles, nodeIDs: p.ids, nodeRects: nodeRects,
                       edgePaths: paths, edgeEnds: p.ends.map { Diagram.EdgeEnds(from: $0.0, to: $0.1) },
                       edgeLabelRects: labelRects.map { $0.map(shift) }, legend: p.legend, crossings: crossings,
                       labelPlacements: placements, edgeLabelLines: p.labels.map { $0?.lines ?? [] },
                       edgeIDs: p.edgeIDs, edgeDashed: p.dashed, edgeBothEnds: p.bothEnds,
                       nodeLines: p.boxLines, nodeTagColumns: p.tagColumns,
                       groupIDs: groupIDs, groupRects: groupRects, groupTitles: groupTitles, nodeGroups: nodeGroups,
                       direction: e.options.direction, drawingHeight: ch)
    }

    /// A legend entry on as many lines as it needs, continuation lines indented past the marker.
    static func wrapLegend(_ entry: String, width: Int) -> [String] {
        if DisplayWidth.of(entry) <= width { return [entry] }
        let indent = min(8, (entry.firstIndex(of: " ").map { entry.distance(from: entry.startIndex, to: $0) } ?? 0) + 1)
        var lines: [String] = []
        var rest = LabelText.greedy(entry, width: width)
        let first = rest.removeFirst()
        lines.append(first)
        let tail = rest.joined(separator: " ")
        if !tail.isEmpty {
            for l in LabelText.greedy(tail, width: max(8, width - indent)) { lines.append(String(repeating: " ", count: indent) + l) }
        }
        return lines
    }

    /// Heading from cell `a` to the 4-neighbour `b` (0 up, 1 down, 2 left, 3 right).
    static func heading(_ a: DiagramPoint, _ b: DiagramPoint) -> Int {
        if b.y < a.y { return 0 }
        if b.y > a.y { return 1 }
        if b.x < a.x { return 2 }
        return 3
    }

    /// Heading from an outside cell into the adjacent rect.
    static func towardBox(_ c: DiagramPoint, _ r: DiagramRect) -> Int {
        if c.y == r.y - 1 { return 1 }
        if c.y == r.maxY { return 0 }
        if c.x == r.x - 1 { return 3 }
        return 2
    }

    static func edgeGlyph(_ a: UInt8, dashed: Bool, ascii: Bool) -> Unicode.Scalar {
        let u = a & up != 0, d = a & down != 0, l = a & left != 0, r = a & right != 0
        let vertical = (u || d) && !l && !r
        let horizontal = (l || r) && !u && !d
        if ascii {
            if vertical { return dashed ? ":" : "|" }
            if horizontal { return dashed ? "." : "-" }
            return "+"
        }
        if vertical { return dashed ? "┆" : "│" }
        if horizontal { return dashed ? "┄" : "─" }
        switch (u, d, l, r) {
        case (false, true, false, true): return "┌"
        case (false, true, true, false): return "┐"
        case (true, false, false, true): return "└"
        case (true, false, true, false): return "┘"
        case (true, true, false, true): return "├"
        case (true, true, true, false): return "┤"
        case (false, true, true, true): return "┬"
        case (true, false, true, true): return "┴"
        default: return "┼"
        }
    }
}
