import Foundation

/// Fields in a design file that the model does not know: a hand-added "owner", a typo such as
/// "responsability", or a field from a newer sysdraft. Decoding ignores them, so saving would
/// drop them silently; callers use this to warn, refuse or open read-only instead.
public enum UnknownFields {
    /// Paths such as `owner` or `components[2].colour` of keys in `data` that the canonical
    /// encoding of `design` (decoded from `data`) does not have. Keys whose value is null are
    /// not counted (nothing is lost). Files sysdraft wrote are recognised by their bytes, so the
    /// usual case costs one encode.
    public static func find(in data: Data, decoded design: Design) -> [String] {
        let data = TextEncodingCheck.withoutUTF8ByteOrderMark(data)
        guard let canonical = try? DesignCodec.encode(design) else { return [] }
        if canonical == data { return [] }
        guard let original = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
              let known = try? JSONSerialization.jsonObject(with: canonical) else { return [] }
        // An older schema was migrated: its fields are mapped by the migration, not unknown.
        guard (original as? [String: Any])?["schemaVersion"] as? Int == Design.currentSchemaVersion else { return [] }
        var found: [String] = []
        walk(original, known, path: "", into: &found)
        return found
    }

    private static func walk(_ original: Any, _ known: Any, path: String, into found: inout [String]) {
        if let o = original as? [String: Any] {
            let k = known as? [String: Any] ?? [:]
            for key in o.keys.sorted() {
                let child = path.isEmpty ? key : path + "." + key
                guard let value = o[key], !(value is NSNull) else { continue }
                if let knownValue = k[key] {
                    walk(value, knownValue, path: child, into: &found)
                } else {
                    found.append(child)
                }
            }
        } else if let o = original as? [Any], let k = known as? [Any] {
            for (i, (value, knownValue)) in zip(o, k).enumerated() {
                walk(value, knownValue, path: path + "[\(i)]", into: &found)
            }
        }
    }
}
