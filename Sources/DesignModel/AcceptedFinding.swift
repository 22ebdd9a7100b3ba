/// A design-review finding the team looked at and chose to live with: which rule, on which
/// items, and why. Kept in the design, so everyone who reviews it sees the same open list, and
/// listed in the report as an accepted risk.
///
/// A finding is matched by its rule and the set of items it names: when the design changes so
/// that the rule names other items (a cycle grows by a component), the finding is open again.
public struct AcceptedFinding: Codable, Equatable, Sendable, Identified {
    public static let idPrefix = "accept"

    public var id: ItemID<AcceptedFinding>
    /// The review rule's id (`component.single-point-of-failure`).
    public var rule: String
    /// The ids of the items the finding names, sorted; empty for a finding about the whole design.
    public var items: [String]
    /// What the finding said when it was accepted (shown when the rule no longer finds it).
    public var message: String
    /// Why the team accepts it (several lines allowed).
    public var reason: String

    public init(id: ItemID<AcceptedFinding>, rule: String, items: [String], message: String = "", reason: String) {
        self.id = id
        self.rule = rule
        self.items = items.sorted()
        self.message = message
        self.reason = reason
    }

    /// The key a finding of `rule` on `items` is matched by (items in any order).
    public static func key(rule: String, items: [String]) -> String {
        ([rule] + items.sorted()).joined(separator: "\u{1F}")
    }

    public var key: String { Self.key(rule: rule, items: items) }
}
