import DesignExport
import DesignModel

// What the stage 3 and stage 5 sections add to a report, for `checkReportStructure`.

/// Headings of the API and data-model sections.
func lowLevelHeadings(_ d: Design) -> Set<String> {
    var h: Set<String> = ["API endpoints", "Data model"]
    if !d.entities.isEmpty { h.insert("Entity-relationship diagram") }
    for e in d.endpoints {
        let path = TextSafety.oneLine(e.path)
        h.insert(TextSafety.oneLine(e.id.rawValue) + ": " + e.method.label + (path.isEmpty ? "" : " " + path))
    }
    for e in d.entities {
        let name = TextSafety.oneLine(e.name)
        h.insert(TextSafety.oneLine(e.id.rawValue) + (name.isEmpty ? "" : ": " + name))
    }
    return h
}

/// The tables, in order, with the user text their cells must show (nil: not checked).
func lowLevelTables(_ d: Design) -> [(cols: Int, rows: [[String?]])] {
    var t: [(cols: Int, rows: [[String?]])] = []
    let one = { (s: String) in TextSafety.oneLine(s) }
    if !d.endpoints.isEmpty {
        t.append((6, d.endpoints.map { [one($0.id.rawValue), $0.method.label, one($0.path), nil, $0.auth.label, one($0.summary)] }))
        for e in d.endpoints {
            if !e.request.isEmpty {
                t.append((5, e.request.map { [one($0.name), one($0.type), $0.location.label, $0.required ? "yes" : "no", one($0.notes)] }))
            }
            if !e.response.isEmpty {
                t.append((4, e.response.map { [one($0.name), one($0.type), $0.location.label, one($0.notes)] }))
            }
            if !e.errors.isEmpty { t.append((2, e.errors.map { [one($0.code), one($0.meaning)] })) }
        }
    }
    if !d.entities.isEmpty {
        t.append((6, d.entities.map { [one($0.id.rawValue), one($0.name), $0.kind.label, nil, one($0.partitionKey), one($0.retention)] }))
        for e in d.entities {
            if !e.fields.isEmpty {
                t.append((8, e.fields.map { [one($0.name), one($0.type), $0.primaryKey ? "PK" : "", nil, nil, nil, nil, one($0.notes)] }))
            }
            if !e.indexes.isEmpty {
                t.append((4, e.indexes.map { [one($0.name), $0.fields.map(one).joined(separator: ", "), nil, one($0.query)] }))
            }
            if !e.accessPatterns.isEmpty { t.append((2, e.accessPatterns.map { [one($0.query), nil] })) }
        }
    }
    return t
}

/// List items: each endpoint's limits, each relationship.
func lowLevelListItems(_ d: Design) -> Int {
    d.endpoints.map { 3 + ($0.filters.isEmpty ? 0 : 1) + ($0.sortKeys.isEmpty ? 0 : 1) }.reduce(0, +)
        + d.entities.map(\.relationships.count).reduce(0, +)
}
