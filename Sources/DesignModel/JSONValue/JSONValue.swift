/// A JSON document as a value: what diff and merge walk, independent of the model's types, so
/// they work on every kind of item the design holds, including kinds added later.
///
/// Numbers keep their literal text (the model stores integers; comparing text is exact).
/// Objects keep their members sorted by key, each key once, so two objects with the same
/// content are equal whatever order they were written in.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([JSONMember])

    /// An object from members in any order (a repeated key keeps its last value).
    public static func object(unsorted members: [JSONMember]) -> JSONValue {
        .object(JSONMember.normalized(members))
    }

    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return JSONMember.find(key, in: members)
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    public var objectValue: [JSONMember]? {
        if case .object(let m) = self { return m }
        return nil
    }

    public var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }
}

public struct JSONMember: Hashable, Sendable {
    public var key: String
    public var value: JSONValue

    public init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }

    /// Sorted by key, the last of repeated keys kept.
    public static func normalized(_ members: [JSONMember]) -> [JSONMember] {
        if isSortedAndUnique(members) { return members }
        if members.count <= 24 {
            // Objects of the model have a handful of keys: a stable insertion sort in place,
            // then drop all but the last of repeated keys.
            var out = members
            for i in 1..<out.count {
                let m = out[i]
                var j = i
                while j > 0 && m.key < out[j - 1].key {
                    out[j] = out[j - 1]
                    j -= 1
                }
                out[j] = m
            }
            var w = 0
            for r in 0..<out.count {
                if w > 0 && out[w - 1].key == out[r].key { out[w - 1] = out[r] } else { out[w] = out[r]; w += 1 }
            }
            out.removeLast(out.count - w)
            return out
        }
        let ordered = members.enumerated().sorted {
            $0.element.key != $1.element.key ? $0.element.key < $1.element.key : $0.offset < $1.offset
        }.map(\.element)
        var out: [JSONMember] = []
        out.reserveCapacity(ordered.count)
        for m in ordered {
            if let last = out.last, last.key == m.key { out[out.count - 1] = m } else { out.append(m) }
        }
        return out
    }

    static func isSortedAndUnique(_ members: [JSONMember]) -> Bool {
        var i = 1
        while i < members.count {
            if !(members[i - 1].key < members[i].key) { return false }
            i += 1
        }
        return true
    }

    /// The value under `key` in sorted members (objects are small: a linear scan).
    public static func find(_ key: String, in members: [JSONMember]) -> JSONValue? {
        for m in members where m.key == key { return m.value }
        return nil
    }

    /// Sets or removes (`nil`) the value under `key`, keeping the members sorted.
    public static func set(_ key: String, _ value: JSONValue?, in members: inout [JSONMember]) {
        if let i = members.firstIndex(where: { $0.key == key }) {
            if let value { members[i].value = value } else { members.remove(at: i) }
        } else if let value {
            let at = members.firstIndex { $0.key > key } ?? members.count
            members.insert(JSONMember(key, value), at: at)
        }
    }
}
