import Foundation
import DesignModel
import Workspace

/// Draws the whole workspace into a grid: the one entry point the backend calls each frame.
public enum WorkspaceView {
    public static func render(_ state: AppState, into grid: inout Grid, memory: inout ViewMemory) {
        grid.resize(width: state.size.columns, height: state.size.rows)
        if state.size.isTooSmall {
            TooSmallView.render(state, into: &grid)
            return
        }
        let layout = ScreenLayout.compute(state.size, focus: state.focus)
        Chrome.header(state, layout.header, &grid)
        switch state.screen {
        case .panes:
            if let tabs = layout.tabs { Chrome.tabs(state, tabs, &grid) }
            for (pane, rect) in layout.panes { PaneList.render(state, pane, rect, &grid, &memory) }
            if let detail = layout.detail { Chrome.detail(state, detail, &grid) }
        case .checklist:
            ChecklistScreen.render(state, layout.body, &grid, &memory)
        case .diagram:
            DiagramScreen.render(state, layout.body, &grid)
        }
        Chrome.status(state, layout.status, &grid)
        for overlay in state.overlays { OverlayView.render(overlay, state, &grid) }
    }

    /// How far a scrolling area can scroll in the layout of the current screen.
    public static func scrollLimit(_ state: AppState, _ area: ScrollArea) -> Int {
        switch area {
        case .details:
            let layout = ScreenLayout.compute(state.size, focus: state.focus)
            guard let rect = layout.detail, let i = state.selectedIndex(state.focus) else { return 0 }
            let inner = rect.inset(horizontal: 2, vertical: 1)
            return DetailText.maxScroll(RowText.detail(state, state.focus, i), width: inner.width, height: inner.height)
        case .itemView(let pane, let id):
            guard let i = pane.kind.index(state.design, id) else { return 0 }
            let width = min(state.size.columns - 2, 100) - 4
            let height = max(1, state.size.rows - 2 - 2 - 1)
            return DetailText.maxScroll(RowText.detail(state, pane, i), width: width, height: height)
        }
    }

    /// Turns a mouse event into an action using the same layout the frame was drawn with.
    public static func hitTest(_ event: MouseEvent, _ state: AppState, _ memory: ViewMemory) -> Action? {
        guard !state.size.isTooSmall else { return nil }
        let layout = ScreenLayout.compute(state.size, focus: state.focus)
        if layout.header.contains(x: event.x, y: event.y) {
            return event.kind == .press ? .clickedTitle : nil
        }
        guard state.screen == .panes else { return nil }
        if let tabs = layout.tabs, tabs.contains(x: event.x, y: event.y), event.kind == .press {
            for (pane, range) in Chrome.tabRanges(state) where range.contains(event.x) {
                return .clickedPane(pane, row: nil)
            }
            return nil
        }
        for (pane, rect) in layout.panes where rect.contains(x: event.x, y: event.y) {
            switch event.kind {
            case .wheelUp: return .wheel(pane, delta: -3)
            case .wheelDown: return .wheel(pane, delta: 3)
            case .press:
                let inner = rect.inset(by: 1)
                guard inner.contains(x: event.x, y: event.y) else { return .clickedPane(pane, row: nil) }
                let row = (memory.offsets[pane] ?? 0) + event.y - inner.y
                return .clickedPane(pane, row: row < state.visibleRows(pane).count ? row : nil)
            }
        }
        return nil
    }
}

enum TooSmallView {
    /// The size notice; a question that is waiting (quit with unsaved changes, a delete) is
    /// still shown, in short, so the keys that answer it are not pressed blind.
    static func render(_ state: AppState, into grid: inout Grid) {
        let size = state.size
        var lines = ["Terminal too small: \(size.columns)×\(size.rows)",
                     "sysdraft needs at least \(ScreenSize.minimum.columns)×\(ScreenSize.minimum.rows).",
                     "Enlarge the window; q quits."]
        if case .confirm(let confirm)? = state.overlays.last {
            // The whole question, not only its title: the answer must not be given blind.
            let question = confirm.title + ": " + confirm.message + " — "
                + confirm.options.map { "\($0.key) \($0.label)" }.joined(separator: " · ")
            let safe = Sanitize.forDisplay(question)
            lines.removeLast()
            lines += DisplayWidth.wrapRanges(safe[...], width: max(1, size.columns))
                .map { String(safe[$0]).trimmingCharacters(in: .whitespaces) }
        }
        let top = max(0, (size.rows - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < size.rows {
            grid.put(line, in: Rect(x: 0, y: top + i, width: size.columns, height: 1),
                     style: i == 0 ? Style.warning.bold : .normal, alignment: .center)
        }
    }
}
