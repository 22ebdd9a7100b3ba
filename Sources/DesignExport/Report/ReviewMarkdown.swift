import DesignModel
import DesignReview

/// `sysdraft review --format markdown`: the review of each file as a pull-request comment: the
/// counts, the open findings by stage, the accepted ones with their reasons.
public enum ReviewMarkdown {
    public static func render(_ files: [ReviewedFile]) -> String {
        var out = ""
        func line(_ s: String = "") { out += s + "\n" }
        func cell(_ s: String) -> String { MarkdownText.inline(s) }
        for (n, file) in files.enumerated() {
            if n > 0 { line() }
            let r = file.result
            let title = TextSafety.oneLine(file.design.title)
            line("## Design review: " + MarkdownText.inline(title.isEmpty ? "Untitled design" : title, heading: true))
            line()
            let counts = ReviewSeverity.allCases.map { $0.counted(r.count($0)) }.joined(separator: ", ")
            line("`" + file.path.replacingOccurrences(of: "`", with: "'").replacingOccurrences(of: "\n", with: " ") + "` — **\(counts)** open"
                 + (r.accepted.isEmpty ? "" : ", \(r.accepted.count) accepted") + ".")
            line()
            for key in StageKey.allCases {
                let found = r.open(in: key)
                guard !found.isEmpty else { continue }
                line("### \(key.number). " + key.label)
                line()
                line("| Severity | Finding | Items | Fix | Rule |")
                line("| :-- | :-- | :-- | :-- | :-- |")
                for f in found {
                    let at = file.text.map { t -> String in let p = t.position(of: f); return " (line \(p.line))" } ?? ""
                    line("| \(f.severity.rawValue) | \(cell(f.message))\(at) | \(f.items.map(cell).joined(separator: ", ")) | \(cell(f.hint)) | `\(f.rule)` |")
                }
                line()
            }
            if r.open.isEmpty { line("_Nothing open._"); line() }
            if !r.accepted.isEmpty {
                line("### Accepted")
                line()
                line("| Finding | Reason | Rule |")
                line("| :-- | :-- | :-- |")
                for a in r.accepted {
                    line("| \(cell(a.finding.message)) | \(cell(a.acceptance.reason)) | `\(a.finding.rule)` |")
                }
                line()
            }
        }
        while out.hasSuffix("\n\n") { out.removeLast() }
        return out
    }
}
