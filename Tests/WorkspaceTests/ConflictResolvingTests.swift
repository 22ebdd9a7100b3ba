import DesignDiff
import DesignModel
import Foundation
import Testing
@testable import Workspace

/// A design as `sysdraft merge` leaves it: ours set the gateway's technology to Envoy and
/// deleted the cache; theirs set Kong and drew a new flow to the cache. Two conflicts:
/// the technology (both changed) and the cache (deleted by ours, still referred to by theirs).
func conflictedDesign() throws -> Design {
    var base = Design(title: "Shop", now: Date(timeIntervalSince1970: 1_700_000_000))
    let api = base.addComponent(name: "API gateway", kind: .apiGateway)
    let db = base.addComponent(name: "Orders DB", kind: .database)
    let cache = base.addComponent(name: "Cache", kind: .cache)
    _ = try base.addFlow(from: api, to: cache, label: "lookups")
    var ours = base, theirs = base
    ours.components[0].technology = "Envoy"
    _ = try ours.removeComponent(cache)
    theirs.components[0].technology = "Kong"
    _ = try theirs.addFlow(from: db, to: cache, label: "invalidations")
    return try DesignMerger.merge(base: base, ours: ours, theirs: theirs).design
}

@Suite struct ConflictResolvingTests {
    /// The workspace opened on the merged design (as `:e` does), focused on the conflicts.
    func opened() throws -> AppState {
        var s = makeState()
        _ = Workspace.reduce(&s, .opened(path: "/tmp/shop.json", design: try conflictedDesign(), isNew: false), env)
        return s
    }

    var technology: ItemID<MergeConflict> { "conflict-1" }
    var cache: ItemID<MergeConflict> { "conflict-2" }

    @Test func theMergedDesignHasTheTwoConflictsTheseTestsResolve() throws {
        let d = try conflictedDesign()
        #expect(d.conflicts.map(\.id) == [technology, cache])
        #expect(d.conflicts[0].path == "components[comp-1].technology" && d.conflicts[0].reason == .bothChanged)
        #expect(d.conflicts[1].path == "components[comp-3]" && d.conflicts[1].reason == .danglingReference)
        #expect(d.components[0].technology == "Envoy")
    }

    @Test func openingSaysHowManyAndHowToResolveAndShowsTheList() throws {
        let s = try opened()
        #expect(s.focus == .conflicts)
        #expect(s.keyContext == .conflicts)
        let m = try #require(s.message)
        #expect(m.kind == .error)
        #expect(m.text.contains("2 unresolved merge conflicts"))
        #expect(m.text.contains("o ours") && m.text.contains("t theirs") && m.text.contains("A all"))
        #expect(s.listedPanes.last == .conflicts)
    }

    @Test func withoutConflictsTheListIsNotInTabOrder() {
        var s = makeState()
        #expect(!s.listedPanes.contains(.conflicts))
        for _ in 0..<s.listedPanes.count { send(&s, .tab) }
        #expect(s.focus == .requirements, "Tab wraps round without stopping at the empty conflicts list")
        send(&s, .backTab)
        #expect(s.focus == s.listedPanes.last && s.focus != .conflicts)
        // Asked for by name it shows, empty, and says so; Tab leaves it for good.
        send(&s, .char(":"))
        type(&s, "conflicts")
        send(&s, .enter)
        #expect(s.focus == .conflicts && s.listedPanes.contains(.conflicts))
        send(&s, .tab)
        #expect(s.focus == .requirements && !s.listedPanes.contains(.conflicts))
        #expect(Pane.conflicts.kind.emptyText != nil)
    }

    @Test func takingTheirsResolvesOneAndUndoBringsItBack() throws {
        var s = try opened()
        let effects = send(&s, .char("t"))
        #expect(effects.isEmpty)
        #expect(s.design.components[0].technology == "Kong")
        #expect(s.design.conflicts.map(\.id) == [cache])
        #expect(s.message?.kind == .success)
        #expect(s.message?.text.contains("Resolved conflict-1") == true && s.message?.text.contains("1 left") == true)
        #expect(s.isDirty)
        send(&s, .char("u"))
        #expect(s.design.conflicts.count == 2 && s.design.components[0].technology == "Envoy")
        send(&s, .ctrl("r"))
        #expect(s.design.conflicts.count == 1 && s.design.components[0].technology == "Kong")
    }

    @Test func takingOursAndBase() throws {
        var s = try opened()
        send(&s, .char("b"))
        #expect(s.design.components[0].technology == "")
        #expect(s.design.conflicts.map(\.id) == [cache])
        s = try opened()
        send(&s, .char("o"))
        #expect(s.design.components[0].technology == "Envoy")
        #expect(s.design.conflicts.map(\.id) == [cache])
    }

