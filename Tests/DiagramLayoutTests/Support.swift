import TestSupport
import Foundation
@testable import DiagramLayout

typealias SeededRNG = SeededGenerator

enum Samples {
    static func g(_ nodes: [(String, String?)], _ edges: [(String, String)]) -> DiagramGraph {
        DiagramGraph(nodes: nodes.map { .init(id: $0.0, label: $0.0, tag: $0.1) },
                     edges: edges.map { .init(from: $0.0, to: $0.1) })
    }

    static let cycle = g([("A", nil), ("B", nil), ("C", nil)], [("A", "B"), ("B", "C"), ("C", "A")])
    static let diamond = g([("Top", nil), ("Left", nil), ("Right", nil), ("Bottom", nil)],
                           [("Top", "Left"), ("Top", "Right"), ("Left", "Bottom"), ("Right", "Bottom")])
    static let fanOut12 = g([("LB", "LB")] + (1...12).map { ("s\($0)", nil) }, (1...12).map { ("LB", "s\($0)") })
    static let two = DiagramGraph(nodes: [.init(id: "api", label: "API"), .init(id: "db", label: "Orders", tag: "DB")],
                                  edges: [.init(from: "api", to: "db", label: "SQL")])
    static let selfLoop = DiagramGraph(nodes: [.init(id: "w", label: "Worker"), .init(id: "q", label: "Jobs", tag: "Q")],
                                       edges: [.init(from: "w", to: "w", label: "retry"), .init(from: "q", to: "w", dashed: true)])
    static let parallel = DiagramGraph(nodes: [.init(id: "a", label: "Client"), .init(id: "b", label: "Server")],
                                       edges: [.init(from: "a", to: "b", label: "GET"), .init(from: "a", to: "b", label: "POST"),
                                               .init(from: "b", to: "a", label: "push", dashed: true),
                                               .init(from: "a", to: "b", bothEnds: true)])
    static let longLabels = DiagramGraph(
        nodes: [.init(id: "a", label: "A rather long component name that must wrap over lines", tag: "Service"),
                .init(id: "b", label: "Short"),
                .init(id: "c", label: "Another extremely verbose name for a database cluster", tag: "DB")],
        edges: [.init(from: "a", to: "b", label: "a very long edge label that will be truncated"),
                .init(from: "a", to: "c", label: "writes rows")])
    static let wide = DiagramGraph(
        nodes: [.init(id: "u", label: "用户 👤"), .init(id: "g", label: "网关 Gateway", tag: "LB"),
                .init(id: "d", label: "データベース", tag: "DB"), .init(id: "e", label: "Cafe\u{301} ☕︎ e\u{301}")],
        edges: [.init(from: "u", to: "g", label: "请求"), .init(from: "g", to: "d"), .init(from: "g", to: "e", dashed: true)])
    static let hostile = DiagramGraph(
        nodes: [.init(id: "x", label: "evil\u{1B}[31m red \u{202E}txt\u{7}"), .init(id: "y", label: "\u{301}mark")],
        edges: [.init(from: "x", to: "y", label: "\u{9B}2J\u{2066}ok")])

    /// A URL shortener, roughly the worked example: 10 components, 13 flows.
    static let urlShortener = DiagramGraph(
        nodes: [
            .init(id: "client", label: "Client"),
            .init(id: "cdn", label: "CDN"),
            .init(id: "lb", label: "Load balancer", tag: "LB"),
            .init(id: "api", label: "Shortener API"),
            .init(id: "redirect", label: "Redirect service"),
            .init(id: "cache", label: "Hot links", tag: "Cache"),
            .init(id: "db", label: "URL store", tag: "DB"),
            .init(id: "idgen", label: "ID generator"),
            .init(id: "queue", label: "Click events", tag: "Q"),
            .init(id: "analytics", label: "Analytics"),
        ],
        edges: [
            .init(from: "client", to: "cdn", label: "GET /abc"),
            .init(from: "cdn", to: "lb", label: "miss"),
            .init(from: "client", to: "lb", label: "POST /urls"),
            .init(from: "lb", to: "api"),
            .init(from: "lb", to: "redirect"),
            .init(from: "api", to: "idgen", label: "next id"),
            .init(from: "api", to: "db", label: "insert"),
            .init(from: "redirect", to: "cache", label: "lookup", bothEnds: true),
            .init(from: "redirect", to: "db", label: "on miss"),
            .init(from: "cache", to: "db", dashed: true),
            .init(from: "redirect", to: "queue", label: "click", dashed: true),
            .init(from: "queue", to: "analytics", dashed: true),
            .init(from: "analytics", to: "db", label: "reads"),
        ])

    /// Random graph: cycles, self-loops, parallel edges, disconnected parts, labels, flags, and
    /// (in about half of them) nested groups, some empty, some with unknown parents.
    static func random(seed: UInt64) -> DiagramGraph {
        var rng = SeededRNG(seed: seed)
        let n = Int.random(in: 1...14, using: &rng)
        let words = ["api", "db", "Cache", "queue", "用户", "LB", "svc", "a b c d e", "x"]
        var nodes: [DiagramGraph.Node] = []
        for i in 0..<n {
            let label = words[Int.random(in: 0..<words.count, using: &rng)] + "\(i)"
            let tag: String? = Bool.random(using: &rng) ? nil : ["LB", "DB", "Q", "Cache"][Int.random(in: 0..<4, using: &rng)]
            nodes.append(.init(id: "n\(i)", label: label, tag: tag))
        }
        let m = Int.random(in: 0...(n * 2 + 1), using: &rng)
        var edges: [DiagramGraph.Edge] = []
        for _ in 0..<m {
            let a = Int.random(in: 0..<n, using: &rng)
            let b = Int.random(in: 0..<10, using: &rng) == 0 ? a : Int.random(in: 0..<n, using: &rng)
            let label: String? = Int.random(in: 0..<3, using: &rng) == 0 ? ["HTTP", "writes", "x", "async event", "a rather long label on a flow"][Int.random(in: 0..<5, using: &rng)] : nil
            edges.append(.init(from: "n\(a)", to: "n\(b)", label: label,
                               dashed: Int.random(in: 0..<4, using: &rng) == 0,
                               bothEnds: Int.random(in: 0..<6, using: &rng) == 0))
        }
        var groups: [DiagramGraph.Group] = []
        if Bool.random(using: &rng) {
            let k = Int.random(in: 1...4, using: &rng)
            for i in 0..<k {
                let parent: String? = i > 0 && Bool.random(using: &rng) ? "g\(Int.random(in: 0..<i, using: &rng))"
                    : (Int.random(in: 0..<8, using: &rng) == 0 ? "nowhere" : nil)
                groups.append(.init(id: "g\(i)", label: ["us-east-1", "VPC", "Payments team", "DMZ 用户"][i % 4], parent: parent))
            }
            for i in 0..<nodes.count where Int.random(in: 0..<3, using: &rng) != 0 {
                nodes[i].group = "g\(Int.random(in: 0..<k, using: &rng))"
            }
        }
        return DiagramGraph(nodes: nodes, edges: edges, groups: groups)
    }
}
