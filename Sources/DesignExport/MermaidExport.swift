import DesignModel

/// Options shared by the diagram exports (Mermaid and DOT).
public struct FlowchartOptions: Equatable, Sendable {
    public enum Direction: String, CaseIterable, Sendable {
        case leftToRight = "LR"
        case topToBottom = "TB"
    }

    /// The direction asked for; nil: the design's own (`Design.diagramDirection`).
    public var direction: Direction?
    /// Draw components of the same kind inside a labelled box (Mermaid subgraph, DOT cluster)
    /// instead of the design's groups.
    public var groupByKind: Bool
    /// Add the load a flow carries (rate, bandwidth) to its edge label (`FlowLoadCaptions.swift`).
    public var showLoad: Bool

    public init(direction: Direction? = nil, groupByKind: Bool = false, showLoad: Bool = false) {
        self.direction = direction
        self.groupByKind = groupByKind
        self.showLoad = showLoad
    }

    /// The direction a design's diagram runs in under these options.
    public func direction(for design: Design) -> Direction {
        direction ?? (design.diagramDirection == .leftRight ? .leftToRight : .topToBottom)
    }
}

/// The architecture as a Mermaid `flowchart`: components are nodes shaped by kind, flows are
/// labelled edges (dotted for async, double-headed for two-way), groups are nested subgraphs.
///
/// Safety: every label is double-quoted with `"`, `<`, `>`, `&`, `#`, `%`, `|`, `` ` ``, `{`, `}`
/// written as Mermaid entity codes (`#quot;`, `#lt;`, ...), so user text cannot close the
/// label, form a directive (`%%{init`), a markdown string, HTML, or a new statement (see
/// `label` for `direction`). Node ids
/// are generated (`n_` + `[A-Za-z0-9_]`). No `click`, `call`, `style` or `%%` line is ever
/// written. Flows whose endpoints are missing are left out.
public enum MermaidExport {
    public static func render(_ design: Design, options: FlowchartOptions = FlowchartOptions()) -> String {
        var out = "flowchart \(options.direction(for: design).rawValue)\n"
        let ids = DiagramNodeIDs(design.components)
        var declared = Set<String>()

        func node(_ c: Component, indent: String) {
            guard let id = ids[c.id], declared.insert(id).inserted else { return }
            let (open, close) = shape(c.kind)
            out += indent + id + open + "\"" + label(nodeCaption(c)) + "\"" + close + "\n"
        }

        if options.groupByKind {
            for (kind, members) in groupedByKind(design.components) {
                out += "    subgraph g_\(kind.rawValue.replacingOccurrences(of: "-", with: "_")) [\"\(label(kind.groupTitle))\"]\n"
                for c in members { node(c, indent: "        ") }
                out += "    end\n"
            }
        } else {
            // The design's groups as nested subgraphs, then the components in no group.
            let groups = ExportGroups(design)
            groups.walk(open: { g, depth in
                out += String(repeating: "    ", count: depth) + "subgraph " + groups.identifier(g.id)
                    + " [\"" + label(g.caption) + "\"]\n"
            }, member: { c, depth in
                node(c, indent: String(repeating: "    ", count: depth))
            }, close: { _, depth in
                out += String(repeating: "    ", count: depth) + "end\n"
            })
            for c in groups.ungrouped { node(c, indent: "    ") }
        }

        let captions = FlowCaptions(design, options: options)
        for (i, f) in design.flows.enumerated() {
            guard let a = ids[f.from], let b = ids[f.to] else { continue }
            let arrow: String
            switch (f.mode, f.direction) {
            case (.sync, .oneWay): arrow = "-->"
            case (.sync, .twoWay): arrow = "<-->"
            case (.async, .oneWay): arrow = "-.->"
            case (.async, .twoWay): arrow = "<-.->"
            }
            let caption = captions.caption(f, at: i)
            out += "    \(a) \(arrow)"
            if !caption.isEmpty { out += "|\"" + label(caption) + "\"|" }
            out += " \(b)\n"
        }
        out += kindClassLines(design.components, ids: ids)
        return out
    }

    /// Opening and closing brackets of the node shape for a kind.
    public static func shape(_ kind: Component.Kind) -> (String, String) {
        switch kind {
        case .database, .objectStorage, .searchIndex: ("[(", ")]")     // cylinder
        case .queue: (">", "]")                                        // flag: a queue
        case .cache, .app: ("(", ")")                                  // rounded
        case .client: ("([", "])")                                     // stadium
        case .dns, .cdn: ("{{", "}}")                                  // hexagon
        case .loadBalancer, .apiGateway: ("[/", "\\]")                 // trapezoid
        case .worker: ("[[", "]]")                                     // subroutine
        case .monitoring: ("[/", "/]")                                 // parallelogram
        case .external: ("[\\", "\\]")                                 // parallelogram, leaning back
        case .service, .auth, .other: ("[", "]")                       // rectangle
        }
    }

    /// A label's text for use between double quotes.
    ///
    /// Besides the specials, the `d` of `direction` is written `#100;`: Mermaid's flowchart
    /// lexer has a rule `.*direction\s+(TB|BT|RL|LR)[^\n]*` that is tried at the start of a
    /// statement and would swallow the whole line, quotes and all.
    public static func label(_ text: String) -> String {
        var t = TextSafety.oneLine(text)
        return t.withUTF8 { b -> String in
            var out: [UInt8] = []
            out.reserveCapacity(b.count + 8)
            let direction = Array("direction".utf8)
            for (i, c) in b.enumerated() {
                if c == UInt8(ascii: "d"), i + direction.count <= b.count,
                   b[i..<(i + direction.count)].elementsEqual(direction) {
                    out.append(contentsOf: "#100;".utf8)
                    continue
                }
                let entity: String?
                switch c {
                case UInt8(ascii: "\""): entity = "#quot;"
                case UInt8(ascii: "<"): entity = "#lt;"
                case UInt8(ascii: ">"): entity = "#gt;"
                case UInt8(ascii: "&"): entity = "#amp;"
                case UInt8(ascii: "#"): entity = "#35;"
                case UInt8(ascii: "%"): entity = "#37;"
                case UInt8(ascii: "|"): entity = "#124;"
                case UInt8(ascii: "`"): entity = "#96;"
                case UInt8(ascii: "{"): entity = "#123;"
                case UInt8(ascii: "}"): entity = "#125;"
                default: entity = nil
                }
                if let entity { out.append(contentsOf: entity.utf8) } else { out.append(c) }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
