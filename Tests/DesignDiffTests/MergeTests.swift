import DesignModel
import Foundation
import PropertyBased
import Testing
import TestSupport
@testable import DesignDiff

@Suite struct MergePropertyTests {
    /// merge(base, x, base) == x, merge(base, base, x) == x and merge(base, x, x) == x.
    @Test func oneSidedAndIdenticalChangesMergeToThem() async {
        await propertyCheck(count: 80, input: Gen.int(in: 0...1_000_000)) { seed in
            var g = DesignGenerator(seed: UInt64(seed))
            let base = g.design(components: 6 + seed % 10, flows: 12)
            var x = base
            var editor = DesignEditor(seed: UInt64(seed) &+ 1)
            _ = editor.edit(&x, count: 1 + seed % 12)
            let a = try! DesignMerger.merge(base: base, ours: x, theirs: base)
            let b = try! DesignMerger.merge(base: base, ours: base, theirs: x)
            let c = try! DesignMerger.merge(base: base, ours: x, theirs: x)
            #expect(a.design == x, "seed \(seed)")
            #expect(b.design == x, "seed \(seed)")
            #expect(c.design == x, "seed \(seed)")
            #expect(a.isClean && b.isClean && c.isClean)
        }
    }

    /// Edits to disjoint parts on each side: the merge is clean and equals applying both edit
    /// scripts one after the other (ours first).
    @Test func disjointEditsGiveBoth() async {
        await propertyCheck(count: 80, input: Gen.int(in: 0...1_000_000)) { seed in
            var g = DesignGenerator(seed: UInt64(seed))
            let base = g.design(components: 8 + seed % 10, flows: 14)
            var ours = base, theirs = base
            var e0 = DesignEditor(seed: UInt64(seed) &+ 11, side: 0), e1 = DesignEditor(seed: UInt64(seed) &+ 12, side: 1)
            _ = e0.edit(&ours, count: 1 + seed % 10)
            // The same script again, on top of ours, gives the expected result.
            var expected = ours
            var e1again = e1
            _ = e1.edit(&theirs, count: 1 + (seed / 7) % 10)
            _ = e1again.edit(&expected, count: 1 + (seed / 7) % 10)
            let merged = try! DesignMerger.merge(base: base, ours: ours, theirs: theirs)
            #expect(merged.isClean, "seed \(seed): \(merged.design.conflicts.map(\.note))")
            #expect(merged.renamed.isEmpty)
            #expect(merged.design == expected, "seed \(seed): \(try! DiffReport(old: expected, new: merged.design, catalogue: nil).text())")
        }
    }

    /// The merged design of any two edits of a base is loadable (every conflict kept as a
    /// record), and validating it fails exactly when conflicts remain.
    @Test func anyTwoEditsMergeIntoALoadableDesign() async {
        await propertyCheck(count: 80, input: Gen.int(in: 0...1_000_000)) { seed in
            var g = DesignGenerator(seed: UInt64(seed))
            let base = g.design(components: 6, flows: 10)
            var ours = base, theirs = base
            var e0 = DesignEditor(seed: UInt64(seed) &+ 5), e1 = DesignEditor(seed: UInt64(seed) &+ 6)
            _ = e0.edit(&ours, count: 8)
            _ = e1.edit(&theirs, count: 8)
            let merged = try! DesignMerger.merge(base: base, ours: ours, theirs: theirs)
            let data = try! DesignCodec.encode(merged.design)
            let reloaded = try? DesignCodec.decode(data)
            #expect(reloaded == merged.design, "seed \(seed)")
            #expect(merged.design.conflictFindings.isEmpty == merged.isClean)
            #expect(!merged.design.conflicts.contains { $0.reason == .inconsistent }, "seed \(seed)")
            // Nothing is lost: every item of either side is in the merge or in a conflict record
            // (or was deleted by one side and left alone by the other).
            let kept = Set(merged.design.components.map(\.id.rawValue))
            for c in ours.components + theirs.components where !kept.contains(c.id.rawValue) {
                let deletedUntouched = (ours.components[id: c.id] == nil || theirs.components[id: c.id] == nil)
                    && base.components[id: c.id] == c
                let renamed = merged.renamed.contains { $0.from == c.id.rawValue }
                #expect(deletedUntouched || renamed, "seed \(seed): \(c.id) lost")
            }
        }
    }
}

@Suite struct MergeCaseTests {
    func base() -> Design {
        var d = Design(title: "Shop", now: Date(timeIntervalSince1970: 1_000))
        let a = d.addComponent(name: "API", kind: .service, technology: "Go")
        let b = d.addComponent(name: "DB", kind: .database)
        let c = d.addComponent(name: "Cache", kind: .cache)
        _ = try! d.addFlow(from: a, to: b, label: "rows")
        _ = try! d.addFlow(from: a, to: c, label: "hot keys")
        d.addTradeOff(title: "SQL or NoSQL", options: [("SQL", [], []), ("NoSQL", [], [])], chosenIndex: 0)
        d.updateStage(.security) { $0.setDone("security.a", true) }
        return d
    }

