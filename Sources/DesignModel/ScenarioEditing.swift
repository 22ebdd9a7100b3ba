import Foundation

/// Why a step-list edit was refused. Nothing is changed when one is thrown.
public enum ScenarioEditError: Error, Equatable, Sendable, CustomStringConvertible {
    case noSuchEntry
    case noSuchBranch(Int)
    case notABlock
    case notAStep
    /// The block kind allows no more branches (`opt` and `loop` have exactly one).
    case tooManyBranches(ScenarioBlock.Kind)
    /// A block keeps at least one branch.
    case lastBranch

    public var description: String {
        switch self {
        case .noSuchEntry: "there is no step or block there"
        case .noSuchBranch(let b): "the block has no branch \(b + 1)"
        case .notABlock: "that is a step, not a block"
        case .notAStep: "that is a block, not a step"
        case .tooManyBranches(let k): "\(k.rawValue) blocks have exactly one branch"
        case .lastBranch: "a block keeps at least one branch: delete or unwrap the block instead"
        }
    }
}

/// One row of a scenario's step list as an editor shows it: a step, the start of a block (its
/// first branch), the start of a later branch (`else`, `and`, `fallback`), or the end of a block.
public struct ScenarioOutlineRow: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case step(number: Int)
        case blockStart
        /// Branch `index` (1 or more) of the block at `path`.
        case branch(index: Int)
        case blockEnd
    }

    public var kind: Kind
    /// The step, or the block the row belongs to.
    public var path: ScenarioPath
    /// How many blocks enclose the row (a block's own rows are at the block's depth).
    public var depth: Int
}

extension Scenario {
    /// The step list as rows, in reading order: what a step editor lists and selects.
    public var outline: [ScenarioOutlineRow] {
        var rows: [ScenarioOutlineRow] = []
        var number = 0
        func walk(_ nodes: [ScenarioNode], _ prefix: [Int]) {
            for (i, n) in nodes.enumerated() {
                let path = ScenarioPath(prefix + [i])
                switch n {
                case .step:
                    number += 1
                    rows.append(ScenarioOutlineRow(kind: .step(number: number), path: path, depth: path.depth))
                case .block(let b):
                    for (bi, br) in b.branches.enumerated() {
                        rows.append(ScenarioOutlineRow(kind: bi == 0 ? .blockStart : .branch(index: bi), path: path, depth: path.depth))
                        walk(br.steps, path.indices + [bi])
                    }
                    if b.branches.isEmpty {
                        rows.append(ScenarioOutlineRow(kind: .blockStart, path: path, depth: path.depth))
                    }
                    rows.append(ScenarioOutlineRow(kind: .blockEnd, path: path, depth: path.depth))
                }
            }
        }
        walk(steps, [])
        return rows
    }

    /// Where "add after this row" inserts: after a step or a block's end, the next position in
    /// the same list; after a block's start or a branch row, the first position in that branch.
    public static func position(after row: ScenarioOutlineRow) -> ScenarioPosition {
        switch row.kind {
        case .step, .blockEnd: ScenarioPosition(list: row.path.list, index: row.path.index + 1)
        case .blockStart: ScenarioPosition(list: ScenarioListPath(row.path.indices + [0]), index: 0)
        case .branch(let b): ScenarioPosition(list: ScenarioListPath(row.path.indices + [b]), index: 0)
        }
    }

    // MARK: entries

    /// Inserts an entry (`position.index` is clamped to the list) and returns its path.
    @discardableResult
    public mutating func insert(_ node: ScenarioNode, at position: ScenarioPosition) throws(ScenarioEditError) -> ScenarioPath {
        let i = try withEntries(position.list) { (list: inout [ScenarioNode]) -> Int in
            let i = min(max(0, position.index), list.count)
            list.insert(node, at: i)
            return i
        }
        return position.list.entry(i)
    }

    /// Removes a step or a whole block (with everything in it) and returns it.
    @discardableResult
    public mutating func remove(at path: ScenarioPath) throws(ScenarioEditError) -> ScenarioNode {
        try withEntries(path.list) { (list: inout [ScenarioNode]) throws(ScenarioEditError) -> ScenarioNode in
            guard list.indices.contains(path.index) else { throw .noSuchEntry }
            return list.remove(at: path.index)
        }
    }

