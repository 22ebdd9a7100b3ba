import Foundation

/// The ten stages every design is walked through, in order.
public enum StageKey: String, Codable, CaseIterable, Sendable, Comparable {
    case requirements
    case highLevelDesign = "high-level-design"
    case lowLevelDesign = "low-level-design"
    case scalability = "scalability-performance"
    case dataStorage = "data-storage"
    case reliability
    case security
    case deployment = "deployment-devops"
    case monitoring = "monitoring-alerting"
    case tradeOffs = "trade-offs"

    /// 1-based position in the checklist.
    public var number: Int { Self.allCases.firstIndex(of: self)! + 1 }

    public static func < (a: StageKey, b: StageKey) -> Bool { a.number < b.number }

    /// Accepts the raw key, the stage number ("4") or a case-insensitive prefix of the key.
    public init?(lenient text: String) {
        let t = text.lowercased().trimmingCharacters(in: .whitespaces)
        if let s = StageKey(rawValue: t) { self = s; return }
        if let n = Int(t), (1...10).contains(n) { self = StageKey.allCases[n - 1]; return }
        let matches = StageKey.allCases.filter { $0.rawValue.hasPrefix(t) }
        guard !t.isEmpty, matches.count == 1 else { return nil }
        self = matches[0]
    }
}

/// An item the user added to a stage's checklist.
public struct CustomItem: Codable, Equatable, Sendable, Identified {
    public static let idPrefix = "item"
    public var id: ItemID<CustomItem>
    public var text: String
    public var done: Bool

    public init(id: ItemID<CustomItem>, text: String, done: Bool = false) {
        self.id = id
        self.text = text
        self.done = done
    }
}

/// The user's progress on one stage: which catalogue items are done, their own items, notes.
public struct StageState: Codable, Equatable, Sendable {
    public var stage: StageKey
    /// Keys of catalogue items that are done, kept sorted so the file diffs cleanly.
    public var done: [String]
    public var custom: [CustomItem]
    public var notes: String

    public init(stage: StageKey, done: [String] = [], custom: [CustomItem] = [], notes: String = "") {
        self.stage = stage
        self.done = done.sorted()
        self.custom = custom
        self.notes = notes
    }

    public func isDone(_ key: String) -> Bool { done.contains(key) }

    public mutating func setDone(_ key: String, _ value: Bool) {
        var set = Set(done)
        if value { set.insert(key) } else { set.remove(key) }
        done = set.sorted()
    }
}

