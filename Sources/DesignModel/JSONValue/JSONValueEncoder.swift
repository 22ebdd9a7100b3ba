import Foundation

/// Encodes a value straight into a `JSONValue`, the shape diff and merge walk: the same keys
/// and values as the canonical encoder (`JSONTree`), without building its tree first and
/// converting it (that conversion and freeing the tree were about 40 % of a design's JSON).
///
/// A value's members are complete when its `encode(to:)` returns, so each object is sorted
/// once, there. Containers handed out for filling later (`nestedContainer`, `superEncoder`)
/// are kept as pending slots and filled in when their parent finishes. Floating point is
/// refused with `CanonicalJSONEncoder.Unsupported`, as in the canonical encoder, so that
/// `canonicalJSON()` falls back to `JSONEncoder` for the same values.
enum JSONValueEncoding {
    static func value<T: Encodable>(of value: T) throws -> JSONValue {
        if T.self == String.self { return .string(unsafeBitCast(value, to: String.self)) }
        if T.self == Int.self { return .number(String(unsafeBitCast(value, to: Int.self))) }
        if T.self == Bool.self { return .bool(unsafeBitCast(value, to: Bool.self)) }
        if T.self == Date.self { return .string(unsafeBitCast(value, to: Date.self).formatted(.iso8601)) }
        let encoder = ValueEncoder()
        try value.encode(to: encoder)
        return encoder.finish()
    }

    static func unsupported() -> CanonicalJSONEncoder.Unsupported {
        .init(description: "a floating-point number")
    }
}

/// What one encoder or container is building.
final class ValueSlot {
    enum Kind { case empty, single, object, array }

    private(set) var kind = Kind.empty
    private var single = JSONValue.null
    private var members: [JSONMember] = []
    private var items: [JSONValue] = []
    /// Containers handed out to be filled later, by position in `members` or `items`.
    private var pending: [(index: Int, slot: ValueSlot)] = []

    /// The finished value: pending slots filled in, members sorted by key.
    func finish() -> JSONValue {
        switch kind {
        case .empty: return .object([])
        case .single: return single
        case .object:
            for p in pending { members[p.index].value = p.slot.finish() }
            return .object(JSONMember.normalized(members))
        case .array:
            for p in pending { items[p.index] = p.slot.finish() }
            return .array(items)
        }
    }

    func set(_ value: JSONValue) {
        kind = .single
        single = value
    }

    func append(_ key: String, _ value: JSONValue) {
        kind = .object
        members.append(JSONMember(key, value))
    }

    func appendPending(_ key: String, _ slot: ValueSlot) {
        kind = .object
        pending.append((members.count, slot))
        members.append(JSONMember(key, .null))
    }

    func append(_ value: JSONValue) {
        kind = .array
        items.append(value)
    }

    func appendPending(_ slot: ValueSlot) {
        kind = .array
        pending.append((items.count, slot))
        items.append(.null)
    }

    var count: Int { kind == .array ? items.count : members.count }

    /// Makes the slot an object (or an array) if nothing was written to it yet.
    func becomeObject() { if kind == .empty { kind = .object } }
    func becomeArray() { if kind == .empty { kind = .array } }
}

final class ValueEncoder: Encoder {
    let slot: ValueSlot
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(slot: ValueSlot = ValueSlot()) { self.slot = slot }

    func finish() -> JSONValue { slot.finish() }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        slot.becomeObject()
        return KeyedEncodingContainer(ValueKeyedContainer<Key>(slot: slot))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        slot.becomeArray()
        return ValueUnkeyedContainer(slot: slot)
    }

    func singleValueContainer() -> SingleValueEncodingContainer { ValueSingleContainer(slot: slot) }
}

private func number<T: BinaryInteger>(_ v: T) -> JSONValue { .number(String(v)) }

