import DesignModel

/// The table editor: the rows of one item's tables (an endpoint's request fields, errors,
/// filters; an entity's fields, indexes…) edited in place. It holds only where the cursor is and
/// what is being typed; the rows are read from the design each time, and every change is handed
/// back as a `RowChange` for the reducer to write (one undo step each, through the model's row
/// functions). Keys come through the keymap: the table context while moving, the text-field and
/// form contexts while typing in a cell, the picker context in a list of values, the palette
/// context in the filter line.
///
/// A new row is a draft until its first cell is kept: Esc before that leaves the table as it was.
public struct TableEditor: Equatable, Sendable {
    public enum Mode: Equatable, Sendable {
        case browse
        /// Typing into a text cell.
        case text(LineEditor)
        /// A list of values open on a choice cell: the options and the highlighted one.
        case pick([TableOption], highlighted: Int)
        /// A list to tick on a multi-choice cell, with the values ticked, in order.
        case tick([TableOption], highlighted: Int, ticked: [String])
        /// Typing the filter.
        case filter(LineEditor)
    }

    /// A row being added: where it goes, its cells, and the row selected before.
    public struct Draft: Equatable, Sendable {
        public var at: Int
        public var cells: [TableCell]
        public var returnRow: Int
    }

    /// What a key asks of the reducer.
    public enum Outcome: Equatable, Sendable {
        case stay
        case close
        /// Write a change to the rows, then move as `then` says.
        case write(RowChange, then: After)
        /// A command of another context (undo, save, help) to run with the table left open.
        case command(Command)
        /// Something to say on the status line.
        case say(String)
    }

    /// Where the cursor goes after a cell is kept.
    public enum After: Equatable, Sendable {
        case stay, next, previous
    }

    public let pane: Pane
    public let itemID: String
    /// Which of the item's tables is shown.
    public private(set) var table: Int
    /// The selected row, among the rows shown (after the filter, with the draft).
    public var row = 0
    public var column = 0
    public var mode: Mode = .browse
    public var filter = ""
    public var draft: Draft?
    /// Why the last cell was not kept.
    public var error: String?
    private var typeahead = ""
    private var typeaheadAt: Duration = .zero

    /// An editor on an item of a kind that has row tables; nil when the kind has none.
    public init?(pane: Pane, itemID: String, table: Int = 0) {
        let count = RowTables.tables(pane).count
        guard count > 0 else { return nil }
        self.pane = pane
        self.itemID = itemID
        self.table = min(max(0, table), count - 1)
    }

    public static func == (a: TableEditor, b: TableEditor) -> Bool {
        a.pane == b.pane && a.itemID == b.itemID && a.table == b.table && a.row == b.row && a.column == b.column
            && a.mode == b.mode && a.filter == b.filter && a.draft == b.draft && a.error == b.error
    }

    public var tables: [RowTable] { RowTables.tables(pane) }
    public var spec: RowTable { tables[table] }

    /// Rows in a page (PgUp/PgDn).
    static let page = 10

    // MARK: rows shown

    /// The document index of each row shown (the filter applied); nil stands for the draft.
    public func shown(_ rows: [[TableCell]], _ design: Design) -> [Int?] {
        var out: [Int?] = filter.isEmpty ? Array(rows.indices) : rows.indices.filter { matches(rows[$0], design) }
        if let draft { out.insert(nil, at: min(max(0, draft.at), out.count)) }
        return out
    }

    /// Whether a row holds the filter's text in any cell as shown (case ignored).
    public func matches(_ cells: [TableCell], _ design: Design) -> Bool {
        let needle = filter.lowercased()
        return zip(spec.columns, cells).contains { column, cell in column.display(design, cell).lowercased().contains(needle) }
    }

    /// The cells of a row shown: the draft's, or the design's.
    public func cells(at shownRow: Int, _ rows: [[TableCell]], _ design: Design) -> [TableCell]? {
        let s = shown(rows, design)
        guard s.indices.contains(shownRow) else { return nil }
        if let doc = s[shownRow] { return rows.indices.contains(doc) ? rows[doc] : nil }
        return draft?.cells
    }

