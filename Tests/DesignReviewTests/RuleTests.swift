import DesignModel
@testable import DesignReview
import Testing

/// Every rule fires on a design with its problem, naming the right items, and stays quiet on
/// the sound design (and on the near misses that look like the problem but are not).
@Suite struct RuleTests {
    @Test func theSoundDesignHasNoFindings() {
        let (s, _) = Sound.sketch()
        let r = s.review()
        #expect(r.open.isEmpty, "\(r.open.map { "\($0.rule): \($0.message)" })")
    }

    @Test(arguments: ReviewRules.all.map(\.id))
    func everyRuleIsQuietOnTheSoundDesign(_ rule: String) {
        let (s, _) = Sound.sketch()
        #expect(s.findings(rule).isEmpty)
    }

    // MARK: requirements

    @Test func noNonFunctionalRequirement() {
        var (s, ids) = Sound.sketch()
        s.design.requirements.removeAll { $0.kind == .nonFunctional }
        s.design.dropReferences(to: ids.latency)
        s.design.dropReferences(to: ids.availability)
        let f = s.findings("requirement.no-non-functional")
        #expect(f.count == 1)
        #expect(f.first?.items == [])
        #expect(f.first?.location == [.key("requirements")])
        #expect(f.first?.stage == .requirements)
    }

    @Test func noNonFunctionalIsQuietOnAnEmptyDesign() {
        #expect(Sketch().findings("requirement.no-non-functional").isEmpty)
    }

    @Test func unmeasurableRequirement() {
        var (s, _) = Sound.sketch()
        let vague = s.requirement(.nonFunctional, "The redirect should be fast", category: .latency)
        let f = s.findings("requirement.unmeasurable")
        #expect(f.map(\.items) == [[vague]])
        #expect(f.first?.message.contains(vague) == true)
        #expect(f.first?.message.contains("The redirect should be fast") == true)
    }

    @Test func measurableTargetsInTextOrNotesOrWordsAreQuiet() {
        var (s, _) = Sound.sketch()
        s.requirement(.nonFunctional, "Fast redirects", category: .latency, notes: "p99 below 80 ms")
        s.requirement(.nonFunctional, "Never lose an acknowledged link", category: .durability)
        s.requirement(.nonFunctional, "Five nines for redirects", category: .availability)
        s.requirement(.nonFunctional, "Reads are strongly consistent", category: .consistency)
        s.requirement(.nonFunctional, "Only owners see their statistics", category: .security)
        s.requirement(.functional, "Links can expire")
        #expect(s.findings("requirement.unmeasurable").isEmpty)
    }

    @Test func mustHaveRequirementNothingAddresses() {
        var (s, _) = Sound.sketch()
        let orphan = s.requirement(.functional, "Delete a link", priority: .must)
        s.requirement(.functional, "Custom aliases", priority: .could)
        let f = s.findings("requirement.unaddressed")
        #expect(f.map(\.items) == [[orphan]])
        #expect(f.first?.message.contains("Delete a link") == true)
    }

    @Test(arguments: ["component", "flow", "decision", "endpoint", "entity", "scenario"])
    func anyKindOfItemAddressesARequirement(_ kind: String) {
        var (s, ids) = Sound.sketch()
        let r = s.requirement(.functional, "Delete a link")
        let rid = ItemID<Requirement>(r)
        switch kind {
        case "component": s.addresses(r, ids.service)
        case "flow": s.addresses(r, s.design.flows[0].id.rawValue)
        case "decision": s.design.tradeOffs[0].drivers.append(rid)
        case "endpoint":
            s.design.endpoints.append(Endpoint(id: "api-1", method: .delete, path: "/links/{code}", component: ItemID(ids.service),
                                               auth: .apiKey, rateLimit: "10/s", idempotency: .natural, requirements: [rid]))
        case "entity":
            s.design.entities.append(Entity(id: "ent-1", name: "links", store: ItemID(ids.db), requirements: [rid]))
        default:
            s.design.scenarios.append(Scenario(id: "scen-1", name: "Delete", requirements: [rid]))
        }
        #expect(s.findings("requirement.unaddressed").isEmpty)
    }

    @Test func componentThatAddressesNothingAndCarriesNoFlow() {
        var (s, ids) = Sound.sketch()
        let idle = s.component(.service, "Audit service")
        let linked = s.component(.service, "Planned export", serves: [ids.create])
        let f = s.findings("component.unused")
        #expect(f.map(\.items) == [[idle]])
        #expect(!f.contains { $0.items.contains(linked) })
        #expect(f.first?.message.contains("Audit service") == true)
    }

