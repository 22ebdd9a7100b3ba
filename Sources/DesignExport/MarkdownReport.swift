import DesignModel
import Foundation
import Interview

/// The design review report: GitHub-flavoured Markdown that follows the ten-stage checklist so
/// gaps are obvious.
///
/// Layout: `#` title, problem statement, metadata line; `## Progress` (a table); one `##` per
/// stage, 1 to 10 in order (purpose, status, checklist as a task list, notes, the stage's
/// content); `## Appendix: mock interview` when the design has an interview record. No other
/// `#`/`##` headings are written. User text is escaped by `MarkdownText`; the only links
/// written are internal anchors (GitHub's heading ids) and whatever bare URLs users typed.
public enum MarkdownReport {
    public struct Options: Equatable, Sendable {
        /// How the Mermaid diagram in stage 2 is drawn.
        public var diagram: FlowchartOptions
        /// A text rendering of the architecture (from the diagram engine). When set it follows
        /// the Mermaid block in stage 2 as a ```` ```text ```` block.
        public var textDiagram: String?
        /// Said in place of the text diagram when it was left out (e.g. a very large design).
        public var textDiagramNote: String?
        /// Add the mock-interview appendix when the design has an interview record.
        public var includeInterview: Bool
        /// Leave out the sections of stages that are not started and hold nothing.
        public var onlyStarted: Bool
        /// List only the ticked checklist items (with a count of the rest).
        public var hideUnticked: Bool

        public init(diagram: FlowchartOptions = FlowchartOptions(), textDiagram: String? = nil,
                    includeInterview: Bool = true, onlyStarted: Bool = false, hideUnticked: Bool = false) {
            self.diagram = diagram
            self.textDiagram = textDiagram
            self.includeInterview = includeInterview
            self.onlyStarted = onlyStarted
            self.hideUnticked = hideUnticked
        }
    }

    /// Title of the progress section (an `h2`).
    public static let progressHeading = "Progress"
    /// Title of the interview appendix (an `h2`).
    public static let interviewHeading = "Appendix: mock interview"

    /// The `##` heading text of a stage section, e.g. `1. Requirements clarification`.
    public static func stageHeading(_ stage: StageCatalogue.Stage) -> String {
        "\(stage.key.number). " + TextSafety.oneLine(stage.title)
    }

    public static func render(_ design: Design, catalogue: StageCatalogue, options: Options = Options()) -> String {
        var w = ReportWriter(design: design, catalogue: catalogue, options: options)
        w.write()
        return w.finish()
    }
}

/// Builds the report in one pass. Links to headings that come later are written as
/// placeholders (`NUL key NUL`, impossible in escaped text) and resolved at the end, once every
/// heading's GitHub anchor is known.
struct ReportWriter {
    let design: Design
    let catalogue: StageCatalogue
    let options: MarkdownReport.Options
    var out = ""
    var slugger = HeadingSlugger()
    var anchors: [String: String] = [:]
    let componentsByID: [ItemID<Component>: Component]
    let tradeOffsByStage: [StageKey: [(index: Int, tradeOff: TradeOff)]]

    init(design: Design, catalogue: StageCatalogue, options: MarkdownReport.Options) {
        self.design = design
        self.catalogue = catalogue
        self.options = options
        var byID: [ItemID<Component>: Component] = [:]
        byID.reserveCapacity(design.components.count)
        for c in design.components where byID[c.id] == nil { byID[c.id] = c }
        componentsByID = byID
        var byStage: [StageKey: [(index: Int, tradeOff: TradeOff)]] = [:]
        for (i, t) in design.tradeOffs.enumerated() { byStage[t.stage, default: []].append((i, t)) }
        tradeOffsByStage = byStage
        out.reserveCapacity(4096 + design.components.count * 200 + design.flows.count * 200
                            + design.requirements.count * 150)
    }

    // MARK: primitives

    mutating func line(_ s: String = "") {
        out += s
        out += "\n"
    }

