import DesignModel
import Testing
@testable import Workspace

/// "Used by" in an estimate's details (and the rename note): the flows and components whose
/// expressions name it, and only those, whatever names share a prefix or touch a number.
@Suite struct EstimateUsesTests {
    @Test func usesAreFoundByNameNotByText() throws {
        var s = makeState(components: 2)
        for (name, expression) in [("rate_1", "5 /s"), ("rate_12", "7 /s"), ("dau", "10M"), ("size", "2 KB")] {
            s.design.addEstimate(name: name, expression: expression)
        }
        let a = s.design.components[0].id, b = s.design.components[1].id
        try s.design.addFlow(from: a, to: b, label: "one")
        s.design.flows[0].rate = "rate_12 * 2"                    // rate_12, not rate_1
        s.design.flows[0].payload = "size"
        try s.design.addFlow(from: b, to: a, label: "two")
        s.design.flows[1].rate = "2dau / day"                     // a number right before a name
        s.design.components[1].capacity = "(rate_1+rate_12) * 3"  // no spaces around the names
        s.design.components[1].instances = "size_x"               // an unknown name sharing a prefix

        func uses(_ name: String) -> [String] {
            s.usesOfEstimate(at: s.design.estimates.firstIndex { $0.name == name }!)
        }
        let f0 = s.design.flows[0].id, f1 = s.design.flows[1].id, c1 = s.design.components[1].name
        #expect(uses("rate_1") == ["the capacity of \(c1)"])
        #expect(uses("rate_12") == ["the rate of \(f0)", "the capacity of \(c1)"])
        #expect(uses("dau") == ["the rate of \(f1)"])
        #expect(uses("size") == ["the payload of \(f0)"])
    }

    @Test func theByteSearchNeverMissesAUse() {
        let cases: [(String, String, Bool)] = [
            ("rate_1 * 2", "rate_1", true), ("rate_12 * 2", "rate_1", false), ("2dau", "dau", true),
            ("xdau", "dau", false), ("dau2", "dau", false), ("(dau)", "dau", true), ("dau", "dau", true),
            ("_dau", "dau", false), ("", "dau", false), ("da", "dau", false), ("ünïcode + dau", "dau", true),
        ]
        for (text, name, expected) in cases {
            #expect(EstimateKind.holds(text, Array(name.utf8)) == expected, "\(name) in \(text)")
        }
    }
}
