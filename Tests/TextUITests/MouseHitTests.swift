import DesignModel
import Foundation
import Testing
import TextUI
import Workspace

/// Clicks and wheel turns map to the pane and row drawn under the pointer.
@Suite struct MouseHitTests {
    func state(_ columns: Int, _ rows: Int, components: Int = 40) -> AppState {
        var d = Design(title: "Mouse", now: Date(timeIntervalSince1970: 0))
        for i in 0..<components { d.addComponent(name: "C\(i)", kind: .service) }
        let catalogue = StageCatalogue(stages: StageKey.allCases.map {
            .init(key: $0, title: $0.label, shortTitle: $0.label, purpose: "", items: [.init(key: "\($0.rawValue).a", text: "a")])
        })
        var s = AppState(design: d, filePath: "/tmp/m.json", catalogue: catalogue)
        s.size = ScreenSize(columns: columns, rows: rows)
        return s
    }

    @Test func clickingARowSelectsThatItemInThatPane() {
        var s = state(120, 40)
        var grid = Grid(width: 0, height: 0)
        var memory = ViewMemory()
        WorkspaceView.render(s, into: &grid, memory: &memory)
        // The components pane is the top-right quarter; its first row is just under the border.
        let layout = ScreenLayout.compute(s.size, focus: s.focus)
        let pane = layout.panes[.components]!
        let action = WorkspaceView.hitTest(MouseEvent(.press, x: pane.x + 5, y: pane.y + 3), s, memory)
        #expect(action == .clickedPane(.components, row: 2))
        _ = Workspace.reduce(&s, action!, Environment(now: { Date() }))
        #expect(s.focus == .components)
        #expect(s.selectedComponent?.name == "C2")
        // After scrolling, the same screen row means a later item.
        for _ in 0..<30 { _ = Workspace.reduce(&s, .key(.char("j")), Environment(now: { Date() })) }
        WorkspaceView.render(s, into: &grid, memory: &memory)
        let offset = memory.offsets[.components] ?? 0
        #expect(offset > 0)
        #expect(WorkspaceView.hitTest(MouseEvent(.press, x: pane.x + 5, y: pane.y + 1), s, memory)
                == .clickedPane(.components, row: offset))
    }

    @Test func theWheelScrollsThePaneUnderThePointer() {
        let s = state(120, 40)
        let layout = ScreenLayout.compute(s.size, focus: s.focus)
        let flows = layout.panes[.flows]!
        #expect(WorkspaceView.hitTest(MouseEvent(.wheelDown, x: flows.x + 2, y: flows.y + 2), s, ViewMemory())
                == .wheel(.flows, delta: 3))
        #expect(WorkspaceView.hitTest(MouseEvent(.wheelUp, x: flows.x + 2, y: flows.y + 2), s, ViewMemory())
                == .wheel(.flows, delta: -3))
    }

    @Test func clickingATabFocusesItsPaneOnSmallTerminals() {
        let s = state(80, 24)
        var grid = Grid(width: 0, height: 0)
        var memory = ViewMemory()
        WorkspaceView.render(s, into: &grid, memory: &memory)
        let tabsRow = grid.lines()[1]
        let x = DisplayWidth.of(String(tabsRow[..<tabsRow.range(of: " 3 ")!.lowerBound]))
        #expect(WorkspaceView.hitTest(MouseEvent(.press, x: x + 1, y: 1), s, memory) == .clickedPane(.flows, row: nil))
    }

    @Test func clicksOutsideThePanesDoNothing() {
        let s = state(120, 40)
        #expect(WorkspaceView.hitTest(MouseEvent(.press, x: 5, y: 0), s, ViewMemory()) == .clickedTitle,
                "a click on the header edits the title and problem")
        #expect(WorkspaceView.hitTest(MouseEvent(.wheelDown, x: 5, y: 0), s, ViewMemory()) == nil)
        #expect(WorkspaceView.hitTest(MouseEvent(.press, x: 5, y: 39), s, ViewMemory()) == nil, "the status bar")
        let tiny = state(40, 10)
        #expect(WorkspaceView.hitTest(MouseEvent(.press, x: 5, y: 5), tiny, ViewMemory()) == nil)
    }
}
