// Graphviz dot on the same graphs as the diagram benchmark: the graph written as DOT (boxes with
// the same text, edges with the same labels), laid out by `dot -Tplain`, and the crossings of
// its edge routes counted: every B-spline flattened to a polyline, proper intersections between
// the polylines of two different edges (touching at shared end points does not count).

import DiagramLayout
import Foundation

func dotPath() -> String? {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
        let p = "\(dir)/dot"
        if FileManager.default.isExecutableFile(atPath: p) { return p }
    }
    return nil
}

/// The graph as DOT input, top to bottom, boxes labelled like ours.
func dotSource(_ g: DiagramGraph) -> String {
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

/// Runs dot; returns (seconds, crossings of its edge routes), or nil on failure or timeout.
func runDot(_ exe: String, _ g: DiagramGraph, timeout: Double) -> (seconds: Double, crossings: Int)? {
    let dir = FileManager.default.temporaryDirectory
    let stem = "sysdraft-bench-dot-\(ProcessInfo.processInfo.processIdentifier)-\(g.nodes.count)-\(g.edges.count)"
    let input = dir.appendingPathComponent(stem + ".dot"), output = dir.appendingPathComponent(stem + ".plain")
    defer {
        try? FileManager.default.removeItem(at: input)
        try? FileManager.default.removeItem(at: output)
    }
    do { try dotSource(g).write(to: input, atomically: true, encoding: .utf8) } catch { return nil }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: exe)
    p.arguments = ["-Tplain", "-o", output.path, input.path]
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    let clock = ContinuousClock()
    let start = clock.now
    do { try p.run() } catch { return nil }
    var timedOut = false
    while p.isRunning {
        if ms(clock.now - start) > timeout * 1000 { p.terminate(); timedOut = true; break }
        usleep(10_000)
    }
    p.waitUntilExit()
    let seconds = ms(clock.now - start) / 1000
    guard !timedOut, p.terminationStatus == 0, let text = try? String(contentsOf: output, encoding: .utf8) else { return nil }
    return (seconds, splineCrossings(plain: text))
}

/// Crossings between the edge routes of a `dot -Tplain` layout.
func splineCrossings(plain: String) -> Int {
    // Polylines per edge.
    var lines: [[(Double, Double)]] = []
    for row in plain.split(separator: "\n") where row.hasPrefix("edge ") {
        let t = tokens(String(row))
        guard t.count > 4, let n = Int(t[3]), t.count >= 4 + 2 * n else { continue }
        var pts: [(Double, Double)] = []
        for i in 0..<n { pts.append((Double(t[4 + 2 * i]) ?? 0, Double(t[5 + 2 * i]) ?? 0)) }
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
        lines.append(poly)
    }
    // Segments bucketed on a grid; an intersection is counted in the cell that holds it.
    struct Seg { var edge: Int; var a: (Double, Double); var b: (Double, Double); var first: Bool; var last: Bool }
    var segs: [Seg] = []
    for (e, poly) in lines.enumerated() where poly.count > 1 {
        for i in 0..<(poly.count - 1) { segs.append(Seg(edge: e, a: poly[i], b: poly[i + 1], first: i == 0, last: i == poly.count - 2)) }
    }
    let cell = 0.25   // inches
    var buckets: [Int64: [Int32]] = [:]
    func key(_ x: Int, _ y: Int) -> Int64 { Int64(x) << 32 | Int64(UInt32(bitPattern: Int32(y))) }
    for (i, s) in segs.enumerated() {
        let x0 = Int((min(s.a.0, s.b.0) / cell).rounded(.down)), x1 = Int((max(s.a.0, s.b.0) / cell).rounded(.down))
        let y0 = Int((min(s.a.1, s.b.1) / cell).rounded(.down)), y1 = Int((max(s.a.1, s.b.1) / cell).rounded(.down))
        for x in x0...x1 { for y in y0...y1 { buckets[key(x, y), default: []].append(Int32(i)) } }
    }
    var points: [Int64: [(Int, Int, Double, Double)]] = [:]
    var count = 0
    for (k, list) in buckets {
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
                let near = points[k, default: []].contains { $0.0 == pair.0 && $0.1 == pair.1 && abs($0.2 - x) < 0.02 && abs($0.3 - y) < 0.02 }
                if near { continue }
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

/// Splits a -Tplain line into tokens (double-quoted tokens may hold spaces).
private func tokens(_ line: String) -> [String] {
    var out: [String] = []
    var cur = ""
    var quoted = false
    var escaped = false
    for ch in line {
        if quoted {
            if escaped { cur.append(ch); escaped = false; continue }
            if ch == "\\" { escaped = true; continue }
            if ch == "\"" { quoted = false; continue }
            cur.append(ch)
        } else if ch == "\"" {
            quoted = true
        } else if ch == " " {
            if !cur.isEmpty { out.append(cur); cur = "" }
        } else {
            cur.append(ch)
        }
    }
    if !cur.isEmpty { out.append(cur) }
    return out
}