    /// The document index of the selected row (nil on the draft or an empty table).
    func currentDocument(_ rows: [[TableCell]], _ design: Design) -> Int? {
        let s = shown(rows, design)
        return s.indices.contains(row) ? s[row] : nil
    }

    /// Keeps the selection inside the rows and columns there are (the design may have changed
    /// under the editor: an undo, a renamed field).
    public mutating func clamp(_ rows: [[TableCell]], _ design: Design) {
        table = min(max(0, table), tables.count - 1)
        if let d = draft, d.at > rows.count { draft?.at = rows.count }
        let n = shown(rows, design).count
        row = n == 0 ? 0 : min(max(0, row), n - 1)
        column = min(max(0, column), spec.columns.count - 1)
    }

    // MARK: keys

    public mutating func handle(_ key: Key, rows: [[TableCell]], design: Design, keymap: Keymap = .standard,
                                now: Duration = .zero) -> Outcome {
        clamp(rows, design)
        switch mode {
        case .browse: return browse(key, rows, design, keymap)
        case .text(var editor):
            if case .char(let c) = key {
                editor.insert(String(c))
                mode = .text(editor)
                error = nil
                return .stay
            }
            guard let command = keymap.command(for: key, in: .textField) else { return .stay }
            if editor.perform(command) {
                mode = .text(editor)
                error = nil
                return .stay
            }
            let value = TableCell.text(FormText.trimmed(editor.text))
            switch command {
            case .formSave: return keep(value, then: .stay, rows, design)
            case .formNextField: return keep(value, then: .next, rows, design)
            case .formPreviousField: return keep(value, then: .previous, rows, design)
            case .formCancel: cancel(rows, design)
            default: break
            }
            return .stay
        case .pick(let options, var h):
            switch keymap.command(for: key, in: .picker) {
            case .listClose?: cancel(rows, design); return .stay
            case .listPick?, .listToggle?: return keep(.choice(options[h].value), then: .stay, rows, design)
            case .listDown?: h = min(options.count - 1, h + 1)
            case .listUp?: h = max(0, h - 1)
            case .listTop?: h = 0
            case .listBottom?: h = options.count - 1
            default:
                if case .char(let c) = key { h = typeAhead(options, from: h, c, now) }
            }
            mode = .pick(options, highlighted: h)
            return .stay
        case .tick(let options, var h, var ticked):
            switch keymap.command(for: key, in: .picker) {
            case .listClose?: cancel(rows, design); return .stay
            case .listPick?: return keep(.list(ticked), then: .stay, rows, design)
            case .listToggle?:
                let v = options[h].value
                if let i = ticked.firstIndex(of: v) { ticked.remove(at: i) } else { ticked.append(v) }
                error = nil
            case .listDown?: h = min(options.count - 1, h + 1)
            case .listUp?: h = max(0, h - 1)
            case .listTop?: h = 0
            case .listBottom?: h = options.count - 1
            default:
                if case .char(let c) = key { h = typeAhead(options, from: h, c, now) }
            }
            mode = .tick(options, highlighted: h, ticked: ticked)
            return .stay
        case .filter(var editor):
            switch keymap.command(for: key, in: .palette) {
            case .paletteClose?:
                clearFilter(rows, design)
                mode = .browse
                return .say("Filter cleared")
            case .paletteRun?:
                mode = .browse
                if filter.isEmpty { return .say("Filter cleared") }
                let n = shown(rows, design).count
                return .say("\(n) row\(n == 1 ? "" : "s") match \"\(filter)\" — / then Esc clears")
            case .paletteDown?: row += 1
            case .paletteUp?: row = max(0, row - 1)
            default:
                editor.handle(key, keymap: keymap)
                filter = editor.text
                row = 0
            }
            mode = .filter(editor)
            clamp(rows, design)
            return .stay
        }
    }

