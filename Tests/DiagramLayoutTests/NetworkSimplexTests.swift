import Testing
import TestSupport
@testable import DiagramLayout

@Suite struct NetworkSimplexTests {
    /// On random DAGs the ranking is feasible and optimal (no tree edge with a negative cut
    /// value, checked from scratch after the incremental updates), and no single node could move
    /// to shorten the edges.
    @Test func rankingsAreFeasibleAndOptimal() {
        var rng = SeededGenerator(seed: 0x51_3D)
        for _ in 0..<200 {
            let n = 2 + rng.int(40)
            var edges: [(Int, Int)] = []
            for _ in 0..<rng.int(3 * n) {
                let a = rng.int(n), b = rng.int(n)
                if a != b { edges.append((min(a, b), max(a, b))) }
            }
            let r = NetworkSimplex.rankAndCheck(nodeCount: n, edges: edges)
            #expect(r.feasible && r.optimal, "n \(n) edges \(edges)")
            for v in 0..<n {
                for d in [-1, 1] {
                    var ok = true, delta = 0
                    for e in edges where e.0 == v || e.1 == v {
                        let a = e.0 == v ? r.ranks[v] + d : r.ranks[e.0], b = e.1 == v ? r.ranks[v] + d : r.ranks[e.1]
                        if b - a < 1 { ok = false }
                        delta += (b - a) - (r.ranks[e.1] - r.ranks[e.0])
                    }
                    #expect(!(ok && delta < 0), "node \(v) could move by \(d)")
                }
            }
        }
    }

    /// The classic case longest-path layering gets wrong: a source pulled next to its target.
    @Test func sourcesArePulledDown() {
        let r = NetworkSimplex.rank(nodeCount: 6, edges: [(0, 1), (1, 2), (2, 3), (3, 4), (5, 4)])
        #expect(r == [0, 1, 2, 3, 4, 3])
    }
}
