import DesignModel
import Estimates

/// The design review: runs every rule the configuration leaves on over a design. Pure.
public enum DesignReviewer {
    /// `evaluated`: the design's estimate sheet and load when the caller has them already
    /// (they must be of this design).
    public static func review(_ design: Design, config: ReviewConfig = .standard,
                              evaluated: (sheet: EstimateSheet, load: DesignLoad)? = nil) -> ReviewResult {
        review(design, config: config, evaluated: evaluated, reusing: nil).result
    }

    /// The review, and what the next review may reuse. `previous` must come from a review of a
    /// design that differs from this one in its estimates only (an estimate edited, added or
    /// removed) and of the same configuration: then only the rules that read the estimates (the
    /// sheet or the load) when they last ran are run again, and the others' findings are kept.
    /// An edit on the Estimates screen then costs the few estimate rules, not the whole review.
    public static func review(_ design: Design, config: ReviewConfig, evaluated: (sheet: EstimateSheet, load: DesignLoad)?,
                              reusing previous: ReviewMemo?) -> (result: ReviewResult, memo: ReviewMemo) {
        let context = ReviewContext(design, config: config, evaluated: evaluated)
        let reuse = previous?.config == config ? previous : nil
        var memo = ReviewMemo(config: config)
        var found: [ReviewFinding] = []
        for (i, rule) in ReviewRules.all.enumerated() {
            guard let severity = config.severity(of: rule) else { continue }
            let run: ReviewMemo.RuleRun
            if let kept = reuse?.runs[i], !kept.readEstimates {
                run = kept
            } else {
                context.readEstimates = false
                let findings = rule.run(context).map { hit in
                    ReviewFinding(rule: rule.id, severity: severity, stage: rule.stage, message: hit.message,
                                  hint: rule.hint, items: hit.items, location: hit.location)
                }
                run = ReviewMemo.RuleRun(findings: findings, readEstimates: context.readEstimates)
                memo.rulesRun += 1
            }
            memo.runs[i] = run
            found += run.findings
        }
        return (finish(found, acceptedIn: design), memo)
    }

    /// Errors first; within a severity, in rule order, then as found; then split by the design's
    /// acceptances. `found` is in rule order already, so grouping by severity keeps the rest.
    static func finish(_ found: [ReviewFinding], acceptedIn design: Design) -> ReviewResult {
        var sorted: [ReviewFinding] = []
        sorted.reserveCapacity(found.count)
        for severity in ReviewSeverity.allCases.sorted(by: >) { sorted += found.filter { $0.severity == severity } }

        guard !design.acceptedFindings.isEmpty else { return ReviewResult(open: sorted) }
        var acceptances: [String: AcceptedFinding] = [:]
        for a in design.acceptedFindings where acceptances[a.key] == nil { acceptances[a.key] = a }
        var result = ReviewResult()
        var used = Set<String>()
        for f in sorted {
            let key = f.key
            if let a = acceptances[key] {
                result.accepted.append(AcceptedReviewFinding(finding: f, acceptance: a))
                used.insert(key)
            } else {
                result.open.append(f)
            }
        }
        result.stale = design.acceptedFindings.filter { !used.contains($0.key) }
        return result
    }
}

/// What a review keeps for the next one: each rule's findings and whether the rule read the
/// design's estimates while it ran (see `DesignReviewer.review(_:config:evaluated:reusing:)`).
public struct ReviewMemo: Equatable, Sendable {
    struct RuleRun: Equatable, Sendable {
        var findings: [ReviewFinding]
        var readEstimates: Bool
    }

    let config: ReviewConfig
    /// By position in `ReviewRules.all`; rules the configuration turns off have none.
    var runs: [Int: RuleRun] = [:]
    /// How many rules this review ran (the others' findings were kept from the one before).
    var rulesRun = 0

    init(config: ReviewConfig) { self.config = config }
}
