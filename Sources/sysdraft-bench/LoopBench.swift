import App
import DesignModel
import DesignStorage
import Foundation
import TextUI
import Workspace

/// The whole run loop per key (issue 10): the workspace benchmark's key script sent through
/// `WorkspaceLoop` on a `TestBackend` — reduce, render, the document session's recovery
/// bookkeeping (what the copy holds, whether it is due), the crash handler's copy, and the
/// backend — with 100 ms of (fake) time between keys, so recovery copies fall due as they do
/// while typing. The terminal's own drawing is not in it (ncurses), nor is the diff.
func runLoopBench() {
    section("workspace run loop (issue 10)")
    let catalogue = benchCatalogue()
    let design = BenchDesign.make(components: 1_000, catalogue: catalogue)
    let script = keyScript()
    let runs = Int(ProcessInfo.processInfo.environment["SYSDRAFT_BENCH_RUNS"] ?? "") ?? 5
    var all: [Double] = []
    var writes = 0
    for run in 0..<(runs + 1) {
        let fs = InMemoryFileSystem()
        let path = "/bench/d.json"
        guard let data = try? DesignCodec.encode(design) else { return }
        fs.addFile(path, data)
        guard let session = try? DocumentSession(opening: path, fileSystem: fs) else { return }
        session.takeLock()
        let clock = FakeClock()
        let backend = TestBackend(size: benchScreen, clock: clock)
        backend.checksCells = false
        let state = WorkspaceStart.state(session: session, catalogue: catalogue, options: .init())
        let env = Environment(now: { clock.date }, monotonic: { clock.now }, scrollLimit: WorkspaceView.scrollLimit)
        let loop = WorkspaceLoop(state: state, session: session, backend: backend, environment: env,
                                 crashKeeper: NullCrashKeeper())
        var marks: [ContinuousClock.Instant] = []
        var steps: [TestBackend.Step] = []
        for step in script {
            // 100 ms pass between keys (on the fake clock, inside the script: no idle frame).
            steps.append(.run { _ in
                marks.append(benchClock.now)
                clock.advance(by: .milliseconds(100))
            })
            steps.append(.key(step.key))
        }
        steps.append(.run { _ in marks.append(benchClock.now) })
        steps.append(.key(.char(":")))
        steps.append(.type("q!"))
        steps.append(.key(.enter))
        backend.script(steps)
        _ = loop.run()
        if run > 0 {
            // From one key's arrival to the next: the whole iteration the key causes.
            for i in 1..<marks.count { all.append(ms(marks[i] - marks[i - 1])) }
            writes += fs.log.filter { $0.hasSuffix(".sysdraft-recovery") }.count
        }
    }
    let s = Samples(all)
    report("key → frame through the loop", size: "\(describe(design)), 200×60, a key per 100 ms", runs: runs, s,
           target: .p99(2), showP99: true)
    out("  recovery copies written: \(writes / max(1, runs)) per run of \(script.count) keys")
}

private final class NullCrashKeeper: CrashKeeping {
    func keep(_ data: Data, recoveryPath: String) {}
    func forget() {}
}
