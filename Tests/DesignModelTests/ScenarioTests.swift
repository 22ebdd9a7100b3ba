import DesignModel
import Foundation
import Testing

/// A design with a client, a service, a database and a queue, and a scenario through them
/// with every kind of step and nested blocks.
func scenarioDesign() throws -> Design {
    var d = Design(title: "Scenarios", now: Date(timeIntervalSince1970: 1_790_000_000))
    let req = d.addRequirement(.functional, "Look things up")
    let client = d.addComponent(name: "Client", kind: .client)
    let api = d.addComponent(name: "API", kind: .service)
    let db = d.addComponent(name: "DB", kind: .database)
    let queue = d.addComponent(name: "Queue", kind: .queue)
    try d.addFlow(from: client, to: api, label: "requests")
    try d.addFlow(from: api, to: db, label: "queries", protocol: .sql, direction: .twoWay)
    try d.addFlow(from: api, to: queue, label: "events", mode: .async)
    d.addScenario(name: "Look up", description: "A read.", tag: .happyPath, requirements: [req], steps: [
        .step(ScenarioStep(from: client, to: api, message: "GET /x", notes: "with a token")),
        .step(ScenarioStep(from: api, to: api, message: "check token")),
        .block(ScenarioBlock(kind: .alt, branches: [
            .init(condition: "found", steps: [
                .step(ScenarioStep(from: api, to: db, message: "SELECT")),
                .block(ScenarioBlock(kind: .retry, branches: [
                    .init(condition: "publish", steps: [.step(ScenarioStep(from: api, to: queue, message: "event", kind: .async))]),
                    .init(condition: "queue down", steps: [.step(ScenarioStep(from: api, to: api, message: "drop it"))]),
                ], attempts: 3, timeout: "50 ms")),
            ]),
            .init(condition: "missing", steps: [.step(ScenarioStep(from: api, to: client, message: "404", kind: .reply))]),
        ])),
        .step(ScenarioStep(from: api, to: client, message: "200", kind: .reply)),
    ])
    return d
}

@Suite struct ScenarioCodecTests {
    @Test func scenariosRoundTripInCanonicalForm() throws {
        let d = try scenarioDesign()
        let data = try DesignCodec.encode(d)
        #expect(try DesignCodec.decode(data) == d)
        var reference = try DesignCodec.referenceEncode(d)
        reference.append(0x0A)
        #expect(data == reference, "the fast encoder writes JSONEncoder's bytes")
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"block\" : \"retry\"") && text.contains("\"attempts\" : 3") && text.contains("\"timeout\" : \"50 ms\""))
        #expect(!text.contains("\"flow\""), "automatic flow matches are not stored")
        #expect(UnknownFields.find(in: data, decoded: try DesignCodec.decode(data)).isEmpty)
    }

    @Test func handWrittenScenariosNeedOnlyTheEssentials() throws {
        var d = try scenarioDesign()
        d.scenarios = []
        var text = String(decoding: try DesignCodec.encode(d), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"scenarios\" : [\n\n  ]", with: """
            "scenarios" : [ { "id" : "scen-1", "name" : "Short", "steps" : [
                { "from" : "comp-1", "to" : "comp-2" },
                { "block" : "opt", "branches" : [ { "steps" : [ { "from" : "comp-2", "to" : "comp-3", "message" : "q" } ] } ] }
            ] } ]
            """)
        let s = try DesignCodec.decode(Data(text.utf8)).scenarios[0]
        #expect(s.tag == .happyPath && s.description.isEmpty && s.requirements.isEmpty)
        #expect(s.steps[0] == .step(ScenarioStep(from: "comp-1", to: "comp-2", message: "")))
        #expect(s.steps[1].block?.branches[0].condition == "")
        #expect(s.stepCount == 2)
    }

    @Test func aBadStepNamesItsPath() throws {
        var text = String(decoding: try DesignCodec.encode(try scenarioDesign()), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"kind\" : \"async\"", with: "\"kind\" : \"carrier pigeon\"")
        do {
            _ = try DesignCodec.decode(Data(text.utf8))
            Issue.record("expected a failure")
        } catch {
            guard case .wrongShape(let path, let position, let detail) = error else { Issue.record("\(error)"); return }
            #expect(path == "scenarios[0].steps[2].branches[0].steps[1].branches[0].steps[0].kind")
            #expect(position != nil)
            #expect(detail.contains("carrier pigeon"))
        }
    }

    @Test func unknownFieldsInStepsAreFound() throws {
        var text = String(decoding: try DesignCodec.encode(try scenarioDesign()), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"message\" : \"SELECT\"", with: "\"message\" : \"SELECT\", \"latencyMs\" : 3")
        let data = Data(text.utf8)
        #expect(UnknownFields.find(in: data, decoded: try DesignCodec.decode(data))
                == ["scenarios[0].steps[2].branches[0].steps[0].latencyMs"])
    }
}

