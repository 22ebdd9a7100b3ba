/// One token of an expression, with its place as byte offsets into the UTF-8 text.
struct Token: Equatable {
    enum Kind: Equatable {
        case number      // value in `number`, suffix (K, M, B, T) applied
        case name        // letters, digits and `_` (and `µs`)
        case plus, minus, times, divide, caret, percent
        case leftParen, rightParen, comma
        case arrow       // `->` or `→`
        case end
    }

    var kind: Kind
    var start: Int
    var end: Int
    var number: Double = 0
    /// Whitespace comes right before this token.
    var spaced = false
}

/// Splits an expression into tokens. Works on UTF-8 bytes; columns are counted in characters
/// only when an error needs one.
struct Lexer {
    /// Expressions longer than this are refused (they are typed by hand).
    static let maxBytes = 4_096

    let bytes: [UInt8]

    init(_ text: String) { bytes = Array(text.utf8) }

    static func isNameStart(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    static func isNameByte(_ b: UInt8) -> Bool { isNameStart(b) || isDigit(b) }

    func text(_ t: Token) -> String { String(decoding: bytes[t.start..<t.end], as: UTF8.self) }

    /// The 1-based column in characters of a byte offset.
    func column(_ offset: Int) -> Int {
        let o = min(max(0, offset), bytes.count)
        if bytes[..<o].allSatisfy({ $0 < 0x80 }) { return o + 1 }
        return String(decoding: bytes[..<o], as: UTF8.self).count + 1
    }

    func error(_ kind: CalcError.Kind, at offset: Int) -> CalcError { CalcError(kind, column: column(offset)) }

    func tokens() throws(CalcError) -> [Token] {
        if bytes.count > Self.maxBytes {
            throw CalcError(.syntax("the expression is too long (at most \(Self.maxBytes) bytes)"), column: nil)
        }
        var out: [Token] = []
        out.reserveCapacity(bytes.count / 2 + 2)
        var i = 0
        var spaced = false
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
                i += 1
                spaced = true
                continue
            }
            let start = i
            var tok = Token(kind: .end, start: start, end: start + 1, spaced: spaced)
            spaced = false
            switch b {
            case 0x2B: tok.kind = .plus
            case 0x2D:
                if i + 1 < n && bytes[i + 1] == 0x3E { tok.kind = .arrow; tok.end = i + 2 } else { tok.kind = .minus }
            case 0x2A:
                // `**` is a power too, as in Python.
                if i + 1 < n && bytes[i + 1] == 0x2A { tok.kind = .caret; tok.end = i + 2 } else { tok.kind = .times }
            case 0x2F: tok.kind = .divide
            case 0x5E: tok.kind = .caret
            case 0x25: tok.kind = .percent
            case 0x28: tok.kind = .leftParen
            case 0x29: tok.kind = .rightParen
            case 0x2C: tok.kind = .comma
            case _ where Self.isDigit(b) || (b == 0x2E && i + 1 < n && Self.isDigit(bytes[i + 1])):
                try number(at: i, into: &tok)
            case _ where Self.isNameStart(b):
                var j = i + 1
                while j < n && Self.isNameByte(bytes[j]) { j += 1 }
                tok.kind = .name
                tok.end = j
            default:
                // A few non-ASCII spellings: µs and μs, ×, ·, ÷, −, →.
                if let (kind, length) = nonASCII(at: i) {
                    tok.kind = kind
                    tok.end = i + length
                } else {
                    throw error(.syntax("unexpected character " + describeCharacter(at: i)), at: i)
                }
            }
            i = tok.end
            out.append(tok)
        }
        out.append(Token(kind: .end, start: n, end: n, spaced: spaced))
        return out
    }

    private func matches(_ seq: [UInt8], at i: Int) -> Bool {
        i + seq.count <= bytes.count && bytes[i..<(i + seq.count)].elementsEqual(seq)
    }

    private func nonASCII(at i: Int) -> (Token.Kind, Int)? {
        for micro in [[0xC2, 0xB5] as [UInt8], [0xCE, 0xBC]] where matches(micro, at: i) {
            var j = i + 2
            while j < bytes.count && Self.isNameByte(bytes[j]) { j += 1 }
            if j > i + 2 { return (.name, j - i) }
        }
        if matches([0xC3, 0x97], at: i) || matches([0xC2, 0xB7], at: i) { return (.times, 2) }
        if matches([0xC3, 0xB7], at: i) { return (.divide, 2) }
        if matches([0xE2, 0x88, 0x92], at: i) { return (.minus, 3) }
        if matches([0xE2, 0x86, 0x92], at: i) { return (.arrow, 3) }
        return nil
    }

    /// The character at byte `i`: quoted when it is a visible letter, digit, mark or symbol,
    /// otherwise (controls, spaces, invisible and bidi characters) as U+XXXX only.
    private func describeCharacter(at i: Int) -> String {
        let rest = String(decoding: bytes[i...].prefix(4), as: UTF8.self)
        guard let scalar = rest.unicodeScalars.first else { return "" }
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .spaceSeparator, .lineSeparator,
             .paragraphSeparator, .nonspacingMark, .enclosingMark, .spacingMark:
            return code
        default:
            return "\"\(Character(scalar))\" (\(code))"
        }
    }

    /// digits with `_` between them, an optional fraction and exponent, and an optional
    /// K/k (thousand), M (million), B (billion) or T (trillion) right after.
    private func number(at start: Int, into tok: inout Token) throws(CalcError) {
        var digits: [UInt8] = []
        var i = start
        let n = bytes.count
        func run() {
            while i < n {
                if Self.isDigit(bytes[i]) {
                    digits.append(bytes[i])
                    i += 1
                } else if bytes[i] == 0x5F && i + 1 < n && Self.isDigit(bytes[i + 1]) && i > start
                            && Self.isDigit(bytes[i - 1]) {
                    i += 1
                } else {
                    break
                }
            }
        }
        run()
        if i < n && bytes[i] == 0x2E {
            digits.append(0x2E)
            i += 1
            run()
        }
        if i < n && (bytes[i] == 0x65 || bytes[i] == 0x45) {
            var j = i + 1
            if j < n && (bytes[j] == 0x2B || bytes[j] == 0x2D) { j += 1 }
            if j < n && Self.isDigit(bytes[j]) {
                digits.append(contentsOf: bytes[i..<j])
                i = j
                run()
            }
        }
        if i < n && (bytes[i] == 0x2E || (bytes[i] == 0x5F && i + 1 < n && Self.isDigit(bytes[i + 1]))) {
            throw error(.syntax("malformed number"), at: start)
        }
        guard var value = Double(String(decoding: digits, as: UTF8.self)) else {
            throw error(.syntax("malformed number"), at: start)
        }
        if i < n, let scale = Self.suffix(bytes[i]), !(i + 1 < n && Self.isNameByte(bytes[i + 1])) {
            value *= scale
            i += 1
        }
        if !value.isFinite { throw error(.notFinite, at: start) }
        tok.kind = .number
        tok.number = value
        tok.end = i
    }

    static func suffix(_ b: UInt8) -> Double? {
        switch b {
        case 0x4B, 0x6B: 1e3     // K, k
        case 0x4D: 1e6           // M
        case 0x42: 1e9           // B
        case 0x54: 1e12          // T
        default: nil
        }
    }
}
