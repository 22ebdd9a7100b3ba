/// Text for times in the header, the summary and reports.
public enum TimeFormat {
    /// `m:ss`, or `h:mm:ss` from an hour; negative values get a leading minus: `-1:05`.
    public static func clock(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : ""
        let s = seconds.magnitude
        let h = s / 3600, m = (s % 3600) / 60, r = s % 60
        func two(_ n: UInt) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return h > 0 ? "\(sign)\(h):\(two(m)):\(two(r))" : "\(sign)\(m):\(two(r))"
    }

    /// Plain words for a planned time: `5 min`, `7 min 30 s`, `45 s`, `1 h 5 min`.
    public static func minutes(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : ""
        let s = seconds.magnitude
        let h = s / 3600, m = (s % 3600) / 60, r = s % 60
        var parts: [String] = []
        if h > 0 { parts.append("\(h) h") }
        if m > 0 { parts.append("\(m) min") }
        if r > 0 || parts.isEmpty { parts.append("\(r) s") }
        return sign + parts.joined(separator: " ")
    }
}
