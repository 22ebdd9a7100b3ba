import Testing
import PropertyBased
@testable import DiagramLayout
import TestSupport

private let optionSets: [DiagramOptions] = [
    DiagramOptions(),
    DiagramOptions(direction: .leftToRight),
    DiagramOptions(ascii: true, maxLabelWidth: 8, edgeLabelWidth: 8),
    DiagramOptions(direction: .leftToRight, ascii: true, maxLabelWidth: 6, maxLabelLines: 1, edgeLabelWidth: 6, edgeLabelLines: 1),
]

@Suite struct PropertyTests {
    /// 400 fixed random graphs (cycles, self-loops, parallel edges, disconnected parts, labels)
    /// in both directions, Unicode and ASCII: every guarantee read back from the grid.
    @Test(arguments: 0..<4)
    func guaranteesHoldOnSeededGraphs(optionIndex: Int) {
        let o = optionSets[optionIndex]
        for seed in 0..<100 {
            let g = Samples.random(seed: UInt64(seed * 4 + optionIndex))
            let d = DiagramLayout.layout(g, o)
            let problems = Invariants.check(g, d, options: o)
            #expect(problems.isEmpty, "seed \(seed * 4 + optionIndex): \(problems)\n\(d.text())")
            if !problems.isEmpty { return }
        }
    }

    /// Same guarantees on graphs drawn by PropertyBased (its seed is reported on failure).
    @Test func guaranteesHoldOnGeneratedGraphs() async {
        await propertyCheck(count: 150, input: Gen.int(in: 0...Int(UInt32.max)), Gen.int(in: 0...3)) { seed, oi in
            let o = optionSets[oi]
            let g = Samples.random(seed: UInt64(seed) &+ 1_000_000)
            let d = DiagramLayout.layout(g, o)
            let problems = Invariants.check(g, d, options: o)
            #expect(problems.isEmpty, "graph seed \(seed), options \(oi): \(problems)\n\(d.text())")
        }
    }

    /// Two runs of the same input give identical drawings and paths.
    @Test func deterministic() {
        for seed in 0..<60 {
            let g = Samples.random(seed: UInt64(seed) &* 7919)
            let o = optionSets[seed % optionSets.count]
            let a = DiagramLayout.layout(g, o), b = DiagramLayout.layout(g, o)
            #expect(a.text() == b.text(), "seed \(seed)")
            #expect(a.edgePaths == b.edgePaths, "seed \(seed)")
            #expect(a.nodeRects == b.nodeRects, "seed \(seed)")
        }
    }

    /// A benchmark-sized architecture graph: every edge drawn and every guarantee holds.
    @Test(arguments: [DiagramDirection.topToBottom, .leftToRight])
    func architectureGraph200(direction: DiagramDirection) {
        let g = makeArchitectureGraph(nodes: 200, seed: 0x5EED + 200)
        let o = DiagramOptions(direction: direction)
        let d = DiagramLayout.layout(g, o)
        #expect(d.edgePaths.allSatisfy { !$0.isEmpty })
        let problems = Invariants.check(g, d, options: o, checkOverlapsPairwise: false)
        #expect(problems.isEmpty, "\(problems)")
    }
}
