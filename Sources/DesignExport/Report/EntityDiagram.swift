import DesignModel

/// The data model as a Mermaid `erDiagram`: one block per entity with its fields (type, name,
/// PK/FK/UK, a comment), one line per relationship and per field reference.
///
/// Safety, as in `MermaidExport`: entity ids are generated (`e_` + `[A-Za-z0-9_]`); display
/// names and comments are double-quoted and escaped by `MermaidExport.label` (which also
/// defuses the `direction` rule this lexer shares with the flowchart's), plus `\`, which an
/// ER entity name may not contain. Field types and names must be bare words here, so they
/// are reduced to `[A-Za-z0-9_]` and the real text, when that changed it, goes in the quoted
/// comment. No `click`, `style`, `classDef` or `%%` line is ever written.
public enum EntityDiagram {
    public static func render(_ design: Design) -> String {
        var out = "erDiagram\n"
        let ids = ids(design.entities)
        for e in design.entities {
            guard let id = ids[e.id] else { continue }
            let references = Set(e.fields.compactMap { $0.references == nil ? nil : $0.name })
            out += "    \(id)[\"\(name(entityCaption(e)))\"]"
            if e.fields.isEmpty {
                out += "\n"
                continue
            }
            out += " {\n"
            for (n, f) in e.fields.enumerated() {
                let type = word(f.type, fallback: "any")
                let fieldName = word(f.name, fallback: "field_\(n + 1)")
                var keys: [String] = []
                if f.primaryKey { keys.append("PK") }
                if references.contains(f.name) { keys.append("FK") }
                if f.unique && !f.primaryKey { keys.append("UK") }
                // The real name and type when the bare words had to change them.
                let realName = TextSafety.oneLine(f.name), realType = TextSafety.oneLine(f.type)
                var comment: [String] = []
                if fieldName != realName { comment.append(realName) }
                if type != realType { comment.append(realType) }
                if f.nullable { comment.append("nullable") }
                comment.append(TextSafety.oneLine(f.notes))
                comment.removeAll { $0.isEmpty }
                out += "        \(type) \(fieldName)"
                if !keys.isEmpty { out += " " + keys.joined(separator: ", ") }
                if !comment.isEmpty { out += " \"" + text(comment.joined(separator: " · ")) + "\"" }
                out += "\n"
            }
            out += "    }\n"
        }
        for e in design.entities {
            guard let a = ids[e.id] else { continue }
            var related = Set<ItemID<Entity>>()
            for r in e.relationships {
                guard let b = ids[r.target] else { continue }
                related.insert(r.target)
                let shape: String
                switch r.cardinality {
                case .oneToOne: shape = "||--||"
                case .oneToMany: shape = "||--o{"
                case .manyToMany: shape = "}o--o{"
                }
                out += "    \(a) \(shape) \(b) : \"\(text(r.label))\"\n"
            }
            // A reference with no declared relationship: many of these point at one of those.
            for f in e.fields {
                guard let ref = f.references, !related.contains(ref.entity), let b = ids[ref.entity] else { continue }
                let label = TextSafety.oneLine(f.name) + " → " + TextSafety.oneLine(ref.field)
                out += "    \(a) }o\(f.nullable ? ".." : "--")|| \(b) : \"\(text(label))\"\n"
            }
        }
        return out
    }

    /// The entity's name, or its id when it has none.
    static func entityCaption(_ e: Entity) -> String {
        let n = TextSafety.oneLine(e.name)
        return n.isEmpty ? TextSafety.oneLine(e.id.rawValue) : n
    }

    /// Text between double quotes: `MermaidExport.label`; then `\`, which the ER lexer refuses
    /// in an entity name, and the first letter of `direction` in any case (this lexer is
    /// case-insensitive, the flowchart's escaping only catches the lower-case word).
    static func text(_ raw: String) -> String {
        var l = MermaidExport.label(raw)
        if l.utf8.contains(UInt8(ascii: "\\")) { l = l.replacingOccurrences(of: "\\", with: "#92;") }
        guard l.utf8.count >= 9, l.lowercased().contains("direction") else { return l }
        var out = ""
        var rest = Substring(l)
        while let r = rest.range(of: "direction", options: .caseInsensitive) {
            out += rest[..<r.lowerBound]
            out += rest[r.lowerBound] == "D" ? "#68;" : "#100;"
            rest = rest[rest.index(after: r.lowerBound)...]
        }
        l = out + rest
        return l
    }

    /// A quoted entity name (never empty: the lexer wants at least one character).
    static func name(_ raw: String) -> String {
        let l = text(raw)
        return l.isEmpty ? "#32;" : l
    }

    /// A bare attribute word: ASCII letters, digits and `_` (runs of anything else become one
    /// `_`, none at either end), starting with a letter or `_`, never `PK`, `FK` or `UK`
    /// (keywords in any case). Brackets, which some Mermaid versions allow, are left out: an
    /// unbalanced one breaks others.
    static func word(_ text: String, fallback: String) -> String {
        var w = ""
        var pending = false
        for s in TextSafety.oneLine(text).unicodeScalars {
            if s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "_") {
                if pending && !w.isEmpty { w += "_" }
                w.unicodeScalars.append(s)
                pending = false
            } else {
                pending = true
            }
        }
        if w.isEmpty { return fallback }
        if let first = w.unicodeScalars.first, ("0"..."9").contains(first) { w = "_" + w }
        if ["pk", "fk", "uk"].contains(w.lowercased()) { w += "_" }
        return w
    }

    /// `e_` + the entity id reduced to `[A-Za-z0-9_]`, unique.
    static func ids(_ entities: [Entity]) -> [ItemID<Entity>: String] {
        var out: [ItemID<Entity>: String] = [:]
        var used = Set<String>()
        for e in entities where out[e.id] == nil {
            var base = "e_"
            for s in e.id.rawValue.unicodeScalars {
                base.unicodeScalars.append(s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s)) ? s : "_")
            }
            var id = base
            var n = 1
            while used.contains(id) {
                n += 1
                id = "\(base)_\(n)"
            }
            used.insert(id)
            out[e.id] = id
        }
        return out
    }
}
