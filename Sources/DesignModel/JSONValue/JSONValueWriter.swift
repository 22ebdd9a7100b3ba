/// Writes a `JSONValue` as JSON text: compact (one line, for conflict records and messages) or
/// pretty (two-space indent, `"key" : value`, sorted keys — the shape of saved designs).
extension JSONValue {
    public func compactText() -> String {
        var w = JSONValueWriter(pretty: false)
        w.write(self, depth: 0)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    public func prettyBytes() -> [UInt8] {
        var w = JSONValueWriter(pretty: true)
        w.write(self, depth: 0)
        w.bytes.append(0x0A)
        return w.bytes
    }
}

struct JSONValueWriter {
    let pretty: Bool
    var bytes: [UInt8] = []

    init(pretty: Bool) {
        self.pretty = pretty
        bytes.reserveCapacity(1 << 12)
    }

    mutating func write(_ value: JSONValue, depth: Int) {
        switch value {
        case .null: bytes.append(contentsOf: "null".utf8)
        case .bool(let b): bytes.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let n): bytes.append(contentsOf: n.utf8)
        case .string(let s): writeString(s)
        case .array(let items):
            bytes.append(UInt8(ascii: "["))
            if items.isEmpty && !pretty { bytes.append(UInt8(ascii: "]")); return }
            newline(depth + 1)
            for (n, item) in items.enumerated() {
                if n > 0 { bytes.append(UInt8(ascii: ",")); newline(depth + 1) }
                write(item, depth: depth + 1)
            }
            newline(depth)
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            if members.isEmpty && !pretty { bytes.append(UInt8(ascii: "}")); return }
            newline(depth + 1)
            for (n, m) in members.enumerated() {
                if n > 0 { bytes.append(UInt8(ascii: ",")); newline(depth + 1) }
                writeString(m.key)
                bytes.append(contentsOf: (pretty ? " : " : ":").utf8)
                write(m.value, depth: depth + 1)
            }
            newline(depth)
            bytes.append(UInt8(ascii: "}"))
        }
    }

    mutating func newline(_ depth: Int) {
        guard pretty else { return }
        bytes.append(0x0A)
        for _ in 0..<(depth * 2) { bytes.append(0x20) }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    mutating func writeString(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case 0x22: bytes.append(0x5C); bytes.append(0x22)
            case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
            case 0x0A: bytes.append(0x5C); bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(0x5C); bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(0x5C); bytes.append(UInt8(ascii: "t"))
            case 0x08: bytes.append(0x5C); bytes.append(UInt8(ascii: "b"))
            case 0x0C: bytes.append(0x5C); bytes.append(UInt8(ascii: "f"))
            case 0..<0x20:
                bytes.append(contentsOf: "\\u00".utf8)
                bytes.append(Self.hex[Int(b >> 4)])
                bytes.append(Self.hex[Int(b & 0x0F)])
            default: bytes.append(b)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
