import DesignModel
import Foundation

/// A small design with an API and a data model that every low-level check passes: clients
/// reach a service through a load balancer and a gateway; the service serves a paginated,
/// authenticated, rate-limited list and an idempotent create, and keeps two tables in a
/// database with primary keys, audit columns and an indexed reference.
func lowLevelSample() -> Design {
    var d = Design(title: "Links", now: Date(timeIntervalSince1970: 1_790_000_000))
    let r1 = d.addRequirement(.functional, "Create links")
    let r2 = d.addRequirement(.functional, "List links")
    let client = d.addComponent(name: "Client", kind: .client)
    let lb = d.addComponent(name: "LB", kind: .loadBalancer)
    let gw = d.addComponent(name: "Gateway", kind: .apiGateway)
    let svc = d.addComponent(name: "Links service", kind: .service)
    let db = d.addComponent(name: "Links DB", kind: .database, technology: "PostgreSQL 16")
    _ = try! d.addFlow(from: client, to: lb)
    _ = try! d.addFlow(from: lb, to: gw)
    _ = try! d.addFlow(from: gw, to: svc)
    _ = try! d.addFlow(from: svc, to: db, protocol: .sql)

    d.endpoints.append(Endpoint(
        id: "api-1", method: .get, path: "/links", component: svc, summary: "List links",
        request: [.init(name: "status", location: .query)],
        response: [.init(name: "links", type: "[links]"), .init(name: "next_cursor")],
        successStatus: 200, errors: [.init(code: "401", meaning: "No key")], auth: .apiKey,
        pagination: .cursor, pageSizeLimit: 100, filters: ["status"], sortKeys: ["created_at"],
        rateLimit: "600/min per key", requirements: [r2]))
    d.endpoints.append(Endpoint(
        id: "api-2", method: .post, path: "/links", component: svc, summary: "Create a link",
        request: [.init(name: "url", type: "url", required: true)], response: [.init(name: "id", type: "uuid")],
        successStatus: 201, errors: [.init(code: "409", meaning: "Taken")], auth: .jwt,
        rateLimit: "100/min per key", idempotency: .key, requirements: [r1]))

    let audit = [Entity.Field(name: "created_at", type: "timestamptz"), Entity.Field(name: "created_by", type: "uuid"),
                 Entity.Field(name: "updated_at", type: "timestamptz"), Entity.Field(name: "updated_by", type: "uuid")]
    d.entities.append(Entity(
        id: "ent-1", name: "users", store: db, kind: .table,
        fields: [.init(name: "id", type: "uuid", primaryKey: true), .init(name: "email", unique: true)] + audit,
        accessPatterns: [.init(query: "User by id", index: "primary key")], requirements: [r1]))
    d.entities.append(Entity(
        id: "ent-2", name: "links", store: db, kind: .table,
        fields: [.init(name: "id", type: "uuid", primaryKey: true), .init(name: "url", type: "text"),
                 .init(name: "owner_id", type: "uuid", references: .init(entity: "ent-1", field: "id"))] + audit,
        indexes: [.init(name: "links_by_owner", fields: ["owner_id", "created_at"], query: "A user's links, newest first")],
        relationships: [],
        accessPatterns: [.init(query: "A user's links", index: "links_by_owner")], requirements: [r1, r2]))
    d.entities[0].relationships = [.init(cardinality: .oneToMany, target: "ent-2", label: "owns")]
    return d
}
