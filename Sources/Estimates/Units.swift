/// A unit the calculator accepts: its spellings, its size in base units and its dimension.
public struct UnitDefinition: Sendable, Equatable {
    public enum Group: String, Sendable, CaseIterable {
        case bytes = "data size, decimal prefixes"
        case binaryBytes = "data size, binary prefixes"
        case bits = "data size in bits"
        case bitRates = "bit rates"
        case time = "time"
        case percent = "percent"
        case counts = "count words (equal to 1)"
        case numberWords = "number words"
    }

    /// How values print in this unit (`KB`, `min`, `days`).
    public var symbol: String
    /// Every spelling accepted, the symbol first.
    public var names: [String]
    /// One of this unit in base units (bytes, seconds).
    public var factor: Double
    public var dimension: Dimension
    /// A data unit counted in bits: values made from it print in bits.
    public var inBits: Bool
    public var group: Group

    public var quantity: Quantity { Quantity(factor, dimension, inBits: inBits) }
}

/// The unit table. Decimal prefixes are powers of 1000, binary ones powers of 1024; a month is
/// 30 days and a year 365 days (the usual back-of-the-envelope convention: 2.592M and 31.536M
/// seconds). Request words (`req`, `ops`, …) are plain counts equal to 1, so `5K req/s` is the
/// same rate as `5K /s`.
public enum Units {
    public static let all: [UnitDefinition] = {
        var u: [UnitDefinition] = []
        func add(_ names: [String], _ factor: Double, _ dim: Dimension, _ group: UnitDefinition.Group, bits: Bool = false) {
            u.append(UnitDefinition(symbol: names[0], names: names, factor: factor, dimension: dim, inBits: bits, group: group))
        }
        add(["B", "byte", "bytes"], 1, .size, .bytes)
        let decimal = ["K", "M", "G", "T", "P", "E"]
        for (i, p) in decimal.enumerated() {
            let f = pow10(3 * (i + 1))
            add(p == "K" ? ["KB", "kB"] : ["\(p)B"], f, .size, .bytes)
        }
        for (i, p) in decimal.enumerated() {
            add(["\(p)iB"], pow2(10 * (i + 1)), .size, .binaryBytes)
        }
        add(["bit", "bits"], 0.125, .size, .bits, bits: true)
        for (i, p) in decimal.prefix(5).enumerated() {
            let f = pow10(3 * (i + 1)) / 8
            add(p == "K" ? ["Kbit", "kbit"] : ["\(p)bit"], f, .size, .bits, bits: true)
        }
        add(["bps"], 0.125, .dataRate, .bitRates, bits: true)
        for (i, p) in decimal.prefix(4).enumerated() {
            let f = pow10(3 * (i + 1)) / 8
            add(p == "K" ? ["Kbps", "kbps"] : ["\(p)bps"], f, .dataRate, .bitRates, bits: true)
        }
        add(["ns", "nanosecond", "nanoseconds"], 1e-9, .time, .time)
        add(["µs", "us", "μs", "microsecond", "microseconds"], 1e-6, .time, .time)
        add(["ms", "millisecond", "milliseconds"], 1e-3, .time, .time)
        add(["s", "sec", "secs", "second", "seconds"], 1, .time, .time)
        add(["min", "mins", "minute", "minutes"], 60, .time, .time)
        add(["h", "hr", "hrs", "hour", "hours"], 3_600, .time, .time)
        add(["day", "days"], 86_400, .time, .time)
        add(["week", "weeks"], 604_800, .time, .time)
        add(["month", "months"], 2_592_000, .time, .time)
        add(["year", "years", "yr", "yrs"], 31_536_000, .time, .time)
        add(["percent"], 0.01, .none, .percent)
        add(["req", "reqs", "request", "requests"], 1, .none, .counts)
        add(["op", "ops"], 1, .none, .counts)
        add(["query", "queries"], 1, .none, .counts)
        add(["msg", "msgs", "message", "messages"], 1, .none, .counts)
        add(["event", "events"], 1, .none, .counts)
        add(["thousand"], 1e3, .none, .numberWords)
        add(["million"], 1e6, .none, .numberWords)
        add(["billion"], 1e9, .none, .numberWords)
        add(["trillion"], 1e12, .none, .numberWords)
        return u
    }()

    static let index: [String: Int] = {
        var m: [String: Int] = [:]
        for (i, u) in all.enumerated() {
            for n in u.names {
                precondition(m[n] == nil, "unit spelling \(n) defined twice")
                m[n] = i
            }
        }
        return m
    }()

    /// The unit spelled `name` (case matters: `MB` is megabytes, `Mbit` megabits, `mb` nothing).
    public static func named(_ name: String) -> UnitDefinition? { index[name].map { all[$0] } }

    static func pow10(_ n: Int) -> Double {
        var v = 1.0
        for _ in 0..<n { v *= 10 }
        return v
    }

    static func pow2(_ n: Int) -> Double { Double(sign: .plus, exponent: n, significand: 1) }

    /// Spellings people try that are ambiguous or wrong, with what to write instead.
    static let hints: [String: String] = [
        "kb": "KB (kilobytes) or Kbit (kilobits)", "Kb": "KB (kilobytes) or Kbit (kilobits)",
        "mb": "MB (megabytes) or Mbit (megabits)", "Mb": "MB (megabytes) or Mbit (megabits)",
        "gb": "GB (gigabytes) or Gbit (gigabits)", "Gb": "GB (gigabytes) or Gbit (gigabits)",
        "tb": "TB (terabytes) or Tbit (terabits)", "Tb": "TB (terabytes) or Tbit (terabits)",
        "pb": "PB (petabytes)", "b": "B (bytes) or bit",
        "m": "min (minutes), or M right after a number for million", "mo": "month", "mon": "month",
        "d": "day", "w": "week", "wk": "week", "y": "year", "sec.": "s",
        "k": "K right after a number (5K) for thousand", "K": "K right after a number (5K) for thousand",
        "M": "M right after a number (5M) for million", "T": "T right after a number (2T) for trillion, or TB",
        "G": "GB, or B right after a number (5B) for billion", "bn": "B right after a number (5B) for billion",
        "mn": "M right after a number (5M) for million", "qps": "/s (for example 5K /s or 5K req/s)",
        "rps": "/s (for example 5K /s or 5K req/s)", "tps": "/s (for example 5K /s)",
        "KBps": "KB/s", "MBps": "MB/s", "GBps": "GB/s", "pct": "%",
    ]
}

/// The functions expressions may call.
public enum CalcFunction: String, CaseIterable, Sendable {
    case ceil, floor, round, min, max, sqrt, log2, log10, abs

    /// How many arguments it takes (`nil`: one or more).
    var arity: Int? {
        switch self {
        case .min, .max: nil
        default: 1
        }
    }
}

/// Words an estimate cannot be named: the conversion keyword, functions and unit spellings.
public enum ReservedNames {
    public static func reason(_ name: String) -> String? {
        if name == "to" { return "\"to\" is the conversion keyword" }
        if CalcFunction(rawValue: name) != nil { return "\"\(name)\" is a function" }
        if Units.named(name) != nil { return "\"\(name)\" is a unit" }
        return nil
    }

    /// A valid name: an ASCII letter or `_`, then letters, digits or `_`; at most 64 characters.
    public static func isIdentifier(_ name: String) -> Bool {
        let b = Array(name.utf8)
        guard let first = b.first, b.count <= 64, Lexer.isNameStart(first) else { return false }
        return b.allSatisfy(Lexer.isNameByte)
    }
}
