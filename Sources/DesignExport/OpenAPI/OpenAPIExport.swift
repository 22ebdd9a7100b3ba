import DesignModel
import Foundation

/// The design's HTTP endpoints as an OpenAPI 3.1 document (JSON).
///
/// - Paths and operations from GET/POST/PUT/PATCH/DELETE endpoints (`:name` segments become
///   `{name}`; a later endpoint on a method and path already taken is left out and listed in
///   `x-left-out`). gRPC, WebSocket and event endpoints are listed in `x-other-interfaces`.
/// - Parameters: the path's template names, request fields in the query or a header, the
///   filters, `sort` (the sort keys, `-key` for descending), the pagination parameters
///   (`cursor`/`offset`/`page` with `limit`/`page_size` capped at the page-size limit) and an
///   `Idempotency-Key` header for endpoints that take one. Body fields make the request body
///   (for GET they are sent in the query).
/// - Responses: the success status with the body and header fields, one response per HTTP
///   error code (`409`, `4XX`); other codes go to `x-error-codes`.
/// - Schemas: field types map to JSON Schema (`string`, `int`, `uuid`, `datetime`, `[T]`,
///   `map<K,V>` …); a type naming an entity refers to a schema made from its fields.
/// - Security schemes from the auth kinds (API key header, session cookie, JWT bearer, OAuth2,
///   mutual TLS); an endpoint without auth says `security: []`.
/// - `x-rate-limit`, `x-idempotency`, `x-served-by` and `x-requirements` where OpenAPI has no field.
///
/// User text is made visible (`TextSafety`) everywhere; descriptions, which OpenAPI tools
/// render as CommonMark, are escaped like the report's.
public enum OpenAPIExport {
    public static let version = "3.1.0"

    public static func render(_ design: Design) -> String {
        var b = OpenAPIBuilder(design)
        return b.document().text()
    }
}

private struct OpenAPIBuilder {
    let design: Design
    let components: [ItemID<Component>: Component]
    let entitiesByName: [String: Entity]
    let entitiesByLowerName: [String: Entity]
    var schemes: [Endpoint.Auth] = []
    var schemaKeys: [ItemID<Entity>: String] = [:]
    var usedSchemaKeys = Set<String>()
    var pendingSchemas: [Entity] = []

    init(_ design: Design) {
        self.design = design
        var byID: [ItemID<Component>: Component] = [:]
        for c in design.components where byID[c.id] == nil { byID[c.id] = c }
        components = byID
        var byName: [String: Entity] = [:], byLower: [String: Entity] = [:]
        for e in design.entities {
            let n = TextSafety.oneLine(e.name)
            if !n.isEmpty && byName[n] == nil { byName[n] = e }
            if !n.isEmpty && byLower[n.lowercased()] == nil { byLower[n.lowercased()] = e }
        }
        entitiesByName = byName
        entitiesByLowerName = byLower
    }