struct ValueKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: ValueSlot
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws { slot.append(key.stringValue, .null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { slot.append(key.stringValue, .bool(value)) }
    mutating func encode(_ value: String, forKey key: Key) throws { slot.append(key.stringValue, .string(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws { throw JSONValueEncoding.unsupported() }
    mutating func encode(_ value: Float, forKey key: Key) throws { throw JSONValueEncoding.unsupported() }
    mutating func encode(_ value: Int, forKey key: Key) throws { slot.append(key.stringValue, number(value)) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { slot.append(key.stringValue, number(value)) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { slot.append(key.stringValue, number(value)) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { slot.append(key.stringValue, number(value)) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { slot.append(key.stringValue, number(value)) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { slot.append(key.stringValue, number(value)) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { slot.append(key.stringValue, number(value)) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { slot.append(key.stringValue, number(value)) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { slot.append(key.stringValue, number(value)) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { slot.append(key.stringValue, number(value)) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        slot.append(key.stringValue, try JSONValueEncoding.value(of: value))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                        forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = ValueSlot()
        nested.becomeObject()
        slot.appendPending(key.stringValue, nested)
        return KeyedEncodingContainer(ValueKeyedContainer<NestedKey>(slot: nested))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        let nested = ValueSlot()
        nested.becomeArray()
        slot.appendPending(key.stringValue, nested)
        return ValueUnkeyedContainer(slot: nested)
    }

    mutating func superEncoder() -> Encoder { superEncoder(name: "super") }
    mutating func superEncoder(forKey key: Key) -> Encoder { superEncoder(name: key.stringValue) }

    private func superEncoder(name: String) -> Encoder {
        let nested = ValueSlot()
        slot.appendPending(name, nested)
        return ValueEncoder(slot: nested)
    }
}

struct ValueUnkeyedContainer: UnkeyedEncodingContainer {
    let slot: ValueSlot
    var codingPath: [any CodingKey] { [] }
    var count: Int { slot.count }

    mutating func encodeNil() throws { slot.append(.null) }
    mutating func encode(_ value: Bool) throws { slot.append(.bool(value)) }
    mutating func encode(_ value: String) throws { slot.append(.string(value)) }
    mutating func encode(_ value: Double) throws { throw JSONValueEncoding.unsupported() }
    mutating func encode(_ value: Float) throws { throw JSONValueEncoding.unsupported() }
    mutating func encode(_ value: Int) throws { slot.append(number(value)) }
    mutating func encode(_ value: Int8) throws { slot.append(number(value)) }
    mutating func encode(_ value: Int16) throws { slot.append(number(value)) }
    mutating func encode(_ value: Int32) throws { slot.append(number(value)) }
    mutating func encode(_ value: Int64) throws { slot.append(number(value)) }
    mutating func encode(_ value: UInt) throws { slot.append(number(value)) }
    mutating func encode(_ value: UInt8) throws { slot.append(number(value)) }
    mutating func encode(_ value: UInt16) throws { slot.append(number(value)) }
    mutating func encode(_ value: UInt32) throws { slot.append(number(value)) }
    mutating func encode(_ value: UInt64) throws { slot.append(number(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws { slot.append(try JSONValueEncoding.value(of: value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = ValueSlot()
        nested.becomeObject()
        slot.appendPending(nested)
        return KeyedEncodingContainer(ValueKeyedContainer<NestedKey>(slot: nested))
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        let nested = ValueSlot()
        nested.becomeArray()
        slot.appendPending(nested)
        return ValueUnkeyedContainer(slot: nested)
    }

    mutating func superEncoder() -> Encoder {
        let nested = ValueSlot()
        slot.appendPending(nested)
        return ValueEncoder(slot: nested)
    }
}

struct ValueSingleContainer: SingleValueEncodingContainer {
    let slot: ValueSlot
    var codingPath: [any CodingKey] { [] }

    private func set(_ value: JSONValue) { slot.set(value) }

    mutating func encodeNil() throws { set(.null) }
    mutating func encode(_ value: Bool) throws { set(.bool(value)) }
    mutating func encode(_ value: String) throws { set(.string(value)) }
    mutating func encode(_ value: Double) throws { throw JSONValueEncoding.unsupported() }
    mutating func encode(_ value: Float) throws { throw JSONValueEncoding.unsupported() }
    mutating func encode(_ value: Int) throws { set(number(value)) }
    mutating func encode(_ value: Int8) throws { set(number(value)) }
    mutating func encode(_ value: Int16) throws { set(number(value)) }
    mutating func encode(_ value: Int32) throws { set(number(value)) }
    mutating func encode(_ value: Int64) throws { set(number(value)) }
    mutating func encode(_ value: UInt) throws { set(number(value)) }
    mutating func encode(_ value: UInt8) throws { set(number(value)) }
    mutating func encode(_ value: UInt16) throws { set(number(value)) }
    mutating func encode(_ value: UInt32) throws { set(number(value)) }
    mutating func encode(_ value: UInt64) throws { set(number(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws { set(try JSONValueEncoding.value(of: value)) }
}
