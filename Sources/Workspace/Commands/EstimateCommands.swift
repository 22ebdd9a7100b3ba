/// `:template NAME` and `:reference`: the estimate templates and the reference card.
enum EstimateCommands {
    static let typed: [TypableCommand] = [
        TypableCommand("template", argument: .required("NAME"), completion: .words,
                       doc: "Insert a template of estimates (Tab lists them)", command: .insertTemplate,
                       words: { s in s.estimateAssets.templates?.templates.map { ($0.key, $0.title) } ?? [] }) { s, arg, env in
            arg.isEmpty ? Workspace.openTemplatePicker(&s) : Workspace.insertTemplate(&s, named: arg, env)
        },
        TypableCommand("reference", aliases: ["card"], doc: "Reference card: latency, powers of two, the nines",
                       command: .referenceCard) { s, _, _ in
            Workspace.openReferenceCard(&s)
            return []
        },
    ]
}
