/// The report options `:export` takes after (or before) its path, as `sysdraft export` does.
public struct ReportFlags: Equatable, Sendable {
    public var onlyStarted = false
    public var hideUnticked = false

    public init(onlyStarted: Bool = false, hideUnticked: Bool = false) {
        self.onlyStarted = onlyStarted
        self.hideUnticked = hideUnticked
    }

    public struct UnknownFlag: Error, Equatable {
        public var flag: String
        public var message: String { "Unknown option \(flag) — :export [PATH] [--only-started] [--hide-unticked]" }
    }

    /// Splits `--only-started` and `--hide-unticked` words off either end of `argument`; what
    /// is left (spaces inside kept) is the path. Any other word starting with `--` at an end
    /// is an error rather than part of a file name.
    public static func split(_ argument: String) throws(UnknownFlag) -> (path: String, flags: ReportFlags) {
        var words = argument.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        var flags = ReportFlags()
        func take(_ word: String) throws(UnknownFlag) -> Bool {
            switch word {
            case "": return true
            case "--only-started": flags.onlyStarted = true; return true
            case "--hide-unticked": flags.hideUnticked = true; return true
            case let w where w.hasPrefix("--"): throw UnknownFlag(flag: w)
            default: return false
            }
        }
        while let first = words.first, try take(first) { words.removeFirst() }
        while let last = words.last, try take(last) { words.removeLast() }
        return (words.joined(separator: " "), flags)
    }
}