    /// A heading of `level` whose plain text is `text`; `anchorKey` names it for later links.
    mutating func heading(_ level: Int, _ text: String, anchorKey: String? = nil) {
        if !out.isEmpty && !out.hasSuffix("\n\n") { line() }
        let slug = slugger.slug(text)
        if let anchorKey { anchors[anchorKey] = slug }
        line(String(repeating: "#", count: level) + " " + MarkdownText.inline(text, heading: true))
        line()
    }

    mutating func paragraph(_ s: String) {
        line(s)
        line()
    }

    func link(_ text: String, to anchorKey: String) -> String {
        "[" + MarkdownText.inline(text, atLineStart: false) + "](#\u{0}\(anchorKey)\u{0})"
    }

    mutating func table(_ header: [String], align: [Character], rows: [[String]]) {
        line("| " + header.joined(separator: " | ") + " |")
        line("|" + align.map { $0 == "r" ? " --: |" : " :-- |" }.joined())
        for r in rows { line("| " + r.joined(separator: " | ") + " |") }
        line()
    }

    /// Plain text for a table cell, list item or heading: one line, escaped.
    func cell(_ s: String) -> String { MarkdownText.inline(s) }

    mutating func finish() -> String {
        // Resolve anchor placeholders, on bytes: the report can be megabytes.
        guard out.utf8.contains(0) else { return out }
        let anchors = self.anchors
        return out.withUTF8 { b -> String in
            var result: [UInt8] = []
            result.reserveCapacity(b.count + 1024)
            var rest = b[...]
            while let open = rest.firstIndex(of: 0) {
                result.append(contentsOf: rest[..<open])
                let keyStart = open + 1
                guard let close = rest[keyStart...].firstIndex(of: 0) else {
                    rest = rest[keyStart...]
                    break
                }
                let key = String(decoding: rest[keyStart..<close], as: UTF8.self)
                result.append(contentsOf: (anchors[key] ?? "").utf8)
                rest = rest[(close + 1)...]
            }
            result.append(contentsOf: rest)
            return String(decoding: result, as: UTF8.self)
        }
    }

    // MARK: report

    mutating func write() {
        let title = TextSafety.oneLine(design.title)
        heading(1, title.isEmpty ? "Untitled design" : title)

        let problem = MarkdownText.block(design.problem)
        paragraph("**Problem statement.** " + (problem.isEmpty ? "_Not written yet._" : problem))
        paragraph("Schema version \(design.schemaVersion) · last modified \(Self.date(design.modified))"
                  + " · created \(Self.date(design.created))")

        writeProgress()
        for stage in StageKey.allCases where !options.onlyStarted || isStarted(stage) { writeStage(stage) }
        if options.includeInterview, let record = design.interview { writeInterview(record) }
        // Exactly one trailing newline.
        while out.hasSuffix("\n\n") { out.removeLast() }
    }

    mutating func writeProgress() {
        heading(2, MarkdownReport.progressHeading)
        var rows: [[String]] = []
        var done = 0, total = 0, anyNotes = false
        for key in StageKey.allCases {
            let p = design.progress(of: key, in: catalogue)
            done += p.done
            total += p.total
            anyNotes = anyNotes || p.hasNotes
            let title = TextSafety.oneLine(catalogue[key].title)
            let shown = !options.onlyStarted || isStarted(key)
            rows.append(["\(key.number)", shown ? link(title, to: "stage-\(key.number)") : cell(title),
                         "\(p.done)/\(p.total)", p.status.rawValue])
        }
        // The same rule as `StageProgress.status`, over the whole checklist.
        let overall: StageProgress.Status = total > 0 && done == total ? .done
            : (done > 0 || anyNotes) ? .inProgress : .notStarted
        rows.append(["", "**Overall**", "\(done)/\(total)", "**\(overall.rawValue)**"])
        table(["#", "Stage", "Done", "Status"], align: ["r", "l", "r", "l"], rows: rows)
        if options.onlyStarted, let left = Optional(StageKey.allCases.filter { !isStarted($0) }), !left.isEmpty {
            paragraph("_Stages not started and holding nothing yet are left out: "
                      + left.map { "\($0.number)" }.joined(separator: ", ") + "._")
        }
    }

