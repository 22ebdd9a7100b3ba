import DesignModel
import Testing
import TestSupport

/// Step-list editing, read through a compact notation: steps by message, blocks as
/// `kind(condition: entries | condition: entries)`.
@Suite struct ScenarioEditingTests {
    static func step(_ m: String) -> ScenarioNode { .step(ScenarioStep(from: "comp-1", to: "comp-2", message: m)) }

    static func shape(_ nodes: [ScenarioNode]) -> String {
        nodes.map { n in
            switch n {
            case .step(let s): s.message
            case .block(let b):
                b.kind.rawValue + "(" + b.branches.map { $0.condition + ": " + shape($0.steps) }.joined(separator: " | ") + ")"
            }
        }.joined(separator: " ")
    }

    /// a alt(x: b c | y: d) e
    static func sample() -> Scenario {
        Scenario(id: "scen-1", name: "s", steps: [
            step("a"),
            .block(ScenarioBlock(kind: .alt, branches: [.init(condition: "x", steps: [step("b"), step("c")]),
                                                        .init(condition: "y", steps: [step("d")])])),
            step("e"),
        ])
    }

    @Test func outlineListsRowsInReadingOrder() {
        let rows = Self.sample().outline
        let described = rows.map { r -> String in
            switch r.kind {
            case .step(let n): "\(n)@\(r.path)/\(r.depth)"
            case .blockStart: "start@\(r.path)"
            case .branch(let i): "branch\(i)@\(r.path)"
            case .blockEnd: "end@\(r.path)"
            }
        }
        #expect(described == ["1@0/0", "start@1", "2@1.0.0/1", "3@1.0.1/1", "branch1@1", "4@1.1.0/1", "end@1", "5@2/0"])
        #expect(Self.sample().numberedSteps.map(\.step.message) == ["a", "b", "c", "d", "e"])
        #expect(Self.sample().stepCount == 5)
    }

    @Test func addingAfterARowPutsTheStepWhereTheRowSays() throws {
        let rows = Self.sample().outline
        func adding(after row: Int) throws -> String {
            var s = Self.sample()
            let path = try s.insert(Self.step("N"), at: Scenario.position(after: rows[row]))
            #expect(s.node(at: path) == Self.step("N"))
            return Self.shape(s.steps)
        }
        #expect(try adding(after: 0) == "a N alt(x: b c | y: d) e")
        #expect(try adding(after: 1) == "a alt(x: N b c | y: d) e")
        #expect(try adding(after: 3) == "a alt(x: b c N | y: d) e")
        #expect(try adding(after: 4) == "a alt(x: b c | y: N d) e")
        #expect(try adding(after: 6) == "a alt(x: b c | y: d) N e")
        var empty = Scenario(id: "scen-2", name: "e")
        try empty.insert(Self.step("first"), at: ScenarioPosition(index: 0))
        #expect(Self.shape(empty.steps) == "first")
    }

    @Test func movingUpAndDownWalksThroughBranchesAndOutOfBlocks() throws {
        var s = Self.sample()
        // d: top of branch 1 → end of branch 0 → up past c, b → out, before the block.
        var p = try #require(try s.moveUp(at: ScenarioPath([1, 1, 0])))
        #expect(Self.shape(s.steps) == "a alt(x: b c d | y: ) e" && p == ScenarioPath([1, 0, 2]))
        p = try #require(try s.moveUp(at: p))
        p = try #require(try s.moveUp(at: p))
        #expect(Self.shape(s.steps) == "a alt(x: d b c | y: ) e")
        p = try #require(try s.moveUp(at: p))
        #expect(Self.shape(s.steps) == "a d alt(x: b c | y: ) e" && p == ScenarioPath([1]))
        p = try #require(try s.moveUp(at: p))
        #expect(Self.shape(s.steps) == "d a alt(x: b c | y: ) e")
        #expect(try s.moveUp(at: p) == nil, "nothing above the top")
        // A step moves past a whole block at once.
        var t = Self.sample()
        let q = try #require(try t.moveDown(at: ScenarioPath([0])))
        #expect(Self.shape(t.steps) == "alt(x: b c | y: d) a e" && q == ScenarioPath([1]))
        // Down from the end of the last branch leaves the block.
        var u = Self.sample()
        let r = try #require(try u.moveDown(at: ScenarioPath([1, 1, 0])))
        #expect(Self.shape(u.steps) == "a alt(x: b c | y: ) d e" && r == ScenarioPath([2]))
        #expect(try u.moveDown(at: ScenarioPath([3])) == nil)
        #expect(throws: ScenarioEditError.noSuchEntry) { try u.moveDown(at: ScenarioPath([9])) }
    }

    @Test func indentAndOutdentMoveInAndOutOfBlocks() throws {
        var s = Self.sample()
        let p = try #require(try s.indent(at: ScenarioPath([2])))
        #expect(Self.shape(s.steps) == "a alt(x: b c | y: d e)" && p == ScenarioPath([1, 1, 1]))
        let back = try #require(try s.outdent(at: p))
        #expect(s == Self.sample() && back == ScenarioPath([2]), "outdent undoes indent")
        #expect(try s.indent(at: ScenarioPath([0])) == nil, "nothing above to go into")
        #expect(try s.indent(at: ScenarioPath([1])) == nil, "the entry above is a step")
        #expect(try s.outdent(at: ScenarioPath([0])) == nil, "already at the top level")
        // The first of several steps leaves before the block, keeping the reading order.
        _ = try s.outdent(at: ScenarioPath([1, 0, 0]))
        #expect(Self.shape(s.steps) == "a b alt(x: c | y: d) e")
        // A middle one leaves after it.
        var t = Self.sample()
        _ = try t.outdent(at: ScenarioPath([1, 0, 1]))
        #expect(Self.shape(t.steps) == "a alt(x: b | y: d) c e")
    }

