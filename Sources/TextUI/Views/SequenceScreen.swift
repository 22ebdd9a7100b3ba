import DesignModel
import SequenceDiagram
import Workspace

/// A scenario as a sequence diagram, fitted to the screen's width: the participant rows stay
/// at the top while the messages scroll under them, and both scroll sideways together. Steps
/// not in the architecture are drawn in the warning colour and listed underneath; the one
/// selected there (or in the step editor) is highlighted.
enum SequenceScreen {
    static func render(_ state: AppState, _ rect: Rect, _ grid: inout Grid) {
        guard let id = state.scenarioScreens.scenario, let s = state.design.scenarios[id: id] else { return }
        let view = state.scenarioScreens.sequence
        var title = "Sequence — \(s.id) \(s.name) · \(s.tag.label.lowercased()) · \(s.stepCount) step\(s.stepCount == 1 ? "" : "s")"
        if view.ascii { title += " · ASCII" }
        grid.box(rect, style: Style.borderFocused.bold, kind: .heavy, title: title)
        let inner = rect.inset(horizontal: 1, vertical: 1)
        guard inner.width > 2, inner.height > 0 else { return }
        guard let layout = view.layout else {
            grid.put("No steps yet — s opens the step editor, a adds one.", x: inner.x + 1, y: inner.y, style: .dim,
                     maxWidth: inner.width - 1, ellipsis: "…")
            return
        }
        let v = view.viewport(state.size)
        let d = layout.drawing
        let x0 = inner.x + 1
        let header = min(d.headerHeight, v.height)
        let bodyRows = max(0, v.height - header)
        // Steps by the rows they take, to colour them.
        let warned = layout.unsupportedNumbers
        var rowStep: [Int: Int] = [:]
        for (k, m) in d.messages.enumerated() where warned.contains(k + 1) || view.focusStep == k + 1 {
            for r in m.all { rowStep[r] = k }
        }
        func draw(_ row: Int, at y: Int, style: Style) {
            guard row >= 0, row < d.height else { return }
            let line = d.window(top: row, left: view.scrollX, width: v.width, height: 1).first ?? ""
            grid.put(line, x: x0, y: y, style: style, maxWidth: v.width)
            guard let k = rowStep[row] else { return }
            let span = layout.columns(of: k)
            let lo = max(0, span.lowerBound - view.scrollX), hi = min(v.width, span.upperBound - view.scrollX)
            guard lo < hi else { return }
            let part = DisplayWidth.window(line, from: lo, width: hi - lo)
            let special: Style = view.focusStep == k + 1 ? Style(.highlight, [.bold]) : .warning
            grid.put(part, x: x0 + lo, y: y, style: special, maxWidth: hi - lo)
        }
        for r in 0..<header { draw(r, at: inner.y + r, style: .diagramBox) }
        for r in 0..<bodyRows {
            let row = d.headerHeight + view.scrollY + r
            draw(row, at: inner.y + header + r, style: d.legend.contains(row) ? .dim : .normal)
        }
        // Where the window is, when the drawing is larger than it.
        let bodyHeight = d.height - d.headerHeight
        var position: [String] = []
        if bodyHeight > bodyRows { position.append("rows \(view.scrollY + 1)–\(min(bodyHeight, view.scrollY + bodyRows)) of \(bodyHeight)") }
        if d.width > v.width { position.append("columns \(view.scrollX + 1)–\(min(d.width, view.scrollX + v.width)) of \(d.width) · h l") }
        if !position.isEmpty {
            let text = " " + position.joined(separator: " · ") + " "
            grid.put(text, x: rect.maxX - DisplayWidth.of(text) - 2, y: rect.maxY - 1, style: .dim)
        }
        missingPanel(state, layout, v, inner, &grid)
    }

    /// The steps not in the architecture, under the drawing: the selected one first in view.
    static func missingPanel(_ state: AppState, _ layout: LaidOutSequence, _ v: SequenceView.Viewport, _ inner: Rect,
                             _ grid: inout Grid) {
        let missing = layout.unsupported
        guard !missing.isEmpty, v.panelRows > 0 else { return }
        let top = inner.maxY - v.panelRows
        grid.hline(x: inner.x, y: top, length: inner.width, style: .border)
        let n = missing.count
        let heading = " ⚠ \(n) step\(n == 1 ? "" : "s") not in the architecture — n/N select · f adds the flow · u undoes "
        grid.put(heading, x: inner.x + 1, y: top, style: Style.warning.bold, maxWidth: inner.width - 2, ellipsis: "…")
        let selected = min(state.scenarioScreens.sequence.missing, n - 1)
        let first = ViewMemory.scroll(offset: 0, selected: selected, visible: v.panelLines, count: n)
        for (line, u) in missing.dropFirst(first).prefix(v.panelLines).enumerated() {
            let y = top + 1 + line
            let isSelected = first + line == selected
            let style: Style = isSelected ? .selection : .normal
            if isSelected { grid.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: style) }
            let name = { (c: ItemID<Component>) in state.design.components[id: c]?.name ?? c.rawValue }
            let ends = u.step.isSelfCall ? name(u.step.from) : "\(name(u.step.from)) \(StepText.arrow(u.step.kind)) \(name(u.step.to))"
            let text = "step \(u.number)  \(ends): \(u.step.message) — " + StepForms.reason(u, state.design)
            grid.put((isSelected ? "› " : "  ") + text, x: inner.x + 1, y: y, style: style, maxWidth: inner.width - 2, ellipsis: "…")
        }
    }
}
