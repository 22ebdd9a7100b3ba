/// Arithmetic on numbers that come from a file. `validate` keeps every number in the model
/// within its range, but a design can also be built in memory, so the sums and differences
/// that reports and summaries compute are held at the ends of `Int` instead of trapping.
extension Int {
    /// `self + other`, held at `Int.min` / `Int.max` instead of overflowing.
    public func clampedAdding(_ other: Int) -> Int {
        let (r, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? .max : .min) : r
    }

    /// `self - other`, held at `Int.min` / `Int.max` instead of overflowing.
    public func clampedSubtracting(_ other: Int) -> Int {
        let (r, overflow) = subtractingReportingOverflow(other)
        return overflow ? (other < 0 ? .max : .min) : r
    }

    /// `self * other`, held at `Int.min` / `Int.max` instead of overflowing.
    public func clampedMultiplied(by other: Int) -> Int {
        let (r, overflow) = multipliedReportingOverflow(by: other)
        return overflow ? ((self < 0) == (other < 0) ? .max : .min) : r
    }
}

extension Sequence where Element == Int {
    /// The sum, held at the ends of `Int` instead of overflowing.
    public func clampedSum() -> Int { reduce(0) { $0.clampedAdding($1) } }
}
