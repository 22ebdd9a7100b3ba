import DesignModel
import Foundation
import Testing

/// Each check fires on a design with its problem, names the items, and is quiet without it
/// (the sample passes them all: `LowLevelModelTests.theSampleIsClean`).
@Suite struct LowLevelChecksTests {
    func names(_ d: Design) -> [String] { LowLevelChecks.run(d).map(\.check) }

    @Test func everyCheckIsListedOnceWithItsFunction() {
        let names = LowLevelChecks.all.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(names.count == 11)
    }

    @Test func aListWithoutPagination() {
        var d = lowLevelSample()
        d.endpoints[0].pagination = .none
        let found = LowLevelChecks.listsWithoutPagination(d)
        #expect(found.map(\.items) == [["api-1"]])
        #expect(found.map(\.path) == ["endpoints[0].pagination"])
        #expect(names(d) == ["endpoint.list-without-pagination"])
        // Not a list: a single resource, a POST returning a list, a gRPC Get.
        d.endpoints[0].response = [.init(name: "link", type: "links")]
        #expect(LowLevelChecks.listsWithoutPagination(d).isEmpty)
        for type in ["[Link]", "Link[]", "list<Link>", "array", "repeated Link", " Array<int> "] {
            d.endpoints[0].response = [.init(name: "items", type: type)]
            #expect(LowLevelChecks.listsWithoutPagination(d).count == 1, "\(type)")
        }
        d.endpoints[0].method = .grpc
        d.endpoints[0].response = []
        d.endpoints[0].path = "links.v1.LinkService/ListLinks"
        #expect(LowLevelChecks.listsWithoutPagination(d).count == 1)
        d.endpoints[0].path = "links.v1.LinkService/GetLink"
        #expect(LowLevelChecks.listsWithoutPagination(d).isEmpty)
    }

    @Test func paginationWithoutAPageSizeLimit() {
        var d = lowLevelSample()
        d.endpoints[0].pageSizeLimit = 0
        #expect(LowLevelChecks.paginationWithoutLimit(d).map(\.items) == [["api-1"]])
        #expect(names(d) == ["endpoint.pagination-without-limit"])
    }

    @Test func publicEndpointsNeedAuthAndARateLimit() {
        var d = lowLevelSample()
        d.endpoints[1].auth = .none
        d.endpoints[0].rateLimit = "  "
        #expect(LowLevelChecks.publicWithoutAuthentication(d).map(\.items) == [["api-2", "comp-4"]])
        #expect(LowLevelChecks.publicWithoutRateLimit(d).map(\.items) == [["api-1", "comp-4"]])
        #expect(names(d) == ["endpoint.public-without-auth", "endpoint.public-without-rate-limit"])
        // Open on purpose is an answer.
        d.endpoints[1].auth = .publicByDesign
        #expect(LowLevelChecks.publicWithoutAuthentication(d).isEmpty)
        d.endpoints[1].auth = .none

        // Behind another service, the same endpoints are internal: no warning.
        let internalService = d.addComponent(name: "Internal", kind: .service)
        _ = try! d.addFlow(from: "comp-4", to: internalService)
        d.endpoints[0].component = internalService
        d.endpoints[1].component = internalService
        #expect(LowLevelChecks.publicWithoutAuthentication(d).isEmpty)
        #expect(LowLevelChecks.publicWithoutRateLimit(d).isEmpty)

        // Through a CDN and two-way flows the edge still leads to it.
        var e = lowLevelSample()
        e.flows.removeAll()
        let cdn = e.addComponent(name: "CDN", kind: .cdn)
        _ = try! e.addFlow(from: cdn, to: "comp-1", direction: .twoWay)   // the client is on the far end
        _ = try! e.addFlow(from: cdn, to: "comp-4")
        e.endpoints[1].auth = .none
        #expect(LowLevelChecks.publicWithoutAuthentication(e).map(\.items) == [["api-2", "comp-4"]])
        // Events are not called, so they are not public endpoints.
        e.endpoints[1].method = .event
        #expect(LowLevelChecks.publicWithoutAuthentication(e).isEmpty)
    }

