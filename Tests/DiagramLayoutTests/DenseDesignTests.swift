import Testing
@testable import DiagramLayout

/// Graphs shaped like the benchmark designs (about 1.8 flows per component, 85 % to one of the
/// next 40 components, the rest anywhere: many cycles). These push the router into its work
/// budget and fallbacks; every edge must still be drawn and no guarantee may break.
@Suite struct DenseDesignTests {
    /// The benchmark design generator's flow pattern (same LCG), with labels and flow styles.
    static func designGraph(components n: Int, seed: UInt64 = 0x5EED) -> DiagramGraph {
        var state = seed
        func next(_ m: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(m))
        }
        let words = ["user", "order", "payment", "search", "feed", "media", "auth", "billing"]
        var nodes: [DiagramGraph.Node] = []
        for i in 0..<n {
            nodes.append(.init(id: "comp-\(i + 1)", label: "\(words[next(words.count)])-\(i + 1) service",
                               tag: ["Svc", "DB", "Q", nil][next(4)]))
        }
        var edges: [DiagramGraph.Edge] = []
        for _ in 0..<(n * 9 / 5) {
            let from = next(n)
            var to: Int
            if next(100) < 85 {
                to = min(n - 1, from + 1 + next(40))
                if to == from { to = next(n) }
            } else {
                to = next(n)
            }
            edges.append(.init(from: "comp-\(from + 1)", to: "comp-\(to + 1)",
                               label: "\(words[next(words.count)]) events",
                               dashed: next(100) < 30, bothEnds: next(100) < 20))
        }
        return DiagramGraph(nodes: nodes, edges: edges)
    }

    @Test(arguments: [DiagramDirection.topToBottom, .leftToRight])
    func hundredComponentDesign(direction: DiagramDirection) {
        let g = Self.designGraph(components: 100)
        let o = DiagramOptions(direction: direction)
        let d = DiagramLayout.layout(g, o)
        #expect(d.edgePaths.count == g.edges.count)
        #expect(d.edgePaths.allSatisfy { !$0.isEmpty })
        let problems = Invariants.check(g, d, options: o, checkOverlapsPairwise: false)
        #expect(problems.isEmpty, "\(problems)")
    }

    /// A 150-way fan-in: the failure budget runs out and the cheap fallbacks route the rest.
    @Test func bigFanInStillDrawsEveryEdge() {
        let g = DiagramGraph(edges: (0..<150).map { .init(from: "leaf\($0)", to: "sink") })
        let o = DiagramOptions()
        let d = DiagramLayout.layout(g, o)
        #expect(d.edgePaths.allSatisfy { !$0.isEmpty })
        let problems = Invariants.check(g, d, options: o, checkOverlapsPairwise: false)
        #expect(problems.isEmpty, "\(problems)")
    }
}