    mutating func document() -> JSONDocument {
        var info: [(String, JSONDocument)] = []
        let title = TextSafety.oneLine(design.title)
        info.append(("title", .string(title.isEmpty ? "Untitled design" : title)))
        info.append(("version", .string(Self.day(design.modified))))
        let problem = MarkdownText.block(design.problem)
        if !problem.isEmpty { info.append(("description", .string(problem))) }

        // Paths in the order their first endpoint appears; operations in endpoint order.
        var pathOrder: [String] = []
        var operations: [String: [(String, JSONDocument)]] = [:]
        var taken: [String: ItemID<Endpoint>] = [:]
        var leftOut: [JSONDocument] = []
        var others: [JSONDocument] = []
        var operationIDs = Set<String>()

        for e in design.endpoints {
            guard e.method.isHTTP else {
                others.append(otherInterface(e))
                continue
            }
            let (path, templateNames) = Self.path(e.path)
            let method = e.method.rawValue
            if let first = taken[method + " " + path] {
                leftOut.append(.object([("id", .string(TextSafety.oneLine(e.id.rawValue))),
                                        ("reason", .string("same method and path as \(TextSafety.oneLine(first.rawValue))"))]))
                continue
            }
            taken[method + " " + path] = e.id
            if operations[path] == nil {
                pathOrder.append(path)
                operations[path] = []
            }
            var opID = TextSafety.oneLine(e.id.rawValue)
            if opID.isEmpty { opID = "operation" }
            var candidate = opID, n = 1
            while !operationIDs.insert(candidate).inserted {
                n += 1
                candidate = "\(opID)-\(n)"
            }
            operations[path]!.append((method, operation(e, operationID: candidate, templateNames: templateNames)))
        }

        var doc: [(String, JSONDocument)] = [("openapi", .string(OpenAPIExport.version)), ("info", .object(info))]
        doc.append(("paths", .object(pathOrder.map { ($0, .object(operations[$0]!)) })))

        var comps: [(String, JSONDocument)] = []
        if !schemes.isEmpty {
            comps.append(("securitySchemes", .object(schemes.map { (Self.schemeName($0), Self.scheme($0)) })))
        }
        var schemas: [(String, JSONDocument)] = []
        var done = Set<ItemID<Entity>>()
        while !pendingSchemas.isEmpty {
            let e = pendingSchemas.removeFirst()
            guard done.insert(e.id).inserted else { continue }
            schemas.append((schemaKeys[e.id]!, entitySchema(e)))
        }
        if !schemas.isEmpty { comps.append(("schemas", .object(schemas))) }
        if !comps.isEmpty { doc.append(("components", .object(comps))) }
        if !others.isEmpty { doc.append(("x-other-interfaces", .array(others))) }
        if !leftOut.isEmpty { doc.append(("x-left-out", .array(leftOut))) }
        return .object(doc)
    }

    // MARK: operations

