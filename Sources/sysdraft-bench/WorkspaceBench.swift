import DesignModel
import DesignStorage
import Foundation
import TextUI
import Workspace

/// Workspace benchmarks (issue 4):
/// 1. keystroke → finished frame: `Workspace.reduce` + `WorkspaceView.render` into a reused grid
///    and view memory at 200×60 + `Grid.diff` against the previous frame, per key, over a
///    realistic key sequence on a design with 1,000 components and 1,800 flows. Target p99 ≤ 2 ms.
/// 2. start to first frame with a 1 MB design: load + catalogue + `AppState` + first render.
///    Target ≤ 50 ms. Plus the real binary end to end (`sysdraft summary FILE`).
func runWorkspaceBench() {
    section("workspace (issue 4)")
    runKeystrokeBench()
    runStartupBench()
}

let benchScreen = ScreenSize(columns: 200, rows: 60)
let benchEnvironment = Environment(now: { Date(timeIntervalSince1970: 1_780_000_000) })

// MARK: keystrokes

/// One labelled step of the key script: the label groups timings in the breakdown.
struct Step {
    var label: String
    var key: Key
}

/// A session of a user finding their way around a large design: moving through lists, paging,
/// jumping to the ends, filtering by typing, opening forms and cancelling them, picking a flow's
/// component from a 1,000-entry list, help, renaming a component and undoing it.
func keyScript() -> [Step] {
    var s: [Step] = []
    func keys(_ label: String, _ ks: Key...) { for k in ks { s.append(Step(label: label, key: k)) } }
    func repeated(_ label: String, _ k: Key, _ n: Int) { for _ in 0..<n { s.append(Step(label: label, key: k)) } }
    func type(_ label: String, _ text: String) { for c in text { s.append(Step(label: label, key: .char(c))) } }

    let rounds = Int(ProcessInfo.processInfo.environment["SYSDRAFT_BENCH_ROUNDS"] ?? "") ?? 6
    for round in 0..<rounds {
        keys("pane switch", .char("2"))
        repeated("j/k move", .char("j"), 30)
        repeated("j/k move", .char("k"), 8)
        repeated("j/k move", .down, 6)
        keys("g/G ends", .char("G"))
        repeated("j/k move", .char("k"), 4)
        keys("g/G ends", .char("g"))
        repeated("page", .pageDown, 3)
        keys("page", .pageUp)
        // Filter the components by typing, then clear it.
        keys("/ filter open", .char("/"))
        type("filter typing", ["pay", "ord", "sea", "use"][round % 4])
        repeated("filter typing", .backspace, 2)
        type("filter typing", "e")
        keys("filter move", .down, .down, .up)
        keys("filter Esc", .escape)
        // Add form opened and cancelled.
        keys("form open", .char("a"))
        type("form typing", "cache tier")
        keys("form typing", .tab)
        type("form typing", "keeps hot keys")
        keys("form Esc", .escape)
        // Edit form opened and cancelled.
        keys("form open", .char("e"))
        keys("form typing", .end, .backspace)
        keys("form Esc", .escape)
        // Flows: move, filter, edit a flow and pick its source from the component list.
        keys("pane switch", .tab)
        repeated("j/k move", .char("j"), 25)
        keys("g/G ends", .char("G"), .char("g"))
        repeated("page", .pageDown, 2)
        keys("/ filter open", .char("/"))
        type("filter typing", ["sql", "grpc", "feed"][round % 3])
        keys("filter Esc", .escape)
        keys("form open", .char("e"))
        keys("form typing", .tab)              // focus "from"
        keys("picker", .char(" "))             // open the 1,000-entry list
        repeated("picker", .char("j"), 5)
        keys("picker", .char("G"), .char("g"))
        keys("picker", .escape)
        keys("form Esc", .escape)
        // Trade-offs and requirements.
        keys("pane switch", .tab)
        repeated("j/k move", .char("j"), 8)
        keys("pane switch", .tab)
        repeated("j/k move", .char("j"), 15)
        repeated("j/k move", .char("k"), 5)
        keys("pane switch", .backTab)
        // Help, scrolled and closed.
        keys("help", .char("?"), .char("j"), .char("j"), .escape)
        // Rename a component, confirm, undo.
        keys("pane switch", .char("2"))
        repeated("j/k move", .char("j"), 3)
        keys("form open", .char("e"))
        type("form typing", " v2")
        keys("edit confirm", .enter)
        keys("undo", .char("u"))
    }
    return s
}

