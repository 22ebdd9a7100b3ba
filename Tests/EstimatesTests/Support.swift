import Foundation
import Testing
@testable import Estimates

/// Evaluates `text`, recording the error if it fails.
func value(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Quantity? {
    do { return try Calculation(text).value } catch {
        Issue.record("\(text): \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// The error `text` fails with (nil when it does not fail).
func failure(_ text: String) -> CalcError? {
    do {
        _ = try Calculation(text)
        return nil
    } catch { return error }
}

/// How `text` prints in `style`.
func shown(_ text: String, _ style: ValueFormat.Style = .display) -> String {
    do { return try Calculation(text).shown(style).text } catch { return "error: \(error)" }
}

/// The number `text` comes to in the unit it converts to (or its readable unit).
func inUnit(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Double? {
    do { return try Calculation(text).shown(.exact).value } catch {
        Issue.record("\(text): \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

func close(_ a: Double, _ b: Double, relative: Double) -> Bool {
    a == b || abs(a - b) <= relative * max(abs(a), abs(b))
}

enum RepoFiles {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func data(_ path: String) throws -> Data { try Data(contentsOf: root.appendingPathComponent(path)) }
}
