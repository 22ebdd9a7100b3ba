import Foundation

/// A strict single pass over a design file's bytes before anything decodes them.
///
/// It finds what Foundation's readers accept silently or report badly, and says where:
/// - a key that appears twice in one object (`JSONSerialization` and `JSONDecoder` keep one of
///   the values without a word, and other JSON readers keep the other one);
/// - text that is not UTF-8 (with the byte), a raw control character or NUL inside a string,
///   a lone UTF-16 surrogate escape (`"\ud800"`), which no string can hold;
/// - any JSON syntax error, with what was expected and what was found (a trailing comma,
///   a single-quoted key, a file that ends in the middle: truncated);
/// - nesting deeper than `maximumDepth`, which is refused before a recursive reader sees it.
///
/// It also returns the raw `schemaVersion` token of the top-level object, so the version is
/// read exactly as written (`1.5`, `"1"`, `true`, a 30-digit number) rather than as Foundation
/// converts it. Iterative (no recursion, any depth is safe) and allocation-free for the usual
/// file, so it costs a few milliseconds on a 5 MB design.
public enum JSONPreflight {
    /// Deepest nesting of objects and lists accepted: Foundation's own limit. A design needs 5.
    public static let maximumDepth = 512

    /// What the top-level `schemaVersion` value is, as written.
    public enum VersionToken: Equatable, Sendable {
        case number(String)
        case string(String)
        case literal(String)
        case object, list
    }

    /// A number that is not a whole number a design can hold (`1.5`, `1e300`, or an integer
    /// beyond 64 bits). Foundation's decoder rejects such a number in a whole-number field
    /// without saying where, so the report keeps where they are.
    public struct UnusualNumber: Equatable, Sendable {
        public var offset: Int
        public var path: String
        public var text: String
    }

    public struct Report: Equatable, Sendable {
        /// False when the top-level value is not an object.
        public var topLevelIsObject: Bool
        /// The first unusual numbers in the file (up to 100), in file order.
        public var unusualNumbers: [UnusualNumber] = []
        /// The top-level object's `schemaVersion` (the last one, should it appear twice —
        /// which is an error anyway); nil when there is none.
        public var schemaVersion: VersionToken?
    }

    public enum Problem: Error, Equatable, Sendable {
        /// A syntax or encoding error at a byte offset.
        case syntax(offset: Int, detail: String)
        /// A key written twice in one object: offsets of both occurrences, the object's path.
        case duplicateKey(key: String, path: String, offset: Int, firstOffset: Int)
    }

    public static func check(_ bytes: [UInt8]) throws(Problem) -> Report {
        try bytes.withUnsafeBufferPointer { run($0) }.get()
    }

    public static func check(_ data: Data) throws(Problem) -> Report {
        try data.withUnsafeBytes { run($0.bindMemory(to: UInt8.self)) }.get()
    }

    public static func check(_ buffer: UnsafeBufferPointer<UInt8>) throws(Problem) -> Report {
        try run(buffer).get()
    }

    private static func run(_ buffer: UnsafeBufferPointer<UInt8>) -> Result<Report, Problem> {
        var scanner = JSONPreflightScanner(buffer)
        do throws(Problem) { return .success(try scanner.run()) } catch { return .failure(error) }
    }
}
