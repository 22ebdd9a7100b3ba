import DesignModel
import Workspace

/// The step editor: the scenario's outline (steps numbered, blocks as brackets with their
/// branches), the selection and a marked range, and the selected row in full underneath.
enum StepsScreen {
    /// Where the list's scroll offset is kept in `ViewMemory`.
    static let memoryKey = Pane("scenario-steps")

    static func render(_ state: AppState, _ rect: Rect, _ grid: inout Grid, _ memory: inout ViewMemory) {
        guard let id = state.scenarioScreens.scenario, let s = state.design.scenarios[id: id] else { return }
        let design = state.design
        let missing = design.unsupportedSteps(in: s).count
        var title = "Steps — \(s.id) \(s.name) · \(s.stepCount) step\(s.stepCount == 1 ? "" : "s")"
        if missing > 0 { title += " · ⚠ \(missing) not in the architecture" }
        grid.box(rect, style: Style.borderFocused.bold, kind: .heavy, title: title)
        let inner = rect.inset(horizontal: 1, vertical: 1)
        guard inner.width > 4, inner.height > 0 else { return }
        let rows = s.outline
        let detailHeight = inner.height >= 18 ? 7 : (inner.height >= 10 ? 4 : 0)
        let listHeight = max(1, inner.height - (detailHeight > 0 ? detailHeight + 1 : 0))
        if rows.isEmpty {
            grid.put("No steps yet — a adds the first one: who sends what to whom.", x: inner.x + 1, y: inner.y,
                     style: .dim, maxWidth: inner.width - 1, ellipsis: "…")
            return
        }
        let editor = state.scenarioScreens.editor
        let selected = min(max(0, editor.row), rows.count - 1)
        let marked = editor.markedRows(in: s)
        let offset = ViewMemory.scroll(offset: memory.offsets[memoryKey] ?? 0, selected: selected,
                                       visible: listHeight, count: rows.count)
        memory.offsets[memoryKey] = offset
        let matcher = FlowMatcher(design), names = StepText.names(design)
        let numberWidth = String(s.stepCount).count
        for line in 0..<min(listHeight, rows.count - offset) {
            let index = offset + line
            let y = inner.y + line
            let r = StepText.row(rows[index], in: s, design, matcher: matcher, names: names)
            let isSelected = index == selected
            let inRange = marked?.contains(index) ?? false
            let base: Style = isSelected ? .selection : (inRange ? .selectionInactive : .normal)
            if isSelected || inRange { grid.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: base) }
            var x = inner.x + 1
            let limit = inner.maxX - 1
            let number = String(repeating: " ", count: max(0, numberWidth - r.number.count)) + r.number
            x += grid.put(number, x: x, y: y, style: isSelected ? base.bold : Style.dim, maxWidth: limit - x)
            x += 1
            let textStyle: Style = r.number.isEmpty && !isSelected ? .accent : base
            let trailing = Sanitize.forDisplay(r.trailing)
            let text = Sanitize.forDisplay(r.text)
            let available = max(0, limit - x)
            let wantTrailing = trailing.isEmpty ? 0 : DisplayWidth.of(trailing) + 2
            let mainWidth = DisplayWidth.of(text)
            let mainRoom = mainWidth + wantTrailing <= available ? mainWidth
                : min(mainWidth, max(available * 6 / 10, available - wantTrailing))
            grid.put(text, x: x, y: y, style: textStyle, maxWidth: mainRoom, ellipsis: "…")
            let trailingRoom = min(wantTrailing, available - mainRoom)
            if trailingRoom > 3 {
                let t = DisplayWidth.truncate(trailing, to: trailingRoom - 2)
                let style: Style = isSelected ? base : (r.warning ? .warning : .dim)
                grid.put(t, x: limit - DisplayWidth.of(t), y: y, style: style)
            }
        }
        if rows.count > listHeight {
            let text = " \(selected + 1)/\(rows.count) "
            grid.put(text, x: rect.maxX - DisplayWidth.of(text) - 1, y: rect.maxY - 1, style: .dim)
        }
        guard detailHeight > 0 else { return }
        let ruleY = inner.y + listHeight
        grid.hline(x: inner.x, y: ruleY, length: inner.width, style: .border)
        let area = Rect(x: inner.x + 1, y: ruleY + 1, width: inner.width - 2, height: inner.maxY - ruleY - 1)
        DetailText.render(detail(rows[selected], s, design), in: area, scroll: 0, &grid)
    }

    /// The selected row in full: a step's ends, message, kind, data flow and notes; a block's
    /// kind, branches and retry settings.
    static func detail(_ r: ScenarioOutlineRow, _ s: Scenario, _ design: Design) -> [DetailLine] {
        let name = { (c: ItemID<Component>) in design.components[id: c]?.name ?? "⚠ \(c) (not a component)" }
        switch r.kind {
        case .step(let n):
            guard let step = s.node(at: r.path)?.step else { return [] }
            var out = [DetailLine("Step \(n)", step.isSelfCall ? "\(name(step.from)) calls itself"
                                                : "\(name(step.from)) \(StepText.arrow(step.kind)) \(name(step.to))"),
                       DetailLine("Message", (step.message.isEmpty ? "—" : step.message) + "  (\(step.kind.label.lowercased()))"),
                       DetailLine("Data flow", StepText.flowText(step, design.flowMatch(for: step), design))]
            if !step.notes.isEmpty { out.append(DetailLine("Notes", step.notes)) }
            return out
        case .blockStart, .branch, .blockEnd:
            guard case .block(let b)? = s.node(at: r.path) else { return [] }
            let steps = ScenarioNode.block(b).stepCount
            var out = [DetailLine("Block", "\(b.kind.label) · \(b.branches.count) branch\(b.branches.count == 1 ? "" : "es") · \(steps) step\(steps == 1 ? "" : "s")"),
                       DetailLine("Branches", b.branches.indices.map { StepText.label(b, branch: $0) }.joined(separator: "\n"))]
            if b.kind == .retry, b.attempts == nil && (b.timeout ?? "").isEmpty {
                out.append(DetailLine("Retry", "no attempts or timeout yet — e sets them"))
            }
            out.append(DetailLine("Keys", "e edits · b adds a branch · B removes one · W unwraps · d deletes"))
            return out
        }
    }
}
