import DesignExport
import DesignModel
import Foundation
import TestSupport

/// API and data-model benchmark (issue 13): a generated design with 500 endpoints and 300
/// entities (`TestSupport.LowLevelDesigns`, plain names), exported as the Markdown report
/// (stage 3 and 5 sections and the erDiagram), OpenAPI and SQL; and the low-level checks that
/// `validate` runs. Targets (release build): report ≤ 100 ms, OpenAPI and SQL ≤ 50 ms each.
func runLowLevelBench() {
    section("API and data model (issue 13)")
    let catalogue = benchCatalogue()
    let design = LowLevelDesigns.make(seed: 0x5EED, endpoints: 500, entities: 300, hostile: false)
    let fields = design.entities.map(\.fields.count).reduce(0, +)
    let size = "\(design.endpoints.count) endpoints / \(design.entities.count) entities"

    func measure(_ name: String, target: Target?, _ format: ExportFormat) {
        var bytes = 0
        let samples = timeRuns(15, budget: .seconds(5)) {
            let text = (try? Exporter.export(design, catalogue: catalogue, format: format,
                                             options: ExportOptions(includeTextDiagram: false))) ?? ""
            bytes = text.utf8.count
        }
        report(name, size: size + ", \(bytes / 1024) KB", runs: samples.count, samples, target: target)
    }
    measure("report (markdown)", target: .median(100), .markdown)
    measure("export openapi", target: .median(50), .openapi)
    measure("export sql", target: .median(50), .sql)
    var found = 0
    let checks = timeRuns(15, budget: .seconds(5)) { found = LowLevelChecks.run(design).count }
    report("low-level checks", size: size + ", \(found) findings", runs: checks.count, checks)
    let integrity = timeRuns(15, budget: .seconds(5)) { benchSink &+= design.findings().count }
    report("  integrity incl. references", size: size + ", \(fields) fields", runs: integrity.count, integrity)
}
