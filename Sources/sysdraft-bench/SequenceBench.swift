// Sequence diagram benchmark: a 200-step scenario with nested blocks drawn as text (natural
// width, fitted to 120 and 80 columns, ASCII), the same through the design bridge, and as
// Mermaid. Call `runSequenceBench()`.

import DesignExport
import DesignModel
import Foundation
import SequenceDiagram
import TestSupport

/// A design of 12 components in a chain of flows, and one scenario of `steps` steps: calls,
/// replies, async messages and self-calls, with alt/opt/loop/par/retry blocks nested up to four
/// deep (about one block per eight steps).
func makeSequenceBenchDesign(steps: Int, seed: UInt64 = 0x5E9) -> Design {
    var g = SeededGenerator(seed: seed)
    var d = Design(title: "Sequence bench", now: Date(timeIntervalSince1970: 1_790_000_000))
    let names = ["Mobile app", "CDN edge", "Load balancer", "API gateway", "Auth service", "Order service",
                 "Payment service", "Inventory service", "Order database", "Event bus", "Email worker", "Ledger"]
    let comps = names.map { d.addComponent(name: $0, kind: .service) }
    for i in 0..<(comps.count - 1) { _ = try? d.addFlow(from: comps[i], to: comps[i + 1], label: "calls") }
    let words = ["validate", "order", "request", "reserve", "stock", "charge", "card", "publish", "event",
                 "write", "row", "read", "token", "POST /orders", "200 OK", "retry", "timeout", "notify"]
    var remaining = steps
    func text(_ n: Int) -> String { (0..<(1 + g.int(n))).map { _ in words[g.int(words.count)] }.joined(separator: " ") }
    func nodes(depth: Int, budget: Int) -> [ScenarioNode] {
        var out: [ScenarioNode] = []
        var left = budget
        while left > 0 && remaining > 0 {
            if depth < 4 && left >= 4 && g.int(8) == 0 {
                let kind = ScenarioBlock.Kind.allCases[g.int(5)]
                let branches = kind.maxBranches == 1 ? 1 : 1 + g.int(3)
                let inner = min(left, 3 + g.int(10))
                let block = ScenarioBlock(kind: kind, branches: (0..<branches).map { _ in
                    ScenarioBlock.Branch(condition: text(4), steps: nodes(depth: depth + 1, budget: max(1, inner / branches)))
                }, attempts: kind == .retry ? 3 : nil, timeout: kind == .retry ? "200 ms" : nil)
                out.append(.block(block))
                left -= inner
            } else {
                let a = g.int(comps.count)
                let b = g.int(5) == 0 ? a : g.int(comps.count)
                let kind = ScenarioStep.Kind.allCases[g.int(3)]
                out.append(.step(ScenarioStep(from: comps[a], to: comps[b], message: text(5),
                                              kind: kind, notes: g.int(10) == 0 ? text(8) : "")))
                remaining -= 1
                left -= 1
            }
        }
        return out
    }
    var all: [ScenarioNode] = []
    while remaining > 0 { all += nodes(depth: 0, budget: remaining) }
    d.addScenario(name: "Place an order", tag: .happyPath, steps: all)
    return d
}

func runSequenceBench() {
    section("sequence diagrams (issue 14)")
    let d = makeSequenceBenchDesign(steps: 200)
    let scenario = d.scenarios[0]
    let script = ScenarioDiagram.script(scenario, in: d)
    var depth = 0
    func walk(_ nodes: [ScenarioNode], _ level: Int) {
        for n in nodes { if case .block(let b) = n { depth = max(depth, level + 1); b.branches.forEach { walk($0.steps, level + 1) } } }
    }
    walk(scenario.steps, 0)
    let size = "\(scenario.stepCount) steps, \(d.participants(of: scenario).count) participants, depth \(depth)"
    let runs = Int(ProcessInfo.processInfo.environment["SYSDRAFT_BENCH_RUNS"] ?? "") ?? 30
    for (name, options) in [("sequence render natural", SequenceOptions()),
                            ("sequence render fit 120", SequenceOptions(width: 120)),
                            ("sequence render fit 80", SequenceOptions(width: 80)),
                            ("sequence render ascii fit 120", SequenceOptions(ascii: true, width: 120))] {
        var drawing: SequenceDrawing?
        let s = timeRuns(runs, warmup: 3) { drawing = SequenceRenderer.render(script, options) }
        let dw = drawing!
        report(name, size: size + ", \(dw.width)×\(dw.height)", runs: s.count, s, target: .median(5))
        benchSink &+= dw.height
    }
    let bridged = timeRuns(runs, warmup: 3) { benchSink &+= ScenarioDiagram.render(scenario, in: d, options: SequenceOptions(width: 120)).height }
    report("design → text, fit 120", size: size, runs: bridged.count, bridged, target: .median(5))
    let mermaid = timeRuns(runs, warmup: 3) { benchSink &+= SequenceMermaid.render(scenario, in: d).utf8.count }
    report("scenario → Mermaid", size: size, runs: mermaid.count, mermaid)
}
