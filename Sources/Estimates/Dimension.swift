/// What kind of quantity a value is, as powers of the two base dimensions the calculator knows:
/// data size (base unit: the byte) and time (base unit: the second). Counts, percentages and
/// request words carry no dimension, so `100M / month` is a rate and `20% * 1 KB` a size.
public struct Dimension: Hashable, Sendable, CustomStringConvertible {
    /// Power of data size: 1 for `GB`, -1 for `/MB`.
    public var data: Int
    /// Power of time: 1 for `ms`, -1 for `/s`.
    public var time: Int

    public init(data: Int = 0, time: Int = 0) {
        self.data = data
        self.time = time
    }

    public static let none = Dimension()
    public static let size = Dimension(data: 1)
    public static let time = Dimension(time: 1)
    public static let rate = Dimension(time: -1)
    public static let dataRate = Dimension(data: 1, time: -1)

    public var isNone: Bool { data == 0 && time == 0 }

    /// Powers beyond this are refused (`x^1000` of a size is not a quantity anyone means).
    static let maxPower = 12

    var isWithinLimits: Bool { abs(data) <= Self.maxPower && abs(time) <= Self.maxPower }

    static func * (a: Dimension, b: Dimension) -> Dimension { Dimension(data: a.data + b.data, time: a.time + b.time) }
    static func / (a: Dimension, b: Dimension) -> Dimension { Dimension(data: a.data - b.data, time: a.time - b.time) }
    func power(_ n: Int) -> Dimension { Dimension(data: data * n, time: time * n) }

    /// The everyday name: "data size", "time", "data rate", "rate", "number"; others by their
    /// base units ("B^2", "B*s").
    public var name: String {
        switch (data, time) {
        case (0, 0): "number"
        case (1, 0): "data size"
        case (0, 1): "time"
        case (1, -1): "data rate"
        case (0, -1): "rate"
        default: baseUnits
        }
    }

    /// The dimension in base units: `B`, `s`, `B/s`, `/s`, `B^2*s`, and empty for a number.
    public var baseUnits: String {
        func part(_ symbol: String, _ power: Int) -> String {
            abs(power) == 1 ? symbol : "\(symbol)^\(abs(power))"
        }
        var top: [String] = [], bottom: [String] = []
        if data > 0 { top.append(part("B", data)) } else if data < 0 { bottom.append(part("B", data)) }
        if time > 0 { top.append(part("s", time)) } else if time < 0 { bottom.append(part("s", time)) }
        let t = top.joined(separator: "*")
        let b = bottom.joined(separator: "*")
        if b.isEmpty { return t }
        return t + "/" + (bottom.count > 1 ? "(\(b))" : b)
    }

    /// How error messages name a dimension: "data size (B)", "rate (/s)", "a plain number".
    public var phrase: String {
        if isNone { return "a plain number" }
        let n = name
        return n == baseUnits ? n : "\(n) (\(baseUnits))"
    }

    public var description: String { phrase }
}
