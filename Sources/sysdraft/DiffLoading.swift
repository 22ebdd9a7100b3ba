import ArgumentParser
import DesignModel
import DesignStorage
import Foundation

extension DiffCommand {
    /// Loads the designs at `paths` at the same time (a pair of 5 MB files in about the time of
    /// one on two cores); `/dev/null` (git's stand-in for a missing side) is an empty design.
    /// Problems are printed in the order of `paths`; then trouble exits 2, as diff(1) does.
    static func loadAll(_ paths: [String]) throws -> [Design] {
        let results = LoadResults(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { i in
            let r: Result<Design, any Error>
            if paths[i] == "/dev/null" {
                r = .success(emptyDesign())
            } else {
                do { r = .success(try DesignFile.load(paths[i])) } catch { r = .failure(error) }
            }
            results.set(i, r)
        }
        var designs: [Design] = [], failed = false
        for r in results.all {
            switch r {
            case .success(let d): designs.append(d)
            case .failure(let e): printError(e); failed = true
            case nil: failed = true
            }
        }
        if failed { throw ExitCode(2) }
        return designs
    }

    /// git's stand-in for a missing side: an empty design.
    static func emptyDesign() -> Design {
        var d = Design(title: "", now: Date(timeIntervalSince1970: 0))
        d.stages = StageKey.allCases.map { StageState(stage: $0) }
        return d
    }
}

/// One slot per file, filled from the loading threads.
private final class LoadResults: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<Design, any Error>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ r: Result<Design, any Error>) {
        lock.lock()
        slots[i] = r
        lock.unlock()
    }

    var all: [Result<Design, any Error>?] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}
