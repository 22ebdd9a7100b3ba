import DesignModel
import Foundation

/// What a step editor form edits (`Form.Target.scenario`): a new or existing step, a block to
/// wrap entries in, an existing block, or a new branch of a block.
public enum ScenarioFormTarget: Equatable, Sendable {
    case newStep(ItemID<Scenario>, at: ScenarioPosition)
    case step(ItemID<Scenario>, ScenarioPath)
    /// Wrap the entries at `range` of a list in a new block.
    case wrap(ItemID<Scenario>, ScenarioListPath, ClosedRange<Int>)
    case block(ItemID<Scenario>, ScenarioPath)
    case newBranch(ItemID<Scenario>, block: ScenarioPath)

    public var scenario: ItemID<Scenario> {
        switch self {
        case .newStep(let s, _), .step(let s, _), .wrap(let s, _, _), .block(let s, _), .newBranch(let s, _): s
        }
    }
}

/// Where the step editor's selection goes after a form is confirmed: an entry (a step or a
/// block's first row), or one branch row of a block.
public struct StepAnchor: Equatable, Sendable {
    public var path: ScenarioPath
    public var branch: Int?
    public init(_ path: ScenarioPath, branch: Int? = nil) {
        self.path = path
        self.branch = branch
    }
}

/// The step editor's forms — a step (from, to, message, kind, flow, notes), a block (kind, a
/// condition per branch, attempts and timeout for retry), a branch — and writing them back
/// with the model's pure operations.
public enum StepForms {
    // MARK: steps

    /// The form for a new step at `position`, or for the step at `path`. A new step starts where
    /// the story is: from the receiver of the step above, to a component it has a flow to; when
    /// the receiver has no flow out, the step is its reply to the caller.
    public static func step(_ design: Design, scenario: Scenario, new position: ScenarioPosition?,
                            path: ScenarioPath?, after previous: ScenarioStep? = nil) -> Form {
        let existing = path.flatMap { scenario.node(at: $0)?.step }
        var ids = design.components.map(\.id.rawValue)
        var names = design.components.map { "\($0.name) (\($0.id))" }
        // A component deleted since keeps its place in the lists, so editing never changes it silently.
        for c in [existing?.from, existing?.to].compactMap({ $0 }) where !ids.contains(c.rawValue) {
            ids.append(c.rawValue)
            names.append("⚠ \(c) (not a component)")
        }
        let from: String, to: String
        var kind = existing?.kind ?? .sync
        if let existing {
            (from, to) = (existing.from.rawValue, existing.to.rawValue)
        } else {
            let start = previous?.to.rawValue ?? ids.first ?? ""
            from = start
            let outgoing = design.flows.first { $0.from.rawValue == start && $0.to.rawValue != start }
            let fallback = ids.first { $0 != start } ?? start
            if outgoing == nil, let previous, previous.kind == .sync, !previous.isSelfCall {
                to = previous.from.rawValue
                kind = .reply
            } else {
                to = outgoing?.to.rawValue ?? fallback
            }
        }
        let target: ScenarioFormTarget = path.map { .step(scenario.id, $0) }
            ?? .newStep(scenario.id, at: position ?? ScenarioPosition(index: Int.max))
        var form = Form(
            title: existing == nil ? "New step in \(scenario.id)" : "Edit step of \(scenario.id)",
            target: .scenario(target),
            fields: [
                .init("from", "From", choices: names, selected: ids.firstIndex(of: from) ?? 0, ids: ids),
                .init("to", "To", choices: names, selected: ids.firstIndex(of: to) ?? 0, ids: ids),
                .init("message", "Message", text: existing?.message ?? ""),
                .init("kind", "Kind", choices: ScenarioStep.Kind.labels, selected: kind.caseIndex),
                .init("flow", "Data flow", choices: ["Match automatically"], selected: 0, ids: [existing?.flow?.rawValue ?? ""]),
                .init("notes", "Notes", paragraph: existing?.notes ?? ""),
            ])
        adjust(&form, design)
        // What the form opened with counts as unchanged (the flow list was filled in above).
        return Form(title: form.title, target: form.target, fields: form.fields)
    }

    /// Keeps the data-flow list matching the chosen ends and kind while the form is edited:
    /// "Match automatically" (saying what that finds), then every flow the step could travel on,
    /// and a flow the step names that does not fit, so it is not dropped silently.
    public static func adjust(_ form: inout Form, _ design: Design) {
        guard case .scenario(let target) = form.target else { return }
        switch target {
        case .newStep, .step: adjustFlowChoice(&form, design)
        case .wrap, .block: adjustBlock(&form)
        case .newBranch: break
        }
    }

