import Foundation

/// A strict single pass over a design file's bytes before anything decodes them.
///
/// It finds what Foundation's readers accept silently or report badly, and says where:
/// - a key that appears twice in one object (`JSONSerialization` and `JSONDecoder` keep one of
///   the values without a word, and other JSON readers keep the other one);
/// - text that is not UTF-8 (with the byte), a raw control character or NUL inside a string,
///   a lone UTF-16 surrogate escape (`"\ud800"`), which no string can hold;
/// - any JSON syntax error, with what was expected and what was found (a trailing comma,
///   a single-quoted key, a file that ends in the middle: truncated);
/// - nesting deeper than `maximumDepth`, which is refused before a recursive reader sees it.
///
/// It also returns the raw `schemaVersion` token of the top-level object, so the version is
/// read exactly as written (`1.5`, `"1"`, `true`, a 30-digit number) rather than as Foundation
/// converts it. Iterative (no recursion, any depth is safe) and allocation-free for the usual
/// file, so it costs a few milliseconds on a 5 MB design.
public enum JSONPreflight {
    /// Deepest nesting of objects and lists accepted: Foundation's own limit. A design needs 5.
    public static let maximumDepth = 512

    /// What the top-level `schemaVersion` value is, as written.
    public enum VersionToken: Equatable, Sendable {
        case number(String)
        case string(String)
        case literal(String)
        case object, list
    }

    /// A number that is not a whole number a design can hold (`1.5`, `1e300`, or an integer
    /// beyond 64 bits). Foundation's decoder rejects such a number in a whole-number field
    /// without saying where, so the report keeps where they are.
    public struct UnusualNumber: Equatable, Sendable {
        public var offset: Int
        public var path: String
        public var text: String
    }

    public struct Report: Equatable, Sendable {
        /// False when the top-level value is not an object.
        public var topLevelIsObject: Bool
        /// The first unusual numbers in the file (up to 100), in file order.
        public var unusualNumbers: [UnusualNumber] = []
        /// The top-level object's `schemaVersion` (the last one, should it appear twice —
        /// which is an error anyway); nil when there is none.
        public var schemaVersion: VersionToken?
    }

    public enum Problem: Error, Equatable, Sendable {
        /// A syntax or encoding error at a byte offset.
        case syntax(offset: Int, detail: String)
        /// A key written twice in one object: offsets of both occurrences, the object's path.
        case duplicateKey(key: String, path: String, offset: Int, firstOffset: Int)
    }

    public static func check(_ bytes: [UInt8]) throws(Problem) -> Report {
        try bytes.withUnsafeBufferPointer { run($0) }.get()
    }

    public static func check(_ data: Data) throws(Problem) -> Report {
        try data.withUnsafeBytes { run($0.bindMemory(to: UInt8.self)) }.get()
    }

    public static func check(_ buffer: UnsafeBufferPointer<UInt8>) throws(Problem) -> Report {
        try run(buffer).get()
    }

    private static func run(_ buffer: UnsafeBufferPointer<UInt8>) -> Result<Report, Problem> {
        var scanner = Scanner(buffer)
        do throws(Problem) { return .success(try scanner.run()) } catch { return .failure(error) }
    }
}

private struct Scanner {
    let b: UnsafeBufferPointer<UInt8>
    var i = 0

    struct Frame {
        var isObject: Bool
        /// Where this object's keys start in `keys`.
        var keysStart: Int
        /// Index of the current element (lists) — for paths in messages.
        var index: Int
        /// The key being read (objects) — for paths in messages.
        var currentKey: Key?
        /// For objects with many keys, a set replaces the linear search.
        var large: Set<[UInt8]>?
        /// Offsets of the first occurrence of each key in `large`.
        var firstOffsets: [[UInt8]: Int]?
    }

    /// A key: its bytes are `b[start..<end]`, or `decoded[start..<end]` when it had escapes.
    struct Key {
        var start: Int
        var end: Int
        var escaped: Bool
        var offset: Int
    }

    var frames: [Frame] = []
    var keys: [Key] = []
    var decoded: [UInt8] = []
    var report = JSONPreflight.Report(topLevelIsObject: false, schemaVersion: nil)
    /// The top-level key just read is "schemaVersion": record the value that follows.
    var capturingVersion = false
    /// A container was just opened: its first element (or its end) comes next.
    var opened = false

    init(_ b: UnsafeBufferPointer<UInt8>) {
        self.b = b
        frames.reserveCapacity(16)
        keys.reserveCapacity(64)
    }