    mutating func operation(_ e: Endpoint, operationID: String, templateNames: [String]) -> JSONDocument {
        var op: [(String, JSONDocument)] = [("operationId", .string(operationID))]
        let summary = TextSafety.oneLine(e.summary)
        if !summary.isEmpty { op.append(("summary", .string(summary))) }
        let notes = MarkdownText.block(e.notes)
        if !notes.isEmpty { op.append(("description", .string(notes))) }
        if let c = e.component {
            let name = components[c].map { TextSafety.oneLine($0.name) } ?? ""
            op.append(("tags", .array([.string(name.isEmpty ? TextSafety.oneLine(c.rawValue) : name)])))
        }

        var params: [JSONDocument] = []
        var seen = Set<String>()
        func add(_ name: String, _ location: String, required: Bool, schema: JSONDocument, description: String = "") {
            guard !name.isEmpty, seen.insert(location + "\u{0}" + (location == "header" ? name.lowercased() : name)).inserted else { return }
            var p: [(String, JSONDocument)] = [("name", .string(name)), ("in", .string(location))]
            if required { p.append(("required", .bool(true))) }
            if !description.isEmpty { p.append(("description", .string(description))) }
            p.append(("schema", schema))
            params.append(.object(p))
        }
        let byName = Dictionary(e.request.map { (TextSafety.oneLine($0.name), $0) }, uniquingKeysWith: { a, _ in a })
        let byTemplateName = templateNames.isEmpty ? [:] : Dictionary(
            e.request.map { (Self.templateName(TextSafety.oneLine($0.name)), $0) }, uniquingKeysWith: { a, _ in a })
        for name in templateNames {
            let field = byTemplateName[name]
            add(name, "path", required: true, schema: field.map { schema(FieldType($0.type)) } ?? .object([("type", .string("string"))]),
                description: field.map { MarkdownText.block($0.notes) } ?? "")
        }
        var bodyFields: [Endpoint.Field] = []
        for f in e.request {
            let name = TextSafety.oneLine(f.name)
            switch f.location {
            case .path: continue   // only names in the path template are path parameters
            case .query: add(name, "query", required: f.required, schema: schema(FieldType(f.type)), description: MarkdownText.block(f.notes))
            case .header: add(name, "header", required: f.required, schema: schema(FieldType(f.type)), description: MarkdownText.block(f.notes))
            case .body:
                if e.method == .get {
                    add(name, "query", required: f.required, schema: schema(FieldType(f.type)), description: MarkdownText.block(f.notes))
                } else {
                    bodyFields.append(f)
                }
            }
        }
        for filter in e.filters {
            let name = TextSafety.oneLine(filter)
            add(name, "query", required: false, schema: byName[name].map { schema(FieldType($0.type)) } ?? .object([("type", .string("string"))]),
                description: "Filter.")
        }
        let keys = e.sortKeys.map { TextSafety.oneLine($0) }.filter { !$0.isEmpty }
        if !keys.isEmpty {
            var values: [JSONDocument] = []
            var distinct = Set<String>()
            for k in keys + keys.map({ "-" + $0 }) where distinct.insert(k).inserted { values.append(.string(k)) }
            add("sort", "query", required: false, schema: .object([("type", .string("string")), ("enum", .array(values))]),
                description: "Sort key; a leading `-` sorts in descending order.")
        }
        let limit: JSONDocument = {
            var s: [(String, JSONDocument)] = [("type", .string("integer")), ("minimum", .int(1))]
            if e.pageSizeLimit > 0 {
                s.append(("maximum", .int(e.pageSizeLimit)))
                s.append(("default", .int(min(e.pageSizeLimit, 20))))
            }
            return .object(s)
        }()
        switch e.pagination {
        case .none: break
        case .cursor:
            add("cursor", "query", required: false, schema: .object([("type", .string("string"))]),
                description: "Opaque cursor from the previous page; leave out for the first page.")
            add("limit", "query", required: false, schema: limit, description: "Items per page.")
        case .offset:
            add("offset", "query", required: false, schema: .object([("type", .string("integer")), ("minimum", .int(0))]),
                description: "Items to skip.")
            add("limit", "query", required: false, schema: limit, description: "Items per page.")
        case .page:
            add("page", "query", required: false, schema: .object([("type", .string("integer")), ("minimum", .int(1))]),
                description: "Page number, from 1.")
            add("page_size", "query", required: false, schema: limit, description: "Items per page.")
        }
        if e.idempotency == .key {
            add("Idempotency-Key", "header", required: false,
                schema: .object([("type", .string("string")), ("maxLength", .int(255))]),
                description: "A unique key per operation; a retry with the same key gets the first answer.")
        }
        if !params.isEmpty { op.append(("parameters", .array(params))) }
        if !bodyFields.isEmpty {
            op.append(("requestBody", .object([
                ("required", .bool(bodyFields.contains(where: \.required))),
                ("content", .object([("application/json", .object([("schema", objectSchema(bodyFields, requiredFrom: true))]))])),
            ])))
        }
        op.append(("responses", responses(e)))

        if !e.auth.authenticates {
            op.append(("security", .array([])))
        } else {
            if !schemes.contains(e.auth) { schemes.append(e.auth) }
            op.append(("security", .array([.object([(Self.schemeName(e.auth), .array([]))])])))
        }
        if let c = e.component { op.append(("x-served-by", .string(TextSafety.oneLine(c.rawValue)))) }
        if !e.requirements.isEmpty {
            op.append(("x-requirements", .array(e.requirements.map { .string(TextSafety.oneLine($0.rawValue)) })))
        }
        let rate = TextSafety.oneLine(e.rateLimit)
        if !rate.isEmpty { op.append(("x-rate-limit", .string(rate))) }
        if e.idempotency != .none { op.append(("x-idempotency", .string(e.idempotency.rawValue))) }
        return .object(op)
    }

