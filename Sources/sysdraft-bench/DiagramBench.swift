// Diagram engine benchmark: layout + text render of generated architecture-like graphs, and the
// same graphs through `graph-easy --as=boxart` when it is installed. Call `runDiagramBench()`.

import DiagramLayout
import Foundation
import TestSupport

private func milliseconds(_ d: Duration) -> Double {
    let c = d.components
    return Double(c.seconds) * 1000 + Double(c.attoseconds) / 1e15
}

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
    let clock = ContinuousClock()
    let graphEasy = graphEasyPath()
    print("diagram layout + render (median of runs, ms)")
    print("dir  nodes  edges  drawn  crossings  size        ms      graph-easy (s)  ratio   ge unplaced")
    let cases: [(Int, DiagramDirection)] = [(50, .topToBottom), (200, .topToBottom), (1000, .topToBottom),
                                            (200, .leftToRight), (1000, .leftToRight)]
    for (n, direction) in cases {
        let g = makeArchitectureGraph(nodes: n, seed: 0x5EED + UInt64(n))
        var times: [Double] = []
        var diagram: Diagram?
        let runs = n >= 1000 ? 5 : 9
        for _ in 0..<runs {
            let start = clock.now
            let d = DiagramLayout.layout(g, DiagramOptions(direction: direction))
            let rendered = d.text()
            times.append(milliseconds(clock.now - start))
            precondition(!rendered.isEmpty)
            diagram = d
        }
        times.sort()
        let median = times[times.count / 2]
        let d = diagram!
        let drawn = d.edgePaths.filter { !$0.isEmpty }.count
        var line = (direction == .topToBottom ? "TB " : "LR ") + String(format: "%5d  %5d  %5d  %9d  %-10@ %7.1f", n, g.edges.count, drawn, d.crossings,
                          "\(d.width)x\(d.height)" as NSString, median)
        if let exe = graphEasy, direction == .topToBottom {
            if n > 200 {
                line += "      skipped (too slow)"
            } else if let (secs, failed) = runGraphEasy(exe, g, timeout: 60) {
                line += String(format: "      %8.2f  %7.0fx  %d/%d", secs, secs * 1000 / max(median, 0.001), failed, g.edges.count)
            } else {
                line += "      timeout (60 s)"
            }
        }
        print(line)
    }
    if graphEasy == nil { print("(graph-easy not on PATH: comparison skipped)") }
}
