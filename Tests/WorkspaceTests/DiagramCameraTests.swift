import DesignModel
import Foundation
import Testing
@testable import Workspace

/// The diagram screen's camera: it centres on the selected component when the view opens,
/// pans freely with hjkl, never leaves the drawing, and follows n/Tab only when the next box
/// is out of sight.
@Suite struct DiagramCameraTests {
    /// A chain of components, taller than a small screen when drawn top to bottom.
    static func chainState(_ n: Int = 14, size: ScreenSize = ScreenSize(columns: 60, rows: 15)) throws -> AppState {
        var s = makeState(components: n)
        for i in 1..<n {
            try s.design.addFlow(from: s.design.components[i - 1].id, to: s.design.components[i].id, label: "step \(i)")
        }
        _ = Workspace.reduce(&s, .resized(size), env)
        return s
    }

    static func extent(_ s: AppState) throws -> (width: Int, height: Int) {
        let d = try #require(s.diagram.layout?.diagram)
        return (d.width, d.height)
    }

    static func visible(_ s: AppState, _ id: String) throws -> Bool {
        let r = try #require(s.diagram.layout?.diagram.nodeRects[id])
        let (w, h) = DiagramView.viewport(s.size)
        return r.x >= s.diagram.panX && r.x + r.width <= s.diagram.panX + w
            && r.y >= s.diagram.panY && r.y + r.height <= s.diagram.panY + h
    }

    @Test func openingCentresOnTheSelectedComponent() throws {
        var s = try Self.chainState()
        send(&s, .char("2"))
        for _ in 0..<7 { send(&s, .char("j")) }
        let selected = try #require(s.selectedComponent).id.rawValue
        send(&s, .char("D"))
        #expect(s.diagram.focused == selected)
        #expect(try Self.visible(s, selected))
        #expect(s.diagram.panY > 0, "the eighth box of fourteen is not at the top")
    }

    @Test func panningMovesFreelyAndStopsAtTheEdges() throws {
        var s = try Self.chainState()
        send(&s, .char("D"))
        let (_, height) = try Self.extent(s)
        let (_, viewHeight) = DiagramView.viewport(s.size)
        #expect(height > viewHeight, "the chain is taller than the screen")
        #expect(s.diagram.panY == 0)
        send(&s, .char("j"))
        #expect(s.diagram.panY == DiagramView.panStep.y, "panning leaves the focused box behind")
        for _ in 0..<100 { send(&s, .char("j")) }
        #expect(s.diagram.panY == height - viewHeight, "the bottom edge stops the camera")
        send(&s, .char("k"))
        #expect(s.diagram.panY == height - viewHeight - DiagramView.panStep.y, "the way back works at once")
        for _ in 0..<100 { send(&s, .up) }
        #expect(s.diagram.panY == 0)
        send(&s, .char("h"))
        #expect(s.diagram.panX == 0, "nothing to the left of the drawing")
    }

    @Test func nextBoxScrollsOnlyWhenItIsOutOfSight() throws {
        var s = try Self.chainState()
        send(&s, .char("D"))
        var moves = 0
        var lastPan = s.diagram.panY
        for _ in 0..<13 {
            send(&s, .char("n"))
            let focused = try #require(s.diagram.focused)
            #expect(try Self.visible(s, focused), "the focused box is always in view")
            if s.diagram.panY != lastPan { moves += 1 }
            lastPan = s.diagram.panY
        }
        #expect(moves > 0 && moves < 13, "the camera moved \(moves) times for 13 steps")
        #expect(s.selectedComponent?.id.rawValue == s.diagram.focused, "the panes follow the diagram's focus")
    }

    @Test func resizingAndTurningKeepTheCameraInside() throws {
        var s = try Self.chainState()
        send(&s, .char("D"))
        for _ in 0..<100 { send(&s, .char("j")) }
        _ = Workspace.reduce(&s, .resized(ScreenSize(columns: 200, rows: 120)), env)
        #expect(s.diagram.panY == 0 && s.diagram.panX == 0, "a screen larger than the drawing shows all of it")
        _ = Workspace.reduce(&s, .resized(ScreenSize(columns: 60, rows: 15)), env)
        send(&s, .char("o"))
        #expect(s.diagram.leftToRight)
        let (width, _) = try Self.extent(s)
        #expect(width > DiagramView.viewport(s.size).width, "the chain runs wide from left to right")
        #expect(try Self.visible(s, try #require(s.diagram.focused)))
        for _ in 0..<100 { send(&s, .char("l")) }
        #expect(s.diagram.panX == width - DiagramView.viewport(s.size).width)
    }

    @Test func theDrawingFollowsUndoneEdits() throws {
        var s = try Self.chainState(3)
        send(&s, .char("2"), .char("d"), .char("y"))
        #expect(s.design.components.count == 2)
        send(&s, .char("D"))
        #expect(s.diagram.layout?.components.count == 2)
        send(&s, .char("u"))
        #expect(s.design.components.count == 3)
        #expect(s.diagram.layout?.components.count == 3, "undo inside the diagram redraws it")
    }

    @Test func largeDesignsAreNotLaidOutInteractively() {
        var s = makeState(components: DiagramView.interactiveLimit + 1)
        send(&s, .char("D"))
        #expect(s.screen == .diagram && s.diagram.layout == nil)
    }
}
