/// Checks on endpoints and entities that `validate` reports (and the design review reuses).
/// Each is a small function of the design; `all` lists them with their names.
public enum LowLevelChecks {
    /// What several checks need, worked out once per run.
    public struct Context: Sendable {
        public let reach: ComponentReach
        public init(_ design: Design) { reach = ComponentReach(design) }
    }

    typealias Run = @Sendable (Design, Context) -> [CheckFinding]

    static let table: [(name: String, summary: String, run: Run)] = [
        ("endpoint.duplicate-route", "Two endpoints with the same method and path (an error).",
         { d, _ in duplicateRoutes(d) }),
        ("endpoint.list-without-pagination", "A list endpoint without pagination.",
         { d, _ in listsWithoutPagination(d) }),
        ("endpoint.pagination-without-limit", "A paginated endpoint with no page-size limit.",
         { d, _ in paginationWithoutLimit(d) }),
        ("endpoint.public-without-auth", "A public endpoint with no authentication.",
         { d, c in publicWithoutAuthentication(d, reach: c.reach) }),
        ("endpoint.public-without-rate-limit", "A public endpoint with no rate limit.",
         { d, c in publicWithoutRateLimit(d, reach: c.reach) }),
        ("endpoint.mutating-without-idempotency", "A POST, PUT, PATCH or DELETE with no idempotency.",
         { d, _ in mutatingWithoutIdempotency(d) }),
        ("endpoint.server-not-called", "An endpoint served by no component, or by one that nothing calls.",
         { d, c in servedByUncalledComponent(d, reach: c.reach) }),
        ("entity.no-primary-key", "An entity without a primary key.",
         { d, _ in entitiesWithoutPrimaryKey(d) }),
        ("entity.no-metadata-columns", "An entity without created/modified at and by columns.",
         { d, _ in entitiesWithoutMetadataColumns(d) }),
        ("entity.reference-without-index", "A reference field that no index leads with.",
         { d, _ in referencesWithoutIndex(d) }),
        ("entity.not-in-a-store", "An entity held by no component or by one that is not a store.",
         { d, _ in entitiesOutsideStores(d) }),
    ]

    /// Every check, by name, each runnable on its own.
    public static let all: [NamedCheck] = table.map { entry in
        NamedCheck(name: entry.name, summary: entry.summary, run: { entry.run($0, Context($0)) })
    }

    /// Every check's findings, errors first, then in check order.
    public static func run(_ design: Design) -> [CheckFinding] {
        if design.endpoints.isEmpty && design.entities.isEmpty { return [] }
        let context = Context(design)
        let found = table.flatMap { $0.run(design, context) }
        return found.filter { $0.severity == .error } + found.filter { $0.severity != .error }
    }

    /// True when the text is empty or only white space.
    static func isBlank(_ s: String) -> Bool { s.unicodeScalars.allSatisfy(\.properties.isWhitespace) }
}

/// Reading the free-text type of a field.
public enum FieldTypeText {
    /// The text without white space at either end (no Foundation: this runs for every field).
    public static func trimmed<S: StringProtocol>(_ s: S) -> String {
        let u = s.unicodeScalars
        guard let first = u.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = u.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(String.UnicodeScalarView(u[first...last]))
    }

    /// `[Link]`, `Link[]`, `list<Link>`, `array<int>`, `set<string>`, `repeated Link`, `list`, `array`.
    public static func isList(_ type: String) -> Bool {
        let t = trimmed(type).lowercased()
        if t.hasPrefix("[") && t.hasSuffix("]") { return true }
        if t.hasSuffix("[]") { return true }
        if t == "list" || t == "array" || t == "set" { return true }
        return ["list<", "array<", "set<", "seq<", "vec<", "repeated ", "list of ", "array of "].contains { t.hasPrefix($0) }
    }

    /// The element type of a list type (`[Link]` → `Link`), or nil when it is not a list or
    /// does not say.
    public static func element(_ type: String) -> String? {
        let t = trimmed(type)
        let lower = t.lowercased()
        if t.hasPrefix("[") && t.hasSuffix("]") && t.count >= 2 { return trimmed(t.dropFirst().dropLast()) }
        if t.hasSuffix("[]") { return trimmed(t.dropLast(2)) }
        for p in ["list<", "array<", "set<", "seq<", "vec<"] where lower.hasPrefix(p) && t.hasSuffix(">") {
            return trimmed(t.dropFirst(p.count).dropLast())
        }
        for p in ["repeated ", "list of ", "array of "] where lower.hasPrefix(p) {
            return trimmed(t.dropFirst(p.count))
        }
        return nil
    }
}
