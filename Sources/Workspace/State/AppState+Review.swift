import DesignModel
import DesignReview

/// Where the cursor is on the Review screen: the stage shown (nil: all stages) and the row.
public struct ReviewCursor: Equatable, Sendable {
    public var stage: StageKey?
    public var row = 0
    public init() {}
}

/// One row of the Review screen: an open finding, or one the design accepts.
public enum ReviewRow: Equatable, Sendable {
    case open(ReviewFinding)
    case accepted(AcceptedReviewFinding)

    public var finding: ReviewFinding {
        switch self {
        case .open(let f): f
        case .accepted(let a): a.finding
        }
    }
}

extension AppState {
    /// True when a change touches what the review reads (the title, the problem statement, the
    /// modified time and the interview log do not count): the review runs again only then.
    /// Reviews the design again, over the estimates and load the cache holds already.
    /// `onlyEstimatesChanged`: the design differs from the one last reviewed in its estimates
    /// alone, so only the rules that read them run again (see `ReviewMemo`).
    mutating func refreshReview(onlyEstimatesChanged: Bool = false) {
        (review, reviewMemo) = DesignReviewer.review(design, config: reviewConfig,
                                                     evaluated: (estimateCache.sheet, estimateCache.load),
                                                     reusing: onlyEstimatesChanged ? reviewMemo : nil)
    }

    /// True when `a` and `b` differ in nothing the review reads but their estimates.
    static func onlyEstimatesDiffer(_ a: Design, _ b: Design) -> Bool {
        guard a.estimates != b.estimates else { return false }
        var same = a
        same.estimates = b.estimates
        return !reviewInputsChanged(same, b)
    }

    static func reviewInputsChanged(_ a: Design, _ b: Design) -> Bool {
        // Array == returns at once for lists whose storage is shared, so an edit costs a
        // comparison of what changed only.
        a.components != b.components || a.flows != b.flows || a.requirements != b.requirements
            || a.tradeOffs != b.tradeOffs || a.stages != b.stages || a.acceptedFindings != b.acceptedFindings
            || a.endpoints != b.endpoints || a.entities != b.entities || a.scenarios != b.scenarios
            || a.estimates != b.estimates
    }

    /// Counts for the header: open errors and warnings.
    public var reviewCounts: (errors: Int, warnings: Int) {
        (review.count(.error), review.count(.warning))
    }
}

extension Workspace {
    /// The Review screen's rows for its stage (all stages when none is chosen): open findings,
    /// errors first, then the accepted ones.
    public static func reviewRows(_ state: AppState) -> [ReviewRow] {
        let stage = state.reviewCursor.stage
        let open = state.review.open.filter { stage == nil || $0.stage == stage }.map(ReviewRow.open)
        let accepted = state.review.accepted.filter { stage == nil || $0.finding.stage == stage }.map(ReviewRow.accepted)
        return open + accepted
    }
}