    @Test func mutatingEndpointsNeedIdempotency() {
        var d = lowLevelSample()
        d.endpoints[1].idempotency = .none
        let found = LowLevelChecks.mutatingWithoutIdempotency(d)
        #expect(found.map(\.items) == [["api-2"]])
        #expect(!found[0].message.contains("natural"))
        d.endpoints[1].method = .delete
        #expect(LowLevelChecks.mutatingWithoutIdempotency(d)[0].message.contains("natural"))
        d.endpoints[1].idempotency = .natural
        #expect(LowLevelChecks.mutatingWithoutIdempotency(d).isEmpty)
        d.endpoints[1].method = .grpc
        d.endpoints[1].idempotency = .none
        #expect(LowLevelChecks.mutatingWithoutIdempotency(d).isEmpty)
    }

    @Test func anEndpointOnAComponentNothingCalls() {
        var d = lowLevelSample()
        let lonely = d.addComponent(name: "Batch", kind: .worker)
        _ = try! d.addFlow(from: lonely, to: "comp-5")   // it calls the database; nothing calls it
        d.endpoints[1].component = lonely
        #expect(LowLevelChecks.servedByUncalledComponent(d).map(\.items) == [["api-2", lonely.rawValue]])
        d.endpoints[0].component = nil
        #expect(LowLevelChecks.servedByUncalledComponent(d).map(\.items) == [["api-1"], ["api-2", lonely.rawValue]])
        // A two-way flow counts as being called.
        d.flows[d.flows.count - 1].direction = .twoWay
        #expect(LowLevelChecks.servedByUncalledComponent(d).map(\.items) == [["api-1"]])
        // A missing component is the integrity check's business, not this one's.
        d.endpoints[0].component = "comp-404"
        #expect(LowLevelChecks.servedByUncalledComponent(d).isEmpty)
    }

    @Test func twoEndpointsOnOneRouteAreAnError() {
        var d = lowLevelSample()
        d.endpoints.append(Endpoint(id: "api-3", method: .get, path: "/links/", component: "comp-4", auth: .jwt,
                                    rateLimit: "1/s"))
        let found = LowLevelChecks.duplicateRoutes(d)
        #expect(found.map(\.items) == [["api-3", "api-1"]])
        #expect(found.allSatisfy { $0.severity == .error })
        #expect(LowLevelChecks.run(d).first?.severity == .error)
        // Parameters match whatever their names: /links/{id} is /links/:code.
        d.endpoints[2].path = "/links/{id}"
        d.endpoints.append(Endpoint(id: "api-4", method: .get, path: "links/:code", component: "comp-4"))
        #expect(LowLevelChecks.duplicateRoutes(d).map(\.items) == [["api-4", "api-3"]])
        // Another method, a gRPC name, or events on one topic are fine.
        d.endpoints[3].method = .delete
        d.endpoints.append(Endpoint(id: "api-5", method: .event, path: "clicks"))
        d.endpoints.append(Endpoint(id: "api-6", method: .event, path: "clicks"))
        #expect(LowLevelChecks.duplicateRoutes(d).isEmpty)
        d.endpoints.append(Endpoint(id: "api-7", method: .grpc, path: "Svc/Get"))
        d.endpoints.append(Endpoint(id: "api-8", method: .grpc, path: "Svc/Get"))
        #expect(LowLevelChecks.duplicateRoutes(d).map(\.items) == [["api-8", "api-7"]])
    }

    @Test func anEntityWithoutAPrimaryKey() {
        var d = lowLevelSample()
        d.entities[0].fields[0].primaryKey = false
        #expect(LowLevelChecks.entitiesWithoutPrimaryKey(d).map(\.items) == [["ent-1"]])
        d.entities[0].kind = .topic   // a topic has no primary key
        #expect(LowLevelChecks.entitiesWithoutPrimaryKey(d).isEmpty)
    }