    @Test func differentFieldsOfOneItemMerge() throws {
        let b = base()
        var o = b, t = b
        o.components[0].name = "Orders API"
        t.components[0].technology = "Rust"
        let m = try DesignMerger.merge(base: b, ours: o, theirs: t)
        #expect(m.isClean)
        #expect(m.design.components[0].name == "Orders API" && m.design.components[0].technology == "Rust")
    }

    @Test func aFieldChangedDifferentlyIsAConflictKeepingAllThree() throws {
        let b = base()
        var o = b, t = b
        o.components[0].technology = "Go 1.23"
        t.components[0].technology = "Rust"
        let m = try DesignMerger.merge(base: b, ours: o, theirs: t)
        #expect(!m.isClean)
        let c = try #require(m.design.conflicts.first)
        #expect(c.reason == .bothChanged)
        #expect(c.path == "components[comp-1].technology" && c.item == "comp-1")
        #expect(c.base == "\"Go\"" && c.ours == "\"Go 1.23\"" && c.theirs == "\"Rust\"")
        #expect(m.design.components[0].technology == "Go 1.23")   // the design holds ours
        #expect(m.design.conflictFindings.count == 1)
        // Taking theirs resolves it.
        let r = try ConflictResolution.resolve(m.design, c.id, .theirs)
        #expect(r.components[0].technology == "Rust" && r.conflicts.isEmpty)
        let e = try ConflictResolution.resolve(m.design, c.id, .value("\"Zig\""))
        #expect(e.components[0].technology == "Zig")
        let kept = try ConflictResolution.resolve(m.design, c.id, .ours)
        #expect(kept.components[0].technology == "Go 1.23" && kept.conflicts.isEmpty)
        #expect(throws: ConflictResolution.Failure.self) { try ConflictResolution.resolve(m.design, c.id, .value("not json")) }
    }

    @Test func textChangedOnBothSidesIsAConflictNotALineMerge() throws {
        let b = base()
        var o = b, t = b
        o.updateStage(.security) { $0.notes = "line one\nline two (ours)" }
        t.updateStage(.security) { $0.notes = "line zero\nline one" }
        let m = try DesignMerger.merge(base: b, ours: o, theirs: t)
        #expect(m.design.conflicts.map(\.path) == ["stages[security].notes"])
    }

    @Test func deletedOnOneSideChangedOnTheOtherKeepsTheItem() throws {
        let b = base()
        var o = b, t = b
        o.flows.removeAll { $0.id == "flow-2" }
        t.flows[1].label = "hot keys (LRU)"
        let m = try DesignMerger.merge(base: b, ours: o, theirs: t)
        let c = try #require(m.design.conflicts.first)
        #expect(c.reason == .deletedAndChanged && c.path == "flows[flow-2]")
        #expect(c.ours == nil && c.theirs != nil)
        #expect(m.design.flows[id: "flow-2"]?.label == "hot keys (LRU)")
        // Taking ours deletes it; taking theirs keeps it.
        #expect(try ConflictResolution.resolve(m.design, c.id, .ours).flows[id: "flow-2"] == nil)
        #expect(try ConflictResolution.resolve(m.design, c.id, .theirs).flows[id: "flow-2"]?.label == "hot keys (LRU)")
    }

    @Test func aReferenceLeftDanglingIsAConflictAndTheItemStays() throws {
        let b = base()
        var o = b, t = b
        _ = try o.removeComponent("comp-3")            // ours deletes the cache and its flow
        _ = try t.addFlow(from: "comp-2", to: "comp-3", label: "invalidations")   // theirs draws a new flow to it
        let m = try DesignMerger.merge(base: b, ours: o, theirs: t)
        #expect(m.design.errors.isEmpty)
        #expect(m.design.components[id: "comp-3"] != nil)
        let c = try #require(m.design.conflicts.first { $0.reason == .danglingReference })
        #expect(c.path == "components[comp-3]" && c.ours == nil)
        #expect(c.note.contains("flow-3"))
        // Taking ours (delete it) would leave the new flow dangling: refused, design unchanged.
        #expect(throws: ConflictResolution.Failure.self) { try ConflictResolution.resolve(m.design, c.id, .ours) }
        // After deleting the flow, taking ours works.
        var fixed = m.design
        fixed.flows.removeAll { $0.id == "flow-3" }
        #expect(try ConflictResolution.resolve(fixed, c.id, .ours).components[id: "comp-3"] == nil)
    }