    private mutating func browse(_ key: Key, _ rows: [[TableCell]], _ design: Design, _ keymap: Keymap) -> Outcome {
        let shownRows = shown(rows, design)
        let last = max(0, shownRows.count - 1)
        error = nil
        switch keymap.command(for: key, in: .table) {
        case .tableDown?: row = min(row + 1, last)
        case .tableUp?: row = max(0, row - 1)
        case .tableTop?: row = 0
        case .tableBottom?: row = last
        case .tablePageDown?: row = min(row + Self.page, last)
        case .tablePageUp?: row = max(0, row - Self.page)
        case .tableLeft?: column = max(0, column - 1)
        case .tableRight?: column = min(spec.columns.count - 1, column + 1)
        case .tableNextCell?: step(1, rows, design)
        case .tablePreviousCell?: step(-1, rows, design)
        case .tableEdit?, .tableToggle?: return open(rows, design)
        case .tableAdd?, .tableInsert?:
            guard filter.isEmpty else { return .say("Clear the filter (/ then Esc) to add rows") }
            let below = keymap.command(for: key, in: .table) == .tableAdd
            let at = rows.isEmpty ? 0 : min(rows.count, row + (below ? 1 : 0))
            draft = Draft(at: at, cells: spec.blank(design, itemID), returnRow: row)
            row = at
            column = 0
            return open(rows, design)
        case .tableDelete?:
            guard let doc = currentDocument(rows, design) else { return .say("Nothing to delete — a adds a row") }
            return .write(.delete(at: doc), then: .stay)
        case .tableMoveDown?, .tableMoveUp?:
            guard filter.isEmpty else { return .say("Clear the filter (/ then Esc) to reorder") }
            let delta = keymap.command(for: key, in: .table) == .tableMoveDown ? 1 : -1
            guard let doc = currentDocument(rows, design), rows.indices.contains(doc + delta) else { return .stay }
            return .write(.move(from: doc, to: doc + delta), then: .stay)
        case .tableNext?: select(table: (table + 1) % tables.count)
        case .tablePrevious?: select(table: (table + tables.count - 1) % tables.count)
        case .tableFilter?: mode = .filter(LineEditor(filter))
        case .tableNextMatch?: row = shownRows.isEmpty ? 0 : (row + 1) % shownRows.count
        case .tablePreviousMatch?: row = shownRows.isEmpty ? 0 : (row + shownRows.count - 1) % shownRows.count
        case .tableClose?:
            guard filter.isEmpty else {
                clearFilter(rows, design)
                return .say("Filter cleared")
            }
            return .close
        case let command?: return .command(command)
        case nil:
            if case .char(let c) = key, !c.isWhitespace { return .say("\(key) does nothing here — press ? for keys") }
        }
        return .stay
    }

    /// Shows another of the item's tables, from its first row.
    public mutating func select(table n: Int) {
        guard tables.indices.contains(n) else { return }
        table = n
        row = 0
        column = 0
        filter = ""
        draft = nil
        mode = .browse
        error = nil
    }

    /// Moves one cell on (wrapping to the next or previous row); a text cell starts typing.
    mutating func step(_ delta: Int, _ rows: [[TableCell]], _ design: Design) {
        let n = spec.columns.count
        let count = shown(rows, design).count
        var c = column + delta
        var r = row
        if c >= n, r + 1 < count { c = 0; r += 1 }
        if c < 0, r > 0 { c = n - 1; r -= 1 }
        column = min(max(0, c), n - 1)
        row = r
        if spec.columns[column].kind == .text, let cells = cells(at: row, rows, design) {
            mode = .text(LineEditor(cells[column].text))
        }
    }

    /// Enter on a cell: typing in a text cell, a tick flipped, a list of values opened.
    mutating func open(_ rows: [[TableCell]], _ design: Design) -> Outcome {
        guard let cells = cells(at: row, rows, design) else { return .say("No rows yet — a adds one") }
        let col = spec.columns[column]
        switch col.kind {
        case .text:
            mode = .text(LineEditor(cells[column].text))
        case .flag:
            return keep(.flag(!cells[column].flag), then: .stay, rows, design)
        case .choice:
            let options = col.options(design, itemID)
            guard !options.isEmpty else { return .say("Nothing to pick from yet") }
            mode = .pick(options, highlighted: options.firstIndex { $0.value == cells[column].choice } ?? 0)
        case .multiChoice:
            let options = col.options(design, itemID)
            guard !options.isEmpty else {
                if draft != nil { cancel(rows, design) }
                return .say("Nothing to pick from yet: add the entity's fields first (> goes to the next table)")
            }
            mode = .tick(options, highlighted: 0, ticked: cells[column].list)
        }
        return .stay
    }