    /// A stage is started when a checklist item is ticked, it has notes, or the report has
    /// something to show in it (requirements, components, decisions, risks, …).
    func isStarted(_ key: StageKey) -> Bool {
        if design.progress(of: key, in: catalogue).status != .notStarted { return true }
        if let tagged = tradeOffsByStage[key], !tagged.isEmpty { return true }
        if scenariosStart(key) { return true }
        switch key {
        case .requirements: return !design.requirements.isEmpty
        case .highLevelDesign: return !design.components.isEmpty || !design.flows.isEmpty
        case .lowLevelDesign: return !design.endpoints.isEmpty
        case .dataStorage: return !design.entities.isEmpty
        case .tradeOffs: return !design.tradeOffs.isEmpty || !design.risks.isEmpty || !design.questions.isEmpty
        default: return false
        }
    }

    mutating func writeStage(_ key: StageKey) {
        let stage = catalogue[key]
        let state = design.stage(key)
        let progress = design.progress(of: key, in: catalogue)
        heading(2, MarkdownReport.stageHeading(stage), anchorKey: "stage-\(key.number)")

        let purpose = MarkdownText.block(stage.purpose)
        if !purpose.isEmpty { paragraph("**Purpose:** " + purpose) }

        // One form for every stage: the status word, then the count.
        let word = switch progress.status { case .notStarted: "Not started"; case .inProgress: "In progress"; case .done: "Done" }
        paragraph("**Status:** \(word) — \(progress.done) of \(progress.total) checklist items ticked.")

        heading(3, "Checklist")
        var items: [String] = []
        // A blank item would be an empty box with nothing beside it: say so.
        func itemText(_ text: String) -> String {
            let t = cell(text)
            return t.isEmpty ? "_(no text)_" : t
        }
        var hidden = 0
        for item in stage.items {
            let done = state.isDone(item.key)
            if options.hideUnticked && !done { hidden += 1; continue }
            items.append("- [\(done ? "x" : " ")] " + itemText(item.text))
        }
        for item in state.custom {
            if options.hideUnticked && !item.done { hidden += 1; continue }
            items.append("- [\(item.done ? "x" : " ")] " + itemText(item.text) + " _(added)_")
        }
        if items.isEmpty && hidden == 0 { paragraph("_No checklist items._") } else {
            for i in items { line(i) }
            if hidden > 0 {
                if !items.isEmpty { line() }
                line("_\(hidden) unticked item\(hidden == 1 ? "" : "s") not shown._")
            }
            line()
        }

        let notes = MarkdownText.block(state.notes)
        if !notes.isEmpty {
            heading(3, "Notes")
            paragraph(notes)
        }

        switch key {
        case .requirements: writeRequirements()
        case .highLevelDesign: writeArchitecture()
        case .lowLevelDesign: writeEndpoints()
        case .dataStorage: writeEntities()
        case .tradeOffs:
            writeDecisionRecords()
            writeRisks()
            writeQuestions()
        default: break
        }
        if key == .requirements { writeCapacityEstimates() }
        writeScenarios(for: key)
        if key != .tradeOffs, let tagged = tradeOffsByStage[key], !tagged.isEmpty {
            heading(3, "Trade-offs")
            for (i, t) in tagged {
                line("- Decision record " + link(recordTitle(t), to: "trade-\(i)") + " (\(t.status.label.lowercased()))")
            }
            line()
        }
    }

    // MARK: stage 1

    mutating func writeRequirements() {
        heading(3, "Requirements")
        if design.requirements.isEmpty {
            paragraph("_No requirements recorded yet._")
            return
        }
        let groups: [(Requirement.Kind, String)] = [(.functional, "Functional"),
                                                    (.nonFunctional, "Non-functional"),
                                                    (.constraint, "Constraints")]
        for (kind, title) in groups {
            heading(4, title)
            let reqs = design.requirements.filter { $0.kind == kind }
            if reqs.isEmpty {
                paragraph("_None recorded._")
                continue
            }
            table(["ID", "Requirement", "Priority", "Category", "Notes"], align: ["l", "l", "l", "l", "l"],
                  rows: reqs.map { r in
                      [cell(r.id.rawValue), cell(r.text), r.priority.label,
                       r.category?.label ?? "", cell(r.notes)]
                  })
        }
    }

