/// A named back-of-the-envelope figure: `peak_read_qps = read_qps * peak_factor`. Other
/// estimates, flows and components refer to it by name in their expressions (see the Estimates
/// module for the expression language). The value is not stored: it is computed from the
/// expressions whenever the design is shown, reported or checked.
public struct Estimate: Codable, Equatable, Sendable, Identified {
    public static let idPrefix = "est"

    public var id: ItemID<Estimate>
    /// An identifier (`dau`, `peak_read_qps`): letters, digits and `_`, not a unit or function.
    public var name: String
    /// An expression or a plain value with its unit: `10M`, `dau * 20 / day to /s`, `500 B`.
    public var expression: String
    public var description: String

    public init(id: ItemID<Estimate>, name: String, expression: String, description: String = "") {
        self.id = id
        self.name = name
        self.expression = expression
        self.description = description
    }
}
