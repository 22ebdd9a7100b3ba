import Foundation

/// Errors from edits that would break the document's integrity.
public enum EditError: Error, Equatable, CustomStringConvertible {
    case unknownComponent(ItemID<Component>)
    case unknownItem(String)

    public var description: String {
        switch self {
        case .unknownComponent(let id): "no component with id \(id)"
        case .unknownItem(let id): "no item with id \(id)"
        }
    }
}

/// What deleting a component took with it, so the caller can report it and undo can restore it.
public struct ComponentRemoval: Equatable, Sendable {
    public var component: Component
    public var index: Int
    /// The flows that started or ended at the component, with their former positions.
    public var flows: [(flow: Flow, index: Int)]

    public static func == (a: ComponentRemoval, b: ComponentRemoval) -> Bool {
        a.component == b.component && a.index == b.index
            && a.flows.map(\.flow) == b.flows.map(\.flow) && a.flows.map(\.index) == b.flows.map(\.index)
    }
}

extension Design {
    // MARK: components

    @discardableResult
    public mutating func addComponent(name: String, kind: Component.Kind, responsibility: String = "",
                                      technology: String = "", notes: String = "") -> ItemID<Component> {
        let id = components.nextID()
        components.append(Component(id: id, name: name, kind: kind, responsibility: responsibility,
                                    technology: technology, notes: notes))
        return id
    }

    /// The flows that start or end at a component.
    public func flows(touching id: ItemID<Component>) -> [Flow] {
        flows.filter { $0.from == id || $0.to == id }
    }

    /// Deletes a component and every flow that touches it; says exactly what went.
    public mutating func removeComponent(_ id: ItemID<Component>) throws -> ComponentRemoval {
        guard let index = components.firstIndex(of: id) else { throw EditError.unknownComponent(id) }
        let removedFlows = flows.enumerated()
            .filter { $0.element.from == id || $0.element.to == id }
            .map { (flow: $0.element, index: $0.offset) }
        let component = components.remove(at: index)
        flows.removeAll { $0.from == id || $0.to == id }
        return ComponentRemoval(component: component, index: index, flows: removedFlows)
    }

    /// Puts back what `removeComponent` took, at the same positions.
    public mutating func restore(_ removal: ComponentRemoval) {
        components.insert(removal.component, at: min(removal.index, components.count))
        for (flow, index) in removal.flows.sorted(by: { $0.index < $1.index }) {
            flows.insert(flow, at: min(index, flows.count))
        }
    }

    // MARK: flows

    @discardableResult
    public mutating func addFlow(from: ItemID<Component>, to: ItemID<Component>, label: String = "",
                                 protocol proto: Flow.Protocol_ = .http, mode: Flow.Mode = .sync,
                                 direction: Flow.Direction = .oneWay, notes: String = "") throws -> ItemID<Flow> {
        guard components[id: from] != nil else { throw EditError.unknownComponent(from) }
        guard components[id: to] != nil else { throw EditError.unknownComponent(to) }
        let id = flows.nextID()
        flows.append(Flow(id: id, from: from, to: to, label: label, protocol: proto, mode: mode,
                          direction: direction, notes: notes))
        return id
    }

    /// Replaces a flow, refusing endpoints that do not exist.
    public mutating func updateFlow(_ flow: Flow) throws {
        guard let i = flows.firstIndex(of: flow.id) else { throw EditError.unknownItem(flow.id.rawValue) }
        guard components[id: flow.from] != nil else { throw EditError.unknownComponent(flow.from) }
        guard components[id: flow.to] != nil else { throw EditError.unknownComponent(flow.to) }
        flows[i] = flow
    }

    // MARK: requirements and trade-offs

    @discardableResult
    public mutating func addRequirement(_ kind: Requirement.Kind, _ text: String, priority: Requirement.Priority = .must,
                                        category: Requirement.Category? = nil, notes: String = "") -> ItemID<Requirement> {
        let id = requirements.nextID()
        requirements.append(Requirement(id: id, kind: kind, text: text, priority: priority,
                                        category: category, notes: notes))
        return id
    }

    @discardableResult
    public mutating func addTradeOff(title: String, stage: StageKey = .tradeOffs, context: String = "",
                                     options: [(name: String, pros: [String], cons: [String])] = [],
                                     chosenIndex: Int? = nil, rationale: String = "",
                                     status: TradeOff.Status = .proposed) -> ItemID<TradeOff> {
        let id = tradeOffs.nextID()
        var opts: [TradeOff.Option] = []
        for o in options {
            opts.append(TradeOff.Option(id: opts.nextID(), name: o.name, pros: o.pros, cons: o.cons))
        }
        let chosen = chosenIndex.flatMap { opts.indices.contains($0) ? opts[$0].id : nil }
        tradeOffs.append(TradeOff(id: id, title: title, stage: stage, context: context, options: opts,
                                  chosen: chosen, rationale: rationale, status: status))
        return id
    }

    /// Adds a custom checklist item to a stage.
    @discardableResult
    public mutating func addCustomItem(_ text: String, to stage: StageKey, done: Bool = false) -> ItemID<CustomItem> {
        let id = stages.flatMap(\.custom).nextID()
        updateStage(stage) { $0.custom.append(CustomItem(id: id, text: text, done: done)) }
        return id
    }
}
