import DesignModel
import Estimates

/// The design's estimates as an evaluated sheet, brought up to date whenever `design.estimates`
/// changes: an edited expression is re-parsed alone and the sheet re-evaluated (see
/// `EstimateSheet.update`), so the Estimates list, the previews and the flows' load never
/// evaluate the design from scratch on a keystroke.
public struct EstimateCache: Equatable, Sendable {
    public private(set) var sheet: EstimateSheet
    /// The estimates the sheet was computed from (compared by storage first, so an unchanged
    /// list costs nothing).
    private var source: [Estimate]
    /// The longest name, in characters (the list's name column).
    public private(set) var longestName: Int

    init(_ estimates: [Estimate]) {
        source = estimates
        sheet = EstimateSheet(Self.rows(estimates))
        longestName = Self.longest(estimates)
    }

    mutating func update(_ estimates: [Estimate]) {
        guard estimates != source else { return }
        let namesChanged = estimates.count != source.count || zip(estimates, source).contains { $0.name != $1.name }
        source = estimates
        sheet.update(Self.rows(estimates))
        if namesChanged { longestName = Self.longest(estimates) }
    }

    static func rows(_ estimates: [Estimate]) -> [EstimateSheet.Row] {
        estimates.map { EstimateSheet.Row(name: $0.name, expression: $0.expression) }
    }

    static func longest(_ estimates: [Estimate]) -> Int {
        estimates.reduce(0) { max($0, $1.name.count) }
    }

    /// The sheet is a function of the estimates, so equal estimates mean equal caches.
    public static func == (a: EstimateCache, b: EstimateCache) -> Bool { a.source == b.source }
}

/// Estimate templates and the reference card (Assets/estimates), loaded at start; `problem`
/// says why one could not be read, for the message when it is asked for.
public struct EstimateAssets: Equatable, Sendable {
    public var templates: EstimateTemplates?
    public var referenceCard: ReferenceCard?
    public var problem: String?

    public init(templates: EstimateTemplates? = nil, referenceCard: ReferenceCard? = nil, problem: String? = nil) {
        self.templates = templates
        self.referenceCard = referenceCard
        self.problem = problem
    }
}
