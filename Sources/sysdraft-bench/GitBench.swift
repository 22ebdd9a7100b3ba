import DesignDiff
import DesignImport
import DesignModel
import DesignStorage
import Foundation

/// Designs in git: the semantic diff of two 5 MB designs (target ≤ 300 ms), a three-way merge
/// of them (no target), and importing a 1,000-node Mermaid flowchart (target ≤ 100 ms).
func runGitBench() {
    section("git: diff, merge, import")
    let catalogue = benchCatalogue()
    let big = BenchDesign.make(approximateBytes: 5_000_000, catalogue: catalogue)
    let old = big.design
    let new = editedCopy(old, seed: 1)
    let size = "\(kilobytes(big.bytes)): \(describe(old))"

    var changes = ""
    let diff = timeRuns(7) {
        guard let r = try? DiffReport(old: old, new: new, catalogue: catalogue) else { benchSink = -1; return }
        let text = r.text()
        benchSink &+= text.utf8.count
        changes = r.summary
    }
    if benchSink < 0 { out("git: the diff failed") }
    report("diff two 5 MB designs", size: size, runs: 7, diff, target: .median(300))
    out("  \(changes)")
    let trees = timeRuns(7) { benchSink &+= ((try? old.canonicalJSON()) == nil ? 0 : 1) }
    let compare = { () -> Samples in
        guard let a = try? old.canonicalJSON(), let b = try? new.canonicalJSON() else { return Samples([Double]()) }
        return timeRuns(7) { benchSink &+= DesignDiffer.diff(a, b).changed.count }
    }()
    out("  parts (median): canonical JSON of one design \(formatMs(trees.median)) · comparing the two trees \(formatMs(compare.median))")

    // The whole `sysdraft diff A B` minus process start: load both files, then diff.
    let dir = makeScratchDirectory("git")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let a = (dir as NSString).appendingPathComponent("a.json"), b = (dir as NSString).appendingPathComponent("b.json")
    if (try? DesignFile.save(old, to: a)) != nil, (try? DesignFile.save(new, to: b)) != nil {
        let whole = timeRuns(5) {
            guard let x = try? DesignFile.load(a), let y = try? DesignFile.load(b),
                  let r = try? DiffReport(old: x, new: y, catalogue: catalogue) else { benchSink = -1; return }
            benchSink &+= r.text().utf8.count
        }
        report("load both + diff (as the CLI)", size: size, runs: 5, whole)
    }

    let theirs = editedCopy(old, seed: 2)
    var conflicts = 0
    let merge = timeRuns(5) {
        guard let m = try? DesignMerger.merge(base: old, ours: new, theirs: theirs) else { benchSink = -1; return }
        conflicts = m.design.conflicts.count
        benchSink &+= m.design.components.count
    }
    report("three-way merge, 5 MB", size: size, runs: 5, merge)
    out("  \(conflicts) conflicts (both sides edited some of the same fields)")

    let mermaid = handWrittenStyleFlowchart(nodes: 1_000)
    var imported = ""
    let importing = timeRuns(9) {
        guard let r = try? DesignImporter.importDesign(mermaid, format: .mermaid) else { benchSink = -1; return }
        imported = "\(r.design.components.count) components, \(r.design.flows.count) flows"
        benchSink &+= r.design.flows.count
    }
    report("import Mermaid flowchart", size: "1,000 nodes, \(mermaid.utf8.count / 1000) KB", runs: 9, importing, target: .median(100))
    out("  \(imported)")
}

/// A copy with about 2 % of components and flows changed, 1 % removed, some added, decisions
/// re-decided and checklist items ticked: what a large pull request does.
private func editedCopy(_ d: Design, seed: UInt64) -> Design {
    var r = BenchRandom(seed)
    var e = d
    for i in e.components.indices where r.chance(2) { e.components[i].technology += " (v\(seed))" }
    for i in e.flows.indices where r.chance(2) { e.flows[i].label += " (batched)" }
    let removed = Set(e.components.indices.filter { _ in r.chance(1) }.map { e.components[$0].id })
    e.components.removeAll { removed.contains($0.id) }
    e.flows.removeAll { removed.contains($0.from) || removed.contains($0.to) }
    for n in 0..<50 {
        e.components.append(Component(id: ItemID("comp-\(900_000 + Int(seed) * 1000 + n)"), name: "new \(n)", kind: .service))
    }
    for i in e.tradeOffs.indices where r.chance(10) { e.tradeOffs[i].status = .superseded }
    for key in StageKey.allCases { e.updateStage(key) { $0.notes += seed == 1 ? "\nReviewed." : "" } }
    return e
}

/// A flowchart in the style people write: short ids, assorted shapes, `|label|` and
/// `-- label -->` arrows, dotted async arrows, chains, subgraphs, comments and styling.
private func handWrittenStyleFlowchart(nodes: Int) -> String {
    var r = BenchRandom(0xF10)
    let shapes = [("[", "]"), ("(", ")"), ("[(", ")]"), ("([", "])"), ("{{", "}}"), ("[[", "]]"), (">", "]")]
    let words = ["Orders", "Payments", "Search", "Feed", "Media", "Auth", "Billing", "Notify", "Profile", "Cart"]
    var out = "%% generated in the style of hand-written diagrams\nflowchart LR\n"
    var n = 0
    while n < nodes {
        out += "  subgraph zone\(n / 50) [Zone \(n / 50)]\n"
        for _ in 0..<50 where n < nodes {
            let (o, c) = r.pick(shapes)
            out += "    n\(n)\(o)\(r.pick(words)) \(r.pick(["service", "DB", "cache", "queue", "worker", "API"])) \(n)\(c)\n"
            n += 1
        }
        out += "  end\n"
    }
    for i in 0..<nodes {
        let to = min(nodes - 1, i + 1 + r.next(30))
        switch r.next(4) {
        case 0: out += "  n\(i) -->|calls| n\(to)\n"
        case 1: out += "  n\(i) -.->|events| n\(to) --> n\(min(nodes - 1, to + 1))\n"
        case 2: out += "  n\(i) -- reads --> n\(to)\n"
        default: out += "  n\(i) & n\(r.next(nodes)) --> n\(to)\n"
        }
    }
    out += "  classDef hot fill:#f96\n  style n1 stroke:#333\n"
    return out
}