    /// Keeps a cell's new value: a write, or the reason it cannot be kept (the cell stays
    /// open). An edit may not bring in a problem the row did not have (a name taken, a name
    /// emptied); a row that had one already can still be edited.
    mutating func keep(_ value: TableCell, then: After, _ rows: [[TableCell]], _ design: Design) -> Outcome {
        guard var cells = cells(at: row, rows, design) else {
            mode = .browse
            return .stay
        }
        let before = cells
        cells[column] = value
        if let d = draft {
            if let problem = spec.problem(cells, rows, nil) {
                error = problem
                return .stay
            }
            return .write(.add(cells, at: d.at), then: then)
        }
        guard let doc = currentDocument(rows, design) else { return .stay }
        if cells == before {
            mode = .browse
            error = nil
            move(then, rows, design)
            return .stay
        }
        if let problem = spec.problem(cells, rows, doc), spec.problem(before, rows, doc) == nil {
            error = problem
            return .stay
        }
        return .write(.replace(at: doc, with: cells), then: then)
    }

    /// After a write went through: select the row the model names and move on.
    public mutating func written(_ result: RowEditOutcome, then: After, rows: [[TableCell]], design: Design) {
        draft = nil
        mode = .browse
        error = nil
        let s = shown(rows, design)
        row = s.firstIndex(of: result.selection) ?? min(row, max(0, s.count - 1))
        move(then, rows, design)
    }

    private mutating func move(_ then: After, _ rows: [[TableCell]], _ design: Design) {
        switch then {
        case .stay: break
        case .next: step(1, rows, design)
        case .previous: step(-1, rows, design)
        }
    }

    /// Leaves a cell without keeping it; a draft row goes away.
    mutating func cancel(_ rows: [[TableCell]], _ design: Design) {
        if let d = draft {
            draft = nil
            row = d.returnRow
        }
        mode = .browse
        error = nil
        clamp(rows, design)
    }

    /// Clears the filter, keeping the selected row selected.
    mutating func clearFilter(_ rows: [[TableCell]], _ design: Design) {
        let doc = currentDocument(rows, design)
        filter = ""
        if let doc { row = doc }
        clamp(rows, design)
    }

    /// A click on a cell: the selected cell opens (as Enter), another is selected. A cell being
    /// typed into is kept first (the write comes back before the click is done).
    public mutating func click(row r: Int, column c: Int, rows: [[TableCell]], design: Design) -> Outcome {
        clamp(rows, design)
        switch mode {
        case .text(let editor):
            return keep(.text(FormText.trimmed(editor.text)), then: .stay, rows, design)
        case .pick, .tick:
            cancel(rows, design)
            return .stay
        case .filter:
            mode = .browse
        case .browse:
            break
        }
        let n = shown(rows, design).count
        guard r >= 0, r < n else { return .stay }
        if r == row && c == column { return open(rows, design) }
        row = r
        column = min(max(0, c), spec.columns.count - 1)
        return .stay
    }

    /// Text pasted while typing in a cell or the filter.
    public mutating func paste(_ text: String) {
        switch mode {
        case .text(var editor):
            editor.insert(text)
            mode = .text(editor)
        case .filter(var editor):
            editor.insert(text)
            filter = editor.text
            mode = .filter(editor)
            row = 0
        default:
            break
        }
    }

    /// The design with the cell being typed into kept, if it could be: what the recovery copy
    /// holds while the editor is open.
    public func pending(_ design: Design) -> Design {
        guard case .text(let editor) = mode, let rows = spec.rows(design, itemID) else { return design }
        var copy = self
        guard case .write(let change, _) = copy.keep(.text(FormText.trimmed(editor.text)), then: .stay, rows, design) else {
            return design
        }
        var d = design
        return (try? spec.apply(&d, itemID, change)) != nil ? d : design
    }

    private mutating func typeAhead(_ options: [TableOption], from h: Int, _ c: Character, _ now: Duration) -> Int {
        if now - typeaheadAt > Form.typeaheadPause { typeahead = "" }
        typeaheadAt = now
        return Form.typeAhead(options.map(\.label), from: h, buffer: &typeahead, letter: c.lowercased()) ?? h
    }
}
