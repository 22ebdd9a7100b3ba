import DesignModel
import Estimates
import Foundation

/// Estimates benchmark (issue 12): a sheet of 1,000 interdependent estimates (rates, sizes and
/// counts referring to up to three earlier ones, in shuffled order so the dependency sort does
/// real work). Timed: recomputing after one expression changes, as on a keystroke (parses of
/// unchanged expressions come from the sheet's cache); building the sheet from scratch (every
/// expression parsed); adding or deleting a row; and the design's load (1,000 estimates, 1,000
/// flows with rates and payloads, 500 components with capacities), with and without the sheet
/// built already. Target (release build): recompute ≤ 1 ms.
func runEstimatesBench() {
    section("estimates (issue 12)")
    let rows = makeEstimateRows(1_000)
    let size = "\(rows.count) estimates"
    let check = EstimateSheet(rows)
    let broken = check.statuses.filter { $0.quantity == nil }.count
    if broken > 0 { out("warning: \(broken) generated estimates have no value") }

    var sheet = EstimateSheet(rows)
    var edited = rows
    let base = rows.firstIndex { $0.name == "users" }!
    var flip = false
    let recompute = timeRuns(200, warmup: 10) {
        flip.toggle()
        edited[base].expression = flip ? "11M" : "10M"
        sheet.update(edited)
        benchSink &+= sheet.statuses.count
    }
    report("recompute after one edit", size: size, runs: recompute.count, recompute, target: .median(1))
    report("  the same, p99", size: size, runs: recompute.count, recompute, showP99: true)

    var grown = rows
    let insert = timeRuns(100, warmup: 5) {
        if grown.count > rows.count { grown.removeLast() } else { grown.append(.init(name: "extra", expression: "users * 2")) }
        sheet.update(grown)
        benchSink &+= sheet.statuses.count
    }
    report("add or delete a row", size: size, runs: insert.count, insert)

    let cold = timeRuns(50, warmup: 3) {
        let s = EstimateSheet(rows)
        benchSink &+= s.statuses.count
    }
    report("build sheet (parse all)", size: size, runs: cold.count, cold)

    let design = makeLoadDesign(rows)
    let designSize = "\(rows.count) est / \(design.flows.count) flows / \(design.components.count) comp"
    let load = timeRuns(30, warmup: 2) {
        let l = DesignLoad(design)
        benchSink &+= l.overloaded.count
    }
    report("design load + capacity check", size: designSize, runs: load.count, load)
    let designSheet = design.estimateSheet()
    let loadOnly = timeRuns(30, warmup: 2) {
        let l = DesignLoad(design, sheet: designSheet)
        benchSink &+= l.overloaded.count
    }
    report("  the same, sheet already built", size: designSize, runs: loadOnly.count, loadOnly)
}

/// `n` estimates in shuffled order: a few inputs, then rates, sizes and counts built from
/// earlier ones of the right kind.
func makeEstimateRows(_ n: Int, seed: UInt64 = 0x5EED) -> [EstimateSheet.Row] {
    var r = BenchRandom(seed)
    var rows: [EstimateSheet.Row] = [
        .init(name: "users", expression: "10M"), .init(name: "actions", expression: "20"),
        .init(name: "item_size", expression: "1 KB"), .init(name: "peak", expression: "3"),
        .init(name: "availability", expression: "99.9%"),
    ]
    var rates = ["base_rate"], sizes = ["item_size"], counts = ["actions", "peak"]
    rows.append(.init(name: "base_rate", expression: "users * actions / day to /s"))
    while rows.count < n {
        let i = rows.count
        switch r.next(3) {
        case 0:
            let name = "rate_\(i)"
            rows.append(.init(name: name, expression: "\(r.pick(rates)) * \(r.pick(counts)) / 7 + \(r.pick(rates)) / 2"))
            rates.append(name)
        case 1:
            let name = "size_\(i)"
            rows.append(.init(name: name, expression: "\(r.pick(rates)) * \(r.pick(sizes)) * min(1 day, 2 h) * (1 - availability) to GB"))
            sizes.append(name)
        default:
            let name = "count_\(i)"
            rows.append(.init(name: name, expression: "ceil(\(r.pick(rates)) / (\(r.pick(rates)) + 1 /s)) + sqrt(\(r.pick(counts)))"))
            counts.append(name)
        }
    }
    // Shuffle (Fisher–Yates with the bench generator) so rows come before the rows they use.
    for i in stride(from: rows.count - 1, to: 0, by: -1) { rows.swapAt(i, r.next(i + 1)) }
    return rows
}

/// A design holding `rows` as estimates, flows carrying rates and payloads named after them,
/// and components with capacities.
func makeLoadDesign(_ rows: [EstimateSheet.Row]) -> Design {
    var d = BenchDesign.make(components: 500, flows: 1_000, requirements: 10, tradeOffs: 5, catalogue: syntheticCatalogue())
    for r in rows { d.addEstimate(name: r.name, expression: r.expression) }
    let rates = rows.map(\.name).filter { $0.hasPrefix("rate_") }
    let sizes = rows.map(\.name).filter { $0.hasPrefix("size_") }
    var g = BenchRandom(7)
    for i in d.flows.indices {
        d.flows[i].rate = "\(g.pick(rates)) / 1000"
        d.flows[i].payload = g.chance(50) ? "\(g.pick(sizes)) / 1M" : "2 KB"
    }
    for i in d.components.indices where i % 2 == 0 {
        d.components[i].capacity = "5K /s"
        d.components[i].instances = "3"
    }
    return d
}
