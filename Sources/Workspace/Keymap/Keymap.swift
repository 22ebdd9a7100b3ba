/// Where a key press lands: the keymap is looked up for the context on top.
public enum KeyContext: String, CaseIterable, Sendable {
    case global = "Everywhere"
    case panes = "Panes"
    case checklist = "Checklist"
    case diagram = "Diagram"
    case interview = "Interview"
    case form = "Forms"
    case picker = "Lists of values (in forms)"
    case textField = "Text fields"
    case textArea = "Text areas (several lines)"
    case dialog = "Help, full views and other text"
    case palette = "Command palette"
    case question = "Questions"

    /// The name used in the config file's `[keys.NAME]` tables.
    public var configName: String {
        switch self {
        case .global: "global"
        case .panes: "panes"
        case .checklist: "checklist"
        case .diagram: "diagram"
        case .interview: "interview"
        case .form: "form"
        case .picker: "list"
        case .textField: "field"
        case .textArea: "text"
        case .dialog: "dialog"
        case .palette: "palette"
        case .question: "question"
        }
    }

    /// Screens fall back to the global bindings; inside dialogs and fields only their own keys
    /// (and, in fields, the form's) apply, so a letter typed into a field is text, not a command.
    public var fallback: [KeyContext] {
        switch self {
        case .panes, .checklist, .diagram, .interview: [self, .global]
        case .textField, .picker: [self, .form]
        case .textArea: [self, .textField, .form]
        default: [self]
        }
    }

    /// Contexts where a printable key types text, so it cannot be bound to a command.
    public var typesText: Bool { self == .textField || self == .textArea || self == .palette }
}

public struct Binding: Equatable, Sendable {
    public var context: KeyContext
    public var keys: [Key]
    public var command: Command
    /// Shown in the status bar's hints.
    public var hint: Bool

    public init(_ context: KeyContext, _ keys: [Key], _ command: Command, hint: Bool = false) {
        self.context = context
        self.keys = keys
        self.command = command
        self.hint = hint
    }
}

/// The key bindings, as data. Dispatch, the help screen, the status-bar hints and the command
/// palette all read this one table.
public struct Keymap: Equatable, Sendable {
    public var bindings: [Binding]

    public init(bindings: [Binding]) { self.bindings = bindings }

    /// The command bound to a key in a context; the context's own bindings win over those of
    /// the contexts it falls back to (`KeyContext.fallback`).
    public func command(for key: Key, in context: KeyContext) -> Command? {
        for ctx in context.fallback {
            if let b = bindings.first(where: { $0.context == ctx && $0.keys.contains(key) }) { return b.command }
        }
        return nil
    }

    /// The keys that run a command in any context, each once, for display.
    public func keys(for command: Command) -> [Key] {
        var seen = Set<Key>()
        return bindings.filter { $0.command == command }.flatMap(\.keys).filter { seen.insert($0).inserted }
    }

    public func keyText(for command: Command) -> String {
        keys(for: command).map(\.description).joined(separator: "/")
    }

    public func hints(for context: KeyContext) -> [(keys: String, title: String)] {
        bindings.filter { ($0.context == context || $0.context == .global) && $0.hint }
            .map { ($0.keys.map(\.description).joined(separator: "/"), $0.command.shortHint) }
    }

