/// Where a key press lands: the keymap is looked up for the context on top.
public enum KeyContext: String, CaseIterable, Sendable {
    case global = "Everywhere"
    case panes = "Panes"
    case checklist = "Checklist"
    case diagram = "Diagram"
    case conflicts = "Merge conflicts"
    case steps = "Scenario steps"
    case sequence = "Sequence diagram"
    case review = "Review"
    case interview = "Interview"
    case form = "Forms"
    case picker = "Lists of values (in forms)"
    case textField = "Text fields"
    case textArea = "Text areas (several lines)"
    case dialog = "Help, full views and other text"
    case palette = "Command palette"
    case table = "Table editor (rows of an item: fields, errors, indexes)"
    case estimates = "Estimates list"
    case question = "Questions"

    /// The name used in the config file's `[keys.NAME]` tables.
    public var configName: String {
        switch self {
        case .global: "global"
        case .panes: "panes"
        case .checklist: "checklist"
        case .diagram: "diagram"
        case .conflicts: "conflicts"
        case .steps: "steps"
        case .sequence: "sequence"
        case .review: "review"
        case .interview: "interview"
        case .form: "form"
        case .picker: "list"
        case .textField: "field"
        case .textArea: "text"
        case .dialog: "dialog"
        case .palette: "palette"
        case .table: "table"
        case .estimates: "estimates"
        case .question: "question"
        }
    }

