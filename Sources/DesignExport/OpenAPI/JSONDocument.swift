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
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        write(&out, indent: 0)
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    private static func newline(_ out: inout [UInt8], _ indent: Int) {
        out.append(0x0A)
        for _ in 0..<indent { out.append(0x20); out.append(0x20) }
    }

    private func write(_ out: inout [UInt8], indent: Int) {
        switch self {
        case .string(let s): Self.quote(s, into: &out)
        case .int(let n): out.append(contentsOf: String(n).utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .array(let items):
            if items.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                Self.newline(&out, indent + 1)
                item.write(&out, indent: indent + 1)
            }
            Self.newline(&out, indent)
            out.append(UInt8(ascii: "]"))
        case .object(let entries):
            if entries.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(UInt8(ascii: "{"))
            for (i, (key, value)) in entries.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                Self.newline(&out, indent + 1)
                Self.quote(key, into: &out)
                out.append(contentsOf: ": ".utf8)
                value.write(&out, indent: indent + 1)
            }
            Self.newline(&out, indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    static func quote(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { b in
            var i = 0
            let n = b.count
            while i < n {
                let c = b[i]
                switch c {
                case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
                case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
                case 0x0A: out.append(contentsOf: "\\n".utf8)
                case 0x0D: out.append(contentsOf: "\\r".utf8)
                case 0x09: out.append(contentsOf: "\\t".utf8)
                case 0x00..<0x20, 0x7F: hex(UInt32(c), into: &out)
                case 0xE2 where i + 2 < n && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9):
                    hex(b[i + 2] == 0xA8 ? 0x2028 : 0x2029, into: &out)   // U+2028, U+2029
                    i += 2
                default: out.append(c)
                }
                i += 1
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func hex(_ v: UInt32, into out: inout [UInt8]) {
        let digits = Array("0123456789abcdef".utf8)
        out.append(contentsOf: "\\u".utf8)
        for shift in stride(from: 12, through: 0, by: -4) { out.append(digits[Int((v >> UInt32(shift)) & 0xF)]) }
    }
}