private func runKeystrokeBench() {
    let catalogue = benchCatalogue()
    let design = BenchDesign.make(components: 1_000, catalogue: catalogue)
    let script = keyScript()
    let runs = Int(ProcessInfo.processInfo.environment["SYSDRAFT_BENCH_RUNS"] ?? "") ?? 5
    var all: [Double] = [], allCPU: [Double] = []
    var perRunP99: [Double] = []
    var reduceMs: [Double] = [], renderMs: [Double] = [], diffMs: [Double] = []
    var byLabel: [String: [Double]] = [:]
    var changedCells = 0

    for run in 0..<(runs + 1) {   // the first run warms up and is not recorded
        var state = AppState(design: design, filePath: "/tmp/bench.json", catalogue: catalogue)
        state.size = benchScreen
        var memory = ViewMemory()
        var grid = Grid(width: 0, height: 0)
        var previous = Grid(width: 0, height: 0)
        WorkspaceView.render(state, into: &previous, memory: &memory)
        var times: [Double] = []
        times.reserveCapacity(script.count)
        for step in script {
            let c0 = threadCPUTime()
            let t0 = benchClock.now
            _ = Workspace.reduce(&state, .key(step.key), benchEnvironment)
            let t1 = benchClock.now
            WorkspaceView.render(state, into: &grid, memory: &memory)
            let t2 = benchClock.now
            let runs = grid.diff(from: previous)
            let t3 = benchClock.now
            let cpu = threadCPUTime() - c0
            // The grid just drawn becomes the previous frame; the older one is drawn over next
            // (both keep their storage, as a long-running front end would).
            swap(&grid, &previous)
            benchSink &+= runs.count
            let total = ms(t3 - t0)
            times.append(total)
            if run > 0 {
                all.append(total)
                allCPU.append(cpu)
                reduceMs.append(ms(t1 - t0))
                renderMs.append(ms(t2 - t1))
                diffMs.append(ms(t3 - t2))
                byLabel[step.label, default: []].append(total)
                changedCells += runs.reduce(0) { $0 + $1.width }
            }
        }
        if run > 0 { perRunP99.append(Samples(times).p99) }
    }

    let s = Samples(all, cpu: allCPU)
    let size = "\(describe(design)), 200×60"
    out("keystroke → frame: \(script.count) keys per run, \(runs) runs (+1 warm-up), "
          + "p99 per run: " + perRunP99.map { formatMs($0) }.joined(separator: ", "))
    report("keystroke→frame (all keys)", size: size, runs: runs, s, target: .p99(2), showP99: true)
    let runP99 = Samples(perRunP99)
    out(pad("keystroke→frame p99, median of runs", 40) + " " + formatMs(runP99.median)
          + "  (runs: \(formatMs(runP99.min)) … \(formatMs(runP99.max)))")
    let (r, v, d) = (Samples(reduceMs), Samples(renderMs), Samples(diffMs))
    out("  parts: reduce median \(formatMs(r.median)) p99 \(formatMs(r.p99)) · render median \(formatMs(v.median)) "
          + "p99 \(formatMs(v.p99)) · diff median \(formatMs(d.median)) p99 \(formatMs(d.p99)) · "
          + "\(changedCells / max(1, all.count)) changed cells per frame on average")
    out("  by kind of key (slowest p99 first):")
    for (label, times) in byLabel.sorted(by: { Samples($0.value).p99 > Samples($1.value).p99 }) {
        let k = Samples(times)
        out("    " + pad(label, 16) + pad("\(times.count / runs) keys/run", 14) + " median " + pad(formatMs(k.median), 10)
              + " p99 " + pad(formatMs(k.p99), 10) + " max " + formatMs(k.max))
    }
}

// MARK: start to first frame

