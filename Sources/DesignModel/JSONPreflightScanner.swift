/// The pass itself: see `JSONPreflight`.
struct JSONPreflightScanner {
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
        /// The object has many keys: they are in `largeObjects[depth]` instead.
        var large: Bool
    }

    /// A key: its bytes are `b[start..<end]`, or `decoded[start..<end]` when it had escapes.
    struct Key {
        var start: Int
        var end: Int
        var escaped: Bool
        var offset: Int
    }

    var frames: [Frame] = []
    /// For objects with many keys (by depth), each key's first offset: a hash lookup replaces
    /// the linear search. Kept apart so that a frame stays plain data.
    var largeObjects: [Int: [[UInt8]: Int]] = [:]
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
        if f.large { largeObjects[frames.count] = nil }
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
        frames.append(Frame(isObject: isObject, keysStart: keys.count, index: 0, currentKey: nil, large: false))
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
}