    // MARK: edges

    @Test func clientTalkingStraightToAStore() {
        var (s, ids) = Sound.sketch()
        let flow = s.flow(ids.client, ids.db, "read links")
        let back = s.flow(ids.cache, ids.client, "push", direction: .twoWay)
        let f = s.findings("flow.client-to-store")
        #expect(f.map(\.items) == [[flow, ids.client, ids.db], [back, ids.client, ids.cache]])
        #expect(f.first?.severity == .error)
        #expect(f.first?.message.contains("Links DB") == true)
    }

    @Test func clientToObjectStorageOrThroughAServiceIsQuiet() {
        var (s, ids) = Sound.sketch()
        let bucket = s.component(.objectStorage, "Uploads", serves: [ids.create])
        s.flow(ids.client, bucket, "presigned upload")
        #expect(s.findings("flow.client-to-store").isEmpty)
    }

    @Test func serviceFacingClientsWithoutALoadBalancer() {
        var (s, ids) = Sound.sketch()
        let cdn = s.component(.cdn, "CDN")
        let api = s.component(.service, "Legacy API", responsibility: "Authenticates sessions", serves: [ids.create])
        s.flow(ids.client, cdn, "static and API")
        s.flow(cdn, api, "origin requests")
        let f = s.findings("component.entry-without-load-balancer")
        #expect(f.map(\.items) == [[api, ids.client]])
        #expect(f.first?.message.contains("Legacy API") == true)
    }

    @Test func serviceBehindALoadBalancerIsNotAnExposedEntry() {
        var (s, ids) = Sound.sketch()
        let direct = s.component(.service, "Redirects", responsibility: "Public redirects, no login", serves: [ids.create])
        s.flow(ids.lb, direct, "GET /{code}")
        #expect(s.findings("component.entry-without-load-balancer").isEmpty)
    }

    @Test func noAuthenticationOnThePathFromAClient() {
        var (s, ids) = Sound.sketch()
        let open = s.component(.service, "Redirects", serves: [ids.create])
        s.flow(ids.lb, open, "GET /{code}")
        s.flow(open, ids.db, "lookup")
        let f = s.findings("path.no-authentication")
        #expect(f.map(\.items) == [[open, ids.client]])
        #expect(f.first?.stage == .security)
    }

    @Test(arguments: ["text", "auth component", "endpoint auth", "public by design"])
    func authenticationStatedAnyWayIsQuiet(_ how: String) {
        var (s, ids) = Sound.sketch()
        let svc = s.component(.service, "Redirects", serves: [ids.create])
        s.flow(ids.lb, svc, "GET /{code}")
        switch how {
        case "text": s.design.components[s.design.components.count - 1].responsibility = "Validates JWT bearer tokens"
        case "auth component":
            let idp = s.component(.auth, "Identity provider", serves: [ids.create])
            s.flow(svc, idp, "verify token")
        default:
            s.design.endpoints.append(Endpoint(id: "api-1", method: .get, path: "/{code}", component: ItemID(svc),
                                               auth: how == "endpoint auth" ? .jwt : .publicByDesign, rateLimit: "100/s"))
        }
        #expect(s.findings("path.no-authentication").isEmpty)
    }

    @Test func negatedAuthenticationIsNotAuthentication() {
        var (s, ids) = Sound.sketch()
        let svc = s.component(.service, "Redirects", responsibility: "Answers without authentication", serves: [ids.create])
        s.flow(ids.lb, svc, "GET /{code}")
        #expect(s.findings("path.no-authentication").map(\.items) == [[svc, ids.client]])
    }

    // MARK: reliability

    @Test func singlePointOfFailure() {
        var (s, ids) = Sound.sketch()
        s.design.components[s.design.components.firstIndex { $0.id.rawValue == ids.db }!].instances = nil
        s.design.components[s.design.components.firstIndex { $0.id.rawValue == ids.queue }!].instances = "1"
        let f = s.findings("component.single-point-of-failure")
        #expect(f.map(\.items) == [[ids.db], [ids.queue]])
        #expect(f.first?.message.contains(ids.availability) == true)
        #expect(f.first?.message.contains("runs as a single instance with") == true)
        #expect(f.last?.message.contains("runs 1 instance with") == true)
        // A count from an estimate says the number and the estimate it comes from.
        s.design.estimates.append(Estimate(id: "est-1", name: "queue_nodes", expression: "3 - 3"))
        s.design.components[s.design.components.firstIndex { $0.id.rawValue == ids.queue }!].instances = "queue_nodes"
        #expect(s.findings("component.single-point-of-failure").last?.message.contains("runs 0 instances (queue_nodes) with") == true)
    }

