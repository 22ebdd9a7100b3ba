import DesignModel
import Foundation

/// Turns an imported diagram into a design: boxes become components (ids comp-1… in order of
/// first appearance), arrows become flows. A box that is really a group (it holds other boxes)
/// cannot be an arrow's end: such arrows are left out with a warning.
///
/// Groups: designs have no groups yet, so a component's group is written into its notes
/// ("Group: Backend / API") — the structured groups stay in `ImportedDiagram` for when they do.
enum ImportMapping {
    static func design(from diagram: ImportedDiagram, title: String?, now: Date) -> (Design, [ImportMessage]) {
        var messages = diagram.messages
        var design = Design(title: title ?? diagram.title ?? "Imported design", now: now)
        let groupKeys = Set(diagram.groups.map(\.key))
        var idByKey: [String: ItemID<Component>] = [:]
        var n = 0
        for node in diagram.nodes where idByKey[node.key] == nil {
            // A bare mention of a group's key is the group, not a box.
            if groupKeys.contains(node.key) && node.label == nil { continue }
            n += 1
            let id = ItemID<Component>("comp-\(n)")
            idByKey[node.key] = id
            let name = clean(node.label ?? node.key)
            let inferred = KindInference.kind(from: [name, node.technology] + node.hints, storageOnly: node.storageShape)
            let kind = node.kind ?? inferred ?? node.shapeKind ?? .service
            var notes: [String] = []
            if let g = node.group { notes.append("Group: " + groupPath(g, diagram.groups)) }
            design.components.append(Component(id: id, name: name.isEmpty ? node.key : name, kind: kind,
                                               responsibility: clean(node.description), technology: clean(node.technology),
                                               notes: notes.joined(separator: "\n")))
        }
        var f = 0
        for e in diagram.edges {
            guard let from = idByKey[e.from], let to = idByKey[e.to] else {
                let missing = idByKey[e.from] == nil ? e.from : e.to
                let why = groupKeys.contains(missing) ? "“\(missing)” is a group, which cannot be a flow's end"
                    : "“\(missing)” is not a box"
                messages.append(ImportMessage(.warning, line: e.line, "arrow \(e.from) → \(e.to) left out: \(why)"))
                continue
            }
            f += 1
            var label = clean(e.label)
            var proto: Flow.Protocol_ = .other
            var protocolName = ""
            var async = e.async
            if diagram.captionsCarryProtocol, let (rest, p, name) = FlowCaption.parse(label) {
                proto = p
                label = rest
                protocolName = name
            } else if !e.technology.isEmpty {
                // The source's own words for the protocol ("JSON/HTTPS", "SMTP") are kept as the
                // flow's protocol name; the list value is what they amount to, when known.
                if let (p, a) = KindInference.flowProtocol(e.technology) {
                    proto = p
                    async = async || a
                }
                protocolName = clean(e.technology)
            }
            design.flows.append(Flow(id: ItemID("flow-\(f)"), from: from, to: to, label: label, protocol: proto,
                                     mode: async ? .async : .sync, direction: e.twoWay ? .twoWay : .oneWay,
                                     protocolName: protocolName))
        }
        if !diagram.groups.isEmpty {
            messages.append(ImportMessage(.note, line: 0,
                "\(diagram.groups.count) group\(diagram.groups.count == 1 ? "" : "s") kept in the components' notes (“Group: …”); designs do not have groups yet"))
        }
        messages.sort { $0.line < $1.line }
        return (design, messages)
    }

    static func groupPath(_ index: Int, _ groups: [ImportedDiagram.Group]) -> String {
        var names: [String] = []
        var i: Int? = index
        var guardCount = 0
        while let g = i, g < groups.count, guardCount <= groups.count {
            names.append(clean(groups[g].title.isEmpty ? groups[g].key : groups[g].title))
            i = groups[g].parent
            guardCount += 1
        }
        return names.reversed().joined(separator: " / ")
    }

    /// One line, trimmed: HTML line breaks (`<br>`) and line breaks become spaces.
    static func clean(_ text: String) -> String {
        guard text.contains(where: { $0 == "<" || $0 == "\\" || $0.isNewline || $0 == " " || $0 == "\t" }) else { return text }
        var t = text
        for br in ["<br/>", "<br />", "<br>", "<BR>", "<BR/>", "<br >"] { t = t.replacingOccurrences(of: br, with: " ") }
        t = String(t.map { $0.isNewline || $0 == "\t" ? " " : $0 })
        return t.trimmingCharacters(in: .whitespaces)
    }
}
