/// A JSON value whose objects keep their keys in the order written, for documents meant to
/// be read (OpenAPI puts `openapi` and `info` first, `responses` after `parameters`).
indirect enum JSONDocument: Equatable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case array([JSONDocument])
    case object([(String, JSONDocument)])

    static func == (a: JSONDocument, b: JSONDocument) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)): x == y
        case (.int(let x), .int(let y)): x == y
        case (.bool(let x), .bool(let y)): x == y
        case (.array(let x), .array(let y)): x == y
        case (.object(let x), .object(let y)): x.map(\.0) == y.map(\.0) && x.map(\.1) == y.map(\.1)
        default: false
        }
    }

    /// Pretty-printed with two-space indents and a final newline. Strings are escaped as JSON
    /// requires, plus U+2028/U+2029 (so the text is also a valid JavaScript literal) and DEL.
    func text() -> String {
        var out = ""
        write(&out, indent: 0)
        out += "\n"
        return out
    }

    private func write(_ out: inout String, indent: Int) {
        switch self {
        case .string(let s): Self.quote(s, into: &out)
        case .int(let n): out += String(n)
        case .bool(let b): out += b ? "true" : "false"
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += String(repeating: "  ", count: indent + 1)
                item.write(&out, indent: indent + 1)
                out += i == items.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: "  ", count: indent) + "]"
        case .object(let entries):
            if entries.isEmpty { out += "{}"; return }
            out += "{\n"
            for (i, (key, value)) in entries.enumerated() {
                out += String(repeating: "  ", count: indent + 1)
                Self.quote(key, into: &out)
                out += ": "
                value.write(&out, indent: indent + 1)
                out += i == entries.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: "  ", count: indent) + "}"
        }
    }

    static func quote(_ s: String, into out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{7F}", "\u{2028}", "\u{2029}": out += hex(u.value)
            default:
                if u.value < 0x20 { out += hex(u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        out += "\""
    }

    private static func hex(_ v: UInt32) -> String {
        let h = String(v, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - h.count) + h
    }
}