    @Test func singleInstanceWithoutAnAvailabilityRequirementIsQuiet() {
        var (s, ids) = Sound.sketch()
        s.design.components[s.design.components.firstIndex { $0.id.rawValue == ids.db }!].instances = nil
        s.design.requirements.removeAll { $0.id.rawValue == ids.availability }
        s.design.dropReferences(to: ids.availability)
        #expect(s.findings("component.single-point-of-failure").isEmpty)
    }

    @Test func instancesFromAnEstimateOrARedundancyNoteAreQuiet() {
        var (s, ids) = Sound.sketch()
        s.design.estimates.append(Estimate(id: "est-1", name: "db_nodes", expression: "ceil(5 / 2)"))
        s.design.components[s.design.components.firstIndex { $0.id.rawValue == ids.db }!].instances = "db_nodes"
        let one = s.component(.database, "Managed store", technology: "DynamoDB", redundancy: "Three copies across zones")
        s.flow(ids.service, one, "put item")
        #expect(s.findings("component.single-point-of-failure").isEmpty)
    }

    @Test func cycleOfSynchronousCalls() {
        var (s, ids) = Sound.sketch()
        let a = s.component(.service, "Orders", serves: [ids.create])
        let b = s.component(.service, "Billing", serves: [ids.create])
        s.flow(ids.service, a, "order")
        s.flow(a, b, "charge")
        s.flow(b, ids.service, "refresh link")
        s.flow(b, a, "order events", mode: .async)
        let f = s.findings("flow.sync-cycle")
        #expect(f.count == 1)
        #expect(Set(f.first?.items ?? []) == [ids.service, a, b])
        #expect(f.first?.message.contains("Orders") == true && f.first?.message.contains("Billing") == true)
    }

    @Test func asyncLoopsAndTwoWayFlowsAreNotCycles() {
        var (s, ids) = Sound.sketch()
        let a = s.component(.service, "Orders", serves: [ids.create])
        s.flow(ids.service, a, "order", direction: .twoWay)
        s.flow(a, ids.service, "order changed", mode: .async)
        #expect(s.findings("flow.sync-cycle").isEmpty)
    }

    @Test func slowOrExternalDependencyOnTheClientPath() {
        var (s, ids) = Sound.sketch()
        let psp = s.component(.external, "Payment provider", serves: [ids.create])
        let mainframe = s.component(.service, "Ledger", technology: "Legacy mainframe", serves: [ids.create])
        let charge = s.flow(ids.service, psp, "charge card")
        let book = s.flow(ids.service, mainframe, "book payment")
        let f = s.findings("path.sync-slow-dependency")
        #expect(f.map(\.items) == [[psp, ids.service, charge], [mainframe, ids.service, book]])
        #expect(f.first?.message.contains(ids.client) == true)
    }

    @Test func slowDependencyOffThePathOrAsyncIsQuiet() {
        var (s, ids) = Sound.sketch()
        let psp = s.component(.external, "Payment provider", serves: [ids.create])
        s.flow(ids.service, psp, "charge card", mode: .async)
        s.flow(ids.worker, psp, "settle batch")   // the worker is reached asynchronously only
        #expect(s.findings("path.sync-slow-dependency").isEmpty)
    }

    @Test func reliabilityStageUntouched() {
        var (s, _) = Sound.sketch()
        s.design.updateStage(.reliability) { $0.notes = "" }
        let f = s.findings("design.reliability-untouched")
        #expect(f.count == 1)
        #expect(f.first?.location == [.key("stages"), .index(5)])
    }

    @Test func reliabilityStageWithAFailureScenarioOrFewComponentsIsQuiet() {
        var (s, _) = Sound.sketch()
        s.design.updateStage(.reliability) { $0.notes = "" }
        s.design.scenarios.append(Scenario(id: "scen-1", name: "Cache down", tag: .failure))
        #expect(s.findings("design.reliability-untouched").isEmpty)
        var small = Sketch()
        let c = small.component(.client, "Browser")
        let svc = small.component(.service, "API")
        small.flow(c, svc)
        #expect(small.findings("design.reliability-untouched").isEmpty)
    }

