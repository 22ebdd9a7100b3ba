import Foundation

extension Design {
    /// The design as the JSON value of its canonical encoding: the same keys and values a save
    /// writes (dates as ISO-8601 text, absent optionals left out).
    public func canonicalJSON() throws -> JSONValue {
        do {
            return try JSONValueEncoding.value(of: self)
        } catch is CanonicalJSONEncoder.Unsupported {
            let data = try DesignCodec.referenceEncode(self)
            return try JSONValue.parse([UInt8](data))
        }
    }

    /// Reads a design back from a JSON value, with every check loading a file does
    /// (migration of older schema versions, shapes, references).
    public init(json: JSONValue) throws(DesignLoadError) {
        self = try DesignCodec.decode(Data(json.prettyBytes()))
    }
}

extension JSONValue {
    init(tree: JSONTree) {
        switch tree {
        case .string(let s): self = .string(s)
        case .int(let i): self = .number(String(i))
        case .uint(let u): self = .number(String(u))
        case .bool(let b): self = .bool(b)
        case .null: self = .null
        case .array(let box): self = .array(box.items.map(JSONValue.init(tree:)))
        case .object(let box):
            self = .object(JSONMember.normalized(box.entries.map { JSONMember($0.key, JSONValue(tree: $0.value)) }))
        }
    }
}
