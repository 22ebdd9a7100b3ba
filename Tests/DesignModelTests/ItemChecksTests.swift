import DesignModel
import Foundation
import TestSupport
import Testing

/// The per-item findings the workspace shows in an item's details agree with what `validate`
/// reports for that item.
@Suite struct ItemChecksTests {
    @Test("per endpoint and per entity, the same findings as the whole run", arguments: [1, 2, 3] as [UInt64])
    func agreesWithTheWholeRun(seed: UInt64) {
        let d = LowLevelDesigns.make(seed: seed, endpoints: 40, entities: 20, hostile: false)
        let all = LowLevelChecks.run(d)
        func key(_ f: CheckFinding) -> String { f.check + " " + f.message }
        for e in d.endpoints {
            let expected = all.filter { $0.items.first == e.id.rawValue && $0.check != "endpoint.duplicate-route" }.map(key)
            let got = LowLevelChecks.findings(endpoint: e.id, in: d).filter { $0.check != "endpoint.duplicate-route" }.map(key)
            #expect(Set(got) == Set(expected), "\(e.id)")
        }
        for e in d.entities {
            let expected = all.filter { $0.items.first == e.id.rawValue }.map(key)
            let got = LowLevelChecks.findings(entity: e.id, in: d).map(key)
            #expect(Set(got) == Set(expected), "\(e.id)")
        }
    }

    @Test func bothEndpointsOfADuplicateRouteHearOfIt() {
        var d = Design(title: "T", now: Date(timeIntervalSince1970: 0))
        let a = d.addEndpoint(.get, "/links/{code}")
        let b = d.addEndpoint(.get, "/links/{id}")
        let c = d.addEndpoint(.post, "/links/{id}")
        #expect(LowLevelChecks.findings(endpoint: a, in: d).contains { $0.check == "endpoint.duplicate-route" && $0.severity == .error })
        #expect(LowLevelChecks.findings(endpoint: b, in: d).contains { $0.check == "endpoint.duplicate-route" })
        #expect(!LowLevelChecks.findings(endpoint: c, in: d).contains { $0.check == "endpoint.duplicate-route" })
        #expect(LowLevelChecks.findings(endpoint: "api-99", in: d).isEmpty)
    }
}