    static func adjustFlowChoice(_ form: inout Form, _ design: Design) {
        guard let i = form.fields.firstIndex(where: { $0.key == "flow" }),
              let from = form["from"]?.choiceID, let to = form["to"]?.choiceID else { return }
        let kind = ScenarioStep.Kind.fromIndex(form.choice("kind"))
        let current = form.fields[i].choiceID ?? ""
        let fromID = ItemID<Component>(from), toID = ItemID<Component>(to)
        let candidates = FlowMatcher(design).candidates(from: fromID, to: toID, kind: kind)
        let automatic = design.flowMatch(for: ScenarioStep(from: fromID, to: toID, message: "", kind: kind))
        var labels = ["Match automatically: " + describe(automatic, design)]
        var ids = [""]
        for f in candidates {
            ids.append(f.rawValue)
            labels.append(flowLabel(f, design))
        }
        if !current.isEmpty && !ids.contains(current) {
            ids.append(current)
            labels.append(design.flows[id: ItemID(current)] == nil ? "⚠ \(current) (no such flow)"
                          : "⚠ " + flowLabel(ItemID(current), design) + " (does not connect them)")
        }
        let selected = ids.firstIndex(of: current) ?? 0
        form.fields[i].value = .choice(labels, selected)
        form.fields[i].ids = ids
    }

    static func flowLabel(_ id: ItemID<Flow>, _ design: Design) -> String {
        guard let f = design.flows[id: id] else { return id.rawValue }
        let name = { (c: ItemID<Component>) in design.components[id: c]?.name ?? c.rawValue }
        return "\(f.id)  \(name(f.from)) \(f.direction == .twoWay ? "↔" : "→") \(name(f.to))" + (f.label.isEmpty ? "" : ": \(f.label)")
    }

    /// What automatic matching finds, in a few words.
    public static func describe(_ match: FlowMatch, _ design: Design) -> String {
        switch match {
        case .selfCall: "a self-call needs no flow"
        case .matched(let f), .explicit(let f): flowLabel(f, design)
        case .ambiguous(let fs): "\(fs.count) flows fit (\(fs.map(\.rawValue).joined(separator: ", "))) — pick one"
        case .missing: "no flow — not in the architecture"
        case .unknownComponent(let c): "\(c) is not a component"
        case .unknownFlow(let f): "\(f) does not exist"
        case .wrongFlow(let f): "\(f) does not connect them"
        }
    }

    /// Why a step is not in the architecture, in a few words ("no data flow from A to B").
    public static func reason(_ u: UnsupportedStep, _ design: Design) -> String {
        let name = { (c: ItemID<Component>) in design.components[id: c]?.name ?? c.rawValue }
        switch u.match {
        case .unknownComponent(let c): return "\(c) is not a component of the design"
        case .unknownFlow(let f): return "it names \(f), which does not exist"
        case .wrongFlow(let f): return "it names \(f), which does not connect \(name(u.step.from)) to \(name(u.step.to))"
        default:
            return u.step.kind == .reply ? "no data flow between \(name(u.step.from)) and \(name(u.step.to))"
                : "no data flow from \(name(u.step.from)) to \(name(u.step.to))"
        }
    }

    static func applyStep(_ form: Form, _ target: ScenarioFormTarget, to design: inout Design) -> Result<StepAnchor, FormError> {
        let message = form.text("message").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !message.isEmpty else { return .failure(FormError("Say what the step sends (\"GET /{code}\", \"publish click\").")) }
        guard let from = form["from"]?.choiceID, let to = form["to"]?.choiceID else {
            return .failure(FormError("Add components first: a step goes from one to another."))
        }
        let flow = form["flow"]?.choiceID.flatMap { $0.isEmpty ? nil : ItemID<Flow>($0) }
        let step = ScenarioStep(from: ItemID(from), to: ItemID(to), message: message,
                                kind: .fromIndex(form.choice("kind")), notes: form.text("notes"), flow: flow)
        return edit(target.scenario, in: &design) { s throws(ScenarioEditError) -> StepAnchor in
            switch target {
            case .newStep(_, let position): return StepAnchor(try s.insert(.step(step), at: position))
            case .step(_, let path):
                try s.updateStep(at: path, step)
                return StepAnchor(path)
            default: throw .noSuchEntry
            }
        }
    }

    // MARK: blocks

