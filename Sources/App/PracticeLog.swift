import DesignModel
import DesignStorage
import Foundation
import Interview
import Workspace

/// Where finished interviews go: the practice history, appended to and never rewritten.
public enum PracticeLog {
    public static var path: String? { PracticeHistory.defaultPath(environment: ProcessInfo.processInfo.environment) }

    /// Appends the attempt; the result comes back to the workspace as an action.
    public static func append(_ record: InterviewRecord, problemTitle: String?, file: String) -> Action {
        guard let path else {
            return .practiceRecorded(path: "", error: "neither XDG_DATA_HOME nor HOME is set")
        }
        let absolute = URL(fileURLWithPath: file).standardizedFileURL.path
        let attempt = PracticeAttempt(record: record, problemTitle: problemTitle, file: absolute, recordedAt: Date())
        do {
            try AppendOnlyFile.append(try PracticeHistory.line(attempt), to: path)
            return .practiceRecorded(path: path, error: nil)
        } catch {
            return .practiceRecorded(path: path, error: "\(error)")
        }
    }
}
