import DesignModel
import Testing
@testable import Workspace

/// Editing a flow or component in today's forms keeps the load it states (rate, payload,
/// capacity, instances), which those forms do not show yet.
@Suite struct LoadFieldsSurviveEditsTests {
    @Test func flowAndComponentEditsKeepTheirLoad() throws {
        var state = makeState(components: 2)
        let a = state.design.components[0].id, b = state.design.components[1].id
        try state.design.addFlow(from: a, to: b, label: "reads")
        state.design.flows[0].rate = "peak_qps"
        state.design.flows[0].payload = "2 KB"
        state.design.components[1].capacity = "1K /s"
        state.design.components[1].instances = "3"
        for pane in [Pane.flows, .components] {
            let kind = ItemKinds.kind(pane)
            let i = pane == .flows ? 0 : 1
            let form = kind.form(state, i)
            var d = state.design
            guard case .success = kind.apply(form, &d) else {
                Issue.record("\(pane): the unchanged form did not apply")
                continue
            }
            #expect(d.flows[0].rate == "peak_qps" && d.flows[0].payload == "2 KB", "\(pane)")
            #expect(d.components[1].capacity == "1K /s" && d.components[1].instances == "3", "\(pane)")
        }
    }
}
