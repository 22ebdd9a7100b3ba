import DesignModel
import Foundation

/// Seeded random designs and random edits of them, for property tests of diff, merge and the
/// Mermaid round trip. Text mixes ordinary words with ones that break naive exporters and
/// parsers (quotes, `|`, brackets, Mermaid keywords, HTML, CJK, emoji), always one line and
/// trimmed.
public struct DesignGenerator {
    public var rng: SeededGenerator

    public init(seed: UInt64) { rng = SeededGenerator(seed: seed) }

    public static let words = [
        "user", "order", "payment", "search", "feed", "API", "gateway", "Redis", "cache", "queue", "worker",
        "\"quoted\"", "a|b", "<b>", "&amp;", "#1", "50%", "`code`", "{x}", "[y]", "(z)", "direction", "end",
        "subgraph", "-->", "a;b", "漢字", "✓", "🙂", "élan", "--", "::", "@{", "click", "%%", "x & y", "'s",
        "style", "graph", "\\", "#quot;", "-.->",
    ]

    public mutating func pick<T>(_ items: [T]) -> T { items[rng.int(items.count)] }

    public mutating func chance(_ percent: Int) -> Bool { rng.int(100) < percent }

    /// One to `max` words joined by single spaces.
    public mutating func text(max: Int = 4) -> String {
        (0..<(1 + rng.int(max))).map { _ in pick(Self.words) }.joined(separator: " ")
    }

    public mutating func design(components: Int = 12, flows: Int = 18, requirements: Int = 6, tradeOffs: Int = 3) -> Design {
        var d = Design(title: "Generated " + text(max: 2), problem: text(max: 6), now: Date(timeIntervalSince1970: 1_780_000_000))
        for i in 0..<components {
            d.components.append(Component(id: ItemID("comp-\(i + 1)"), name: text(), kind: pick(Component.Kind.allCases),
                                          responsibility: chance(50) ? text(max: 6) : "", technology: chance(50) ? text(max: 2) : "",
                                          notes: chance(20) ? text(max: 5) + "\n" + text(max: 5) : ""))
        }
        for i in 0..<(components > 0 ? flows : 0) {
            d.flows.append(randomFlow(id: "flow-\(i + 1)", among: d.components.map(\.id)))
        }
        for i in 0..<requirements {
            let kind = pick(Requirement.Kind.allCases)
            d.requirements.append(Requirement(id: ItemID("req-\(i + 1)"), kind: kind, text: text(max: 6),
                                              priority: pick(Requirement.Priority.allCases),
                                              category: kind == .functional ? nil : pick(Requirement.Category.allCases)))
        }
        for _ in 0..<tradeOffs {
            let n = 2 + rng.int(2)
            d.addTradeOff(title: text(), stage: pick(StageKey.allCases), context: text(max: 6),
                          options: (0..<n).map { _ in (name: text(max: 2), pros: [text(max: 2)], cons: chance(50) ? [text(max: 2)] : []) },
                          chosenIndex: chance(70) ? rng.int(n) : nil, rationale: text(max: 5),
                          status: pick(TradeOff.Status.allCases))
        }
        // Risks and questions concern decisions (which edits never delete, so they never dangle).
        let decisions = d.tradeOffs.map(\.id.rawValue)
        for i in 0..<2 {
            d.risks.append(Risk(id: ItemID("risk-\(i + 1)"), text: text(max: 5), status: pick(FollowUpStatus.allCases),
                                impact: pick(Risk.Impact.allCases), concerns: decisions.isEmpty || chance(30) ? [] : [pick(decisions)]))
            d.questions.append(OpenQuestion(id: ItemID("q-\(i + 1)"), text: text(max: 5), status: pick(FollowUpStatus.allCases),
                                            concerns: decisions.isEmpty || chance(30) ? [] : [pick(decisions)]))
        }
        for key in StageKey.allCases {
            d.updateStage(key) { s in
                for k in 0..<6 where chance(40) { s.setDone("\(key.rawValue).item-\(k)", true) }
                if chance(40) { s.notes = text(max: 6) }
            }
            if chance(30) { d.addCustomItem(text(), to: key, done: chance(50)) }
        }
        return d
    }

    public mutating func randomFlow(id: String, among ids: [ItemID<Component>]) -> Flow {
        Flow(id: ItemID(id), from: pick(ids), to: pick(ids), label: chance(80) ? text(max: 3) : "",
             protocol: pick(Flow.Protocol_.allCases), mode: pick(Flow.Mode.allCases), direction: pick(Flow.Direction.allCases),
             notes: chance(10) ? text(max: 4) : "")
    }
}

