/// A finding of a design check: something in the design worth fixing (not a problem with the
/// file), naming the items it is about so a review screen can jump to them.
public struct CheckFinding: Equatable, Sendable, CustomStringConvertible {
    /// The stable name of the check that found it (`endpoint.list-without-pagination`).
    public var check: String
    public var severity: Finding.Severity
    /// Ids of the items involved; the first is the one to fix.
    public var items: [String]
    /// Where in the JSON document, e.g. `endpoints[2].pagination`.
    public var path: String
    public var message: String

    public init(check: String, _ severity: Finding.Severity, items: [String], path: String, _ message: String) {
        self.check = check
        self.severity = severity
        self.items = items
        self.path = path
        self.message = message
    }

    /// The same, as `validate` prints it.
    public var finding: Finding { Finding(severity, path, message) }

    public var description: String { finding.description }
}

/// A named check over the whole design.
public struct NamedCheck: Sendable {
    public var name: String
    /// One sentence: what it looks for.
    public var summary: String
    public var run: @Sendable (Design) -> [CheckFinding]

    public init(name: String, summary: String, run: @escaping @Sendable (Design) -> [CheckFinding]) {
        self.name = name
        self.summary = summary
        self.run = run
    }
}