    // MARK: scale and data

    @Test func deepSynchronousChain() {
        var (s, ids) = Sound.sketch()
        var last = ids.service
        var chain = [ids.client, ids.lb, ids.gateway, ids.service]
        for n in 1...4 {
            let next = s.component(.service, "Step \(n)", serves: [ids.create])
            s.flow(last, next, "call \(n)")
            chain.append(next)
            last = next
        }
        // lb and gateway pass requests on; service + 4 steps = 5 hops > 4
        let f = s.findings("path.deep-sync-chain")
        #expect(f.map(\.items) == [chain])
        #expect(f.first?.message.contains("5 hops") == true)
        var shallow = ReviewConfig()
        shallow.syncChainDepth = 5
        #expect(s.findings("path.deep-sync-chain", shallow).isEmpty)
        shallow.syncChainDepth = 2
        #expect(s.findings("path.deep-sync-chain", shallow).first?.message.contains("more than 2") == true)
    }

    @Test func chainsThroughAsyncFlowsAreNotSynchronousChains() {
        var (s, ids) = Sound.sketch()
        var last = ids.worker
        for n in 1...6 {
            let next = s.component(.service, "Step \(n)", serves: [ids.create])
            s.flow(last, next, "call \(n)")
            last = next
        }
        #expect(s.findings("path.deep-sync-chain").isEmpty)
    }

    @Test func cacheNothingFills() {
        var (s, ids) = Sound.sketch()
        let cold = s.component(.cache, "Profile cache", redundancy: "replicas", serves: [ids.latency])
        s.flow(cold, ids.service, "profiles")
        let f = s.findings("cache.not-filled")
        #expect(f.map(\.items) == [[cold]])
    }

    @Test func cacheWithNoStoreBehindIt() {
        var (s, ids) = Sound.sketch()
        let sessions = s.component(.service, "Sessions", serves: [ids.create])
        let cache = s.component(.cache, "Session cache", redundancy: "replicas", serves: [ids.latency])
        s.flow(ids.gateway, sessions, "session check")
        s.flow(sessions, cache, "get/set session")
        let f = s.findings("cache.no-store")
        #expect(f.map(\.items) == [[cache]])
        #expect(s.findings("cache.not-filled").isEmpty)
    }

    @Test func readThroughCacheHasAStoreBehindIt() {
        var (s, ids) = Sound.sketch()
        let cache = s.component(.cache, "Read-through cache", redundancy: "replicas", serves: [ids.latency])
        s.flow(ids.service, cache, "get")
        s.flow(cache, ids.db, "load on miss")
        #expect(s.findings("cache.no-store").isEmpty)
    }

    @Test func databaseWrittenByThreeServices() {
        var (s, ids) = Sound.sketch()
        let billing = s.component(.service, "Billing", serves: [ids.create])
        let reports = s.component(.service, "Reports", serves: [ids.create])
        s.flow(reports, ids.db, "monthly report query")   // reads only: not a writer
        #expect(s.findings("database.shared").isEmpty)     // the service and the worker write
        s.flow(billing, ids.db, "update balances")
        #expect(s.findings("database.shared").map(\.items) == [[ids.db, ids.service, ids.worker, billing]])
        s.flow(reports, ids.db, "orders", direction: .twoWay)
        let f = s.findings("database.shared")
        #expect(f.map(\.items) == [[ids.db, ids.service, ids.worker, billing, reports]])
        #expect(f.first?.message.contains("4 components") == true)
    }

    @Test func overloadedComponentFromTheCapacityWork() {
        var (s, ids) = Sound.sketch()
        let i = s.design.components.firstIndex { $0.id.rawValue == ids.service }!
        s.design.components[i].capacity = "1K /s"
        s.design.components[i].instances = "2"
        s.design.flows[2].rate = "5K /s"
        let f = s.findings("component.overloaded")
        #expect(f.map(\.items) == [[ids.service]])
        s.design.components[i].instances = "10"
        #expect(s.findings("component.overloaded").isEmpty)
    }

    // MARK: monitoring and decisions