    /// The form that wraps entries in a new block: its kind, the first branch's condition, an
    /// optional second branch (else / and / fallback), and attempts and timeout for retry.
    public static func wrap(_ scenario: Scenario, list: ScenarioListPath, range: ClosedRange<Int>,
                            kind: ScenarioBlock.Kind = .alt) -> Form {
        var form = Form(title: "Wrap in a block", target: .scenario(.wrap(scenario.id, list, range)), fields: [
            .init("kind", "Block", choices: ScenarioBlock.Kind.labels, selected: kind.caseIndex),
            .init("cond0", "Condition", text: ""),
            .init("cond1", "Else", text: ""),
            .init("attempts", "Attempts", text: ""),
            .init("timeout", "Timeout", text: ""),
        ])
        adjustBlock(&form)
        return Form(title: form.title, target: form.target, fields: form.fields)
    }

    /// The form for an existing block: its kind, every branch's condition, attempts and timeout.
    /// `focusBranch` puts the cursor on that branch's condition.
    public static func block(_ scenario: Scenario, path: ScenarioPath, focusBranch: Int? = nil) -> Form? {
        guard case .block(let b)? = scenario.node(at: path) else { return nil }
        var fields: [Form.Field] = [.init("kind", "Block", choices: ScenarioBlock.Kind.labels, selected: b.kind.caseIndex)]
        for (i, br) in b.branches.enumerated() { fields.append(.init("cond\(i)", "Condition", text: br.condition)) }
        fields.append(.init("attempts", "Attempts", text: b.attempts.map(String.init) ?? ""))
        fields.append(.init("timeout", "Timeout", text: b.timeout ?? ""))
        var form = Form(title: "Edit \(b.kind.rawValue) block of \(scenario.id)", target: .scenario(.block(scenario.id, path)),
                        fields: fields)
        adjustBlock(&form)
        form = Form(title: form.title, target: form.target, fields: form.fields)
        if let focusBranch, let i = form.fields.firstIndex(where: { $0.key == "cond\(focusBranch)" }) { form.focus = i }
        return form
    }

    /// The form for a new branch (else, and, fallback) at the end of a block.
    public static func branch(_ scenario: Scenario, block path: ScenarioPath) -> Form? {
        guard case .block(let b)? = scenario.node(at: path) else { return nil }
        let word = b.kind.keyword(branch: b.branches.count)
        return Form(title: "New \(word) branch", target: .scenario(.newBranch(scenario.id, block: path)),
                    fields: [.init("condition", word.prefix(1).uppercased() + word.dropFirst() + " condition", text: "")])
    }

    /// Labels the condition fields by what the kind calls its branches ("alt", "else"), and shows
    /// attempts and timeout for retry blocks only (a value typed for another kind stays in sight
    /// until it is cleared). The wrap form's second-branch field goes for kinds with one branch.
    static func adjustBlock(_ form: inout Form) {
        let kind = ScenarioBlock.Kind.fromIndex(form.choice("kind"))
        let focusedKey = form.fields.indices.contains(form.focus) ? form.fields[form.focus].key : nil
        var i = 0
        while let at = form.fields.firstIndex(where: { $0.key == "cond\(i)" }) {
            form.fields[at].label = conditionLabel(kind, branch: i)
            i += 1
        }
        var wrapping = false
        if case .scenario(.wrap) = form.target { wrapping = true }
        func keep(_ key: String, _ label: String, shown: Bool, after: String) {
            if let at = form.fields.firstIndex(where: { $0.key == key }) {
                if shown || !form.fields[at].text.isEmpty || focusedKey == key {
                    form.fields[at].label = label
                } else {
                    form.fields.remove(at: at)
                }
            } else if shown {
                let anchor = form.fields.lastIndex(where: { $0.key == after || $0.key.hasPrefix("cond") }) ?? 0
                form.fields.insert(.init(key, label, text: ""), at: anchor + 1)
            }
        }
        if wrapping {
            keep("cond1", conditionLabel(kind, branch: 1) + " (optional)", shown: kind.maxBranches == nil, after: "cond0")
        }
        keep("attempts", "Attempts", shown: kind == .retry, after: "cond0")
        keep("timeout", "Timeout", shown: kind == .retry, after: "attempts")
        if let focusedKey, let at = form.fields.firstIndex(where: { $0.key == focusedKey }) { form.focus = at }
    }

    static func conditionLabel(_ kind: ScenarioBlock.Kind, branch: Int) -> String {
        switch (kind, branch) {
        case (.alt, 0): "If"
        case (.alt, _): "Else"
        case (.opt, _): "Only if"
        case (.loop, _): "Repeat while"
        case (.par, _): "Part \(branch + 1)"
        case (.retry, 0): "What is tried"
        case (.retry, _): "Fallback \(branch)"
        }
    }

