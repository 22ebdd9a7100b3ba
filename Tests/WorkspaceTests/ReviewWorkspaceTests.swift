import DesignModel
import DesignReview
import Foundation
import Testing
@testable import Workspace

/// The review in the workspace: kept current as the design changes, the Review screen's keys
/// (jump, accept with a reason, reopen, stages), and traceability edited from both sides.
@Suite struct ReviewWorkspaceTests {
    /// A client that reads a database directly (an error), a service, a requirement.
    static func state() -> AppState {
        var d = Design(title: "Review", now: Date(timeIntervalSince1970: 1_700_000_000))
        d.requirements = [Requirement(id: "req-1", kind: .functional, text: "Place orders"),
                          Requirement(id: "req-2", kind: .nonFunctional, text: "p99 under 100 ms", category: .latency)]
        d.components = [Component(id: "comp-1", name: "Browser", kind: .client),
                        Component(id: "comp-2", name: "Orders", kind: .service),
                        Component(id: "comp-3", name: "Orders DB", kind: .database)]
        d.flows = [Flow(id: "flow-1", from: "comp-1", to: "comp-2", label: "orders"),
                   Flow(id: "flow-2", from: "comp-2", to: "comp-3", label: "insert"),
                   Flow(id: "flow-3", from: "comp-1", to: "comp-3", label: "read")]
        var s = AppState(design: d, filePath: "/tmp/review.json", catalogue: testCatalogue)
        s.size = ScreenSize(columns: 120, rows: 40)
        return s
    }

    func openRules(_ s: AppState) -> [String] { s.review.open.map(\.rule) }

    @Test func theReviewFollowsEveryEditAndUndo() {
        var s = Self.state()
        #expect(s.reviewCounts.errors == 1)
        // Delete flow-3 (the client's read of the database).
        send(&s, .char("3"), .char("G"), .char("d"))
        #expect(s.design.flows.count == 2)
        #expect(s.reviewCounts.errors == 0)
        #expect(!openRules(s).contains("flow.client-to-store"))
        send(&s, .char("u"))
        #expect(s.reviewCounts.errors == 1)
    }

    @Test func enterJumpsToTheItem() {
        var s = Self.state()
        send(&s, .char("R"))
        #expect(s.screen == .review)
        #expect(s.keyContext == .review)
        let rows = Workspace.reviewRows(s)
        #expect(rows.first?.finding.rule == "flow.client-to-store")
        send(&s, .enter)
        #expect(s.screen == .panes)
        #expect(s.focus == .flows)
        #expect(s.selectedIndex(.flows) == 2)
        #expect(s.message?.text.contains("Orders DB") == true)
    }

    @Test func aFindingAboutTheWholeDesignOpensItsStage() {
        var s = Self.state()
        send(&s, .char("R"))
        let rows = Workspace.reviewRows(s)
        let i = rows.firstIndex { $0.finding.rule == "design.no-trade-off" }!
        for _ in 0..<i { send(&s, .char("j")) }
        send(&s, .enter)
        #expect(s.screen == .checklist)
        #expect(s.checklist.stage == .tradeOffs)
    }

    @Test func acceptWithAReasonThenReopen() {
        var s = Self.state()
        send(&s, .char("R"), .char("a"))
        let form = try! #require(s.topForm)
        #expect(form.target == .newItem(.accepted))
        #expect(form["finding"]?.text.contains("flow.client-to-store") == true)
        // No reason: refused.
        send(&s, .enter)
        #expect(s.topForm?.error != nil)
        send(&s, .tab)
        type(&s, "The browser reads a public, read-only replica")
        send(&s, .ctrl("s"))
        #expect(s.overlays.isEmpty)
        #expect(s.design.acceptedFindings.count == 1)
        #expect(s.design.acceptedFindings[0].rule == "flow.client-to-store")
        #expect(Set(s.design.acceptedFindings[0].items) == ["flow-3", "comp-1", "comp-3"])
        #expect(s.reviewCounts.errors == 0)
        #expect(s.review.accepted.count == 1)
        // The accepted finding is listed after the open ones; d reopens it.
        send(&s, .char("G"))
        guard case .accepted? = Workspace.reviewRows(s).last else { Issue.record("no accepted row"); return }
        send(&s, .char("d"))
        #expect(s.design.acceptedFindings.isEmpty)
        #expect(s.reviewCounts.errors == 1)
        send(&s, .char("u"))
        #expect(s.design.acceptedFindings.count == 1)
    }

