import Foundation

/// Telling a UTF-16 or UTF-32 file from UTF-8 before reading it as JSON, so the message can
/// name the encoding instead of quoting a parser's complaint about NUL bytes.
public enum TextEncodingCheck {
    /// The encoding of a file that is UTF-16 or UTF-32 (by its byte order mark, or by the
    /// pattern of NUL bytes a JSON text in it starts with, as RFC 4627 describes), with its
    /// name for `iconv`; nil for anything else.
    public static func otherEncoding(_ data: Data) -> (description: String, iconvName: String)? {
        let b = Array(data.prefix(4))
        func starts(_ p: [UInt8]) -> Bool { b.count >= p.count && Array(b.prefix(p.count)) == p }
        if starts([0x00, 0x00, 0xFE, 0xFF]) { return ("UTF-32 (big-endian, with a byte order mark)", "UTF-32") }
        if starts([0xFF, 0xFE, 0x00, 0x00]) { return ("UTF-32 (little-endian, with a byte order mark)", "UTF-32") }
        if starts([0xFE, 0xFF]) { return ("UTF-16 (big-endian, with a byte order mark)", "UTF-16") }
        if starts([0xFF, 0xFE]) { return ("UTF-16 (little-endian, with a byte order mark)", "UTF-16") }
        if b.count >= 4 {
            let z = b.map { $0 == 0 }
            if z[0] && z[1] && z[2] && !z[3] { return ("UTF-32 (big-endian)", "UTF-32BE") }
            if !z[0] && z[1] && z[2] && z[3] { return ("UTF-32 (little-endian)", "UTF-32LE") }
            if z[0] && !z[1] && z[2] && !z[3] { return ("UTF-16 (big-endian)", "UTF-16BE") }
            if !z[0] && z[1] && !z[2] && z[3] { return ("UTF-16 (little-endian)", "UTF-16LE") }
        } else if b.count >= 2 {
            if b[0] == 0 && b[1] != 0 { return ("UTF-16 (big-endian)", "UTF-16BE") }
            if b[0] != 0 && b[1] == 0 { return ("UTF-16 (little-endian)", "UTF-16LE") }
        }
        return nil
    }

    /// The bytes without a leading UTF-8 byte order mark (EF BB BF), which some editors write.
    public static func withoutUTF8ByteOrderMark(_ data: Data) -> Data {
        data.starts(with: [0xEF, 0xBB, 0xBF]) ? Data(data.dropFirst(3)) : data
    }
}
