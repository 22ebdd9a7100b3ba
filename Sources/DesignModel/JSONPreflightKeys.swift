/// Keys: reading them, spotting one written twice in an object, and the paths for messages.
extension JSONPreflightScanner {

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
        if !frames[f].large {
            for k in frames[f].keysStart..<keys.count where same(keys[k], key) {
                throw duplicate(key, firstOffset: keys[k].offset)
            }
            keys.append(key)
            if count + 1 > 24 {
                // Many keys (a hand-made file): switch to a hash lookup.
                var firsts: [[UInt8]: Int] = [:]
                for k in frames[f].keysStart..<keys.count { firsts[bytes(keys[k])] = keys[k].offset }
                frames[f].large = true
                largeObjects[f] = firsts
            }
        } else {
            let kb = bytes(key)
            if let first = largeObjects[f]?[kb] { throw duplicate(key, firstOffset: first) }
            largeObjects[f]![kb] = key.offset
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
