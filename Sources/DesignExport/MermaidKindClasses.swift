import DesignModel

extension MermaidExport {
    /// `class n_comp_1,n_comp_4 kind_database`: one line per component kind in use, so that
    /// `sysdraft import --from mermaid` gets every kind back (shapes are shared by several
    /// kinds: a cylinder is a database, object storage or a search index). The classes have no
    /// `classDef`, so they change nothing in the drawing; a reader may style them. Class names
    /// are `kind_` plus the kind with `_` for `-`; node ids are generated, so the line holds no
    /// user text.
    static func kindClassLines(_ components: [Component], ids: DiagramNodeIDs) -> String {
        var byKind: [Component.Kind: [String]] = [:]
        var seen = Set<String>()
        for c in components {
            guard let id = ids[c.id], seen.insert(id).inserted else { continue }
            byKind[c.kind, default: []].append(id)
        }
        var out = ""
        for kind in Component.Kind.allCases {
            guard let nodes = byKind[kind] else { continue }
            out += "    class " + nodes.joined(separator: ",") + " " + kindClassName(kind) + "\n"
        }
        return out
    }

    public static func kindClassName(_ kind: Component.Kind) -> String {
        "kind_" + kind.rawValue.replacingOccurrences(of: "-", with: "_")
    }
}
