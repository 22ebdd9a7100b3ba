import DesignExport
import DesignModel
import Foundation
import Testing

/// `FlowchartOptions.showLoad` (`sysdraft export --load`): the diagrams' edge labels carry the
/// load a flow states; without the option, or for a flow without a value, they stay as they were.
@Suite struct LoadEdgeLabelTests {
    /// `reads` carries qps × 3 (10M a day × 20 × 3 ≈ 6.9K a second) of 2 KB; `broken` names an
    /// estimate with an error; `sized` states only a payload; `plain` states nothing.
    static func design() throws -> Design {
        var d = try CapacityReportTests.design()
        let api = d.components[0].id, db = d.components[1].id
        try d.addFlow(from: api, to: db, label: "broken")
        d.flows[1].rate = "bad"
        try d.addFlow(from: db, to: api, label: "sized")
        d.flows[2].payload = "3 MB"
        try d.addFlow(from: db, to: api, label: "plain")
        for i in d.flows.indices { d.flows[i].protocol = .other }   // labels without "(HTTP)"
        return d
    }

    func edgeLines(_ mermaid: String) -> [String] {
        mermaid.split(separator: "\n").map(String.init).filter { $0.contains("-->") }
    }

    @Test func mermaidLabelsCarryTheLoadOnlyWhenAsked() throws {
        let d = try Self.design()
        let plain = edgeLines(MermaidExport.render(d))
        #expect(plain.count == 4)
        #expect(!plain.contains { $0.contains("/s") || $0.contains("KB") }, "\(plain)")

        let loaded = edgeLines(MermaidExport.render(d, options: FlowchartOptions(showLoad: true)))
        #expect(loaded.count == 4)
        #expect(loaded[0].contains("\"reads · 6.9K /s · 13.9 MB/s\""), "\(loaded[0])")
        #expect(loaded[1].contains("|\"broken\"|"), "a rate without a value is left out: \(loaded[1])")
        #expect(loaded[2].contains("\"sized · 3.0 MB each\""), "\(loaded[2])")
        #expect(loaded[3].contains("|\"plain\"|"), "\(loaded[3])")
    }

    /// Graphviz reads the labels back as written.
    @Test func dotLabelsReadBackThroughGraphviz() throws {
        let d = try Self.design()
        let dot = DotExport.render(d, options: FlowchartOptions(showLoad: true))
        let r = try runTool("dot", ["-Tjson"], input: dot)
        #expect(r.status == 0, "dot failed: \(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let labels = (json["edges"] as? [[String: Any]] ?? []).compactMap { $0["label"] as? String }
        #expect(labels == ["reads · 6.9K /s · 13.9 MB/s", "broken", "sized · 3.0 MB each", "plain"], "\(labels)")
        let without = try runTool("dot", ["-Tjson"], input: DotExport.render(d))
        let plainJSON = try #require(try JSONSerialization.jsonObject(with: Data(without.stdout.utf8)) as? [String: Any])
        #expect((plainJSON["edges"] as? [[String: Any]] ?? []).compactMap { $0["label"] as? String }
                == ["reads", "broken", "sized", "plain"])
    }
}
