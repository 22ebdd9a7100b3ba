import DesignModel
import Foundation

/// Where things are in a design file's text, found in one pass: each top-level key's value, each
/// element of the top-level lists, and the `id` of every item in them. Finding a thousand
/// findings' positions this way costs one scan, where a search per finding would rescan the
/// file each time. Text that is not well-formed JSON gives an index with what was read before
/// the problem (positions it cannot find fall back to the top of the file).
public struct DesignTextIndex: Sendable {
    let bytes: [UInt8]
    /// Top-level key → offset of its value.
    private(set) var values: [String: Int] = [:]
    /// Top-level list → offset of each element.
    private(set) var elements: [String: [Int]] = [:]
    /// Item id → offset of the id's value (the first item with that id).
    private(set) var ids: [String: Int] = [:]
    private var lineStarts: [Int] = [0]

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        for (i, b) in bytes.enumerated() where b == 0x0A { lineStarts.append(i + 1) }
        var scanner = Scanner(bytes: bytes)
        scanner.scanTop(into: &self)
    }

    /// The line and column (1-based; the column counts characters) of a byte offset.
    public func position(_ offset: Int) -> TextPosition {
        let o = min(max(0, offset), bytes.count)
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= o { lo = mid } else { hi = mid - 1 }
        }
        let start = lineStarts[lo]
        var column = 1
        var i = start
        while i < o { if bytes[i] & 0xC0 != 0x80 { column += 1 }; i += 1 }
        return TextPosition(line: lo + 1, column: column)
    }

    /// Where an item's id is written; nil when the file has no such item.
    public func offset(ofItem id: String) -> Int? { ids[id] }

    /// Where a path of keys and indexes starts: from the index for the top-level key and list
    /// element, by scanning for anything deeper.
    public func offset(of steps: [JSONLocator.Step]) -> Int? {
        guard case .key(let top)? = steps.first else { return nil }
        if steps.count == 1 { return values[top] }
        if steps.count == 2, case .index(let i) = steps[1] {
            return elements[top].flatMap { $0.indices.contains(i) ? $0[i] : nil }
        }
        return JSONLocator.offset(of: steps, in: bytes)
    }

    /// Where a finding points: its location when it has one, else its first item that is in the
    /// file, else the top of the file.
    public func position(of finding: ReviewFinding) -> TextPosition {
        if let steps = finding.location, let o = offset(of: steps) { return position(o) }
        for id in finding.items { if let o = ids[id] { return position(o) } }
        return TextPosition(line: 1, column: 1)
    }

    private struct Scanner {
        let bytes: [UInt8]
        var i = 0

        mutating func space() {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        }

        /// A string at `i` (its opening quote): the decoded text, leaving `i` after it.
        mutating func string() -> String? {
            guard i < bytes.count, bytes[i] == 0x22 else { return nil }
            let start = i
            i += 1
            var escaped = false
            while i < bytes.count, bytes[i] != 0x22 {
                if bytes[i] == 0x5C { escaped = true; i += 1 }
                i += 1
            }
            guard i < bytes.count else { return nil }
            i += 1
            if !escaped { return String(decoding: bytes[(start + 1)..<(i - 1)], as: UTF8.self) }
            return try? JSONDecoder().decode(String.self, from: Data(bytes[start..<i]))
        }

        /// Skips one value of any kind.
        mutating func skipValue() -> Bool {
            space()
            guard i < bytes.count else { return false }
            switch bytes[i] {
            case 0x22: return string() != nil
            case 0x7B, 0x5B:
                var depth = 0
                while i < bytes.count {
                    switch bytes[i] {
                    case 0x22: guard string() != nil else { return false }; continue
                    case 0x7B, 0x5B: depth += 1
                    case 0x7D, 0x5D:
                        depth -= 1
                        if depth == 0 { i += 1; return true }
                    default: break
                    }
                    i += 1
                }
                return false
            default:
                while i < bytes.count, ![0x2C, 0x7D, 0x5D, 0x20, 0x0A, 0x0D, 0x09].contains(bytes[i]) { i += 1 }
                return true
            }
        }

        mutating func scanTop(into index: inout DesignTextIndex) {
            space()
            guard i < bytes.count, bytes[i] == 0x7B else { return }
            i += 1
            while true {
                space()
                guard i < bytes.count, bytes[i] != 0x7D, let key = string() else { return }
                space()
                guard i < bytes.count, bytes[i] == 0x3A else { return }
                i += 1
                space()
                index.values[key] = i
                if i < bytes.count, bytes[i] == 0x5B {
                    guard scanList(key, into: &index) else { return }
                } else {
                    guard skipValue() else { return }
                }
                space()
                guard i < bytes.count, bytes[i] == 0x2C else { return }
                i += 1
            }
        }

        /// A top-level list: records each element, and each object element's `id`.
        mutating func scanList(_ key: String, into index: inout DesignTextIndex) -> Bool {
            i += 1
            var starts: [Int] = []
            defer { index.elements[key] = starts }
            while true {
                space()
                guard i < bytes.count else { return false }
                if bytes[i] == 0x5D { i += 1; return true }
                starts.append(i)
                if bytes[i] == 0x7B {
                    guard scanItem(into: &index) else { return false }
                } else {
                    guard skipValue() else { return false }
                }
                space()
                guard i < bytes.count else { return false }
                if bytes[i] == 0x2C { i += 1 }
            }
        }

        /// An object in a top-level list: finds its `id` member.
        mutating func scanItem(into index: inout DesignTextIndex) -> Bool {
            i += 1
            while true {
                space()
                guard i < bytes.count else { return false }
                if bytes[i] == 0x7D { i += 1; return true }
                guard let key = string() else { return false }
                space()
                guard i < bytes.count, bytes[i] == 0x3A else { return false }
                i += 1
                space()
                if key == "id", i < bytes.count, bytes[i] == 0x22 {
                    let at = i
                    guard let id = string() else { return false }
                    if index.ids[id] == nil { index.ids[id] = at }
                } else {
                    guard skipValue() else { return false }
                }
                space()
                guard i < bytes.count else { return false }
                if bytes[i] == 0x2C { i += 1 }
            }
        }
    }
}
