import Workspace

/// Where each part of the workspace goes for a screen size. Pure rect arithmetic, shared by
/// drawing and mouse hit-testing so the two always agree.
public struct ScreenLayout: Equatable, Sendable {
    public var header: Rect
    /// Pane tabs, only on terminals too small for the 2×2 grid.
    public var tabs: Rect?
    /// The rect of each pane that is visible (all four in grid mode, the focused one otherwise).
    public var panes: [Pane: Rect]
    /// The selected item's details.
    public var detail: Rect?
    /// The area for full-screen views (checklist, diagram).
    public var body: Rect
    public var status: Rect

    public static func compute(_ size: ScreenSize, focus: Pane) -> ScreenLayout {
        let all = Rect(x: 0, y: 0, width: size.columns, height: size.rows)
        let (header, rest) = all.splitTop(1)
        let (middle, status) = rest.splitBottom(1)
        if size.fitsGrid && focus.inGrid {
            let detailHeight = size.rows >= 40 ? 8 : 6
            let (panesArea, detail) = middle.splitBottom(detailHeight)
            let rows = panesArea.rows(.fill, .fill)
            let top = rows[0].columns(.fill, .fill)
            let bottom = rows[1].columns(.fill, .fill)
            return ScreenLayout(header: header, tabs: nil,
                                panes: [.requirements: top[0], .components: top[1], .flows: bottom[0], .tradeOffs: bottom[1]],
                                detail: detail, body: middle, status: status)
        }
        let (tabs, below) = middle.splitTop(1)
        // One list at a time (a small screen, or a kind outside the grid): the details get more
        // room when there is room.
        let detailHeight = size.rows >= 30 ? max(8, below.height * 2 / 5) : (size.rows >= 22 ? 5 : 0)
        let (pane, detail) = below.splitBottom(detailHeight)
        return ScreenLayout(header: header, tabs: tabs, panes: [focus: pane],
                            detail: detailHeight > 0 ? detail : nil, body: middle, status: status)
    }
}

/// What the views remember between frames that is not application state: scroll offsets.
/// (Like ratatui's `ListState`: the selection lives in the app state, the viewport here.)
public struct ViewMemory: Sendable {
    public var offsets: [Pane: Int] = [:]
    public var checklistOffset = 0

    public init() {}

    /// Adjusts a list's first visible row so `selected` stays in view, moving as little as possible.
    static func scroll(offset: Int, selected: Int, visible: Int, count: Int) -> Int {
        guard visible > 0, count > visible else { return 0 }
        var o = min(max(offset, 0), count - visible)
        if selected < o { o = selected }
        if selected >= o + visible { o = selected - visible + 1 }
        return o
    }
}
