import Foundation

extension Migrations {
    /// The interview coach: an interview record gains its timeline, the evidence behind each
    /// self-assessment score and the key-point check (all empty for older records). Scores are
    /// kept as they were; the new dimension, scalability and reliability, stays unscored rather
    /// than being guessed. Older records have no seed or curveball, so none is invented.
    static let addInterviewCoaching = Migration(from: 6, summary: "interview timeline, evidence notes and key points") { old in
        var new = old
        guard var record = old["interview"] as? [String: Any] else { return new }
        if record["timeline"] == nil { record["timeline"] = [[String: Any]]() }
        if record["evidence"] == nil { record["evidence"] = [String: Any]() }
        if record["keyPoints"] == nil { record["keyPoints"] = [[String: Any]]() }
        new["interview"] = record
        return new
    }
}
