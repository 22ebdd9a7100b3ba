import Foundation
@testable import DiagramLayout

/// Reads a rendered diagram back and lists every broken guarantee (empty when all hold).
enum Invariants {
    static let U: UInt8 = 1, D: UInt8 = 2, L: UInt8 = 4, R: UInt8 = 8

    /// Connection arms of an edge glyph (nil when the character is not an edge glyph).
    static func arms(_ c: Character) -> UInt8? {
        switch c {
        case "│", "┆", "╎", "|", ":", "╪": return U | D
        case "─", "┄", "╌", "-", ".", "╫": return L | R
        case "┌": return D | R
        case "┐": return D | L
        case "└": return U | R
        case "┘": return U | L
        case "├": return U | D | R
        case "┤": return U | D | L
        case "┬": return L | R | D
        case "┴": return L | R | U
        case "┼", "+": return U | D | L | R
        default: return nil
        }
    }

    static func arrow(_ heading: Int, ascii: Bool) -> Character {
        (ascii ? ["^", "v", "<", ">"] : ["▲", "▼", "◀", "▶"])[heading]
    }

    static let borderGlyphs: Set<Character> = ["┌", "┐", "└", "┘", "─", "│", "┬", "┴", "├", "┤", "+", "-", "|"]

    /// Heading from outside point p into rect r when p touches one of r's sides, else nil.
    static func headingInto(_ p: DiagramPoint, _ r: DiagramRect) -> Int? {
        if p.x >= r.x && p.x < r.maxX {
            if p.y == r.y - 1 { return 1 }
            if p.y == r.maxY { return 0 }
        }
        if p.y >= r.y && p.y < r.maxY {
            if p.x == r.x - 1 { return 3 }
            if p.x == r.maxX { return 2 }
        }
        return nil
    }

