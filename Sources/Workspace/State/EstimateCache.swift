import DesignModel
import Estimates

/// The design's estimates as an evaluated sheet, and the load its flows and components carry,
/// brought up to date whenever the design changes: an edited estimate is re-parsed alone and the
/// sheet re-evaluated (see `EstimateSheet.update`), and flow and component expressions are evaluated
/// again only when they name an estimate whose value changed (`DesignLoadTracker`), so the Estimates list, the previews, the flows'
/// load, the over-capacity notice and the review never evaluate the design from scratch on a
/// keystroke.
public struct EstimateCache: Equatable, Sendable {
    public private(set) var sheet: EstimateSheet
    /// The load over `sheet` (flows' rates, payloads and bandwidth; components' capacity).
    public var load: DesignLoad { tracker.load }
    private var tracker: DesignLoadTracker
    /// What the sheet and load were computed from (compared by storage first, so unchanged
    /// lists cost nothing).
    private var source: [Estimate]
    private var flows: [Flow]
    private var components: [Component]
    /// The longest name, in characters (the list's name column).
    public private(set) var longestName: Int

    init(_ design: Design) {
        source = design.estimates
        flows = design.flows
        components = design.components
        sheet = EstimateSheet(Self.rows(design.estimates))
        longestName = Self.longest(design.estimates)
        tracker = DesignLoadTracker(design, sheet: sheet)
    }

    /// Brings the cache up to `design`; true when anything changed.
    @discardableResult
    mutating func update(_ design: Design) -> Bool {
        let estimatesChanged = design.estimates != source
        let structureChanged = design.flows != flows || design.components != components
        guard estimatesChanged || structureChanged else { return false }
        if estimatesChanged {
            let estimates = design.estimates
            let namesChanged = estimates.count != source.count || zip(estimates, source).contains { $0.name != $1.name }
            source = estimates
            sheet.update(Self.rows(estimates))
            if namesChanged { longestName = Self.longest(estimates) }
        }
        flows = design.flows
        components = design.components
        tracker.update(design, sheet: sheet, structureChanged: structureChanged)
        return true
    }

    static func rows(_ estimates: [Estimate]) -> [EstimateSheet.Row] {
        estimates.map { EstimateSheet.Row(name: $0.name, expression: $0.expression) }
    }

    static func longest(_ estimates: [Estimate]) -> Int {
        estimates.reduce(0) { max($0, $1.name.count) }
    }

    /// The sheet and load are a function of the design's lists, so equal lists mean equal caches.
    public static func == (a: EstimateCache, b: EstimateCache) -> Bool {
        a.source == b.source && a.flows == b.flows && a.components == b.components
    }
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