    mutating func responses(_ e: Endpoint) -> JSONDocument {
        let success = e.successStatus > 0 && (100...599).contains(e.successStatus) ? "\(e.successStatus)" : "200"
        var order: [String] = [success]
        var descriptions: [String: [String]] = [success: []]
        var unmatched: [JSONDocument] = []
        for err in e.errors {
            let code = TextSafety.oneLine(err.code)
            let meaning = MarkdownText.inline(err.meaning)
            guard let key = Self.statusKey(code) else {
                unmatched.append(.object([("code", .string(code)), ("meaning", .string(TextSafety.oneLine(err.meaning)))]))
                continue
            }
            if descriptions[key] == nil { order.append(key); descriptions[key] = [] }
            if !meaning.isEmpty { descriptions[key]!.append(meaning) }
        }
        let summary = MarkdownText.inline(e.summary)
        var out: [(String, JSONDocument)] = []
        for key in order {
            var r: [(String, JSONDocument)] = []
            var text = descriptions[key]!.joined(separator: "; ")
            if key == success {
                let own = summary.isEmpty ? "Success." : summary
                text = text.isEmpty ? own : own + " — " + text
            } else if text.isEmpty {
                text = "Error."
            }
            r.append(("description", .string(text)))
            if key == success {
                let headers = e.response.filter { $0.location == .header && !TextSafety.oneLine($0.name).isEmpty }
                if !headers.isEmpty {
                    var hs: [(String, JSONDocument)] = []
                    var names = Set<String>()
                    for h in headers where names.insert(TextSafety.oneLine(h.name).lowercased()).inserted {
                        var entry: [(String, JSONDocument)] = []
                        let d = MarkdownText.block(h.notes)
                        if !d.isEmpty { entry.append(("description", .string(d))) }
                        entry.append(("schema", schema(FieldType(h.type))))
                        hs.append((TextSafety.oneLine(h.name), .object(entry)))
                    }
                    r.append(("headers", .object(hs)))
                }
                let body = e.response.filter { $0.location != .header }
                if !body.isEmpty {
                    r.append(("content", .object([("application/json", .object([("schema", objectSchema(body, requiredFrom: false))]))])))
                }
            }
            out.append((key, .object(r)))
        }
        if !unmatched.isEmpty { out.append(("x-error-codes", .array(unmatched))) }
        return .object(out)
    }

    func otherInterface(_ e: Endpoint) -> JSONDocument {
        var o: [(String, JSONDocument)] = [("id", .string(TextSafety.oneLine(e.id.rawValue))),
                                           ("kind", .string(e.method.rawValue)),
                                           ("name", .string(TextSafety.oneLine(e.path)))]
        let summary = TextSafety.oneLine(e.summary)
        if !summary.isEmpty { o.append(("summary", .string(summary))) }
        if let c = e.component { o.append(("servedBy", .string(TextSafety.oneLine(c.rawValue)))) }
        return .object(o)
    }

    // MARK: schemas

    mutating func objectSchema(_ fields: [Endpoint.Field], requiredFrom: Bool) -> JSONDocument {
        var props: [(String, JSONDocument)] = []
        var required: [JSONDocument] = []
        var names = Set<String>()
        for f in fields {
            let name = TextSafety.oneLine(f.name)
            guard !name.isEmpty, names.insert(name).inserted else { continue }
            props.append((name, described(schema(FieldType(f.type)), f.notes)))
            if requiredFrom && f.required { required.append(.string(name)) }
        }
        var s: [(String, JSONDocument)] = [("type", .string("object")), ("properties", .object(props))]
        if !required.isEmpty { s.append(("required", .array(required))) }
        return .object(s)
    }

    func described(_ schema: JSONDocument, _ notes: String) -> JSONDocument {
        let d = MarkdownText.block(notes)
        guard !d.isEmpty, case .object(var entries) = schema, !entries.contains(where: { $0.0 == "$ref" }) else { return schema }
        entries.append(("description", .string(d)))
        return .object(entries)
    }

