import Foundation

/// Prints quantities in a readable unit.
///
/// The unit follows the dimension: sizes in B, KB, MB, GB, TB, PB, EB (decimal prefixes; binary
/// ones only when asked for with `to GiB`), or in bit, Kbit … Pbit when the size was written in
/// bits; data rates in B/s … PB/s (or bit/s … Tbit/s for bits); times in ns, µs, ms, s, min, h,
/// days, years; rates per second (`/s`), or per minute, hour, day, month or year when less than
/// one a second; plain numbers with K, M, B, T. The largest unit that keeps the number at or
/// above 1 is chosen. Anything else prints in base units (`B*s`, `/s^2`).
///
/// Every form printed reads back as an expression with the same value (to the precision shown).
public enum ValueFormat {
    public enum Style: Sendable {
        /// Screens and reports: three digits at most — `38.6 /s`, `3.0 TB`, `1.2 Gbit/s`, `250 ms`.
        case display
        /// `sysdraft calc`: four significant digits, trailing zeros dropped — `38.58 /s`, `3 TB`.
        case precise
        /// Every digit needed to read the same double back (`38.58024691358025 /s`).
        case exact
    }

    /// A value ready to print: the number in `unit`, and the unit's text.
    public struct Shown: Equatable, Sendable {
        /// The value expressed in `unit` (no K/M/B/T scaling).
        public var value: Double
        /// `TB`, `/s`, `Gbit/s`, `min`, or empty for a plain number.
        public var unit: String
        /// The printed form: number (with K/M/B/T where the style uses them) and unit.
        public var text: String
    }

    public static func display(_ q: Quantity, target: UnitTarget? = nil) -> String { show(q, target: target, style: .display).text }

    /// How `q` prints in `style`: in `target` when given (its dimension must match), otherwise
    /// in the readable unit for its dimension.
    public static func show(_ q: Quantity, target: UnitTarget? = nil, style: Style) -> Shown {
        if let target, target.dimension == q.dimension {
            let v = q.value / target.factor
            // K/M/B/T only where they cannot be misread as a unit: numbers and per-time rates.
            let counts = style == .display && target.dimension.data == 0 && target.dimension.time <= 0
            let number = format(v, style: style, counts: counts, integerPlain: false)
            return Shown(value: v, unit: target.text, text: join(number, target.text))
        }
        if q.isPercent && q.dimension.isNone {
            let v = q.value * 100
            let number = style == .exact ? exact(v) : trimZeros(String(format: "%.6g", v))
            return Shown(value: v, unit: "%", text: number + " %")
        }
        let ladder = Self.ladder(for: q)
        let magnitude = abs(q.value)
        var pick = 0
        for (k, step) in ladder.steps.enumerated() where magnitude / step.factor >= 1 { pick = k }
        if ladder.perPeriod {
            // Rates below one a second go per minute, hour, …: the first period giving at least 1.
            pick = ladder.steps.firstIndex { magnitude / $0.factor >= 1 } ?? ladder.steps.count - 1
        }
        if magnitude == 0 { pick = 0 }
        var v = q.value / ladder.steps[pick].factor
        var number = format(v, style: style, counts: ladder.counts, integerPlain: ladder.integerPlain)
        // 999.97 KB rounds to "1000 KB": show 1.0 MB instead.
        if !ladder.perPeriod && !ladder.counts && style != .exact && pick + 1 < ladder.steps.count,
           let shown = Double(number), abs(shown) >= 1000 {
            pick += 1
            v = q.value / ladder.steps[pick].factor
            number = format(v, style: style, counts: ladder.counts, integerPlain: ladder.integerPlain)
        }
        var unit = ladder.steps[pick].symbol
        if let plural = ladder.steps[pick].plural, !["1", "1.0", "-1", "-1.0"].contains(number) { unit = plural }
        return Shown(value: v, unit: unit, text: join(number, unit))
    }

    static func join(_ number: String, _ unit: String) -> String { unit.isEmpty ? number : number + " " + unit }

    // MARK: numbers

    /// `v` as text: with K/M/B/T when `counts` (1,000 and above), and without decimals for a
    /// whole number below 1,000 when `integerPlain`.
    static func format(_ v: Double, style: Style, counts: Bool, integerPlain: Bool) -> String {
        if style == .exact { return exact(v) }
        if counts && abs(v) >= 1000 && abs(v) < 1e15 {
            let scales: [(Double, String)] = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")]
            for (i, (scale, letter)) in scales.enumerated() where abs(v) >= scale {
                let text = number(v / scale, style: style, integerPlain: false)
                // 999.96K rounds to 1000K: use the next letter up.
                if i > 0, let n = Double(text), abs(n) >= 1000 {
                    return number(v / scales[i - 1].0, style: style, integerPlain: false) + scales[i - 1].1
                }
                return text + letter
            }
        }
        return number(v, style: style, integerPlain: integerPlain)
    }

