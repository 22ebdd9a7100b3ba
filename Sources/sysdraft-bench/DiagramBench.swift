// Diagram engine benchmark: layout + text render of generated architecture-like graphs, and the
// same graphs through `graph-easy --as=boxart` when it is installed. Call `runDiagramBench()`.

import DiagramLayout
import Foundation
import TestSupport

private func milliseconds(_ d: Duration) -> Double { ms(d) }

private func graphEasyPath() -> String? {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
        let p = "\(dir)/graph-easy"
        if FileManager.default.isExecutableFile(atPath: p) { return p }
    }
    return nil
}

/// Runs graph-easy on the graph; returns (seconds, edges it failed to place) or nil on timeout.
private func runGraphEasy(_ exe: String, _ g: DiagramGraph, timeout: Double) -> (Double, Int)? {
    var text = ""
    for node in g.nodes { text += "[ \(node.id) ]\n" }
    for e in g.edges { text += "[ \(e.from) ] -> [ \(e.to) ]\n" }
    let dir = FileManager.default.temporaryDirectory
    let input = dir.appendingPathComponent("sysdraft-bench-\(ProcessInfo.processInfo.processIdentifier)-\(g.nodes.count).txt")
    let errFile = dir.appendingPathComponent("sysdraft-bench-\(ProcessInfo.processInfo.processIdentifier)-\(g.nodes.count).err")
    defer {
        try? FileManager.default.removeItem(at: input)
        try? FileManager.default.removeItem(at: errFile)
    }
    do { try text.write(to: input, atomically: true, encoding: .utf8) } catch { return nil }
    FileManager.default.createFile(atPath: errFile.path, contents: nil)
    let p = Process()
    p.executableURL = URL(fileURLWithPath: exe)
    p.arguments = ["--as=boxart", input.path]
    p.standardOutput = FileHandle.nullDevice
    guard let errHandle = try? FileHandle(forWritingTo: errFile) else { return nil }
    p.standardError = errHandle
    let clock = ContinuousClock()
    let start = clock.now
    do { try p.run() } catch { return nil }
    var timedOut = false
    while p.isRunning {
        if milliseconds(clock.now - start) > timeout * 1000 {
            p.terminate()
            timedOut = true
            break
        }
        usleep(20_000)
    }
    p.waitUntilExit()
    let elapsed = milliseconds(clock.now - start) / 1000
    try? errHandle.close()
    if timedOut { return nil }
    let err = (try? String(contentsOf: errFile, encoding: .utf8)) ?? ""
    var failed = 0
    // "Layouter could only place 200 nodes/307 edges out of 200/360 - giving up"
    // (older wording: "could only place 306/368 edges")
    let patterns = [#"(\d+) edges out of \d+/(\d+)"#, #"place (\d+)/(\d+) edges"#]
    for pattern in patterns {
        if let r = err.range(of: pattern, options: .regularExpression) {
            let nums = err[r].split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            if let placed = nums.first, let total = nums.last, nums.count >= 2 { failed = total - placed }
            break
        }
    }
    return (elapsed, failed)
}

func runDiagramBench() {
    let graphEasy = graphEasyPath()
    section("diagram layout + text render")
    out("dir  nodes  edges  drawn  crossings  size        median ms  cpu ms    target")
    let cases: [(Int, Int, DiagramDirection, Double?)] = [
        (50, 90, .topToBottom, nil), (200, 368, .topToBottom, 30), (200, 368, .leftToRight, 30),
        (1000, 1832, .topToBottom, 500), (1000, 1832, .leftToRight, 500),
    ]
    var easy: [(Int, Double)] = []
    for (n, m, direction, target) in cases {
        let g = makeArchitectureGraph(nodes: n, seed: 0x5EED + UInt64(n), edges: m)
        var diagram: Diagram?
        var text = ""
        let runs = Int(ProcessInfo.processInfo.environment["SYSDRAFT_BENCH_RUNS"] ?? "") ?? (n >= 1000 ? 7 : 11)
        let samples = timeRuns(runs) {
            let d = DiagramLayout.layout(g, DiagramOptions(direction: direction))
            text = d.text()
            diagram = d
        }
        precondition(!text.isEmpty)

        let d = diagram!
        // Identical output for identical input.
        let again = DiagramLayout.layout(g, DiagramOptions(direction: direction))
        precondition(again.text() == text, "the diagram is not deterministic")
        let drawn = d.edgePaths.filter { !$0.isEmpty }.count
        var line = (direction == .topToBottom ? "TB " : "LR ")
            + String(format: "%6d  %5d  %5d  %9d  %-10@ %9.1f  %7.1f", n, g.edges.count, drawn, d.crossings,
                     "\(d.width)x\(d.height)" as NSString, samples.median, samples.cpuMedian ?? 0)
        if let target { line += String(format: "   ≤ %.0f ms %@", target, samples.median <= target ? "PASS" : "MISS") }
        out(line)
        let name = "diagram \(direction == .topToBottom ? "TB" : "LR") \(n) nodes"
        benchResults.append(BenchResult(name: name, size: "\(n) nodes / \(m) edges", runs: samples.count,
                                        samples: samples, target: target.map { .median($0) }))
        if direction == .topToBottom && n <= 200 { easy.append((n, samples.median)) }
    }
    runCrossingComparison()
    if let exe = graphEasy {
        out("graph-easy --as=boxart on the same graphs (seconds, edges it could not place):")
        for (n, median) in easy {
            let g = makeArchitectureGraph(nodes: n, seed: 0x5EED + UInt64(n), edges: n == 50 ? 90 : 368)
            if let (secs, failed) = runGraphEasy(exe, g, timeout: 60) {
                out(String(format: "  %4d nodes  %8.2f s  %7.0fx slower  %d/%d unplaced", n, secs, secs * 1000 / max(median, 0.001), failed, g.edges.count))
            } else {
                out("  \(n) nodes  timeout (60 s)")
            }
        }
    } else {
        out("(graph-easy not on PATH: that comparison is skipped)")
    }
}

/// Our crossings (cells drawn as crossings) against dot's (intersections of its edge routes,
/// arrowheads included; and of its splines alone) on the same generated graphs, several seeds
/// per size, small to large.
func runCrossingComparison() {
    section("diagram crossings: sysdraft vs graphviz dot")
    guard let dot = dotPath() else {
        out("(dot not on PATH: install graphviz for the comparison)")
        return
    }
    // Seeds FIRST..<FIRST + SEEDS of each size (SYSDRAFT_BENCH_FIRST_SEED picks another set).
    let seeds = Int(ProcessInfo.processInfo.environment["SYSDRAFT_BENCH_SEEDS"] ?? "") ?? 10
    let firstSeed = Int(ProcessInfo.processInfo.environment["SYSDRAFT_BENCH_FIRST_SEED"] ?? "") ?? 0
    // SYSDRAFT_BENCH_DOT_CACHE=FILE keeps dot's counts between runs (dot takes seconds per
    // graph; the counts never change for the same graphs and graphviz version). A line:
    // "family-nodes-seed routes splines".
    let cacheFile = ProcessInfo.processInfo.environment["SYSDRAFT_BENCH_DOT_CACHE"]
    var cache: [String: DotCrossings] = [:]
    if let cacheFile, let text = try? String(contentsOfFile: cacheFile, encoding: .utf8) {
        for l in text.split(separator: "\n") {
            let p = l.split(separator: " ")
            if p.count == 3, let r = Int(p[1]), let s = Int(p[2]) { cache[String(p[0])] = DotCrossings(splines: s, routes: r) }
        }
    }
    var grandOurs = 0, grandDot = 0, grandSplines = 0, grandMs = 0.0, worse = 0, worseSplines = 0, graphs = 0
    let sizes = (ProcessInfo.processInfo.environment["SYSDRAFT_BENCH_SIZES"] ?? "10,20,30,50,100,200").split(separator: ",").compactMap { Int($0) }
    out("graph          nodes  edges   ours    dot  ours/dot  dot splines   our ms   dot s")
    var table: [String] = []
    for family in ["architecture", "tiered"] {
        for n in sizes {
            var ours = 0, theirs = 0, splines = 0, worseHere: [String] = [], worseSplinesHere: [String] = []
            for seed in firstSeed..<(firstSeed + seeds) {
                let m = Int((Double(n) * 1.84).rounded())
                let g = family == "architecture" ? makeArchitectureGraph(nodes: n, seed: 0xC0FFEE + UInt64(seed * 1000 + n), edges: m)
                    : makeTieredGraph(nodes: n, seed: 0xC0FFEE + UInt64(seed * 1000 + n), edges: m)
                let start = benchClock.now
                let d = DiagramLayout.layout(g, DiagramOptions())
                let took = ms(benchClock.now - start)
                let ck = "\(family)-\(n)-\(seed)"
                var secs = 0.0
                let theirs1: DotCrossings
                if let c = cache[ck] { theirs1 = c } else {
                    guard let r = runDot(dot, g, timeout: 120) else {
                        out("  \(family) \(n) seed \(seed): dot failed or timed out")
                        continue
                    }
                    secs = r.seconds
                    theirs1 = r.crossings
                    cache[ck] = theirs1
                    if let cacheFile {
                        try? cache.keys.sorted().map { "\($0) \(cache[$0]!.routes) \(cache[$0]!.splines)" }.joined(separator: "\n")
                            .write(toFile: cacheFile, atomically: true, encoding: .utf8)
                    }
                }
                grandOurs += d.crossings; grandDot += theirs1.routes; grandSplines += theirs1.splines; grandMs += took
                graphs += 1
                if d.crossings > theirs1.routes { worse += 1; worseHere.append("#\(seed) \(d.crossings) vs \(theirs1.routes)") }
                if d.crossings > theirs1.splines { worseSplines += 1; worseSplinesHere.append("#\(seed) \(d.crossings) vs \(theirs1.splines)") }
                ours += d.crossings
                theirs += theirs1.routes
                splines += theirs1.splines
                out(String(format: "%-13@ %6d %6d %6d %6d   %7.2f  %11d  %7.1f  %6.2f", "\(family) #\(seed)" as NSString, n, g.edges.count,
                           d.crossings, theirs1.routes, Double(d.crossings) / Double(max(1, theirs1.routes)), theirs1.splines, took, secs))
            }
            out(String(format: "%-13@ %6d  total  %6d %6d   %7.2f  %11d   above dot: %d; above dot's splines: %d", family as NSString, n,
                       ours, theirs, Double(ours) / Double(max(1, theirs)), splines, worseHere.count, worseSplinesHere.count)
                + (worseHere.isEmpty ? "" : " (routes: " + worseHere.joined(separator: ", ") + ")")
                + (worseSplinesHere.isEmpty ? "" : " (splines: " + worseSplinesHere.joined(separator: ", ") + ")"))
            table.append(String(format: "| %@ × %d | %d / %d | %d | %d | %.2f | %d | %d | %d |", family as NSString, seeds, n,
                                Int((Double(n) * 1.84).rounded()), ours, theirs, Double(ours) / Double(max(1, theirs)),
                                worseHere.count, splines, worseSplinesHere.count))
        }
    }
    out(String(format: "all %d graphs: ours %d, dot %d (splines alone %d), ratio %.3f; ours more than dot's on %d graphs (than its splines' on %d); our layouts took %.0f ms in all",
               graphs, grandOurs, grandDot, grandSplines, Double(grandOurs) / Double(max(1, grandDot)), worse, worseSplines, grandMs))
    out("as a Markdown table (graphs | nodes / edges | ours | dot routes | ours/dot | above dot | dot splines | above splines):")
    for row in table { out(row) }
}