private func runStartupBench() {
    let catalogue = benchCatalogue()
    let dir = makeScratchDirectory("startup")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = (dir as NSString).appendingPathComponent("design-1mb.json")
    let (design, bytes) = BenchDesign.make(approximateBytes: 1_000_000, catalogue: catalogue)
    do { try DesignFile.save(design, to: path) } catch {
        out("startup: cannot write \(path): \(error)")
        return
    }
    let size = "\(kilobytes(bytes)): \(describe(design))"

    var load: [Duration] = [], cat: [Duration] = [], initial: [Duration] = [], render: [Duration] = []
    let samples = timeRuns(9) {
        let t0 = benchClock.now
        guard let d = try? DesignFile.load(path) else { return }
        let t1 = benchClock.now
        let c = benchCatalogue()
        let t2 = benchClock.now
        var state = AppState(design: d, filePath: path, catalogue: c)
        state.size = benchScreen
        let t3 = benchClock.now
        var grid = Grid(width: 0, height: 0)
        var memory = ViewMemory()
        WorkspaceView.render(state, into: &grid, memory: &memory)
        let t4 = benchClock.now
        benchSink &+= grid.width
        load.append(t1 - t0); cat.append(t2 - t1); initial.append(t3 - t2); render.append(t4 - t3)
    }
    report("start → first frame (in-proc)", size: size, runs: 9, samples, target: .median(50))
    out("  parts (median): load \(formatMs(Samples(load).median)) · catalogue \(formatMs(Samples(cat).median)) · "
          + "AppState \(formatMs(Samples(initial).median)) · first render \(formatMs(Samples(render).median))")

    runBinaryStartup(path: path, size: size)
}

/// `sysdraft summary FILE` end to end as a separate process: process start, runtime and
/// Foundation start-up, loading the file and the catalogue, printing. With hyperfine when it is
/// installed; our own posix_spawn loop always.
private func runBinaryStartup(path: String, size: String) {
    let exe = URL(fileURLWithPath: AtomicFile.resolveSymlinks("/proc/self/exe")).deletingLastPathComponent()
        .appendingPathComponent("sysdraft").path
    guard FileManager.default.isExecutableFile(atPath: exe) else {
        out("sysdraft summary: skipped — \(exe) not built (swift build -c release --product sysdraft)")
        return
    }
    let args = [exe, "summary", path]
    var spawned: [Duration] = [], cpu: [Double] = []
    var failed = false
    for i in 0..<23 {
        let c0 = childrenCPUTime()
        let t = benchClock.measure { failed = failed || spawnQuietly(args) != 0 }
        if i >= 3 { spawned.append(t); cpu.append(childrenCPUTime() - c0) }   // three warm-ups
    }
    if failed { out("sysdraft summary: the command failed; timing below is of a failing run") }
    report("sysdraft summary FILE (spawn)", size: size, runs: spawned.count, Samples(spawned, cpu: cpu),
           target: .median(50))

    guard let hyperfine = findInPath("hyperfine") else {
        out("  (hyperfine not installed: `apt-get install -y hyperfine` for a second opinion)")
        return
    }
    let json = (NSTemporaryDirectory() as NSString).appendingPathComponent("sysdraft-hyperfine-\(getpid()).json")
    defer { try? FileManager.default.removeItem(atPath: json) }
    let command = args.map { "'\($0)'" }.joined(separator: " ")
    guard spawnQuietly([hyperfine, "-N", "--warmup", "3", "--runs", "30", "--export-json", json, command]) == 0,
          let data = FileManager.default.contents(atPath: json),
          let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
          let result = (root["results"] as? [[String: Any]])?.first,
          let median = result["median"] as? Double, let times = result["times"] as? [Double] else {
        out("  hyperfine failed; see `hyperfine -N '\(exe) summary \(path)'`")
        return
    }
    let s = Samples(times.map { $0 * 1000 })
    out(pad("sysdraft summary FILE (hyperfine)", 30) + " " + pad(size, 34) + " " + pad("\(times.count) runs", 10)
          + " median " + pad(formatMs(median * 1000), 10) + " (min \(formatMs(s.min)), max \(formatMs(s.max)))")
}

/// User + system CPU time of waited-for children so far, in milliseconds.
func childrenCPUTime() -> Double {
    var u = rusage()
    getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &u)
    return Double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 + Double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3
}

func findInPath(_ name: String) -> String? {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
        let p = "\(dir)/\(name)"
        if FileManager.default.isExecutableFile(atPath: p) { return p }
    }
    return nil
}

/// Runs a program with stdout and stderr sent to /dev/null and waits; returns its exit status.
func spawnQuietly(_ args: [String]) -> Int32 {
    var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
    defer { for p in argv { free(p) } }
    var pid: pid_t = 0
    guard posix_spawn(&pid, args[0], &actions, nil, argv, environ) == 0 else { return -1 }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
}
