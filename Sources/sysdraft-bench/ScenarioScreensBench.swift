// Scenario screens benchmark (issue 14, round 2): keystroke → frame on the step editor and the
// sequence screen with the 200-step nested scenario of the sequence benchmark, at 120×40.
// Keys that only move or scroll must stay within the workspace's p99 ≤ 2 ms; keys that change
// the drawing (an edit, ASCII on/off) draw the whole scenario again and are shown apart.

import DesignModel
import Foundation
import TextUI
import Workspace

func runScenarioScreensBench() {
    section("scenario screens (issue 14)")
    let design = makeSequenceBenchDesign(steps: 200)
    let size = ScreenSize(columns: 120, rows: 40)
    let runs = Int(ProcessInfo.processInfo.environment["SYSDRAFT_BENCH_RUNS"] ?? "") ?? 5
    let catalogue = StageCatalogue(stages: StageKey.allCases.map {
        .init(key: $0, title: $0.label, shortTitle: $0.label, purpose: "", items: [])
    })
    let scenarioKey = Key.char(Character(String(Pane.scenarios.number)))
    var moves: [Double] = [], redraws: [Double] = [], moveCPU: [Double] = [], redrawCPU: [Double] = []
    for run in 0...runs {
        var state = AppState(design: design, filePath: "/tmp/bench.json", catalogue: catalogue)
        _ = Workspace.reduce(&state, .resized(size), benchEnvironment)
        var grid = Grid(width: size.columns, height: size.rows)
        var memory = ViewMemory()
        func press(_ key: Key, redraw: Bool) {
            let c0 = threadCPUTime()
            let t0 = benchClock.now
            _ = Workspace.reduce(&state, .key(key), benchEnvironment)
            WorkspaceView.render(state, into: &grid, memory: &memory)
            let t = ms(benchClock.now - t0), c = threadCPUTime() - c0
            guard run > 0 else { return }
            if redraw { redraws.append(t); redrawCPU.append(c) } else { moves.append(t); moveCPU.append(c) }
        }
        press(scenarioKey, redraw: false)
        press(.char("s"), redraw: false)
        for _ in 0..<120 { press(.char("j"), redraw: false) }
        for _ in 0..<10 { press(.char("J"), redraw: true) }          // an edit: one undo step each
        press(.char("S"), redraw: true)                               // draws the scenario
        for _ in 0..<60 { press(.char("j"), redraw: false) }
        for _ in 0..<10 { press(.pageDown, redraw: false) }
        for _ in 0..<10 { press(.char("l"), redraw: false) }
        for _ in 0..<10 { press(.char("n"), redraw: false) }
        press(.char("A"), redraw: true)
        for _ in 0..<30 { press(.char("k"), redraw: false) }
        press(.char("A"), redraw: true)
        press(.char("s"), redraw: false)
        benchSink &+= grid.width
    }
    let label = "200 steps, nested blocks, 120×40"
    report("scenario screens: move/scroll", size: label, runs: moves.count, Samples(moves, cpu: moveCPU), target: .p99(2), showP99: true)
    report("scenario screens: edit/redraw", size: label, runs: redraws.count, Samples(redraws, cpu: redrawCPU), showP99: true)
}