    mutating func schema(_ type: FieldType) -> JSONDocument {
        func simple(_ t: String, _ format: String? = nil) -> JSONDocument {
            var s: [(String, JSONDocument)] = [("type", .string(t))]
            if let format { s.append(("format", .string(format))) }
            return .object(s)
        }
        switch type {
        case .string(let max):
            var s: [(String, JSONDocument)] = [("type", .string("string"))]
            if let max, max > 0 { s.append(("maxLength", .int(max))) }
            return .object(s)
        case .enumeration(let values):
            var distinct = Set<String>()
            let vs = values.map { TextSafety.oneLine($0) }.filter { distinct.insert($0).inserted }
            return .object([("type", .string("string")), ("enum", .array(vs.map { .string($0) }))])
        case .uuid: return simple("string", "uuid")
        case .uri: return simple("string", "uri")
        case .email: return simple("string", "email")
        case .date: return simple("string", "date")
        case .dateTime: return simple("string", "date-time")
        case .time: return simple("string", "time")
        case .int32, .serial(big: false): return simple("integer", "int32")
        case .int64, .serial(big: true): return simple("integer", "int64")
        case .number, .decimal: return simple("number")
        case .boolean: return simple("boolean")
        case .bytes: return .object([("type", .string("string")), ("contentEncoding", .string("base64"))])
        case .object: return simple("object")
        case .map(let value):
            return .object([("type", .string("object")), ("additionalProperties", schema(value))])
        case .list(let element):
            return .object([("type", .string("array")), ("items", schema(element))])
        case .named(let name):
            let n = TextSafety.oneLine(name)
            if let e = entitiesByName[n] ?? entitiesByLowerName[n.lowercased()] {
                return .object([("$ref", .string("#/components/schemas/" + schemaKey(e)))])
            }
            return .object([("x-type", .string(n))])
        case .unspecified:
            return .object([])
        }
    }

