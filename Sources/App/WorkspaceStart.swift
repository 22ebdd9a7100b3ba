import DesignModel
import DesignStorage
import Foundation
import Interview
import Workspace

/// The state the workspace opens with, from what the document session found.
public enum WorkspaceStart {
    public struct Options {
        public var recovered: Design?
        public var themeName = "default"
        /// The key bindings (the user's config.toml remaps them).
        public var keymap = Keymap.standard
        /// A broken theme or config, said first whatever else the start has to say.
        public var themeWarning: String?
        /// Every settings problem, for `:config`; and where the settings live.
        public var configProblems: [String] = []
        public var configPath: String?
        public var quiet = false
        public var interview: InterviewSession?
        public var problem: PracticeProblem?
        public var now: Duration = .zero
        /// The wall-clock time a new design is created at.
        public var date = Date()

        public init(recovered: Design? = nil) { self.recovered = recovered }
    }

    /// The design shown, its saved state, and the first status line: the recovered edits or a
    /// new file, and what the user must know before editing — a folder nothing can be written
    /// to or no lock (a failed write, which stays in sight), a write-protected file.
    public static func state(session: DocumentSession, catalogue: StageCatalogue, options: Options) -> AppState {
        let saved = session.loaded ?? newDesign(at: session.path, now: options.date)
        var state = AppState(design: saved, filePath: session.path, isNewFile: session.isNew,
                             readOnly: session.readOnly, catalogue: catalogue)
        state.themeName = options.themeName
        state.readOnlyReason = session.readOnlyReason
        state.configProblems = options.configProblems
        state.configPath = options.configPath
        state.keymap = options.keymap
        state.quiet = options.quiet
        if let recovered = options.recovered { state.design = recovered }
        state.interview = options.interview
        state.interviewProblem = options.problem
        state.interviewNow = options.now

        var notes: [String] = []
        if let warning = options.themeWarning { notes.append(warning) }
        var failure: String?
        var warning: String?
        for w in session.openWarnings {
            switch w {
            case .folderNotWritable(let folder, let reason):
                failure = "Cannot write in \(folder) (\(reason)): no lock, no recovery copy, and Ctrl-S will fail here"
                    + " — :w PATH saves elsewhere"
            case .noLock(let reason):
                failure = "No lock on \(session.path) (\(reason)): another sysdraft could edit it at the same time"
            case .fileWriteProtected(let path):
                warning = "\((path as NSString).lastPathComponent) is write-protected: Ctrl-S asks before writing it"
            }
        }
        if let warning { notes.append(warning) }
        if options.recovered != nil {
            notes.append("Recovered unsaved edits — Ctrl-S saves them to \(session.path)")
        } else if session.isNew {
            notes.append("New design — Ctrl-S creates \(session.path)")
        }
        if let failure {
            var message = StatusMessage(failed: .lock, failure)
            if !notes.isEmpty { message.text = failure + " · " + notes.joined(separator: " · ") }
            state.message = message
        } else if !notes.isEmpty {
            let kind: StatusMessage.Kind = options.themeWarning != nil || warning != nil ? .error
                : options.recovered != nil ? .success : .info
            state.message = StatusMessage(notes.joined(separator: " · "), kind)
        }
        return state
    }

    /// A new design for a file that does not exist yet, titled after the file name.
    public static func newDesign(at path: String, now: Date) -> Design {
        Design(title: title(fromFileName: path), now: now)
    }

    /// `url-shortener.json` → "Url shortener".
    public static func title(fromFileName path: String) -> String {
        let base = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let words = base.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return words.isEmpty ? "Untitled design" : words.prefix(1).uppercased() + words.dropFirst()
    }
}
