import DesignModel
@testable import DesignReview
import Testing

@Suite struct AcceptanceTests {
    @Test func anAcceptedFindingIsListedApartWithItsReason() {
        var (s, ids) = Sound.sketch()
        let loop = s.flow(ids.service, ids.service, "retry")
        // Items in another order still match.
        s.design.acceptedFindings.append(AcceptedFinding(id: "accept-1", rule: "flow.self-loop", items: [ids.service, loop],
                                                         message: "old text", reason: "Drawn on purpose for the retry loop"))
        let r = s.review()
        #expect(!r.open.contains { $0.rule == "flow.self-loop" })
        #expect(r.accepted.map(\.finding.rule) == ["flow.self-loop"])
        #expect(r.accepted.first?.acceptance.reason == "Drawn on purpose for the retry loop")
        #expect(r.stale.isEmpty)
        #expect(!r.reaches(.error))
    }

    @Test func anAcceptanceWhoseFindingChangedIsStaleAndTheFindingOpen() {
        var (s, ids) = Sound.sketch()
        let a = s.component(.service, "A", serves: [ids.create])
        let b = s.component(.service, "B", serves: [ids.create])
        s.flow(ids.service, a, "x")
        s.flow(a, ids.service, "y")
        let key = s.findings("flow.sync-cycle")[0].items
        s.design.acceptedFindings.append(AcceptedFinding(id: "accept-1", rule: "flow.sync-cycle", items: key, reason: "Known"))
        #expect(s.findings("flow.sync-cycle").isEmpty)
        // The cycle grows: another finding, open again.
        s.flow(a, b, "z")
        s.flow(b, ids.service, "w")
        #expect(s.findings("flow.sync-cycle").count == 1)
        #expect(s.review().stale.map(\.id) == ["accept-1"])
    }

    @Test func reachesCountsOnlyOpenFindingsAtOrAboveTheLevel() {
        var (s, ids) = Sound.sketch()
        s.flow(ids.service, ids.db, "")
        let r = s.review()
        #expect(r.count(.info) == 1)
        #expect(r.reaches(.info))
        #expect(!r.reaches(.warning) && !r.reaches(.error))
    }

    @Test func findingsAreOrderedBySeverityThenRule() {
        var (s, ids) = Sound.sketch()
        s.flow(ids.service, ids.db, "")            // info
        s.flow(ids.client, ids.cache, "direct")   // error
        s.decision("X", options: ["only"])         // warning
        let severities = s.review().open.map(\.severity)
        #expect(severities == severities.sorted(by: >))
        #expect(severities.first == .error && severities.last == .info)
    }
}
