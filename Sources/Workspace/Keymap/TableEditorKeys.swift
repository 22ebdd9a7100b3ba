/// The table editor's bindings and command titles (its own keymap context, `KeyContext.table`;
/// `?` lists them with the rest). Cells being typed into use the text-field and form contexts,
/// lists of values the picker context, the filter line the palette's, as everywhere else.
public enum TableEditorKeys {
    static let bindings: [Binding] = [
        Binding(.panes, [.char("r")], .editRows),

        Binding(.table, [.char("j"), .down], .tableDown),
        Binding(.table, [.char("k"), .up], .tableUp),
        Binding(.table, [.char("h"), .left], .tableLeft),
        Binding(.table, [.char("l"), .right], .tableRight),
        Binding(.table, [.tab], .tableNextCell),
        Binding(.table, [.backTab], .tablePreviousCell),
        Binding(.table, [.char("g"), .home], .tableTop),
        Binding(.table, [.char("G"), .end], .tableBottom),
        Binding(.table, [.pageDown, .ctrl("d")], .tablePageDown),
        Binding(.table, [.pageUp, .ctrl("u")], .tablePageUp),
        Binding(.table, [.enter, .char("e")], .tableEdit, hint: true),
        Binding(.table, [.char(" "), .char("x")], .tableToggle),
        Binding(.table, [.char("a"), .char("o")], .tableAdd, hint: true),
        Binding(.table, [.char("O")], .tableInsert),
        Binding(.table, [.char("d"), .delete], .tableDelete, hint: true),
        Binding(.table, [.char("J")], .tableMoveDown, hint: true),
        Binding(.table, [.char("K")], .tableMoveUp),
        Binding(.table, [.char(">")], .tableNext, hint: true),
        Binding(.table, [.char("<")], .tablePrevious),
        Binding(.table, [.char("/")], .tableFilter, hint: true),
        Binding(.table, [.char("n")], .tableNextMatch),
        Binding(.table, [.char("N")], .tablePreviousMatch),
        Binding(.table, [.escape, .char("q")], .tableClose, hint: true),
    ]

    static func title(_ command: Command) -> String {
        switch command {
        case .editRows: "Edit the item's rows (fields, errors, indexes) in a table"
        case .tableDown: "Next row"
        case .tableUp: "Previous row"
        case .tableLeft: "Cell to the left"
        case .tableRight: "Cell to the right"
        case .tableNextCell: "Next cell (starts typing in a text cell)"
        case .tablePreviousCell: "Previous cell (starts typing in a text cell)"
        case .tableTop: "First row"
        case .tableBottom: "Last row"
        case .tablePageDown: "Page down"
        case .tablePageUp: "Page up"
        case .tableEdit: "Edit the cell (tick a box, open a list of values)"
        case .tableToggle: "Tick / untick the cell, or open its list"
        case .tableAdd: "Add a row below"
        case .tableInsert: "Add a row above"
        case .tableDelete: "Delete the row (u undoes)"
        case .tableMoveDown: "Move the row down"
        case .tableMoveUp: "Move the row up"
        case .tableNext: "Next table of the item"
        case .tablePrevious: "Previous table of the item"
        case .tableFilter: "Filter the rows"
        case .tableNextMatch: "Next row (wraps)"
        case .tablePreviousMatch: "Previous row (wraps)"
        case .tableClose: "Close the table (Esc clears a filter first)"
        default: command.rawValue
        }
    }

    /// A word or two for the editor's key line.
    public static func hint(_ command: Command) -> String {
        switch command {
        case .tableEdit: "edit"
        case .tableAdd: "add"
        case .tableDelete: "delete"
        case .tableMoveDown: "move"
        case .tableNext: "table"
        case .tableFilter: "filter"
        case .tableClose: "close"
        default: title(command).lowercased()
        }
    }

    /// Commands of other contexts that work while the table editor is open: they leave the
    /// table where it is (saving, help, the palette, undo, the interview clock).
    static let passThrough: Set<Command> = [
        .save, .help, .commandLine, .undo, .redo, .suspend, .redraw,
        .interviewToggle, .interviewNext, .interviewPrevious, .interviewAddMinute, .interviewInfo, .interviewerCard,
    ]
}
