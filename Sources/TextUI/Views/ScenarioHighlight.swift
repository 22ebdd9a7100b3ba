import DiagramLayout
import Workspace

/// The architecture diagram's highlight of a scenario's path (the cells come from the layout's
/// `highlightMask`): how they are drawn, and what the title says about it.
enum ScenarioHighlight {
    /// How a cell looks with a scenario highlighted: on its path, arrows and their labels in the
    /// highlight colour and boxes bold; everything else dim.
    static func style(_ style: Style, _ role: DiagramCellRole, onPath: Bool) -> Style {
        guard onPath else { return .dim }
        switch role {
        case .edge, .arrowhead, .label: return Style(.highlight, [.bold])
        default: return style.bold
        }
    }

    /// " · scen-2 highlighted" for the diagram's title, when a scenario is.
    static func caption(_ state: AppState) -> String {
        guard state.diagram.highlight != nil, let id = state.scenarioScreens.highlighted else { return "" }
        return " · \(id) highlighted"
    }
}
