import DesignModel
import Foundation

/// The canonical JSON of several designs, built side by side (one per core): building a tree
/// is most of the time of a diff or merge of large designs, and the designs are independent.
enum CanonicalTrees {
    static func of(_ designs: [Design]) throws -> [JSONValue] {
        let results = ResultBox(count: designs.count)
        DispatchQueue.concurrentPerform(iterations: designs.count) { i in
            let r = Result { try designs[i].canonicalJSON() }
            results.set(i, r)
        }
        return try results.values.map { try $0!.get() }
    }

    /// Written once per index from different threads, read after all are done.
    private final class ResultBox: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var values: [Result<JSONValue, Error>?]
        init(count: Int) { values = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ r: Result<JSONValue, Error>) {
            lock.lock()
            values[i] = r
            lock.unlock()
        }
    }
}
