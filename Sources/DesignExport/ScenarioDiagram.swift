import DesignModel
import SequenceDiagram

/// The bridge from a scenario to the sequence diagram renderer: the components its steps name
/// become participants (in order of first appearance), steps become messages (calls solid,
/// async messages and replies dashed), blocks become frames.
public enum ScenarioDiagram {
    public static func script(_ scenario: Scenario, in design: Design) -> SequenceScript {
        let ids = design.participants(of: scenario)
        var column: [ItemID<Component>: Int] = [:]
        for (i, id) in ids.enumerated() { column[id] = i }
        var names: [ItemID<Component>: String] = [:]
        for c in design.components where names[c.id] == nil { names[c.id] = c.name }
        let participants = ids.map { id -> SequenceScript.Participant in
            guard let name = names[id] else {
                return SequenceScript.Participant((id.rawValue.isEmpty ? "?" : id.rawValue) + " (missing)")
            }
            return SequenceScript.Participant(name.allSatisfy(\.isWhitespace) ? id.rawValue : name)
        }
        func items(_ nodes: [ScenarioNode]) -> [SequenceScript.Item] {
            nodes.map { node in
                switch node {
                case .step(let s):
                    return .message(SequenceScript.Message(
                        from: column[s.from] ?? 0, to: column[s.to] ?? 0, text: s.message,
                        arrow: arrow(s.kind), note: s.notes))
                case .block(let b):
                    return .frame(SequenceScript.Frame(sections: b.branches.indices.map { i in
                        SequenceScript.Section(keyword: b.kind.keyword(branch: i), condition: b.caption(branch: i),
                                               items: items(b.branches[i].steps))
                    }))
                }
            }
        }
        return SequenceScript(participants: participants, items: items(scenario.steps))
    }

    public static func arrow(_ kind: ScenarioStep.Kind) -> SequenceScript.Arrow {
        switch kind {
        case .sync: .call
        case .async: .async
        case .reply: .reply
        }
    }

    public static func render(_ scenario: Scenario, in design: Design,
                              options: SequenceOptions = SequenceOptions()) -> SequenceDrawing {
        SequenceRenderer.render(script(scenario, in: design), options)
    }

    /// The diagram as plain text, for the report and `sysdraft sequence`.
    public static func text(_ scenario: Scenario, in design: Design,
                            options: SequenceOptions = SequenceOptions()) -> String {
        render(scenario, in: design, options: options).text()
    }
}