    // MARK: stage 2

    mutating func writeArchitecture() {
        heading(3, "Components")
        if design.components.isEmpty {
            paragraph("_No components yet._")
        } else {
            table(["ID", "Name", "Kind", "Responsibility", "Technology", "Notes"],
                  align: ["l", "l", "l", "l", "l", "l"],
                  rows: design.components.map { c in
                      [cell(c.id.rawValue), cell(c.name), c.kind.label, cell(c.responsibility),
                       cell(c.technology), cell(c.notes)]
                  })
        }

        heading(3, "Data flows")
        if design.flows.isEmpty {
            paragraph("_No data flows yet._")
        } else {
            table(["ID", "From → To", "What moves", "Protocol", "Mode", "Direction", "Notes"],
                  align: ["l", "l", "l", "l", "l", "l", "l"],
                  rows: design.flows.map { f in
                      [cell(f.id.rawValue), endpoint(f.from) + " → " + endpoint(f.to), cell(f.label),
                       cell(f.protocolLabel), f.mode.label, f.direction.label, cell(f.notes)]
                  })
        }
        writeFlowLoad()

        if !design.components.isEmpty {
            heading(3, "Architecture diagram")
            let mermaid = MermaidExport.render(design, options: options.diagram)
            let fence = MarkdownText.fence(for: mermaid)
            line(fence + "mermaid")
            out += mermaid
            line(fence)
            line()
            if let text = options.textDiagram {
                let body = TextSafety.visible(text)
                let fence = MarkdownText.fence(for: body)
                line(fence + "text")
                line(body.hasSuffix("\n") ? String(body.dropLast()) : body)
                line(fence)
                line()
            } else if let note = options.textDiagramNote {
                line("_" + MarkdownText.inline(note) + "_")
                line()
            }
        }
    }

    func endpoint(_ id: ItemID<Component>) -> String {
        guard let c = componentsByID[id] else { return cell(id.rawValue) + " _(missing)_" }
        return cell(nodeCaption(c))
    }

    // MARK: stage 10

    func recordTitle(_ t: TradeOff) -> String {
        let title = TextSafety.oneLine(t.title)
        let id = TextSafety.oneLine(t.id.rawValue)
        return title.isEmpty ? id : "\(id): \(title)"
    }

    mutating func writeDecisionRecords() {
        if design.tradeOffs.isEmpty {
            paragraph("_No trade-offs recorded yet._")
            return
        }
        for (i, t) in design.tradeOffs.enumerated() {
            heading(3, recordTitle(t), anchorKey: "trade-\(i)")
            let stage = catalogue[t.stage]
            var status = "**Status:** \(t.status.rawValue)"
            if let by = t.supersededBy, let j = design.tradeOffs.firstIndex(where: { $0.id == by }) {
                status += " by " + link(recordTitle(design.tradeOffs[j]), to: "trade-\(j)")
            }
            paragraph(status + " · **Stage:** " + link(MarkdownReport.stageHeading(stage), to: "stage-\(t.stage.number)"))
            if !t.drivers.isEmpty {
                paragraph("**Drivers:** " + t.drivers.map { d in
                    let text = design.requirements[id: d].map { ": " + TextSafety.oneLine($0.text) } ?? " (missing)"
                    return cell(d.rawValue + text)
                }.joined(separator: "; "))
            }
            let context = MarkdownText.block(t.context)
            paragraph("**Context.** " + (context.isEmpty ? "_Not written._" : context))
            if t.options.isEmpty {
                paragraph("**Options considered:** _none recorded._")
            } else {
                paragraph("**Options considered:**")
                for (n, o) in t.options.enumerated() {
                    let name = TextSafety.oneLine(o.name)
                    var item = "\(n + 1). " + (name.isEmpty ? "_(unnamed option)_" : cell(name))
                    if o.id == t.chosen { item += " — **chosen**" }
                    line(item)
                    for p in o.pros { line("   - Pro: " + cell(p)) }
                    for c in o.cons { line("   - Con: " + cell(c)) }
                }
                line()
            }
            if let chosen = t.chosenOption {
                let name = TextSafety.oneLine(chosen.name)
                paragraph("**Decision:** " + (name.isEmpty ? cell(chosen.id.rawValue) : cell(name)))
            } else {
                paragraph("**Decision:** _not decided yet._")
            }
            let rationale = MarkdownText.block(t.rationale)
            paragraph("**Rationale.** " + (rationale.isEmpty ? "_Not written._" : rationale))
        }
    }

