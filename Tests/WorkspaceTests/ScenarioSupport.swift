import DesignModel
import Foundation
@testable import Workspace

/// Client → Gateway → Service → Store, one flow each way along the chain, and a Queue no flow
/// reaches: a step from Service to Queue is not in the architecture.
func scenarioDesign() -> Design {
    var d = Design(title: "Shop", now: Date(timeIntervalSince1970: 1_700_000_000))
    for name in ["Client", "Gateway", "Service", "Store", "Queue"] { d.addComponent(name: name, kind: .service) }
    _ = try! d.addFlow(from: "comp-1", to: "comp-2", label: "orders")
    _ = try! d.addFlow(from: "comp-2", to: "comp-3", label: "orders")
    _ = try! d.addFlow(from: "comp-3", to: "comp-4", label: "rows")
    return d
}

func step(_ from: Int, _ to: Int, _ message: String, _ kind: ScenarioStep.Kind = .sync) -> ScenarioNode {
    .step(ScenarioStep(from: ItemID("comp-\(from)"), to: ItemID("comp-\(to)"), message: message, kind: kind))
}

func block(_ kind: ScenarioBlock.Kind, _ branches: (String, [ScenarioNode])...) -> ScenarioNode {
    .block(ScenarioBlock(kind: kind, branches: branches.map { ScenarioBlock.Branch(condition: $0.0, steps: $0.1) }))
}

/// A state on `scenarioDesign()` with one scenario of these steps, its step editor open.
func stepsState(_ steps: [ScenarioNode], size: ScreenSize = ScreenSize(columns: 100, rows: 30)) -> AppState {
    var d = scenarioDesign()
    d.addScenario(name: "Checkout", steps: steps)
    var s = AppState(design: d, filePath: "/tmp/shop.json", catalogue: testCatalogue)
    _ = Workspace.reduce(&s, .resized(size), env)
    send(&s, numberKey(.scenarios), .char("s"))
    return s
}

/// The number key that goes to a pane.
func numberKey(_ pane: Pane) -> Key { .char(Character(String(pane.number))) }

extension AppState {
    var scenario: Scenario { design.scenarios[0] }
    var steps: [ScenarioNode] { design.scenarios[0].steps }
    /// Selects an outline row of the first scenario.
    mutating func selectRow(_ row: Int) { scenarioScreens.editor.row = row }
}
