import Foundation

// sysdraft-bench [all|export|workspace|storage|diagram|sequence|lowlevel|estimates|git|…]
//
// Benchmarks are measured, not asserted: each prints its figures and PASS/MISS against the
// targets in DESIGN-NOTES.md, and the program exits 0 either way. Use a release build
// (`make bench`); debug-build figures mean nothing.

/// The benchmarks, in the order `all` runs them.
let benchmarks: [(name: String, run: () -> Void)] = [
    ("workspace", runWorkspaceBench),
    ("loop", runLoopBench),
    ("storage", runStorageBench),
    ("export", runExportBench),
    ("diagram", runDiagramBench),
    ("sequence", runSequenceBench),
    ("scenarios", runScenarioScreensBench),
    ("lowlevel", runLowLevelBench),
    ("estimates", runEstimatesBench),
    ("git", runGitBench),
    ("coach", runCoachBench),
    ("review", runReviewBench),
    ("crossings", runCrossingComparison),
]

let arguments = Array(CommandLine.arguments.dropFirst())
// Internal: one timed export in a child process (see `timeChildExport`).
if arguments.first == "export-text-once", arguments.count == 3, let c = Int(arguments[1]), let f = Int(arguments[2]) {
    runOneTextExport(components: c, flows: f)
    exit(0)
}
if arguments.contains(where: { $0 == "-h" || $0 == "--help" }) || arguments.count > 1 {
    out("usage: sysdraft-bench [all|" + benchmarks.map(\.name).joined(separator: "|") + "]")
    exit(arguments.count > 1 ? 2 : 0)
}
let choice = arguments.first ?? "all"
let selected = choice == "all" ? benchmarks : benchmarks.filter { $0.name == choice }
if selected.isEmpty {
    let message = "sysdraft-bench: unknown benchmark \"\(choice)\"; choose all, "
        + benchmarks.map(\.name).joined(separator: ", ") + "\n"
    FileHandle.standardError.write(Data(message.utf8))
    exit(2)
}

#if DEBUG
out("warning: this is a debug build; the figures mean nothing. Use `make bench` (release).")
#endif
out("sysdraft-bench \(choice) · \(machineDescription()) · \(Date())")
for bench in selected { bench.run() }
printSummary()
