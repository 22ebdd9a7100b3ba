import DesignModel

/// The API and data-model checks `validate` runs (`LowLevelChecks`), as review rules: the same
/// names and findings, with a stage and a hint each.
enum LowLevelRules {
    /// Stage and fix for each check, by its name.
    static let details: [String: (stage: StageKey, hint: String)] = [
        "endpoint.duplicate-route": (.lowLevelDesign, "Merge the two endpoints, or give one another method or path."),
        "endpoint.list-without-pagination": (.lowLevelDesign, "Page the list (cursor pagination scales best) with a page-size limit."),
        "endpoint.pagination-without-limit": (.lowLevelDesign, "Set the largest page a client may ask for."),
        "endpoint.public-without-auth": (.security, "Choose how callers authenticate (API key, session, JWT, OAuth2, mTLS), or set auth to public if it is open on purpose."),
        "endpoint.public-without-rate-limit": (.security, "Set a rate limit per key, user or IP (\"100/min per key\")."),
        "endpoint.mutating-without-idempotency": (.lowLevelDesign, "Take an idempotency key so a retried request is applied once, or mark it naturally idempotent."),
        "endpoint.server-not-called": (.lowLevelDesign, "Name the component that serves it, and draw the flow that reaches that component."),
        "entity.no-primary-key": (.dataStorage, "Mark the field (or fields) that identify a record as the primary key."),
        "entity.no-metadata-columns": (.dataStorage, "Add created at/by and modified at/by fields: they answer who changed what and when."),
        "entity.reference-without-index": (.dataStorage, "Add an index that starts with the reference field, or say which index serves its lookups."),
        "entity.not-in-a-store": (.dataStorage, "Name the database, cache, object storage or search index that holds it."),
    ]

    static let rules: [ReviewRule] = LowLevelChecks.all.map { check in
        let d = details[check.name] ?? (.lowLevelDesign, "See the check's message.")
        let severity: ReviewSeverity = check.name == "endpoint.duplicate-route" ? .error : .warning
        let name = check.name
        return ReviewRule(name, severity, d.stage, summary: check.summary, hint: d.hint) { c in
            (c.lowLevel[name] ?? []).map { f in
                RuleHit(f.items, sentence(f.message), location: steps(f.path))
            }
        }
    }

    /// A check's message as a sentence: capital first letter, a full stop.
    static func sentence(_ m: String) -> String {
        guard let first = m.first else { return m }
        let s = first.uppercased() + m.dropFirst()
        return s.hasSuffix(".") || s.hasSuffix(")") && s.hasSuffix(".)") ? s : s + "."
    }

    /// `endpoints[2].pagination` as locator steps.
    static func steps(_ path: String) -> [JSONLocator.Step]? {
        var out: [JSONLocator.Step] = []
        for part in path.split(separator: ".") {
            var rest = Substring(part)
            if let open = rest.firstIndex(of: "[") {
                let key = rest[..<open]
                if !key.isEmpty { out.append(.key(String(key))) }
                rest = rest[open...]
                while rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
                    guard let n = Int(rest[rest.index(after: rest.startIndex)..<close]) else { return nil }
                    out.append(.index(n))
                    rest = rest[rest.index(after: close)...]
                }
            } else {
                out.append(.key(String(rest)))
            }
        }
        return out.isEmpty ? nil : out
    }
}
