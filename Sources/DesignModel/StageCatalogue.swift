import Foundation

/// The ten stages with their purpose and checklist, loaded from `Assets/stages.json`.
/// Documents store item keys, never the item text, so wording can improve without
/// touching anyone's files.
public struct StageCatalogue: Codable, Equatable, Sendable {
    public struct Item: Codable, Equatable, Sendable {
        /// Stable key, `<stage>.<slug>`, e.g. `requirements.functional`.
        public var key: String
        public var text: String
        /// A longer hint shown on demand (optional).
        public var hint: String?

        public init(key: String, text: String, hint: String? = nil) {
            self.key = key
            self.text = text
            self.hint = hint
        }
    }

    public struct Stage: Codable, Equatable, Sendable {
        public var key: StageKey
        public var title: String
        /// A two- or three-word name for narrow places (tabs, table rows).
        public var shortTitle: String
        public var purpose: String
        public var items: [Item]

        public init(key: StageKey, title: String, shortTitle: String, purpose: String, items: [Item]) {
            self.key = key
            self.title = title
            self.shortTitle = shortTitle
            self.purpose = purpose
            self.items = items
        }
    }

    public var version: Int
    public var stages: [Stage]

    public init(version: Int = 1, stages: [Stage]) {
        self.version = version
        self.stages = stages
    }

    public subscript(key: StageKey) -> Stage {
        stages.first { $0.key == key } ?? Stage(key: key, title: key.rawValue, shortTitle: key.rawValue,
                                                 purpose: "", items: [])
    }

    public var allItemKeys: Set<String> { Set(stages.flatMap { $0.items.map(\.key) }) }

    /// Decodes and checks a catalogue: all ten stages, in order, unique item keys prefixed by
    /// their stage key.
    public static func decode(_ data: Data) throws -> StageCatalogue {
        let catalogue = try JSONDecoder().decode(StageCatalogue.self, from: data)
        let problems = catalogue.problems()
        if !problems.isEmpty {
            throw CatalogueError(problems: problems)
        }
        return catalogue
    }

    public func problems() -> [String] {
        var out: [String] = []
        if stages.map(\.key) != StageKey.allCases {
            out.append("stages must be the ten stage keys in order: "
                + StageKey.allCases.map(\.rawValue).joined(separator: ", "))
        }
        var seen = Set<String>()
        for s in stages {
            if s.items.isEmpty { out.append("stage \(s.key.rawValue) has no checklist items") }
            for item in s.items {
                if !seen.insert(item.key).inserted { out.append("duplicate item key \(item.key)") }
                if !item.key.hasPrefix(s.key.rawValue + ".") {
                    out.append("item key \(item.key) must start with \(s.key.rawValue).")
                }
            }
        }
        return out
    }
}

public struct CatalogueError: Error, CustomStringConvertible {
    public var problems: [String]
    public var description: String { "stage catalogue is invalid: " + problems.joined(separator: "; ") }
}

/// Progress on one stage as counted against the catalogue (custom items included).
public struct StageProgress: Equatable, Sendable {
    public enum Status: String, Sendable { case notStarted = "not started", inProgress = "in progress", done }

    public var done: Int
    public var total: Int
    /// Notes alone make a stage "in progress" even with nothing ticked.
    public var hasNotes: Bool

    public var status: Status {
        if total > 0 && done == total { return .done }
        if done > 0 || hasNotes { return .inProgress }
        return .notStarted
    }
}

extension Design {
    public func progress(of key: StageKey, in catalogue: StageCatalogue) -> StageProgress {
        let state = stage(key)
        let itemKeys = catalogue[key].items.map(\.key)
        let done = itemKeys.filter(state.isDone).count + state.custom.filter(\.done).count
        return StageProgress(done: done, total: itemKeys.count + state.custom.count,
                             hasNotes: !state.notes.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
    }
}
