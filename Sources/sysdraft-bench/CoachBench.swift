import DesignModel
import Foundation
import Interview
import Workspace

/// Interview coach benchmarks (issue 17), on the keystroke benchmark's design (1,000 components,
/// 1,800 flows) with an interview running:
/// 1. one edit stamped on the timeline: `Workspace.reduce` of a key that renames a component
///    through its form (reduce + `mutate` + the generic diff of every item list + tags). It runs
///    inside a keystroke, so the keystroke target (p99 ≤ 2 ms) applies.
/// 2. the key-point check when the interview finishes (once per interview).
/// 3. reading a practice history of 10,000 attempts (`sysdraft practice`).
func runCoachBench() {
    section("interview coach (issue 17)")
    let catalogue = benchCatalogue()
    let design = BenchDesign.make(components: 1_000, catalogue: catalogue)
    let plan = InterviewPlan(name: "bench", title: "Bench", phases: [
        .init(key: "clarify", title: "Clarify", plannedSeconds: 600, stages: [.requirements]),
        .init(key: "deep-dive", title: "Deep dive", plannedSeconds: 3000, stages: [.lowLevelDesign]),
    ])
    let problem = PracticeProblem(key: "bench", title: "Bench", statement: "A benchmark.", keyPoints: (0..<10).map {
        .init(id: "k\($0)", kind: .component, text: "Point \($0)", match: ["cach*|redis|memcach*", "replic*|shard*|partition*"])
    })

    // 1. Stamping an edit: confirm a component's edit form with a changed name, with and
    //    without an interview running (the difference is the coach's cost).
    let env = Environment(now: { Date(timeIntervalSince1970: 1_780_000_000) }, monotonic: { .seconds(100) })
    let runs = Int(ProcessInfo.processInfo.environment["SYSDRAFT_BENCH_RUNS"] ?? "") ?? 200
    for interview in [true, false] {
        var state = AppState(design: design, filePath: "/tmp/bench.json", catalogue: catalogue)
        state.size = benchScreen
        if interview {
            var session = InterviewSession(plan: plan)
            session.start(at: .zero)
            state.interview = session
        }
        _ = Workspace.reduce(&state, .key(.char("2")), env)
        var samples: [Duration] = []
        var cpu: [Double] = []
        for i in 0..<(runs + 5) {
            _ = Workspace.reduce(&state, .key(.char("e")), env)        // open the edit form (untimed)
            _ = Workspace.reduce(&state, .key(.end), env)
            _ = Workspace.reduce(&state, .key(.char(Character(String(i % 10)))), env)
            let c0 = threadCPUTime()
            let t = benchClock.measure { _ = Workspace.reduce(&state, .key(.enter), env) }   // confirm: mutate (+ stamp)
            if i >= 5 { samples.append(t); cpu.append(threadCPUTime() - c0) }
        }
        benchSink &+= state.design.interview?.timeline.count ?? 0
        report(interview ? "edit confirmed, interview on" : "edit confirmed, no interview", size: describe(design), runs: runs,
               Samples(samples, cpu: cpu), target: .p99(2), showP99: true)
    }

    // 2. The key-point check, and its parts: the generic view of every item, the normalised words.
    let items = timeRuns(5) { benchSink &+= DesignItems.all(in: design).count }
    report("  every item, generically", size: describe(design), runs: 5, items)
    let all = DesignItems.all(in: design)
    let words = timeRuns(5) { benchSink &+= all.reduce(0) { $0 + KeywordMatcher.words($1.title + " · " + $1.text).count } }
    report("  their words", size: describe(design), runs: 5, words)

    let check = timeRuns(20) { benchSink &+= KeyPointCheck.check(problem.keyPoints, in: design).filter(\.covered).count }
    report("key-point check", size: describe(design) + ", 10 points", runs: 20, check)

    // 3. Parsing a long practice history.
    var record = InterviewRecord(plan: "standard", problem: "url-shortener", phases: [
        .init(key: "clarify", title: "Clarify", plannedSeconds: 480, actualSeconds: 530),
        .init(key: "deep-dive", title: "Deep dive", plannedSeconds: 1020, actualSeconds: 900),
    ], finished: true, scores: ["estimation": 2, "requirements": 3])
    var data = Data()
    for i in 0..<10_000 {
        record.attempt = "attempt-\(i)"
        data += (try? PracticeHistory.line(PracticeAttempt(record: record, problemTitle: "URL shortener", file: "/tmp/d.json",
                                                           recordedAt: Date(timeIntervalSince1970: 1_780_000_000 + Double(i))))) ?? Data()
    }
    let parse = timeRuns(5) {
        let (h, _) = PracticeHistory.parse(data)
        benchSink &+= h.trends.count + h.timeBias.count
    }
    report("practice history read", size: "10,000 attempts, \(kilobytes(data.count))", runs: 5, parse)
}
