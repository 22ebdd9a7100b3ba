/// One edit to a small table of rows: an entity's fields or indexes, an endpoint's request
/// fields or error responses. The table editor of the workspace turns keys into these; the
/// model applies them (`Array.apply`, `Design.editEndpoint`, `Design.editEntity`).
public enum RowEdit<Row: Equatable & Sendable>: Equatable, Sendable {
    /// Inserts a row at a position (nil: at the end).
    case add(Row, at: Int? = nil)
    case delete(at: Int)
    /// Moves a row; a target past either end is clamped (moving the top row up does nothing).
    case move(from: Int, to: Int)
    /// Replaces a row in place (an edit of one or more of its cells).
    case replace(at: Int, with: Row)
}

/// A row edit that named a row the table does not have (a stale selection).
public struct RowEditError: Error, Equatable, Sendable, CustomStringConvertible {
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    public var description: String {
        count == 0 ? "the table has no rows" : "no row \(index + 1): the table has \(count) row\(count == 1 ? "" : "s")"
    }
}

extension Array where Element: Equatable & Sendable {
    /// Applies a row edit and returns the row to select afterwards: the added row, the row now
    /// at a deleted row's place (or the new last row), the moved row, the replaced row.
    /// An empty table after a delete selects row 0.
    @discardableResult
    public mutating func apply(_ edit: RowEdit<Element>) throws(RowEditError) -> Int {
        switch edit {
        case .add(let row, let at):
            let i = at.map { Swift.min(Swift.max($0, 0), count) } ?? count
            insert(row, at: i)
            return i
        case .delete(let i):
            guard indices.contains(i) else { throw RowEditError(index: i, count: count) }
            remove(at: i)
            return Swift.max(0, Swift.min(i, count - 1))
        case .move(let from, let to):
            guard indices.contains(from) else { throw RowEditError(index: from, count: count) }
            let target = Swift.min(Swift.max(to, 0), count - 1)
            if target != from { insert(remove(at: from), at: target) }
            return target
        case .replace(let i, let row):
            guard indices.contains(i) else { throw RowEditError(index: i, count: count) }
            self[i] = row
            return i
        }
    }
}
