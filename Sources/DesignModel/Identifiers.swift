/// A short, readable, stable identifier such as `comp-3`.
///
/// The phantom `Kind` keeps ids of different item types apart at compile time:
/// a `ItemID<Component>` cannot be passed where a `ItemID<Flow>` is expected.
/// In JSON an id is a plain string.
public struct ItemID<Kind>: Hashable, Comparable, Codable, Sendable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public init(from decoder: Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }

    public var description: String { rawValue }

    /// Orders `comp-2` before `comp-10`.
    public static func < (a: ItemID, b: ItemID) -> Bool {
        let (pa, na) = a.split, (pb, nb) = b.split
        if pa != pb { return pa < pb }
        if na != nb { return (na ?? -1) < (nb ?? -1) }
        return a.rawValue < b.rawValue
    }

    /// The number of an id that is `prefix` (ending in its dash) then only digits; nil for any
    /// other shape (`split` reads those).
    func plainNumber(after prefix: [UInt8]) -> Int? {
        var n = 0
        var count = 0
        for (i, b) in rawValue.utf8.enumerated() {
            if i < prefix.count {
                guard b == prefix[i] else { return nil }
                continue
            }
            guard b >= 48 && b <= 57 else { return nil }
            let (m, o1) = n.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int(b - 48))
            guard !o1 && !o2 else { return nil }
            n = a
            count += 1
        }
        return count > 0 ? n : nil
    }

    /// The prefix and trailing number of an id like `comp-12`.
    var split: (String, Int?) {
        guard let dash = rawValue.lastIndex(of: "-"),
              let n = Int(rawValue[rawValue.index(after: dash)...]) else { return (rawValue, nil) }
        return (String(rawValue[..<dash]), n)
    }
}

/// Things that carry an id with a fixed readable prefix.
public protocol Identified {
    static var idPrefix: String { get }
    var id: ItemID<Self> { get }
}

extension Array where Element: Identified {
    /// The next free id: prefix plus one more than the highest number in use. When that
    /// number is already the largest there is (a hand-edited `comp-9223372036854775807`), the
    /// smallest positive number not in use instead.
    public func nextID() -> ItemID<Element> {
        let prefix = [UInt8](Element.idPrefix.utf8) + [UInt8(ascii: "-")]
        let numbers = self.compactMap { item -> Int? in
            // `prefix-digits`, read from the bytes (no strings made: this runs on every add).
            if let n = item.id.plainNumber(after: prefix) { return n }
            let (p, n) = item.id.split
            return p == Element.idPrefix ? n : nil
        }
        let highest = numbers.max() ?? 0
        if highest < Int.max { return ItemID("\(Element.idPrefix)-\(Swift.max(highest, 0) + 1)") }
        let used = Set(numbers)
        var n = 1
        while used.contains(n) { n += 1 }
        return ItemID("\(Element.idPrefix)-\(n)")
    }

    public func firstIndex(of id: ItemID<Element>) -> Int? { firstIndex { $0.id == id } }

    /// Replaces the item with the same id, or appends it when there is none.
    public mutating func upsert(_ item: Element) {
        if let i = firstIndex(of: item.id) { self[i] = item } else { append(item) }
    }

    /// The id to write an edited item under: its own when it still exists, else a new one.
    public func idForEdit(_ raw: String?) -> ItemID<Element> {
        if let raw, firstIndex(of: ItemID(raw)) != nil { return ItemID(raw) }
        return nextID()
    }

    public subscript(id id: ItemID<Element>) -> Element? {
        first { $0.id == id }
    }
}
