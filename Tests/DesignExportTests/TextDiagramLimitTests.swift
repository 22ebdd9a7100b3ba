import DesignExport
import DesignModel
import Foundation
import Testing

@Suite struct TextDiagramLimitTests {
    func design(components n: Int) -> Design {
        var d = Design(title: "Big", now: Date(timeIntervalSince1970: 0))
        for i in 0..<n { d.addComponent(name: "Service \(i)", kind: .service) }
        for i in 1..<n { _ = try? d.addFlow(from: d.components[i - 1].id, to: d.components[i].id, label: "calls") }
        return d
    }

    let catalogue = StageCatalogue(stages: StageKey.allCases.map {
        .init(key: $0, title: $0.label, shortTitle: $0.label, purpose: "p", items: [.init(key: "\($0.rawValue).a", text: "a")])
    })

    @Test func reportsDrawTheTextDiagramUpToTheLimit() throws {
        let small = try Exporter.export(design(components: 3), catalogue: catalogue, format: .markdown)
        #expect(small.contains("```text"))
        #expect(!small.contains("left out above"))
    }

    @Test func largerDesignsGetANoteInstead() throws {
        let big = try Exporter.export(design(components: ExportOptions.textDiagramLimit + 1), catalogue: catalogue,
                                      format: .markdown)
        #expect(!big.contains("```text"))
        #expect(big.contains("The text drawing is left out above \(ExportOptions.textDiagramLimit) components"))
        #expect(big.contains("```mermaid"), "the Mermaid diagram is still there")
    }
}
