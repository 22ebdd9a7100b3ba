import Foundation
import DesignModel

/// A field's free-text type read into the handful of kinds the OpenAPI and SQL exports map
/// from. Case and surrounding space are ignored; a trailing `?` is dropped.
indirect enum FieldType: Equatable {
    case string(maxLength: Int?)
    case enumeration([String])
    case uuid, uri, email, date, dateTime, time
    case int32, int64
    /// An auto-numbered integer (`serial`, `bigserial`).
    case serial(big: Bool)
    case number
    case decimal(precision: Int?, scale: Int?)
    case boolean
    case bytes
    case object
    case map(FieldType)
    case list(FieldType)
    /// Any other word: maybe an entity's name (`Link`), maybe a type the design defines elsewhere.
    case named(String)
    /// Nothing written.
    case unspecified

    init(_ text: String) {
        var t = FieldTypeText.trimmed(text)
        if t.hasSuffix("?") { t.removeLast() }
        if t.isEmpty { self = .unspecified; return }
        if let element = FieldTypeText.element(t) {
            self = .list(FieldType(element))
            return
        }
        let lower = t.lowercased()
        if lower.hasPrefix("map<") && lower.hasSuffix(">") {
            let inner = t.dropFirst(4).dropLast()
            let value = inner.firstIndex(of: ",").map { String(inner[inner.index(after: $0)...]) } ?? ""
            self = .map(FieldType(value))
            return
        }
        // name(args)
        var name = lower
        var args: [String] = []
        if let open = t.firstIndex(of: "("), t.hasSuffix(")") {
            name = FieldTypeText.trimmed(t[..<open]).lowercased()
            args = t[t.index(after: open)..<t.index(before: t.endIndex)]
                .split(separator: ",").map { FieldTypeText.trimmed($0) }
        }
        let numbers = args.compactMap { Int($0) }
        switch name {
        case "string", "str", "text", "varchar", "char", "character", "character varying", "citext", "nvarchar",
             "nchar", "bpchar":
            self = .string(maxLength: numbers.first)
        case "enum":
            self = args.isEmpty ? .string(maxLength: nil)
                : .enumeration(args.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "'\" ")) })
        case "uuid", "guid": self = .uuid
        case "url", "uri": self = .uri
        case "email": self = .email
        case "date": self = .date
        case "datetime", "timestamp", "timestamptz", "instant", "timestamp with time zone", "date-time",
             "timestamp without time zone", "zoneddatetime", "offsetdatetime":
            self = .dateTime
        case "time", "timetz": self = .time
        case "int", "integer", "int32", "int4", "smallint", "int2", "int16", "i32", "tinyint", "mediumint":
            self = .int32
        case "long", "bigint", "int64", "int8", "i64":
            self = .int64
        case "serial", "serial4", "smallserial", "autoincrement", "auto_increment": self = .serial(big: false)
        case "bigserial", "serial8": self = .serial(big: true)
        case "float", "double", "number", "real", "float64", "float32", "float8", "float4", "double precision", "f64", "f32":
            self = .number
        case "decimal", "numeric", "money":
            self = .decimal(precision: numbers.first, scale: numbers.count > 1 ? numbers[1] : nil)
        case "bool", "boolean": self = .boolean
        case "bytes", "blob", "binary", "bytea", "varbinary", "byte[]": self = .bytes
        case "json", "jsonb", "object", "map", "dict", "dictionary", "struct", "record", "hash":
            self = .object
        default:
            self = .named(t)
        }
    }
}