    @Test func nothingForMonitoring() {
        var (s, ids) = Sound.sketch()
        s.design.components.removeAll { $0.id.rawValue == ids.monitoring }
        s.design.flows.removeAll { $0.to.rawValue == ids.monitoring }
        let f = s.findings("design.no-monitoring")
        #expect(f.count == 1)
        #expect(f.first?.stage == .monitoring)
        s.design.updateStage(.monitoring) { $0.setDone("monitoring-alerting.metrics", true) }
        #expect(s.findings("design.no-monitoring").isEmpty)
    }

    @Test func noTradeOffRecorded() {
        var (s, _) = Sound.sketch()
        s.design.tradeOffs.removeAll()
        #expect(s.findings("design.no-trade-off").count == 1)
        #expect(Sketch().findings("design.no-trade-off").isEmpty)
    }

    @Test func decisionWithASingleOption() {
        var (s, _) = Sound.sketch()
        let one = s.decision("Queue or not", options: ["Kafka"])
        let none = s.decision("Region", options: [], chosen: nil, status: .proposed)
        s.decision("Old choice", options: ["Only"], status: .superseded)
        #expect(s.findings("decision.single-option").map(\.items) == [[one], [none]])
    }

    @Test func decisionWithoutRationale() {
        var (s, _) = Sound.sketch()
        let bare = s.decision("Cache policy", rationale: "")
        s.decision("Open question", chosen: nil, rationale: "", status: .proposed)
        let f = s.findings("decision.no-rationale")
        #expect(f.map(\.items) == [[bare]])
        #expect(f.first?.message.contains("\"A\"") == true)
    }

    @Test func acceptedDecisionWithNothingChosen() {
        var (s, _) = Sound.sketch()
        let t = s.decision("Sharding", chosen: nil)
        s.decision("Later", chosen: nil, status: .proposed)
        let f = s.findings("decision.accepted-without-choice")
        #expect(f.map(\.items) == [[t]])
        #expect(f.first?.severity == .error)
    }

    // MARK: flows

    @Test func flowWithNoLabel() {
        var (s, ids) = Sound.sketch()
        let bare = s.flow(ids.service, ids.db, "  ")
        #expect(s.findings("flow.unlabelled").map(\.items) == [[bare]])
    }

    @Test func identicalFlows() {
        var (s, ids) = Sound.sketch()
        let copy = s.flow(ids.service, ids.db, "Insert link ")
        s.flow(ids.service, ids.db, "insert link", mode: .async)   // differs in mode
        let a = s.flow(ids.service, ids.worker, "sync", direction: .twoWay)
        let b = s.flow(ids.worker, ids.service, "sync", direction: .twoWay)
        let f = s.findings("flow.duplicate")
        #expect(f.map(\.items) == [[copy, s.design.flows[3].id.rawValue], [b, a]])
    }

    @Test func flowFromAComponentToItself() {
        var (s, ids) = Sound.sketch()
        let loop = s.flow(ids.service, ids.service, "retry")
        let f = s.findings("flow.self-loop")
        #expect(f.map(\.items) == [[loop, ids.service]])
        #expect(f.first?.severity == .error)
        #expect(s.findings("flow.sync-cycle").isEmpty)
    }

    // MARK: the API and data-model checks

    @Test func endpointAndEntityChecksAreRules() {
        var (s, ids) = Sound.sketch()
        s.design.endpoints.append(Endpoint(id: "api-1", method: .get, path: "/links", component: ItemID(ids.service),
                                           response: [Endpoint.Field(name: "links", type: "[Link]")], auth: .apiKey, rateLimit: "5/s"))
        s.design.endpoints.append(Endpoint(id: "api-2", method: .get, path: "/links/", component: ItemID(ids.service),
                                           auth: .apiKey, rateLimit: "5/s"))
        s.design.entities.append(Entity(id: "ent-1", name: "links", store: ItemID(ids.db)))
        let r = s.review()
        let rules = Set(r.open.map(\.rule))
        #expect(rules.isSuperset(of: ["endpoint.list-without-pagination", "endpoint.duplicate-route", "entity.no-primary-key",
                                      "entity.no-metadata-columns"]))
        let dup = r.open.first { $0.rule == "endpoint.duplicate-route" }
        #expect(dup?.severity == .error)
        #expect(dup?.items == ["api-2", "api-1"])
        #expect(dup?.location == [.key("endpoints"), .index(1), .key("path")])
        #expect(r.open.first { $0.rule == "entity.no-primary-key" }?.stage == .dataStorage)
    }
}