/// Which ids an edit touched, by top-level id (and stage key, and "design" for the title).
public struct EditLog: Equatable, Sendable {
    public var added: Set<String> = []
    public var removed: Set<String> = []
    public var changed: Set<String> = []

    public init() {}

    mutating func add(_ id: String) { added.insert(id) }
    mutating func remove(_ id: String) {
        if added.remove(id) == nil { removed.insert(id) }
        changed.remove(id)
    }
    mutating func change(_ id: String) { if !added.contains(id) { changed.insert(id) } }
}

/// Random edits on one side of a merge. With a `side` (0 or 1), edits stay inside that side's
/// share of the design — items whose number has that parity, stages of that parity — and new
/// ids come from the side's own range, so edits of side 0 and side 1 never touch the same
/// thing: merging them must give both. Without a side, anything may be edited.
public struct DesignEditor {
    public var side: Int?
    public var rng: DesignGenerator

    public init(seed: UInt64, side: Int? = nil) {
        self.side = side
        rng = DesignGenerator(seed: seed)
    }

    func owns(_ id: String) -> Bool {
        guard let side else { return true }
        let n = Int(id.split(separator: "-").last ?? "") ?? 0
        return n % 2 == side
    }

    func owns(_ stage: StageKey) -> Bool { side.map { stage.number % 2 == $0 } ?? true }

    /// New ids of a side keep its parity, so they stay in its share.
    var idBase: Int { 1000 * ((side ?? 2) + 1) + (side ?? 0) }

