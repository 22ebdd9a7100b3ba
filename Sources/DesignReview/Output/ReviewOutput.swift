import DesignModel

/// One reviewed file: its name as given, the design, its text (for line numbers) and the result.
public struct ReviewedFile: Sendable {
    public var path: String
    public var design: Design
    public var text: DesignTextIndex?
    public var result: ReviewResult

    public init(path: String, design: Design, text: DesignTextIndex?, result: ReviewResult) {
        self.path = path
        self.design = design
        self.text = text
        self.result = result
    }

    func position(_ f: ReviewFinding) -> TextPosition? { text?.position(of: f) }
}

/// `sysdraft review --format json`: `{"findings": [...], "accepted": [...]}`, each finding with
/// its rule, severity, message, items, stage, hint, file and position; accepted ones also with
/// the reason and the acceptance's id.
public enum ReviewJSON {
    public static func render(_ files: [ReviewedFile]) -> String {
        var findings: [JSONValue] = [], accepted: [JSONValue] = []
        for file in files {
            for f in file.result.open { findings.append(.object(unsorted: members(f, file))) }
            for a in file.result.accepted {
                accepted.append(.object(unsorted: members(a.finding, file) + [
                    JSONMember("reason", .string(a.acceptance.reason)),
                    JSONMember("acceptance", .string(a.acceptance.id.rawValue)),
                ]))
            }
        }
        let doc = JSONValue.object(unsorted: [JSONMember("findings", .array(findings)), JSONMember("accepted", .array(accepted))])
        return String(decoding: doc.prettyBytes(), as: UTF8.self)
    }

    static func members(_ f: ReviewFinding, _ file: ReviewedFile) -> [JSONMember] {
        var out = [
            JSONMember("rule", .string(f.rule)),
            JSONMember("severity", .string(f.severity.rawValue)),
            JSONMember("message", .string(f.message)),
            JSONMember("items", .array(f.items.map(JSONValue.string))),
            JSONMember("stage", .string(f.stage.rawValue)),
            JSONMember("hint", .string(f.hint)),
            JSONMember("file", .string(file.path)),
        ]
        if let p = file.position(f) {
            out.append(JSONMember("line", .number(String(p.line))))
            out.append(JSONMember("column", .number(String(p.column))))
        }
        return out
    }
}

/// `sysdraft review` as text: one line per finding, compiler style (`FILE:LINE:COL: warning:
/// message [rule]`) so editors can jump to it, the fix under it, then accepted findings and a
/// count per file.
public enum ReviewText {
    public static func lines(_ file: ReviewedFile) -> [String] {
        var out: [String] = []
        func at(_ f: ReviewFinding) -> String {
            file.position(f).map { "\(file.path):\($0.line):\($0.column)" } ?? file.path
        }
        for f in file.result.open {
            out.append("\(at(f)): \(f.severity.rawValue): \(f.message) [\(f.rule)]")
            out.append("    fix: \(f.hint)")
        }
        for a in file.result.accepted {
            out.append("\(at(a.finding)): accepted: \(a.finding.message) [\(a.finding.rule)]")
            out.append("    reason: \(oneLine(a.acceptance.reason))")
        }
        for s in file.result.stale {
            out.append("\(file.path): note: accepted finding \(s.id) [\(s.rule)] no longer comes up; its acceptance can go")
        }
        out.append(summary(file))
        return out
    }

    public static func summary(_ file: ReviewedFile) -> String {
        let r = file.result
        let counts = ReviewSeverity.allCases.map { $0.counted(r.count($0)) }.joined(separator: ", ")
        return "\(file.path): \(counts)" + (r.accepted.isEmpty ? "" : "; \(r.accepted.count) accepted")
    }

    static func oneLine(_ s: String) -> String {
        s.split(whereSeparator: \.isNewline).map { $0.trimmingWhitespace }.filter { !$0.isEmpty }.joined(separator: " ")
    }
}

extension Substring {
    var trimmingWhitespace: String { String(self).trimmingWhitespace }
}
