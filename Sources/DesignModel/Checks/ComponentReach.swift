/// Who calls whom, read from the data flows: which components something calls, and which a
/// client reaches through the edge (DNS, CDN, load balancers, API gateways).
public struct ComponentReach: Sendable {
    /// Components at the receiving end of a flow: the target of any flow, and both ends of a
    /// two-way flow.
    public let called: Set<ItemID<Component>>
    /// Components a client, app or external system reaches directly or through edge components
    /// only. These serve the public.
    public let publicFacing: Set<ItemID<Component>>

    /// Kinds where outside traffic enters the design.
    public static let entryKinds: Set<Component.Kind> = [.client, .app, .external]
    /// Kinds that pass requests on without being the destination.
    public static let edgeKinds: Set<Component.Kind> = [.dns, .cdn, .loadBalancer, .apiGateway]

    public init(_ design: Design) {
        var called = Set<ItemID<Component>>()
        var next: [ItemID<Component>: [ItemID<Component>]] = [:]
        for f in design.flows {
            called.insert(f.to)
            next[f.from, default: []].append(f.to)
            if f.direction == .twoWay {
                called.insert(f.from)
                next[f.to, default: []].append(f.from)
            }
        }
        self.called = called

        var kinds: [ItemID<Component>: Component.Kind] = [:]
        for c in design.components where kinds[c.id] == nil { kinds[c.id] = c.kind }
        var reached = Set<ItemID<Component>>()
        var expanded = Set<ItemID<Component>>()
        var stack = design.components.filter { Self.entryKinds.contains($0.kind) }.map(\.id)
        while let c = stack.popLast() {
            guard expanded.insert(c).inserted else { continue }
            for n in next[c] ?? [] {
                reached.insert(n)
                if let k = kinds[n], Self.edgeKinds.contains(k) { stack.append(n) }
            }
        }
        publicFacing = reached
    }
}
