import Foundation
@testable import DiagramLayout

/// Reads a rendered diagram back and lists every broken guarantee (empty when all hold).
enum Invariants {
    static let U: UInt8 = 1, D: UInt8 = 2, L: UInt8 = 4, R: UInt8 = 8

    /// Connection arms of an edge glyph (nil when the character is not an edge glyph).
    static func arms(_ c: Character) -> UInt8? {
        switch c {
        case "│", "┆", "╎", "|", ":": return U | D
        case "─", "┄", "╌", "-", ".": return L | R
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
        // Labels: drawn beside the edge (or as a marker) and/or in the legend; never on boxes.
        let ell: Character = ascii ? "~" : "…"
        for (i, e) in graph.edges.enumerated() {
            guard let raw = e.label else { continue }
            let expected = LabelText.truncate(LabelText.sanitize(raw), width: options.maxLabelWidth, ellipsis: ell)
            if expected.allSatisfy({ $0 == " " }) { continue }
            var shown = ""
            if i < d.edgeLabelRects.count, let lr = d.edgeLabelRects[i] {
                for x in lr.x..<lr.maxX {
                    if d.role(x: x, y: lr.y) == .continuation { continue }
                    if d.role(x: x, y: lr.y) != .label { fail("label \(i) cell \(x),\(lr.y) has role \(d.role(x: x, y: lr.y))") }
                    shown.append(d.cell(x: x, y: lr.y) ?? "?")
                    if inBox[lr.y * d.width + x] { fail("label \(i) covers a box") }
                }
            }
            let inLegend = d.legend.contains { $0.hasSuffix(": " + expected) }
            if shown != expected && !inLegend { fail("label \(i) '\(expected)' missing (shown '\(shown)')") }
            if shown != expected && shown.hasPrefix("(") && !d.legend.contains(where: { $0.hasPrefix(shown + " ") }) {
                fail("marker \(shown) has no legend line")
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
