import DesignModel
import DesignReview
import DesignStorage
import Foundation
import Workspace

/// The design review (issue 15): every rule over the benchmark design of 1,000 components and
/// 1,800 flows (the keystroke benchmark's design), target ≤ 10 ms so the workspace can review on
/// every edit. Also what the workspace pays per edit (the review inside `AppState` when the
/// design changes) and what `sysdraft review --format sarif` adds (indexing the file's text and
/// writing SARIF).
func runReviewBench() {
    section("design review (issue 15)")
    let catalogue = benchCatalogue()
    let runs = Int(ProcessInfo.processInfo.environment["SYSDRAFT_BENCH_RUNS"] ?? "") ?? 15
    for size in [200, 1_000] {
        let design = BenchDesign.make(components: size, catalogue: catalogue)
        var result = ReviewResult()
        let s = timeRuns(runs) { result = DesignReviewer.review(design) }
        report("review, every rule", size: describe(design), runs: runs, s, target: size == 1_000 ? .median(10) : nil)
        let byRule = Dictionary(grouping: result.open, by: \.rule).map { "\($0.key) \($0.value.count)" }.sorted()
        out("  \(result.open.count) findings: " + byRule.joined(separator: ", "))
        benchSink &+= result.open.count
    }

    // An edit in the workspace: rename a component (the review runs again) and undo it.
    let design = BenchDesign.make(components: 1_000, catalogue: catalogue)
    var state = AppState(design: design, filePath: "/tmp/bench.json", catalogue: catalogue)
    var n = 0
    let edit = timeRuns(runs) {
        n += 1
        state.design.components[n % state.design.components.count].name += "x"
        benchSink &+= state.review.open.count
    }
    report("edit → review in AppState", size: describe(design), runs: runs, edit)
    let untouched = timeRuns(runs) {
        n += 1
        state.design.title = "Title \(n)"
        benchSink &+= state.review.open.count
    }
    report("edit the review ignores", size: "title change, same design", runs: runs, untouched)

    // The CLI's extra work for SARIF: index the file's text, write the document.
    guard let bytes = try? [UInt8](DesignCodec.encode(design)) else { return }
    let result = DesignReviewer.review(design)
    var text = ""
    let sarif = timeRuns(runs) {
        let file = ReviewedFile(path: "bench.json", design: design, text: DesignTextIndex(bytes), result: result)
        text = ReviewSARIF.render([file], toolVersion: "bench")
    }
    report("SARIF: index text + render", size: "\(kilobytes(bytes.count)), \(result.open.count) findings", runs: runs, sarif)
    benchSink &+= text.utf8.count
}
