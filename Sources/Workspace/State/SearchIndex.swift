/// The lower-cased search text of every item in one pane, as UTF-8 bytes, kept current item by
/// item as the design changes: an edit, insert, delete or swap recomputes only the items it
/// touched, so the first filter keystroke after an edit does not rebuild thousands of strings.
struct SearchIndex: Equatable, Sendable {
    private(set) var entries: [[UInt8]]

    init(count: Int, text: (Int) -> String) {
        entries = (0..<count).map { Self.key(text($0)) }
    }

    var count: Int { entries.count }

    static func key(_ text: String) -> [UInt8] { Array(text.lowercased().utf8) }

    /// The items whose text contains `needle` (already lower-cased), from `candidates`.
    func matches(_ needle: String, among candidates: [Int]) -> [Int] {
        let n = Array(needle.utf8)
        guard !n.isEmpty else { return candidates }
        return candidates.filter { Self.contains(entries[$0], n) }
    }

    /// Byte substring search. UTF-8 is self-synchronising, so a byte match of valid UTF-8 is a
    /// match of whole scalars.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        let m = needle.count, n = haystack.count
        guard m <= n else { return false }
        return haystack.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { k in
                let first = k[0]
                var i = 0
                while i <= n - m {
                    if h[i] == first {
                        var j = 1
                        while j < m && h[i + j] == k[j] { j += 1 }
                        if j == m { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }

    /// Brings the index from `old` to `new` by recomputing only the run of items between their
    /// common start and common end.
    mutating func update<T: Equatable>(from old: [T], to new: [T], text: (Int) -> String) {
        guard old.count == entries.count else {
            self = SearchIndex(count: new.count, text: text)
            return
        }
        let (oldRange, newRange) = Self.changedRanges(old, new)
        entries.replaceSubrange(oldRange, with: newRange.map { Self.key(text($0)) })
    }

    /// Recomputes the given items (flows whose component was renamed).
    mutating func refresh(_ items: [Int], text: (Int) -> String) {
        for i in items where i < entries.count { entries[i] = Self.key(text(i)) }
    }

    /// The ranges of `old` and `new` that differ, after trimming their common prefix and suffix.
    static func changedRanges<T: Equatable>(_ old: [T], _ new: [T]) -> (Range<Int>, Range<Int>) {
        var start = 0
        let shorter = min(old.count, new.count)
        while start < shorter && old[start] == new[start] { start += 1 }
        var endOld = old.count, endNew = new.count
        while endOld > start && endNew > start && old[endOld - 1] == new[endNew - 1] {
            endOld -= 1
            endNew -= 1
        }
        return (start..<endOld, start..<endNew)
    }
}
