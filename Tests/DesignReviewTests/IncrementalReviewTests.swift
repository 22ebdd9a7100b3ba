import DesignModel
@testable import DesignReview
import Foundation
import TestSupport
import Testing

/// A review after an estimate edit re-runs only the rules that read the estimates and keeps the
/// others' findings: it must give exactly what a whole review gives.
@Suite struct IncrementalReviewTests {
    /// Reviews `design` reusing `memo`, checks it against a whole review, and returns the memo.
    @discardableResult
    func check(_ design: Design, after memo: ReviewMemo?, _ note: String,
               sourceLocation: SourceLocation = #_sourceLocation) -> ReviewMemo {
        // As the workspace calls it: with the sheet and load it keeps.
        let sheet = design.estimateSheet()
        let (incremental, next) = DesignReviewer.review(design, config: .standard, evaluated: (sheet, DesignLoad(design, sheet: sheet)),
                                                        reusing: memo)
        #expect(incremental == DesignReviewer.review(design), "\(note)", sourceLocation: sourceLocation)
        return next
    }

    @Test func anEstimateEditRunsOnlyTheRulesThatReadEstimates() {
        var (s, ids) = Sound.sketch()
        let service = s.design.components.firstIndex { $0.id.rawValue == ids.service }!
        let db = s.design.components.firstIndex { $0.id.rawValue == ids.db }!
        s.design.estimates = [Estimate(id: "est-1", name: "peak_qps", expression: "1K /s"),
                              Estimate(id: "est-2", name: "db_nodes", expression: "2")]
        s.design.components[service].capacity = "1K /s"
        s.design.components[db].instances = "db_nodes"
        s.design.flows[2].rate = "peak_qps"
        var memo = check(s.design, after: nil, "first review")
        let enabled = ReviewRules.all.filter { ReviewConfig.standard.severity(of: $0) != nil }.count
        #expect(memo.rulesRun == enabled)
        #expect(DesignReviewer.review(s.design).open.allSatisfy { $0.rule != "component.overloaded" })

        // More load than the service takes: the overload finding appears.
        s.design.estimates[0].expression = "5K /s"
        memo = check(s.design, after: memo, "overloaded")
        #expect(memo.rulesRun > 0 && memo.rulesRun < enabled, "ran \(memo.rulesRun) of \(enabled)")
        #expect(DesignReviewer.review(s.design).open.contains { $0.rule == "component.overloaded" })

        // One database node: the single point of failure appears (instances from an estimate).
        s.design.estimates[1].expression = "1"
        memo = check(s.design, after: memo, "one node")
        #expect(DesignReviewer.review(s.design).open.contains { $0.rule == "component.single-point-of-failure" })

        // An estimate with an error, one removed, one added back.
        s.design.estimates[0].expression = "5K /s +"
        memo = check(s.design, after: memo, "error")
        s.design.estimates.removeLast()
        memo = check(s.design, after: memo, "removed")
        s.design.estimates.append(Estimate(id: "est-3", name: "db_nodes", expression: "3"))
        memo = check(s.design, after: memo, "added")
        #expect(memo.rulesRun < enabled)
    }

    @Test func randomEstimateEditsOfTheWorkedExampleMatchAWholeReview() throws {
        let original = try DesignCodec.decode(try Data(contentsOf: OutputTests.example))
        #expect(!original.estimates.isEmpty)
        let values = ["1", "0", "3", "1K /s", "200M /s", "1 KB", "-1", "1 / 0", "peak_read_qps * 1000", "oops +",
                      "unknown_name", "99.99%", "10M / day to /s", "ceil(2.5)"]
        var design = original
        var memo = check(design, after: nil, "start")
        var rng = SeededGenerator(seed: 0x5EED)
        func next(_ n: Int) -> Int { rng.int(n) }
        for step in 0..<120 {
            switch next(6) {
            case 0 where !design.estimates.isEmpty:
                design.estimates.remove(at: next(design.estimates.count))
            case 1:
                let name = original.estimates[next(original.estimates.count)].name
                design.estimates.append(Estimate(id: ItemID("est-x\(step)"), name: name, expression: values[next(values.count)]))
            default:
                guard !design.estimates.isEmpty else { continue }
                design.estimates[next(design.estimates.count)].expression = values[next(values.count)]
            }
            memo = check(design, after: memo, "step \(step)")
        }
    }

    @Test func aMemoOfAnotherConfigurationIsNotReused() {
        let (s, _) = Sound.sketch()
        let (_, memo) = DesignReviewer.review(s.design, config: .standard, evaluated: nil, reusing: nil)
        var config = ReviewConfig.standard
        config.disabled.insert("flow.unlabelled")
        let (result, next) = DesignReviewer.review(s.design, config: config, evaluated: nil, reusing: memo)
        #expect(result == DesignReviewer.review(s.design, config: config))
        #expect(next.rulesRun == ReviewRules.all.filter { config.severity(of: $0) != nil }.count)
    }
}
