import DesignModel
import Workspace

/// How a scenario's steps read as text: one outline row per step, block start, branch and
/// block end, with guides for nesting, and what a step travels on. The step editor and the
/// scenario's full view both use it.
enum StepText {
    struct Row {
        /// "3" for a step, "" for a block's rows.
        var number: String
        /// Guides for the enclosing blocks and the row's own text.
        var text: String
        /// Kind and data flow of a step ("call · flow-8", "⚠ no flow"); empty for block rows.
        var trailing: String
        /// The step is not in the architecture.
        var warning: Bool
    }

    static func arrow(_ kind: ScenarioStep.Kind) -> String {
        kind == .sync ? "→" : "⇢"
    }

    static func row(_ r: ScenarioOutlineRow, in s: Scenario, _ design: Design, matcher: FlowMatcher,
                    names: [ItemID<Component>: String]) -> Row {
        let guides = String(repeating: "│ ", count: r.depth)
        func name(_ id: ItemID<Component>) -> String { names[id] ?? "⚠ \(id)" }
        switch r.kind {
        case .step(let n):
            guard let step = s.node(at: r.path)?.step else { return Row(number: "", text: guides, trailing: "", warning: false) }
            let match = matcher.match(step)
            let text = step.isSelfCall
                ? "\(name(step.from)) ↺ \(step.message)"
                : "\(name(step.from)) \(arrow(step.kind)) \(name(step.to)): \(step.message)"
            return Row(number: "\(n)", text: guides + text, trailing: trailing(step, match), warning: !match.isInArchitecture)
        case .blockStart, .branch, .blockEnd:
            guard case .block(let b)? = s.node(at: r.path) else { return Row(number: "", text: guides, trailing: "", warning: false) }
            switch r.kind {
            case .blockStart: return Row(number: "", text: guides + "┌ " + label(b, branch: 0), trailing: "", warning: false)
            case .branch(let i): return Row(number: "", text: guides + "├ " + label(b, branch: i), trailing: "", warning: false)
            default: return Row(number: "", text: guides + "└ end \(b.kind.rawValue)", trailing: "", warning: false)
            }
        }
    }

    /// "alt [cache hit]", "retry [3 attempts, timeout 50 ms: cache lookup]".
    static func label(_ b: ScenarioBlock, branch i: Int) -> String {
        let caption = b.caption(branch: i)
        return b.kind.keyword(branch: i) + (caption.isEmpty ? "" : " [\(caption)]")
    }

    static func trailing(_ step: ScenarioStep, _ match: FlowMatch) -> String {
        let kind = step.isSelfCall ? "self-call" : step.kind == .sync ? "call" : step.kind == .async ? "async" : "reply"
        switch match {
        case .selfCall: return kind
        case .matched(let f): return "\(kind) · \(f)"
        case .explicit(let f): return "\(kind) · \(f) (chosen)"
        case .ambiguous(let fs): return "\(kind) · \(fs.count) flows fit"
        case .missing: return "\(kind) · ⚠ no flow"
        case .unknownFlow(let f): return "\(kind) · ⚠ \(f) missing"
        case .wrongFlow(let f): return "\(kind) · ⚠ \(f) wrong way"
        case .unknownComponent: return "\(kind) · ⚠ no component"
        }
    }

    static func names(_ design: Design) -> [ItemID<Component>: String] {
        var out: [ItemID<Component>: String] = [:]
        for c in design.components where out[c.id] == nil { out[c.id] = c.name }
        return out
    }

    /// The whole outline as lines ("3. Redirect service → Link cache: GET code   call · flow-8").
    static func outlineLines(_ s: Scenario, _ design: Design) -> [String] {
        let matcher = FlowMatcher(design), names = names(design)
        return s.outline.map { r in
            let row = row(r, in: s, design, matcher: matcher, names: names)
            let number = row.number.isEmpty ? "" : row.number + ". "
            return number + row.text + (row.trailing.isEmpty ? "" : "   " + row.trailing)
        }
    }

    /// What a step travels on, said in full, for the details.
    static func flowText(_ step: ScenarioStep, _ match: FlowMatch, _ design: Design) -> String {
        let name = { (c: ItemID<Component>) in design.components[id: c]?.name ?? c.rawValue }
        switch match {
        case .selfCall: return "a self-call: nothing travels between components"
        case .matched(let f): return StepFlowText.label(f, design) + " (the only flow that fits)"
        case .explicit(let f): return StepFlowText.label(f, design) + " (chosen by hand)"
        case .ambiguous(let fs): return "\(fs.map(\.rawValue).joined(separator: ", ")) all fit — e picks one"
        case .missing:
            let way = step.kind == .reply ? "between \(name(step.from)) and \(name(step.to))" : "from \(name(step.from)) to \(name(step.to))"
            return "⚠ not in the architecture: no data flow \(way) — f adds one"
        case .unknownComponent(let c): return "⚠ \(c) is not a component of the design — e changes the step"
        case .unknownFlow(let f): return "⚠ names \(f), which does not exist — f matches again"
        case .wrongFlow(let f): return "⚠ names \(f), which does not connect them — f matches again"
        }
    }
}

enum StepFlowText {
    static func label(_ id: ItemID<Flow>, _ design: Design) -> String {
        guard let f = design.flows[id: id] else { return id.rawValue }
        let name = { (c: ItemID<Component>) in design.components[id: c]?.name ?? c.rawValue }
        return "\(f.id) \(name(f.from)) \(f.direction == .twoWay ? "↔" : "→") \(name(f.to))" + (f.label.isEmpty ? "" : ": \(f.label)")
    }
}
