import DesignModel
import Foundation
import Interview

/// Work the reducer asks the runtime to do. Results come back as actions.
public enum Effect: Equatable, Sendable {
    /// Save crash-safely; answer `.saved`, `.saveFailed`, `.changedOnDisk` when the file
    /// changed since it was loaded (unless `force`), or `.writeProtected` when the file allows
    /// no writing (unless `overwriteReadOnly`: the user said so, as with vim's `:w!`).
    case save(Design, path: String, force: Bool = false, overwriteReadOnly: Bool = false)
    /// Write an export; answer `.exported` or `.exportFailed`.
    /// `report` overrides config.toml's `[report]` settings for this export (`:export --only-started`).
    case export(Design, path: String, format: String, report: ReportFlags = ReportFlags())
    /// Load another design (`:e FILE`); answer `.opened` or `.openFailed`.
    case open(path: String)
    case quit
    case suspend
    case bell
    /// A visual bell (used when the terminal bell is not wanted).
    case flash
    case redraw
    case setTheme(String)
    /// Append a finished interview to the practice history; answer `.practiceRecorded`.
    case recordPractice(InterviewRecord, problemTitle: String?, file: String)
}

/// Everything that can happen to the workspace.
public enum Action: Equatable, Sendable {
    case key(Key)
    case paste(String)
    case resized(ScreenSize)
    case clickedPane(Pane, row: Int?)
    /// A click on the header's title: edit the title and the problem statement.
    case clickedTitle
    case wheel(Pane, delta: Int)
    case saved(path: String, design: Design)
    case saveFailed(path: String, message: String)
    /// Another program changed the file since it was loaded or saved; nothing was written.
    case changedOnDisk(path: String)
    /// The file allows no writing (mode 444): nothing was written; ask first.
    case writeProtected(path: String)
    case exported(path: String)
    case exportFailed(message: String)
    /// The recovery copy could not be written (`message` names the path and the reason) / was
    /// written again after a failure.
    case recoveryCopyFailed(message: String)
    case recoveryCopyWritten
    /// The session stopped writing to the file (fields a save would drop); `message` says why.
    case becameReadOnly(message: String, reason: String = "the file has fields this version does not know")
    /// Start (or resume) the interview clock, as `sysdraft interview` does on opening.
    case startInterview(now: Duration)
    /// A stop signal from outside (SIGTSTP): suspend as Ctrl-Z does.
    case suspendRequested
    case opened(path: String, design: Design, isNew: Bool)
    case openFailed(message: String)
    case themeChanged(name: String, error: String?)
    /// The interview clock, fed with monotonic time by the runtime.
    case tick(now: Duration)
    /// The program is about to stop (Ctrl-Z) / was continued (`fg`).
    case suspending(now: Duration)
    case resumedFromSuspend(now: Duration)
    /// The practice history was appended to (path), or could not be (error).
    case practiceRecorded(path: String, error: String?)
}

/// What the reducer may ask of the outside world without doing I/O itself.
public struct Environment: Sendable {
    public var now: @Sendable () -> Date
    /// A monotonic clock for the interview timer (any fixed origin).
    public var monotonic: @Sendable () -> Duration
    /// Names of the themes that can be switched to (for `:theme` completion).
    public var themeNames: @Sendable () -> [String]
    /// File-name completions for a partly typed path (for `:w`, `:e`, `:export`).
    public var completePath: @Sendable (String) -> [String]
    /// How far a scrolling area can scroll on the current screen (the views measure it).
    public var scrollLimit: @Sendable (AppState, ScrollArea) -> Int

    public init(now: @escaping @Sendable () -> Date,
                monotonic: @escaping @Sendable () -> Duration = { .zero },
                themeNames: @escaping @Sendable () -> [String] = { [] },
                completePath: @escaping @Sendable (String) -> [String] = { _ in [] },
                scrollLimit: @escaping @Sendable (AppState, ScrollArea) -> Int = { _, _ in Int.max / 2 }) {
        self.now = now
        self.monotonic = monotonic
        self.themeNames = themeNames
        self.completePath = completePath
        self.scrollLimit = scrollLimit
    }
}

/// Areas whose scrolling the reducer keeps within what the view shows.
public enum ScrollArea: Equatable, Sendable {
    /// The details strip of the selected item.
    case details
    /// The full view of one item.
    case itemView(Pane, String)
}
