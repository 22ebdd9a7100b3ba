import DesignModel
import Estimates
import Foundation
import Testing

@Suite struct EstimateMigrationTests {
    /// A file written before estimates existed (the worked example as the previous schema
    /// saved it) opens with every field it had unchanged and no estimates, and validates.
    @Test func aFileFromBeforeEstimatesOpensUnchanged() throws {
        let data = try fixture("before-estimates.json")
        var old = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let oldVersion = try #require(old["schemaVersion"] as? Int)
        #expect(oldVersion < Design.currentSchemaVersion)
        #expect(old["estimates"] == nil)
        let d = try DesignCodec.decode(data)
        #expect(d.schemaVersion == Design.currentSchemaVersion)
        #expect(d.estimates.isEmpty)
        #expect(d.flows.allSatisfy { $0.rate == nil && $0.payload == nil })
        #expect(d.components.allSatisfy { $0.capacity == nil && $0.instances == nil })
        #expect(d.errors.isEmpty && d.estimateFindings().isEmpty)
        var saved = try #require(try JSONSerialization.jsonObject(with: try DesignCodec.encode(d)) as? [String: Any])
        old["schemaVersion"] = nil
        saved["schemaVersion"] = nil
        #expect(contains(saved, old), "a field of the old file changed or went missing")
        #expect((saved["estimates"] as? [Any])?.isEmpty == true)
    }

    /// Every key of `part` is in `whole` with an equal (or, for objects, containing) value.
    func contains(_ whole: Any, _ part: Any) -> Bool {
        switch (whole, part) {
        case (let w as [String: Any], let p as [String: Any]):
            return p.allSatisfy { key, value in w[key].map { contains($0, value) } ?? false }
        case (let w as [Any], let p as [Any]):
            return w.count == p.count && zip(w, p).allSatisfy { contains($0, $1) }
        default:
            return (whole as? NSObject) == (part as? NSObject)
        }
    }
}

@Suite struct EstimateModelTests {
    func design() -> Design {
        var d = Design(title: "T", now: Date(timeIntervalSince1970: 1_790_000_000))
        d.addEstimate(name: "dau", expression: "10M", description: "users")
        d.addEstimate(name: "qps", expression: "dau * 10 / day", description: "")
        let a = d.addComponent(name: "API", kind: .service)
        let b = d.addComponent(name: "DB", kind: .database)
        _ = try? d.addFlow(from: a, to: b, label: "reads")
        _ = try? d.addFlow(from: a, to: b, label: "writes")
        return d
    }

    @Test func estimatesSurviveASaveAndLoad() throws {
        var d = design()
        d.flows[0].rate = "qps"
        d.flows[0].payload = "1 KB"
        d.components[1].capacity = "500 /s"
        d.components[1].instances = "3"
        let back = try DesignCodec.decode(try DesignCodec.encode(d))
        #expect(back == d)
        let json = text(try DesignCodec.encode(d))
        #expect(json.contains("\"rate\" : \"qps\""))
        // Flows that state no load carry no load keys.
        #expect(json.components(separatedBy: "\"rate\"").count == 2)
    }

