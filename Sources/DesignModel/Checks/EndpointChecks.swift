extension LowLevelChecks {
    /// A GET (or a gRPC method named List… or Search…) whose response has a list-typed field.
    public static func isListEndpoint(_ e: Endpoint) -> Bool {
        switch e.method {
        case .get:
            return e.response.contains { FieldTypeText.isList($0.type) }
        case .grpc:
            let name = e.path.split(whereSeparator: { $0 == "/" || $0 == "." }).last.map(String.init) ?? e.path
            return name.hasPrefix("List") || name.hasPrefix("Search")
                || e.response.contains { FieldTypeText.isList($0.type) }
        default:
            return false
        }
    }

    /// The method and path that identify a route: the path trimmed, without a trailing `/`,
    /// with every parameter (`{code}`, `:code`) written `{}`, so `/links/{id}` and
    /// `/links/{code}` are the same route. Events have no route (many may publish to a topic).
    public static func routeKey(_ e: Endpoint) -> String? {
        guard e.method.isCalled else { return nil }
        var p = FieldTypeText.trimmed(e.path)
        if p.isEmpty { return nil }
        if e.method.isHTTP || e.method == .websocket {
            if let q = p.firstIndex(of: "?") { p = String(p[..<q]) }
            if !p.hasPrefix("/") { p = "/" + p }
            while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
            p = p.split(separator: "/", omittingEmptySubsequences: false).map { seg -> String in
                (seg.hasPrefix("{") && seg.hasSuffix("}")) || seg.hasPrefix(":") ? "{}" : String(seg)
            }.joined(separator: "/")
        }
        return e.method.rawValue + " " + p
    }

    public static func duplicateRoutes(_ d: Design) -> [CheckFinding] {
        var first: [String: Int] = [:]
        var out: [CheckFinding] = []
        for (i, e) in d.endpoints.enumerated() {
            guard let key = routeKey(e) else { continue }
            if let j = first[key] {
                let other = d.endpoints[j]
                out.append(CheckFinding(check: "endpoint.duplicate-route", .error, items: [e.id.rawValue, other.id.rawValue],
                                        path: "endpoints[\(i)].path",
                                        "endpoint \(e.id) (\(e.method.label) \(e.path)) has the same method and path as \(other.id)"))
            } else {
                first[key] = i
            }
        }
        return out
    }

    public static func listsWithoutPagination(_ d: Design) -> [CheckFinding] {
        d.endpoints.enumerated().compactMap { i, e in
            guard e.pagination == .none, isListEndpoint(e) else { return nil }
            return CheckFinding(check: "endpoint.list-without-pagination", .warning, items: [e.id.rawValue],
                                path: "endpoints[\(i)].pagination",
                                "endpoint \(e.id) (\(e.method.label) \(e.path)) returns a list but has no pagination")
        }
    }

    public static func paginationWithoutLimit(_ d: Design) -> [CheckFinding] {
        d.endpoints.enumerated().compactMap { i, e in
            guard e.pagination != .none, e.pageSizeLimit <= 0 else { return nil }
            return CheckFinding(check: "endpoint.pagination-without-limit", .warning, items: [e.id.rawValue],
                                path: "endpoints[\(i)].pageSizeLimit",
                                "endpoint \(e.id) (\(e.method.label) \(e.path)) is paginated but sets no page-size limit")
        }
    }

    public static func publicWithoutAuthentication(_ d: Design, reach: ComponentReach? = nil) -> [CheckFinding] {
        let reach = reach ?? ComponentReach(d)
        return d.endpoints.enumerated().compactMap { i, e in
            guard e.method.isCalled, e.auth == .none, let c = e.component, reach.publicFacing.contains(c) else { return nil }
            return CheckFinding(check: "endpoint.public-without-auth", .warning, items: [e.id.rawValue, c.rawValue],
                                path: "endpoints[\(i)].auth",
                                "endpoint \(e.id) (\(e.method.label) \(e.path)) is public (clients reach \(c)) but has no "
                                    + "authentication (if it is open on purpose, say so: auth public)")
        }
    }

    public static func publicWithoutRateLimit(_ d: Design, reach: ComponentReach? = nil) -> [CheckFinding] {
        let reach = reach ?? ComponentReach(d)
        return d.endpoints.enumerated().compactMap { i, e in
            guard e.method.isCalled, isBlank(e.rateLimit),
                  let c = e.component, reach.publicFacing.contains(c) else { return nil }
            return CheckFinding(check: "endpoint.public-without-rate-limit", .warning, items: [e.id.rawValue, c.rawValue],
                                path: "endpoints[\(i)].rateLimit",
                                "endpoint \(e.id) (\(e.method.label) \(e.path)) is public (clients reach \(c)) but has no rate limit")
        }
    }

    public static func mutatingWithoutIdempotency(_ d: Design) -> [CheckFinding] {
        d.endpoints.enumerated().compactMap { i, e in
            guard e.method.isMutating, e.idempotency == .none else { return nil }
            let hint = e.method == .put || e.method == .delete ? " (if repeating it is harmless, say so: natural)" : ""
            return CheckFinding(check: "endpoint.mutating-without-idempotency", .warning, items: [e.id.rawValue],
                                path: "endpoints[\(i)].idempotency",
                                "endpoint \(e.id) (\(e.method.label) \(e.path)) changes state but retries are not made safe\(hint)")
        }
    }

    public static func servedByUncalledComponent(_ d: Design, reach: ComponentReach? = nil) -> [CheckFinding] {
        let reach = reach ?? ComponentReach(d)
        let known = Set(d.components.map(\.id))
        return d.endpoints.enumerated().compactMap { i, e in
            guard e.method.isCalled else { return nil }
            guard let c = e.component else {
                return CheckFinding(check: "endpoint.server-not-called", .warning, items: [e.id.rawValue],
                                    path: "endpoints[\(i)].component",
                                    "endpoint \(e.id) (\(e.method.label) \(e.path)) is served by no component")
            }
            // A missing component is a dangling reference, reported by the integrity checks.
            guard known.contains(c), !reach.called.contains(c) else { return nil }
            return CheckFinding(check: "endpoint.server-not-called", .warning, items: [e.id.rawValue, c.rawValue],
                                path: "endpoints[\(i)].component",
                                "endpoint \(e.id) (\(e.method.label) \(e.path)) is served by \(c), which no data flow reaches")
        }
    }
}
