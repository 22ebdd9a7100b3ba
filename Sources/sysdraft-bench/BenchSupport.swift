import DesignModel
import DesignStorage
import Foundation

// Shared pieces of the benchmarks: timing (ContinuousClock, median, p99), one report line per
// measurement with its target, and a deterministic generator of large designs.

// MARK: timing

let benchClock = ContinuousClock()

/// A duration in milliseconds.
func ms(_ d: Duration) -> Double {
    Double(d.components.seconds) * 1e3 + Double(d.components.attoseconds) / 1e15
}

/// CPU time used by the calling thread so far, in milliseconds. On a shared machine wall time
/// includes waiting for a core; this does not (nor does it include waiting for the disk).
func threadCPUTime() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) * 1e3 + Double(t.tv_nsec) / 1e6
}

/// Timings in milliseconds, sorted; optionally the thread CPU time of the same runs.
struct Samples {
    let sorted: [Double]
    /// Thread CPU time of each run, sorted (empty when not measured).
    var cpuSorted: [Double] = []

    init(_ ms: [Double], cpu: [Double] = []) { sorted = ms.sorted(); cpuSorted = cpu.sorted() }
    init(_ durations: [Duration], cpu: [Double] = []) { self.init(durations.map(ms), cpu: cpu) }

    var cpuMedian: Double? { cpuSorted.isEmpty ? nil : Samples(cpuSorted).median }
    var cpuP99: Double? { cpuSorted.isEmpty ? nil : Samples(cpuSorted).p99 }

    var count: Int { sorted.count }
    var min: Double { sorted.first ?? 0 }
    var max: Double { sorted.last ?? 0 }
    var median: Double { percentile(50) }
    var p99: Double { percentile(99) }
    var mean: Double { sorted.isEmpty ? 0 : sorted.reduce(0, +) / Double(sorted.count) }

    /// Nearest-rank percentile: the smallest sample with at least p % of the samples at or below it.
    func percentile(_ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[Swift.min(Swift.max(rank, 1), sorted.count) - 1]
    }
}

/// Runs `body` `warmup` times untimed, then `runs` times timed. With `budget`, a run slower than
/// the budget ends the repetitions (and a warm-up slower than it counts as the one timed run):
/// a case that misses its target by seconds is reported from fewer runs rather than holding
/// the whole benchmark up for many minutes.
func timeRuns(_ runs: Int, warmup: Int = 1, budget: Duration? = nil, _ body: () -> Void) -> Samples {
    var times: [Duration] = [], cpu: [Double] = []
    for _ in 0..<warmup {
        let c0 = threadCPUTime()
        let t = benchClock.measure(body)
        if let budget, t > budget { return Samples([t], cpu: [threadCPUTime() - c0]) }
    }
    times.reserveCapacity(runs)
    for _ in 0..<runs {
        if let budget, let last = times.last, last > budget { break }
        let c0 = threadCPUTime()
        times.append(benchClock.measure(body))
        cpu.append(threadCPUTime() - c0)
    }
    return Samples(times, cpu: cpu)
}

/// Keeps results alive so the optimiser cannot drop the work that produced them.
nonisolated(unsafe) var benchSink = 0

// MARK: reporting

/// Prints a line and flushes it, so a long run shows its progress even into a file or pipe.
func out(_ line: String) {
    print(line)
    fflush(nil)
}

/// A target from DESIGN-NOTES.md: which statistic is held to how many milliseconds.
struct Target {
    enum Statistic: String { case median, p99 }
    var statistic: Statistic
    var ms: Double

    static func median(_ ms: Double) -> Target { Target(statistic: .median, ms: ms) }
    static func p99(_ ms: Double) -> Target { Target(statistic: .p99, ms: ms) }

    var text: String { "\(statistic.rawValue) ≤ \(formatMs(ms))" }
    func passes(_ s: Samples) -> Bool { (statistic == .median ? s.median : s.p99) <= ms }
}

/// One printed result, also kept for the summary at the end.
struct BenchResult {
    var name: String
    var size: String
    var runs: Int
    var samples: Samples
    var target: Target?
}

nonisolated(unsafe) var benchResults: [BenchResult] = []

func formatMs(_ v: Double) -> String {
    if v >= 100 { return String(format: "%.0f ms", v) }
    if v >= 10 { return String(format: "%.1f ms", v) }
    if v >= 1 { return String(format: "%.2f ms", v) }
    return String(format: "%.3f ms", v)
}

func pad(_ s: String, _ n: Int) -> String {
    let w = s.count
    return w >= n ? s : s + String(repeating: " ", count: n - w)
}

