import Foundation

/// The reference card for estimates (Assets/estimates/reference.json): latency figures with the
/// year each describes, powers of two, the nines table, seconds per period, rules of thumb.
public struct ReferenceCard: Codable, Equatable, Sendable {
    public struct Source: Codable, Equatable, Sendable {
        public var key: String
        public var text: String
    }

    public struct Latency: Codable, Equatable, Sendable {
        public var operation: String
        /// A time as the calculator reads it (`100 ns`, `3 µs`).
        public var time: String
        /// The year the figure describes.
        public var year: Int
        /// Key into `LatencyTable.sources`.
        public var source: String
    }

    public struct LatencyTable: Codable, Equatable, Sendable {
        public var note: String
        public var sources: [Source]
        public var rows: [Latency]
    }

    public struct PowerOfTwo: Codable, Equatable, Sendable {
        public var power: Int
        /// 2^power in decimal digits.
        public var exact: String
        public var approximately: String
        /// The same number of bytes with a binary prefix (`1 KiB`).
        public var bytes: String
    }

    public struct Nines: Codable, Equatable, Sendable {
        public var availability: String
        public var perYear: String
        public var perMonth: String
        public var perWeek: String
        public var perDay: String
    }

    public struct NinesTable: Codable, Equatable, Sendable {
        public var note: String
        public var rows: [Nines]
    }

    public struct SecondsIn: Codable, Equatable, Sendable {
        /// A time unit the calculator knows (`day`, `month`).
        public var period: String
        public var seconds: Int
        public var note: String
    }

    public struct RuleOfThumb: Codable, Equatable, Sendable {
        public var expression: String
        /// What it comes to, as an expression (`11.6 /s`).
        public var about: String
    }

    public var about: String?
    public var latency: LatencyTable
    public var powersOfTwo: [PowerOfTwo]
    public var nines: NinesTable
    public var secondsIn: [SecondsIn]
    public var rulesOfThumb: [RuleOfThumb]

    public static func decode(_ data: Data) throws -> ReferenceCard {
        try JSONDecoder().decode(ReferenceCard.self, from: data)
    }

    /// Checks every figure the calculator can check: latencies are times with a plausible
    /// year and a known source; powers of two are exact, in digits and in bytes; downtimes
    /// match their availability within rounding (0.5 %); seconds per period are exact; rules of
    /// thumb come to what they say within 1 %.
    public func problems() -> [String] {
        var out: [String] = []
        func value(_ text: String, _ at: String) -> Quantity? {
            do { return try Calculation(text).value } catch {
                out.append("\(at): \"\(text)\" does not read: \(error)")
                return nil
            }
        }
        func near(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool { abs(a - b) <= tolerance * max(abs(a), abs(b)) }

        let sourceKeys = Set(latency.sources.map(\.key))
        for (i, row) in latency.rows.enumerated() {
            let at = "latency.rows[\(i)] (\(row.operation))"
            if let q = value(row.time, at), q.dimension != .time { out.append("\(at): \"\(row.time)\" is not a time") }
            if !(1990...2100).contains(row.year) { out.append("\(at): year \(row.year) is implausible") }
            if !sourceKeys.contains(row.source) { out.append("\(at): unknown source \"\(row.source)\"") }
        }
        for (i, p) in powersOfTwo.enumerated() {
            let at = "powersOfTwo[\(i)] (2^\(p.power))"
            if p.exact != Self.powerOfTwoDigits(p.power) { out.append("\(at): exact value should be \(Self.powerOfTwoDigits(p.power))") }
            if let q = value(p.bytes, at), q.dimension != .size || q.value != Double(sign: .plus, exponent: p.power, significand: 1) {
                out.append("\(at): \"\(p.bytes)\" is not 2^\(p.power) bytes")
            }
        }
        for (i, n) in nines.rows.enumerated() {
            let at = "nines.rows[\(i)] (\(n.availability))"
            guard let a = value(n.availability, at) else { continue }
            for (text, period) in [(n.perYear, 31_536_000.0), (n.perMonth, 2_592_000), (n.perWeek, 604_800), (n.perDay, 86_400)] {
                guard let q = value(text, at) else { continue }
                let expected = (1 - a.value) * period
                if q.dimension != .time || !near(q.value, expected, 0.005) {
                    out.append("\(at): \"\(text)\" should be about \(ValueFormat.display(Quantity(expected, .time)))")
                }
            }
        }
        for (i, s) in secondsIn.enumerated() {
            let at = "secondsIn[\(i)] (\(s.period))"
            if let q = value("1 " + s.period, at), q.dimension != .time || q.value != Double(s.seconds) {
                out.append("\(at): a \(s.period) is not \(s.seconds) s")
            }
        }
        for (i, r) in rulesOfThumb.enumerated() {
            let at = "rulesOfThumb[\(i)] (\(r.expression))"
            if let a = value(r.expression, at), let b = value(r.about, at), a.dimension != b.dimension || !near(a.value, b.value, 0.01) {
                out.append("\(at): comes to \(ValueFormat.display(a)), not \(r.about)")
            }
        }
        return out
    }

    /// 2^n in decimal, by doubling digit by digit (exact for any n).
    public static func powerOfTwoDigits(_ n: Int) -> String {
        var digits: [UInt8] = [1]   // least significant first
        for _ in 0..<max(0, n) {
            var carry: UInt8 = 0
            for k in digits.indices {
                let d = digits[k] * 2 + carry
                digits[k] = d % 10
                carry = d / 10
            }
            if carry > 0 { digits.append(carry) }
        }
        return String(digits.reversed().map { Character(String($0)) })
    }
}