    @Test func aChoiceThatWouldLeaveAReferenceDanglingIsRefusedAndSaysWhy() throws {
        var s = try opened()
        send(&s, .char("j"))   // the cache conflict
        let before = s.design
        let effects = send(&s, .char("o"))   // ours deleted the cache, but theirs' new flow goes to it
        #expect(effects == [.bell])
        #expect(s.design == before)
        #expect(!s.history.canUndo)
        let m = try #require(s.message)
        #expect(m.kind == .error && m.text.hasPrefix("conflict-2 not resolved with ours"))
        #expect(m.text.contains("comp-3"), "the reason names what would dangle: \(m.text)")
        // Theirs keeps the cache: accepted.
        send(&s, .char("t"))
        #expect(s.design.conflicts.map(\.id) == [technology])
        #expect(s.design.components[id: "comp-3"] != nil)
    }

    @Test func writingTheValueByHandIsCheckedAsJSONBeforeItIsApplied() throws {
        var s = try opened()
        send(&s, .char("e"))
        let form = try #require(s.topForm)
        #expect(form.title.contains("conflict-1"))
        #expect(form["value"]?.text == "\"Envoy\"", "starts from the value the design holds")
        send(&s, .ctrl("e"), .ctrl("u"))
        type(&s, "Envoy and Kong")   // not JSON
        send(&s, .ctrl("s"))
        #expect(s.topForm?.error?.hasPrefix("Not JSON") == true)
        #expect(s.design.conflicts.count == 2)
        send(&s, .ctrl("a"))
        type(&s, "\"")
        send(&s, .ctrl("e"))
        type(&s, "\"")
        send(&s, .ctrl("s"))
        #expect(s.overlays.isEmpty)
        #expect(s.design.components[0].technology == "Envoy and Kong")
        #expect(s.design.conflicts.map(\.id) == [cache])
        #expect(s.message?.text.hasPrefix("Resolved conflict-1 with the value you wrote") == true)
        send(&s, .char("u"))
        #expect(s.design.conflicts.count == 2)
    }

    @Test func aWrittenValueTheModelCannotHoldIsRefusedInTheForm() throws {
        var s = try opened()
        send(&s, .char("e"), .ctrl("e"), .ctrl("u"))
        type(&s, "42")   // JSON, but a technology is text
        send(&s, .ctrl("s"))
        let error = try #require(s.topForm?.error)
        #expect(error.contains("inconsistent") || error.contains("not applied"), "\(error)")
        #expect(s.design.conflicts.count == 2)
    }

    @Test func resolvingAllOneWayAsksWhichSide() throws {
        var s = try opened()
        send(&s, .char("A"))
        let confirm = try #require(s.topConfirm)
        #expect(confirm.options.map(\.key) == ["o", "t", "b", "c"])
        send(&s, .char("t"))
        #expect(s.design.conflicts.isEmpty)
        #expect(s.design.components[0].technology == "Kong" && s.design.components[id: "comp-3"] != nil)
        #expect(s.message?.text.contains("no conflicts left") == true)
        send(&s, .char("u"))
        #expect(s.design.conflicts.count == 2, "one undo step for all of them")
    }

    @Test func resolvingAllResolvesWhatItCanAndNamesWhatWasRefused() throws {
        var s = try opened()
        send(&s, .char("A"), .char("o"))
        #expect(s.design.conflicts.map(\.id) == [cache])
        #expect(s.design.components[0].technology == "Envoy")
        let m = try #require(s.message)
        #expect(m.kind == .error && m.text.contains("Resolved 1 with ours") && m.text.contains("conflict-2"))
        // Cancelling changes nothing.
        send(&s, .char("A"), .char("c"))
        #expect(s.design.conflicts.count == 1)
    }

    @Test func goingToTheItemShowsItInItsList() throws {
        var s = try opened()
        send(&s, .char("f"))
        #expect(s.focus == .components)
        #expect(s.selectedIndex(.components).map { s.design.components[$0].id } == "comp-1")
        let back = Pane.conflicts.number <= 9 ? "\(Pane.conflicts.number)" : ":conflicts"
        #expect(s.message?.text.contains("\(back) goes back") == true, "\(s.message?.text ?? "")")
        #expect(s.listedPanes.contains(.conflicts), "still listed while conflicts remain")
        send(&s, .char(":"))
        type(&s, "conflicts")
        send(&s, .enter)
        #expect(s.focus == .conflicts)
    }

