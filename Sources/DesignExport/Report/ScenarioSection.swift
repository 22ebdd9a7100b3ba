import DesignModel
import SequenceDiagram

/// Scenarios in the report: failure scenarios under stage 6 (reliability), all others under
/// stage 3 (low-level design). Each gets an `####` heading, its tag, the requirements it
/// demonstrates, its description, a Mermaid `sequenceDiagram`, the text sequence diagram
/// (fitted to `ScenarioSection.textWidth` columns) and the steps not in the architecture.
enum ScenarioSection {
    /// Columns the text diagram is fitted to in reports.
    static let textWidth = 100

    static func stage(of scenario: Scenario) -> StageKey {
        scenario.tag == .failure ? .reliability : .lowLevelDesign
    }
}

extension ReportWriter {
    /// Scenarios count as work on their stage (for `--only-started`).
    func scenariosStart(_ key: StageKey) -> Bool {
        design.scenarios.contains { ScenarioSection.stage(of: $0) == key }
    }

    mutating func writeScenarios(for key: StageKey) {
        guard key == .lowLevelDesign || key == .reliability else { return }
        let here = design.scenarios.filter { ScenarioSection.stage(of: $0) == key }
        let elsewhere = design.scenarios.count - here.count
        guard !here.isEmpty || (key == .lowLevelDesign && !design.scenarios.isEmpty) else { return }
        heading(3, key == .reliability ? "Failure scenarios" : "Scenarios")
        if here.isEmpty {
            paragraph("_Only failure scenarios so far: see " + link(MarkdownReport.stageHeading(catalogue[.reliability]),
                                                                  to: "stage-\(StageKey.reliability.number)") + "._")
            return
        }
        if key == .lowLevelDesign && elsewhere > 0 {
            paragraph("\(elsewhere) failure scenario\(elsewhere == 1 ? " is" : "s are") under "
                      + link(MarkdownReport.stageHeading(catalogue[.reliability]), to: "stage-\(StageKey.reliability.number)") + ".")
        }
        let requirementsByID = Dictionary(design.requirements.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for s in here {
            let name = TextSafety.oneLine(s.name)
            let id = TextSafety.oneLine(s.id.rawValue)
            heading(4, name.isEmpty ? id : "\(id): \(name)")
            var facts = ["**Tag:** " + s.tag.label, "\(s.stepCount) step\(s.stepCount == 1 ? "" : "s")"]
            if !s.requirements.isEmpty {
                facts.append("**Demonstrates:** " + s.requirements.map { r in
                    guard let req = requirementsByID[r] else { return cell(r.rawValue) + " _(missing)_" }
                    return cell(r.rawValue) + " (" + MarkdownText.inline(req.text, atLineStart: false) + ")"
                }.joined(separator: "; "))
            }
            paragraph(facts.joined(separator: " · "))
            let description = MarkdownText.block(s.description)
            if !description.isEmpty { paragraph(description) }
            if s.stepCount == 0 {
                paragraph("_No steps yet._")
                continue
            }
            let mermaid = SequenceMermaid.render(s, in: design)
            let fence = MarkdownText.fence(for: mermaid)
            line(fence + "mermaid")
            out += mermaid
            line(fence)
            line()
            let drawing = ScenarioDiagram.render(s, in: design, options: SequenceOptions(width: ScenarioSection.textWidth))
            let body = TextSafety.visible(drawing.text())
            let textFence = MarkdownText.fence(for: body)
            line(textFence + "text")
            line(body.hasSuffix("\n") ? String(body.dropLast()) : body)
            line(textFence)
            line()
            let unsupported = design.unsupportedSteps(in: s)
            if !unsupported.isEmpty {
                paragraph("**Not in the architecture:**")
                for u in unsupported { line("- Step \(u.number): " + unsupportedReason(u)) }
                line()
            }
        }
    }

    private func unsupportedReason(_ u: UnsupportedStep) -> String {
        func name(_ id: ItemID<Component>) -> String {
            componentsByID[id].map { MarkdownText.inline($0.name, atLineStart: false) } ?? cell(id.rawValue)
        }
        let step = name(u.step.from) + " → " + name(u.step.to)
        switch u.match {
        case .unknownComponent(let c): return step + ": component " + cell(c.rawValue) + " does not exist."
        case .unknownFlow(let f): return step + ": names flow " + cell(f.rawValue) + ", which does not exist."
        case .wrongFlow(let f): return step + ": names flow " + cell(f.rawValue) + ", which connects other components."
        default:
            return step + ": no data flow " + (u.step.kind == .reply ? "between them." : "that way.")
        }
    }
}
