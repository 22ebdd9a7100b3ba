import DesignModel

/// Stage 5 of the report: each entity's field table, indexes, relationships and access
/// patterns, then the Mermaid `erDiagram`.
extension ReportWriter {
    mutating func writeEntities() {
        heading(3, "Data model")
        if design.entities.isEmpty {
            paragraph("_No entities recorded yet._")
            return
        }
        table(["ID", "Entity", "Kind", "Store", "Partition key", "Retention"], align: ["l", "l", "l", "l", "l", "l"],
              rows: design.entities.enumerated().map { i, e in
                  [link(e.id.rawValue, to: "entity-\(i)"), cell(e.name), e.kind.label, server(e.store),
                   cell(e.partitionKey), cell(e.retention)]
              })
        let names = Dictionary(design.entities.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        for (i, e) in design.entities.enumerated() { writeEntity(e, index: i, names: names) }

        heading(3, "Entity-relationship diagram")
        let mermaid = EntityDiagram.render(design)
        let fence = MarkdownText.fence(for: mermaid)
        line(fence + "mermaid")
        out += mermaid
        line(fence)
        line()
    }

    mutating func writeEntity(_ e: Entity, index: Int, names: [ItemID<Entity>: String]) {
        let name = TextSafety.oneLine(e.name)
        heading(4, TextSafety.oneLine(e.id.rawValue) + (name.isEmpty ? "" : ": " + name), anchorKey: "entity-\(index)")
        var facts = ["**Kind:** " + e.kind.label, "**Store:** " + server(e.store)]
        if !TextSafety.oneLine(e.partitionKey).isEmpty { facts.append("**Partition key:** " + cell(e.partitionKey)) }
        if !TextSafety.oneLine(e.retention).isEmpty { facts.append("**Retention:** " + cell(e.retention)) }
        if !e.requirements.isEmpty {
            facts.append("**Requirements:** " + e.requirements.map { cell($0.rawValue) }.joined(separator: ", "))
        }
        paragraph(facts.joined(separator: " · "))

        func entityName(_ id: ItemID<Entity>) -> String {
            guard let n = names[id] else { return cell(id.rawValue) + " _(missing)_" }
            let t = TextSafety.oneLine(n)
            return cell(t.isEmpty ? id.rawValue : t)
        }

        if e.fields.isEmpty {
            paragraph("**Fields:** _none recorded._")
        } else {
            table(["Field", "Type", "Key", "Null", "Unique", "Indexed", "References", "Notes"],
                  align: ["l", "l", "l", "l", "l", "l", "l", "l"],
                  rows: e.fields.map { f in
                      [cell(f.name), cell(f.type), f.primaryKey ? "PK" : "", f.nullable ? "yes" : "no",
                       f.unique ? "yes" : "", f.indexed ? "yes" : "",
                       f.references.map { entityName($0.entity) + "." + cell($0.field) } ?? "", cell(f.notes)]
                  })
        }
        if !e.indexes.isEmpty {
            paragraph("**Indexes:**")
            table(["Name", "Fields", "Unique", "Serves"], align: ["l", "l", "l", "l"],
                  rows: e.indexes.map { x in
                      [cell(x.name), x.fields.map(cell).joined(separator: ", "), x.unique ? "yes" : "", cell(x.query)]
                  })
        }
        if !e.relationships.isEmpty {
            paragraph("**Relationships:**")
            for r in e.relationships {
                let label = TextSafety.oneLine(r.label)
                line("- " + r.cardinality.label + " with " + entityName(r.target) + (label.isEmpty ? "" : ": " + cell(label)))
            }
            line()
        }
        if !e.accessPatterns.isEmpty {
            paragraph("**Access patterns:**")
            table(["Query", "Index used"], align: ["l", "l"],
                  rows: e.accessPatterns.map { a in
                      [cell(a.query), a.index.isEmpty ? "_(none)_" : cell(a.index)]
                  })
        }
        let notes = MarkdownText.block(e.notes)
        if !notes.isEmpty { paragraph("**Notes.** " + notes) }
    }
}