    @Test func anEntityWithoutMetadataColumns() {
        var d = lowLevelSample()
        d.entities[1].fields.removeAll { ["created_by", "updated_at"].contains($0.name) }
        let found = LowLevelChecks.entitiesWithoutMetadataColumns(d)
        #expect(found.map(\.items) == [["ent-2"]])
        #expect(found[0].message.hasSuffix("has no created by, modified at columns"))
        // Spellings people use are recognised.
        let spellings = [["createdAt", "createdBy", "lastModified", "modifiedBy"],
                         ["creation_time", "creator", "mtime", "last_updated_by"],
                         ["inserted_on", "author", "updated", "editor"],
                         ["date_created", "created_by_id", "date_updated", "updated_by_user"]]
        for names in spellings {
            d.entities[1].fields = names.map { Entity.Field(name: $0) } + [.init(name: "id", primaryKey: true)]
            #expect(LowLevelChecks.entitiesWithoutMetadataColumns(d).isEmpty, "\(names)")
        }
        d.entities[1].fields = [.init(name: "owner"), .init(name: "create"), .init(name: "updates")]
        #expect(LowLevelChecks.missingMetadataColumns(d.entities[1]) == LowLevelChecks.MetadataColumn.allCases)
    }

    @Test func aReferenceWithoutAnIndex() {
        var d = lowLevelSample()
        d.entities[1].indexes = []
        #expect(LowLevelChecks.referencesWithoutIndex(d).map(\.items) == [["ent-2"]])
        #expect(LowLevelChecks.referencesWithoutIndex(d).map(\.path) == ["entities[1].fields[2]"])
        d.entities[1].fields[2].indexed = true
        #expect(LowLevelChecks.referencesWithoutIndex(d).isEmpty)
        d.entities[1].fields[2].indexed = false
        d.entities[1].indexes = [.init(fields: ["created_at", "owner_id"])]   // not leading: no help
        #expect(LowLevelChecks.referencesWithoutIndex(d).count == 1)
        d.entities[1].fields[2].unique = true
        #expect(LowLevelChecks.referencesWithoutIndex(d).isEmpty)
        d.entities[1].fields[2].unique = false
        d.entities[1].fields[2].primaryKey = true   // second in the key: the key's index does not lead with it
        #expect(LowLevelChecks.referencesWithoutIndex(d).count == 1)
        d.entities[1].fields[0].primaryKey = false  // now it leads the key
        #expect(LowLevelChecks.referencesWithoutIndex(d).isEmpty)
    }

    @Test func anEntityOutsideAStore() {
        var d = lowLevelSample()
        d.entities[0].store = "comp-4"   // a service
        d.entities[1].store = nil
        let found = LowLevelChecks.entitiesOutsideStores(d)
        #expect(found.map(\.items) == [["ent-1", "comp-4"], ["ent-2"]])
        #expect(found[0].message.contains("a service is not a store"))
        let queue = d.addComponent(name: "Events", kind: .queue)
        d.entities[0].store = queue
        d.entities[1].store = "comp-5"
        #expect(LowLevelChecks.entitiesOutsideStores(d)[0].message.contains("holds topics only"))
        d.entities[0].kind = .topic
        #expect(LowLevelChecks.entitiesOutsideStores(d).isEmpty)
        for kind in [Component.Kind.cache, .objectStorage, .searchIndex] {
            d.components[4].kind = kind
            #expect(LowLevelChecks.entitiesOutsideStores(d).isEmpty, "\(kind)")
        }
    }

    /// The worked example passes every check (its redirect is public by design, and says so).
    @Test func theWorkedExamplePassesEveryCheck() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Assets/examples/url-shortener.json").standardized
        let d = try DesignCodec.decode(try Data(contentsOf: url))
        #expect(!d.endpoints.isEmpty && d.entities.contains { $0.name == "links" })
        #expect(d.findings().isEmpty)
        #expect(LowLevelChecks.run(d).isEmpty, "\(LowLevelChecks.run(d))")
        let redirect = try #require(d.endpoints.first { $0.path == "/{code}" })
        #expect(redirect.auth == .publicByDesign && redirect.notes.contains("Public by design"))
    }
}
