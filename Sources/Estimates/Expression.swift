/// A parsed expression, ready to evaluate as often as its inputs change.
///
/// Grammar, loosest binding first (`to`/`->` only at the end):
///
///     conversion := sum (("to" | "->") unit-expression)?
///     sum        := product (("+" | "-") product)*
///     product    := implicit (("*" | "/") implicit)*
///     implicit   := unary (power | "/"unit)* (juxtaposition: `500 B`, `2 ms`, `1/2 s` = 1/(2 s);
///                                           a "/" with no space either side before a unit binds
///                                           as tightly: `20K/s / 1500/s` = (20K/s) / (1500/s))
///     unary      := ("-" | "+") unary | power
///     power      := postfix ("^" unary)?     (right-associative: 2^3^2 = 2^9)
///     postfix    := primary "%"*             (percent: × 0.01, never modulo)
///     primary    := number | unit | name | function "(" sum ("," sum)* ")" | "(" sum ")"
///
/// The parser turns the text into postfix operations, so evaluation is a loop over an array
/// with no recursion however long the expression.
public struct Expression: Sendable {
    enum Op: Sendable, Equatable {
        case number(Double)
        case unit(Int, Quantity)             // index into Units.all, and its value
        case name(Int, offset: Int)          // index into `names`
        case negate
        case add(Int), subtract(Int), multiply(Int), divide(Int), juxtapose(Int)
        /// `/` written without spaces before a unit (`1500/s`): divides at juxtaposition's level.
        case divideByUnit(Int)
        case power(Int), percent(Int)
        case call(CalcFunction, arguments: Int, offset: Int)
    }

    /// What the parser made, in one object so copying an expression is one reference count.
    final class Storage: Sendable {
        let text: String
        let ops: [Op]
        let names: [String]
        let nameOffsets: [Int]
        let target: UnitTarget?
        let targetOffset: Int

        init(text: String, ops: [Op], names: [String], nameOffsets: [Int], target: UnitTarget?, targetOffset: Int) {
            self.text = text
            self.ops = ops
            self.names = names
            self.nameOffsets = nameOffsets
            self.target = target
            self.targetOffset = targetOffset
        }
    }

    let storage: Storage

    init(text: String, ops: [Op], names: [String], nameOffsets: [Int], target: UnitTarget?, targetOffset: Int) {
        storage = Storage(text: text, ops: ops, names: names, nameOffsets: nameOffsets, target: target,
                          targetOffset: targetOffset)
    }

    /// The text as written.
    public var text: String { storage.text }
    var ops: [Op] { storage.ops }
    /// The estimate names the expression refers to, each once, in order of first use.
    public var names: [String] { storage.names }
    /// Byte offset of each name's first use.
    var nameOffsets: [Int] { storage.nameOffsets }
    /// The unit asked for with `to`, if any.
    public var target: UnitTarget? { storage.target }
    /// Byte offset of the `to` keyword.
    var targetOffset: Int { storage.targetOffset }

    /// Parses `text`. Throws a syntax or unknown-unit error with its column.
    public static func parse(_ text: String) throws(CalcError) -> Expression {
        var p = Parser(text)
        return try p.parseAll()
    }

    /// The 1-based column of the first use of `names[i]`.
    public func column(ofName i: Int) -> Int { Lexer(text).column(nameOffsets[i]) }

    func column(_ offset: Int) -> Int { Lexer(text).column(offset) }
}

/// The unit a `to` (or `->`) asks for: `TB`, `/s`, `Gbit/s`, `req/s`, `%`, `min`.
public struct UnitTarget: Sendable, Equatable {
    /// As it is printed after a value: `/s`, `Gbit/s`, `B*s`.
    public var text: String
    /// One of this unit in base units.
    public var factor: Double
    public var dimension: Dimension
    public var inBits: Bool

    public init(text: String, factor: Double, dimension: Dimension, inBits: Bool) {
        self.text = text
        self.factor = factor
        self.dimension = dimension
        self.inBits = inBits
    }

    /// Parses a unit on its own (`MB/s`, `/day`, `%`), as after `to`.
    public static func parse(_ text: String) throws(CalcError) -> UnitTarget {
        var p = Parser(text)
        return try p.parseTargetOnly()
    }
}

struct Parser {
    static let maxDepth = 64

    let lexer: Lexer
    let text: String
    var tokens: [Token] = []
    var i = 0
    var ops: [Expression.Op] = []
    var names: [String] = []
    var nameOffsets: [Int] = []
    var depth = 0

    init(_ text: String) {
        self.text = text
        lexer = Lexer(text)
    }

    var tok: Token { tokens[i] }

    func fail(_ message: String, at t: Token) -> CalcError {
        lexer.error(.syntax(message), at: t.start)
    }