/// Prints one measurement: name, size, runs, median, p99 (when `showP99`), target and verdict.
func report(_ name: String, size: String, runs: Int, _ s: Samples, target: Target? = nil, showP99: Bool = false) {
    var line = pad(name, 30) + " " + pad(size, 34) + " " + pad("\(runs) runs", 10)
    line += " median " + pad(formatMs(s.median), 10)
    line += showP99 ? " p99 " + pad(formatMs(s.p99), 10) + " max " + pad(formatMs(s.max), 10) : ""
    if let c = showP99 ? s.cpuP99 : s.cpuMedian { line += " cpu " + pad(formatMs(c), 10) }
    if let target {
        line += " target " + pad(target.text, 18) + (target.passes(s) ? " PASS" : " MISS")
    } else {
        line += " (min \(formatMs(s.min)), max \(formatMs(s.max)))"
    }
    out(line)
    benchResults.append(BenchResult(name: name, size: size, runs: runs, samples: s, target: target))
}

func section(_ title: String) {
    out("\n== \(title) " + String(repeating: "=", count: max(0, 70 - title.count)))
}

/// The summary printed after all benchmarks: every result that has a target.
func printSummary() {
    let held = benchResults.filter { $0.target != nil }
    guard !held.isEmpty else { return }
    section("summary")
    for r in held {
        let t = r.target!
        let value = t.statistic == .median ? r.samples.median : r.samples.p99
        let cpu = t.statistic == .median ? r.samples.cpuMedian : r.samples.cpuP99
        out(pad(r.name, 30) + " " + pad("\(t.statistic.rawValue) \(formatMs(value))", 22)
              + pad(cpu.map { "cpu \(formatMs($0))" } ?? "", 16)
              + " target " + pad(t.text, 18) + (t.passes(r.samples) ? " PASS" : " MISS"))
    }
}

// MARK: machine and files

/// One line describing where the numbers came from.
func machineDescription() -> String {
    let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
        .split(separator: "\n").first { $0.hasPrefix("model name") }
        .map { $0.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" }
        ?? "unknown CPU"
    let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?
        .split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
    return "\(ProcessInfo.processInfo.activeProcessorCount) cores, \(cpu), load average \(load)"
}

/// A fresh scratch folder for the benchmark's files (`$SYSDRAFT_BENCH_DIR`, else the system
/// temporary folder). The caller removes it.
func makeScratchDirectory(_ name: String) -> String {
    let base = ProcessInfo.processInfo.environment["SYSDRAFT_BENCH_DIR"].flatMap { $0.isEmpty ? nil : $0 }
        ?? FileManager.default.temporaryDirectory.path
    let dir = (base as NSString).appendingPathComponent("sysdraft-bench-\(name)-\(getpid())")
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

/// The file system type holding `path` (from /proc/self/mountinfo: the longest matching mount point).
func fileSystemType(of path: String) -> String {
    guard let info = try? String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8) else { return "unknown" }
    let real = AtomicFile.resolveSymlinks(path)
    var best = ("", "unknown")
    for line in info.split(separator: "\n") {
        let halves = line.components(separatedBy: " - ")
        let left = halves[0].split(separator: " "), right = halves.count > 1 ? halves[1].split(separator: " ") : []
        guard left.count > 4, let type = right.first else { continue }
        let mount = String(left[4])
        let under = mount == "/" || real == mount || real.hasPrefix(mount + "/")
        if under && mount.count >= best.0.count { best = (mount, String(type)) }
    }
    return best.1
}

// MARK: designs

/// The stage catalogue shipped in Assets/, or a synthetic one when it cannot be found.
func benchCatalogue() -> StageCatalogue {
    (try? AssetLocator.locate().catalogue()) ?? syntheticCatalogue()
}

/// Ten stages of five items, for running without the Assets folder.
func syntheticCatalogue() -> StageCatalogue {
    StageCatalogue(stages: StageKey.allCases.map { key in
        StageCatalogue.Stage(key: key, title: key.label, shortTitle: key.label, purpose: "Purpose.",
                             items: (1...5).map { .init(key: "\(key.rawValue).item-\($0)", text: "Item \($0)") })
    })
}

/// A fixed linear congruential generator: the same seed gives the same design on every machine.
struct BenchRandom {
    var seed: UInt64
    init(_ seed: UInt64 = 0x5EED) { self.seed = seed }

    mutating func next(_ n: Int) -> Int {
        seed = seed &* 6364136223846793005 &+ 1442695040888963407
        return Int((seed >> 33) % UInt64(n))
    }

    mutating func chance(_ percent: Int) -> Bool { next(100) < percent }

    mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }
}

/// Deterministic large designs that look like architectures: components of mixed kinds, flows
/// mostly running "downstream" to nearby components (client → gateway → service → store) with
/// some long-range and backward ones, requirements, trade-offs, ticked checklist items, custom
/// items and notes.
enum BenchDesign {
    static let words = ["user", "order", "payment", "search", "feed", "media", "auth", "billing", "notify", "profile",
                        "cart", "inventory", "shipping", "analytics", "session", "graph", "index", "report"]
    static let technologies = ["Go", "Swift", "PostgreSQL", "Redis", "Kafka", "Nginx", "S3", "Elasticsearch"]