    @Test func stagesShowTheirOwnFindings() {
        var s = Self.state()
        send(&s, .char("R"))
        #expect(s.reviewCursor.stage == nil)
        send(&s, .tab)
        #expect(s.reviewCursor.stage == .requirements)
        while s.reviewCursor.stage != .highLevelDesign { send(&s, .tab) }
        let rows = Workspace.reviewRows(s)
        #expect(!rows.isEmpty && rows.allSatisfy { $0.finding.stage == .highLevelDesign })
        send(&s, .backTab, .backTab)
        #expect(s.reviewCursor.stage == nil)
        send(&s, .escape)
        #expect(s.screen == .panes)
    }

    @Test func theConfigurationChangesTheCounts() {
        var s = Self.state()
        var config = ReviewConfig()
        config.disabled = ["flow.client-to-store"]
        s.reviewConfig = config
        #expect(s.reviewCounts.errors == 0)
    }

    @Test func readOnlyRefusesToAccept() {
        var s = Self.state()
        s.readOnly = true
        send(&s, .char("R"), .char("a"))
        #expect(s.topForm == nil)
        #expect(s.design.acceptedFindings.isEmpty)
    }

    // MARK: traceability

    @Test func aRequirementPicksWhatAddressesIt() throws {
        var s = Self.state()
        send(&s, .char("1"), .char("e"))
        var form = try #require(s.topForm)
        let at = try #require(form.fields.firstIndex { $0.key == "addressedBy" })
        for _ in 0..<at { send(&s, .tab) }
        form = try #require(s.topForm)
        #expect(form.fields[form.focus].key == "addressedBy")
        // Open the list, tick comp-2 (second option) and flow-1 (fourth).
        send(&s, .char(" "), .char("j"), .char(" "), .char("j"), .char("j"), .char(" "), .escape, .enter)
        #expect(s.overlays.isEmpty)
        #expect(s.design.components[1].requirements == ["req-1"])
        #expect(s.design.flows[0].requirements == ["req-1"])
        #expect(!s.review.open.contains { $0.rule == "requirement.unaddressed" && $0.items == ["req-1"] })
        // Untick comp-2 from the requirement's side.
        send(&s, .char("e"))
        for _ in 0..<at { send(&s, .tab) }
        send(&s, .char(" "), .char("j"), .char(" "), .escape, .enter)
        #expect(s.design.components[1].requirements.isEmpty)
        #expect(s.design.flows[0].requirements == ["req-1"])
    }

    @Test func aComponentPicksTheRequirementsItServes() throws {
        var s = Self.state()
        send(&s, .char("2"), .char("j"), .char("e"))
        let form = try #require(s.topForm)
        let at = try #require(form.fields.firstIndex { $0.key == "serves" })
        let instances = try #require(form.fields.firstIndex { $0.key == "instances" })
        #expect(form.fields.filter { $0.key == "instances" }.count == 1, "one Instances field")
        // Instances (with the load fields) and redundancy are on the same form.
        for _ in 0..<instances { send(&s, .tab) }
        type(&s, "3")
        for _ in instances..<at { send(&s, .tab) }
        send(&s, .char(" "), .char(" "), .char("j"), .char(" "), .escape)
        send(&s, .tab)
        type(&s, "Multi-AZ")
        send(&s, .ctrl("s"))
        #expect(s.design.components[1].requirements == ["req-1", "req-2"])
        #expect(s.design.components[1].instances == "3")
        #expect(s.design.components[1].redundancy == "Multi-AZ")
        #expect(Traceability.links(to: "req-1", in: s.design).map(\.id) == ["comp-2"])
    }

    @Test func deletingARequirementDropsItsLinks() {
        var s = Self.state()
        s.design.components[1].requirements = ["req-1"]
        s.design.flows[0].requirements = ["req-1", "req-2"]
        send(&s, .char("1"), .char("d"))
        #expect(s.design.requirements.map(\.id) == ["req-2"])
        #expect(s.design.components[1].requirements.isEmpty)
        #expect(s.design.flows[0].requirements == ["req-2"])
    }
}
