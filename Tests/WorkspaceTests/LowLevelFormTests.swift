import DesignModel
import Foundation
import Testing
@testable import Workspace

/// A design with an edge, a service, stores of each sort and two requirements, for the API and
/// entity forms.
func lowLevelState() -> AppState {
    var d = Design(title: "Links", now: Date(timeIntervalSince1970: 1_700_000_000))
    d.addRequirement(.functional, "Create a short link")
    d.addRequirement(.functional, "Redirect")
    d.addComponent(name: "Gateway", kind: .apiGateway)          // comp-1
    d.addComponent(name: "Shorten service", kind: .service)     // comp-2
    d.addComponent(name: "Link store", kind: .database)         // comp-3
    d.addComponent(name: "Link cache", kind: .cache)            // comp-4
    d.addComponent(name: "Click events", kind: .queue)          // comp-5
    d.addComponent(name: "Media", kind: .objectStorage)         // comp-6
    return AppState(design: d, filePath: "/tmp/links.json", catalogue: testCatalogue)
}

/// Goes to a list through the palette (`:apis`), as a user would whatever its number.
func goTo(_ s: inout AppState, _ list: String) {
    send(&s, .char(":"))
    type(&s, list)
    send(&s, .enter)
}

@Suite struct LowLevelFormTests {
    @Test func thePaletteNamesBothLists() {
        #expect(CommandTable.named("apis") != nil)
        #expect(CommandTable.named("entities") != nil)
        var s = lowLevelState()
        goTo(&s, "apis")
        #expect(s.focus == .endpoints)
        goTo(&s, "entities")
        #expect(s.focus == .entities)
    }

    @Test func addingAnEndpointThroughTheForm() throws {
        var s = lowLevelState()
        goTo(&s, "apis")
        send(&s, .char("a"))
        let form = try #require(s.topForm)
        #expect(form.title == "New endpoint")
        #expect(form["component"]?.text == "—", "no component until one is picked")
        type(&s, "po")                                   // method: type-ahead → POST
        send(&s, .tab); type(&s, "/api/v1/links")
        send(&s, .tab); type(&s, "sh")                   // served by: Shorten service
        send(&s, .tab); type(&s, "Create a short link")
        send(&s, .tab); type(&s, "201")
        send(&s, .tab); type(&s, "a")                    // auth: API key
        send(&s, .tab, .tab); type(&s, "50")             // pagination stays none; page size typed
        send(&s, .tab); type(&s, "100/min per key")
        send(&s, .tab); type(&s, "i")                    // idempotency key
        send(&s, .tab, .char(" "), .char(" "), .enter)   // requirements: tick req-1
        send(&s, .enter)
        #expect(s.overlays.isEmpty, "\(String(describing: s.topForm?.error))")
        let e = try #require(s.design.endpoints.first)
        #expect(e.id == "api-1")
        #expect(e.method == .post)
        #expect(e.path == "/api/v1/links")
        #expect(e.component == "comp-2")
        #expect(e.summary == "Create a short link")
        #expect(e.successStatus == 201)
        #expect(e.auth == .apiKey)
        #expect(e.pagination == .none)
        #expect(e.pageSizeLimit == 50)
        #expect(e.rateLimit == "100/min per key")
        #expect(e.idempotency == .key)
        #expect(e.requirements == ["req-1"])
        #expect(s.message == StatusMessage("Added api-1", .success))
        #expect(s.design.errors.isEmpty)
    }