@Suite struct ScenarioMigrationTests {
    /// A file of the schema before scenarios: the design as it was, without the key.
    func previousVersionFile() throws -> (Data, Design) {
        var d = try sampleDesign()
        d.scenarios = []
        var object = try #require(try JSONSerialization.jsonObject(with: try DesignCodec.encode(d)) as? [String: Any])
        object.removeValue(forKey: "scenarios")
        object["schemaVersion"] = Migrations.steps.first { $0.summary.contains("scenarios") }!.from
        return (try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted]), d)
    }

    @Test func aFileFromBeforeScenariosOpensUnchangedWithNone() throws {
        let (data, original) = try previousVersionFile()
        let d = try DesignCodec.decode(data)
        #expect(d.schemaVersion == Design.currentSchemaVersion)
        #expect(d.scenarios.isEmpty)
        var expected = original
        expected.schemaVersion = d.schemaVersion
        #expect(d == expected, "everything else is as it was")
        #expect(d.errors.isEmpty)
    }

    @Test func theStepOnlyAddsTheList() throws {
        let step = try #require(Migrations.steps.first { $0.summary.contains("scenarios") })
        let before: [String: Any] = ["title": "x", "flows": [[String: Any]]()]
        let after = try step.apply(before)
        #expect(Set(after.keys) == ["title", "flows", "scenarios"])
        #expect((after["scenarios"] as? [Any])?.isEmpty == true)
        #expect(after["title"] as? String == "x")
    }
}

@Suite struct ScenarioValidationTests {
    func findings(_ d: Design) -> [Finding] { d.findings().filter { $0.path.hasPrefix("scenarios") } }

    @Test func aSoundScenarioHasNoFindings() throws {
        #expect(findings(try scenarioDesign()).isEmpty)
    }

    @Test func danglingReferencesAreWarnings() throws {
        var d = try scenarioDesign()
        d.scenarios[0].requirements.append("req-99")
        d.scenarios[0].steps.append(.step(ScenarioStep(from: "comp-1", to: "comp-77", message: "lost")))
        d.scenarios[0].steps.append(.step(ScenarioStep(from: "comp-1", to: "comp-2", message: "x", flow: "flow-42")))
        d.scenarios[0].steps.append(.step(ScenarioStep(from: "comp-1", to: "comp-2", message: "y", flow: "flow-2")))
        d.scenarios[0].steps.append(.step(ScenarioStep(from: "comp-3", to: "comp-4", message: "not a flow")))
        let f = findings(d)
        #expect(f.allSatisfy { $0.severity == .warning }, "\(f)")
        #expect(f.map(\.path) == ["scenarios[0].requirements[1]", "scenarios[0].steps[4].to", "scenarios[0].steps[5].flow",
                                  "scenarios[0].steps[6].flow", "scenarios[0].steps[7]"])
        #expect(f[1].message.contains("step 8") && f[1].message.contains("comp-77"))
        #expect(f[3].message.contains("does not connect"))
        #expect(f[4].message.contains("not in the architecture"))
        #expect(d.errors.isEmpty, "a dangling reference never makes the file unreadable")
    }

    @Test func malformedBlocksAreErrors() throws {
        var d = try scenarioDesign()
        d.scenarios[0].steps += [
            .block(ScenarioBlock(kind: .opt, branches: [.init(condition: "a"), .init(condition: "b")])),
            .block(ScenarioBlock(kind: .alt, branches: [])),
            .block(ScenarioBlock(kind: .retry, branches: [.init(steps: [.step(ScenarioStep(from: "comp-2", to: "comp-2", message: "x"))])], attempts: 0)),
        ]
        d.scenarios.append(Scenario(id: "scen-1", name: "dup"))
        let errors = d.errors.map(\.path)
        #expect(errors == ["scenarios[1].id", "scenarios[0].steps[4].branches", "scenarios[0].steps[5].branches",
                           "scenarios[0].steps[6].attempts"])
        #expect(findings(d).contains { $0.severity == .warning && $0.message.contains("no steps") })
    }

    @Test func absurdNestingIsRefused() throws {
        var d = try scenarioDesign()
        var node = ScenarioNode.step(ScenarioStep(from: "comp-1", to: "comp-2", message: "deep"))
        for _ in 0..<(Design.maxScenarioNesting + 1) { node = .block(ScenarioBlock(kind: .loop, steps: [node])) }
        d.scenarios[0].steps = [node]
        #expect(d.errors.contains { $0.message.contains("nest more than") })
        // Still encodes and decodes (to the error) without trouble.
        #expect(throws: DesignLoadError.self) { try DesignCodec.decode(try DesignCodec.encode(d)) }
    }
}
