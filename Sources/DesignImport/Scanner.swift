/// A cursor over one line of UTF-8 source. Every read goes through `peek`, which counts, so the
/// tests can check that parsing reads each byte a bounded number of times (linear time).
struct Scanner {
    let bytes: [UInt8]
    var i: Int
    let end: Int
    var reads = 0

    init(_ bytes: [UInt8], from start: Int = 0, to end: Int? = nil) {
        self.bytes = bytes
        i = start
        self.end = end ?? bytes.count
    }

    var atEnd: Bool { i >= end }

    mutating func peek(_ offset: Int = 0) -> UInt8? {
        reads += 1
        let j = i + offset
        return j < end && j >= 0 ? bytes[j] : nil
    }

    mutating func advance(_ n: Int = 1) { i = min(end, i + n) }

    mutating func skipSpaces() {
        while let c = peek(), c == 0x20 || c == 0x09 || c == 0x0D { i += 1 }
    }

    /// True (and moves past it) when the text at the cursor is `word`.
    mutating func take(_ word: String) -> Bool {
        var k = 0
        for b in word.utf8 {
            guard peek(k) == b else { return false }
            k += 1
        }
        i += k
        return true
    }

    /// True when the text at the cursor is `word` followed by a non-identifier byte.
    mutating func takeWord(_ word: String) -> Bool {
        let save = i
        guard take(word) else { return false }
        if let c = peek(), Scanner.isIdentifier(c) { i = save; return false }
        return true
    }

    func text(_ from: Int, _ to: Int) -> String {
        guard from < to else { return "" }
        return String(decoding: bytes[from..<min(to, end)], as: UTF8.self)
    }

    var rest: String { text(i, end) }

    static func isIdentifier(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F || c >= 0x80
    }

    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0D }
}

/// The lines of a source file as byte ranges (LF or CR LF), numbered from 1.
struct SourceLines {
    let bytes: [UInt8]
    let ranges: [Range<Int>]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var out: [Range<Int>] = []
        var start = 0
        for (k, b) in bytes.enumerated() where b == 0x0A {
            out.append(start..<k)
            start = k + 1
        }
        if start < bytes.count { out.append(start..<bytes.count) }
        ranges = out
    }

    func scanner(_ index: Int) -> Scanner {
        Scanner(bytes, from: ranges[index].lowerBound, to: ranges[index].upperBound)
    }
}
