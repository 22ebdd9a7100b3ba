import DesignModel
import Workspace

enum ScenarioView {
    static let view = KindView(pane: .scenarios, row: { state, i in
        let s = state.design.scenarios[i]
        let missing = state.design.unsupportedSteps(in: s).count
        let steps = "\(s.stepCount) step\(s.stepCount == 1 ? "" : "s")"
        return RowText.Row(tag: shortTag(s.tag), text: s.name,
                           trailing: missing == 0 ? steps : "\(steps) · ⚠ \(missing) not in the architecture")
    }, detail: { state, i in
        let d = state.design
        let s = d.scenarios[i]
        var out = [DetailLine("Scenario", "\(s.id)  \(s.name)"),
                   DetailLine("Tag", s.tag.label + (s.tag == .failure ? " (reported under stage 6, reliability)" : ""))]
        out.append(DetailLine("Description", s.description.isEmpty ? "—" : s.description))
        out.append(DetailLine("Requirements", KindViews.names(s.requirements.map(\.rawValue), d)))
        let lines = StepText.outlineLines(s, d)
        out.append(DetailLine("Steps", lines.isEmpty ? "none yet — s opens the step editor" : lines.joined(separator: "\n")))
        let missing = d.unsupportedSteps(in: s)
        if !missing.isEmpty {
            out.append(DetailLine("Missing flows",
                                  missing.map { "step \($0.number): " + StepForms.reason($0, d) }.joined(separator: "\n")
                                      + "\n(f in the step editor or the sequence diagram adds the flow)"))
        }
        out.append(DetailLine("Keys", "s edits the steps · S shows the sequence diagram · D highlights it in the architecture diagram"))
        if let refs = KindViews.referencedBy(s.id.rawValue, d) { out.append(refs) }
        return out
    })

    static func shortTag(_ tag: Scenario.Tag) -> String {
        switch tag {
        case .happyPath: "Happy"
        case .edgeCase: "Edge "
        case .failure: "Fail "
        case .scaling: "Scale"
        case .security: "Sec  "
        case .other: "Other"
        }
    }
}
