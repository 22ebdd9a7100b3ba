import DesignModel

/// An endpoint's row tables: request and response fields, error responses, filters, sort keys.
enum EndpointTables {
    static let all: [RowTable] = [
        fields("Request", noun: "request field", \.request, locations: Endpoint.Field.Location.allCases),
        fields("Response", noun: "response field", \.response, locations: [.body, .header]),
        errors,
        names("Filters", noun: "filter", column: "Filter (query parameter)", \.filters),
        names("Sort keys", noun: "sort key", column: "Sort key", \.sortKeys),
    ]

    static func fields(_ title: String, noun: String, _ path: WritableKeyPath<Endpoint, [Endpoint.Field]> & Sendable,
                       locations: [Endpoint.Field.Location]) -> RowTable {
        RowTable.of(
            title, noun: noun,
            columns: [
                TableColumn("Name", .text, minWidth: 8, weight: 3),
                TableColumn("Type", .text, minWidth: 6, weight: 2),
                TableColumn("In", .choice, minWidth: 6, weight: 1,
                            display: { _, c in Endpoint.Field.Location(rawValue: c.choice)?.label ?? c.choice },
                            options: { _, _ in locations.map { TableOption($0.label, $0.rawValue) } }),
                TableColumn("Req", .flag),
                TableColumn("Notes", .text, minWidth: 6, weight: 3),
            ],
            read: { d, id in d.endpoints[id: ItemID(id)]?[keyPath: path] },
            cells: { f in [.text(f.name), .text(f.type), .choice(f.location.rawValue), .flag(f.required), .text(f.notes)] },
            row: { c in
                Endpoint.Field(name: c[0].text, type: c[1].text, location: Endpoint.Field.Location(rawValue: c[2].choice) ?? .body,
                               required: c[3].flag, notes: c[4].text)
            },
            blank: { _, _ in Endpoint.Field(name: "", location: locations.first ?? .body) },
            problem: { f, _ in f.name.isEmpty ? "A \(noun) needs a name." : nil },
            edit: { d, id, edit in try d.editEndpoint(ItemID(id), path, edit) })
    }

    static let errors = RowTable.of(
        "Errors", noun: "error response",
        columns: [
            TableColumn("Code", .text, minWidth: 5, weight: 1),
            TableColumn("Meaning", .text, minWidth: 10, weight: 4),
        ],
        read: { d, id in d.endpoints[id: ItemID(id)]?.errors },
        cells: { e in [.text(e.code), .text(e.meaning)] },
        row: { c in Endpoint.ErrorResponse(code: c[0].text, meaning: c[1].text) },
        blank: { _, _ in Endpoint.ErrorResponse(code: "") },
        problem: { e, others in
            if e.code.isEmpty { return "An error response needs a code (409, 4XX, NOT_FOUND)." }
            if others.contains(where: { $0.code == e.code }) { return "The endpoint already answers \(e.code)." }
            return nil
        },
        edit: { d, id, edit in try d.editEndpoint(ItemID(id), \.errors, edit) })

    /// A table of names: filters, sort keys.
    static func names(_ title: String, noun: String, column: String,
                      _ path: WritableKeyPath<Endpoint, [String]> & Sendable) -> RowTable {
        RowTable.of(
            title, noun: noun,
            columns: [TableColumn(column, .text, minWidth: 8)],
            read: { d, id in d.endpoints[id: ItemID(id)]?[keyPath: path] },
            cells: { [.text($0)] },
            row: { $0[0].text },
            blank: { _, _ in "" },
            problem: { name, others in
                if name.isEmpty { return "A \(noun) needs a name." }
                if others.contains(name) { return "\(name) is already a \(noun) of this endpoint." }
                return nil
            },
            edit: { d, id, edit in try d.editEndpoint(ItemID(id), path, edit) })
    }
}
