import DesignModel
import Foundation

/// Generated designs with API endpoints and entities, for the export tests and benchmarks:
/// an edge (client, load balancer, gateway) in front of services, and stores of every sort
/// (a PostgreSQL database, a DynamoDB one, a cache, a queue). With `hostile`, every name and
/// text is drawn from `hostileNames`, so exports meet quotes, SQL keywords, Unicode, `|`,
/// control characters and Mermaid syntax everywhere.
public enum LowLevelDesigns {
    public static let hostileNames: [String] = [
        "select", "Order", "user", "group by", "\"quoted\" name", "it's", "a|b", "naïve ünïcode", "缩短网址",
        "emoji 🚀", "; DROP TABLE x; --", "*/ /* comment", "back\\slash", "{curly}", "%%{init: {}}%%",
        "direction LR", "PK", "end", String(repeating: "long", count: 20), "line\nbreak", "tab\there",
        "ESC\u{1B}[31m", "RLO \u{202E}x", "<b>html</b>", "`tick`", "", " ", "$1", "123abc", "CamelCase",
        "snake_case", "a\"\"b", "'; --", "#quot; &amp;", "table", "primary key", "x:y", "/slash/", "?query=1",
        "click n_1 call alert(1)", "[link](javascript:x)", "pk", "UK", "null", "\\", "\u{2028}sep",
    ]

    public static let plainNames = ["user", "order", "payment", "search", "feed", "media", "profile", "cart",
                                    "inventory", "shipping", "invoice", "session", "tag", "comment", "review"]

    static let fieldTypes = ["string", "text", "int", "bigint", "uuid", "datetime", "date", "bool", "json",
                             "varchar(40)", "numeric(10,2)", "enum(active,disabled)", "[string]", "map<string,int>",
                             "float", "bytes", "serial", "url", "email", "time", "Money", ""]
    static let errorCodes = ["400", "401", "403", "404", "409", "422", "429", "500", "4XX", "5xx", "ALREADY_EXISTS", "99x"]

