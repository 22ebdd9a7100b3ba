import DesignModel

/// The step editor's state: which row of the scenario's outline is selected, and where a range
/// selection started (`V`), for wrapping or deleting several neighbouring entries at once. The
/// outline itself comes from the model (`Scenario.outline`); every edit is one of the model's
/// pure operations, run by the reducer through `mutate` so it can be undone.
public struct StepEditor: Equatable, Sendable {
    /// Selected row of `Scenario.outline`.
    public var row = 0
    /// The row a range selection started on; nil when none is being made.
    public var mark: Int?

    public init() {}

    /// The selected row, clamped to the outline (nil when the scenario has no steps).
    public func selected(in scenario: Scenario) -> ScenarioOutlineRow? {
        let rows = scenario.outline
        guard !rows.isEmpty else { return nil }
        return rows[min(max(row, 0), rows.count - 1)]
    }

    /// The rows between the mark and the cursor (both included), for drawing the selection.
    public func markedRows(in scenario: Scenario) -> ClosedRange<Int>? {
        guard let mark else { return nil }
        let n = scenario.outline.count
        guard n > 0 else { return nil }
        let a = min(max(mark, 0), n - 1), b = min(max(row, 0), n - 1)
        return min(a, b)...max(a, b)
    }

    /// The entries an operation on the selection acts on: with a mark, the run of neighbouring
    /// entries from the mark's entry to the cursor's, taken in the innermost list holding both
    /// (a row inside a block stands for the block in an outer list); without one, the selected
    /// entry alone.
    public func targetEntries(in scenario: Scenario) -> (list: ScenarioListPath, range: ClosedRange<Int>)? {
        let rows = scenario.outline
        guard let cursor = selected(in: scenario) else { return nil }
        guard let mark, !rows.isEmpty else { return (cursor.path.list, cursor.path.index...cursor.path.index) }
        let other = rows[min(max(mark, 0), rows.count - 1)]
        return StepEditor.commonRun(cursor.path, other.path)
    }

    /// The innermost list holding both entries (or blocks around them) and the run between them.
    static func commonRun(_ a: ScenarioPath, _ b: ScenarioPath) -> (list: ScenarioListPath, range: ClosedRange<Int>) {
        let x = a.indices, y = b.indices
        // The longest shared list prefix (an even number of indices) below which both go on.
        var k = 0
        while k + 2 < x.count && k + 2 < y.count && x[k] == y[k] && x[k + 1] == y[k + 1] { k += 2 }
        let i = x[k], j = y[k]
        return (ScenarioListPath(Array(x.prefix(k))), min(i, j)...max(i, j))
    }

    /// The row of the outline that shows an entry (a step, or a block's first row), or branch
    /// `branch` of the block at `path`.
    public static func row(of path: ScenarioPath, branch: Int? = nil, in scenario: Scenario) -> Int? {
        scenario.outline.firstIndex { r in
            guard r.path == path else { return false }
            switch r.kind {
            case .step: return branch == nil
            case .blockStart: return branch == nil || branch == 0
            case .branch(let i): return branch == i
            case .blockEnd: return false
            }
        }
    }

    /// The block a row belongs to and the branch it stands in: a block's own rows give the block
    /// (its first branch for the start and end rows); a step gives the block around it.
    public static func block(around row: ScenarioOutlineRow) -> (path: ScenarioPath, branch: Int)? {
        switch row.kind {
        case .blockStart, .blockEnd: (row.path, 0)
        case .branch(let i): (row.path, i)
        case .step: row.path.container.map { ($0.block, $0.branch) }
        }
    }
}
