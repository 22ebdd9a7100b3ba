import DesignModel
import Foundation
import Interview
import DesignReview

/// Everything the workspace shows and remembers. Views draw it; only `Workspace.reduce` changes it.
public struct AppState: Equatable, Sendable {
    public var design: Design {
        didSet { designChanged(from: oldValue) }
    }
    /// The document as last saved or loaded; the unsaved marker compares against it, so undoing
    /// back to the saved state clears the marker.
    public var savedDesign: Design
    public var filePath: String
    /// The file did not exist yet when opened.
    public var isNewFile: Bool
    /// Opened read-only (another instance holds the lock, or the user chose it).
    public var readOnly: Bool
    /// Why edits are refused, said with every refusal ("opened with --read-only", …).
    public var readOnlyReason = "opened read-only"
    /// What was wrong with config.toml or the theme at start (`:config` lists it), and where
    /// config.toml is.
    public var configProblems: [String] = []
    public var configPath: String?
    public let catalogue: StageCatalogue
    public var keymap: Keymap

    public var screen: Screen = .panes
    public var focus: Pane = .requirements
    /// Selected row per pane, as an index into the pane's visible (filtered) rows.
    public var selection: [Pane: Int] = [:]
    /// Text filter per pane (`/`).
    public var filters: [Pane: String] = [:] {
        didSet { if filters != oldValue { refilter(previous: oldValue) } }
    }
    /// Component names by id, rebuilt when the components change (flow rows and the flow
    /// filter look names up for every row; a scan per lookup made frames slow).
    public private(set) var componentNames: [ItemID<Component>: String] = [:]
    /// The rows each filtered pane shows, recomputed when the design or a filter changes
    /// rather than on every call.
    private var filteredRows: [Pane: [Int]] = [:]
    /// Search text of every item, per pane that has been filtered at least once; kept current
    /// item by item as the design changes (typing a filter then only compares bytes).
    private var searchIndex: [Pane: SearchIndex] = [:]
    public var overlays: [Overlay] = []
    public var message: StatusMessage?
    public var size = ScreenSize(columns: 80, rows: 24)
    public var history = UndoHistory()
    /// How far the details strip is scrolled (back to the top when the selection moves).
    public var detailScroll = 0
    public var checklist = ChecklistCursor()
    public var diagram = DiagramView()
    /// The step editor and the sequence diagram of a scenario.
    public var scenarioScreens = ScenarioScreens()
    public var themeName = "default"
    /// Set when the user confirmed quitting; the runtime exits after the effect.
    public var quitting = false
    /// The mock interview running on this design, if any. Its timing log is copied into
    /// `design.interview` as it changes (outside undo: undo never rewinds the clock).
    public var interview: InterviewSession?
    /// The practice problem the interview is on (for the phase briefing).
    public var interviewProblem: PracticeProblem?
    /// The monotonic time of the last interview update, so views can show the countdown.
    public var interviewNow: Duration = .zero
    /// No bell at phase boundaries.
    public var quiet = false
    /// The design review of `design`, kept current as it changes (see `AppState+Review.swift`).
    public internal(set) var review: ReviewResult
    /// What the last review keeps for the next (`DesignReviewer.review(…reusing:)`).
    var reviewMemo: ReviewMemo?
    /// How the review runs (the user's and the repository's `[review]` settings).
    public var reviewConfig: ReviewConfig = .standard {
        didSet { if reviewConfig != oldValue { refreshReview() } }
    }
    /// Where the cursor is on the Review screen.
    public var reviewCursor = ReviewCursor()
    /// The design's estimates evaluated, kept current as the design changes (the Estimates
    /// list, previews in forms and the load on flows read it; a keystroke recomputes only what
    /// the edit touched).
    public private(set) var estimateCache: EstimateCache
    /// Estimate templates and the reference card, from Assets/estimates.
    public var estimateAssets = EstimateAssets()

    public init(design: Design, filePath: String, isNewFile: Bool = false, readOnly: Bool = false,
                catalogue: StageCatalogue, keymap: Keymap = .standard) {
        self.design = design
        savedDesign = design
        self.filePath = filePath
        self.isNewFile = isNewFile
        self.readOnly = readOnly
        self.catalogue = catalogue
        self.keymap = keymap
        componentNames = Self.names(design.components)
        estimateCache = EstimateCache(design)
        (review, reviewMemo) = DesignReviewer.review(design, config: .standard, evaluated: (estimateCache.sheet, estimateCache.load),
                                                     reusing: nil)
    }

