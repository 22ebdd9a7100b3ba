import DesignModel
/// One line of a `[review]` table in a settings file (the user's `config.toml` or a
/// repository's `.sysdraft.toml`), as read: the key, its value and the line it is on.
public struct ReviewSetting: Equatable, Sendable {
    public enum Value: Equatable, Sendable {
        case string(String)
        case integer(Int)
        case bool(Bool)
        /// Any other TOML value (a table, an array, a float, a date), as written for messages.
        case other(String)
    }

    public var key: String
    public var value: Value
    public var line: Int?

    public init(key: String, value: Value, line: Int? = nil) {
        self.key = key
        self.value = value
        self.line = line
    }
}

/// A problem with a `[review]` setting: the line and what is wrong.
public struct ReviewSettingProblem: Equatable, Sendable, CustomStringConvertible {
    public var line: Int?
    public var message: String
    public var description: String { (line.map { "line \($0): " } ?? "") + message }
}

/// How the review runs: rules switched off, severities changed, and the depth of a synchronous
/// call chain that counts as too deep. Built from settings files (user, then repository).
public struct ReviewConfig: Equatable, Sendable {
    /// Severities that differ from the rules' defaults, by rule id.
    public var severities: [String: ReviewSeverity] = [:]
    /// Rules that do not run.
    public var disabled: Set<String> = []
    /// A synchronous chain from a client with more hops than this is reported (hops into DNS,
    /// CDN, load balancers and gateways are not counted: they pass requests on).
    public var syncChainDepth = ReviewConfig.defaultSyncChainDepth

    public static let defaultSyncChainDepth = 4
    public static let syncChainDepthRange = 1...50
    /// The setting that is not a rule id.
    public static let syncChainDepthKey = "sync-chain-depth"

    public init() {}

    public static let standard = ReviewConfig()

    /// The severity a rule reports with, or nil when it is switched off.
    public func severity(of rule: ReviewRule) -> ReviewSeverity? {
        if disabled.contains(rule.id) { return nil }
        return severities[rule.id] ?? rule.severity
    }

    /// This configuration with `settings` applied over it (later files win over earlier ones),
    /// and what could not be applied: an unknown rule id (with a near miss suggested), a value
    /// that is not a severity, `off` or `on`, a depth out of range.
    public func applying(_ settings: [ReviewSetting]) -> (config: ReviewConfig, problems: [ReviewSettingProblem]) {
        var config = self
        var problems: [ReviewSettingProblem] = []
        for s in settings {
            func problem(_ m: String) { problems.append(ReviewSettingProblem(line: s.line, message: m)) }
            let key = s.key.trimmingWhitespace
            if key == Self.syncChainDepthKey {
                guard case .integer(let n) = s.value, Self.syncChainDepthRange.contains(n) else {
                    problem("\(key) must be a whole number from \(Self.syncChainDepthRange.lowerBound) to \(Self.syncChainDepthRange.upperBound) (hops), e.g. \(key) = 4")
                    continue
                }
                config.syncChainDepth = n
                continue
            }
            guard ReviewRules.byID[key] != nil else {
                problem("unknown review rule \"\(key)\"\(Self.suggestion(key)) — `sysdraft review --list-rules` lists them")
                continue
            }
            let word: String
            switch s.value {
            case .string(let w): word = w.trimmingWhitespace.lowercased()
            case .bool(let b): word = b ? "on" : "off"
            case .integer(let n): word = "\(n)"
            case .other(let t): word = t
            }
            switch word {
            case "off", "none", "disabled":
                config.disabled.insert(key)
                config.severities[key] = nil
            case "on", "default":
                config.disabled.remove(key)
                config.severities[key] = nil
            default:
                guard let severity = ReviewSeverity(rawValue: word == "note" ? "info" : word) else {
                    problem("\"\(key)\" must be \"error\", \"warning\", \"info\", \"off\" or \"on\", not \(Self.shown(s.value))")
                    continue
                }
                config.disabled.remove(key)
                config.severities[key] = severity
            }
        }
        return (config, problems)
    }

    static func shown(_ v: ReviewSetting.Value) -> String {
        switch v {
        case .string(let s): "\"\(s)\""
        case .integer(let n): "\(n)"
        case .bool(let b): "\(b)"
        case .other(let t): t
        }
    }

    /// " (did you mean …?)" for a rule id one or two edits away, or one that ends the same.
    static func suggestion(_ key: String) -> String {
        let ids = ReviewRules.all.map(\.id) + [syncChainDepthKey]
        if let tail = ids.first(where: { $0.hasSuffix("." + key) }) { return " (did you mean \(tail)?)" }
        let best = ids.map { ($0, editDistance(key.lowercased(), $0)) }.min { $0.1 < $1.1 }
        guard let (id, d) = best, d <= max(2, key.count / 5) else { return "" }
        return " (did you mean \(id)?)"
    }

    static func editDistance(_ a: String, _ b: String) -> Int { EditDistance.between(a, b) }
}

extension String {
    var trimmingWhitespace: String {
        // Most text starts and ends with a visible ASCII character: nothing to trim, no copy.
        if let a = utf8.first, let z = utf8.last, a > 0x20, a < 0x7F, z > 0x20, z < 0x7F { return self }
        let u = unicodeScalars
        guard let first = u.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = u.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(String.UnicodeScalarView(u[first...last]))
    }
}