    @Test func goingToAStageOpensTheChecklistThereAndOtherListsAreNamed() throws {
        var base = Design(title: "Shop", now: Date(timeIntervalSince1970: 1_700_000_000))
        base.endpoints = [Endpoint(id: "api-1", method: .get, path: "/orders")]
        var ours = base, theirs = base
        ours.updateStage(.security) { $0.notes = "mTLS inside" }
        theirs.updateStage(.security) { $0.notes = "TLS at the edge only" }
        ours.endpoints[0].path = "/v2/orders"
        theirs.endpoints[0].path = "/orders/v2"
        var s = makeState()
        let merged = try DesignMerger.merge(base: base, ours: ours, theirs: theirs).design
        _ = Workspace.reduce(&s, .opened(path: "/tmp/shop.json", design: merged, isNew: false), env)
        let paths = s.design.conflicts.map(\.path)
        let stageRow = try #require(paths.firstIndex { $0.hasPrefix("stages[") })
        let endpointRow = try #require(paths.firstIndex { $0.hasPrefix("endpoints[") })
        Workspace.select(&s, .conflicts, stageRow)
        send(&s, .char("f"))
        #expect(s.screen == .checklist && s.checklist.stage == .security)
        send(&s, .char("p"), .char(":"))
        type(&s, "conflicts")
        send(&s, .enter)
        Workspace.select(&s, .conflicts, endpointRow)
        send(&s, .char("f"))
        // Endpoints have a list of their own now (APIs): f goes there, like any item.
        #expect(s.screen == .panes && s.focus == .endpoints)
        #expect(s.message?.text.contains("has conflict-") == true, "\(s.message?.text ?? "")")
    }

    @Test func theFullViewResolvesTheConflictItShows() throws {
        var s = try opened()
        send(&s, .char("j"), .char("v"))
        guard case .itemView(.conflicts, let id, _)? = s.overlays.last else { Issue.record("no full view"); return }
        #expect(id == "conflict-2")
        send(&s, .char("o"))   // refused: the view stays
        #expect(s.overlays.count == 1 && s.message?.kind == .error)
        send(&s, .char("t"))
        #expect(s.overlays.isEmpty)
        #expect(s.design.conflicts.map(\.id) == [technology])
    }

    @Test func conflictsAreNeitherAddedNorDeletedByHand() throws {
        var s = try opened()
        send(&s, .char("a"))
        #expect(s.overlays.isEmpty && s.message?.kind == .error)
        send(&s, .char("d"))
        #expect(s.overlays.isEmpty && s.design.conflicts.count == 2)
        #expect(s.message?.text.contains("resolved, not deleted") == true)
    }

    @Test func readOnlyRefusesToResolve() throws {
        var s = try opened()
        s.readOnly = true
        #expect(send(&s, .char("t")) == [.bell])
        send(&s, .char("A"))
        #expect(s.overlays.isEmpty)
        #expect(s.design.conflicts.count == 2)
    }

    @Test func savingSaysWhatIsStillUnresolved() throws {
        var s = try opened()
        _ = Workspace.reduce(&s, .saved(path: "/tmp/shop.json", design: s.design), env)
        #expect(s.message?.text == "Saved /tmp/shop.json — 2 merge conflicts still unresolved")
        send(&s, .char("A"), .char("t"))
        _ = Workspace.reduce(&s, .saved(path: "/tmp/shop.json", design: s.design), env)
        #expect(s.message?.text == "Saved /tmp/shop.json")
    }

    @Test func afterTheLastOneTheEmptyListLeavesTabOrder() throws {
        var s = try opened()
        send(&s, .char("t"), .char("t"))
        #expect(s.design.conflicts.isEmpty)
        #expect(s.focus == .conflicts, "the list stays in sight until left")
        send(&s, .tab)
        #expect(s.focus == .requirements && !s.listedPanes.contains(.conflicts))
    }

    @Test func thePaletteRunsTheResolvingCommands() throws {
        var s = try opened()
        send(&s, .char("1"))
        send(&s, .char(":"))
        type(&s, "conflict.take-theirs")
        send(&s, .enter)
        #expect(s.design.conflicts.map(\.id) == [cache])
    }

    @Test func theHelpListsTheConflictKeys() {
        let text = HelpText.lines(.standard).map(\.text)
        let start = try? #require(text.firstIndex(of: KeyContext.conflicts.rawValue))
        #expect(start != nil)
        #expect(text.contains { $0.contains("Resolve the conflict: take theirs") })
    }
}