    // MARK: errors

    func fail(_ detail: String, at offset: Int? = nil) -> JSONPreflight.Problem {
        .syntax(offset: offset ?? i, detail: detail)
    }

    func found() -> String {
        guard i < b.count else { return "the end of the file (truncated?)" }
        let c = b[i]
        switch c {
        case 0x00: return "a NUL byte (is this a binary file?)"
        case 0x22: return "'\"'"
        case 0x27: return "''' (JSON strings take double quotes)"
        case 0x21...0x7E: return "'\(Character(Unicode.Scalar(c)))'"
        case 0x80...: return utf8Length(at: i) == nil ? "byte 0x\(hex(c)), which is not UTF-8" : "'\(characterAt(i))'"
        default: return "the control character U+\(hex4(UInt32(c)))"
        }
    }

    func characterAt(_ at: Int) -> String {
        guard let n = utf8Length(at: at) else { return "?" }
        return String(decoding: UnsafeBufferPointer(rebasing: b[at..<(at + n)]), as: UTF8.self)
    }

    func hex(_ v: UInt8) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return s.count == 1 ? "0" + s : s
    }

    func hex4(_ v: UInt32) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }

    // MARK: the pass

    @inline(__always) mutating func skipSpace() {
        while i < b.count {
            let c = b[i]
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { i += 1 } else { return }
        }
    }

    mutating func run() throws(JSONPreflight.Problem) -> JSONPreflight.Report {
        skipSpace()
        guard i < b.count else { throw fail("the file has no JSON value") }
        report.topLevelIsObject = b[i] == 0x7B
        try value()
        while let top = frames.last {
            skipSpace()
            if opened {
                // Just after '{' or '[': an empty container or its first element.
                opened = false
                if top.isObject {
                    if i < b.count && b[i] == 0x7D { i += 1; pop(); continue }
                    try memberHead()
                } else if i < b.count && b[i] == 0x5D {
                    i += 1
                    pop()
                    continue
                }
                try value()
                continue
            }
            // After a value: close the container or go on to its next element.
            guard i < b.count else {
                throw fail("the file ends inside " + (top.isObject ? "an object" : "a list")
                           + " (truncated?): expected ',' or '\(top.isObject ? "}" : "]")'")
            }
            let c = b[i]
            if top.isObject {
                if c == 0x2C {
                    i += 1
                    skipSpace()
                    try memberHead()
                    try value()
                } else if c == 0x7D {
                    i += 1
                    pop()
                } else {
                    throw fail("expected ',' or '}' after a value in an object, found \(found())")
                }
            } else {
                if c == 0x2C {
                    i += 1
                    frames[frames.count - 1].index += 1
                    skipSpace()
                    if i < b.count && b[i] == 0x5D { throw fail("expected a value after ',', found ']' (a trailing comma?)") }
                    try value()
                } else if c == 0x5D {
                    i += 1
                    pop()
                } else {
                    throw fail("expected ',' or ']' after a value in a list, found \(found())")
                }
            }
        }
        skipSpace()
        if i < b.count { throw fail("more text after the end of the JSON value: \(found())") }
        return report
    }

    mutating func pop() {
        let f = frames.removeLast()
        if f.isObject { keys.removeSubrange(f.keysStart...) }
    }

    /// A key and its colon; the value follows.
    mutating func memberHead() throws(JSONPreflight.Problem) {
        guard i < b.count else { throw fail("the file ends inside an object (truncated?): expected a key") }
        guard b[i] == 0x22 else {
            if b[i] == 0x7D { throw fail("expected a key after ',', found '}' (a trailing comma?)") }
            throw fail("expected a key in double quotes, found \(found())")
        }
        let keyOffset = i
        let key = try keyString()
        try remember(key, offset: keyOffset)
        skipSpace()
        guard i < b.count, b[i] == 0x3A else { throw fail("expected ':' after the key, found \(found())") }
        i += 1
        skipSpace()
        if frames.count == 1 {
            capturingVersion = equals(key, "schemaVersion")
        }
    }

    /// One value. An object or list is only opened (pushed); `run` reads what is inside, so
    /// nesting never recurses.
    mutating func value() throws(JSONPreflight.Problem) {
        guard i < b.count else { throw fail("the file ends where a value should be (truncated?)") }
        let capture = capturingVersion && frames.count == 1
        if capture { capturingVersion = false }
        let start = i
        switch b[i] {
        case 0x7B:
            if capture { report.schemaVersion = .object }
            try push(isObject: true)
            i += 1
            opened = true
        case 0x5B:
            if capture { report.schemaVersion = .list }
            try push(isObject: false)
            i += 1
            opened = true
        case 0x22:
            try string()
            if capture { report.schemaVersion = .string(text(start + 1, i - 1)) }
        case 0x2D, 0x30...0x39:
            let plain = try number()
            if capture { report.schemaVersion = .number(text(start, i)) }
            if (!plain || i - start > 18) && report.unusualNumbers.count < 100 {
                let t = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
                if !plain || Int(t) == nil {
                    report.unusualNumbers.append(.init(offset: start, path: valuePath(), text: t.count > 40 ? String(t.prefix(40)) + "…" : t))
                }
            }
        case 0x74: try literal("true"); if capture { report.schemaVersion = .literal("true") }
        case 0x66: try literal("false"); if capture { report.schemaVersion = .literal("false") }
        case 0x6E: try literal("null"); if capture { report.schemaVersion = .literal("null") }
        default:
            throw fail("expected a value (a string, number, object, list, true, false or null), found \(found())")
        }
    }

    func text(_ from: Int, _ to: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: b[from..<max(from, min(to, from + 60))]), as: UTF8.self)
    }

    mutating func push(isObject: Bool) throws(JSONPreflight.Problem) {
        if frames.count >= JSONPreflight.maximumDepth {
            throw fail("objects and lists nested more than \(JSONPreflight.maximumDepth) levels deep; "
                       + "a design is never nested that deep")
        }
        frames.append(Frame(isObject: isObject, keysStart: keys.count, index: 0, currentKey: nil, large: nil, firstOffsets: nil))
    }

    mutating func literal(_ word: StaticString) throws(JSONPreflight.Problem) {
        let n = word.utf8CodeUnitCount
        let w = UnsafeBufferPointer(start: word.utf8Start, count: n)
        for k in 0..<n {
            guard i + k < b.count, b[i + k] == w[k] else {
                i += k
                throw fail("expected a value (a string, number, object, list, true, false or null), found "
                           + (i < b.count ? found() : "the end of the file (truncated?)"))
            }
        }
        i += n
    }

    /// Skips a number; returns true when it is a plain integer literal (no fraction or exponent).
    mutating func number() throws(JSONPreflight.Problem) -> Bool {
        var plain = true
        @inline(__always) func digit(_ at: Int) -> Bool { at < b.count && b[at] >= 0x30 && b[at] <= 0x39 }
        let start = i
        if b[i] == 0x2D { i += 1 }
        guard digit(i) else { throw fail("a '-' must be followed by digits, found \(found())") }
        if b[i] == 0x30 {
            i += 1
            if digit(i) { throw fail("numbers do not start with 0 (found \(text(start, i + 1))…)", at: start) }
        } else {
            while digit(i) { i += 1 }
        }
        if i < b.count && b[i] == 0x2E {
            plain = false
            i += 1
            guard digit(i) else { throw fail("a decimal point must be followed by digits, found \(found())") }
            while digit(i) { i += 1 }
        }
        if i < b.count && (b[i] == 0x65 || b[i] == 0x45) {
            plain = false
            i += 1
            if i < b.count && (b[i] == 0x2B || b[i] == 0x2D) { i += 1 }
            guard digit(i) else { throw fail("an exponent must have digits, found \(found())") }
            while digit(i) { i += 1 }
        }
        return plain
    }

    /// The number of bytes of the valid UTF-8 sequence at `at`, nil when it is not one
    /// (overlong forms, encoded surrogates and values above U+10FFFF are not valid).
    func utf8Length(at: Int) -> Int? {
        let c = b[at]
        @inline(__always) func cont(_ k: Int) -> Bool { at + k < b.count && b[at + k] & 0xC0 == 0x80 }
        switch c {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: return cont(1) ? 2 : nil
        case 0xE0: return cont(1) && b[at + 1] >= 0xA0 && cont(2) ? 3 : nil
        case 0xED: return cont(1) && b[at + 1] <= 0x9F && cont(2) ? 3 : nil
        case 0xE1...0xEC, 0xEE...0xEF: return cont(1) && cont(2) ? 3 : nil
        case 0xF0: return cont(1) && b[at + 1] >= 0x90 && cont(2) && cont(3) ? 4 : nil
        case 0xF1...0xF3: return cont(1) && cont(2) && cont(3) ? 4 : nil
        case 0xF4: return cont(1) && b[at + 1] <= 0x8F && cont(2) && cont(3) ? 4 : nil
        default: return nil
        }
    }

    /// Skips a string (at its opening quote), checking its escapes and encoding.
    /// Returns true when it had escapes.
    @discardableResult
    mutating func string() throws(JSONPreflight.Problem) -> Bool {
        let open = i
        i += 1
        var escaped = false
        while true {
            // The common case: plain ASCII.
            while i < b.count {
                let c = b[i]
                if c >= 0x20 && c < 0x80 && c != 0x22 && c != 0x5C { i += 1 } else { break }
            }
            guard i < b.count else {
                throw fail("the file ends inside a string that starts at \(TextPosition(offset: open, in: b)) (truncated?)")
            }
            let c = b[i]
            switch c {
            case 0x22:
                i += 1
                return escaped
            case 0x5C:
                escaped = true
                try escape()
            case 0x80...:
                guard let n = utf8Length(at: i) else {
                    throw fail("byte 0x\(hex(c)) is not UTF-8; sysdraft reads UTF-8 text (was the file saved in another encoding?)")
                }
                i += n
            case 0x00:
                throw fail("a NUL byte inside a string (is this a binary file?); a string may hold it only escaped, as \\u0000")
            default:
                let named: [UInt8: String] = [0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t"]
                let hint = named[c] ?? "\\u\(hex4(UInt32(c)).lowercased())"
                throw fail("a raw control character (U+\(hex4(UInt32(c)))) inside a string; JSON needs it escaped, as \(hint)"
                           + (c == 0x0A ? " (or is a closing quote missing on this line?)" : ""))
            }
        }
    }

    mutating func escape() throws(JSONPreflight.Problem) {
        let start = i
        i += 1
        guard i < b.count else { throw fail("the file ends inside a string (truncated?)") }
        switch b[i] {
        case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74:
            i += 1
        case 0x75:
            i += 1
            let v = try hex4Value()
            if (0xDC00...0xDFFF).contains(v) {
                throw fail("\\u\(text(start + 2, start + 6)) is the second half of a UTF-16 surrogate pair without its first half; "
                           + "no text can hold it on its own", at: start)
            }
            if (0xD800...0xDBFF).contains(v) {
                let second = i
                guard i + 1 < b.count, b[i] == 0x5C, b[i + 1] == 0x75 else {
                    throw fail("\\u\(text(start + 2, start + 6)) is the first half of a UTF-16 surrogate pair without its second half; "
                               + "no text can hold it on its own", at: start)
                }
                i += 2
                let low = try hex4Value()
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw fail("\\u\(text(start + 2, start + 6)) is the first half of a UTF-16 surrogate pair, but "
                               + "\\u\(text(second + 2, second + 6)) is not a second half; no text can hold it", at: start)
                }
            }
        default:
            throw fail("unknown escape \\\(i < b.count && b[i] > 0x20 && b[i] < 0x7F ? String(Unicode.Scalar(b[i])) : "") in a string; "
                       + "JSON knows \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX")
        }
    }

    mutating func hex4Value() throws(JSONPreflight.Problem) -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard i < b.count else { throw fail("the file ends inside a \\u escape (truncated?)") }
            let c = b[i]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: throw fail("a \\u escape needs four hex digits, found \(found())")
            }
            v = v << 4 | d
            i += 1
        }
        return v
    }

    // MARK: keys

    /// Reads a key; its bytes are its text, decoded when it had escapes.
    mutating func keyString() throws(JSONPreflight.Problem) -> Key {
        let open = i
        let hadEscapes = try string()
        if !hadEscapes { return Key(start: open + 1, end: i - 1, escaped: false, offset: open) }
        let start = decoded.count
        decoded.append(contentsOf: Self.unescape(UnsafeBufferPointer(rebasing: b[(open + 1)..<(i - 1)])))
        return Key(start: start, end: decoded.count, escaped: true, offset: open)
    }

    /// A key's text as bytes.
    func bytes(_ k: Key) -> [UInt8] {
        k.escaped ? Array(decoded[k.start..<k.end]) : Array(b[k.start..<k.end])
    }

    func same(_ a: Key, _ c: Key) -> Bool {
        guard a.end - a.start == c.end - c.start else { return false }
        if !a.escaped && !c.escaped {
            for k in 0..<(a.end - a.start) where b[a.start + k] != b[c.start + k] { return false }
            return true
        }
        return bytes(a) == bytes(c)
    }

    func equals(_ k: Key, _ s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        guard k.end - k.start == n else { return false }
        let w = UnsafeBufferPointer(start: s.utf8Start, count: n)
        if !k.escaped {
            for j in 0..<n where b[k.start + j] != w[j] { return false }
            return true
        }
        return bytes(k) == Array(w)
    }

    /// Records a key in the current object; a second occurrence is an error.
    mutating func remember(_ key: Key, offset: Int) throws(JSONPreflight.Problem) {
        let f = frames.count - 1
        frames[f].currentKey = key
        let count = keys.count - frames[f].keysStart
        if frames[f].large == nil {
            for k in frames[f].keysStart..<keys.count where same(keys[k], key) {
                throw duplicate(key, firstOffset: keys[k].offset)
            }
            keys.append(key)
            if count + 1 > 24 {
                // Many keys (a hand-made file): switch to a set.
                var set = Set<[UInt8]>()
                var firsts: [[UInt8]: Int] = [:]
                for k in frames[f].keysStart..<keys.count {
                    let kb = bytes(keys[k])
                    set.insert(kb)
                    firsts[kb] = keys[k].offset
                }
                frames[f].large = set
                frames[f].firstOffsets = firsts
            }
        } else {
            let kb = bytes(key)
            if let first = frames[f].firstOffsets?[kb] { throw duplicate(key, firstOffset: first) }
            frames[f].large!.insert(kb)
            frames[f].firstOffsets![kb] = key.offset
        }
    }

    func duplicate(_ key: Key, firstOffset: Int) -> JSONPreflight.Problem {
        .duplicateKey(key: String(decoding: bytes(key), as: UTF8.self), path: path(), offset: key.offset, firstOffset: firstOffset)
    }

    /// The path of the value being read, e.g. `components[2].kind`.
    func valuePath() -> String {
        var steps: [JSONLocator.Step] = []
        for f in frames {
            if f.isObject {
                if let k = f.currentKey { steps.append(.key(String(decoding: bytes(k), as: UTF8.self))) }
            } else {
                steps.append(.index(f.index))
            }
        }
        return JSONLocator.describe(steps)
    }

    /// The path of the current object, e.g. `components[2]`, for messages.
    func path() -> String {
        var steps: [JSONLocator.Step] = []
        for (n, f) in frames.enumerated() where n < frames.count - 1 {
            if f.isObject {
                if let k = f.currentKey { steps.append(.key(String(decoding: bytes(k), as: UTF8.self))) }
            } else {
                steps.append(.index(f.index))
            }
        }
        return JSONLocator.describe(steps)
    }

    /// The text of a string's contents with its escapes resolved, as UTF-8 (the escapes were
    /// checked by `string()`).
    static func unescape(_ s: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var k = 0
        func hexValue(_ at: Int) -> UInt32 {
            var v: UInt32 = 0
            for j in at..<(at + 4) {
                let c = s[j]
                v = v << 4 | UInt32(c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x61 + 10)
            }
            return v
        }
        while k < s.count {
            let c = s[k]
            guard c == 0x5C else { out.append(c); k += 1; continue }
            let e = s[k + 1]
            switch e {
            case 0x62: out.append(0x08); k += 2
            case 0x66: out.append(0x0C); k += 2
            case 0x6E: out.append(0x0A); k += 2
            case 0x72: out.append(0x0D); k += 2
            case 0x74: out.append(0x09); k += 2
            case 0x75:
                var v = hexValue(k + 2)
                k += 6
                if (0xD800...0xDBFF).contains(v) {
                    let low = hexValue(k + 2)
                    v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00)
                    k += 6
                }
                out.append(contentsOf: String(Character(Unicode.Scalar(v)!)).utf8)
            default: out.append(e); k += 2
            }
        }
        return out
    }
}

extension TextPosition {
    init(offset: Int, in buffer: UnsafeBufferPointer<UInt8>) {
        var line = 1, lineStart = 0
        let end = min(max(offset, 0), buffer.count)
        for k in 0..<end where buffer[k] == 0x0A {
            line += 1
            lineStart = k + 1
        }
        var column = 1
        for k in lineStart..<end where buffer[k] & 0xC0 != 0x80 { column += 1 }
        self.init(line: line, column: column)
    }
}
