/// Step-list edits on a run of neighbouring entries, and the measures an editor checks before
/// it changes anything (how deep blocks nest, how many steps a block holds).
extension Scenario {
    /// Puts the entries at `range` of a list inside a new block of one branch (they keep their
    /// order); returns the block's path.
    @discardableResult
    public mutating func wrap(_ range: ClosedRange<Int>, in list: ScenarioListPath, kind: ScenarioBlock.Kind,
                              condition: String = "") throws(ScenarioEditError) -> ScenarioPath {
        try withEntries(list) { (entries: inout [ScenarioNode]) throws(ScenarioEditError) in
            guard range.lowerBound >= 0, range.upperBound < entries.count else { throw .noSuchEntry }
            let inner = Array(entries[range])
            entries.replaceSubrange(range, with: [.block(ScenarioBlock(kind: kind, condition: condition, steps: inner))])
        }
        return list.entry(range.lowerBound)
    }

    /// The most blocks nested inside one another anywhere in the scenario (0 without blocks).
    public var blockNesting: Int { steps.map(\.blockNesting).max() ?? 0 }
}

extension ScenarioNode {
    /// How many blocks nest inside one another in this entry: 0 for a step, 1 for a block of
    /// steps, more for blocks in blocks.
    public var blockNesting: Int {
        guard case .block(let b) = self else { return 0 }
        return 1 + (b.branches.flatMap { $0.steps.map(\.blockNesting) }.max() ?? 0)
    }

    /// How many steps the entry holds (1 for a step; every step in every branch of a block).
    public var stepCount: Int {
        switch self {
        case .step: 1
        case .block(let b): b.branches.reduce(0) { $0 + $1.steps.reduce(0) { $0 + $1.stepCount } }
        }
    }
}