    /// The entity's key under `components/schemas` (`[A-Za-z0-9._-]`, unique), queuing its schema.
    mutating func schemaKey(_ e: Entity) -> String {
        if let k = schemaKeys[e.id] { return k }
        var base = ""
        for s in TextSafety.oneLine(e.name).unicodeScalars {
            base.unicodeScalars.append(s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || "._-".unicodeScalars.contains(s)) ? s : "_")
        }
        if base.allSatisfy({ $0 == "_" }) { base = "Entity_" + base }
        var key = base, n = 1
        while !usedSchemaKeys.insert(key).inserted {
            n += 1
            key = "\(base)_\(n)"
        }
        schemaKeys[e.id] = key
        pendingSchemas.append(e)
        return key
    }

    mutating func entitySchema(_ e: Entity) -> JSONDocument {
        var props: [(String, JSONDocument)] = []
        var required: [JSONDocument] = []
        var names = Set<String>()
        for f in e.fields {
            let name = TextSafety.oneLine(f.name)
            guard !name.isEmpty, names.insert(name).inserted else { continue }
            props.append((name, described(schema(FieldType(f.type)), f.notes)))
            if !f.nullable { required.append(.string(name)) }
        }
        var s: [(String, JSONDocument)] = [("type", .string("object"))]
        let notes = MarkdownText.block(e.notes)
        if !notes.isEmpty { s.append(("description", .string(notes))) }
        s.append(("properties", .object(props)))
        if !required.isEmpty { s.append(("required", .array(required))) }
        s.append(("x-entity", .string(TextSafety.oneLine(e.id.rawValue))))
        return .object(s)
    }

    // MARK: helpers

    /// `/api/v1/links/:code?x=1` → `/api/v1/links/{code}` and its template names, in order.
    /// A `{…}` within a segment is a template (an empty one gets a name); a brace that is not
    /// part of one is percent-encoded, as a URL path requires.
    static func path(_ raw: String) -> (String, [String]) {
        var p = TextSafety.oneLine(raw)
        if let q = p.firstIndex(where: { $0 == "?" || $0 == "#" }) { p = String(p[..<q]) }
        if !p.hasPrefix("/") { p = "/" + p }
        var segments: [String] = []
        var names: [String] = []
        var anonymous = 0
        for seg in p.split(separator: "/", omittingEmptySubsequences: false) {
            var s = String(seg)
            if s.hasPrefix(":") && s.count > 1 { s = "{" + s.dropFirst() + "}" }
            var rebuilt = ""
            var rest = Substring(s)
            func literal(_ text: Substring) -> String {
                guard text.utf8.contains(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") }) else { return String(text) }
                return text.replacingOccurrences(of: "{", with: "%7B").replacingOccurrences(of: "}", with: "%7D")
            }
            while let open = rest.firstIndex(of: "{"),
                  let close = rest[open...].firstIndex(of: "}") {
                // The innermost pair: the last `{` before the first `}`.
                let start = rest[..<close].lastIndex(of: "{") ?? open
                rebuilt += literal(rest[..<start])
                var name = templateName(rest[rest.index(after: start)..<close])
                if name.isEmpty {
                    anonymous += 1
                    name = "param\(anonymous)"
                }
                if !names.contains(name) { names.append(name) }
                rebuilt += "{" + name + "}"
                rest = rest[rest.index(after: close)...]
            }
            rebuilt += literal(rest)
            segments.append(rebuilt)
        }
        return (segments.joined(separator: "/"), names)
    }

    /// A template parameter's name: letters, digits and `_` (tools read `:`, `.`, `[` and `!`
    /// inside braces as format syntax), anything else as `_`.
    static func templateName<S: StringProtocol>(_ text: S) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { s in
            s.properties.isAlphabetic || s.properties.numericType != nil || s == "_" ? s : "_"
        }))
    }

    /// `404` → "404", `4xx` → "4XX"; anything else is not an HTTP status.
    static func statusKey(_ code: String) -> String? {
        let c = code.uppercased()
        guard c.count == 3, let first = c.first, ("1"..."5").contains(first) else { return nil }
        let rest = c.dropFirst()
        if rest == "XX" { return c }
        return rest.allSatisfy(\.isASCII) && rest.allSatisfy(\.isNumber) ? c : nil
    }

    static func schemeName(_ auth: Endpoint.Auth) -> String {
        switch auth {
        case .none: "none"
        case .publicByDesign: "public"
        case .apiKey: "apiKey"
        case .session: "sessionCookie"
        case .jwt: "bearerJWT"
        case .oauth2: "oauth2"
        case .mtls: "mutualTLS"
        }
    }

    static func scheme(_ auth: Endpoint.Auth) -> JSONDocument {
        switch auth {
        case .none, .publicByDesign, .apiKey:
            return .object([("type", .string("apiKey")), ("in", .string("header")), ("name", .string("X-API-Key"))])
        case .session:
            return .object([("type", .string("apiKey")), ("in", .string("cookie")), ("name", .string("session"))])
        case .jwt:
            return .object([("type", .string("http")), ("scheme", .string("bearer")), ("bearerFormat", .string("JWT"))])
        case .oauth2:
            return .object([
                ("type", .string("oauth2")),
                ("description", .string("OAuth 2.0 authorization code flow; the URLs are placeholders relative to the API's server.")),
                ("flows", .object([("authorizationCode", .object([
                    ("authorizationUrl", .string("/oauth/authorize")),
                    ("tokenUrl", .string("/oauth/token")),
                    ("scopes", .object([])),
                ]))])),
            ])
        case .mtls:
            return .object([("type", .string("mutualTLS"))])
        }
    }

    static func day(_ d: Date) -> String {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        let c = cal.dateComponents([.year, .month, .day], from: d)
        func two(_ n: Int?) -> String { let v = n ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        return "\(c.year ?? 0)-\(two(c.month))-\(two(c.day))"
    }
}
