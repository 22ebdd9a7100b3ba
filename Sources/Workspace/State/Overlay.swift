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
        /// Delete an item of a kind, by id (the question said what else goes with it).
        case deleteItem(Pane, String)
        /// Close the form under the question without keeping its edits.
        case discardForm
        case saveAndQuit
        case quitWithoutSaving
        /// Write over a file another program changed (and quit after, when a quit was waiting).
        case overwriteChangedFile(thenQuit: Bool)
        /// Write a write-protected file anyway (the path asked about).
        case overwriteWriteProtected(String, thenQuit: Bool)
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
///
/// Messages have priorities: a failed write (`failedWrite`) stays on the status line, naming
/// the path and the system's reason, until a write of that kind succeeds. A lesser message
/// never hides it: it is shown after the failure (`Workspace.reduce` keeps that rule for every
/// action), and a failure of a lesser kind (a recovery copy) never replaces a greater one (the
/// document itself).
public struct StatusMessage: Equatable, Sendable {
    public enum Kind: Equatable, Sendable { case info, success, error }
    public var text: String
    public var kind: Kind
    /// Set for a failed write: what failed, until resolved.
    public var failedWrite: FailedWrite?

    public init(_ text: String, _ kind: Kind = .info) {
        self.text = text
        self.kind = kind
    }

    /// A failed write, shown until a write of the same kind succeeds.
    public init(failed kind: FailedWrite.Kind, _ text: String) {
        self.text = text
        self.kind = .error
        failedWrite = FailedWrite(kind: kind, text: text)
    }
}

/// A write that failed and is not resolved yet.
public struct FailedWrite: Equatable, Sendable {
    /// In order of importance: a failure of a greater kind replaces a lesser one, never the
    /// other way round.
    public enum Kind: Int, Comparable, Sendable {
        case export, recoveryCopy, lock, document

        public static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    public var kind: Kind
    /// The failure as first said (the status line may add a lesser message after it).
    public var text: String
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
