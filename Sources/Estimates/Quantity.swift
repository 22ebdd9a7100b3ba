/// A value with its dimension. The value is in base units (bytes, seconds), whatever unit the
/// expression was written in; the unit shown is chosen when printing (`ValueFormat`).
public struct Quantity: Equatable, Sendable, CustomStringConvertible {
    public var value: Double
    public var dimension: Dimension
    /// The data in this value was written in bits (`Gbit`, `Mbps`), so it prints in bits too.
    /// Bytes are the default: a value keeps the family of the data units it was made from.
    public var inBits: Bool
    /// Written as a percentage (`99.9%`), so it prints as one. Arithmetic on it gives a plain
    /// number again (`1 - 99.9%` is 0.001).
    public var isPercent: Bool

    public init(_ value: Double, _ dimension: Dimension = .none, inBits: Bool = false, isPercent: Bool = false) {
        self.value = value
        self.dimension = dimension
        self.inBits = inBits
        self.isPercent = isPercent
    }

    /// A plain number.
    public static func number(_ v: Double) -> Quantity { Quantity(v) }

    public var description: String { ValueFormat.display(self) }
}