    static func check(_ graph: DiagramGraph, _ d: Diagram, options: DiagramOptions, checkOverlapsPairwise: Bool = true) -> [String] {
        var problems: [String] = []
        func fail(_ s: String) { if problems.count < 20 { problems.append(s) } }
        let ascii = options.ascii

        // Every node (and every edge endpoint) has a box inside the drawing.
        var ids = graph.nodes.map(\.id)
        for e in graph.edges { ids.append(e.from); ids.append(e.to) }
        for id in ids {
            guard let r = d.nodeRects[id] else { fail("no box for \(id)"); continue }
            if r.x < 0 || r.y < 0 || r.maxX > d.width || r.maxY > d.height || r.width < 3 || r.height < 3 {
                fail("box \(id) out of bounds \(r)")
            }
        }
        let rects = Array(d.nodeRects.values)
        var inBox = [Bool](repeating: false, count: d.width * d.height)
        for r in rects where r.x >= 0 && r.y >= 0 && r.maxX <= d.width && r.maxY <= d.height {
            for y in r.y..<r.maxY { for x in r.x..<r.maxX { inBox[y * d.width + x] = true } }
        }
        // Boxes never overlap.
        if checkOverlapsPairwise {
            for i in 0..<rects.count {
                for j in (i + 1)..<rects.count where rects[i].intersects(rects[j]) {
                    fail("boxes overlap: \(rects[i]) \(rects[j])")
                }
            }
        } else {
            var owner = [Int](repeating: -1, count: d.width * d.height)
            for (i, r) in rects.enumerated() {
                for y in r.y..<r.maxY { for x in r.x..<r.maxX {
                    if owner[y * d.width + x] >= 0 { fail("boxes overlap at \(x),\(y)") }
                    owner[y * d.width + x] = i
                } }
            }
        }
        // Borders intact, interiors hold only box text.
        for r in rects where r.maxX <= d.width && r.maxY <= d.height && r.x >= 0 && r.y >= 0 {
            for y in r.y..<r.maxY {
                for x in r.x..<r.maxX {
                    let border = y == r.y || y == r.maxY - 1 || x == r.x || x == r.maxX - 1
                    let role = d.role(x: x, y: y)
                    if border {
                        if role != .boxBorder || !borderGlyphs.contains(d.cell(x: x, y: y) ?? "?") {
                            fail("border broken at \(x),\(y): \(String(describing: d.cell(x: x, y: y))) \(role)")
                        }
                    } else if role != .boxText && role != .tag && role != .continuation {
                        fail("box interior overwritten at \(x),\(y) by \(role)")
                    }
                }
            }
        }
        // Every edge drawn, as a connected run of edge glyphs between its two boxes.
        if d.edgePaths.count != graph.edges.count { fail("edge path count \(d.edgePaths.count) != \(graph.edges.count)") }
        for (i, e) in graph.edges.enumerated() where i < d.edgePaths.count {
            let p = d.edgePaths[i]
            guard let first = p.first, let last = p.last, let rf = d.nodeRects[e.from], let rt = d.nodeRects[e.to] else {
                fail("edge \(i) \(e.from)->\(e.to) not drawn"); continue
            }
            guard let hOut = headingInto(first, rf) else { fail("edge \(i) does not start at \(e.from)'s box"); continue }
            guard let hIn = headingInto(last, rt) else { fail("edge \(i) does not end at \(e.to)'s box"); continue }
            for q in p {
                if q.x < 0 || q.y < 0 || q.x >= d.width || q.y >= d.height { fail("edge \(i) leaves the drawing"); break }
                if inBox[q.y * d.width + q.x] { fail("edge \(i) runs through a box at \(q)") }
            }
            if !problems.isEmpty { continue }
            // Arrowheads.
            if d.cell(x: last.x, y: last.y) != arrow(hIn, ascii: ascii) || d.role(x: last.x, y: last.y) != .arrowhead {
                fail("edge \(i) has no arrowhead into \(e.to) at \(last): \(String(describing: d.cell(x: last.x, y: last.y)))")
            }
            if e.bothEnds && p.count > 1 {
                if d.cell(x: first.x, y: first.y) != arrow(hOut, ascii: ascii) { fail("two-way edge \(i) lacks its back arrowhead") }
            }
            // Consecutive cells are neighbours whose glyphs connect toward each other.
            func armsAt(_ q: DiagramPoint, index k: Int) -> UInt8? {
                let role = d.role(x: q.x, y: q.y)
                if role == .arrowhead { return U | D | L | R }
                guard role == .edge, let c = d.cell(x: q.x, y: q.y) else { return nil }
                return arms(c)
            }
            let bit: [UInt8] = [U, D, L, R]
            for k in 0..<p.count {
                guard let a = armsAt(p[k], index: k) else { fail("edge \(i) cell \(p[k]) is not an edge glyph (\(d.role(x: p[k].x, y: p[k].y)))"); break }
                if k == 0 && a & bit[hOut] == 0 { fail("edge \(i) start glyph does not reach its box") }
                if k == p.count - 1 && a & bit[hIn] == 0 { fail("edge \(i) end glyph does not reach its box") }
                if k + 1 < p.count {
                    let q = p[k + 1]
                    let dx = q.x - p[k].x, dy = q.y - p[k].y
                    guard abs(dx) + abs(dy) == 1 else { fail("edge \(i) path jumps at \(p[k])"); break }
                    let h = dy == -1 ? 0 : dy == 1 ? 1 : dx == -1 ? 2 : 3
                    if a & bit[h] == 0 { fail("edge \(i) glyph at \(p[k]) does not connect toward \(q)"); break }
                    if let b = armsAt(q, index: k + 1), b & bit[h ^ 1] == 0 { fail("edge \(i) glyph at \(q) does not connect back"); break }
                }
            }
        }
        // Labels: the whole label beside its own edge, or a numbered marker there and the whole
        // label in the legend; never on boxes or edges; no two labels touching.
        var edgeCell = [Bool](repeating: false, count: d.width * d.height)
        for p in d.edgePaths { for q in p where q.x >= 0 && q.y >= 0 && q.x < d.width && q.y < d.height { edgeCell[q.y * d.width + q.x] = true } }
        for (i, e) in graph.edges.enumerated() {
            guard let raw = e.label else { continue }
            let expected = LabelText.sanitize(raw).split(separator: " ").joined(separator: " ")
            if expected.isEmpty { continue }
            guard i < d.labelPlacements.count else { fail("no placement for label \(i)"); continue }
            guard let lr = d.edgeLabelRects[i] else { fail("label \(i) '\(expected)' not drawn"); continue }
            var lines: [String] = []
            for y in lr.y..<lr.maxY {
                var line = ""
                for x in lr.x..<lr.maxX {
                    let role = d.role(x: x, y: y)
                    if role == .continuation { continue }
                    if inBox[y * d.width + x] { fail("label \(i) covers a box at \(x),\(y)") }
                    if edgeCell[y * d.width + x] { fail("label \(i) covers an edge at \(x),\(y)") }
                    if role == .label { line.append(d.cell(x: x, y: y) ?? "?") } else if role != .empty { fail("label \(i) cell \(x),\(y) has role \(role)") }
                }
                lines.append(line.trimmingCharacters(in: .whitespaces))
            }
            let shown = lines.joined(separator: " ")
            switch d.labelPlacements[i] {
            case .full:
                if shown != expected { fail("label \(i) shows '\(shown)', expected '\(expected)'") }
            case .reference(let k):
                if shown != "(\(k))" { fail("label \(i) marker '\(shown)' is not (\(k))") }
                if !d.legend.contains(where: { $0.hasPrefix("(\(k)) ") && $0.hasSuffix(": " + LabelText.sanitize(raw)) }) {
                    fail("legend has no entry (\(k)) for label \(i)")
                }
            case .none:
                fail("label \(i) has no placement")
            }
            // Beside its own edge: within two cells of a cell of its path.
            let near = d.edgePaths[i].contains { p in p.x >= lr.x - 2 && p.x < lr.maxX + 2 && p.y >= lr.y - 1 && p.y < lr.maxY + 1 }
            if !near { fail("label \(i) is not beside its edge") }
        }
        let labelled = d.edgeLabelRects.enumerated().compactMap { i, r in r.map { (i, $0) } }
        for a in 0..<labelled.count {
            for b in (a + 1)..<labelled.count {
                let (i, r) = labelled[a], (j, t) = labelled[b]
                let grown = DiagramRect(x: r.x - 1, y: r.y - 1, width: r.width + 2, height: r.height + 2)
                if grown.intersects(t) { fail("labels \(i) and \(j) touch: \(r) \(t)") }
            }
        }
        // The legend is never cut: every entry's words appear in the legend lines under the drawing.
        if !d.legend.isEmpty {
            var legendText = ""
            for y in d.drawingHeight..<d.height { legendText += d.line(y).trimmingCharacters(in: .whitespaces) + " " }
            let flat = legendText.split(separator: " ").joined(separator: " ")
            for entry in d.legend where !flat.contains(entry.split(separator: " ").joined(separator: " ")) {
                fail("legend entry not shown whole: \(entry)")
            }
        }
        // Group frames enclose exactly their members.
        var memberOf: [String: Set<String>] = [:]
        for (node, path) in d.nodeGroups { for gid in path { memberOf[gid, default: []].insert(node) } }
        for gid in d.groupIDs {
            guard let f = d.groupRects[gid] else { fail("group \(gid) has no frame"); continue }
            let members = memberOf[gid] ?? []
            if members.isEmpty { fail("group \(gid) drawn without members") }
            for (id, r) in d.nodeRects {
                let inside = f.insetBy(1).contains(r)
                if members.contains(id) != inside { fail("group \(gid) frame \(f) \(inside ? "encloses" : "misses") \(id) \(r)") }
                if !inside && r.intersects(f) { fail("box \(id) overlaps frame \(gid)") }
            }
        }
        for a in 0..<d.groupIDs.count {
            for b in (a + 1)..<d.groupIDs.count {
                guard let fa = d.groupRects[d.groupIDs[a]], let fb = d.groupRects[d.groupIDs[b]] else { continue }
                let nested = fa.insetBy(1).contains(fb) || fb.insetBy(1).contains(fa)
                if fa.intersects(fb) && !nested { fail("frames \(d.groupIDs[a]) and \(d.groupIDs[b]) overlap") }
            }
        }
        // No raw control or bidi characters anywhere in the output.
        for u in d.text().unicodeScalars {
            let v = u.value
            if (v < 0x20 && v != 0x0A) || (v >= 0x7F && v <= 0x9F) || (v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069) {
                fail(String(format: "raw control U+%04X in output", v)); break
            }
        }
        return problems
    }
}
