import Foundation

/// Checks that a file is really of the version it claims before a migration step rewrites it:
/// a migration that would drop or overwrite data that is there refuses instead. The classic
/// case is a current file whose `schemaVersion` was set to 0 by mistake: migrating it as a
/// prototype file would turn it into an empty design.
enum MigrationShape {
    /// Every field of `object` at the places `fields` names must be one a version-`version`
    /// file has.
    static func check(_ object: [String: Any], against fields: [String: Set<String>], version: Int) throws {
        var foreign: [String] = []
        if let top = fields[""] {
            foreign += object.keys.filter { !top.contains($0) && !(object[$0] is NSNull) }.sorted()
        }
        // Fields inside lists are named only when the top level is fine (one clear reason).
        let topLevelFine = foreign.isEmpty
        for (place, allowed) in fields.sorted(by: { $0.key < $1.key }) where topLevelFine && place.hasSuffix("[]") {
            let key = String(place.dropLast(2))
            guard let items = object[key] as? [Any] else { continue }
            for (i, item) in items.enumerated() {
                guard let item = item as? [String: Any] else { continue }
                for field in item.keys.sorted() where !allowed.contains(field) && !(item[field] is NSNull) {
                    foreign.append("\(key)[\(i)].\(field)")
                }
            }
        }
        guard !foreign.isEmpty else { return }
        throw MigrationError(mismatch: "the file has " + listed(foreign) + ", which a version \(version) file does not have"
            + looksLike(object, version: version) + "; upgrading it as version \(version) would drop "
            + (foreign.count == 1 ? "that field" : "those fields"))
    }

    /// A step that declares no field list must not lose a top-level field that is there.
    static func checkNothingDropped(from old: [String: Any], to new: [String: Any], version: Int) throws {
        let dropped = old.keys.filter { new[$0] == nil && !(old[$0] is NSNull) }.sorted()
        guard !dropped.isEmpty else { return }
        throw MigrationError(mismatch: "upgrading it as version \(version) would drop " + listed(dropped)
            + looksLike(old, version: version))
    }

    /// ` (it looks like a version-N file)` when the top-level fields are those of the current schema.
    static func looksLike(_ object: [String: Any], version: Int) -> String {
        let current = currentTopLevelFields
        let keys = Set(object.keys)
        guard version != Design.currentSchemaVersion,
              keys.subtracting(["schemaVersion"]).isSubset(of: current),
              keys.intersection(current).count >= 3 else { return "" }
        return " (its fields are those of a version \(Design.currentSchemaVersion) file)"
    }

    /// The top-level fields this build writes.
    static var currentTopLevelFields: Set<String> {
        var d = Design(title: "x", now: Date(timeIntervalSince1970: 0))
        d.interview = InterviewRecord(plan: "p", phases: [])
        guard let data = try? DesignCodec.encode(d),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [] }
        return Set(object.keys)
    }

    static func listed(_ names: [String]) -> String {
        let quoted = names.prefix(4).map { "\"\($0)\"" }
        let more = names.count > 4 ? " and \(names.count - 4) more" : ""
        if quoted.count == 1 { return quoted[0] + more }
        return quoted.dropLast().joined(separator: ", ") + (more.isEmpty ? " and " + quoted.last! : ", " + quoted.last! + more)
    }
}