    // MARK: interview

    mutating func writeInterview(_ r: InterviewRecord) {
        heading(2, MarkdownReport.interviewHeading)
        var facts = ["Plan: " + cell(r.plan)]
        if let p = r.problem, !TextSafety.oneLine(p).isEmpty { facts.append("practice problem: " + cell(p)) }
        if r.finished {
            facts.append("finished")
        } else {
            facts.append("in progress (phase \(min(r.currentPhase.clampedAdding(1), max(r.phases.count, 1))) of \(r.phases.count))")
        }
        paragraph(facts.joined(separator: " · "))

        heading(3, "Timing log")
        if r.phases.isEmpty {
            paragraph("_No phases recorded._")
        } else {
            // Same columns and totals as the workspace's summary screen.
            func extra(_ s: Int) -> String { s > 0 ? "+" + Self.duration(s) : "—" }
            var rows: [[String]] = []
            for (i, p) in r.phases.enumerated() {
                let title = TextSafety.oneLine(p.title)
                var name = cell(title.isEmpty ? p.key : title)
                if !r.finished && i == r.currentPhase { name += " _(current)_" }
                rows.append([name, Self.duration(p.plannedSeconds), extra(p.extraSeconds), Self.duration(p.actualSeconds),
                             Self.duration(p.overrunSeconds)])
            }
            rows.append(["**Total**", Self.duration(r.totalPlannedSeconds), extra(r.totalExtraSeconds),
                         Self.duration(r.totalActualSeconds), Self.duration(r.totalOverrunSeconds)])
            table(["Phase", "Planned", "Extra", "Actual", "Overrun"], align: ["l", "r", "r", "r", "r"], rows: rows)
            paragraph("Overrun is per phase against its planned time (extra minutes do not excuse it); the total is "
                      + "against the whole plan, so time saved in one phase offsets time lost in another.")
        }
        for block in InterviewCoachSection.blocks(r) { emit(block) }

        heading(3, "Self-assessment")
        var rows: [[String]] = InterviewRecord.Dimension.allCases.map { d in
            [d.title, r.scores[d.rawValue].map { "\($0) (\(SelfAssessment.label($0)))" } ?? "—",
             r.evidence[d.rawValue].map { cell($0) } ?? "—"]
        }
        let known = Set(InterviewRecord.Dimension.allCases.map(\.rawValue))
        for key in r.scores.keys.filter({ !known.contains($0) }).sorted() {
            rows.append([cell(key), "\(r.scores[key]!)", "—"])
        }
        table(["Dimension", "Score (1–4)", "Evidence"], align: ["l", "r", "l"], rows: rows)
        let note = MarkdownText.block(r.assessmentNote)
        if !note.isEmpty { paragraph("**Note.** " + note) }
    }

    mutating func emit(_ block: InterviewCoachSection.Block) {
        switch block {
        case .heading(let text): heading(3, text)
        case .paragraph(let text): paragraph(text)
        case .table(let header, let align, let rows): table(header, align: align, rows: rows)
        case .bullets(let items):
            for item in items { line("- " + item) }
            line()
        }
    }

    // MARK: formatting

    static func date(_ d: Date) -> String {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        let c = cal.dateComponents([.year, .month, .day, .hour, .minute], from: d)
        func two(_ n: Int?) -> String { let v = n ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        return "\(c.year ?? 0)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute)) UTC"
    }

    static func duration(_ seconds: Int) -> String {
        let s = max(0, seconds)
        let secs = s % 60, mins = (s / 60) % 60, hours = s / 3600
        let ss = secs < 10 ? "0\(secs)" : "\(secs)"
        if hours > 0 { return "\(hours):" + (mins < 10 ? "0\(mins)" : "\(mins)") + ":" + ss }
        return "\(mins):" + ss
    }
}
