/// A frame around components in the diagram: a region, a network, a trust boundary, a team.
/// Groups nest through `parent`; a component names the innermost group it sits in.
public struct ComponentGroup: Codable, Equatable, Sendable, Identified {
    public static let idPrefix = "group"

    public enum Kind: String, Codable, CaseIterable, Sendable {
        case region
        case network
        case trustBoundary = "trust-boundary"
        case team
        case other

        /// How the kind reads in a frame's title and in exports.
        public var title: String {
            switch self {
            case .region: "region"
            case .network: "network"
            case .trustBoundary: "trust boundary"
            case .team: "team"
            case .other: ""
            }
        }
    }

    public var id: ItemID<ComponentGroup>
    public var name: String
    public var kind: Kind
    /// The group this one sits in (nil: top level).
    public var parent: ItemID<ComponentGroup>?

    public init(id: ItemID<ComponentGroup>, name: String, kind: Kind = .other, parent: ItemID<ComponentGroup>? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.parent = parent
    }

    /// The frame's title: the name, and the kind unless it is "other" (`us-east-1 · region`).
    public var caption: String {
        let n = name.trimmingCharacters(in: .whitespaces)
        if kind == .other || kind.title.isEmpty { return n.isEmpty ? id.rawValue : n }
        return (n.isEmpty ? id.rawValue : n) + " · " + kind.title
    }
}

extension Design {
    /// `id` and the groups nested in it, at any depth (empty when unknown). Safe on parent
    /// cycles (each group at most once).
    public func groupAndDescendants(_ id: ItemID<ComponentGroup>) -> [ItemID<ComponentGroup>] {
        guard groups.contains(where: { $0.id == id }) else { return [] }
        var out: [ItemID<ComponentGroup>] = [id]
        var seen: Set<ItemID<ComponentGroup>> = [id]
        var i = 0
        while i < out.count {
            let g = out[i]; i += 1
            for child in groups where child.parent == g && seen.insert(child.id).inserted { out.append(child.id) }
        }
        return out
    }

    /// The components in group `id` or in a group nested in it.
    public func components(inGroup id: ItemID<ComponentGroup>) -> [Component] {
        let all = Set(groupAndDescendants(id))
        return components.filter { c in c.group.map { all.contains($0) } ?? false }
    }

    /// Adds a group and returns its id.
    @discardableResult
    public mutating func addGroup(name: String, kind: ComponentGroup.Kind = .other,
                                  parent: ItemID<ComponentGroup>? = nil) -> ItemID<ComponentGroup> {
        let id = groups.nextID()
        groups.append(ComponentGroup(id: id, name: name, kind: kind, parent: parent))
        return id
    }

    /// Removes a group: its components and nested groups move up to its parent.
    public mutating func removeGroup(_ id: ItemID<ComponentGroup>) {
        guard let i = groups.firstIndex(where: { $0.id == id }) else { return }
        let parent = groups[i].parent
        groups.remove(at: i)
        for k in groups.indices where groups[k].parent == id { groups[k].parent = parent }
        for k in components.indices where components[k].group == id { components[k].group = parent }
    }
}