    static func make(components: Int, flows: Int, requirements: Int, tradeOffs: Int,
                     catalogue: StageCatalogue, seed: UInt64 = 0x5EED) -> Design {
        var r = BenchRandom(seed)
        var d = Design(title: "Benchmark design: \(components) components",
                       problem: "A generated architecture for timing sysdraft. Traffic flows from clients through "
                           + "gateways to services and their stores; some services talk back upstream.",
                       now: Date(timeIntervalSince1970: 1_780_000_000))
        let kinds = Component.Kind.allCases
        d.components.reserveCapacity(components)
        for i in 0..<components {
            let w = r.pick(words)
            d.components.append(Component(
                id: ItemID("comp-\(i + 1)"), name: "\(w)-\(i + 1) service", kind: kinds[r.next(kinds.count)],
                responsibility: "Handles \(w) requests for the \(r.pick(words)) domain | part \(i)",
                technology: r.pick(technologies),
                notes: i % 7 == 0 ? "Owned by team \(r.next(20)).\nScales horizontally; see runbook \(i)." : ""))
        }
        d.flows.reserveCapacity(flows)
        for i in 0..<flows where components > 0 {
            let from = r.next(components)
            var to: Int
            if r.chance(85) {
                to = min(components - 1, from + 1 + r.next(40))   // downstream, nearby
                if to == from { to = r.next(components) }
            } else {
                to = r.next(components)                            // long-range or backward
            }
            d.flows.append(Flow(
                id: ItemID("flow-\(i + 1)"), from: ItemID("comp-\(from + 1)"), to: ItemID("comp-\(to + 1)"),
                label: "\(r.pick(words)) events", protocol: Flow.Protocol_.allCases[r.next(Flow.Protocol_.allCases.count)],
                mode: r.chance(30) ? .async : .sync, direction: r.chance(20) ? .twoWay : .oneWay,
                notes: i % 11 == 0 ? "Retries with backoff; idempotency key \(i)." : ""))
        }
        for i in 0..<requirements {
            let kind = Requirement.Kind.allCases[r.next(3)]
            d.requirements.append(Requirement(
                id: ItemID("req-\(i + 1)"), kind: kind,
                text: "The system shall handle \(r.pick(words)) case \(i) within budget",
                priority: Requirement.Priority.allCases[r.next(3)],
                category: kind == .functional ? nil : Requirement.Category.allCases[r.next(Requirement.Category.allCases.count)],
                notes: i % 5 == 0 ? "Agreed with product on review \(i)." : ""))
        }
        for i in 0..<tradeOffs {
            d.addTradeOff(title: "Decision \(i): \(r.pick(words)) storage", stage: StageKey.allCases[r.next(10)],
                          context: "Context for decision \(i): load grows \(r.next(10) + 2)× a year.",
                          options: [(name: "A", pros: ["fast", "simple"], cons: ["costly"]),
                                    (name: "B", pros: ["cheap"], cons: ["slow", "complex"]),
                                    (name: "C", pros: ["proven elsewhere"], cons: ["unproven here"])],
                          chosenIndex: r.next(3), rationale: "Because of requirement \(i).", status: .accepted)
        }
        // Checklist: about half the catalogue ticked, custom items and notes on every stage,
        // growing with the design.
        let customPerStage = max(2, components / 100)
        for key in StageKey.allCases {
            let items = catalogue[key].items
            d.updateStage(key) { s in
                for item in items where r.chance(55) { s.setDone(item.key, true) }
                s.notes = (0..<max(1, components / 200)).map { "Note \($0) on \(key.rawValue): \(r.pick(words)) is the hot path." }
                    .joined(separator: "\n")
            }
            for j in 0..<customPerStage {
                d.addCustomItem("Check the \(r.pick(words)) path (\(key.number).\(j))", to: key, done: r.chance(40))
            }
        }
        return d
    }

    /// A design of `components` components with about 1.8 flows per component and requirements
    /// and trade-offs in proportion (the keystroke benchmark's shape).
    static func make(components: Int, catalogue: StageCatalogue) -> Design {
        make(components: components, flows: components * 9 / 5, requirements: max(10, components / 4),
             tradeOffs: max(5, components / 20), catalogue: catalogue)
    }

    /// A design whose saved JSON is close to `bytes` (within a few per cent).
    static func make(approximateBytes bytes: Int, catalogue: StageCatalogue) -> (design: Design, bytes: Int) {
        var n = 1_000
        var result = (design: make(components: n, catalogue: catalogue), bytes: 0)
        for _ in 0..<3 {
            let size = (try? DesignCodec.encode(result.design).count) ?? 1
            result.bytes = size
            if abs(size - bytes) * 50 < bytes { break }
            n = max(10, Int(Double(n) * Double(bytes) / Double(size)))
            result.design = make(components: n, catalogue: catalogue)
        }
        if result.bytes == 0 || abs(result.bytes - bytes) * 50 >= bytes {
            result.bytes = (try? DesignCodec.encode(result.design).count) ?? 0
        }
        return result
    }
}

func describe(_ d: Design) -> String {
    "\(d.components.count) comp / \(d.flows.count) flows / \(d.requirements.count) req"
}

func kilobytes(_ n: Int) -> String {
    n >= 1_000_000 ? String(format: "%.2f MB", Double(n) / 1_000_000) : "\(n / 1000) KB"
}
