/// How much a review finding matters: an error is a design that is wrong or unsafe as drawn, a
/// warning something a staff reviewer would ask about, info a gap in the description.
public enum ReviewSeverity: String, CaseIterable, Sendable, Comparable {
    case error, warning, info

    /// Errors first.
    public var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .info: 2
        }
    }

    /// Ordered by importance: `info < warning < error`.
    public static func < (a: ReviewSeverity, b: ReviewSeverity) -> Bool { a.rank > b.rank }

    /// Plural for counts ("2 errors", "1 warning", "3 infos" reads badly: "3 notes").
    public func counted(_ n: Int) -> String {
        switch self {
        case .error: n == 1 ? "1 error" : "\(n) errors"
        case .warning: n == 1 ? "1 warning" : "\(n) warnings"
        case .info: n == 1 ? "1 note" : "\(n) notes"
        }
    }

    /// SARIF's word for the level.
    public var sarifLevel: String {
        switch self {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }
}
