/// How a flow's label and protocol read on one line in the diagram exports (Mermaid, DOT), and
/// how such a caption is read back by the Mermaid import, without losing either part:
///
/// - `short link` — no protocol to show (list value "other", no name of its own)
/// - `short link (HTTP/REST)` — a protocol from the list
/// - `click events (Kafka)` — the designer's own protocol name, list value "other"
/// - `click events (Kafka, Pub/sub)` — the designer's name and the list value it stands for
/// - `(Kafka)` — no label, only a protocol name
///
/// A caption that would read as one with a protocol although the flow has none (a label ending
/// in `)`, or a label that is a protocol's name) gets ` (Other)` so it reads back exactly. A
/// protocol name with unbalanced parentheses may not read back whole.
public enum FlowCaption {
    /// The caption for a label and a protocol name already made single-line and trimmed.
    public static func caption(label: String, protocol p: Flow.Protocol_, name: String) -> String {
        let part: String
        if name.isEmpty {
            if p != .other {
                part = p.label
            } else if label.hasSuffix(")") || byLabel[label] != nil {
                part = Flow.Protocol_.other.label
            } else {
                return label
            }
            if label.isEmpty { return part }
        } else if p == .other && byLabel[name] == nil && splitListLabel(name) == nil {
            part = name
        } else {
            part = name + ", " + p.label
        }
        return label.isEmpty ? "(" + part + ")" : label + " (" + part + ")"
    }

    /// The label, the protocol and its name read back from a caption written by `caption`; nil
    /// when the caption does not end in a protocol part (then it is all label).
    public static func parse(_ caption: String) -> (label: String, protocol: Flow.Protocol_, name: String)? {
        if let p = byLabel[caption], p != .other { return ("", p, "") }
        guard caption.hasSuffix(")"), let open = openingParenthesis(caption) else { return nil }
        let before = caption[..<open]
        guard before.isEmpty || before.hasSuffix(" ") else { return nil }
        let label = String(before.dropLast(before.isEmpty ? 0 : 1))
        let inside = String(caption[caption.index(after: open)..<caption.index(before: caption.endIndex)])
        if let p = byLabel[inside] { return (label, p, "") }
        if let (name, p) = splitListLabel(inside) { return (label, p, name) }
        return inside.isEmpty ? nil : (label, .other, inside)
    }

    /// `name, Pub/sub` → (`name`, .pubsub).
    static func splitListLabel(_ text: String) -> (String, Flow.Protocol_)? {
        for p in Flow.Protocol_.allCases where text.hasSuffix(", " + p.label) && text.count > p.label.count + 2 {
            return (String(text.dropLast(p.label.count + 2)), p)
        }
        return nil
    }

    /// The `(` matching the caption's final `)`.
    static func openingParenthesis(_ caption: String) -> String.Index? {
        var depth = 0
        var i = caption.endIndex
        while i > caption.startIndex {
            i = caption.index(before: i)
            if caption[i] == ")" { depth += 1 }
            if caption[i] == "(" {
                depth -= 1
                if depth == 0 { return i }
            }
        }
        return nil
    }

    static let byLabel: [String: Flow.Protocol_] = Dictionary(uniqueKeysWithValues: Flow.Protocol_.allCases.map { ($0.label, $0) })
}
