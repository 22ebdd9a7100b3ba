import DesignModel

/// Forms that are not an item kind's (checklist items, the design's title and problem), and
/// writing any confirmed form back into the design.
public enum ItemForms {
    public static func customItem(_ item: CustomItem?, stage: StageKey) -> Form {
        Form(title: item == nil ? "New checklist item" : "Edit checklist item",
             target: item.map { .customItem($0.id.rawValue) } ?? .newCustomItem(stage: stage.rawValue),
             fields: [.init("text", "Item", text: item?.text ?? "")])
    }

    /// The design's title (one line) and problem statement (several).
    public static func designInfo(_ design: Design, focusProblem: Bool = false) -> Form {
        var form = Form(title: "Title and problem statement", target: .designInfo, fields: [
            .init("title", "Title", text: design.title),
            .init("problem", "Problem", paragraph: design.problem),
        ])
        if focusProblem { form.focus = 1 }
        return form
    }

    /// Applies a confirmed form. Returns the id of the item written, or an error message for the
    /// form to show (the design is unchanged then).
    public static func apply(_ form: Form, to design: inout Design) -> Result<String, FormError> {
        switch form.target {
        case .newItem(let pane), .item(let pane, _):
            return pane.kind.apply(form, &design)

        case .newCustomItem(let stageRaw):
            let text = FormText.trimmed(form.text("text"))
            guard !text.isEmpty, let stage = StageKey(rawValue: stageRaw) else { return .failure(FormError("The item needs some text.")) }
            return .success(design.addCustomItem(text, to: stage).rawValue)

        case .customItem(let id):
            let text = FormText.trimmed(form.text("text"))
            guard !text.isEmpty else { return .failure(FormError("The item needs some text.")) }
            for s in StageKey.allCases {
                design.updateStage(s) { st in
                    if let i = st.custom.firstIndex(where: { $0.id.rawValue == id }) { st.custom[i].text = text }
                }
            }
            return .success(id)

        case .designInfo:
            let title = FormText.trimmed(form.text("title"))
            guard !title.isEmpty else { return .failure(FormError("The design needs a title.")) }
            design.title = title
            design.problem = form.text("problem").trimmingCharacters(in: .whitespacesAndNewlines)
            return .success("title and problem")

        case .stageNotes:
            return .failure(FormError("Stage notes are edited in the notes editor."))
        case .assessment:
            return .failure(FormError("The self-assessment belongs to the interview."))
        }
    }
}

public struct FormError: Error, Equatable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