    /// Applies `count` random edits, each to a different item; returns what changed.
    public mutating func edit(_ d: inout Design, count: Int) -> EditLog {
        var log = EditLog()
        var touched = Set<String>()
        var next = idBase
        func fresh(_ prefix: String) -> String {
            next += side == nil ? 1 : 2
            return "\(prefix)-\(next)"
        }
        for _ in 0..<count {
            let ownedComponents = d.components.map(\.id).filter { owns($0.rawValue) && !touched.contains($0.rawValue) }
            // Flows a side may touch: its own, between its own components.
            let ownedFlows = d.flows.filter {
                owns($0.id.rawValue) && owns($0.from.rawValue) && owns($0.to.rawValue) && !touched.contains($0.id.rawValue)
            }
            switch rng.rng.int(13) {
            case 0 where !ownedComponents.isEmpty:
                let id = rng.pick(ownedComponents)
                let i = d.components.firstIndex(of: id)!
                switch rng.rng.int(4) {
                case 0: d.components[i].name += " " + rng.text(max: 2)
                case 1: d.components[i].technology += " v" + String(rng.rng.int(9) + 1)
                case 2: d.components[i].responsibility += " and " + rng.text(max: 2)
                default:
                    let other = Component.Kind.allCases.filter { $0 != d.components[i].kind }
                    d.components[i].kind = rng.pick(other)
                }
                touched.insert(id.rawValue)
                log.change(id.rawValue)
            case 1:
                let id = fresh("comp")
                d.components.append(Component(id: ItemID(id), name: rng.text(), kind: rng.pick(Component.Kind.allCases)))
                touched.insert(id)
                log.add(id)
                let owned = d.components.map(\.id).filter { owns($0.rawValue) || $0.rawValue == id }
                if rng.chance(60) {
                    let fid = fresh("flow")
                    d.flows.append(Flow(id: ItemID(fid), from: ItemID(id), to: rng.pick(owned), label: rng.text(max: 2)))
                    touched.insert(fid)
                    log.add(fid)
                }
            case 2 where !ownedComponents.isEmpty:
                let id = rng.pick(ownedComponents)
                // Only components whose flows this side owns (so the other side never edits one).
                guard d.flows(touching: id).allSatisfy({ owns($0.id.rawValue) && owns($0.from.rawValue) && owns($0.to.rawValue) }),
                      d.flows(touching: id).allSatisfy({ !touched.contains($0.id.rawValue) || log.added.contains($0.id.rawValue) })
                else { continue }
                let removal = try! d.removeComponent(id)
                touched.insert(id.rawValue)
                log.remove(id.rawValue)
                for f in removal.flows { log.remove(f.flow.id.rawValue); touched.insert(f.flow.id.rawValue) }
            case 3 where !ownedFlows.isEmpty:
                let f = rng.pick(ownedFlows)
                let i = d.flows.firstIndex(of: f.id)!
                switch rng.rng.int(3) {
                case 0: d.flows[i].label += " " + rng.text(max: 2)
                case 1: d.flows[i].mode = d.flows[i].mode == .sync ? .async : .sync
                default: d.flows[i].direction = d.flows[i].direction == .oneWay ? .twoWay : .oneWay
                }
                touched.insert(f.id.rawValue)
                log.change(f.id.rawValue)
            case 4:
                let owned = d.components.map(\.id).filter { owns($0.rawValue) }
                guard !owned.isEmpty else { continue }
                let fid = fresh("flow")
                d.flows.append(rng.randomFlow(id: fid, among: owned))
                touched.insert(fid)
                log.add(fid)
            case 5 where !ownedFlows.isEmpty:
                let f = rng.pick(ownedFlows)
                d.flows.removeAll { $0.id == f.id }
                touched.insert(f.id.rawValue)
                log.remove(f.id.rawValue)
            case 6:
                let owned = d.requirements.filter { owns($0.id.rawValue) && !touched.contains($0.id.rawValue) }
                if let r = owned.first, rng.chance(50) {
                    let i = d.requirements.firstIndex(of: r.id)!
                    if rng.chance(50) { d.requirements[i].text += " " + rng.text(max: 2) } else { d.requirements.remove(at: i) }
                    touched.insert(r.id.rawValue)
                    if d.requirements.firstIndex(of: r.id) == nil { log.remove(r.id.rawValue) } else { log.change(r.id.rawValue) }
                } else {
                    let id = fresh("req")
                    d.requirements.append(Requirement(id: ItemID(id), kind: .functional, text: rng.text()))
                    touched.insert(id)
                    log.add(id)
                }
            case 7:
                let owned = d.tradeOffs.filter { owns($0.id.rawValue) && !touched.contains($0.id.rawValue) }
                guard !owned.isEmpty else { continue }
                let t = rng.pick(owned)
                let i = d.tradeOffs.firstIndex(of: t.id)!
                switch rng.rng.int(4) {
                case 0: d.tradeOffs[i].status = rng.pick(TradeOff.Status.allCases.filter { $0 != t.status })
                case 1: d.tradeOffs[i].options.append(TradeOff.Option(id: ItemID(fresh("opt")), name: rng.text(max: 2)))
                case 2 where !t.options.isEmpty: d.tradeOffs[i].options[0].pros.append("pro \(next)")
                default: d.tradeOffs[i].rationale += " " + rng.text(max: 3)
                }
                touched.insert(t.id.rawValue)
                log.change(t.id.rawValue)
            case 8, 9:
                let stages = StageKey.allCases.filter { owns($0) && !touched.contains($0.rawValue) }
                guard !stages.isEmpty else { continue }
                let key = rng.pick(stages)
                let before = d.stage(key)
                switch rng.rng.int(4) {
                case 0:
                    let k = "\(key.rawValue).item-\(rng.rng.int(6))"
                    d.updateStage(key) { $0.setDone(k, !$0.isDone(k)) }
                case 1: d.updateStage(key) { $0.notes += " " + rng.text(max: 3) }
                case 2:
                    let id = fresh("item")
                    d.updateStage(key) { $0.custom.append(CustomItem(id: ItemID(id), text: rng.text())) }
                default:
                    if before.custom.isEmpty { d.updateStage(key) { $0.notes += " more" } } else {
                        d.updateStage(key) { $0.custom[0].done.toggle() }
                    }
                }
                touched.insert(key.rawValue)
                if d.stage(key) != before { log.change(key.rawValue) }
            case 11:
                let owned = d.risks.filter { owns($0.id.rawValue) && !touched.contains($0.id.rawValue) }
                guard !owned.isEmpty else { continue }
                let r = rng.pick(owned)
                let i = d.risks.firstIndex(of: r.id)!
                if rng.chance(50) { d.risks[i].status = rng.pick(FollowUpStatus.allCases.filter { $0 != r.status }) } else {
                    d.risks[i].mitigation += " " + rng.text(max: 2)
                }
                touched.insert(r.id.rawValue)
                log.change(r.id.rawValue)
            case 10 where side == nil || side == 0:
                guard !touched.contains("design") else { continue }
                d.title += " (rev)"
                touched.insert("design")
                log.change("design")
            default:
                continue
            }
        }
        return log
    }
}