    /// Screens fall back to the global bindings; inside dialogs and fields only their own keys
    /// (and, in fields, the form's) apply, so a letter typed into a field is text, not a command.
    public var fallback: [KeyContext] {
        switch self {
        case .panes, .checklist, .diagram, .interview, .table, .steps, .sequence, .review: [self, .global]
        case .conflicts: [self, .panes, .global]
        case .textField, .picker: [self, .form]
        case .textArea: [self, .textField, .form]
        case .estimates: [self, .panes, .global]
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
        // A list with keys of its own (estimates) shows those first, then the panes' hints.
        if context.fallback.count > 2 {
            let own = bindings.filter { $0.context == context && $0.hint }
                .map { ($0.keys.map(\.description).joined(separator: "/"), $0.command.shortHint) }
            let base = hints(for: context.fallback[1]).filter { hint in
                // Leave out a key the list binds to something else.
                !bindings.contains { $0.context == context && $0.keys.map(\.description).contains(hint.keys) }
            }
            return own + base
        }
        return bindings.filter { ($0.context == context || $0.context == .global) && $0.hint }
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
        Binding(.diagram, [.char("f")], .diagramFocus, hint: true),
        Binding(.diagram, [.char("g")], .diagramGroup),
        Binding(.diagram, [.char("v")], .diagramKinds),
        Binding(.diagram, [.char("w")], .diagramAll),
        Binding(.diagram, [.escape], .panes, hint: true),

        Binding(.global, [.char("R")], .review),
        Binding(.review, [.char("j"), .down], .moveDown),
        Binding(.review, [.char("k"), .up], .moveUp),
        Binding(.review, [.char("g"), .home], .moveTop),
        Binding(.review, [.char("G"), .end], .moveBottom),
        Binding(.review, [.pageDown, .ctrl("d")], .pageDown),
        Binding(.review, [.pageUp, .ctrl("u")], .pageUp),
        Binding(.review, [.tab, .char("l"), .right], .nextStage, hint: true),
        Binding(.review, [.backTab, .char("h"), .left], .previousStage),
        Binding(.review, [.enter], .reviewJump, hint: true),
        Binding(.review, [.char("a")], .reviewAccept, hint: true),
        Binding(.review, [.char("d"), .delete], .reviewReopen),
        Binding(.review, [.escape], .panes, hint: true),

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

        Binding(.conflicts, [.char("o")], .takeOurs, hint: true),
        Binding(.conflicts, [.char("t")], .takeTheirs, hint: true),
        Binding(.conflicts, [.char("b")], .takeBase),
        Binding(.conflicts, [.enter, .char("e")], .edit, hint: true),
        Binding(.conflicts, [.char("A")], .resolveAllConflicts, hint: true),
        Binding(.conflicts, [.char("f")], .goToConflictedItem, hint: true),
        Binding(.panes, [.char("s")], .scenarioSteps),
        Binding(.panes, [.char("S")], .scenarioSequence),

        Binding(.steps, [.char("j"), .down], .moveDown),
        Binding(.steps, [.char("k"), .up], .moveUp),
        Binding(.steps, [.char("g"), .home], .moveTop),
        Binding(.steps, [.char("G"), .end], .moveBottom),
        Binding(.steps, [.pageDown, .ctrl("d")], .pageDown),
        Binding(.steps, [.pageUp, .ctrl("u")], .pageUp),
        Binding(.steps, [.char("a")], .stepAdd, hint: true),
        Binding(.steps, [.enter, .char("e")], .stepEdit, hint: true),
        Binding(.steps, [.char("d"), .delete], .stepDelete, hint: true),
        Binding(.steps, [.char("J")], .stepMoveDown),
        Binding(.steps, [.char("K")], .stepMoveUp),
        Binding(.steps, [.char(">"), .tab], .stepIndent),
        Binding(.steps, [.char("<"), .backTab], .stepOutdent),
        Binding(.steps, [.char("w")], .stepWrap, hint: true),
        Binding(.steps, [.char("W")], .stepUnwrap),
        Binding(.steps, [.char("b")], .stepAddBranch),
        Binding(.steps, [.char("B")], .stepRemoveBranch),
        Binding(.steps, [.char("V")], .stepMark),
        Binding(.steps, [.char("f")], .addMissingFlow),
        Binding(.steps, [.char("S")], .scenarioSequence, hint: true),
        Binding(.steps, [.char("D")], .diagram, hint: true),
        Binding(.steps, [.escape], .panes, hint: true),

        Binding(.sequence, [.char("h"), .left], .panLeft),
        Binding(.sequence, [.char("l"), .right], .panRight),
        Binding(.sequence, [.char("k"), .up], .panUp),
        Binding(.sequence, [.char("j"), .down], .panDown),
        Binding(.sequence, [.pageDown, .ctrl("d"), .char(" ")], .pageDown),
        Binding(.sequence, [.pageUp, .ctrl("u")], .pageUp),
        Binding(.sequence, [.char("g"), .home], .moveTop),
        Binding(.sequence, [.char("G"), .end], .moveBottom),
        Binding(.sequence, [.char("n"), .tab], .sequenceNextMissing, hint: true),
        Binding(.sequence, [.char("N"), .backTab], .sequencePreviousMissing),
        Binding(.sequence, [.char("f")], .addMissingFlow, hint: true),
        Binding(.sequence, [.char("A")], .sequenceASCII),
        Binding(.sequence, [.char("s")], .scenarioSteps, hint: true),
        Binding(.sequence, [.char("D")], .diagram, hint: true),
        Binding(.sequence, [.escape], .panes, hint: true),
        Binding(.diagram, [.char("F")], .addMissingFlow),
        Binding(.estimates, [.char("A")], .insertTemplate, hint: true),
        Binding(.estimates, [.char("R")], .referenceCard, hint: true),
    ] + TableEditorKeys.bindings)
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
        case .diagramFocus: "focus"
        case .takeOurs: "ours"
        case .takeTheirs: "theirs"
        case .takeBase: "base"
        case .resolveAllConflicts: "all"
        case .goToConflictedItem: "go to item"
        case .diagram: "diagram"
        case .stepAdd: "add step"
        case .stepEdit: "edit"
        case .stepDelete: "delete"
        case .stepWrap: "wrap"
        case .scenarioSequence: "sequence"
        case .scenarioSteps: "steps"
        case .sequenceNextMissing: "next missing"
        case .addMissingFlow: "add flow"
        case .reviewJump: "go to item"
        case .reviewAccept: "accept"
        case .insertTemplate: "template"
        case .referenceCard: "reference"
        default: title.lowercased()
        }
    }
}