    /// Replaces the step at `path`.
    public mutating func updateStep(at path: ScenarioPath, _ step: ScenarioStep) throws(ScenarioEditError) {
        try withEntries(path.list) { (list: inout [ScenarioNode]) throws(ScenarioEditError) in
            guard list.indices.contains(path.index) else { throw .noSuchEntry }
            guard case .step = list[path.index] else { throw .notAStep }
            list[path.index] = .step(step)
        }
    }

    /// Changes the block at `path` in place (kind, attempts, timeout, conditions); refuses a
    /// result with no branch or more branches than its kind allows.
    public mutating func updateBlock(at path: ScenarioPath, _ body: (inout ScenarioBlock) -> Void) throws(ScenarioEditError) {
        try withEntries(path.list) { (list: inout [ScenarioNode]) throws(ScenarioEditError) in
            guard list.indices.contains(path.index) else { throw .noSuchEntry }
            guard case .block(var b) = list[path.index] else { throw .notABlock }
            body(&b)
            if b.branches.isEmpty { throw .lastBranch }
            if let max = b.kind.maxBranches, b.branches.count > max { throw .tooManyBranches(b.kind) }
            list[path.index] = .block(b)
        }
    }

    // MARK: reordering

    /// Moves an entry one place up: past its previous sibling (a whole block at once), from the
    /// top of a branch to the end of the branch before, or from the top of a block's first
    /// branch to just before the block. Returns the entry's new path, or nil at the very top.
    public mutating func moveUp(at path: ScenarioPath) throws(ScenarioEditError) -> ScenarioPath? {
        guard node(at: path) != nil else { throw .noSuchEntry }
        if path.index > 0 {
            try withEntries(path.list) { $0.swapAt(path.index, path.index - 1) }
            return path.list.entry(path.index - 1)
        }
        guard let (block, branch) = path.container else { return nil }
        let node = try remove(at: path)
        if branch > 0 {
            let list = ScenarioListPath(block.indices + [branch - 1])
            return try insert(node, at: ScenarioPosition(list: list, index: Int.max))
        }
        return try insert(node, at: ScenarioPosition(list: block.list, index: block.index))
    }

    /// The mirror of `moveUp`: past the next sibling, to the top of the next branch, or out to
    /// just after the block. Returns the new path, or nil at the very bottom.
    public mutating func moveDown(at path: ScenarioPath) throws(ScenarioEditError) -> ScenarioPath? {
        guard node(at: path) != nil, let count = entries(at: path.list)?.count else { throw .noSuchEntry }
        if path.index < count - 1 {
            try withEntries(path.list) { $0.swapAt(path.index, path.index + 1) }
            return path.list.entry(path.index + 1)
        }
        guard let (block, branch) = path.container, case .block(let b)? = self.node(at: block) else { return nil }
        let node = try remove(at: path)
        if branch < b.branches.count - 1 {
            return try insert(node, at: ScenarioPosition(list: ScenarioListPath(block.indices + [branch + 1]), index: 0))
        }
        return try insert(node, at: ScenarioPosition(list: block.list, index: block.index + 1))
    }

    /// Moves an entry into the block just above it (to the end of its last branch). Returns the
    /// new path, or nil when the entry above is not a block.
    public mutating func indent(at path: ScenarioPath) throws(ScenarioEditError) -> ScenarioPath? {
        guard node(at: path) != nil else { throw .noSuchEntry }
        guard path.index > 0, case .block(let above)? = node(at: path.list.entry(path.index - 1)),
              !above.branches.isEmpty else { return nil }
        let node = try remove(at: path)
        let last = above.branches.count - 1
        let blockPath = path.list.entry(path.index - 1)
        return try insert(node, at: ScenarioPosition(list: ScenarioListPath(blockPath.indices + [last]), index: Int.max))
    }