    /// A refusal names the field and quotes what was typed, and the focus moves to that field.
    @Test("the form refuses what the design could not hold", arguments: [
        ("", "", "", "path", nil),
        ("/links", "abc", "", "status", "abc"),
        ("/links", "700", "", "status", "700"),
        ("/links", "99", "", "status", "99"),
        ("/links", "-200", "", "status", "-200"),
        ("/links", "", "0", "pageSize", "0"),
        ("/links", "", "-3", "pageSize", "-3"),
        ("/links", "", "1000001", "pageSize", "1000001"),
        ("/links", "", "99999999999", "pageSize", "99999999999"),
        ("/links", "", "2.5", "pageSize", "2.5"),
    ] as [(String, String, String, String, String?)])
    func refusals(path: String, status: String, pageSize: String, field: String, typed: String?) throws {
        var s = lowLevelState()
        goTo(&s, "apis")
        send(&s, .char("a"), .tab)
        type(&s, path)
        send(&s, .tab, .tab, .tab)
        type(&s, status)
        send(&s, .tab, .tab, .tab)
        type(&s, pageSize)
        send(&s, .tab)                     // away from the field at fault
        send(&s, .enter)
        let form = try #require(s.topForm)
        let error = try #require(form.error)
        let label = try #require(form[field]?.label)
        #expect(error.lowercased().contains(label.lowercased()), "\(error)")
        if let typed { #expect(error.contains("\"\(typed)\""), "\(error)") }
        #expect(form.fields[form.focus].key == field)
        #expect(s.design.endpoints.isEmpty)
    }

    @Test func theEdgesOfTheRangesAreTaken() throws {
        var s = lowLevelState()
        goTo(&s, "apis")
        send(&s, .char("a"), .tab)
        type(&s, "/links")
        send(&s, .tab, .tab, .tab)
        type(&s, "599")
        send(&s, .tab, .tab, .tab)
        type(&s, "1")
        send(&s, .enter)
        #expect(s.overlays.isEmpty, "\(String(describing: s.topForm?.error))")
        let e = try #require(s.design.endpoints.first)
        #expect(e.successStatus == 599 && e.pageSizeLimit == 1)
        #expect(s.design.errors.isEmpty)
    }

    @Test func oneEndpointPerMethodAndPath() throws {
        var s = lowLevelState()
        s.design.addEndpoint(.get, "/links/{code}")
        goTo(&s, "apis")
        send(&s, .char("a"), .tab)
        type(&s, "/links/{id}/")           // the same route: parameters and a trailing / do not count
        send(&s, .enter)
        #expect(s.topForm?.error?.contains("api-1 is already GET /links/{code}") == true)
        send(&s, .backTab, .right)         // POST on the same path is another route
        send(&s, .enter)
        #expect(s.overlays.isEmpty)
        #expect(s.design.endpoints.map(\.method) == [.get, .post])
    }

    @Test func editingAnEndpointKeepsItsRows() throws {
        var s = lowLevelState()
        let id = s.design.addEndpoint(.get, "/links")
        try s.design.editEndpoint(id, \.response, .add(Endpoint.Field(name: "links", type: "[Link]")))
        try s.design.editEndpoint(id, \.errors, .add(Endpoint.ErrorResponse(code: "429")))
        goTo(&s, "apis")
        send(&s, .char("e"))
        send(&s, .tab, .tab, .tab, .tab, .tab, .tab)    // pagination
        type(&s, "c")                                    // cursor
        send(&s, .enter)
        let e = try #require(s.design.endpoints.first)
        #expect(e.pagination == .cursor)
        #expect(e.response.map(\.name) == ["links"])
        #expect(e.errors.map(\.code) == ["429"])
    }

    @Test func theStorePickerOffersStoresAndQueuesOnlyForTopics() throws {
        var s = lowLevelState()
        goTo(&s, "entities")
        send(&s, .char("a"))
        type(&s, "links")
        send(&s, .tab, .tab, .char(" "))
        guard case .choice(let stores, _)? = s.topForm?["store"]?.value else { Issue.record("no store field"); return }
        #expect(stores == ["—", "Link store (comp-3)", "Link cache (comp-4)", "Media (comp-6)"])
        send(&s, .escape)
        send(&s, .backTab)
        type(&s, "to")                                   // kind: Topic
        guard case .choice(let forTopic, _)? = s.topForm?["store"]?.value else { Issue.record("no store field"); return }
        #expect(forTopic.contains("Click events (comp-5)"))
        send(&s, .tab)
        type(&s, "cl")                                   // the queue
        send(&s, .backTab)
        type(&s, "ta")                                   // back to a table: the queue leaves the list
        #expect(s.topForm?["store"]?.text == "⚠ Click events (comp-5, a message queue)",
                "a picked component that cannot hold the kind stays, marked")
        send(&s, .tab, .right)                           // the next store down the list
        send(&s, .tab); type(&s, "code")
        send(&s, .tab); type(&s, "until expiry + 30 days")
        send(&s, .enter)
        let e = try #require(s.design.entities.first)
        #expect(e.name == "links")
        #expect(e.kind == .table)
        #expect(e.store == "comp-6")
        #expect(e.partitionKey == "code")
        #expect(e.retention == "until expiry + 30 days")
    }

