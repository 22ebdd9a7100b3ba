import DesignModel
@testable import DesignReview
import Foundation
import Testing

/// Builds designs for the rule tests in a few lines.
struct Sketch {
    var design = Design(title: "Sketch", problem: "A design for the review tests", now: Date(timeIntervalSince1970: 1_700_000_000))

    @discardableResult
    mutating func component(_ kind: Component.Kind, _ name: String, technology: String = "", responsibility: String = "",
                            instances: String? = nil, redundancy: String? = nil, serves: [String] = []) -> String {
        let id = design.components.nextID()
        design.components.append(Component(id: id, name: name, kind: kind, responsibility: responsibility,
                                           technology: technology, instances: instances, redundancy: redundancy,
                                           requirements: serves.map { ItemID($0) }))
        return id.rawValue
    }

    @discardableResult
    mutating func flow(_ from: String, _ to: String, _ label: String = "requests", mode: Flow.Mode = .sync,
                       direction: Flow.Direction = .oneWay, protocol p: Flow.Protocol_ = .http) -> String {
        let id = design.flows.nextID()
        design.flows.append(Flow(id: id, from: ItemID(from), to: ItemID(to), label: label, protocol: p, mode: mode, direction: direction))
        return id.rawValue
    }

    @discardableResult
    mutating func requirement(_ kind: Requirement.Kind, _ text: String, priority: Requirement.Priority = .must,
                              category: Requirement.Category? = nil, notes: String = "") -> String {
        let id = design.requirements.nextID()
        design.requirements.append(Requirement(id: id, kind: kind, text: text, priority: priority, category: category, notes: notes))
        return id.rawValue
    }

    @discardableResult
    mutating func decision(_ title: String, options: [String] = ["A", "B"], chosen: Int? = 0, rationale: String = "Cheaper to run",
                           status: TradeOff.Status = .accepted, drivers: [String] = []) -> String {
        let id = design.tradeOffs.nextID()
        let opts = options.enumerated().map { TradeOff.Option(id: ItemID("opt-\($0.offset + 1)"), name: $0.element) }
        design.tradeOffs.append(TradeOff(id: id, title: title, options: opts, chosen: chosen.map { opts[$0].id },
                                         rationale: rationale, status: status, drivers: drivers.map { ItemID($0) }))
        return id.rawValue
    }

    mutating func addresses(_ requirement: String, _ item: String) {
        if let i = design.components.firstIndex(where: { $0.id.rawValue == item }) {
            design.components[i].requirements.append(ItemID(requirement))
        } else if let i = design.flows.firstIndex(where: { $0.id.rawValue == item }) {
            design.flows[i].requirements.append(ItemID(requirement))
        }
    }

    func review(_ config: ReviewConfig = .standard) -> ReviewResult { DesignReviewer.review(design, config: config) }

    /// The open findings of one rule.
    func findings(_ rule: String, _ config: ReviewConfig = .standard) -> [ReviewFinding] {
        review(config).open.filter { $0.rule == rule }
    }
}

/// A small, sound design that no rule has anything to say about: a client behind a load
/// balancer and an authenticating gateway, a service with a replicated database and cache,
/// events through a queue to a worker, monitoring, requirements linked to what meets them, a
/// decision with its options and rationale, and the reliability stage worked on.
enum Sound {
    struct IDs {
        var client = "", lb = "", gateway = "", service = "", db = "", cache = "", queue = "", worker = "", monitoring = ""
        var create = "", latency = "", availability = ""
    }

    static func sketch() -> (Sketch, IDs) {
        var s = Sketch()
        var ids = IDs()
        ids.create = s.requirement(.functional, "Create a short link")
        ids.latency = s.requirement(.nonFunctional, "Redirects in under 50 ms at p99", category: .latency)
        ids.availability = s.requirement(.nonFunctional, "Available 99.9% of the time", category: .availability)
        ids.client = s.component(.client, "Browser")
        ids.lb = s.component(.loadBalancer, "Load balancer", serves: [ids.availability])
        ids.gateway = s.component(.apiGateway, "Gateway", responsibility: "Checks API keys")
        ids.service = s.component(.service, "Links service", serves: [ids.create])
        ids.db = s.component(.database, "Links DB", technology: "PostgreSQL", instances: "2")
        ids.cache = s.component(.cache, "Links cache", technology: "Redis", redundancy: "Replica per shard", serves: [ids.latency])
        ids.queue = s.component(.queue, "Events", technology: "Kafka", instances: "3")
        ids.worker = s.component(.worker, "Stats worker")
        ids.monitoring = s.component(.monitoring, "Metrics")
        s.flow(ids.client, ids.lb, "HTTPS requests")
        s.flow(ids.lb, ids.gateway, "API calls")
        s.flow(ids.gateway, ids.service, "create link")
        s.flow(ids.service, ids.db, "insert link")
        s.flow(ids.service, ids.cache, "cache lookup")
        s.flow(ids.service, ids.queue, "link events", mode: .async, protocol: .pubsub)
        s.flow(ids.queue, ids.worker, "link events", mode: .async, protocol: .pubsub)
        s.flow(ids.worker, ids.db, "write stats")
        s.flow(ids.service, ids.monitoring, "metrics", mode: .async)
        s.decision("SQL or NoSQL", drivers: [ids.create])
        s.design.updateStage(.reliability) { $0.notes = "Two database replicas; the cache is only a copy." }
        return (s, ids)
    }
}
