/// One expression on its own, as `sysdraft calc` evaluates it.
public struct Calculation: Sendable {
    public var expression: Expression
    public var value: Quantity

    /// Parses and evaluates `text`; names of estimates are unknown here.
    public init(_ text: String) throws(CalcError) {
        expression = try Expression.parse(text)
        value = try expression.evaluate()
    }

    /// The value in the unit asked for with `to`, else in the readable unit for its dimension.
    public func shown(_ style: ValueFormat.Style) -> ValueFormat.Shown {
        ValueFormat.show(value, target: expression.target, style: style)
    }
}
