import Foundation

public struct MigrationError: Error, CustomStringConvertible {
    public var description: String
    /// Set when the file's body is not of the version it claims (what does not fit, in words).
    public var mismatch: String?
    public init(_ description: String) { self.description = description }
    public init(mismatch: String) {
        description = mismatch
        self.mismatch = mismatch
    }
}

/// Ordered upgrade steps for older documents. Each step takes the JSON object of version `from`
/// and returns version `from + 1`. Steps work on the raw JSON tree, so old types need not live on
/// in code.
public struct Migration: Sendable {
    public var from: Int
    public var summary: String
    public var apply: @Sendable ([String: Any]) throws -> [String: Any]
    /// The fields a file of version `from` has, by place: `""` for the top level,
    /// `"requirements[]"` for each object in the top-level `requirements` list. A file that
    /// claims version `from` but has other fields there is of another version (or was edited
    /// by hand), and the step would drop or overwrite them: it is refused. nil for a step
    /// that keeps every field it does not touch; such a step is still refused when it would
    /// drop a top-level field that is there (see `Migrations.migrate`).
    public var fields: [String: Set<String>]? = nil
}

public enum Migrations {
    public static let steps: [Migration] = [v0toV1, addRisksAndQuestions, addScenarios, addEndpointsAndEntities, addEstimates,
                                            addMergeConflicts, addInterviewCoaching, addTraceabilityAndReview,
                                            addGroupsAndDiagramDirection]

    /// Runs every step from `version` up to the current schema, in order.
    public static func migrate(_ object: [String: Any], from version: Int) throws -> [String: Any] {
        var obj = object
        var v = version
        while v < Design.currentSchemaVersion {
            guard let step = steps.first(where: { $0.from == v }) else {
                throw MigrationError("no upgrade path from schemaVersion \(v)")
            }
            obj = try apply(step, to: obj)
            v += 1
            obj["schemaVersion"] = v
        }
        return obj
    }

    /// One step, refused when the object is not of the step's version or when the step would
    /// drop a field that is there (see `Migration.fields`).
    static func apply(_ step: Migration, to object: [String: Any]) throws -> [String: Any] {
        if let fields = step.fields { try MigrationShape.check(object, against: fields, version: step.from) }
        let upgraded = try step.apply(object)
        if step.fields == nil { try MigrationShape.checkNothingDropped(from: object, to: upgraded, version: step.from) }
        return upgraded
    }

    /// Version 0 was the prototype format: `name`/`problemStatement`, `edges` with `source`/`target`
    /// and boolean `async`/`bidirectional`, `mustHave` booleans, and the checklist as two maps
    /// (`checklist` of done keys and `notes` by stage). It had no trade-offs.
    static let v0toV1 = Migration(from: 0, summary: "prototype format to the first stable schema", apply: { old in
        var new: [String: Any] = [:]
        new["title"] = old["name"] as? String ?? old["title"] as? String ?? "Untitled design"
        new["problem"] = old["problemStatement"] as? String ?? ""
        let epoch = "1970-01-01T00:00:00Z"
        new["created"] = old["createdAt"] as? String ?? epoch
        new["modified"] = old["updatedAt"] as? String ?? new["created"]

        new["requirements"] = try list(old, "requirements").map { r -> [String: Any] in
            var n = r
            n["kind"] = r["type"] ?? "functional"
            n.removeValue(forKey: "type")
            n["priority"] = (r["mustHave"] as? Bool ?? true) ? "must" : "should"
            n.removeValue(forKey: "mustHave")
            n["notes"] = r["notes"] ?? ""
            return n
        }
        new["components"] = try list(old, "components").map { c -> [String: Any] in
            [
                "id": c["id"] ?? "", "name": c["name"] ?? "", "kind": c["type"] ?? "other",
                "responsibility": c["description"] ?? "", "technology": c["tech"] ?? "",
                "notes": c["notes"] ?? "",
            ]
        }
        new["flows"] = try list(old, "edges").map { e -> [String: Any] in
            [
                "id": e["id"] ?? "", "from": e["source"] ?? "", "to": e["target"] ?? "",
                "label": e["label"] ?? "", "protocol": e["protocol"] ?? "other",
                "mode": (e["async"] as? Bool ?? false) ? "async" : "sync",
                "direction": (e["bidirectional"] as? Bool ?? false) ? "two-way" : "one-way",
                "notes": "",
            ]
        }
        new["tradeOffs"] = [[String: Any]]()
        let checklist = old["checklist"] as? [String: Any] ?? [:]
        let notes = old["notes"] as? [String: Any] ?? [:]
        new["stages"] = StageKey.allCases.map { key -> [String: Any] in
            [
                "stage": key.rawValue,
                "done": ((checklist[key.rawValue] as? [String]) ?? []).sorted(),
                "custom": [[String: Any]](),
                "notes": notes[key.rawValue] as? String ?? "",
            ]
        }
        return new
    }, fields: v0Fields)

    /// What a prototype (version 0) file holds; `v0toV1` reads all of it.
    static let v0Fields: [String: Set<String>] = [
        "": ["schemaVersion", "name", "title", "problemStatement", "createdAt", "updatedAt",
             "requirements", "components", "edges", "checklist", "notes"],
        "requirements[]": ["id", "type", "text", "mustHave", "notes", "category"],
        "components[]": ["id", "name", "type", "description", "tech", "notes"],
        "edges[]": ["id", "source", "target", "label", "protocol", "async", "bidirectional"],
    ]

    static func list(_ obj: [String: Any], _ key: String) throws -> [[String: Any]] {
        guard let value = obj[key] else { return [] }
        guard let arr = value as? [[String: Any]] else {
            throw MigrationError("\"\(key)\" must be a list of objects")
        }
        return arr
    }
}
