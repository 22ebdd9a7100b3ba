import Foundation

/// A position in a text file, 1-based, for error messages.
public struct TextPosition: Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var description: String { "line \(line), column \(column)" }

    /// The line and column of a UTF-8 byte offset.
    public init(offset: Int, in bytes: [UInt8]) {
        var line = 1, lineStart = 0
        let end = min(max(offset, 0), bytes.count)
        for i in 0..<end where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        // Column counts characters, not bytes: skip UTF-8 continuation bytes.
        let column = bytes[lineStart..<end].filter { $0 & 0xC0 != 0x80 }.count + 1
        self.line = line
        self.column = column
    }

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// Finds where a JSON path (as a decoder reports it) starts in a JSON text, so a message can
/// say "line 12, column 18" instead of only "components[2].kind". Iterative, so deep nesting
/// cannot overflow the stack; gives up (nil) on text that is not well-formed.
public enum JSONLocator {
    public enum Step: Equatable, Sendable {
        case key(String)
        case index(Int)
    }

    public static func offset(of path: [Step], in bytes: [UInt8]) -> Int? {
        var i = 0
        func skipSpace() {
            while i < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[i]) { i += 1 }
        }
        /// Reads a string starting at the opening quote; returns its decoded text.
        func readString() -> String? {
            guard i < bytes.count, bytes[i] == 0x22 else { return nil }
            let start = i
            i += 1
            while i < bytes.count, bytes[i] != 0x22 {
                i += bytes[i] == 0x5C ? 2 : 1
            }
            guard i < bytes.count else { return nil }
            i += 1
            let raw = Data(bytes[start..<i])
            return (try? JSONDecoder().decode(String.self, from: raw))
        }
        /// Skips one whole value of any kind.
        func skipValue() -> Bool {
            var depth = 0
            repeat {
                skipSpace()
                guard i < bytes.count else { return false }
                switch bytes[i] {
                case 0x7B, 0x5B: depth += 1; i += 1
                case 0x7D, 0x5D: depth -= 1; i += 1
                case 0x22: guard readString() != nil else { return false }
                case 0x2C, 0x3A: i += 1
                default:
                    while i < bytes.count, ![0x2C, 0x7D, 0x5D, 0x20, 0x0A, 0x0D, 0x09].contains(bytes[i]) { i += 1 }
                }
                skipSpace()
                // inside a container, keep going until it closes
            } while depth > 0
            return true
        }

        for step in path {
            skipSpace()
            guard i < bytes.count else { return nil }
            switch step {
            case .key(let wanted):
                guard bytes[i] == 0x7B else { return nil }
                i += 1
                var found = false
                while !found {
                    skipSpace()
                    guard i < bytes.count, bytes[i] != 0x7D, let key = readString() else { return nil }
                    skipSpace()
                    guard i < bytes.count, bytes[i] == 0x3A else { return nil }
                    i += 1
                    skipSpace()
                    if key == wanted { found = true; break }
                    guard skipValue() else { return nil }
                    skipSpace()
                    if i < bytes.count, bytes[i] == 0x2C { i += 1 }
                }
            case .index(let wanted):
                guard bytes[i] == 0x5B else { return nil }
                i += 1
                for _ in 0..<wanted {
                    skipSpace()
                    guard i < bytes.count, bytes[i] != 0x5D, skipValue() else { return nil }
                    skipSpace()
                    guard i < bytes.count, bytes[i] == 0x2C else { return nil }
                    i += 1
                }
                skipSpace()
                guard i < bytes.count, bytes[i] != 0x5D else { return nil }
            }
        }
        skipSpace()
        return i
    }

    /// Turns decoder coding keys into steps.
    public static func steps(_ codingPath: [CodingKey]) -> [Step] {
        codingPath.map { key in key.intValue.map(Step.index) ?? .key(key.stringValue) }
    }

    /// `components[2].kind` for a list of steps.
    public static func describe(_ steps: [Step]) -> String {
        var out = ""
        for s in steps {
            switch s {
            case .key(let k): out += out.isEmpty ? k : ".\(k)"
            case .index(let n): out += "[\(n)]"
            }
        }
        return out.isEmpty ? "(top level)" : out
    }
}
