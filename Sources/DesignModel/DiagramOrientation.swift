/// Which way the architecture diagram runs. Kept in the design, so the workspace, `sysdraft
/// diagram`, the exports and the report all draw it the way it was last chosen.
public enum DiagramOrientation: String, Codable, CaseIterable, Sendable {
    case topDown = "top-down"
    case leftRight = "left-right"

    /// The direction a design gets when none was chosen.
    public static let standard = DiagramOrientation.topDown

    public var flipped: DiagramOrientation { self == .topDown ? .leftRight : .topDown }
}
