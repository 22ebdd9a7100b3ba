/// The four list panes of the workspace, in Tab order.
public enum Pane: Int, CaseIterable, Sendable {
    case requirements, components, flows, tradeOffs

    public var title: String {
        switch self {
        case .requirements: "Requirements"
        case .components: "Components"
        case .flows: "Data flows"
        case .tradeOffs: "Trade-offs"
        }
    }

    /// The singular noun used in messages ("Deleted requirement req-3").
    public var noun: String {
        switch self {
        case .requirements: "requirement"
        case .components: "component"
        case .flows: "data flow"
        case .tradeOffs: "trade-off"
        }
    }

    public var next: Pane { Pane(rawValue: (rawValue + 1) % 4)! }
    public var previous: Pane { Pane(rawValue: (rawValue + 3) % 4)! }
}

/// Which full view is showing.
public enum Screen: Equatable, Sendable {
    case panes, checklist, diagram
}