    @Test func wrapUnwrapAndBranches() throws {
        var s = Self.sample()
        let block = try s.wrap(at: ScenarioPath([0]), in: .loop, condition: "each")
        #expect(Self.shape(s.steps) == "loop(each: a) alt(x: b c | y: d) e" && block == ScenarioPath([0]))
        #expect(throws: ScenarioEditError.tooManyBranches(.loop)) { try s.addBranch(toBlockAt: block, condition: "no") }
        #expect(try s.addBranch(toBlockAt: ScenarioPath([1]), condition: "z") == 2)
        #expect(Self.shape(s.steps) == "loop(each: a) alt(x: b c | y: d | z: ) e")
        let removed = try s.removeBranch(0, ofBlockAt: ScenarioPath([1]))
        #expect(removed.condition == "x" && Self.shape(s.steps) == "loop(each: a) alt(y: d | z: ) e")
        #expect(try s.unwrap(at: ScenarioPath([1])) == 1)
        #expect(Self.shape(s.steps) == "loop(each: a) d e")
        #expect(throws: ScenarioEditError.lastBranch) { try s.removeBranch(0, ofBlockAt: ScenarioPath([0])) }
        #expect(throws: ScenarioEditError.notABlock) { try s.unwrap(at: ScenarioPath([1])) }
        #expect(throws: ScenarioEditError.notAStep) { try s.updateStep(at: ScenarioPath([0]), ScenarioStep(from: "a", to: "b", message: "")) }
        try s.updateBlock(at: ScenarioPath([0])) { $0.kind = .retry; $0.attempts = 2; $0.timeout = "1 s" }
        #expect(s.steps[0].block?.caption(branch: 0) == "2 attempts, timeout 1 s: each")
        #expect(throws: ScenarioEditError.tooManyBranches(.opt)) {
            try s.updateBlock(at: ScenarioPath([0])) { $0.kind = .opt; $0.branches.append(.init()) }
        }
        #expect(s.steps[0].block?.kind == .retry, "a refused change leaves the block as it was")
        let removedBlock = try s.remove(at: ScenarioPath([0]))
        #expect(removedBlock.block != nil && Self.shape(s.steps) == "d e")
    }

    /// Random edit sessions: whatever sequence of operations, no step is lost or duplicated
    /// unless deleted, blocks stay well formed, and every returned path points at the moved entry.
    @Test func randomEditSessionsKeepTheTreeSound() throws {
        for seed in 0..<200 {
            var g = SeededGenerator(seed: UInt64(seed))
            var s = Self.sample()
            var counter = 0
            var expected = Set(s.numberedSteps.map(\.step.message))
            for _ in 0..<40 {
                let rows = s.outline
                guard !rows.isEmpty else {
                    try s.insert(Self.step("n\(counter)"), at: ScenarioPosition(index: 0))
                    expected.insert("n\(counter)"); counter += 1
                    continue
                }
                let row = rows[g.int(rows.count)]
                let before = s.node(at: row.path)
                switch g.int(9) {
                case 0:
                    let name = "n\(counter)"; counter += 1
                    let p = try s.insert(Self.step(name), at: Scenario.position(after: row))
                    #expect(s.node(at: p) == Self.step(name))
                    expected.insert(name)
                case 1: if let p = try s.moveUp(at: row.path) { #expect(s.node(at: p) == before) }
                case 2: if let p = try s.moveDown(at: row.path) { #expect(s.node(at: p) == before) }
                case 3: if let p = try s.indent(at: row.path) { #expect(s.node(at: p) == before) }
                case 4: if let p = try s.outdent(at: row.path) { #expect(s.node(at: p) == before) }
                case 5:
                    let kind = ScenarioBlock.Kind.allCases[g.int(5)]
                    let p = try s.wrap(at: row.path, in: kind)
                    #expect(s.node(at: p.child(branch: 0, index: 0)) == before)
                case 6: if before?.block != nil { try s.unwrap(at: row.path) }
                case 7:
                    if let b = before?.block, b.kind.maxBranches == nil { try s.addBranch(toBlockAt: row.path) }
                case 8:
                    if case .step(let st)? = before, g.int(3) == 0 {
                        _ = try s.remove(at: row.path)
                        expected.remove(st.message)
                    }
                default: break
                }
                let messages = s.numberedSteps.map(\.step.message)
                #expect(messages.count == Set(messages).count, "seed \(seed): a step was duplicated")
                #expect(Set(messages) == expected, "seed \(seed): steps lost or invented: \(Self.shape(s.steps))")
                var d = Design(title: "t", now: .init(timeIntervalSince1970: 0))
                d.scenarios = [s]
                #expect(!d.errors.contains { $0.path.hasPrefix("scenarios") }, "seed \(seed): \(Self.shape(s.steps))")
                if Set(messages) != expected { return }
            }
        }
    }
}
