/// Why an expression has no value. Every error raised while reading or evaluating an expression
/// carries the column (1-based, in characters) where it was found; errors about a whole row of a
/// sheet (its name, a cycle through it) may have none.
public struct CalcError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Equatable, Sendable {
        /// The text is not an expression: `expected` what, `found` what (or a note).
        case syntax(String)
        /// A name that is neither a unit, a function nor a known estimate; with a hint when
        /// the spelling is a common mistake.
        case unknownName(String, hint: String?)
        /// An operation on quantities of different dimensions: `add`, `subtract`, `compare`
        /// (min/max) or `convert`.
        case dimensionMismatch(operation: String, left: Dimension, right: Dimension)
        case divisionByZero
        /// The result does not fit in a double (overflow), or a literal is too large.
        case notFinite
        /// A function or power that has no meaning here: the root of a negative number, a
        /// fractional power of a size, ceil of a time.
        case domain(String)
        /// The estimates named form a cycle (the first one is this row, and the last refers
        /// back to it).
        case cycle([String])
        /// The row's name is not a valid identifier or is reserved.
        case badName(String, reason: String)
        /// Another row earlier in the sheet has the same name.
        case duplicateName(String)
    }

    public var kind: Kind
    /// 1-based character column in the expression text, when the error has a place.
    public var column: Int?

    public init(_ kind: Kind, column: Int?) {
        self.kind = kind
        self.column = column
    }

    /// What is wrong, without the position.
    public var message: String {
        switch kind {
        case .syntax(let s):
            return s
        case .unknownName(let n, let hint):
            return "unknown name \"\(n)\"" + (hint.map { "; did you mean \($0)?" } ?? "")
        case .dimensionMismatch(let op, let l, let r):
            if op == "convert" { return "cannot convert \(l.phrase) to \(r.phrase)" }
            return "cannot \(op) \(l.phrase) and \(r.phrase)"
        case .divisionByZero:
            return "division by zero"
        case .notFinite:
            return "the result is too large (overflow)"
        case .domain(let s):
            return s
        case .cycle(let names):
            return "circular reference: " + (names + [names.first ?? ""]).joined(separator: " → ")
        case .badName(let n, let reason):
            return "\"\(n)\" cannot be an estimate's name: \(reason)"
        case .duplicateName(let n):
            return "another estimate is already named \"\(n)\""
        }
    }

    public var description: String { (column.map { "column \($0): " } ?? "") + message }
}
