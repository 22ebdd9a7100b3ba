/// One list of items in the workspace (requirements, components, …), named by its kind.
/// The kinds and their order come from `ItemKinds.all`; `Tab` goes through them in that order.
public struct Pane: Hashable, Sendable, RawRepresentable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public static let requirements = Pane("requirements")
    public static let components = Pane("components")
    public static let flows = Pane("flows")
    public static let tradeOffs = Pane("trade-offs")
    public static let risks = Pane("risks")
    public static let questions = Pane("questions")
    public static let conflicts = Pane("conflicts")

    /// Every pane, in Tab order.
    public static var allCases: [Pane] { ItemKinds.panes }

    /// Everything the workspace knows about this pane's kind of item.
    public var kind: ItemKind { ItemKinds.kind(self) }

    public var title: String { kind.title }
    /// The singular noun used in messages ("Deleted requirement req-3").
    public var noun: String { kind.noun }
    /// 1-based position in Tab order (the number key that jumps to it, for the first nine).
    public var number: Int { (ItemKinds.panes.firstIndex(of: self) ?? 0) + 1 }
    /// Shown in the 2×2 grid of the panes screen (the others have a screen of their own).
    public var inGrid: Bool { kind.inGrid }

    public var next: Pane {
        let all = ItemKinds.panes
        return all[((all.firstIndex(of: self) ?? 0) + 1) % all.count]
    }

    public var previous: Pane {
        let all = ItemKinds.panes
        return all[((all.firstIndex(of: self) ?? 0) + all.count - 1) % all.count]
    }

    public var description: String { rawValue }
}

/// Which full view is showing.
public enum Screen: Equatable, Sendable {
    case panes, checklist, diagram
}
