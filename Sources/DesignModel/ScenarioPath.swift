/// Where an entry (a step or a block) sits in a scenario's tree.
///
/// The indices alternate between an entry's position in its list and a branch of the block that
/// holds that list: `[3]` is the fourth top-level entry, `[3, 1, 0]` the first entry in the second
/// branch of the block at `[3]`. A path always has an odd number of indices.
public struct ScenarioPath: Hashable, Sendable, CustomStringConvertible {
    public var indices: [Int]

    public init(_ indices: [Int]) {
        precondition(indices.count % 2 == 1, "a scenario path has an odd number of indices")
        self.indices = indices
    }

    /// The entry's position in its own list.
    public var index: Int { indices[indices.count - 1] }

    /// The list the entry is in.
    public var list: ScenarioListPath { ScenarioListPath(Array(indices.dropLast())) }

    /// The block that holds the entry and the branch it is in; nil for a top-level entry.
    public var container: (block: ScenarioPath, branch: Int)? {
        guard indices.count >= 3 else { return nil }
        return (ScenarioPath(Array(indices.dropLast(2))), indices[indices.count - 2])
    }

    /// How many blocks enclose the entry.
    public var depth: Int { indices.count / 2 }

    /// The path of entry `index` in branch `branch` of the block at this path.
    public func child(branch: Int, index: Int) -> ScenarioPath { ScenarioPath(indices + [branch, index]) }

    public var description: String { indices.map(String.init).joined(separator: ".") }
}

/// A list of entries in a scenario: the top-level list (no indices) or one branch of a block
/// (the block's path plus the branch index).
public struct ScenarioListPath: Hashable, Sendable {
    public var indices: [Int]

    public init(_ indices: [Int] = []) {
        precondition(indices.count % 2 == 0, "a scenario list path has an even number of indices")
        self.indices = indices
    }

    public static let top = ScenarioListPath()

    public func entry(_ index: Int) -> ScenarioPath { ScenarioPath(indices + [index]) }
}

/// A place to insert an entry: before position `index` of a list (`index == count` appends).
public struct ScenarioPosition: Hashable, Sendable {
    public var list: ScenarioListPath
    public var index: Int

    public init(list: ScenarioListPath = .top, index: Int) {
        self.list = list
        self.index = index
    }
}

/// A step together with its number (1-based, in reading order) and where it is.
public struct NumberedStep: Equatable, Sendable {
    public var number: Int
    public var path: ScenarioPath
    public var step: ScenarioStep
}

extension Scenario {
    /// Every step in reading order (depth first, branches in order), numbered from 1: the
    /// numbers drawn in sequence diagrams and used in messages about steps.
    public var numberedSteps: [NumberedStep] {
        var out: [NumberedStep] = []
        func walk(_ nodes: [ScenarioNode], _ prefix: [Int]) {
            for (i, n) in nodes.enumerated() {
                switch n {
                case .step(let s): out.append(NumberedStep(number: out.count + 1, path: ScenarioPath(prefix + [i]), step: s))
                case .block(let b):
                    for (bi, br) in b.branches.enumerated() { walk(br.steps, prefix + [i, bi]) }
                }
            }
        }
        walk(steps, [])
        return out
    }

    /// How many steps the scenario has, in all blocks.
    public var stepCount: Int {
        func count(_ nodes: [ScenarioNode]) -> Int {
            nodes.reduce(0) { total, n in
                switch n {
                case .step: total + 1
                case .block(let b): total + b.branches.reduce(0) { $0 + count($1.steps) }
                }
            }
        }
        return count(steps)
    }

    /// The entry at `path`, or nil when there is none.
    public func node(at path: ScenarioPath) -> ScenarioNode? {
        guard let list = entries(at: path.list), list.indices.contains(path.index) else { return nil }
        return list[path.index]
    }

    /// The entries of a list, or nil when the path leads nowhere.
    public func entries(at list: ScenarioListPath) -> [ScenarioNode]? {
        var nodes = steps
        var i = 0
        let ix = list.indices
        while i < ix.count {
            guard nodes.indices.contains(ix[i]), case .block(let b) = nodes[ix[i]],
                  b.branches.indices.contains(ix[i + 1]) else { return nil }
            nodes = b.branches[ix[i + 1]].steps
            i += 2
        }
        return nodes
    }

    /// Runs `body` on the entries of a list in place.
    mutating func withEntries<T>(_ list: ScenarioListPath,
                                 _ body: (inout [ScenarioNode]) throws(ScenarioEditError) -> T) throws(ScenarioEditError) -> T {
        try Scenario.withEntries(&steps, list.indices[...], body)
    }

    private static func withEntries<T>(_ nodes: inout [ScenarioNode], _ ix: ArraySlice<Int>,
                                       _ body: (inout [ScenarioNode]) throws(ScenarioEditError) -> T) throws(ScenarioEditError) -> T {
        guard let n = ix.first else { return try body(&nodes) }
        let b = ix[ix.startIndex + 1]
        guard nodes.indices.contains(n), case .block(var block) = nodes[n] else { throw .noSuchEntry }
        guard block.branches.indices.contains(b) else { throw .noSuchBranch(b) }
        // Take the block out while it changes, so its arrays are not shared (and copied).
        nodes[n] = .block(ScenarioBlock(kind: block.kind, branches: []))
        defer { nodes[n] = .block(block) }
        return try withEntries(&block.branches[b].steps, ix.dropFirst(2), body)
    }
}