    /// Moves an entry out of the block that holds it: to just after the block, or to just
    /// before it when the entry opens the block and more follows it (so reading order is kept
    /// whenever it can be). Undoes `indent`. Returns the new path, or nil at the top level.
    public mutating func outdent(at path: ScenarioPath) throws(ScenarioEditError) -> ScenarioPath? {
        guard node(at: path) != nil, let count = entries(at: path.list)?.count else { throw .noSuchEntry }
        guard let (block, branch) = path.container, case .block(let b)? = node(at: block) else { return nil }
        let isLast = branch == b.branches.count - 1 && path.index == count - 1
        let isFirst = branch == 0 && path.index == 0
        let node = try remove(at: path)
        let index = !isLast && isFirst ? block.index : block.index + 1
        return try insert(node, at: ScenarioPosition(list: block.list, index: index))
    }

    // MARK: blocks

    /// Puts the entry at `path` inside a new block of one branch; returns the block's path
    /// (the same path: the entry is now at `path.child(branch: 0, index: 0)`).
    @discardableResult
    public mutating func wrap(at path: ScenarioPath, in kind: ScenarioBlock.Kind, condition: String = "") throws(ScenarioEditError) -> ScenarioPath {
        try withEntries(path.list) { (list: inout [ScenarioNode]) throws(ScenarioEditError) in
            guard list.indices.contains(path.index) else { throw .noSuchEntry }
            list[path.index] = .block(ScenarioBlock(kind: kind, condition: condition, steps: [list[path.index]]))
        }
        return path
    }

    /// Dissolves the block at `path`: the entries of all its branches take its place, in order
    /// (the conditions go). Returns how many entries came out.
    @discardableResult
    public mutating func unwrap(at path: ScenarioPath) throws(ScenarioEditError) -> Int {
        try withEntries(path.list) { (list: inout [ScenarioNode]) throws(ScenarioEditError) -> Int in
            guard list.indices.contains(path.index) else { throw .noSuchEntry }
            guard case .block(let b) = list[path.index] else { throw .notABlock }
            let inner = b.branches.flatMap(\.steps)
            list.replaceSubrange(path.index...path.index, with: inner)
            return inner.count
        }
    }

    /// Adds a branch (`else`, `and`, `fallback`) at the end of the block; returns its index.
    @discardableResult
    public mutating func addBranch(toBlockAt path: ScenarioPath, condition: String = "") throws(ScenarioEditError) -> Int {
        var index = 0
        try updateBlock(at: path) { b in
            b.branches.append(ScenarioBlock.Branch(condition: condition))
            index = b.branches.count - 1
        }
        return index
    }

    /// Removes a branch and its entries; a block keeps at least one branch.
    @discardableResult
    public mutating func removeBranch(_ branch: Int, ofBlockAt path: ScenarioPath) throws(ScenarioEditError) -> ScenarioBlock.Branch {
        guard case .block(let b)? = node(at: path) else { throw node(at: path) == nil ? .noSuchEntry : .notABlock }
        guard b.branches.indices.contains(branch) else { throw .noSuchBranch(branch) }
        guard b.branches.count > 1 else { throw .lastBranch }
        let removed = b.branches[branch]
        try updateBlock(at: path) { $0.branches.remove(at: branch) }
        return removed
    }
}

extension Design {
    /// Adds an empty scenario and returns its id.
    @discardableResult
    public mutating func addScenario(name: String, description: String = "", tag: Scenario.Tag = .happyPath,
                                     requirements: [ItemID<Requirement>] = [], steps: [ScenarioNode] = []) -> ItemID<Scenario> {
        let id = scenarios.nextID()
        scenarios.append(Scenario(id: id, name: name, description: description, requirements: requirements,
                                  tag: tag, steps: steps))
        return id
    }

    /// The scenario with an id or a name (ids win; names compare without case), for the command
    /// line and the palette.
    public func scenario(named key: String) -> Scenario? {
        if let s = scenarios[id: ItemID(key)] { return s }
        let k = key.trimmingCharacters(in: .whitespaces).lowercased()
        return scenarios.first { $0.name.trimmingCharacters(in: .whitespaces).lowercased() == k }
    }
}
