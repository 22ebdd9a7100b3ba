import Foundation
import TestSupport
import Testing
@testable import DiagramLayout

/// Golden drawings under Golden/ (next to this file). `SYSDRAFT_RECORD=1 swift test` rewrites them.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func verify(_ name: String, _ actual: String, sourceLocation: SourceLocation = #_sourceLocation) {
        if let problem = GoldenFile.check(actual, at: directory.appendingPathComponent(name + ".txt"), showActual: true) {
            Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation)
        }
    }
}

struct GoldenCase: CustomTestStringConvertible, Sendable {
    var name: String
    var graph: DiagramGraph
    var options: DiagramOptions
    var testDescription: String { name }
}

private let tb = DiagramOptions()
private let lr = DiagramOptions(direction: .leftToRight)
private let tbAscii = DiagramOptions(ascii: true)
private let lrAscii = DiagramOptions(direction: .leftToRight, ascii: true)

let goldenCases: [GoldenCase] = [
    GoldenCase(name: "cycle_tb", graph: Samples.cycle, options: tb),
    GoldenCase(name: "cycle_lr", graph: Samples.cycle, options: lr),
    GoldenCase(name: "diamond_tb", graph: Samples.diamond, options: tb),
    GoldenCase(name: "diamond_lr_ascii", graph: Samples.diamond, options: lrAscii),
    GoldenCase(name: "fanout12_tb", graph: Samples.fanOut12, options: tb),
    GoldenCase(name: "fanout12_lr", graph: Samples.fanOut12, options: lr),
    GoldenCase(name: "two_tb", graph: Samples.two, options: tb),
    GoldenCase(name: "two_lr_ascii", graph: Samples.two, options: lrAscii),
    GoldenCase(name: "selfloop_tb", graph: Samples.selfLoop, options: tb),
    GoldenCase(name: "selfloop_lr", graph: Samples.selfLoop, options: lr),
    GoldenCase(name: "parallel_tb", graph: Samples.parallel, options: tb),
    GoldenCase(name: "parallel_lr", graph: Samples.parallel, options: lr),
    GoldenCase(name: "longlabels_tb", graph: Samples.longLabels, options: tb),
    GoldenCase(name: "longlabels_lr_ascii", graph: Samples.longLabels, options: lrAscii),
    GoldenCase(name: "wide_tb", graph: Samples.wide, options: tb),
    GoldenCase(name: "wide_lr", graph: Samples.wide, options: lr),
    GoldenCase(name: "hostile_tb", graph: Samples.hostile, options: tb),
    GoldenCase(name: "url_shortener_tb", graph: Samples.urlShortener, options: tb),
    GoldenCase(name: "url_shortener_lr", graph: Samples.urlShortener, options: lr),
    GoldenCase(name: "url_shortener_tb_ascii", graph: Samples.urlShortener, options: tbAscii),
]

@Suite struct GoldenTests {
    @Test(arguments: goldenCases)
    func drawing(_ c: GoldenCase) {
        let d = DiagramLayout.layout(c.graph, c.options)
        let problems = Invariants.check(c.graph, d, options: c.options)
        #expect(problems.isEmpty, "\(c.name): \(problems)")
        Golden.verify(c.name, d.text())
    }
}