    @Test func loadOnFlowsAndComponents() {
        var d = design()
        d.flows[0].rate = "qps * 3"
        d.flows[0].payload = "2 KB"
        d.flows[1].rate = "100 /s"
        d.components[1].capacity = "1K /s"
        d.components[1].instances = "2"
        let load = DesignLoad(d)
        let qps = 10e6 * 10 / 86_400
        #expect(load.flows[0].rate?.quantity == Quantity(qps * 3, .rate))
        #expect(load.flows[0].bandwidth?.quantity == Quantity(qps * 3 * 2000, .dataRate))
        #expect(load.flows[1].bandwidth == nil)
        let db = load.components[1]
        #expect(db.incoming?.quantity?.value == qps * 3 + 100)
        #expect(db.totalCapacity?.quantity?.value == 2000)
        #expect(db.flowsCounted == 2 && db.flowsIncoming == 2)
        #expect(db.isOverloaded)
        #expect(load.overloaded.map(\.id) == [d.components[1].id])
        #expect(load.edgeLabel(forFlowAt: 0) == "3.5K /s · 6.9 MB/s")
        #expect(load.edgeLabel(forFlowAt: 1) == "100 /s")
        #expect(load.edgeLabels == [d.flows[0].id: "3.5K /s · 6.9 MB/s", d.flows[1].id: "100 /s"])
        #expect(d.estimateFindings().map(\.description)
                == ["warning: components[1]: component comp-2 \"DB\" receives 3.6K /s, more than its capacity of 2.0K /s (179 % used)"])
        d.components[1].instances = "10"
        #expect(DesignLoad(d).overloaded.isEmpty)
    }

    @Test func aBandwidthCapacityIsComparedWithBandwidth() {
        var d = design()
        d.flows[0].rate = "1K /s"
        d.flows[0].payload = "1 MB"
        d.flows[1].rate = "5 /s"          // no payload: no bandwidth known, not counted
        d.components[1].capacity = "1 Gbit/s"
        let c = DesignLoad(d).components[1]
        #expect(c.incoming?.quantity?.value == 1e9)
        #expect(c.flowsCounted == 1 && c.flowsIncoming == 2)
        #expect(c.utilisation == 8)
        #expect(c.incoming?.text == "8.0 Gbit/s")
    }

    @Test func validateReportsBrokenExpressionsOnceWithTheirItem() {
        var d = design()
        d.addEstimate(name: "bad", expression: "qps + 1 GB")
        d.addEstimate(name: "uses_bad", expression: "bad * 2")
        d.addEstimate(name: "qps", expression: "1")
        d.addEstimate(name: "ring", expression: "ring + 1")
        d.flows[0].rate = "2 GB"
        d.flows[1].payload = "nope"
        d.components[0].capacity = "5"
        d.components[1].capacity = "1 /s"
        d.components[1].instances = "-2"
        d.flows[1].rate = "10 /s"
        let f = d.estimateFindings()
        let errors = f.filter { $0.severity == .error }.map(\.description)
        #expect(errors == [
            "error: estimates[2].expression: estimate est-3 \"bad\": column 5: cannot add rate (/s) and data size (B)",
            "error: estimates[4].name: estimate est-5 \"qps\": another estimate is already named \"qps\"",
            "error: estimates[5].expression: estimate est-6 \"ring\": column 1: circular reference: ring → ring",
            "error: flows[0].rate: flow flow-1: a flow's rate must be rate (/s), not data size (B)",
            "error: flows[1].payload: flow flow-2: column 1: unknown name \"nope\"",
            "error: components[0].capacity: component comp-1 \"API\": a capacity must be rate (/s) or data rate (B/s), not a plain number",
            "error: components[1].instances: component comp-2 \"DB\": an instance count cannot be negative",
        ])
        // The capacity check is skipped while an incoming rate has an error.
        #expect(f.filter { $0.severity == .warning }.isEmpty)
        // None of this stops the file from opening.
        #expect(d.errors.isEmpty)
    }

    @Test func duplicateEstimateIdsAreIntegrityErrors() throws {
        var d = design()
        d.estimates[1].id = d.estimates[0].id
        #expect(d.errors.map(\.path) == ["estimates[1].id"])
    }

    @Test func renamingAnEstimateRewritesEveryReference() throws {
        var d = design()
        d.flows[0].rate = "qps*2"
        d.components[1].instances = "ceil(dau / 1M)"
        try d.renameEstimate(d.estimates[0].id, to: "users")
        #expect(d.estimates.map(\.name) == ["users", "qps"])
        #expect(d.estimates[1].expression == "users * 10 / day")
        #expect(d.components[1].instances == "ceil(users / 1M)")
        #expect(d.flows[0].rate == "qps*2")
        #expect(d.uses(ofEstimateNamed: "qps") == ["flows[0].rate"])
        #expect(d.uses(ofEstimateNamed: "users") == ["estimates[1].expression", "components[1].instances"])
        #expect(throws: EditError.self) { try d.renameEstimate("est-99", to: "x") }
    }

    @Test func insertingATemplateAddsItsEstimates() throws {
        var d = design()
        let t = EstimateTemplate(key: "k", title: "T", summary: "", estimates: [
            .init(name: "dau", expression: "1M", description: "", input: true),
            .init(name: "qps", expression: "dau / day", description: "renamed"),
            .init(name: "peak", expression: "qps * 2", description: ""),
        ])
        let ids = d.insertTemplate(t)
        #expect(ids.count == 2)
        #expect(d.estimates.suffix(2).map(\.name) == ["qps_2", "peak"])
        #expect(d.estimates.last?.expression == "qps_2 * 2")
        #expect(d.estimateSheet().statuses.allSatisfy { $0.quantity != nil })
    }
}
