import Estimates

/// A design's load kept current across edits (the workspace holds one): parsed expressions and
/// their values are kept by text, and after an estimate edit only the flow and component
/// expressions that name an estimate whose value changed are evaluated again, and only the
/// flows and components that use them are rebuilt. An edit of the flows or components rebuilds
/// the whole load, from the kept values.
public struct DesignLoadTracker: Sendable {
    public private(set) var load: DesignLoad
    private var evaluator: DesignLoad.Evaluator
    /// Per component position, the positions of the flows into it.
    private var incoming: [[Int]]
    /// Per flow position, the position of the component it counts against (-1: none).
    private var target: [Int]

    public init(_ design: Design, sheet: EstimateSheet) {
        evaluator = DesignLoad.Evaluator(sheet)
        incoming = DesignLoad.incoming(design)
        target = Self.targets(incoming, flows: design.flows.count)
        load = DesignLoad(design, evaluator: &evaluator, incoming: incoming)
    }

    /// Brings the load up to `design` over `sheet` (the design's estimates evaluated).
    /// `structureChanged`: the flows or components changed since the last update (or init).
    public mutating func update(_ design: Design, sheet: EstimateSheet, structureChanged: Bool) {
        let invalid = invalidate(for: sheet)
        if structureChanged {
            incoming = DesignLoad.incoming(design)
            target = Self.targets(incoming, flows: design.flows.count)
            load = DesignLoad(design, evaluator: &evaluator, incoming: incoming)
            evaluator.dropUnused(design)
            return
        }
        load.sheet = sheet
        guard !invalid.isEmpty else { return }
        var dirty = [Bool](repeating: false, count: design.components.count)
        for (i, f) in design.flows.enumerated() where Self.uses(f.rate, invalid) || Self.uses(f.payload, invalid) {
            load.flows[i] = evaluator.flow(f)
            if target[i] >= 0 { dirty[target[i]] = true }
        }
        // A repeated component id shares its flows: rebuild every copy.
        for (i, c) in design.components.enumerated()
        where dirty[i] || incoming[i].contains(where: { target[$0] >= 0 && dirty[target[$0]] })
            || Self.uses(c.capacity, invalid) || Self.uses(c.instances, invalid) {
            load.components[i] = evaluator.component(c, incoming: incoming[i].map { load.flows[$0] })
        }
    }

    /// Moves the evaluator to `sheet`, forgetting the values of expressions that name an
    /// estimate whose value changed (or, when estimates were added, removed or renamed, that
    /// have an error: its suggestion may change). Returns the forgotten texts.
    private mutating func invalidate(for sheet: EstimateSheet) -> Set<String> {
        let old = evaluator.sheet
        evaluator.sheet = sheet
        var changed = Set<String>()
        var namesChanged = false
        let sameNames = old.rows.count == sheet.rows.count && zip(old.rows, sheet.rows).allSatisfy { $0.name == $1.name }
        if sameNames {
            // An expression edited in place (a keystroke, an undo): compare row by row.
            for i in sheet.statuses.indices where old.statuses[i] != sheet.statuses[i] { changed.insert(sheet.rows[i].name) }
        } else if let k = EstimateSheet.oneRowInsertedOrRemoved(old.rows, sheet.rows) {
            // One row added or deleted: its name changed meaning; pair the other rows around it.
            let grew = sheet.rows.count > old.rows.count
            changed.insert((grew ? sheet : old).rows[k].name)
            namesChanged = true
            for i in sheet.statuses.indices where !(grew && i == k) {
                let j = grew ? (i < k ? i : i - 1) : (i < k ? i : i + 1)
                if old.statuses[j] != sheet.statuses[i] { changed.insert(sheet.rows[i].name) }
            }
        } else {
            for (name, i) in sheet.indexByName where old[name] != sheet.statuses[i] {
                changed.insert(name)
                if old.indexByName[name] == nil { namesChanged = true }
            }
            for name in old.indexByName.keys where sheet.indexByName[name] == nil {
                changed.insert(name)
                namesChanged = true
            }
        }
        guard !changed.isEmpty else { return [] }
        var invalid = Set<String>()
        for (text, entry) in evaluator.memo {
            guard let entry else { continue }
            if entry.names.contains(where: changed.contains) || (namesChanged && entry.status.quantity == nil) {
                invalid.insert(text)
            }
        }
        for text in invalid { evaluator.memo[text] = nil }
        return invalid
    }

    private static func uses(_ text: String?, _ invalid: Set<String>) -> Bool {
        guard let text else { return false }
        return invalid.contains(text)
    }

    private static func targets(_ incoming: [[Int]], flows: Int) -> [Int] {
        var out = [Int](repeating: -1, count: flows)
        for (c, list) in incoming.enumerated() { for f in list where out[f] < 0 { out[f] = c } }
        return out
    }
}

extension DesignLoad.Evaluator {
    /// Forgets the values and parses of texts the design no longer holds (an edited flow's old
    /// rate), once they could outnumber the live ones, so what is kept does not grow with edits.
    mutating func dropUnused(_ design: Design) {
        guard memo.count > 2 * (design.flows.count + design.components.count) + 64 else { return }
        var live = Set<String>()
        for f in design.flows { [f.rate, f.payload].forEach { if let t = $0 { live.insert(t) } } }
        for c in design.components { [c.capacity, c.instances].forEach { if let t = $0 { live.insert(t) } } }
        memo = memo.filter { live.contains($0.key) }
        parses.keep(only: live)
    }
}