    @Test func bothSidesAddingTheSameIdKeepsBothAndFollowsReferences() throws {
        let b = base()
        var o = b, t = b
        let x = o.addComponent(name: "Queue", kind: .queue)
        let y = t.addComponent(name: "Search", kind: .searchIndex)
        #expect(x == y)   // both took comp-4
        _ = try t.addFlow(from: "comp-1", to: y, label: "index")
        o.addCustomItem("Ours", to: .security)
        t.addCustomItem("Theirs", to: .reliability)   // the same item-1, in another stage
        let m = try DesignMerger.merge(base: b, ours: o, theirs: t)
        #expect(m.isClean)
        #expect(m.design.components.map(\.name) == ["API", "DB", "Cache", "Queue", "Search"])
        let search = try #require(m.design.components.first { $0.name == "Search" })
        #expect(search.id != x)
        #expect(m.design.flows.last?.to == search.id)
        #expect(m.design.errors.isEmpty)
        #expect(Set(m.renamed.map(\.from)) == ["comp-4", "item-1"])
    }

    @Test func checklistTicksMergeAsSets() throws {
        let b = base()
        var o = b, t = b
        o.updateStage(.security) { $0.setDone("security.c", true); $0.setDone("security.a", false) }
        t.updateStage(.security) { $0.setDone("security.b", true) }
        let m = try DesignMerger.merge(base: b, ours: o, theirs: t)
        #expect(m.isClean)
        #expect(m.design.stage(.security).done == ["security.b", "security.c"])
    }

    @Test func orderFollowsTheSideThatReordered() throws {
        let b = base()
        var o = b, t = b
        t.components.reverse()
        o.addComponent(name: "New", kind: .worker)
        let m = try DesignMerger.merge(base: b, ours: o, theirs: t)
        #expect(m.design.components.map(\.name) == ["Cache", "DB", "API", "New"])
    }

    @Test func modifiedTakesTheLaterTime() throws {
        let b = base()
        var o = b, t = b
        o.touch(Date(timeIntervalSince1970: 5_000))
        t.touch(Date(timeIntervalSince1970: 9_000))
        #expect(try DesignMerger.merge(base: b, ours: o, theirs: t).design.modified == t.modified)
    }

    @Test func resolvingEveryConflictLeavesAValidDesign() throws {
        let b = base()
        var o = b, t = b
        o.title = "A"; t.title = "B"
        o.components[1].name = "Orders DB"; t.components[1].name = "Main DB"
        let m = try DesignMerger.merge(base: b, ours: o, theirs: t)
        #expect(m.design.conflicts.count == 2)
        let r = try ConflictResolution.resolveAll(m.design, .theirs)
        #expect(r.conflicts.isEmpty && r.title == "B" && r.components[1].name == "Main DB")
    }

    /// The last-resort record (the whole of both sides) resolves to either side whole.
    @Test func aWholeDesignConflictResolvesToEitherSide() throws {
        let b = base()
        var o = b, t = b
        o.title = "Ours"
        t.components[0].name = "Theirs"
        var d = o
        d.conflicts = [MergeConflict(id: "conflict-1", reason: .inconsistent, path: "", item: "",
                                     base: try b.canonicalJSON().compactText(), ours: try o.canonicalJSON().compactText(),
                                     theirs: try t.canonicalJSON().compactText(), note: "test")]
        #expect(try ConflictResolution.resolve(d, "conflict-1", .theirs) == t)
        #expect(try ConflictResolution.resolve(d, "conflict-1", .ours) == o)
    }

    /// Merging at the JSON level works for kinds the model does not have yet.
    @Test func unknownKindsMergeById() throws {
        let base = try JSONValue.parse(#"{"widgets": [{"id": "w-1", "n": 1, "tags": ["a"]}, {"id": "w-2", "n": 2, "tags": []}]}"#)
        let ours = try JSONValue.parse(#"{"widgets": [{"id": "w-1", "n": 5, "tags": ["a", "b"]}, {"id": "w-2", "n": 2, "tags": []}]}"#)
        let theirs = try JSONValue.parse(#"{"widgets": [{"id": "w-1", "n": 1, "tags": ["a", "c"]}, {"id": "w-3", "n": 3, "tags": []}]}"#)
        var merge = TreeMerge()
        let m = merge.merge(base, ours, theirs, at: TreePath())
        #expect(merge.conflicts.isEmpty)
        #expect(m == (try JSONValue.parse(#"{"widgets": [{"id": "w-1", "n": 5, "tags": ["a", "b", "c"]}, {"id": "w-3", "n": 3, "tags": []}]}"#)))
    }
}

@Suite struct TreePathTests {
    @Test func writtenFormReadsBack() {
        let p = TreePath([.key("tradeOffs"), .item("trade-2"), .key("options"), .item("we]ird\\id"), .key("pros")])
        #expect(p.description == "tradeOffs[trade-2].options[we\\]ird\\\\id].pros")
        #expect(TreePath(parsing: p.description) == p)
        #expect(TreePath(parsing: "a[unclosed") == nil)
    }
}
