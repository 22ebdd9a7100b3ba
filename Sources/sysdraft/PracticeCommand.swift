import App
import ArgumentParser
import DesignModel
import DesignStorage
import Foundation
import Interview

struct PracticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "practice",
        abstract: "Show your interview practice: attempts, trends per dimension, time per phase, what to practise next.",
        discussion: """
            Reads the practice history, $XDG_DATA_HOME/sysdraft/history.jsonl (by default \\
            ~/.local/share/sysdraft/history.jsonl), where every finished interview is appended. \\
            A line that cannot be read is skipped with a warning; the file is never rewritten.

            The suggestion favours problems that work on your weakest self-assessment dimension \\
            (lowest mean over your last five scored attempts), then the least recently practised \\
            one, and never repeats the problem of your last attempt.
            """
    )

    @Option(help: ArgumentHelp("Read this history file instead.", valueName: "PATH"))
    var history: String?

    @Option(help: "Show at most this many recent attempts in the list.")
    var last = 20

    func validate() throws {
        if last < 1 { throw ValidationError("--last must be at least 1") }
    }

    func run() throws {
        guard let path = history ?? PracticeLog.path else {
            printError("neither XDG_DATA_HOME nor HOME is set; use --history PATH")
            throw Exit.usage
        }
        var data = Data()
        if FileManager.default.fileExists(atPath: path) {
            do { data = try AtomicFile.read(path) } catch {
                printError("\(error)")
                throw Exit.fileError
            }
        }
        let (history, warnings) = PracticeHistory.parse(data, name: (path as NSString).lastPathComponent)
        for w in warnings { printError(w) }
        let assets = try? assetsOrExit()
        let problems = assets.map { InterviewLibrary(assets: $0).problems().set.problems } ?? []
        let text = Self.render(history, problems: problems, path: path, last: last)
        sayLines(text.hasSuffix("\n") ? String(text.dropLast()) : text)
    }

    static func render(_ history: PracticeHistory, problems: [PracticeProblem], path: String, last: Int = 20) -> String {
        var out = ""
        func line(_ s: String = "") {
            var t = s
            while t.hasSuffix(" ") { t.removeLast() }
            out += t + "\n"
        }
        func one(_ s: String) -> String { DesignItems.oneLine(s, limit: 28) }
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
        let n = history.attempts.count
        guard n > 0 else {
            line("No practice recorded yet (\(path)).")
            line("Finish an interview with `sysdraft interview` and it appears here.")
            if let s = history.suggestion(from: problems) {
                line()
                line("Start with: \(s.problem.title) (sysdraft interview --problem \(s.problem.key))")
            }
            return out
        }
        line("Practice history: \(n) attempt\(n == 1 ? "" : "s") (\(path))")
        line()
        line("Attempts" + (n > last ? " (the last \(last) of \(n))" : ""))
        line("  " + pad("#", 4) + pad("date", 12) + pad("problem", 30) + pad("plan", 10) + pad("time used", 17)
            + pad("score", 7) + pad("key points", 12) + "flags")
        for (i, a) in history.attempts.enumerated().suffix(last) {
            let scores = InterviewRecord.Dimension.allCases.compactMap { a.score($0) }
            let mean = scores.isEmpty ? "—" : String(format: "%.1f", Double(scores.reduce(0, +)) / Double(scores.count))
            let points = a.keyPointsTotal > 0 ? "\(a.keyPointsCovered)/\(a.keyPointsTotal)" : "—"
            let time = "\(TimeFormat.clock(a.actualSeconds)) / \(TimeFormat.clock(a.plannedSeconds))"
            line("  " + pad("\(i + 1)", 4) + pad(Self.day(a.recordedAt), 12) + pad(one(a.problemTitle ?? a.problem ?? "—"), 30)
                + pad(DesignItems.oneLine(a.plan, limit: 9), 10) + pad(time, 17) + pad(mean, 7) + pad(points, 12) + "\(a.flags.count)")
        }
        line()
        line("Self-assessment per dimension (1 weak … 4 strong, oldest → newest)")
        for t in history.trends {
            let latest = t.latest.map { "latest \($0)" } ?? "not scored"
            let mean = t.mean().map { String(format: "mean %.1f", $0) } ?? ""
            line("  " + pad(t.dimension.title, 29) + pad(t.sparkline, max(n, 8) + 2) + pad(latest, 11) + mean)
        }
        let bias = history.timeBias
        if !bias.isEmpty {
            line()
            line("Time per phase (actual minus planned, mean over attempts)")
            for b in bias {
                let d = b.meanDeltaSeconds
                let words = d > 0 ? "\(TimeFormat.clock(d)) over" : d < 0 ? "\(TimeFormat.clock(-d)) under" : "on time"
                line("  " + pad(DesignItems.oneLine(b.title, limit: 28), 29) + pad(words, 14)
                    + "over in \(b.overCount) of \(b.attempts)")
            }
        }
        let flags = history.flagCounts
        if !flags.isEmpty {
            line()
            line("Mistakes flagged")
            for f in flags { line("  " + pad(f.mistake.title, 54) + "\(f.count) of \(n) attempts") }
        }
        if let s = history.suggestion(from: problems) {
            line()
            line("Next: \(s.problem.title) — " + s.reasons.joined(separator: "; ") + ".")
            line("  sysdraft interview --problem \(s.problem.key)")
        }
        return out
    }

    static func day(_ date: Date) -> String {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        let c = cal.dateComponents([.year, .month, .day], from: date)
        func two(_ n: Int?) -> String { let v = n ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        return "\(c.year ?? 0)-\(two(c.month))-\(two(c.day))"
    }
}