    /// Reads attempts (a whole number from 1, or empty) and timeout from a block form.
    static func retrySettings(_ form: Form, kind: ScenarioBlock.Kind) -> Result<(Int?, String?), FormError> {
        guard kind == .retry else {
            if !FormText.trimmed(form.text("attempts")).isEmpty || !FormText.trimmed(form.text("timeout")).isEmpty {
                return .failure(FormError("Attempts and timeout belong to retry blocks: clear them, or make the block a retry."))
            }
            return .success((nil, nil))
        }
        let a = FormText.trimmed(form.text("attempts"))
        var attempts: Int?
        if !a.isEmpty {
            guard let n = Int(a), (1...1_000_000).contains(n) else {
                return .failure(FormError("Attempts is a whole number from 1 (how many times the first branch is tried in all)."))
            }
            attempts = n
        }
        let t = FormText.trimmed(form.text("timeout"))
        return .success((attempts, t.isEmpty ? nil : t))
    }

    static func applyBlock(_ form: Form, _ target: ScenarioFormTarget, to design: inout Design) -> Result<StepAnchor, FormError> {
        let kind = ScenarioBlock.Kind.fromIndex(form.choice("kind"))
        let retry: (Int?, String?)
        switch retrySettings(form, kind: kind) {
        case .success(let r): retry = r
        case .failure(let e): return .failure(e)
        }
        var conditions: [String] = []
        while let f = form["cond\(conditions.count)"] { conditions.append(FormText.trimmed(f.text)) }
        switch target {
        case .wrap(let id, let list, let range):
            return edit(id, in: &design) { s throws(ScenarioEditError) -> StepAnchor in
                let path = try s.wrap(range, in: list, kind: kind, condition: conditions.first ?? "")
                try s.updateBlock(at: path) { b in
                    (b.attempts, b.timeout) = retry
                    if kind.maxBranches == nil, conditions.count > 1, !conditions[1].isEmpty {
                        b.branches.append(ScenarioBlock.Branch(condition: conditions[1]))
                    }
                }
                return StepAnchor(path)
            }
        case .block(let id, let path):
            if let max = kind.maxBranches, conditions.count > max {
                return .failure(FormError("\(kind.label) blocks have one branch: remove the others first (B on a branch), or keep the kind."))
            }
            return edit(id, in: &design) { s throws(ScenarioEditError) -> StepAnchor in
                try s.updateBlock(at: path) { b in
                    b.kind = kind
                    for (i, c) in conditions.enumerated() where b.branches.indices.contains(i) { b.branches[i].condition = c }
                    (b.attempts, b.timeout) = retry
                }
                return StepAnchor(path)
            }
        default:
            return .failure(FormError("Not a block form."))
        }
    }

    static func applyBranch(_ form: Form, block path: ScenarioPath, scenario id: ItemID<Scenario>,
                            to design: inout Design) -> Result<StepAnchor, FormError> {
        let condition = FormText.trimmed(form.text("condition"))
        return edit(id, in: &design) { s throws(ScenarioEditError) -> StepAnchor in
            let i = try s.addBranch(toBlockAt: path, condition: condition)
            return StepAnchor(path, branch: i)
        }
    }

    // MARK: writing back

    /// Writes a confirmed step editor form into the design; where the selection goes.
    public static func apply(_ form: Form, _ target: ScenarioFormTarget, to design: inout Design) -> Result<StepAnchor, FormError> {
        switch target {
        case .newStep, .step: applyStep(form, target, to: &design)
        case .wrap, .block: applyBlock(form, target, to: &design)
        case .newBranch(let id, let path): applyBranch(form, block: path, scenario: id, to: &design)
        }
    }

    /// Runs an edit on one scenario; a refused edit leaves the design as it was and says why.
    static func edit(_ id: ItemID<Scenario>, in design: inout Design,
                     _ body: (inout Scenario) throws(ScenarioEditError) -> StepAnchor) -> Result<StepAnchor, FormError> {
        guard let i = design.scenarios.firstIndex(of: id) else {
            return .failure(FormError("Scenario \(id) no longer exists."))
        }
        var s = design.scenarios[i]
        do throws(ScenarioEditError) {
            let anchor = try body(&s)
            if s.blockNesting > Design.maxScenarioNesting {
                return .failure(FormError("Blocks nest at most \(Design.maxScenarioNesting) deep."))
            }
            design.scenarios[i] = s
            return .success(anchor)
        } catch {
            return .failure(FormError("Cannot: \(error.description)."))
        }
    }
}
