import DesignExport
import DesignModel
import Foundation
import TestSupport
import TextUI
import Workspace

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
    // What an item's details work out on every frame: its own findings.
    var perItem: [Double] = []
    for e in design.endpoints.prefix(100) {
        let c0 = threadCPUTime()
        benchSink &+= LowLevelChecks.findings(endpoint: e.id, in: design).count
        perItem.append(threadCPUTime() - c0)
    }
    report("  one endpoint's findings", size: size, runs: perItem.count, Samples(perItem))
    perItem = []
    for e in design.entities.prefix(100) {
        let c0 = threadCPUTime()
        benchSink &+= LowLevelChecks.findings(entity: e.id, in: design).count
        perItem.append(threadCPUTime() - c0)
    }
    report("  one entity's findings", size: size, runs: perItem.count, Samples(perItem))
    runLowLevelKeystrokeBench()
}

/// Keystroke → frame on the APIs and Entities screens of the same design (500 endpoints, 300
/// entities): reduce + render + diff per key at 200×60 and at 80×24, over moving, paging,
/// filtering, the full view, forms opened and cancelled, and the table editor (moving, switching
/// tables, typing into a cell and keeping it, undo). The details of the selected endpoint run
/// its checks on every frame, so this is where that cost shows. Target p99 ≤ 2 ms.
func runLowLevelKeystrokeBench() {
    let catalogue = benchCatalogue()
    let design = LowLevelDesigns.make(seed: 0x5EED, endpoints: 500, entities: 300, hostile: false)
    var script: [(String, Key)] = []
    func keys(_ label: String, _ ks: Key...) { script += ks.map { (label, $0) } }
    func type(_ label: String, _ s: String) { script += s.map { (label, Key.char($0)) } }
    for list in ["apis", "entities"] {
        keys("palette", .char(":")); type("palette", list); keys("palette", .enter)
        for _ in 0..<30 { keys("j/k move", .char("j")) }
        keys("g/G/page", .char("G"), .char("g"), .pageDown, .pageDown, .pageUp)
        keys("/ filter", .char("/")); type("/ filter", "order"); keys("/ filter", .backspace, .backspace, .down, .escape)
        keys("v full view", .char("v"), .char("j"), .char("j"), .escape)
        keys("form", .char("e"), .tab, .tab, .escape)
        keys("table move", .char("r"))
        for _ in 0..<6 { keys("table move", .char("j")) }
        keys("table move", .char("l"), .char("l"), .char(">"), .char("j"), .char("<"), .char("k"))
        keys("table edit", .enter); type("table edit", "_x"); keys("table edit", .enter, .char("u"))
        keys("table filter", .char("/")); type("table filter", "id"); keys("table filter", .enter, .escape, .escape)
    }
    for (columns, rows) in [(200, 60), (80, 24)] {
        var all: [Double] = [], cpu: [Double] = []
        var byLabel: [String: [Double]] = [:]
        for run in 0..<6 {   // the first run warms up
            var state = AppState(design: design, filePath: "/tmp/bench.json", catalogue: catalogue)
            state.size = ScreenSize(columns: columns, rows: rows)
            var memory = ViewMemory()
            var grid = Grid(width: 0, height: 0)
            var previous = Grid(width: 0, height: 0)
            WorkspaceView.render(state, into: &previous, memory: &memory)
            for (label, key) in script {
                let c0 = threadCPUTime()
                let t0 = benchClock.now
                _ = Workspace.reduce(&state, .key(key), benchEnvironment)
                WorkspaceView.render(state, into: &grid, memory: &memory)
                benchSink &+= grid.diff(from: previous).count
                let t = ms(benchClock.now - t0)
                let c = threadCPUTime() - c0
                swap(&grid, &previous)
                if run > 0 {
                    all.append(t)
                    cpu.append(c)
                    byLabel[label, default: []].append(c)
                }
            }
        }
        report("keys on APIs/Entities \(columns)×\(rows)", size: "500 endpoints / 300 entities, \(script.count) keys",
               runs: 5, Samples(all, cpu: cpu), target: .p99(2), showP99: true)
        out("  cpu by kind of key (slowest p99 first):")
        for (label, times) in byLabel.sorted(by: { Samples($0.value).p99 > Samples($1.value).p99 }) {
            let k = Samples(times)
            out("    " + pad(label, 16) + " median " + pad(formatMs(k.median), 10) + " p99 " + pad(formatMs(k.p99), 10)
                  + " max " + formatMs(k.max))
        }
    }
}
