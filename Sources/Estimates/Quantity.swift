/// A value with its dimension. The value is in base units (bytes, seconds), whatever unit the
/// expression was written in; the unit shown is chosen when printing (`ValueFormat`).
public struct Quantity: Equatable, Sendable, CustomStringConvertible {
    public var value: Double
    public var dimension: Dimension
    /// The data in this value was written in bits (`Gbit`, `Mbps`), so it prints in bits too.
    /// Bytes are the default: a value keeps the family of the data units it was made from.
    public var inBits: Bool

    public init(_ value: Double, _ dimension: Dimension = .none, inBits: Bool = false) {
        self.value = value
        self.dimension = dimension
        self.inBits = inBits
    }

    /// A plain number.
    public static func number(_ v: Double) -> Quantity { Quantity(v) }

    public var description: String { ValueFormat.display(self) }
}
