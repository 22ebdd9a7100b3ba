import DesignModel

/// One cell of a row table, whatever the row type behind it.
public enum TableCell: Equatable, Sendable {
    case text(String)
    case flag(Bool)
    /// A value picked from a list: an enum's raw value, an entity's id, a reference.
    case choice(String)
    /// Values ticked from a list, in the order they were ticked (an index's fields).
    case list([String])

    public var text: String {
        if case .text(let s) = self { return s }
        return ""
    }
    public var flag: Bool {
        if case .flag(let b) = self { return b }
        return false
    }
    public var choice: String {
        if case .choice(let s) = self { return s }
        return ""
    }
    public var list: [String] {
        if case .list(let l) = self { return l }
        return []
    }
}

/// One value of a list a cell picks from.
public struct TableOption: Equatable, Sendable {
    public var label: String
    public var value: String
    public init(_ label: String, _ value: String) {
        self.label = label
        self.value = value
    }
}

public struct TableColumn: Sendable {
    public enum Kind: Equatable, Sendable { case text, flag, choice, multiChoice }

    public let title: String
    public let kind: Kind
    /// The narrowest the column is drawn (the title's width for a flag); the rest of the
    /// width is shared by weight.
    public let minWidth: Int
    public let weight: Int
    /// What a cell shows (a choice's label, a list joined).
    public let display: @Sendable (Design, TableCell) -> String
    /// The values a choice or multi-choice cell picks from, for the item (by id).
    public let options: @Sendable (Design, String) -> [TableOption]

    public init(_ title: String, _ kind: Kind, minWidth: Int = 0, weight: Int = 1,
                display: (@Sendable (Design, TableCell) -> String)? = nil,
                options: @escaping @Sendable (Design, String) -> [TableOption] = { _, _ in [] }) {
        self.title = title
        self.kind = kind
        self.minWidth = kind == .flag ? max(1, title.count) : max(minWidth, 3)
        self.weight = kind == .flag ? 0 : max(1, weight)
        self.display = display ?? { _, cell in
            switch cell {
            case .text(let s), .choice(let s): s
            case .flag(let b): b ? "✓" : "·"
            case .list(let l): l.joined(separator: ", ")
            }
        }
        self.options = options
    }
}

/// A change to a table's rows, in cells; the table turns it into a `RowEdit` of its row type.
public enum RowChange: Equatable, Sendable {
    case add([TableCell], at: Int)
    case delete(at: Int)
    case move(from: Int, to: Int)
    case replace(at: Int, with: [TableCell])
}

/// A small table of rows belonging to an item (an endpoint's request fields, an entity's
/// indexes): its columns, how to read its rows as cells, and how to write a change back through
/// the model's row-editing functions. The table editor (`TableEditor`) works on any of these.
public struct RowTable: Sendable {
    public let title: String
    /// The singular noun for messages ("request field").
    public let noun: String
    public let columns: [TableColumn]
    /// The rows of the item with this id, as cells; nil when there is no such item.
    public let rows: @Sendable (Design, String) -> [[TableCell]]?
    /// The cells of a new row.
    public let blank: @Sendable (Design, String) -> [TableCell]
    /// Why a row cannot be written (a missing name, a name taken), or nil. `at` is the row it
    /// replaces (nil for a new row), so a row is not compared with itself.
    public let problem: @Sendable (_ row: [TableCell], _ rows: [[TableCell]], _ at: Int?) -> String?
    /// Writes a change into the item with this id, saying what else changed.
    public let apply: @Sendable (inout Design, String, RowChange) throws -> RowEditOutcome

    /// A table over rows of type `Row`, converted to and from cells.
    public static func of<Row: Equatable & Sendable>(
        _ title: String, noun: String, columns: [TableColumn],
        read: @escaping @Sendable (Design, String) -> [Row]?,
        cells: @escaping @Sendable (Row) -> [TableCell],
        row: @escaping @Sendable ([TableCell]) -> Row,
        blank: @escaping @Sendable (Design, String) -> Row,
        problem: @escaping @Sendable (_ row: Row, _ others: [Row]) -> String? = { _, _ in nil },
        edit: @escaping @Sendable (inout Design, String, RowEdit<Row>) throws -> RowEditOutcome
    ) -> RowTable {
        RowTable(
            title: title, noun: noun, columns: columns,
            rows: { d, id in read(d, id).map { $0.map(cells) } },
            blank: { d, id in cells(blank(d, id)) },
            problem: { new, rows, at in
                let others = rows.indices.filter { $0 != at }.map { row(rows[$0]) }
                return problem(row(new), others)
            },
            apply: { d, id, change in
                switch change {
                case .add(let c, let at): try edit(&d, id, .add(row(c), at: at))
                case .delete(let at): try edit(&d, id, .delete(at: at))
                case .move(let from, let to): try edit(&d, id, .move(from: from, to: to))
                case .replace(let at, let c): try edit(&d, id, .replace(at: at, with: row(c)))
                }
            })
    }

    /// A short name for a row in messages: its first text cell, or its first cell shown.
    public func rowName(_ design: Design, _ cells: [TableCell]) -> String {
        for (i, c) in cells.enumerated() where columns.indices.contains(i) {
            let shown = columns[i].display(design, c)
            if !shown.isEmpty { return shown }
        }
        return "row"
    }
}

/// The row tables of each kind of item that has any. A kind with tables adds one line.
public enum RowTables {
    static let byPane: [Pane: [RowTable]] = [
        .endpoints: EndpointTables.all,
        .entities: EntityTables.all,
    ]

    public static func tables(_ pane: Pane) -> [RowTable] { byPane[pane] ?? [] }
}
