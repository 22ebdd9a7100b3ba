import DesignModel

/// Where the scenario screens are: the scenario being worked on, the step editor's selection,
/// the sequence diagram's scroll, and where the architecture diagram returns to after a jump
/// from a scenario.
public struct ScenarioScreens: Equatable, Sendable {
    /// The scenario the step editor and the sequence view show.
    public var scenario: ItemID<Scenario>?
    public var editor = StepEditor()
    public var sequence = SequenceView()
    /// The screen Esc in the architecture diagram goes back to, after `D` from a scenario.
    public var diagramReturn: Screen?
    /// The scenario whose components and flows the architecture diagram highlights.
    public var highlighted: ItemID<Scenario>?

    public init() {}
}