    static func names(_ components: [Component]) -> [ItemID<Component>: String] {
        var out: [ItemID<Component>: String] = [:]
        out.reserveCapacity(components.count)
        for c in components where out[c.id] == nil { out[c.id] = c.name }
        return out
    }

    private mutating func designChanged(from old: Design) {
        // Array == returns at once when the storage is shared, so unchanged lists cost nothing.
        let componentsChanged = design.components != old.components
        let oldNames = componentNames
        if componentsChanged { componentNames = Self.names(design.components) }
        estimateCache.update(design)
        var changed = false
        for kind in ItemKinds.all where kind.changed(old, design) {
            let new = design
            withIndex(kind.pane) { index, text in kind.updateIndex(&index, old, new, text) }
            changed = true
        }
        // Flow rows show component names, so a renamed component changes the flows' text too
        // (only worth a scan of the flows when their index exists).
        if componentsChanged, searchIndex[.flows] != nil {
            let names = componentNames
            let renamed = design.flows.indices.filter { i in
                let f = design.flows[i]
                return oldNames[f.from] != names[f.from] || oldNames[f.to] != names[f.to]
            }
            if !renamed.isEmpty { withIndex(.flows) { index, text in index.refresh(renamed, text: text) } }
        }
        if changed { refilter(previous: [:]) }
        if Self.reviewInputsChanged(old, design) { refreshReview(onlyEstimatesChanged: Self.onlyEstimatesDiffer(old, design)) }
    }

    /// Runs `body` on a pane's search index, if it has one, with the item text function.
    private mutating func withIndex(_ pane: Pane, _ body: (inout SearchIndex, (Int) -> String) -> Void) {
        guard var index = searchIndex.removeValue(forKey: pane) else { return }
        let current = self
        body(&index) { current.searchText(pane, $0) }
        searchIndex[pane] = index
    }

    /// Recomputes the rows of filtered panes. When a filter only grew (typing), the previous
    /// matches are narrowed instead of searching every item again.
    private mutating func refilter(previous: [Pane: String]) {
        var rows: [Pane: [Int]] = [:]
        for (pane, f) in filters where !f.isEmpty {
            if searchIndex[pane] == nil {
                searchIndex[pane] = SearchIndex(count: itemCount(pane)) { searchText(pane, $0) }
            }
            let needle = f.lowercased()
            let candidates: [Int]
            if let old = previous[pane], !old.isEmpty, needle.hasPrefix(old.lowercased()), let before = filteredRows[pane] {
                candidates = before
            } else {
                candidates = Array(0..<itemCount(pane))
            }
            rows[pane] = searchIndex[pane]!.matches(needle, among: candidates)
        }
        filteredRows = rows
    }

    public var isDirty: Bool { design != savedDesign }

    public var fileName: String { (filePath as NSString).lastPathComponent }

    /// The context whose key bindings apply now.
    public var keyContext: KeyContext {
        switch screen {
        case .panes: focus == .conflicts ? .conflicts : focus.kind.keyContext
        case .checklist: .checklist
        case .diagram: .diagram
        case .steps: .steps
        case .sequence: .sequence
        case .review: .review
        }
    }

    // MARK: rows

    /// Number of items in a pane's document list (unfiltered).
    public func itemCount(_ pane: Pane) -> Int { pane.kind.count(design) }

    /// The text a pane's filter matches against for one item.
    public func searchText(_ pane: Pane, _ i: Int) -> String { pane.kind.searchText(self, i) }

    /// Indices into the document list of the rows a pane shows, after its filter.
    public func visibleRows(_ pane: Pane) -> [Int] {
        filteredRows[pane] ?? Array(0..<itemCount(pane))
    }

    /// The selected row of a pane, clamped to what it shows.
    public func selectedRow(_ pane: Pane) -> Int {
        let n = visibleRows(pane).count
        return n == 0 ? 0 : min(max(selection[pane] ?? 0, 0), n - 1)
    }

    /// The document index of the selected item, if the pane shows any.
    public func selectedIndex(_ pane: Pane) -> Int? {
        let rows = visibleRows(pane)
        return rows.isEmpty ? nil : rows[selectedRow(pane)]
    }

    public func componentName(_ id: ItemID<Component>) -> String {
        componentNames[id] ?? "⚠ \(id)"
    }

    public var selectedComponent: Component? {
        selectedIndex(.components).map { design.components[$0] }
    }
}

/// Where the cursor is in the checklist view.
public struct ChecklistCursor: Equatable, Sendable {
    public var stage: StageKey = .requirements
    /// Row in the stage's list: catalogue items first, then custom items.
    public var row = 0
    public init() {}
}
