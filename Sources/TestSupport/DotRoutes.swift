// Crossings of graphviz dot's edge routes, for comparing our drawing with dot's (the benchmark
// and the tests): the graph written as DOT (boxes with the same text, edges with the same
// labels), and from dot's `-Tjson` layout every B-spline flattened to a polyline and extended by
// its arrowheads' straight runs to their tips; a crossing is a proper intersection between the
// polylines of two different edges (touching where edges leave or enter one node does not count).
// The splines alone (what `-Tplain` shows) stop at the base of each arrowhead and so miss the
// crossings under arrowheads; that count is kept beside the other.

import DiagramLayout
import Foundation

/// The graph as DOT input, top to bottom, boxes labelled like ours.
public func dotSource(_ g: DiagramGraph) -> String {
    func q(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
    var out = "digraph G {\n  node [shape=box, fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n"
    for n in g.nodes { out += "  \(q(n.id)) [label=\(q((n.tag.map { "[\($0)] " } ?? "") + n.label))];\n" }
    for e in g.edges {
        var attrs: [String] = []
        if let l = e.label { attrs.append("label=\(q(l))") }
        if e.dashed { attrs.append("style=dashed") }
        if e.bothEnds { attrs.append("dir=both") }
        out += "  \(q(e.from)) -> \(q(e.to))" + (attrs.isEmpty ? "" : " [" + attrs.joined(separator: ", ") + "]") + ";\n"
    }
    return out + "}\n"
}

/// dot's crossings on one graph: `splines` between the B-splines alone (what `-Tplain` gives:
/// each route stops at the base of its arrowhead), `routes` between the whole routes (the spline
/// and the arrowhead's straight run to the tip on the node's border, from `pos` of `-Tjson`).
public struct DotCrossings: Sendable, Equatable {
    public var splines: Int
    public var routes: Int

    public init(splines: Int, routes: Int) {
        self.splines = splines
        self.routes = routes
    }
}

/// Both counts from dot's `-Tjson` output (nil when it is not a layout).
public func dotCrossings(json: Data) -> DotCrossings? {
    guard let routes = dotEdgeRoutes(json: json) else { return nil }
    return DotCrossings(splines: polylineCrossings(routes.map(\.spline)),
                        routes: polylineCrossings(routes.map { r in (r.start.map { [$0] } ?? []) + r.spline + (r.end.map { [$0] } ?? []) }))
}

/// Each edge's B-spline flattened to a polyline, and the tips of its arrowheads (points).
public func dotEdgeRoutes(json: Data) -> [(spline: [(Double, Double)], start: (Double, Double)?, end: (Double, Double)?)]? {
    guard let root = try? JSONSerialization.jsonObject(with: json) as? [String: Any] else { return nil }
    var out: [(spline: [(Double, Double)], start: (Double, Double)?, end: (Double, Double)?)] = []
    for case let edge as [String: Any] in (root["edges"] as? [Any]) ?? [] {
        guard let pos = edge["pos"] as? String else { continue }
        var pts: [(Double, Double)] = []
        var start: (Double, Double)?, end: (Double, Double)?
        for token in pos.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\\" }) {
            var t = token
            var kind: Character = " "
            if t.hasPrefix("s,") || t.hasPrefix("e,") { kind = t.first!; t = t.dropFirst(2) }
            let xy = t.split(separator: ",").compactMap { Double($0) }
            guard xy.count == 2 else { continue }
            switch kind {
            case "s": start = (xy[0], xy[1])
            case "e": end = (xy[0], xy[1])
            default: pts.append((xy[0], xy[1]))
            }
        }
        guard !pts.isEmpty else { continue }
        // Cubic Bézier pieces: p0 p1 p2 p3, p3 p4 p5 p6, …
        var poly: [(Double, Double)] = [pts[0]]
        var k = 0
        while k + 3 < pts.count {
            let (a, b, c, d) = (pts[k], pts[k + 1], pts[k + 2], pts[k + 3])
            for step in 1...16 {
                let u = Double(step) / 16, v = 1 - u
                let x = v * v * v * a.0 + 3 * v * v * u * b.0 + 3 * v * u * u * c.0 + u * u * u * d.0
                let y = v * v * v * a.1 + 3 * v * v * u * b.1 + 3 * v * u * u * c.1 + u * u * u * d.1
                poly.append((x, y))
            }
            k += 3
        }
        out.append((poly, start, end))
    }
    return out
}