    static func number(_ v: Double, style: Style, integerPlain: Bool) -> String {
        let a = abs(v)
        if a == 0 { return "0" }
        switch style {
        case .exact:
            return exact(v)
        case .display:
            if integerPlain && v == v.rounded() && a < 1000 { return String(format: "%.0f", v) }
            if a >= 1e15 { return String(format: "%.2g", v).replacingOccurrences(of: "e+", with: "e") }
            if a >= 100 { return String(format: "%.0f", v) }
            if a >= 1 { return String(format: "%.1f", v) }
            // Below 1: three significant digits, trailing zeros dropped (0.999, 0.12, 0.0005).
            let decimals = 2 - Int(log10(a).rounded(.down))
            if decimals > 12 { return String(format: "%.2e", v) }
            let text = trimZeros(String(format: "%.\(decimals)f", v))
            if let n = Double(text), abs(n) >= 1 { return String(format: "%.1f", v) }
            return text
        case .precise:
            if a >= 1e15 { return String(format: "%.4g", v).replacingOccurrences(of: "e+", with: "e") }
            if a >= 1000 { return String(format: "%.0f", v) }
            return String(format: "%.4g", v)
        }
    }

    static func trimZeros(_ s: String) -> String {
        guard s.contains("."), !s.contains("e") else { return s }
        var t = Substring(s)
        while t.hasSuffix("0") { t = t.dropLast() }
        if t.hasSuffix(".") { t = t.dropLast() }
        return String(t)
    }

    /// The shortest text that reads back as exactly `v`.
    public static func exact(_ v: Double) -> String {
        var s = "\(v)"
        if s.hasSuffix(".0") { s.removeLast(2) }
        return s
    }

    // MARK: units to choose from

    struct Step {
        var symbol: String
        var factor: Double
        var plural: String? = nil
    }

    struct Ladder {
        var steps: [Step]
        /// Plain numbers and per-time rates use K, M, B, T for large values.
        var counts = false
        /// A whole number below 1,000 prints without decimals.
        var integerPlain = false
        /// Rates: `/s` unless below one a second, then the first period giving at least 1.
        var perPeriod = false
    }

    static let bytes = ["B", "KB", "MB", "GB", "TB", "PB", "EB"].enumerated().map { Step(symbol: $1, factor: Units.pow10(3 * $0)) }
    static let bits = ["bit", "Kbit", "Mbit", "Gbit", "Tbit", "Pbit"].enumerated().map {
        Step(symbol: $1, factor: Units.pow10(3 * $0) / 8)
    }
    static let times = [Step(symbol: "ns", factor: 1e-9), Step(symbol: "µs", factor: 1e-6), Step(symbol: "ms", factor: 1e-3),
                        Step(symbol: "s", factor: 1), Step(symbol: "min", factor: 60), Step(symbol: "h", factor: 3600),
                        Step(symbol: "day", factor: 86_400, plural: "days"),
                        Step(symbol: "year", factor: 31_536_000, plural: "years")]
    static let periods = [Step(symbol: "/s", factor: 1), Step(symbol: "/min", factor: 1.0 / 60),
                          Step(symbol: "/h", factor: 1.0 / 3600), Step(symbol: "/day", factor: 1.0 / 86_400),
                          Step(symbol: "/month", factor: 1.0 / 2_592_000), Step(symbol: "/year", factor: 1.0 / 31_536_000)]

    static func ladder(for q: Quantity) -> Ladder {
        switch (q.dimension.data, q.dimension.time) {
        case (0, 0): return Ladder(steps: [Step(symbol: "", factor: 1)], counts: true, integerPlain: true)
        case (1, 0): return Ladder(steps: q.inBits ? bits : bytes)
        case (1, -1): return Ladder(steps: (q.inBits ? bits : bytes).map { Step(symbol: $0.symbol + "/s", factor: $0.factor) })
        case (0, 1): return Ladder(steps: times)
        case (0, -1): return Ladder(steps: periods, counts: true, perPeriod: true)
        default: return Ladder(steps: [Step(symbol: q.dimension.baseUnits, factor: 1)], counts: true)
        }
    }
}
