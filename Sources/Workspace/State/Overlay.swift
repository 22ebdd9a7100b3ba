import DesignModel

/// Dialogs and prompts stacked over the screen. Keys go to the top one; drawing goes bottom-up.
public enum Overlay: Equatable, Sendable {
    case form(Form)
    case confirm(Confirm)
    case help(scroll: Int)
    case palette(Palette)
    case search(LineEditor)
    case notes(TextArea)
    case info(title: String, lines: [String], scroll: Int)
    /// The interview summary: planned vs actual, coverage, self-assessment.
    case summary(scroll: Int)
    /// One item in full: every field, scrollable.
    case itemView(Pane, id: String, scroll: Int)
    /// The interviewer card: facts on request, follow-up questions, the curveball.
    case interviewer(scroll: Int)
}

/// A yes/no/cancel question. Each choice has a key and what it leads to.
public struct Confirm: Equatable, Sendable {
    public enum Choice: Equatable, Sendable {
        case deleteComponent(String)
        /// Close the form under the question without keeping its edits.
        case discardForm
        case saveAndQuit
        case quitWithoutSaving
        case overwriteChangedFile
        case reloadFromDisk
        case saveAs
        case finishInterview
        case cancel
    }

    public var title: String
    public var message: String
    public var options: [(key: Character, label: String, choice: Choice)]

    public init(title: String, message: String, options: [(key: Character, label: String, choice: Choice)]) {
        self.title = title
        self.message = message
        self.options = options
    }

    public static func == (a: Confirm, b: Confirm) -> Bool {
        a.title == b.title && a.message == b.message
            && a.options.map(\.key) == b.options.map(\.key) && a.options.map(\.choice) == b.options.map(\.choice)
    }
}

/// A short message in the status bar.
public struct StatusMessage: Equatable, Sendable {
    public enum Kind: Equatable, Sendable { case info, success, error }
    public var text: String
    public var kind: Kind

    public init(_ text: String, _ kind: Kind = .info) {
        self.text = text
        self.kind = kind
    }
}

public struct ScreenSize: Equatable, Sendable {
    public var columns: Int
    public var rows: Int

    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }

    /// The smallest terminal the workspace draws in; below it a "too small" notice shows.
    public static let minimum = ScreenSize(columns: 60, rows: 15)
    /// From this size the four panes sit in a 2×2 grid with a detail strip.
    public static let grid = ScreenSize(columns: 100, rows: 30)

    public var isTooSmall: Bool { columns < Self.minimum.columns || rows < Self.minimum.rows }
    public var fitsGrid: Bool { columns >= Self.grid.columns && rows >= Self.grid.rows }
}
