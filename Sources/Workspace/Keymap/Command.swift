/// Everything a key can do. The keymap maps keys to commands per context; the help screen and
/// the command palette are generated from the same table.
public enum Command: String, CaseIterable, Sendable {
    // panes and selection
    case nextPane = "pane.next"
    case previousPane = "pane.previous"
    case focusRequirements = "pane.requirements"
    case focusComponents = "pane.components"
    case focusFlows = "pane.flows"
    case focusTradeOffs = "pane.trade-offs"
    case focusPane5 = "pane.5"
    case focusPane6 = "pane.6"
    case focusPane7 = "pane.7"
    case focusPane8 = "pane.8"
    case focusPane9 = "pane.9"
    case moveDown = "move.down"
    case moveUp = "move.up"
    case moveTop = "move.top"
    case moveBottom = "move.bottom"
    case pageDown = "move.page-down"
    case pageUp = "move.page-up"
    // items
    case add = "item.add"
    case edit = "item.edit"
    case delete = "item.delete"
    case moveItemDown = "item.move-down"
    case moveItemUp = "item.move-up"
    // document
    case save = "file.save"
    case quit = "app.quit"
    case forceQuit = "app.quit-force"
    case undo = "edit.undo"
    case redo = "edit.redo"
    // views and overlays
    case help = "app.help"
    case commandLine = "app.command-line"
    case search = "search.start"
    case searchNext = "search.next"
    case searchPrevious = "search.previous"
    case clearFilter = "search.clear"
    case checklist = "view.checklist"
    case diagram = "view.diagram"
    case panes = "view.panes"
    case suspend = "app.suspend"
    case redraw = "app.redraw"
    // checklist
    case toggleItem = "checklist.toggle"
    case editNotes = "checklist.notes"
    case nextStage = "checklist.next-stage"
    case previousStage = "checklist.previous-stage"
    // diagram
    case panLeft = "diagram.pan-left"
    case panRight = "diagram.pan-right"
    case panUp = "diagram.pan-up"
    case panDown = "diagram.pan-down"
    case nextNode = "diagram.next-component"
    case previousNode = "diagram.previous-component"
    case toggleDirection = "diagram.direction"
    // interview
    case interviewToggle = "interview.start-pause"
    case interviewNext = "interview.next-phase"
    case interviewPrevious = "interview.previous-phase"
    case interviewAddMinute = "interview.add-minute"
    case interviewInfo = "interview.info"
    case interviewSummary = "interview.summary"
    // items: reading
    case viewItem = "item.view"
    case detailsDown = "details.scroll-down"
    case detailsUp = "details.scroll-up"
    case editDesignInfo = "design.title-problem"
    // forms
    case formNextField = "form.next-field"
    case formPreviousField = "form.previous-field"
    case formSave = "form.save"
    case formCancel = "form.cancel"
    case formOpenList = "form.open-list"
    case formNextValue = "form.next-value"
    case formPreviousValue = "form.previous-value"
    // lists of values in forms
    case listDown = "list.down"
    case listUp = "list.up"
    case listTop = "list.top"
    case listBottom = "list.bottom"
    case listPick = "list.pick"
    case listToggle = "list.toggle"
    case listClose = "list.close"
    // text fields (one line) and text areas (several)
    case cursorLeft = "text.left"
    case cursorRight = "text.right"
    case cursorStart = "text.start"
    case cursorEnd = "text.end"
    case wordLeft = "text.word-left"
    case wordRight = "text.word-right"
    case deleteBack = "text.delete-back"
    case deleteForward = "text.delete-forward"
    case deleteWordBack = "text.delete-word-back"
    case deleteWordForward = "text.delete-word-forward"
    case deleteToStart = "text.delete-to-start"
    case deleteToEnd = "text.delete-to-end"
    case lineUp = "text.line-up"
    case lineDown = "text.line-down"
    case textPageUp = "text.page-up"
    case textPageDown = "text.page-down"
    case newLine = "text.new-line"
    case indent = "text.indent"
    case textDone = "text.done"
    case textDiscard = "text.discard"
    // dialogs that only show text (help, full view, info, summary)
    case dialogClose = "dialog.close"
    case dialogDown = "dialog.down"
    case dialogUp = "dialog.up"
    case dialogPageDown = "dialog.page-down"
    case dialogPageUp = "dialog.page-up"
    case dialogTop = "dialog.top"
    case dialogBottom = "dialog.bottom"
    // questions (the bracketed letter of an answer chooses it)
    case questionCancel = "question.cancel"
    // the command palette
    case paletteDown = "palette.down"
    case paletteUp = "palette.up"
    case paletteComplete = "palette.complete"
    case paletteRun = "palette.run"
    case paletteClose = "palette.close"
    case interviewerCard = "interview.interviewer"

