import DesignExport
import DesignModel

/// Values shown in diff listings: one line, control characters made visible (see
/// `TextSafety`), long text shortened in the middle of nothing — cut at the end with "…".
enum ValueText {
    static let limit = 100

    /// A string as it reads, without quotes.
    static func plain(_ v: JSONValue) -> String {
        switch v {
        case .string(let s): return shorten(TextSafety.oneLine(s, separator: " ⏎ "))
        case .null: return "(none)"
        case .bool(let b): return b ? "yes" : "no"
        case .number(let n): return n
        default: return shown(v)
        }
    }

    /// A value for "old → new": strings quoted, lists of scalars in brackets, objects by title.
    static func shown(_ v: JSONValue?) -> String {
        guard let v else { return "(none)" }
        switch v {
        case .null: return "(none)"
        case .string(let s): return "\"" + shorten(TextSafety.oneLine(s, separator: " ⏎ ")) + "\""
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n
        case .array(let items):
            if items.isEmpty { return "[]" }
            if items.allSatisfy(\.isScalar) { return shorten("[" + items.map { shown($0) }.joined(separator: ", ") + "]") }
            return "\(items.count) entries"
        case .object:
            for f in ["name", "title", "text", "label", "key"] {
                if let s = v[f]?.stringValue, !s.isEmpty { return "\"" + shorten(TextSafety.oneLine(s)) + "\"" }
            }
            return shorten(TextSafety.oneLine(v.compactText()))
        }
    }

    /// For two lists of distinct scalars, what was added and removed ("+ "a", − "b"").
    static func setChange(_ old: JSONValue?, _ new: JSONValue?) -> (added: [String], removed: [String])? {
        guard let a = old?.arrayValue, let b = new?.arrayValue,
              ListShape.isScalarSet([a, b]) else { return nil }
        let sa = Set(a), sb = Set(b)
        if sa == sb { return nil }   // only the order changed: shown whole
        return (b.filter { !sa.contains($0) }.map { shown($0) }, a.filter { !sb.contains($0) }.map { shown($0) })
    }

    static func shorten(_ s: String) -> String {
        if s.count <= limit { return s }
        return String(s.prefix(limit - 1)) + "…"
    }
}