/// Proper intersections between the polylines of two different edges (coordinates in points);
/// touching where two edges leave or enter one node does not count.
public func polylineCrossings(_ lines: [[(Double, Double)]]) -> Int {
    // Segments bucketed on a grid; an intersection is counted in the cell that holds it.
    struct Seg { var edge: Int; var a: (Double, Double); var b: (Double, Double); var first: Bool; var last: Bool }
    var segs: [Seg] = []
    for (e, poly) in lines.enumerated() where poly.count > 1 {
        for i in 0..<(poly.count - 1) { segs.append(Seg(edge: e, a: poly[i], b: poly[i + 1], first: i == 0, last: i == poly.count - 2)) }
    }
    let cell = 18.0   // a quarter inch
    let near = 1.44   // the same crossing seen on two pieces: within 0.02 inch
    var buckets: [Int64: [Int32]] = [:]
    func key(_ x: Int, _ y: Int) -> Int64 { Int64(x) << 32 | Int64(UInt32(bitPattern: Int32(y))) }
    for (i, s) in segs.enumerated() {
        let x0 = Int((min(s.a.0, s.b.0) / cell).rounded(.down)), x1 = Int((max(s.a.0, s.b.0) / cell).rounded(.down))
        let y0 = Int((min(s.a.1, s.b.1) / cell).rounded(.down)), y1 = Int((max(s.a.1, s.b.1) / cell).rounded(.down))
        for x in x0...x1 { for y in y0...y1 { buckets[key(x, y), default: []].append(Int32(i)) } }
    }
    var points: [Int64: [(Int, Int, Double, Double)]] = [:]
    var count = 0
    for k in buckets.keys.sorted() {
        let list = buckets[k]!
        if list.count < 2 { continue }
        for i in 0..<list.count {
            for j in (i + 1)..<list.count {
                let s = segs[Int(list[i])], t = segs[Int(list[j])]
                if s.edge == t.edge { continue }
                guard let (x, y, ends) = intersect(s.a, s.b, t.a, t.b) else { continue }
                // Edges leaving or entering one node touch at its border: not a crossing.
                if ends && ((s.first || s.last) && (t.first || t.last)) { continue }
                let cx = Int((x / cell).rounded(.down)), cy = Int((y / cell).rounded(.down))
                if key(cx, cy) != k { continue }
                // The same crossing found on two neighbouring pieces counts once.
                let pair = (min(s.edge, t.edge), max(s.edge, t.edge))
                let seen = points[k, default: []].contains { $0.0 == pair.0 && $0.1 == pair.1 && abs($0.2 - x) < near && abs($0.3 - y) < near }
                if seen { continue }
                points[k, default: []].append((pair.0, pair.1, x, y))
                count += 1
            }
        }
    }
    return count
}

/// Intersection point of two segments, and whether it is at an end of either (nil if none).
private func intersect(_ p: (Double, Double), _ p2: (Double, Double), _ q: (Double, Double), _ q2: (Double, Double)) -> (Double, Double, Bool)? {
    let r = (p2.0 - p.0, p2.1 - p.1), s = (q2.0 - q.0, q2.1 - q.1)
    let den = r.0 * s.1 - r.1 * s.0
    if abs(den) < 1e-12 { return nil }
    let qp = (q.0 - p.0, q.1 - p.1)
    let t = (qp.0 * s.1 - qp.1 * s.0) / den
    let u = (qp.0 * r.1 - qp.1 * r.0) / den
    if t < 0 || t > 1 || u < 0 || u > 1 { return nil }
    let eps = 1e-6
    let atEnd = t < eps || t > 1 - eps || u < eps || u > 1 - eps
    return (p.0 + t * r.0, p.1 + t * r.1, atEnd)
}
