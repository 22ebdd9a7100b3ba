import DesignModel
import Foundation
import TestSupport
import Testing
@testable import DesignExport

/// The OpenAPI export, checked by the real validator (`openapi-spec-validator`).
@Suite struct OpenAPIExportTests {
    func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func theWorkedExampleIsAValidDocument() throws {
        let design = try #require(try Fixtures.workedExample())
        let doc = OpenAPIExport.render(design)
        let problems = try VenvTools.openAPIProblems(doc)
        #expect(problems == nil, "\(problems ?? "")")
        let root = try object(doc)
        #expect(root["openapi"] as? String == "3.1.0")
        let paths = try #require(root["paths"] as? [String: [String: Any]])
        let http = design.endpoints.filter(\.method.isHTTP)
        #expect(paths.values.map(\.count).reduce(0, +) == http.count)
        #expect((root["x-other-interfaces"] as? [Any])?.count == design.endpoints.count - http.count)
    }

    @Test(arguments: [(UInt64(11), true), (12, true), (13, true), (14, true), (15, false), (16, false)])
    func generatedDesignsAreValidDocuments(seed: UInt64, hostile: Bool) throws {
        let design = LowLevelDesigns.make(seed: seed, endpoints: 40, entities: 12, hostile: hostile)
        let doc = OpenAPIExport.render(design)
        let problems = try VenvTools.openAPIProblems(doc)
        #expect(problems == nil, "\(problems ?? "")")
        // Every HTTP endpoint is an operation, unless it repeats a route (then it is listed).
        let root = try object(doc)
        let paths = root["paths"] as? [String: [String: Any]] ?? [:]
        var operationIDs: [String] = []
        for item in paths.values {
            for op in item.values { operationIDs.append(((op as? [String: Any])?["operationId"] as? String) ?? "") }
        }
        let leftOut = (root["x-left-out"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        let http = design.endpoints.filter(\.method.isHTTP).map { TextSafety.oneLine($0.id.rawValue) }
        #expect(Set(operationIDs).count == operationIDs.count)
        #expect((operationIDs + leftOut).sorted() == http.sorted())
        #expect((root["x-other-interfaces"] as? [Any] ?? []).count == design.endpoints.count - http.count)
    }

    @Test func everyAuthKindIsAValidSecurityScheme() throws {
        var d = lowLevelDesign()
        d.endpoints = Endpoint.Auth.allCases.enumerated().map { i, auth in
            Endpoint(id: ItemID("api-\(i + 1)"), method: .get, path: "/r\(i)", auth: auth)
        }
        let doc = OpenAPIExport.render(d)
        #expect(try VenvTools.openAPIProblems(doc) == nil)
        let schemes = try #require((try object(doc)["components"] as? [String: Any])?["securitySchemes"] as? [String: [String: Any]])
        #expect(Set(schemes.values.compactMap { $0["type"] as? String }) == ["apiKey", "http", "oauth2", "mutualTLS"])
        #expect(schemes.count == Endpoint.Auth.allCases.filter(\.authenticates).count)
        let ops = try #require(try object(doc)["paths"] as? [String: [String: [String: Any]]])
        #expect((ops["/r0"]?["get"]?["security"] as? [Any])?.isEmpty == true)   // none: explicitly open
        #expect((ops["/r1"]?["get"]?["security"] as? [Any])?.isEmpty == true)   // public, likewise
    }

    @Test func contractsBecomeParametersBodiesAndResponses() throws {
        let d = lowLevelDesign()
        let doc = OpenAPIExport.render(d)
        #expect(try VenvTools.openAPIProblems(doc) == nil)
        let root = try object(doc)
        let paths = try #require(root["paths"] as? [String: [String: [String: Any]]])

        let list = try #require(paths["/links"]?["get"])
        let params = try #require(list["parameters"] as? [[String: Any]])
        func param(_ name: String) -> [String: Any]? { params.first { $0["name"] as? String == name } }
        #expect(params.compactMap { $0["name"] as? String } == ["status", "owner", "sort", "cursor", "limit"])
        #expect((param("status")?["schema"] as? [String: Any])?["enum"] as? [String] == ["active", "gone"])
        #expect(((param("limit")?["schema"] as? [String: Any])?["maximum"] as? Int) == 100)
        #expect((param("sort")?["schema"] as? [String: Any])?["enum"] as? [String] == ["created_at", "-created_at"])
        #expect(list["x-rate-limit"] as? String == "600/min per key")
        let ok = try #require((list["responses"] as? [String: Any])?["200"] as? [String: Any])
        let schema = try #require((((ok["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"]) as? [String: Any])
        let items = try #require(((schema["properties"] as? [String: Any])?["links"] as? [String: Any])?["items"] as? [String: Any])
        #expect(items["$ref"] as? String == "#/components/schemas/links")
        let linkSchema = try #require(((root["components"] as? [String: Any])?["schemas"] as? [String: Any])?["links"] as? [String: Any])
        #expect((linkSchema["properties"] as? [String: Any])?.keys.sorted() == ["id", "owner_id", "url"])

        let create = try #require(paths["/links"]?["post"])
        #expect(create["x-idempotency"] as? String == "idempotency-key")
        #expect((create["parameters"] as? [[String: Any]])?.first?["name"] as? String == "Idempotency-Key")
        let body = try #require((((create["requestBody"] as? [String: Any])?["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"] as? [String: Any])
        #expect(body["required"] as? [String] == ["url"])
        let responses = try #require(create["responses"] as? [String: Any])
        #expect(Set(responses.keys) == ["201", "409", "4XX", "x-error-codes"])
        #expect((responses["409"] as? [String: Any])?["description"] as? String == "Taken; Also taken")

        // `:code` is a template parameter; the field of that name gives its type.
        let one = try #require(paths["/links/{code}"]?["delete"])
        let p = try #require((one["parameters"] as? [[String: Any]])?.first)
        #expect(p["in"] as? String == "path" && p["required"] as? Bool == true)
        #expect((p["schema"] as? [String: Any])?["maxLength"] as? Int == 7)
        #expect(one["x-idempotency"] as? String == "natural")
        #expect(one["security"] as? [[String: [String]]] == [["bearerJWT": []]])
    }

    @Test func descriptionsAreEscapedMarkdownAndNamesAreVisible() throws {
        var d = lowLevelDesign()
        d.endpoints[0].notes = "<script>alert(1)</script>\n# heading"
        d.endpoints[0].request[0].name = "st\u{1B}[31matus"
        let root = try object(OpenAPIExport.render(d))
        let op = try #require((root["paths"] as? [String: [String: [String: Any]]])?["/links"]?["get"])
        let description = try #require(op["description"] as? String)
        let html = try cmarkGFM(description, unsafe: true)
        #expect(!html.contains("<script") && !html.contains("<h1"))
        #expect((op["parameters"] as? [[String: Any]])?.first?["name"] as? String == "st^[[31matus")
    }

    /// A design with two services' worth of contracts.
    func lowLevelDesign() -> Design {
        var d = Design(title: "Links API", problem: "Short links.", now: Fixtures.epoch)
        let svc = d.addComponent(name: "Links service", kind: .service)
        d.entities.append(Entity(id: "ent-1", name: "links", fields: [
            .init(name: "id", type: "uuid", primaryKey: true), .init(name: "url", type: "url"),
            .init(name: "owner_id", type: "uuid", nullable: true),
        ]))
        d.endpoints.append(Endpoint(
            id: "api-1", method: .get, path: "/links", component: svc, summary: "List links",
            request: [.init(name: "status", type: "enum(active,gone)", location: .query)],
            response: [.init(name: "links", type: "[links]"), .init(name: "next_cursor")],
            successStatus: 200, auth: .apiKey, pagination: .cursor, pageSizeLimit: 100,
            filters: ["status", "owner"], sortKeys: ["created_at"], rateLimit: "600/min per key"))
        d.endpoints.append(Endpoint(
            id: "api-2", method: .post, path: "links", component: svc, summary: "Create a link",
            request: [.init(name: "url", type: "url", required: true), .init(name: "alias")],
            response: [.init(name: "id", type: "uuid"), .init(name: "Location", type: "url", location: .header)],
            successStatus: 201,
            errors: [.init(code: "409", meaning: "Taken"), .init(code: "409", meaning: "Also taken"),
                     .init(code: "4xx", meaning: "Other"), .init(code: "ALIAS_TAKEN", meaning: "Symbolic")],
            auth: .oauth2, idempotency: .key))
        d.endpoints.append(Endpoint(
            id: "api-3", method: .delete, path: "/links/:code", component: svc,
            request: [.init(name: "code", type: "varchar(7)", location: .path, required: true)],
            successStatus: 204, auth: .jwt, idempotency: .natural))
        d.endpoints.append(Endpoint(id: "api-4", method: .event, path: "clicks", component: svc))
        return d
    }
}

@Suite struct LowLevelFormatNameTests {
    @Test func formatsFromFileNames() throws {
        #expect(try Exporter.resolveFormat(explicit: nil, outputPath: "out/api.openapi.json") == .openapi)
        #expect(try Exporter.resolveFormat(explicit: nil, outputPath: "API.OpenAPI.JSON") == .openapi)
        #expect(try Exporter.resolveFormat(explicit: nil, outputPath: "db/schema.SQL") == .sql)
        #expect(try Exporter.resolveFormat(explicit: nil, outputPath: "openapi.json") == .json)
        #expect(try Exporter.resolveFormat(explicit: nil, outputPath: ".openapi.json") == .json)
        #expect(try Exporter.resolveFormat(explicit: .sql, outputPath: "a.md") == .sql)
        #expect(ExportFormat.openapi.fileExtension == "openapi.json" && ExportFormat.sql.fileExtension == "sql")
    }
}
