import DesignModel
import Foundation
import Testing
@testable import Interview

/// The generic "what changed" between two designs, and what each change counts as.
@Suite struct DesignActivityTests {
    func base() -> Design {
        var d = Design(title: "Shortener", now: fixedDate)
        d.addRequirement(.functional, "Create short links")
        d.addComponent(name: "API", kind: .service)
        return d
    }

    @Test func itemsAddedChangedRemovedAndMovedInEveryList() throws {
        let old = base()
        var new = old
        new.addRequirement(.nonFunctional, "p99 redirect under 50 ms", category: .latency)
        let cache = new.addComponent(name: "Link cache", kind: .cache, responsibility: "Hot codes, replicated across zones")
        try new.addFlow(from: new.components[0].id, to: cache, label: "lookups")
        new.addTradeOff(title: "SQL or NoSQL", options: [("DynamoDB", [], []), ("Postgres", [], [])], chosenIndex: 0)
        new.components[0].technology = "Go"
        let changes = DesignActivity.changes(from: old, to: new)
        let summary = changes.map { "\($0.change.rawValue) \($0.list) \($0.id) \($0.text)" }
        #expect(summary == [
            "added requirements req-2 p99 redirect under 50 ms",
            "changed components comp-1 API",
            "added components comp-2 Link cache",
            "added flows flow-1 API → Link cache: lookups",
            "added tradeOffs trade-1 SQL or NoSQL",
        ])
        let tags = Dictionary(uniqueKeysWithValues: changes.map { ($0.id, Set($0.tags)) })
        #expect(tags["req-2"] == [.nonFunctional])
        #expect(tags["comp-2"] == [.component, .failureHandling], "replicated counts as failure handling")
        #expect(tags["comp-1"] == [.component])
        #expect(tags["trade-1"] == [.tradeOff])

        // Reordering is not a change; deleting is.
        var moved = new
        moved.components.swapAt(0, 1)
        #expect(DesignActivity.changes(from: new, to: moved).isEmpty)
        var deleted = new
        deleted.tradeOffs.removeAll()
        #expect(DesignActivity.changes(from: new, to: deleted).map { "\($0.change.rawValue) \($0.id)" } == ["removed trade-1"])
        #expect(DesignActivity.changes(from: new, to: new).isEmpty)
    }

    @Test func notesChecklistAndDesignDetails() {
        var old = base()
        old.updateStage(.requirements) { $0.notes = "Scale to assume: given by the interviewer." }
        var new = old
        new.updateStage(.requirements) { $0.notes += "\nPeak 40k redirects/s, 3 TB in five years." }
        new.updateStage(.reliability) { $0.notes = "Run two of everything." }
        new.updateStage(.highLevelDesign) { $0.setDone("high-level-design.components", true) }
        new.addCustomItem("Ask about abuse", to: .security)
        new.title = "URL shortener"
        let changes = DesignActivity.changes(from: old, to: new)
        let byID = Dictionary(uniqueKeysWithValues: changes.map { ($0.id, $0) })
        #expect(byID["title"]?.text == "title: URL shortener")
        let notes = byID["requirements"]
        #expect(notes?.change == .changed && notes?.list == "stages")
        #expect(notes?.fullText == "\nPeak 40k redirects/s, 3 TB in five years.", "only the inserted text counts")
        if !DesignItems.designHasEstimates { #expect(notes?.tags == [.estimate]) }
        #expect(byID["reliability"]?.change == .added)
        #expect(byID["reliability"]?.tags.contains(.failureHandling) == true)
        #expect(byID["high-level-design.components"]?.text == "ticked high-level-design.components")
        #expect(changes.contains { $0.list == "checklist" && $0.change == .added && $0.text == "Ask about abuse" })
    }

    @Test func requirementsStateGoalsNotFailureHandling() {
        var d = base()
        d.addRequirement(.nonFunctional, "Survive a zone outage with failover under a minute", category: .availability)
        let item = DesignItems.all(in: d).first { $0.id == "req-2" }!
        #expect(ActivityTag.tags(of: item) == [.nonFunctional])
    }

    @Test func estimateLikeTextNeedsNumbersWithUnits() {
        let words = ActivityTag.estimateWords
        #expect(words.matches("About 4,000 redirects per second, peaks of 40k"))
        #expect(words.matches("3 TB of links"))
        #expect(words.matches("100M DAU"))
        #expect(!words.matches("Redirects must be fast"))
        #expect(!words.matches("Use 2 regions"))
    }

    /// Every item list of `Design` (an array property whose elements have an `id`) has a display
    /// name in `DesignItems.names`: a branch adding a kind adds its line there.
    @Test func everyItemListHasADisplayName() {
        var d = Design(title: "t", now: fixedDate)
        d.addRequirement(.functional, "x")
        d.addComponent(name: "c", kind: .service)
        for child in Mirror(reflecting: d).children {
            guard let label = child.label, label != "stages", Mirror(reflecting: child.value).displayStyle == .collection else { continue }
            #expect(DesignItems.names[label] != nil, "no display name for Design.\(label)")
        }
        #expect(DesignItems.name(of: "components", count: 3) == "components")
        #expect(DesignItems.name(of: "flows") == "data flow")
        #expect(DesignItems.name(of: "apiKeys", count: 2) == "api keys", "unknown lists get a readable name")
    }

    @Test func idsAreNotContent() {
        var d = base()
        let cache = d.addComponent(name: "Cache", kind: .cache)
        try? d.addFlow(from: d.components[0].id, to: cache, label: "reads")
        let flow = DesignItems.all(in: d).first { $0.list == "flows" }!
        #expect(!flow.text.contains("comp-"), "component ids in a flow must not read as numbers: \(flow.text)")
        #expect(flow.title == "API → Cache: reads")
    }
}

@Suite struct ReferenceTextTests {
    /// What a risk concerns is a list of ids (plain strings): references, not content, so they
    /// never read as numbers or words of the design.
    @Test func referencesToOtherItemsAreNotText() {
        var d = Design(title: "t", now: fixedDate)
        let api = d.addComponent(name: "API", kind: .service)
        d.risks.append(Risk(id: "risk-1", text: "Hot shard", concerns: [api.rawValue]))
        let risk = DesignItems.all(in: d).first { $0.list == "risks" }!
        #expect(risk.title == "Hot shard")
        #expect(!risk.text.contains("comp-1"), "\(risk.text)")
        #expect(!KeywordMatcher(["#"]).matches(risk.text))
    }
}
