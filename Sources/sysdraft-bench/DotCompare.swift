// Graphviz dot on the same graphs as the diagram benchmark: `dot -Tjson` run on the graph
// written as DOT, its crossings counted by TestSupport's DotRoutes (routes with and without the
// arrowheads).

import DiagramLayout
import Foundation
import TestSupport

func dotPath() -> String? {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
        let p = "\(dir)/dot"
        if FileManager.default.isExecutableFile(atPath: p) { return p }
    }
    return nil
}

/// Runs dot; returns (seconds, crossings), or nil on failure or timeout.
func runDot(_ exe: String, _ g: DiagramGraph, timeout: Double) -> (seconds: Double, crossings: DotCrossings)? {
    let dir = FileManager.default.temporaryDirectory
    let stem = "sysdraft-bench-dot-\(ProcessInfo.processInfo.processIdentifier)-\(g.nodes.count)-\(g.edges.count)"
    let input = dir.appendingPathComponent(stem + ".dot"), output = dir.appendingPathComponent(stem + ".json")
    defer {
        try? FileManager.default.removeItem(at: input)
        try? FileManager.default.removeItem(at: output)
    }
    do { try dotSource(g).write(to: input, atomically: true, encoding: .utf8) } catch { return nil }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: exe)
    p.arguments = ["-Tjson", "-o", output.path, input.path]
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    let clock = ContinuousClock()
    let start = clock.now
    do { try p.run() } catch { return nil }
    var timedOut = false
    while p.isRunning {
        if ms(clock.now - start) > timeout * 1000 { p.terminate(); timedOut = true; break }
        usleep(10_000)
    }
    p.waitUntilExit()
    let seconds = ms(clock.now - start) / 1000
    guard !timedOut, p.terminationStatus == 0, let data = try? Data(contentsOf: output),
          let crossings = dotCrossings(json: data) else { return nil }
    return (seconds, crossings)
}