    func describe(_ t: Token) -> String {
        switch t.kind {
        case .end: "the end"
        case .number: "the number " + lexer.text(t)
        case .name: "\"" + lexer.text(t) + "\""
        default: "\"" + lexer.text(t) + "\""
        }
    }

    func isKeywordTo(_ t: Token) -> Bool {
        t.kind == .name && t.end - t.start == 2 && lexer.bytes[t.start] == 0x74 && lexer.bytes[t.start + 1] == 0x6F
    }

    mutating func parseAll() throws(CalcError) -> Expression {
        tokens = try lexer.tokens()
        if tokens.count == 1 { throw CalcError(.syntax("the expression is empty"), column: 1) }
        try sum()
        var target: UnitTarget?
        var targetOffset = 0
        if isKeywordTo(tok) || tok.kind == .arrow {
            targetOffset = tok.start
            i += 1
            target = try unitExpression()
        }
        if tok.kind != .end {
            if tok.kind == .rightParen { throw fail("unmatched \")\"", at: tok) }
            throw fail("expected an operator or the end, found \(describe(tok))", at: tok)
        }
        return Expression(text: text, ops: ops, names: names, nameOffsets: nameOffsets, target: target,
                          targetOffset: targetOffset)
    }

    mutating func parseTargetOnly() throws(CalcError) -> UnitTarget {
        tokens = try lexer.tokens()
        let t = try unitExpression()
        if tok.kind != .end { throw fail("expected the end of the unit, found \(describe(tok))", at: tok) }
        return t
    }

    mutating func sum() throws(CalcError) {
        try product()
        while tok.kind == .plus || tok.kind == .minus {
            let op = tok
            i += 1
            try product()
            ops.append(op.kind == .plus ? .add(op.start) : .subtract(op.start))
        }
    }

    mutating func product() throws(CalcError) {
        try implicit()
        while tok.kind == .times || tok.kind == .divide {
            let op = tok
            i += 1
            try implicit()
            ops.append(op.kind == .times ? .multiply(op.start) : .divide(op.start))
        }
    }

    func startsOperand(_ t: Token) -> Bool {
        switch t.kind {
        case .number, .leftParen: true
        case .name: !isKeywordTo(t)
        default: false
        }
    }

    mutating func implicit() throws(CalcError) {
        try unary()
        while true {
            if tok.kind == .number {
                // `1 000` would silently be 1 × 0, and `5 % 3` is not modulo.
                if i > 0 && tokens[i - 1].kind == .percent {
                    throw fail("% is percent (× 0.01), not modulo; write * between a percentage and a number", at: tok)
                }
                throw fail("a number cannot follow a value directly: write * or + between them (group digits with _, as in 1_000_000)",
                           at: tok)
            }
            if startsOperand(tok) {
                let at = tok.start
                try power()
                ops.append(.juxtapose(at))
            } else if tok.kind == .divide && !tok.spaced && !tokens[i + 1].spaced && tokens[i + 1].kind == .name
                        && Units.index[lexer.text(tokens[i + 1])] != nil && tokens[i + 2].kind != .leftParen {
                let at = tok.start
                i += 1
                try power()
                ops.append(.divideByUnit(at))
            } else {
                break
            }
        }
    }

    mutating func unary() throws(CalcError) {
        if tok.kind == .minus || tok.kind == .plus {
            let negative = tok.kind == .minus
            try nest()
            i += 1
            try unary()
            depth -= 1
            if negative { ops.append(.negate) }
        } else {
            try power()
        }
    }

    mutating func nest() throws(CalcError) {
        depth += 1
        if depth > Self.maxDepth { throw fail("nested too deeply (more than \(Self.maxDepth) levels)", at: tok) }
    }

    mutating func power() throws(CalcError) {
        try postfix()
        if tok.kind == .caret {
            let op = tok
            i += 1
            try nest()
            try unary()
            depth -= 1
            ops.append(.power(op.start))
        }
    }

    mutating func postfix() throws(CalcError) {
        try primary()
        while tok.kind == .percent {
            ops.append(.percent(tok.start))
            i += 1
        }
    }