    @Test func anEntityFormKeepsAStoreThatIsNotAStore() throws {
        var s = lowLevelState()
        let id = s.design.addEntity("links", store: "comp-2")
        try s.design.editEntityFields(id, .add(Entity.Field(name: "code", primaryKey: true)))
        goTo(&s, "entities")
        send(&s, .char("e"))
        #expect(s.topForm?["store"]?.text == "⚠ Shorten service (comp-2, a service)")
        send(&s, .enter)
        #expect(s.design.entities.first?.store == "comp-2")
        #expect(s.design.entities.first?.fields.map(\.name) == ["code"])
        #expect(s.topForm == nil)
    }

    @Test func anEntityNeedsAName() {
        var s = lowLevelState()
        goTo(&s, "entities")
        send(&s, .char("a"), .enter)
        #expect(s.topForm?.error == "The entity needs a name.")
        #expect(s.design.entities.isEmpty)
    }

    // MARK: deleting

    @Test func deletingAComponentSaysWhatItServesAndHolds() throws {
        var s = lowLevelState()
        s.design.addEndpoint(.get, "/a", servedBy: "comp-3")
        s.design.addEndpoint(.get, "/b", servedBy: "comp-3")
        s.design.addEntity("links", store: "comp-3")
        try s.design.addFlow(from: "comp-2", to: "comp-3")
        s.savedDesign = s.design
        goTo(&s, "components")
        send(&s, .char("j"), .char("j"), .char("d"))
        #expect(s.topConfirm?.message == "Delete \"Link store\" and the 1 data flow to and from it, and leave the 2 endpoints it serves and the 1 entity it holds with no component?")
        send(&s, .char("y"))
        #expect(s.message?.text == "Deleted component comp-3 \"Link store\" and 1 data flow; 2 endpoints and 1 entity now have no component — u undoes")
        #expect(s.design.endpoints.allSatisfy { $0.component == nil })
        #expect(s.design.entities.first?.store == nil)
        send(&s, .char("u"))
        #expect(s.design.endpoints.allSatisfy { $0.component == "comp-3" })
        #expect(s.design.entities.first?.store == "comp-3")
    }

    @Test func aComponentServingNothingAsksOnlyAboutFlows() {
        var s = lowLevelState()
        goTo(&s, "components")
        send(&s, .char("d"))
        #expect(s.topConfirm == nil, "no flows, endpoints or entities: no question")
        #expect(s.design.components.count == 5)
    }

    @Test func deletingAnEntitySaysWhichReferencesPointAtIt() throws {
        var s = lowLevelState()
        let links = s.design.addEntity("links", store: "comp-3")
        let clicks = s.design.addEntity("clicks", store: "comp-3")
        let users = s.design.addEntity("users", store: "comp-3")
        try s.design.editEntityFields(links, .add(Entity.Field(name: "code", primaryKey: true)))
        try s.design.editEntityFields(clicks, .add(Entity.Field(name: "link_code", references: .init(entity: links, field: "code"))))
        try s.design.editEntityFields(users, .add(Entity.Field(name: "last_link", references: .init(entity: links, field: "code"))))
        try s.design.editEntity(users, \.relationships, .add(Entity.Relationship(cardinality: .oneToMany, target: links)))
        s.savedDesign = s.design
        goTo(&s, "entities")
        send(&s, .char("d"))
        #expect(s.topConfirm?.message
                == "Delete \"links\" and clear the references to it from clicks.link_code and users.last_link, and drop the relationship with it in users?")
        send(&s, .char("y"))
        #expect(s.design.entities.map(\.name) == ["clicks", "users"])
        #expect(s.design.entities.allSatisfy { $0.fields.allSatisfy { $0.references == nil } })
        #expect(s.design.entities[1].relationships.isEmpty)
        #expect(s.message?.text == "Deleted entity ent-1 \"links\"; cleared 2 references, dropped 1 relationship — u undoes")
        // An entity nothing points at goes without a question.
        send(&s, .char("d"))
        #expect(s.topConfirm == nil)
        #expect(s.design.entities.map(\.name) == ["users"])
    }
}
