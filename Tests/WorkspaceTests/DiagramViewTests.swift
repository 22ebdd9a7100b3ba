import DesignExport
import DesignModel
import DiagramLayout
import Foundation
import Testing
@testable import Workspace

/// The diagram view's own commands: the direction kept in the design, focus / group / kinds
/// views, fitting the screen's width, and the highlight hook for a scenario's path.
@Suite struct DiagramViewTests {
    /// LB → two services → a database and a cache; the services in a "VPC" group inside a
    /// "us-east-1" region, the database in the region only.
    static func state(size: ScreenSize = ScreenSize(columns: 120, rows: 40)) throws -> AppState {
        var s = makeState()
        var d = s.design
        let region = d.addGroup(name: "us-east-1", kind: .region)
        let vpc = d.addGroup(name: "VPC", kind: .network, parent: region)
        let lb = d.addComponent(name: "Load balancer", kind: .loadBalancer)
        let a = d.addComponent(name: "Orders", kind: .service)
        let b = d.addComponent(name: "Payments", kind: .service)
        let db = d.addComponent(name: "Orders DB", kind: .database)
        let cache = d.addComponent(name: "Sessions", kind: .cache)
        d.components[1].group = vpc
        d.components[2].group = vpc
        d.components[3].group = region
        try d.addFlow(from: lb, to: a, label: "orders API")
        try d.addFlow(from: lb, to: b, label: "payments API")
        try d.addFlow(from: a, to: db, label: "rows")
        try d.addFlow(from: b, to: cache, label: "session lookups")
        s.design = d
        s.savedDesign = d
        _ = Workspace.reduce(&s, .resized(size), env)
        send(&s, .char("D"))
        return s
    }

    func shown(_ s: AppState) -> [String] { s.diagram.layout?.diagram.nodeIDs ?? [] }

    @Test func theDirectionIsKeptInTheDesignAndUndoable() throws {
        var s = try Self.state()
        #expect(s.design.diagramDirection == .topDown)
        #expect(s.diagram.layout?.diagram.direction == .topToBottom)
        send(&s, .char("o"))
        #expect(s.design.diagramDirection == .leftRight)
        #expect(s.diagram.layout?.diagram.direction == .leftToRight)
        #expect(s.isDirty, "a kept choice is a change to save")
        send(&s, .char("u"))
        #expect(s.design.diagramDirection == .topDown)
        #expect(s.diagram.layout?.diagram.direction == .topToBottom, "undo redraws the other way")
    }

    @Test func aReadOnlySessionFlipsWithoutChangingTheDesign() throws {
        var s = try Self.state()
        s.readOnly = true
        send(&s, .char("o"))
        #expect(s.design.diagramDirection == .topDown)
        #expect(!s.isDirty)
        #expect(s.diagram.layout?.diagram.direction == .leftToRight)
    }

    @Test func focusWidensThenShowsEverything() throws {
        var s = try Self.state()
        let lb = s.design.components[0].id.rawValue
        s.diagram.focused = s.design.components[1].id.rawValue   // Orders
        send(&s, .char("f"))
        #expect(Set(shown(s)) == [lb, "comp-2", "comp-4"], "Orders, its LB and its database")
        send(&s, .char("f"))
        #expect(Set(shown(s)) == [lb, "comp-2", "comp-3", "comp-4"], "depth 2 reaches the other service")
        send(&s, .char("f"))
        #expect(shown(s).count == 5)
        #expect(s.diagram.selection == .all)
    }

    @Test func groupsAndKindsAndBack() throws {
        var s = try Self.state()
        s.diagram.focused = "comp-2"   // in the VPC
        send(&s, .char("g"))
        #expect(s.diagram.selection == .group("group-2"))
        #expect(Set(shown(s)) == ["comp-2", "comp-3"])
        send(&s, .char("g"))
        #expect(s.diagram.selection == .group("group-1"), "then the other groups")
        #expect(Set(shown(s)) == ["comp-2", "comp-3", "comp-4"], "a region holds its network's members too")
        send(&s, .char("g"))
        #expect(s.diagram.selection == .all, "past the last group: everything")
        send(&s, .char("v"))
        #expect(Set(shown(s)) == ["comp-2", "comp-3", "comp-4", "comp-5"], "services and data")
        send(&s, .char("v"))
        #expect(Set(shown(s)) == ["comp-4", "comp-5"], "data stores")
        send(&s, .char("w"))
        #expect(shown(s).count == 5)
    }

    @Test func theDrawingIsFittedToTheScreenWidth() throws {
        var s = try Self.state(size: ScreenSize(columns: 200, rows: 40))
        let wide = try #require(s.diagram.layout?.diagram)
        #expect(wide.labelPlacements.allSatisfy { $0 != .none })
        _ = Workspace.reduce(&s, .resized(ScreenSize(columns: 60, rows: 30)), env)
        let narrow = try #require(s.diagram.layout?.diagram)
        #expect(narrow.width <= DiagramView.viewport(s.size).width, "fits \(narrow.width) in \(DiagramView.viewport(s.size).width)")
        #expect(narrow.width < wide.width || wide.width <= 58)
    }

    @Test func aScenarioPathIsHighlightedAndTheRestDimmed() throws {
        var s = try Self.state()
        s.diagram.highlightPath(components: ["comp-1", "comp-2", "comp-4"], flows: ["flow-1", "flow-3"])
        let d = try #require(s.diagram.layout?.diagram)
        let h = try #require(s.diagram.highlight)
        let mask = d.highlightMask(nodes: h.components, edgeIDs: h.flows)
        let payments = try #require(d.nodeRects["comp-3"]), orders = try #require(d.nodeRects["comp-2"])
        #expect(mask[orders.y * d.width + orders.x] && !mask[payments.y * d.width + payments.x])
        s.diagram.clearHighlight()
        #expect(s.diagram.highlight == nil)
    }

    @Test func theNewKeysAreInTheKeymapAndHelp() {
        for (key, command) in [("f", Command.diagramFocus), ("g", .diagramGroup), ("v", .diagramKinds), ("w", .diagramAll)] {
            #expect(Keymap.standard.command(for: .char(Character(key)), in: .diagram) == command)
        }
    }
}