    mutating func primary() throws(CalcError) {
        let t = tok
        switch t.kind {
        case .number:
            ops.append(.number(t.number))
            i += 1
        case .leftParen:
            try nest()
            i += 1
            try sum()
            guard tok.kind == .rightParen else {
                if isKeywordTo(tok) || tok.kind == .arrow { throw fail("\"to\" converts the whole expression: put it at the end, outside parentheses", at: tok) }
                throw fail("expected \")\" to close the \"(\" at column \(lexer.column(t.start)), found \(describe(tok))", at: tok)
            }
            i += 1
            depth -= 1
        case .name:
            if isKeywordTo(t) { throw fail("expected a value before \"to\"", at: t) }
            let word = lexer.text(t)
            // `min(` is the function; `min (` with a space is minutes times what follows.
            if let f = CalcFunction(rawValue: word), tokens[i + 1].kind == .leftParen,
               !(tokens[i + 1].spaced && Units.index[word] != nil) {
                try call(f, at: t)
            } else if let u = Units.index[word] {
                ops.append(.unit(u, Units.all[u].quantity))
                i += 1
            } else {
                var k = names.firstIndex(of: word) ?? -1
                if k < 0 {
                    k = names.count
                    names.append(word)
                    nameOffsets.append(t.start)
                }
                ops.append(.name(k, offset: t.start))
                i += 1
            }
        case .end:
            throw fail(ops.isEmpty && i == 0 ? "the expression is empty" : "the expression ends too early", at: t)
        case .rightParen:
            throw fail("expected a value, found \")\"", at: t)
        default:
            throw fail("expected a number, a name or \"(\", found \(describe(t))", at: t)
        }
    }

    mutating func call(_ f: CalcFunction, at name: Token) throws(CalcError) {
        i += 2   // the name and "("
        try nest()
        var count = 0
        if tok.kind == .rightParen {
            throw fail("\(f.rawValue) needs an argument", at: tok)
        }
        while true {
            try sum()
            count += 1
            if tok.kind == .comma { i += 1; continue }
            if tok.kind == .rightParen { i += 1; break }
            throw fail("expected \",\" or \")\" in the arguments of \(f.rawValue), found \(describe(tok))", at: tok)
        }
        depth -= 1
        if let n = f.arity, n != count {
            throw lexer.error(.syntax("\(f.rawValue) takes \(n == 1 ? "one argument" : "\(n) arguments"), not \(count)"),
                              at: name.start)
        }
        ops.append(.call(f, arguments: count, offset: name.start))
    }

    /// `/s`, `TB`, `Gbit/s`, `req/s`, `KB/day`, `B*s`, `s^2`, `%`.
    mutating func unitExpression() throws(CalcError) -> UnitTarget {
        var target = UnitTarget(text: "", factor: 1, dimension: .none, inBits: false)
        var dividing = false
        var first = true
        if tok.kind == .end { throw fail("expected a unit after \"to\"", at: tok) }
        if tok.kind == .divide {
            dividing = true
            target.text = "/"
            i += 1
        } else if tok.kind == .number && tok.number == 1 && tokens[i + 1].kind == .divide {
            dividing = true
            target.text = "/"
            i += 2
        }
        while true {
            let t = tok
            var factor: Double
            var dim: Dimension
            var word: String
            if t.kind == .percent {
                factor = 0.01
                dim = .none
                word = "%"
            } else if t.kind == .name {
                word = lexer.text(t)
                guard let u = Units.named(word) else {
                    throw lexer.error(.unknownName(word, hint: Units.hints[word] ?? "a unit such as MB, /s or Gbit/s"),
                                      at: t.start)
                }
                factor = u.factor
                dim = u.dimension
                if u.inBits { target.inBits = true }
            } else {
                throw fail("expected a unit, found \(describe(t))", at: t)
            }
            i += 1
            var power = 1
            if tok.kind == .caret {
                i += 1
                var negative = false
                if tok.kind == .minus { negative = true; i += 1 }
                guard tok.kind == .number, tok.number == tok.number.rounded(), tok.number >= 1,
                      tok.number <= Double(Dimension.maxPower) else {
                    throw fail("expected a whole power from 1 to \(Dimension.maxPower) after \"^\"", at: tok)
                }
                power = Int(tok.number) * (negative ? -1 : 1)
                word += "^" + (negative ? "-" : "") + "\(Int(tok.number))"
                i += 1
            }
            if !first { target.text += dividing ? "/" : "*" }
            target.text += word
            first = false
            let f = integerPower(factor, power)
            if dividing {
                target.factor /= f
                target.dimension = target.dimension / dim.power(power)
            } else {
                target.factor *= f
                target.dimension = target.dimension * dim.power(power)
            }
            if tok.kind == .divide {
                dividing = true
                i += 1
            } else if tok.kind == .times {
                dividing = false
                i += 1
            } else if tok.kind == .name || tok.kind == .percent {
                dividing = false
            } else {
                break
            }
        }
        if !target.dimension.isWithinLimits { throw fail("the unit's powers are too large", at: tok) }
        return target
    }
}

/// `x^n` for a whole n (exact for powers of ten up to 10^22, unlike `pow`).
func integerPower(_ x: Double, _ n: Int) -> Double {
    var r = 1.0
    for _ in 0..<abs(n) { r *= x }
    return n < 0 ? 1 / r : r
}
