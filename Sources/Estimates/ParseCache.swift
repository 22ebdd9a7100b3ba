/// Parsed expressions by their text, kept between evaluations so that a design's flow rates,
/// payloads and capacities are parsed once and only re-parsed when their text changes (the
/// workspace re-evaluates them on every edit of an estimate, flow or component).
public struct ParseCache: Sendable {
    public typealias Parse = Result<Expression, CalcError>
    private var parses: [String: Parse] = [:]

    public init() {}

    /// The parse of `text`, from the cache or parsed now and kept.
    public mutating func parse(_ text: String) -> Parse {
        if let p = parses[text] { return p }
        let p: Parse
        do { p = .success(try Expression.parse(text)) } catch { p = .failure(error) }
        parses[text] = p
        return p
    }

    /// Forgets the parses of texts not in `live` (an edited flow's old rate).
    public mutating func keep(only live: Set<String>) {
        parses = parses.filter { live.contains($0.key) }
    }

    public var count: Int { parses.count }
}