    /// A short description for help, hints and the palette.
    public var title: String {
        switch self {
        case .nextPane: "Next pane"
        case .previousPane: "Previous pane"
        case .focusRequirements: "Go to Requirements"
        case .focusComponents: "Go to Components"
        case .focusFlows: "Go to Data flows"
        case .focusTradeOffs: "Go to Trade-offs"
        case .focusPane5: "Go to " + Command.paneTitle(5)
        case .focusPane6: "Go to " + Command.paneTitle(6)
        case .focusPane7: "Go to " + Command.paneTitle(7)
        case .focusPane8: "Go to " + Command.paneTitle(8)
        case .focusPane9: "Go to " + Command.paneTitle(9)
        case .moveDown: "Select next item"
        case .moveUp: "Select previous item"
        case .moveTop: "Select first item"
        case .moveBottom: "Select last item"
        case .pageDown: "Page down"
        case .pageUp: "Page up"
        case .add: "Add an item"
        case .edit: "Edit the selected item"
        case .delete: "Delete the selected item"
        case .moveItemDown: "Move the item down"
        case .moveItemUp: "Move the item up"
        case .save: "Save"
        case .quit: "Quit"
        case .forceQuit: "Quit without saving"
        case .undo: "Undo"
        case .redo: "Redo"
        case .help: "Show key bindings"
        case .commandLine: "Command palette"
        case .search: "Filter the pane"
        case .searchNext: "Next match"
        case .searchPrevious: "Previous match"
        case .clearFilter: "Clear the pane's filter"
        case .checklist: "10-stage checklist"
        case .diagram: "Architecture diagram"
        case .panes: "Back to the panes"
        case .suspend: "Suspend (fg to resume)"
        case .redraw: "Redraw the screen"
        case .toggleItem: "Tick / untick the item"
        case .editNotes: "Edit the stage notes"
        case .nextStage: "Next stage"
        case .previousStage: "Previous stage"
        case .panLeft: "Pan left"
        case .panRight: "Pan right"
        case .panUp: "Pan up"
        case .panDown: "Pan down"
        case .nextNode: "Select the next component"
        case .previousNode: "Select the previous component"
        case .toggleDirection: "Top-down / left-right layout"
        case .interviewToggle: "Start / pause the interview clock"
        case .interviewNext: "Next interview phase"
        case .interviewPrevious: "Previous interview phase"
        case .interviewAddMinute: "Add a minute to the phase"
        case .interviewInfo: "Show the phase's goal and prompts"
        case .interviewSummary: "Interview summary and self-assessment"
        case .viewItem: "Read the whole item"
        case .detailsDown: "Scroll the details down"
        case .detailsUp: "Scroll the details up"
        case .editDesignInfo: "Edit the title and problem statement"
        case .formNextField: "Next field"
        case .formPreviousField: "Previous field"
        case .formSave: "Save the item"
        case .formCancel: "Cancel (asks when something changed)"
        case .formOpenList: "Open the list of values"
        case .formNextValue: "Next value"
        case .formPreviousValue: "Previous value"
        case .listDown: "Next value"
        case .listUp: "Previous value"
        case .listTop: "First value"
        case .listBottom: "Last value"
        case .listPick: "Pick the value"
        case .listToggle: "Tick / untick the value"
        case .listClose: "Close the list"
        case .cursorLeft: "Character left"
        case .cursorRight: "Character right"
        case .cursorStart: "Start of the line"
        case .cursorEnd: "End of the line"
        case .wordLeft: "Word left"
        case .wordRight: "Word right"
        case .deleteBack: "Delete the character before"
        case .deleteForward: "Delete the character after"
        case .deleteWordBack: "Delete the word before"
        case .deleteWordForward: "Delete the word after"
        case .deleteToStart: "Delete to the start of the line"
        case .deleteToEnd: "Delete to the end of the line"
        case .lineUp: "Line up (first line: previous field)"
        case .lineDown: "Line down (last line: next field)"
        case .textPageUp: "Ten lines up"
        case .textPageDown: "Ten lines down"
        case .newLine: "New line"
        case .indent: "Indent (four spaces)"
        case .textDone: "Keep the text and close"
        case .textDiscard: "Throw the edit away"
        case .dialogClose: "Close"
        case .dialogDown: "Scroll down"
        case .dialogUp: "Scroll up"
        case .dialogPageDown: "Page down"
        case .dialogPageUp: "Page up"
        case .dialogTop: "Top"
        case .dialogBottom: "Bottom"
        case .questionCancel: "Close the question, choosing nothing (each answer's letter chooses it)"
        case .paletteDown: "Next match"
        case .paletteUp: "Previous match"
        case .paletteComplete: "Complete (shows the candidates)"
        case .paletteRun: "Run the command"
        case .paletteClose: "Close the palette"
        case .interviewerCard: "The interviewer: facts, questions, curveball"
        }
    }

    /// The title of the n-th list in Tab order, for the number keys.
    static func paneTitle(_ n: Int) -> String {
        let panes = ItemKinds.panes
        return panes.indices.contains(n - 1) ? panes[n - 1].title : "list \(n)"
    }

    /// The pane a number key jumps to.
    public var paneNumber: Int? {
        switch self {
        case .focusRequirements: 1
        case .focusComponents: 2
        case .focusFlows: 3
        case .focusTradeOffs: 4
        case .focusPane5: 5
        case .focusPane6: 6
        case .focusPane7: 7
        case .focusPane8: 8
        case .focusPane9: 9
        default: nil
        }
    }

    /// Commands that only make sense inside a form, a field, a list or a dialog: they are bound
    /// in those contexts and not offered in the palette.
    public var isInline: Bool {
        let r = rawValue
        return ["form.", "list.", "text.", "dialog.", "palette.", "question."].contains { r.hasPrefix($0) }
    }

    /// The word typed after `:` for this command, when it has one.
    public var paletteName: String? {
        switch self {
        case .save: "w"
        case .quit: "q"
        case .forceQuit: "q!"
        case .help: "help"
        case .checklist: "stages"
        case .diagram: "diagram"
        case .panes: "panes"
        case .undo: "undo"
        case .redo: "redo"
        case .add: "add"
        case .delete: "delete"
        case .interviewSummary: "summary"
        case .interviewerCard: "interviewer"
        default: nil
        }
    }
}
