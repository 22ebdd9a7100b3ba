import DesignExport
import DesignModel
import DesignStorage
import Foundation

/// Export benchmark: a generated design with 1,000 components, 3,000 flows, 500 requirements and
/// 100 trade-offs, exported through `Exporter.export` to Markdown (with and without the text
/// diagram drawn by the diagram engine; the Mermaid diagram is always in the report), Mermaid
/// and DOT. Target (release build): Markdown ≤ 100 ms.
func runExportBench() {
    section("export (issue 3)")
    let catalogue = benchCatalogue()
    let design = makeExportBenchDesign(components: 1_000, flows: 3_000, requirements: 500, tradeOffs: 100,
                                       catalogue: catalogue)
    let size = "\(design.components.count) comp / \(design.flows.count) flows / \(design.requirements.count) req"

    func measure(_ name: String, runs: Int, target: Target?, _ format: ExportFormat, _ options: ExportOptions) {
        var bytes = 0
        let samples = timeRuns(runs) {
            let out = (try? Exporter.export(design, catalogue: catalogue, format: format, options: options)) ?? ""
            bytes = out.utf8.count
        }
        report(name, size: size + ", \(bytes / 1024) KB", runs: runs, samples, target: target)
    }

    measure("export markdown (no text dgm)", runs: 9, target: .median(100), .markdown,
            ExportOptions(includeTextDiagram: false))
    // Drawing 1,000 boxes and 3,000 arrows can take seconds: fewer runs.
    measure("export markdown (+text dgm)", runs: 5, target: .median(100), .markdown,
            ExportOptions(includeTextDiagram: true))
    let diagram = timeRuns(3, warmup: 0) { benchSink &+= DesignDiagram.text(design).utf8.count }
    report("  of which text diagram alone", size: size, runs: 3, diagram)
    measure("export mermaid", runs: 9, target: nil, .mermaid, ExportOptions())
    measure("export dot", runs: 9, target: nil, .dot, ExportOptions())
}

/// The export benchmark's design (the shared generator, see `BenchDesign`).
func makeExportBenchDesign(components: Int, flows: Int, requirements: Int, tradeOffs: Int,
                           catalogue: StageCatalogue = benchCatalogue()) -> Design {
    BenchDesign.make(components: components, flows: flows, requirements: requirements, tradeOffs: tradeOffs,
                     catalogue: catalogue)
}
