import DesignExport
import DesignModel
import Estimates
import Foundation
import Testing

/// The tables the capacity sections add, for `checkReportStructure`: estimates in stage 1,
/// flow load and component capacity after the data-flow table.
func capacityEstimateTables(_ design: Design) -> [(cols: Int, rows: [[String?]])] {
    guard !design.estimates.isEmpty else { return [] }
    return [(4, design.estimates.map { [TextSafety.oneLine($0.name), TextSafety.oneLine($0.expression), nil,
                                        TextSafety.oneLine($0.description)] })]
}

func loadTables(_ design: Design) -> [(cols: Int, rows: [[String?]])] {
    var out: [(cols: Int, rows: [[String?]])] = []
    let flows = design.flows.filter { $0.rate != nil || $0.payload != nil }
    if !flows.isEmpty { out.append((5, flows.map { [$0.id.rawValue, nil, nil, nil, nil] })) }
    let comps = design.components.filter { $0.capacity != nil }
    if !comps.isEmpty { out.append((7, comps.map { [$0.id.rawValue, TextSafety.oneLine($0.name), nil, nil, nil, nil, nil] })) }
    return out
}

@Suite struct CapacityReportTests {
    static func design() throws -> Design {
        var d = Design(title: "Load", now: Date(timeIntervalSince1970: 1_790_000_000))
        d.addEstimate(name: "dau", expression: "10M", description: "Daily | active <b>users</b>")
        d.addEstimate(name: "qps", expression: "dau * 20 / day", description: "")
        d.addEstimate(name: "bad", expression: "qps + 1 GB", description: "broken on purpose")
        d.addEstimate(name: "worse", expression: "bad * 2", description: "")
        d.addEstimate(name: "evil|`x`", expression: "`x` | <script>\u{1b}[31m", description: "[l](javascript:alert(1)) ~~s~~ # h\nline")
        let a = d.addComponent(name: "API", kind: .service)
        let b = d.addComponent(name: "DB", kind: .database)
        try d.addFlow(from: a, to: b, label: "reads")
        d.flows[0].rate = "qps * 3"
        d.flows[0].payload = "2 KB"
        d.components[1].capacity = "1K /s"
        d.components[1].instances = "2"
        return d
    }

    @Test func estimatesFlowLoadAndCapacityAppearWithErrorsMarked() throws {
        let d = try Self.design()
        let md = MarkdownReport.render(d, catalogue: Fixtures.catalogue())
        #expect(md.contains("### Capacity estimates"))
        #expect(md.contains("| dau | 10M | 10.0M | Daily \\| active \\<b>users\\</b> |"))
        #expect(md.contains("| qps | dau \\* 20 / day | 2.3K /s |"))
        #expect(md.contains("**error:** column 5: cannot add rate (/s) and data size (B)"))
        #expect(md.contains("_needs bad_"))
        #expect(md.contains("3 of 5 estimates have no value"))
        #expect(md.contains("#### Load on the data flows"))
        #expect(md.contains("6.9K /s (qps \\* 3)"))
        #expect(md.contains("13.9 MB/s"))
        #expect(md.contains("#### Component capacity"))
        #expect(md.contains("347 % **over capacity**"))
        #expect(md.contains("1 component receives more load than its instances can handle"))
        try checkReportStructure(d, Fixtures.catalogue())
    }

    @Test func aDesignWithoutEstimatesSaysSo() {
        let d = Design(title: "Empty", now: Date(timeIntervalSince1970: 1_790_000_000))
        let md = MarkdownReport.render(d, catalogue: Fixtures.catalogue())
        #expect(md.contains("### Capacity estimates\n\n_No capacity estimates yet._"))
        #expect(!md.contains("Load on the data flows"))
    }
}