    public static func make(seed: UInt64, endpoints: Int, entities: Int, hostile: Bool,
                            now: Date = Date(timeIntervalSince1970: 1_780_000_000)) -> Design {
        var rng = SeededGenerator(seed: seed)
        func pick<T>(_ xs: [T]) -> T { xs[rng.int(xs.count)] }
        func chance(_ percent: Int) -> Bool { rng.int(100) < percent }
        func name(_ n: Int) -> String {
            hostile ? pick(hostileNames) + (chance(50) ? " \(n)" : "") : "\(pick(plainNames))_\(n)"
        }
        func text(_ n: Int) -> String { hostile ? pick(hostileNames) : "Text \(n)" }

        var d = Design(title: hostile ? pick(hostileNames) : "Generated API", problem: text(0), now: now)
        let client = d.addComponent(name: "Clients", kind: .client)
        let lb = d.addComponent(name: "Load balancer", kind: .loadBalancer)
        let gw = d.addComponent(name: hostile ? pick(hostileNames) : "Gateway", kind: .apiGateway)
        var services: [ItemID<Component>] = []
        for i in 0..<4 { services.append(d.addComponent(name: hostile ? pick(hostileNames) : "service \(i)", kind: .service)) }
        let postgres = d.addComponent(name: hostile ? pick(hostileNames) : "Main DB", kind: .database, technology: "PostgreSQL 16")
        let second = d.addComponent(name: "Reporting DB", kind: .database, technology: "")
        let dynamo = d.addComponent(name: "Items", kind: .database, technology: "Amazon DynamoDB")
        let cache = d.addComponent(name: "Cache", kind: .cache, technology: "Redis")
        let queue = d.addComponent(name: "Events", kind: .queue, technology: "Kafka")
        _ = try? d.addFlow(from: client, to: lb)
        _ = try? d.addFlow(from: lb, to: gw)
        for s in services.prefix(3) { _ = try? d.addFlow(from: gw, to: s) }
        for s in services {
            for store in [postgres, second, dynamo, cache, queue] where chance(60) { _ = try? d.addFlow(from: s, to: store) }
        }
        for i in 0..<5 { d.addRequirement(.functional, "Requirement \(i)") }

        for i in 0..<endpoints {
            var e = Endpoint(id: ItemID("api-\(i + 1)"))
            e.method = pick(Endpoint.Method.allCases)
            let segments = (0..<(1 + rng.int(3))).map { k -> String in
                let n = name(i * 10 + k)
                return chance(30) ? "{\(n)}" : (chance(10) ? ":\(n)" : n)
            }
            e.path = (chance(80) ? "/" : "") + segments.joined(separator: "/")
            e.component = chance(95) ? pick(services) : nil
            e.summary = text(i)
            func fields(_ count: Int) -> [Endpoint.Field] {
                (0..<count).map { k in
                    Endpoint.Field(name: name(k), type: pick(fieldTypes + [name(k)]),
                                   location: pick(Endpoint.Field.Location.allCases), required: chance(50), notes: text(k))
                }
            }
            e.request = fields(rng.int(5))
            e.response = fields(rng.int(5))
            e.successStatus = pick([0, 200, 201, 202, 204, 302, 999])
            e.errors = (0..<rng.int(4)).map { k in
                Endpoint.ErrorResponse(code: hostile && chance(20) ? pick(hostileNames) : pick(errorCodes), meaning: text(k))
            }
            e.auth = pick(Endpoint.Auth.allCases)
            e.pagination = pick(Endpoint.Pagination.allCases)
            e.pageSizeLimit = pick([0, 20, 100, 1000])
            e.filters = (0..<rng.int(3)).map { name($0) }
            e.sortKeys = (0..<rng.int(3)).map { name($0) }
            e.rateLimit = chance(50) ? "100/min per key" : (hostile ? pick(hostileNames) : "")
            e.idempotency = pick(Endpoint.Idempotency.allCases)
            e.requirements = chance(50) ? [d.requirements[rng.int(d.requirements.count)].id] : []
            e.notes = text(i + 1)
            d.endpoints.append(e)
        }

        let stores = [postgres, postgres, postgres, second, dynamo, cache, queue]
        for i in 0..<entities {
            var e = Entity(id: ItemID("ent-\(i + 1)"), name: name(i))
            e.store = chance(95) ? pick(stores) : nil
            e.kind = chance(70) ? .table : pick(Entity.Kind.allCases)
            let count = rng.int(8)
            for k in 0..<count {
                var f = Entity.Field(name: k == 0 && chance(70) ? "id" : name(k), type: pick(fieldTypes))
                f.primaryKey = k == 0 ? chance(80) : chance(5)
                f.nullable = !f.primaryKey && chance(30)
                f.unique = chance(15)
                f.indexed = chance(25)
                f.notes = chance(40) ? text(k) : ""
                if i > 0 && k > 0 && chance(30) {
                    let target = d.entities[rng.int(d.entities.count)]
                    if let tf = target.fields.randomElement(using: &rng) {
                        f.references = Entity.FieldReference(entity: target.id, field: tf.name)
                    } else if chance(30) {
                        f.references = Entity.FieldReference(entity: target.id, field: "missing")
                    }
                }
                e.fields.append(f)
            }
            if chance(20) && count > 0 {
                e.fields.append(Entity.Field(name: e.fields[0].name, type: "text"))   // a repeated name
            }
            for k in 0..<rng.int(3) where !e.fields.isEmpty {
                let cols = (0..<(1 + rng.int(3))).map { _ in pick(e.fields).name } + (chance(10) ? ["missing field"] : [])
                e.indexes.append(Entity.Index(name: chance(50) ? name(k + 100) : "", fields: cols, unique: chance(20),
                                              query: text(k)))
            }
            if i > 0 {
                for _ in 0..<rng.int(3) {
                    e.relationships.append(Entity.Relationship(cardinality: pick(Entity.Relationship.Cardinality.allCases),
                                                               target: d.entities[rng.int(d.entities.count)].id, label: text(i)))
                }
            }
            e.partitionKey = e.fields.first?.name ?? ""
            e.retention = chance(50) ? "13 months" : text(i)
            e.accessPatterns = (0..<rng.int(3)).map { k in
                Entity.AccessPattern(query: text(k), index: e.indexes.first?.name ?? "primary key")
            }
            e.notes = text(i + 2)
            d.entities.append(e)
        }
        return d
    }
}
