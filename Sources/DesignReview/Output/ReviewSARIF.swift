import DesignModel
import Foundation

/// `sysdraft review --format sarif`: SARIF 2.1.0, one run of the tool `sysdraft` with every rule,
/// a result per finding located at the line and column of its first item in the design file
/// (the other items as related locations), so code scanning in a git host annotates the design.
/// Accepted findings are results with a suppression carrying the reason.
public enum ReviewSARIF {
    public static let schema = "https://json.schemastore.org/sarif-2.1.0.json"

    public static func render(_ files: [ReviewedFile], toolVersion: String) -> String {
        let rules = ReviewRules.all
        let ruleIndex = ReviewRules.order
        var results: [JSONValue] = []
        for (n, file) in files.enumerated() {
            // Which list each item is in, built once per file (not once per finding).
            var lists = file.design.itemIDs
            for s in file.design.scenarios where lists[s.id.rawValue] == nil { lists[s.id.rawValue] = "scenarios" }
            for e in file.design.estimates where lists[e.id.rawValue] == nil { lists[e.id.rawValue] = "estimates" }
            for f in file.result.open {
                results.append(result(f, file, artifact: n, lists: lists, ruleIndex: ruleIndex, acceptance: nil))
            }
            for a in file.result.accepted {
                results.append(result(a.finding, file, artifact: n, lists: lists, ruleIndex: ruleIndex, acceptance: a.acceptance))
            }
        }
        let driver: [JSONMember] = [
            JSONMember("name", .string("sysdraft")),
            JSONMember("version", .string(toolVersion)),
            JSONMember("rules", .array(rules.map(descriptor))),
        ]
        let run: [JSONMember] = [
            JSONMember("tool", .object(unsorted: [JSONMember("driver", .object(unsorted: driver))])),
            JSONMember("columnKind", .string("unicodeCodePoints")),
            JSONMember("artifacts", .array(files.map { f in
                .object(unsorted: [JSONMember("location", .object(unsorted: [JSONMember("uri", .string(uri(f.path)))]))])
            })),
            JSONMember("results", .array(results)),
        ]
        let doc = JSONValue.object(unsorted: [
            JSONMember("$schema", .string(schema)),
            JSONMember("version", .string("2.1.0")),
            JSONMember("runs", .array([.object(unsorted: run)])),
        ])
        return String(decoding: doc.prettyBytes(), as: UTF8.self)
    }

    static func descriptor(_ r: ReviewRule) -> JSONValue {
        .object(unsorted: [
            JSONMember("id", .string(r.id)),
            JSONMember("shortDescription", text(r.summary)),
            JSONMember("help", text(r.hint)),
            JSONMember("defaultConfiguration", .object(unsorted: [JSONMember("level", .string(r.severity.sarifLevel))])),
            JSONMember("properties", .object(unsorted: [
                JSONMember("stage", .string(r.stage.rawValue)),
                JSONMember("tags", .array([.string("design-review"), .string(r.stage.rawValue)])),
            ])),
        ])
    }

    static func text(_ s: String) -> JSONValue { .object(unsorted: [JSONMember("text", .string(s))]) }

    static func location(_ file: ReviewedFile, artifact: Int, lists: [String: String], at p: TextPosition?, item: String?) -> JSONValue {
        var physical: [JSONMember] = [
            JSONMember("artifactLocation", .object(unsorted: [JSONMember("uri", .string(uri(file.path))),
                                                              JSONMember("index", .number(String(artifact)))])),
        ]
        if let p {
            physical.append(JSONMember("region", .object(unsorted: [JSONMember("startLine", .number(String(p.line))),
                                                                     JSONMember("startColumn", .number(String(p.column)))])))
        }
        var members = [JSONMember("physicalLocation", .object(unsorted: physical))]
        if let item {
            let list = lists[item]
            members.append(JSONMember("logicalLocations", .array([.object(unsorted: [
                JSONMember("name", .string(item)),
                JSONMember("fullyQualifiedName", .string(list.map { "\($0)/\(item)" } ?? item)),
            ])])))
        }
        return .object(unsorted: members)
    }

    static func result(_ f: ReviewFinding, _ file: ReviewedFile, artifact: Int, lists: [String: String], ruleIndex: [String: Int],
                       acceptance: AcceptedFinding?) -> JSONValue {
        var members: [JSONMember] = [
            JSONMember("ruleId", .string(f.rule)),
            JSONMember("level", .string(f.severity.sarifLevel)),
            JSONMember("message", text(f.message)),
            JSONMember("locations", .array([location(file, artifact: artifact, lists: lists, at: file.position(f), item: f.items.first)])),
            JSONMember("partialFingerprints", .object(unsorted: [JSONMember("sysdraftFinding/v1", .string(f.key.replacingOccurrences(of: "\u{1F}", with: " ")))])),
            JSONMember("properties", .object(unsorted: [
                JSONMember("stage", .string(f.stage.rawValue)),
                JSONMember("items", .array(f.items.map(JSONValue.string))),
            ])),
        ]
        if let i = ruleIndex[f.rule] { members.append(JSONMember("ruleIndex", .number(String(i)))) }
        let related = f.items.dropFirst().compactMap { id -> JSONValue? in
            guard let o = file.text?.offset(ofItem: id) else { return nil }
            guard case .object(var m) = location(file, artifact: artifact, lists: lists, at: file.text?.position(o), item: id) else { return nil }
            m.append(JSONMember("message", text(id)))
            return .object(unsorted: m)
        }
        if !related.isEmpty { members.append(JSONMember("relatedLocations", .array(related))) }
        if let acceptance {
            members.append(JSONMember("suppressions", .array([.object(unsorted: [
                JSONMember("kind", .string("external")),
                JSONMember("status", .string("accepted")),
                JSONMember("justification", .string(acceptance.reason)),
            ])])))
        }
        return .object(unsorted: members)
    }

    /// A file path as a URI reference: relative paths stay relative (what code scanning expects,
    /// from the repository root), absolute ones become `file://` URIs; characters outside the
    /// unreserved set and `/` are percent-encoded.
    public static func uri(_ path: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~/")
        let encoded = path.unicodeScalars.map { u -> String in
            if u.isASCII && allowed.contains(u) { return String(u) }
            return String(u).utf8.map { String(format: "%%%02X", $0) }.joined()
        }.joined()
        return path.hasPrefix("/") ? "file://" + encoded : encoded
    }
}
