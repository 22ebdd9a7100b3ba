import DesignModel
@testable import DesignReview
import Testing

@Suite struct ConfigTests {
    @Test func rulesSwitchOffAndChangeSeverity() {
        let (config, problems) = ReviewConfig().applying([
            ReviewSetting(key: "flow.unlabelled", value: .string("off"), line: 2),
            ReviewSetting(key: "component.single-point-of-failure", value: .string("Error"), line: 3),
            ReviewSetting(key: "decision.no-rationale", value: .bool(false), line: 4),
            ReviewSetting(key: "sync-chain-depth", value: .integer(6), line: 5),
        ])
        #expect(problems.isEmpty)
        #expect(config.disabled == ["flow.unlabelled", "decision.no-rationale"])
        #expect(config.severity(of: ReviewRules.byID["component.single-point-of-failure"]!) == .error)
        #expect(config.severity(of: ReviewRules.byID["flow.unlabelled"]!) == nil)
        #expect(config.syncChainDepth == 6)
    }

    @Test func aLaterFileWinsAndOnRestoresTheDefault() {
        let user = ReviewConfig().applying([ReviewSetting(key: "flow.duplicate", value: .string("off"))]).config
        let repo = user.applying([ReviewSetting(key: "flow.duplicate", value: .string("on"))]).config
        #expect(repo.severity(of: ReviewRules.byID["flow.duplicate"]!) == .warning)
        let info = user.applying([ReviewSetting(key: "flow.duplicate", value: .string("note"))]).config
        #expect(info.severity(of: ReviewRules.byID["flow.duplicate"]!) == .info)
    }

    @Test func unknownRulesAndBadValuesAreReportedWithTheirLines() {
        let (config, problems) = ReviewConfig().applying([
            ReviewSetting(key: "flow.unlabeled", value: .string("off"), line: 7),
            ReviewSetting(key: "self-loop", value: .string("off"), line: 8),
            ReviewSetting(key: "flow.duplicate", value: .string("loud"), line: 9),
            ReviewSetting(key: "sync-chain-depth", value: .integer(0), line: 10),
            ReviewSetting(key: "no.such.rule", value: .string("off"), line: 11),
        ])
        #expect(config == ReviewConfig())
        #expect(problems.map(\.line) == [7, 8, 9, 10, 11])
        #expect(problems[0].message.contains("unknown review rule \"flow.unlabeled\"") && problems[0].message.contains("flow.unlabelled"))
        #expect(problems[1].message.contains("did you mean flow.self-loop?"))
        #expect(problems[2].message.contains("\"loud\""))
        #expect(problems[3].message.contains("sync-chain-depth"))
        #expect(problems[4].message.contains("no.such.rule") && problems[4].description.hasPrefix("line 11: "))
    }

    @Test func aSwitchedOffRuleReportsNothingAndASeverityChangeShows() {
        var (s, ids) = Sound.sketch()
        s.flow(ids.service, ids.service, "retry")
        var config = ReviewConfig()
        config.severities["flow.self-loop"] = .info
        #expect(s.findings("flow.self-loop", config).first?.severity == .info)
        config.disabled.insert("flow.self-loop")
        #expect(s.findings("flow.self-loop", config).isEmpty)
    }

    @Test func ruleIdsAreUniqueAndEveryRuleSaysWhatAndHow() {
        let ids = ReviewRules.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        for r in ReviewRules.all {
            #expect(!r.summary.isEmpty && !r.hint.isEmpty, "\(r.id)")
            #expect(!r.hint.contains("\n") && r.hint.count < 200, "the hint of \(r.id) is one line")
        }
        // The checks of the endpoint/entity and capacity work are rules too.
        #expect(Set(LowLevelChecks.all.map(\.name)).isSubset(of: Set(ids)))
        #expect(ids.contains("component.overloaded"))
    }
}
