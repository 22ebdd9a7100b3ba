import App
import DesignDiff
import DesignModel
import DesignStorage
import Foundation
import Testing
import TextUI
import Workspace

/// A merge with two conflicts, as `sysdraft merge` writes it: the gateway's technology changed
/// on both sides, and the cache deleted by ours while theirs drew a new flow to it.
private func mergedWithConflicts() throws -> Design {
    var base = Design(title: "Shop", now: Date(timeIntervalSince1970: 1_700_000_000))
    let api = base.addComponent(name: "API gateway", kind: .apiGateway)
    let db = base.addComponent(name: "Orders DB", kind: .database)
    let cache = base.addComponent(name: "Cache", kind: .cache)
    _ = try base.addFlow(from: api, to: cache, label: "lookups")
    var ours = base, theirs = base
    ours.components[0].technology = "Envoy"
    _ = try ours.removeComponent(cache)
    theirs.components[0].technology = "Kong <b>|x|</b>"
    _ = try theirs.addFlow(from: db, to: cache, label: "invalidations")
    return try DesignMerger.merge(base: base, ours: ours, theirs: theirs).design
}

/// The whole loop on an 80×24 in-memory terminal: open a merged file, see and resolve its
/// conflicts, save; the file on disk then has none and no errors.
@Suite struct ConflictLoopTests {
    @Test func aMergedFileIsResolvedInTheWorkspaceAndSavedValid() throws {
        let w = World(size: ScreenSize(columns: 80, rows: 24))
        let merged = try mergedWithConflicts()
        try #require(merged.conflicts.count == 2)
        w.file(World.doc, merged)
        let loop = try w.open()
        var opening = "", list = "", full = "", refused = "", afterAll = "", saved = ""
        w.backend.script(
            .run { b in opening = b.statusLine; list = b.screen },
            .key(.char("v")),
            .run { b in full = b.screen },
            .key(.escape),
            .key(.char("t")),            // the technology: theirs
            .key(.char("o")),            // the cache: ours deleted it, but theirs' flow needs it
            .run { b in refused = b.statusLine },
            .key(.char("A")), .key(.char("t")),
            .run { b in afterAll = b.screen },
            .key(.ctrl("s")),
            .run { b in saved = b.statusLine },
            .key(.char("q")))
        #expect(loop.run() == .quit)

        #expect(opening.contains("2 unresolved merge conflicts"), "\(opening)")
        let lines = list.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first?.contains("⚠ 2 conflicts") == true, "the header counts them: \(lines.first ?? "")")
        #expect(list.contains("Merge conflicts 2"), "the tab of the list")
        #expect(list.contains("comp-1 › technology") && list.contains("comp-3 (the whole item)"))
        for label in ["Base", "Ours (now)", "Theirs", "What happened", "Resolve"] {
            #expect(full.contains(label), "the full view shows \(label)")
        }
        #expect(full.contains("\"Envoy\"") && full.contains("\"Kong <b>|x|</b>\""))
        #expect(full.contains("o ours") && full.contains("t theirs"))
        #expect(refused.contains("conflict-2 not resolved with ours"), "\(refused)")
        #expect(afterAll.contains("no conflicts left"))
        #expect(!afterAll.contains("⚠"), "no count once none remain")
        #expect(saved.contains("Saved \(World.doc)") && !saved.contains("unresolved"), "\(saved)")

        let d = try #require(w.design())
        #expect(d.conflicts.isEmpty && d.conflictFindings.isEmpty)
        #expect(d.errors.isEmpty)
        #expect(d.components[0].technology == "Kong <b>|x|</b>")
        #expect(d.components[id: "comp-3"] != nil && d.flows.contains { $0.label == "invalidations" })
        #expect(w.backend.exhausted == 0)
    }

    @Test func aDesignWithoutConflictsShowsNoneOfThis() throws {
        let w = World(size: ScreenSize(columns: 80, rows: 24))
        w.file()
        let loop = try w.open()
        var screen = ""
        w.backend.script(.key(.char("6")), .run { b in screen = b.screen }, .key(.char("q")))
        #expect(loop.run() == .quit)
        #expect(!screen.contains("Conflicts") && !screen.contains("⚠"))
    }
}
