import DesignExport
import DesignModel
import DesignStorage
import Foundation

/// Export benchmark: a generated design with 1,000 components, 3,000 flows, 500 requirements and
/// 100 trade-offs, exported to Markdown (the report includes the Mermaid diagram), Mermaid and
/// DOT. Prints the median of several runs. Target (release build): Markdown ≤ 100 ms.
/// This times the report itself (with its Mermaid diagram); the text diagram that
/// `Exporter.export` adds by default is the layout engine's cost and is benchmarked there.
func runExportBench() {
    let design = makeExportBenchDesign(components: 1_000, flows: 3_000, requirements: 500, tradeOffs: 100)
    let catalogue = (try? AssetLocator.locate().catalogue()) ?? syntheticCatalogue()
    let clock = ContinuousClock()
    let runs = 9

    func measure(_ name: String, _ body: () -> String) {
        var times: [Duration] = []
        var bytes = 0
        for _ in 0..<runs {
            var out = ""
            let t = clock.measure { out = body() }
            times.append(t)
            bytes = out.utf8.count
        }
        times.sort()
        let ms = { (d: Duration) in Double(d.components.seconds) * 1e3 + Double(d.components.attoseconds) / 1e15 }
        print(String(format: "export %-13@  median %7.1f ms  (min %.1f, max %.1f, %d runs)  %d KB",
                     name as NSString, ms(times[runs / 2]), ms(times[0]), ms(times[runs - 1]), runs, bytes / 1024))
    }

    print("export: \(design.components.count) components, \(design.flows.count) flows, "
          + "\(design.requirements.count) requirements, \(design.tradeOffs.count) trade-offs")
    measure("markdown") { MarkdownReport.render(design, catalogue: catalogue) }
    measure("mermaid") { MermaidExport.render(design) }
    measure("dot") { DotExport.render(design) }
}

/// A deterministic design of the given size (a fixed linear congruential generator).
func makeExportBenchDesign(components: Int, flows: Int, requirements: Int, tradeOffs: Int) -> Design {
    var seed: UInt64 = 0x5EED
    func next(_ n: Int) -> Int {
        seed = seed &* 6364136223846793005 &+ 1442695040888963407
        return Int((seed >> 33) % UInt64(n))
    }
    let words = ["user", "order", "payment", "search", "feed", "media", "auth", "billing", "notify", "profile",
                 "cart", "inventory", "shipping", "analytics", "session", "graph", "index", "report"]
    var d = Design(title: "Benchmark design", problem: "A generated architecture for timing exports.",
                   now: Date(timeIntervalSince1970: 1_780_000_000))
    let kinds = Component.Kind.allCases
    for i in 0..<components {
        let w = words[next(words.count)]
        d.components.append(Component(id: ItemID("comp-\(i + 1)"), name: "\(w)-\(i + 1) service",
                                      kind: kinds[next(kinds.count)],
                                      responsibility: "Handles \(w) requests | part \(i)",
                                      technology: ["Go", "Swift", "PostgreSQL", "Redis", "Kafka"][next(5)],
                                      notes: i % 7 == 0 ? "Owned by team \(next(20))\nsecond line" : ""))
    }
    for i in 0..<flows {
        d.flows.append(Flow(id: ItemID("flow-\(i + 1)"), from: ItemID("comp-\(next(components) + 1)"),
                            to: ItemID("comp-\(next(components) + 1)"), label: "\(words[next(words.count)]) events",
                            protocol: Flow.Protocol_.allCases[next(Flow.Protocol_.allCases.count)],
                            mode: next(3) == 0 ? .async : .sync, direction: next(5) == 0 ? .twoWay : .oneWay))
    }
    for i in 0..<requirements {
        let kind = Requirement.Kind.allCases[next(3)]
        d.requirements.append(Requirement(id: ItemID("req-\(i + 1)"), kind: kind,
                                          text: "The system shall handle \(words[next(words.count)]) case \(i)",
                                          priority: Requirement.Priority.allCases[next(3)],
                                          category: kind == .functional ? nil : .latency))
    }
    for i in 0..<tradeOffs {
        d.addTradeOff(title: "Decision \(i): \(words[next(words.count)])", stage: StageKey.allCases[next(10)],
                      context: "Context for decision \(i).",
                      options: [(name: "A", pros: ["fast"], cons: ["costly"]),
                                (name: "B", pros: ["cheap"], cons: ["slow", "complex"]),
                                (name: "C", pros: [], cons: ["unproven"])],
                      chosenIndex: next(3), rationale: "Because \(i).", status: .accepted)
    }
    return d
}

/// Ten stages of five items, for running without the Assets folder.
func syntheticCatalogue() -> StageCatalogue {
    StageCatalogue(stages: StageKey.allCases.map { key in
        StageCatalogue.Stage(key: key, title: key.label, shortTitle: key.label, purpose: "Purpose.",
                             items: (1...5).map { .init(key: "\(key.rawValue).item-\($0)", text: "Item \($0)") })
    })
}
