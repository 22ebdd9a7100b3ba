import Foundation
import Testing
import TestSupport
@testable import DiagramLayout

/// Our drawing against graphviz dot on the same graph: the cells we draw as crossings are at
/// most the crossings of dot's edge routes (TestSupport's DotRoutes, arrowheads included).
/// graphviz is a test dependency (the Makefile's TEST_DEBS): without `dot` these tests fail.
@Suite struct CrossingsVersusDotTests {
    /// Generated graphs on which the engine before the search on small graphs and the two-start
    /// scoring of cycle breakings drew more crossings than dot's routes have (ours vs dot then:
    /// 16 vs 14, 19 vs 18, 27 vs 23, 72 vs 64, 84 vs 81), the names as in the benchmark.
    static let regressions: [(name: String, nodes: Int, seed: Int)] = [
        ("tiered-20-22", 20, 22), ("tiered-30-5", 30, 5), ("tiered-30-29", 30, 29),
        ("tiered-50-23", 50, 23), ("tiered-50-30", 50, 30),
    ]

    @Test(arguments: regressions.map(\.name))
    func noMoreCrossingsThanDot(name: String) throws {
        let r = Self.regressions.first { $0.name == name }!
        // The benchmark's graph: `sysdraft-bench crossings`, family tiered, this size and seed.
        let g = makeTieredGraph(nodes: r.nodes, seed: 0xC0FFEE + UInt64(r.seed * 1000 + r.nodes),
                                edges: Int((Double(r.nodes) * 1.84).rounded()))
        let dot = try dotLayoutCrossings(g)
        let ours = DiagramLayout.layout(g, DiagramOptions())
        #expect(ours.edgePaths.allSatisfy { !$0.isEmpty })
        #expect(ours.crossings <= dot.routes, "\(name): ours \(ours.crossings), dot \(dot.routes)")
        // The splines alone never show more crossings than the whole routes.
        #expect(dot.splines <= dot.routes)
    }

    /// A crossing under an arrowhead is a crossing of the routes, not of the splines alone.
    @Test func arrowheadRunsCount() throws {
        // Two straight splines side by side (x = 0 and x = 40, from y = 100 down to y = 40),
        // whose arrowheads cross over to the other side's tip.
        let json = """
        {"objects": [{"name": "a"}, {"name": "b"}, {"name": "c"}, {"name": "d"}],
         "edges": [
          {"tail": 0, "head": 1, "pos": "e,40,0 0,100 0,80 0,60 0,40"},
          {"tail": 2, "head": 3, "pos": "e,0,0 40,100 40,80 40,60 40,40"}
         ]}
        """
        let c = try #require(dotCrossings(json: Data(json.utf8)))
        #expect(c == DotCrossings(splines: 0, routes: 1))
    }

    @Test func touchingAtSharedEndsIsNoCrossing() {
        // Two edges leaving one point, and an X of two other edges.
        let fan = [[(0.0, 0.0), (10.0, 10.0)], [(0.0, 0.0), (-10.0, 10.0)]]
        #expect(polylineCrossings(fan) == 0)
        let x = [[(0.0, 0.0), (10.0, 10.0)], [(10.0, 0.0), (0.0, 10.0)]]
        #expect(polylineCrossings(x) == 1)
        // Polylines of many pieces crossing twice.
        let zigzag = [[(0.0, 0.0), (10.0, 10.0), (20.0, 0.0)], [(0.0, 6.0), (7.0, 6.0), (13.0, 6.0), (20.0, 6.0)]]
        #expect(polylineCrossings(zigzag) == 2)
    }

    /// dot's layout of `g` as JSON, and the crossings of its routes.
    func dotLayoutCrossings(_ g: DiagramGraph) throws -> DotCrossings {
        let dot = try #require(["/usr/bin/dot", "/usr/local/bin/dot", "/bin/dot"].first { FileManager.default.isExecutableFile(atPath: $0) },
                               "graphviz dot is not installed (make deps installs it)")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sysdraft-dotcross-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("g.dot"), output = dir.appendingPathComponent("g.json")
        try dotSource(g).write(to: input, atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: dot)
        p.arguments = ["-Tjson", "-o", output.path, input.path]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        return try #require(dotCrossings(json: Data(contentsOf: output)))
    }
}

/// The crossing reduction's result on small generated graphs (where every start and every way
/// of breaking cycles is tried): the count it reports is the order's, and no swap of two
/// neighbours in a rank (of one connected part) removes a crossing.
@Suite struct OrderingLocalOptimumTests {
    @Test(arguments: ["architecture", "tiered"])
    func noNeighbourSwapImproves(family: String) {
        for seed in 0..<12 {
            let n = 10 + 5 * (seed % 5)
            let m = Int((Double(n) * 1.84).rounded())
            let graph = family == "architecture" ? makeArchitectureGraph(nodes: n, seed: UInt64(700 + seed), edges: m)
                : makeTieredGraph(nodes: n, seed: UInt64(700 + seed), edges: m)
            var index: [String: Int] = [:]
            for (i, node) in graph.nodes.enumerated() { index[node.id] = i }
            var edges: [(Int, Int)] = []
            for e in graph.edges { if let a = index[e.from], let b = index[e.to], a != b { edges.append((a, b)) } }
            let candidate = Layering.candidates(nodeCount: n, edges: edges)[0]
            let dag = edges.enumerated().map { k, e in
                candidate.reversed[k] ? DagEdge(a: e.1, b: e.0, input: k, reversed: true) : DagEdge(a: e.0, b: e.1, input: k, reversed: false)
            }
            var g = VirtualGraph(realCount: n, layer: candidate.layer, dag: dag,
                                 hasLabel: [Bool](repeating: false, count: edges.count), groups: GroupTree())
            let reported = Ordering.reduceCrossings(&g, groups: GroupTree(),
                                                    effort: .forSmall(g.count, finalists: 1, iterations: 24))
            let total = g.orderCrossings()
            #expect(reported == total, "\(family) \(n) seed \(seed): reported \(reported), order has \(total)")
            for q in 0..<g.ranks.count {
                let rank = g.ranks[q]
                for i in 0..<max(0, rank.count - 1) where g.part[Int(rank[i])] == g.part[Int(rank[i + 1])] {
                    var swapped = g
                    var r = rank
                    r.swapAt(i, i + 1)
                    swapped.setRank(q, r)
                    #expect(swapped.orderCrossings() >= total,
                            "\(family) \(n) seed \(seed): swapping places \(i), \(i + 1) of rank \(q) removes a crossing")
                }
            }
        }
    }
}
