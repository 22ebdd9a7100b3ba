// The drawing's characters, stored compactly: most cells hold one Unicode scalar (a box-drawing
// glyph, a letter), kept as its value; the rare grapheme cluster of several scalars (an emoji
// sequence, a letter with a combining mark) is kept once in a side table.

/// One grapheme cluster per cell, row-major.
public struct DiagramCells: RandomAccessCollection, Sendable {
    /// A scalar value, or (high bit set) an index into `clusters`.
    var codes: [UInt32]
    var clusters: [Character]

    static let clusterFlag: UInt32 = 0x8000_0000
    static let space: UInt32 = 0x20

    init(count: Int) {
        codes = [UInt32](repeating: Self.space, count: count)
        clusters = []
    }

    init(codes: [UInt32], clusters: [Character]) {
        self.codes = codes
        self.clusters = clusters
    }

    /// From characters (tests build damaged drawings this way).
    public init(_ characters: [Character]) {
        codes = []
        clusters = []
        codes.reserveCapacity(characters.count)
        for c in characters { codes.append(code(for: c)) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { codes.count }

    public subscript(i: Int) -> Character {
        let c = codes[i]
        if c & Self.clusterFlag != 0 { return clusters[Int(c & ~Self.clusterFlag)] }
        return Character(Unicode.Scalar(c).unsafelyUnwrapped)
    }

    /// The code for `ch`: its scalar, or a new entry in the cluster table.
    mutating func code(for ch: Character) -> UInt32 {
        let scalars = ch.unicodeScalars
        if scalars.count == 1 { return scalars.first!.value }
        clusters.append(ch)
        return Self.clusterFlag | UInt32(clusters.count - 1)
    }

    @inline(__always) mutating func set(_ i: Int, _ ch: Character) { codes[i] = code(for: ch) }
    @inline(__always) mutating func set(_ i: Int, scalar: Unicode.Scalar) { codes[i] = scalar.value }

    /// Appends the UTF-8 of cell `i` to `bytes`.
    @inline(__always) func appendUTF8(_ i: Int, to bytes: inout [UInt8]) {
        let c = codes[i]
        if c < 0x80 { bytes.append(UInt8(c)); return }
        if c & Self.clusterFlag != 0 { bytes.append(contentsOf: clusters[Int(c & ~Self.clusterFlag)].utf8); return }
        if c < 0x800 {
            bytes.append(UInt8(0xC0 | (c >> 6))); bytes.append(UInt8(0x80 | (c & 0x3F)))
        } else if c < 0x10000 {
            bytes.append(UInt8(0xE0 | (c >> 12))); bytes.append(UInt8(0x80 | ((c >> 6) & 0x3F))); bytes.append(UInt8(0x80 | (c & 0x3F)))
        } else {
            bytes.append(UInt8(0xF0 | (c >> 18))); bytes.append(UInt8(0x80 | ((c >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((c >> 6) & 0x3F))); bytes.append(UInt8(0x80 | (c & 0x3F)))
        }
    }

    @inline(__always) func isSpace(_ i: Int) -> Bool { codes[i] == Self.space }
}
