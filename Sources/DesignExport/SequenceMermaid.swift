import DesignModel

/// A scenario as a Mermaid `sequenceDiagram`: participants in order of first appearance,
/// numbered messages (`->>` calls, `-->>` replies, `--)` async messages), notes over the
/// sender and receiver, and blocks as `alt`/`else`, `opt`, `loop`, `par`/`and`, and
/// `critical`/`option` for retry blocks (the attempt, then the fallbacks).
///
/// Safety: participant ids are generated (`p1`, `p2`, …); names, messages, notes and
/// conditions only ever appear where Mermaid reads the rest of the line as text (after `as`,
/// after `:`, after a block keyword), escaped by `text`. No `click`, `link`, `links`,
/// `properties`, `box`, `%%` or directive line is written.
public enum SequenceMermaid {
    public static func render(_ scenario: Scenario, in design: Design) -> String {
        let ids = design.participants(of: scenario)
        var alias: [ItemID<Component>: String] = [:]
        var out = "sequenceDiagram\n    autonumber\n"
        var names: [ItemID<Component>: String] = [:]
        for c in design.components where names[c.id] == nil { names[c.id] = c.name }
        for (i, id) in ids.enumerated() {
            let a = "p\(i + 1)"
            alias[id] = a
            var name = names[id] ?? ((id.rawValue.isEmpty ? "?" : id.rawValue) + " (missing)")
            if TextSafety.oneLine(name).isEmpty { name = id.rawValue.isEmpty ? a : id.rawValue }
            out += "    participant \(a) as \(text(name))\n"
        }
        func write(_ nodes: [ScenarioNode], indent: String) {
            for node in nodes {
                switch node {
                case .step(let s):
                    let from = alias[s.from] ?? "p1", to = alias[s.to] ?? "p1"
                    out += indent + from + arrow(s.kind) + to + ":" + spaced(text(s.message)) + "\n"
                    let note = text(s.notes)
                    if !note.isEmpty {
                        out += indent + "Note over " + (from == to ? from : from + "," + to) + ": " + note + "\n"
                    }
                case .block(let b):
                    for (i, branch) in b.branches.enumerated() {
                        out += indent + keyword(b.kind, branch: i) + spaced(text(caption(b, branch: i))) + "\n"
                        write(branch.steps, indent: indent + "    ")
                    }
                    if b.branches.isEmpty { out += indent + keyword(b.kind, branch: 0) + "\n" }
                    out += indent + "end\n"
                }
            }
        }
        write(scenario.steps, indent: "    ")
        return out
    }

    static func arrow(_ kind: ScenarioStep.Kind) -> String {
        switch kind {
        case .sync: "->>"
        case .reply: "-->>"
        case .async: "--)"
        }
    }

    /// Mermaid's block keywords; a retry block is a `critical` region with `option` fallbacks.
    static func keyword(_ kind: ScenarioBlock.Kind, branch: Int) -> String {
        switch kind {
        case .retry: branch == 0 ? "critical" : "option"
        default: kind.keyword(branch: branch)
        }
    }

    /// The label after the keyword: for retry blocks the words a reader of the text diagram
    /// sees ("retry 2 attempts, timeout 20 ms: cache lookup", "fallback: cache down").
    static func caption(_ b: ScenarioBlock, branch: Int) -> String {
        let c = b.caption(branch: branch)
        guard b.kind == .retry else { return c }
        let word = b.kind.keyword(branch: branch)
        if c.isEmpty { return word }
        let settingsFirst = branch == 0 && (b.attempts != nil || !(b.timeout ?? "").isEmpty)
        return word + (settingsFirst ? " " : ": ") + c
    }

    static func spaced(_ s: String) -> String { s.isEmpty ? "" : " " + s }

    /// User text for the rest of a Mermaid sequence line: `MermaidExport.label`'s escaping (one
    /// line; `" < > & # % | \` { }` and `direction` as entity codes), plus `;` (which ends a
    /// statement) as `#59;`, and a leading `wrap:`/`nowrap:` (read as a directive) escaped.
    public static func text(_ s: String) -> String {
        let labelled = MermaidExport.label(s)
        var out = ""
        out.reserveCapacity(labelled.utf8.count)
        var inEntity = false
        for c in labelled {
            if inEntity {
                out.append(c)
                if c == ";" { inEntity = false }
            } else if c == "#" {
                // Every `#` here opens an entity `label` wrote (a user's `#` became `#35;`).
                out.append(c)
                inEntity = true
            } else if c == ";" {
                out += "#59;"
            } else {
                out.append(c)
            }
        }
        let lower = out.lowercased()
        for prefix in ["wrap:", "nowrap:"] where lower.hasPrefix(prefix) {
            let first = out.unicodeScalars.first!
            out = "#\(first.value);" + String(out.unicodeScalars.dropFirst())
        }
        return out
    }
}
