import Foundation
import DesignModel

extension Pane {
    public static let scenarios = Pane("scenarios")
}

/// Scenarios: how a request moves through the architecture, step by step. The list and the
/// form edit the scenario itself (name, description, tag, requirements); its steps have an
/// editor of their own (`StepEditor`, `s`) and a sequence diagram (`S`).
enum ScenarioKind {
    static let kind = ItemKind.list(
        .scenarios, \Design.scenarios,
        title: "Scenarios", shortTitle: "Scens", noun: "scenario",
        name: { _, s in s.name },
        searchText: { _, s in
            "\(s.id) \(s.name) \(s.tag.label) \(s.description) "
                + s.numberedSteps.map(\.step.message).joined(separator: " ")
        },
        form: { state, s in form(s, in: state.design) },
        apply: apply)

    static func form(_ s: Scenario?, in design: Design) -> Form {
        Form(
            title: s == nil ? "New scenario" : "Edit scenario \(s!.id)",
            target: s.map { .item(.scenarios, $0.id.rawValue) } ?? .newItem(.scenarios),
            fields: [
                .init("name", "Name", text: s?.name ?? ""),
                .init("description", "Description", paragraph: s?.description ?? ""),
                .init("tag", "Tag", choices: Scenario.Tag.labels, selected: s?.tag.caseIndex ?? 0),
                .init("requirements", "Requirements", options: design.requirements.map { "\($0.id)  \($0.text)" },
                      ids: design.requirements.map(\.id.rawValue), selected: s?.requirements.map(\.rawValue) ?? []),
            ])
    }

    static func apply(_ form: Form, to design: inout Design) -> Result<String, FormError> {
        let name = FormText.trimmed(form.text("name"))
        guard !name.isEmpty else { return .failure(FormError("The scenario needs a name (\"Redirect when the cache is down\").")) }
        let id = design.scenarios.idForEdit(form.target.editedID)
        var s = design.scenarios[id: id] ?? Scenario(id: id, name: name)
        s.name = name
        s.description = form.text("description").trimmingCharacters(in: .whitespacesAndNewlines)
        s.tag = .fromIndex(form.choice("tag"))
        // Ticked requirements in the design's order; ids the list no longer offers (deleted
        // outside sysdraft) are kept rather than dropped silently.
        let offered = Set(form["requirements"]?.ids ?? [])
        let kept = s.requirements.filter { !offered.contains($0.rawValue) }
        s.requirements = (form["requirements"]?.selectedIDs ?? []).map { ItemID($0) } + kept
        design.scenarios.upsert(s)
        return .success(s.id.rawValue)
    }
}
