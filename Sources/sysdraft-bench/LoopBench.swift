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
    var frames: [Double] = []
    var byLabel: [String: [Double]] = [:]
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
        backend.keepsFrames = false
        let state = WorkspaceStart.state(session: session, catalogue: catalogue, options: .init())
        let env = Environment(now: { clock.date }, monotonic: { clock.now }, scrollLimit: WorkspaceView.scrollLimit)
        let loop = WorkspaceLoop(state: state, session: session, backend: backend, environment: env,
                                 crashKeeper: NullCrashKeeper())
        var marks: [ContinuousClock.Instant] = []
        var logSizes: [Int] = []
        var drawn: [ContinuousClock.Instant] = []
        backend.onDraw = { drawn.append(benchClock.now) }
        var steps: [TestBackend.Step] = []
        for step in script {
            // 100 ms pass between keys (on the fake clock, inside the script: no idle frame).
            steps.append(.run { _ in
                marks.append(benchClock.now)
                logSizes.append(fs.log.count)
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
            // From a key's arrival to its frame (what the user waits for), and to the loop
            // asking for the next key (the frame plus the work after it: the recovery copy).
            var d = 0
            for i in 1..<marks.count {
                while d < drawn.count && drawn[d] < marks[i - 1] { d += 1 }
                if d < drawn.count && drawn[d] <= marks[i] {
                    frames.append(ms(drawn[d] - marks[i - 1]))
                    if i - 1 < script.count { byLabel[script[i - 1].label, default: []].append(ms(drawn[d] - marks[i - 1])) }
                    // Did the file system see writes in the iteration before this key?
                    let afterWrite = i >= 2 && logSizes[i - 1] != logSizes[i - 2]
                    byLabel[afterWrite ? "(after a write)" : "(no write before)", default: []].append(ms(drawn[d] - marks[i - 1]))
                }
                all.append(ms(marks[i] - marks[i - 1]))
            }
            writes += fs.log.filter { $0.hasSuffix(".sysdraft-recovery") }.count
        }
    }
    report("key → frame through the loop", size: "\(describe(design)), 200×60, a key per 100 ms", runs: runs, Samples(frames),
           target: .p99(2), showP99: true)
    report("  key → ready for the next key", size: "the frame, then the recovery copy when one is due", runs: runs, Samples(all),
           showP99: true)
    out("  key → frame by kind of key (slowest p99 first):")
    for (label, times) in byLabel.sorted(by: { Samples($0.value).p99 > Samples($1.value).p99 }).prefix(12) {
        let k = Samples(times)
        out("    " + pad(label, 16) + pad("\(times.count / max(1, runs)) keys/run", 14) + " median " + pad(formatMs(k.median), 10)
              + " p99 " + pad(formatMs(k.p99), 10) + " max " + formatMs(k.max))
    }
    out("  recovery copies written: \(writes / max(1, runs)) per run of \(script.count) keys")
}

private final class NullCrashKeeper: CrashKeeping {
    func keep(_ data: Data, recoveryPath: String) {}
    func forget() {}
}
