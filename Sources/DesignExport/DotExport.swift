import DesignModel

/// The architecture as a Graphviz `digraph`, equivalent to the Mermaid export: shapes by kind,
/// dashed edges for async flows, `dir=both` for two-way flows, the design's groups as nested
/// clusters (or clusters by kind).
/// Every string is double-quoted with `\`, `"` escaped and line breaks folded, so the output is
/// valid input for `dot` whatever the names are.
public enum DotExport {
    public static func render(_ design: Design, options: FlowchartOptions = FlowchartOptions()) -> String {
        var out = "digraph sysdraft {\n"
        var graphAttrs = "rankdir=\(options.direction(for: design).rawValue), fontname=\"Helvetica\""
        let title = TextSafety.oneLine(design.title)
        if !title.isEmpty { graphAttrs += ", label=\(quote(title)), labelloc=t" }
        out += "    graph [\(graphAttrs)];\n"
        out += "    node [shape=box, fontname=\"Helvetica\"];\n"
        out += "    edge [fontname=\"Helvetica\", fontsize=10];\n"

        let ids = DiagramNodeIDs(design.components)
        var declared = Set<String>()
        func node(_ c: Component, indent: String) {
            guard let id = ids[c.id], declared.insert(id).inserted else { return }
            out += "\(indent)\(id) [label=\(quote(nodeCaption(c))), \(shape(c.kind))];\n"
        }
        if options.groupByKind {
            for (kind, members) in groupedByKind(design.components) {
                out += "    subgraph cluster_\(kind.rawValue.replacingOccurrences(of: "-", with: "_")) {\n"
                out += "        label=\(quote(kind.groupTitle));\n"
                for c in members { node(c, indent: "        ") }
                out += "    }\n"
            }
        } else {
            // The design's groups as nested clusters, then the components in no group.
            let groups = ExportGroups(design)
            groups.walk(open: { g, depth in
                let pad = String(repeating: "    ", count: depth)
                out += pad + "subgraph cluster_" + groups.identifier(g.id) + " {\n"
                out += pad + "    label=\(quote(g.caption));\n"
            }, member: { c, depth in
                node(c, indent: String(repeating: "    ", count: depth))
            }, close: { _, depth in
                out += String(repeating: "    ", count: depth) + "}\n"
            })
            for c in groups.ungrouped { node(c, indent: "    ") }
        }

        let captions = FlowCaptions(design, options: options)
        for (i, f) in design.flows.enumerated() {
            guard let a = ids[f.from], let b = ids[f.to] else { continue }
            var attrs: [String] = []
            let caption = captions.caption(f, at: i)
            if !caption.isEmpty { attrs.append("label=\(quote(caption))") }
            if f.mode == .async { attrs.append("style=dashed") }
            if f.direction == .twoWay { attrs.append("dir=both") }
            out += "    \(a) -> \(b)"
            if !attrs.isEmpty { out += " [" + attrs.joined(separator: ", ") + "]" }
            out += ";\n"
        }
        out += "}\n"
        return out
    }

    /// Node attributes (shape, style) for a kind.
    public static func shape(_ kind: Component.Kind) -> String {
        switch kind {
        case .database, .objectStorage, .searchIndex: "shape=cylinder"
        case .queue: "shape=cds"
        case .cache, .app: "shape=box, style=rounded"
        case .client: "shape=ellipse"
        case .dns, .cdn: "shape=hexagon"
        case .loadBalancer: "shape=trapezium"
        case .apiGateway: "shape=invtrapezium"
        case .worker: "shape=component"
        case .monitoring: "shape=parallelogram"
        case .external: "shape=box, style=dashed"
        case .service, .auth, .other: "shape=box"
        }
    }

    /// Graphviz's scanner refuses a quoted string with a run of more than about 16,380 bytes
    /// ("longer than 16384?"); labels are cut to this many bytes of DOT text, well inside it.
    public static let maximumLabelBytes = 16_000

    /// The marker ending a label that was cut.
    static func cutMarker(_ totalCharacters: Int) -> String { " … (cut: \(totalCharacters) characters in all)" }

    /// A DOT double-quoted string. `&` is written `&amp;` because Graphviz decodes entities in
    /// labels; backslashes are doubled so `\n`, `\N`, `\G`... in user text stay literal. A label
    /// longer than `maximumLabelBytes` is cut at a character boundary, with a marker.
    public static func quote(_ text: String) -> String {
        var t = TextSafety.oneLine(text)
        if t.utf8.count > maximumLabelBytes / 5 { t = cut(t) }  // quoting at most quintuples a byte (&amp;)
        return t.withUTF8 { b -> String in
            var out: [UInt8] = [UInt8(ascii: "\"")]
            out.reserveCapacity(b.count + 8)
            for c in b {
                switch c {
                case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
                case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
                default: out.append(c)
                }
            }
            out.append(UInt8(ascii: "\""))
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// `text` cut so that, quoted, it stays within `maximumLabelBytes`, with the marker.
    static func cut(_ text: String) -> String {
        func quotedBytes(_ c: Character) -> Int {
            c.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\\") || $1 == UInt8(ascii: "\"") ? 2 : $1 == UInt8(ascii: "&") ? 5 : 1) }
        }
        let total = text.reduce(0) { $0 + quotedBytes($1) }
        if total <= maximumLabelBytes { return text }
        let count = text.count
        let marker = cutMarker(count)
        var budget = maximumLabelBytes - marker.utf8.count
        var end = text.startIndex
        for c in text {
            let n = quotedBytes(c)
            if n > budget { break }
            budget -= n
            end = text.index(after: end)
        }
        return String(text[..<end]) + marker
    }
}
