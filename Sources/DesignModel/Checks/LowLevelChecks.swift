import Foundation

/// Checks on endpoints and entities that `validate` reports (and the design review reuses).
/// Each is a small function of the design; `all` lists them with their names.
public enum LowLevelChecks {
    public static let all: [DesignCheck] = [
        DesignCheck(name: "endpoint.duplicate-route", summary: "Two endpoints with the same method and path (an error).",
                    run: duplicateRoutes),
        DesignCheck(name: "endpoint.list-without-pagination", summary: "A list endpoint without pagination.",
                    run: listsWithoutPagination),
        DesignCheck(name: "endpoint.pagination-without-limit", summary: "A paginated endpoint with no page-size limit.",
                    run: paginationWithoutLimit),
        DesignCheck(name: "endpoint.public-without-auth", summary: "A public endpoint with no authentication.",
                    run: publicWithoutAuthentication),
        DesignCheck(name: "endpoint.public-without-rate-limit", summary: "A public endpoint with no rate limit.",
                    run: publicWithoutRateLimit),
        DesignCheck(name: "endpoint.mutating-without-idempotency", summary: "A POST, PUT, PATCH or DELETE with no idempotency.",
                    run: mutatingWithoutIdempotency),
        DesignCheck(name: "endpoint.server-not-called", summary: "An endpoint served by no component, or by one that nothing calls.",
                    run: servedByUncalledComponent),
        DesignCheck(name: "entity.no-primary-key", summary: "An entity without a primary key.",
                    run: entitiesWithoutPrimaryKey),
        DesignCheck(name: "entity.no-metadata-columns", summary: "An entity without created/modified at and by columns.",
                    run: entitiesWithoutMetadataColumns),
        DesignCheck(name: "entity.reference-without-index", summary: "A reference field that no index leads with.",
                    run: referencesWithoutIndex),
        DesignCheck(name: "entity.not-in-a-store", summary: "An entity held by no component or by one that is not a store.",
                    run: entitiesOutsideStores),
    ]

    /// Every check's findings, errors first, then in check order.
    public static func run(_ design: Design) -> [CheckFinding] {
        if design.endpoints.isEmpty && design.entities.isEmpty { return [] }
        let found = all.flatMap { $0.run(design) }
        return found.filter { $0.severity == .error } + found.filter { $0.severity != .error }
    }
}

/// Reading the free-text type of a field.
public enum FieldTypeText {
    /// `[Link]`, `Link[]`, `list<Link>`, `array<int>`, `set<string>`, `repeated Link`, `list`, `array`.
    public static func isList(_ type: String) -> Bool {
        let t = type.trimmingCharacters(in: .whitespaces).lowercased()
        if t.hasPrefix("[") && t.hasSuffix("]") { return true }
        if t.hasSuffix("[]") { return true }
        if t == "list" || t == "array" || t == "set" { return true }
        return ["list<", "array<", "set<", "seq<", "vec<", "repeated ", "list of ", "array of "].contains { t.hasPrefix($0) }
    }

    /// The element type of a list type (`[Link]` → `Link`), or nil when it is not a list or
    /// does not say.
    public static func element(_ type: String) -> String? {
        let t = type.trimmingCharacters(in: .whitespaces)
        let lower = t.lowercased()
        if t.hasPrefix("[") && t.hasSuffix("]") && t.count >= 2 { return String(t.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces) }
        if t.hasSuffix("[]") { return String(t.dropLast(2)).trimmingCharacters(in: .whitespaces) }
        for p in ["list<", "array<", "set<", "seq<", "vec<"] where lower.hasPrefix(p) && t.hasSuffix(">") {
            return String(t.dropFirst(p.count).dropLast()).trimmingCharacters(in: .whitespaces)
        }
        for p in ["repeated ", "list of ", "array of "] where lower.hasPrefix(p) {
            return String(t.dropFirst(p.count)).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }
}
