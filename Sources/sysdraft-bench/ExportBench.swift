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
        let samples = timeRuns(runs, budget: .seconds(5)) {
            let out = (try? Exporter.export(design, catalogue: catalogue, format: format, options: options)) ?? ""
            bytes = out.utf8.count
        }
        report(name, size: size + ", \(bytes / 1024) KB", runs: samples.count, samples, target: target)
    }

    measure("export markdown (no text dgm)", runs: 9, target: .median(100), .markdown,
            ExportOptions(includeTextDiagram: false))
    // Drawing 1,000 boxes and 3,000 arrows can take minutes: a child process with a time limit.
    let limit = Double(ProcessInfo.processInfo.environment["SYSDRAFT_BENCH_TEXT_LIMIT"] ?? "") ?? 60
    if let child = timeChildExport(components: 1_000, flows: 3_000, limitSeconds: limit) {
        report("export markdown (+text dgm)", size: size, runs: 1, child, target: .median(100))
    } else {
        out(pad("export markdown (+text dgm)", 30) + " " + pad(size, 34) + " " + pad("1 run", 10)
            + " stopped after \(Int(limit)) s" + String(repeating: " ", count: 20) + "target median ≤ 100 ms    MISS")
        benchResults.append(BenchResult(name: "export markdown (+text dgm)", size: size, runs: 1,
                                        samples: Samples([limit * 1000]), target: .median(100)))
    }
    // The same at the diagram engine's own benchmark size (200 boxes, 370 arrows).
    let small = makeExportBenchDesign(components: 200, flows: 370, requirements: 100, tradeOffs: 20, catalogue: catalogue)
    let smallSize = "\(small.components.count) comp / \(small.flows.count) flows / \(small.requirements.count) req"
    let noText = timeRuns(5, budget: .seconds(5)) {
        benchSink &+= ((try? Exporter.export(small, catalogue: catalogue, format: .markdown,
                                             options: ExportOptions(includeTextDiagram: false)))?.utf8.count ?? 0)
    }
    report("  markdown no text dgm, small", size: smallSize, runs: noText.count, noText)
    let smallLimit = min(limit, 30)
    if let child = timeChildExport(components: 200, flows: 370, limitSeconds: smallLimit) {
        report("  markdown +text dgm, small", size: smallSize, runs: 1, child)
    } else {
        out(pad("  markdown +text dgm, small", 30) + " " + pad(smallSize, 34) + " " + pad("1 run", 10)
            + " stopped after \(Int(smallLimit)) s")
    }
    measure("export mermaid", runs: 9, target: nil, .mermaid, ExportOptions())
    measure("export dot", runs: 9, target: nil, .dot, ExportOptions())
}

/// The export benchmark's design (the shared generator, see `BenchDesign`).
func makeExportBenchDesign(components: Int, flows: Int, requirements: Int, tradeOffs: Int,
                           catalogue: StageCatalogue = benchCatalogue()) -> Design {
    BenchDesign.make(components: components, flows: flows, requirements: requirements, tradeOffs: tradeOffs,
                     catalogue: catalogue)
}

/// One Markdown export with the text diagram, in a child process (`sysdraft-bench
/// export-text-once C F`) that is killed after `limitSeconds`. The child's own timing of the
/// export, or nil when it ran out of time or failed.
func timeChildExport(components: Int, flows: Int, limitSeconds: Double) -> Samples? {
    let exe = AtomicFile.resolveSymlinks("/proc/self/exe")
    let outPath = (NSTemporaryDirectory() as NSString).appendingPathComponent("sysdraft-bench-child-\(getpid()).txt")
    defer { try? FileManager.default.removeItem(atPath: outPath) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    let args = [exe, "export-text-once", "\(components)", "\(flows)"]
    let argv: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
    defer { for p in argv { free(p) } }
    var pid: pid_t = 0
    guard posix_spawn(&pid, exe, &actions, nil, argv, environ) == 0 else { return nil }
    let deadline = benchClock.now + .milliseconds(Int(limitSeconds * 1000))
    var status: Int32 = 0
    while true {
        let r = waitpid(pid, &status, WNOHANG)
        if r == pid { break }
        if r == -1 && errno != EINTR { return nil }
        if benchClock.now > deadline {
            kill(pid, SIGKILL)
            _ = waitpid(pid, &status, 0)
            return nil
        }
        usleep(20_000)
    }
    guard let text = try? String(contentsOfFile: outPath, encoding: .utf8),
          let fields = text.split(separator: "\n").first?.split(separator: " "), fields.count == 2,
          let wall = Double(fields[0]), let cpu = Double(fields[1]) else { return nil }
    return Samples([wall], cpu: [cpu])
}

/// The child side of `timeChildExport`: prints "WALL_MS CPU_MS" of one export.
func runOneTextExport(components: Int, flows: Int) {
    let catalogue = benchCatalogue()
    let design = makeExportBenchDesign(components: components, flows: flows, requirements: components / 2,
                                       tradeOffs: components / 10, catalogue: catalogue)
    let s = timeRuns(1, warmup: 0) {
        benchSink &+= ((try? Exporter.export(design, catalogue: catalogue, format: .markdown,
                                             options: ExportOptions(includeTextDiagram: true)))?.utf8.count ?? 0)
    }
    out("\(s.median) \(s.cpuMedian ?? 0)")
}