    public static let standard = Keymap(bindings: [
        Binding(.global, [.ctrl("s")], .save, hint: true),
        Binding(.global, [.char("?"), .function(1)], .help, hint: true),
        Binding(.global, [.char(":")], .commandLine, hint: true),
        Binding(.global, [.char("q")], .quit, hint: true),
        Binding(.global, [.ctrl("c")], .quit),
        Binding(.global, [.ctrl("z")], .suspend),
        Binding(.global, [.ctrl("l")], .redraw),
        Binding(.global, [.char("u")], .undo),
        Binding(.global, [.ctrl("r"), .ctrl("y")], .redo),
        Binding(.global, [.char("c")], .checklist),
        Binding(.global, [.char("D")], .diagram),
        Binding(.global, [.char("p")], .panes),
        Binding(.global, [.char("t")], .interviewToggle),
        Binding(.global, [.char("]")], .interviewNext),
        Binding(.global, [.char("[")], .interviewPrevious),
        Binding(.global, [.char("+")], .interviewAddMinute),
        Binding(.global, [.char("i")], .interviewInfo),
        Binding(.global, [.char("I")], .interviewerCard),

        Binding(.panes, [.tab], .nextPane, hint: true),
        Binding(.panes, [.backTab], .previousPane),
        Binding(.panes, [.char("1")], .focusRequirements),
        Binding(.panes, [.char("2")], .focusComponents),
        Binding(.panes, [.char("3")], .focusFlows),
        Binding(.panes, [.char("4")], .focusTradeOffs),
        Binding(.panes, [.char("j"), .down], .moveDown),
        Binding(.panes, [.char("k"), .up], .moveUp),
        Binding(.panes, [.char("g"), .home], .moveTop),
        Binding(.panes, [.char("G"), .end], .moveBottom),
        Binding(.panes, [.pageDown, .ctrl("d")], .pageDown),
        Binding(.panes, [.pageUp, .ctrl("u")], .pageUp),
        Binding(.panes, [.char("a")], .add, hint: true),
        Binding(.panes, [.enter, .char("e")], .edit, hint: true),
        Binding(.panes, [.char("d"), .delete], .delete, hint: true),
        Binding(.panes, [.char("J")], .moveItemDown),
        Binding(.panes, [.char("K")], .moveItemUp),
        Binding(.panes, [.char("/")], .search, hint: true),
        Binding(.panes, [.char("n")], .searchNext),
        Binding(.panes, [.char("N")], .searchPrevious),
        Binding(.panes, [.escape], .clearFilter),

        Binding(.checklist, [.char("j"), .down], .moveDown),
        Binding(.checklist, [.char("k"), .up], .moveUp),
        Binding(.checklist, [.char("g"), .home], .moveTop),
        Binding(.checklist, [.char("G"), .end], .moveBottom),
        Binding(.checklist, [.tab, .char("l"), .right], .nextStage, hint: true),
        Binding(.checklist, [.backTab, .char("h"), .left], .previousStage),
        Binding(.checklist, [.char(" "), .char("x")], .toggleItem, hint: true),
        Binding(.checklist, [.char("a")], .add, hint: true),
        Binding(.checklist, [.char("e"), .enter], .edit),
        Binding(.checklist, [.char("d"), .delete], .delete),
        Binding(.checklist, [.char("n")], .editNotes, hint: true),
        Binding(.checklist, [.escape], .panes, hint: true),

        Binding(.diagram, [.char("h"), .left], .panLeft),
        Binding(.diagram, [.char("l"), .right], .panRight),
        Binding(.diagram, [.char("k"), .up], .panUp),
        Binding(.diagram, [.char("j"), .down], .panDown),
        Binding(.diagram, [.tab, .char("n")], .nextNode, hint: true),
        Binding(.diagram, [.backTab, .char("N")], .previousNode),
        Binding(.diagram, [.char("o")], .toggleDirection, hint: true),
        Binding(.diagram, [.escape], .panes, hint: true),

        Binding(.panes, [.char("v")], .viewItem, hint: true),
        Binding(.panes, [.char("}")], .detailsDown),
        Binding(.panes, [.char("{")], .detailsUp),
        Binding(.panes, [.char("5")], .focusPane5),
        Binding(.panes, [.char("6")], .focusPane6),
        Binding(.panes, [.char("7")], .focusPane7),
        Binding(.panes, [.char("8")], .focusPane8),
        Binding(.panes, [.char("9")], .focusPane9),
        Binding(.global, [.char("T")], .editDesignInfo),

        Binding(.form, [.tab, .down], .formNextField),
        Binding(.form, [.backTab, .up], .formPreviousField),
        Binding(.form, [.enter, .ctrl("s")], .formSave),
        Binding(.form, [.escape], .formCancel),
        Binding(.form, [.char(" ")], .formOpenList),
        Binding(.form, [.right], .formNextValue),
        Binding(.form, [.left], .formPreviousValue),

        Binding(.picker, [.down, .char("j"), .tab], .listDown),
        Binding(.picker, [.up, .char("k"), .backTab], .listUp),
        Binding(.picker, [.home, .char("g")], .listTop),
        Binding(.picker, [.end, .char("G")], .listBottom),
        Binding(.picker, [.enter], .listPick),
        Binding(.picker, [.char(" "), .char("x")], .listToggle),
        Binding(.picker, [.escape], .listClose),

        Binding(.textField, [.left, .ctrl("b")], .cursorLeft),
        Binding(.textField, [.right, .ctrl("f")], .cursorRight),
        Binding(.textField, [.home, .ctrl("a")], .cursorStart),
        Binding(.textField, [.end, .ctrl("e")], .cursorEnd),
        Binding(.textField, [.ctrlLeft, .alt("b")], .wordLeft),
        Binding(.textField, [.ctrlRight, .alt("f")], .wordRight),
        Binding(.textField, [.backspace, .ctrl("h")], .deleteBack),
        Binding(.textField, [.delete, .ctrl("d")], .deleteForward),
        Binding(.textField, [.ctrl("w"), .alt("\u{7f}")], .deleteWordBack),
        Binding(.textField, [.alt("d")], .deleteWordForward),
        Binding(.textField, [.ctrl("u")], .deleteToStart),
        Binding(.textField, [.ctrl("k")], .deleteToEnd),

        Binding(.textArea, [.enter], .newLine),
        Binding(.textArea, [.up], .lineUp),
        Binding(.textArea, [.down], .lineDown),
        Binding(.textArea, [.pageUp], .textPageUp),
        Binding(.textArea, [.pageDown], .textPageDown),
        Binding(.textArea, [.delete], .deleteForward),
        Binding(.textArea, [.ctrl("d"), .ctrl("s"), .escape], .textDone),
        Binding(.textArea, [.ctrl("g")], .textDiscard),

        Binding(.dialog, [.escape, .char("q"), .enter], .dialogClose),
        Binding(.dialog, [.char("j"), .down], .dialogDown),
        Binding(.dialog, [.char("k"), .up], .dialogUp),
        Binding(.dialog, [.pageDown, .char(" "), .ctrl("d")], .dialogPageDown),
        Binding(.dialog, [.pageUp, .ctrl("u")], .dialogPageUp),
        Binding(.dialog, [.char("g"), .home], .dialogTop),
        Binding(.dialog, [.char("G"), .end], .dialogBottom),
        Binding(.question, [.escape], .questionCancel),

        Binding(.palette, [.down, .ctrl("n")], .paletteDown),
        Binding(.palette, [.up, .ctrl("p")], .paletteUp),
        Binding(.palette, [.tab], .paletteComplete),
        Binding(.palette, [.enter], .paletteRun),
        Binding(.palette, [.escape], .paletteClose),
    ])
}

extension Command {
    /// A one- or two-word hint for the status bar.
    var shortHint: String {
        switch self {
        case .save: "save"
        case .help: "help"
        case .commandLine: "commands"
        case .quit: "quit"
        case .nextPane: "pane"
        case .add: "add"
        case .edit: "edit"
        case .delete: "delete"
        case .search: "filter"
        case .panes: "back"
        case .nextStage: "stage"
        case .toggleItem: "tick"
        case .editNotes: "notes"
        case .nextNode: "next box"
        case .toggleDirection: "direction"
        default: title.lowercased()
        }
    }
}
