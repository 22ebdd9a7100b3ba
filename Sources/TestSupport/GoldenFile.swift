import Foundation

/// Golden files: expected output kept beside the tests. With `SYSDRAFT_RECORD=1` the actual
/// output is written instead (after a deliberate change). Test frameworks stay out of this
/// target; callers turn a returned message into a test failure.
public enum GoldenFile {
    public static var recording: Bool { ProcessInfo.processInfo.environment["SYSDRAFT_RECORD"] == "1" }

    /// Compares `actual` with the file at `url` (or records it). Returns nil when they match
    /// or the file was recorded, else a message naming the first differing line.
    public static func check(_ actual: String, at url: URL, showActual: Bool = false) -> String? {
        if recording {
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: url)
                return nil
            } catch {
                return "could not record \(url.path): \(error)"
            }
        }
        let name = url.lastPathComponent
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return "missing golden file \(url.path); run with SYSDRAFT_RECORD=1 to create it"
                + (showActual ? "\nactual:\n\(actual)" : "")
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard expected != actual else { return nil }
        let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
        var n = 0
        while n < e.count && n < a.count && e[n] == a[n] { n += 1 }
        return """
            \(name) differs from the golden file at line \(n + 1):
              expected: |\(n < e.count ? e[n] : "<end of file>")|
              actual:   |\(n < a.count ? a[n] : "<end of file>")|
            (SYSDRAFT_RECORD=1 re-records after a deliberate change)
            """ + (showActual ? "\nactual:\n\(actual)" : "")
    }
}
