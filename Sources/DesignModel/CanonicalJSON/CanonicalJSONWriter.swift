/// Writes a `JSONTree` byte for byte as `JSONEncoder` pretty-prints with sorted keys and
/// unescaped slashes: two-space indent, `"key" : value`, an empty container as its brackets
/// around a blank line, `\b \t \n \f \r \" \\` escaped by name and other control characters
/// as lower-case `\u00xx`; everything else (DEL, non-ASCII, U+2028) as raw UTF-8.
struct CanonicalJSONWriter {
    private(set) var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(1 << 16) }

    mutating func write(_ value: JSONTree, depth: Int = 0) {
        switch value {
        case .string(let s): writeString(s)
        case .int(let i): append(String(i))
        case .uint(let u): append(String(u))
        case .bool(let b): append(b ? "true" : "false")
        case .null: append("null")
        case .array(let box):
            bytes.append(UInt8(ascii: "["))
            bytes.append(0x0A)
            for (n, item) in box.items.enumerated() {
                if n > 0 { bytes.append(UInt8(ascii: ",")); bytes.append(0x0A) }
                indent(depth + 1)
                write(item, depth: depth + 1)
            }
            bytes.append(0x0A)
            indent(depth)
            bytes.append(UInt8(ascii: "]"))
        case .object(let box):
            bytes.append(UInt8(ascii: "{"))
            bytes.append(0x0A)
            for (n, entry) in Self.sorted(box.entries).enumerated() {
                if n > 0 { bytes.append(UInt8(ascii: ",")); bytes.append(0x0A) }
                indent(depth + 1)
                writeString(entry.key)
                append(" : ")
                write(entry.value, depth: depth + 1)
            }
            bytes.append(0x0A)
            indent(depth)
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// Entries in key order (keys are ASCII, so byte order is string order); when a key was
    /// written twice the last value wins, as in `JSONEncoder`.
    static func sorted(_ entries: [(key: String, value: JSONTree)]) -> [(key: String, value: JSONTree)] {
        let ordered = entries.enumerated().sorted {
            $0.element.key != $1.element.key ? $0.element.key < $1.element.key : $0.offset < $1.offset
        }.map(\.element)
        var out: [(key: String, value: JSONTree)] = []
        out.reserveCapacity(ordered.count)
        for e in ordered {
            if let last = out.last, last.key == e.key { out[out.count - 1] = e } else { out.append(e) }
        }
        return out
    }

    private mutating func indent(_ depth: Int) {
        for _ in 0..<(depth * 2) { bytes.append(0x20) }
    }

    private mutating func append(_ s: String) {
        bytes.append(contentsOf: s.utf8)
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    private mutating func writeString(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            var start = 0
            for (i, b) in utf8.enumerated() where b < 0x20 || b == 0x22 || b == 0x5C {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
                start = i + 1
                bytes.append(UInt8(ascii: "\\"))
                switch b {
                case 0x22: bytes.append(0x22)
                case 0x5C: bytes.append(0x5C)
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                default:
                    bytes.append(contentsOf: Array("u00".utf8))
                    bytes.append(Self.hex[Int(b >> 4)])
                    bytes.append(Self.hex[Int(b & 0x0F)])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
