import DesignModel
import Foundation

/// Test data: a design whose every text field is hostile, and catalogues to render it with.
enum Fixtures {
    /// Strings that try to break out of whatever Markdown, Mermaid or DOT context they land in.
    static let hostile: [String] = [
        "a|b",
        "line one\nline two\r\nline three",
        "`code` and ``` fence ~~~",
        "<script>alert(1)</script>",
        "[x](javascript:alert(1))",
        "# heading",
        "- bullet",
        "1. ordered",
        "2) ordered too",
        "- [x] forged",
        "[ ] not a box",
        "emoji 🚀 and CJK 缩短网址 ｜full-width｜",
        "ESC\u{1B}[31mred\u{1B}[0m and BEL\u{07} and DEL\u{7F} and C1\u{9B}",
        "&lt;b&gt; entity &amp; &#x3C;script&#x3E; R&D",
        "***bold*** _it_ ~~strike~~ snake_case",
        "> quote",
        "---",
        "===",
        "    indented code",
        "![img](http://example.com/y.png)",
        "<http://example.com> <a href=\"x\">",
        "back\\slash \\| pipe \\",
        "RLO \u{202E}evil\u{202C} and isolate \u{2066}x\u{2069}",
        "%%{init: {\"securityLevel\":\"loose\"}}%%",
        "click n_comp_1 call alert(1)",
        "\"quoted\" name; end",
        "end",
        "C#",
        "Foo #",
        "|---|---|",
        "[^1]: footnote",
        "[ref]: http://evil.example",
        "<!-- comment -->",
        "\\N \\G \\n dot escapes",
        "{curly} [square] (round)",
        "  \t padded \t ",
        "",
    ]

    static let epoch = Date(timeIntervalSince1970: 1_780_000_000)   // 2026-05-28 20:26:40 UTC

    /// A design using every model feature with hostile text throughout: components of every
    /// kind, flows in every mode and direction, all requirement kinds, trade-offs on several
    /// stages, custom checklist items, notes and an interview record.
    static func hostileDesign() -> Design {
        var d = Design(title: "Hostile <b>design</b> | # not a heading", problem: "", now: epoch)
        d.problem = "Shorten URLs.\n\n- [x] forged item\n# forged heading\n<script>alert(1)</script>\n| a | b |\n|---|---|"
        d.modified = epoch.addingTimeInterval(3600)
        let h = hostile
        var comps: [ItemID<Component>] = []
        for (i, kind) in Component.Kind.allCases.enumerated() {
            comps.append(d.addComponent(name: h[i % h.count], kind: kind,
                                        responsibility: h[(i + 1) % h.count],
                                        technology: h[(i + 2) % h.count], notes: h[(i + 3) % h.count]))
        }
        // A few more, with names that sanitise to the same diagram id.
        d.components.append(Component(id: "comp.x", name: "dot id", kind: .service))
        d.components.append(Component(id: "comp_x", name: "underscore id", kind: .service))
        d.components.append(Component(id: "comp-x", name: "dash id", kind: .service))
        comps += ["comp.x", "comp_x", "comp-x"]
        // Nested groups with hostile names, and two group ids that sanitise alike.
        let outer = d.addGroup(name: h[0], kind: .region)
        let inner = d.addGroup(name: h[12] + " \"end\" subgraph\n%%{init}%%", kind: .trustBoundary, parent: outer)
        d.groups.append(ComponentGroup(id: "group.x", name: h[2 % h.count], kind: .team))
        d.groups.append(ComponentGroup(id: "group_x", name: "end", kind: .network))
        for i in 0..<d.components.count where i % 5 != 4 {
            d.components[i].group = [outer, inner, "group.x", "group_x"][i % 4]
        }

        var k = 0
        for mode in Flow.Mode.allCases {
            for dir in Flow.Direction.allCases {
                for proto in Flow.Protocol_.allCases {
                    let from = comps[k % comps.count], to = comps[(k * 7 + 3) % comps.count]
                    _ = try! d.addFlow(from: from, to: to, label: h[(k + 5) % h.count], protocol: proto,
                                       mode: mode, direction: dir, notes: h[(k + 9) % h.count])
                    k += 1
                }
            }
        }
        for (i, kind) in Requirement.Kind.allCases.enumerated() {
            for (j, prio) in Requirement.Priority.allCases.enumerated() {
                let n = i * 3 + j
                d.addRequirement(kind, h[(n * 2) % h.count], priority: prio,
                                 category: kind == .functional ? nil : Requirement.Category.allCases[n % 14],
                                 notes: h[(n * 2 + 1) % h.count])
            }
        }
        d.addTradeOff(title: "SQL | NoSQL <b>?</b>", stage: .dataStorage, context: h[1] + "\n\n" + h[5],
                      options: [(name: "- [x] Postgres", pros: [h[0], h[3]], cons: [h[4]]),
                                (name: "# Dynamo", pros: [], cons: [h[9], h[12]]),
                                (name: "", pros: ["unnamed option"], cons: [])],
                      chosenIndex: 0, rationale: h[3] + "\n" + h[4], status: .accepted)
        d.addTradeOff(title: "SQL | NoSQL <b>?</b>", stage: .dataStorage, context: "Same title again.",
                      status: .superseded)
        d.addTradeOff(title: "Cache 🚀 strategy", stage: .scalability, context: h[13],
                      options: [(name: "Redis", pros: ["fast"], cons: ["memory"])], rationale: "",
                      status: .proposed)
        d.addTradeOff(title: "Progress", stage: .tradeOffs, context: "A title equal to another heading.",
                      options: [(name: "A", pros: [], cons: []), (name: "B", pros: [], cons: [])],
                      chosenIndex: 1, rationale: "Because.", status: .accepted)
        d.addTradeOff(title: h[4], stage: .security, context: h[4],
                      options: [(name: h[4], pros: [h[4]], cons: [h[3]])], chosenIndex: 0,
                      rationale: h[4], status: .proposed)
        for i in 0..<4 {
            d.risks.append(Risk(id: ItemID("risk-\(i + 1)"), text: h[(i * 3) % h.count], owner: h[(i * 3 + 1) % h.count],
                                status: FollowUpStatus.allCases[i % 3], impact: Risk.Impact.allCases[i % 3],
                                mitigation: h[(i * 3 + 2) % h.count] + "\n" + h[(i + 7) % h.count],
                                concerns: [comps[i].rawValue, "flow-\(i + 1)"]))
            d.questions.append(OpenQuestion(id: ItemID("q-\(i + 1)"), text: h[(i * 5 + 2) % h.count], owner: h[i],
                                            status: FollowUpStatus.allCases[(i + 1) % 3],
                                            answer: h[(i * 5 + 3) % h.count], concerns: ["risk-\(i + 1)"]))
        }

        d.updateStage(.requirements) { s in
            s.setDone("requirements.functional", true)
            s.setDone("requirements.constraints", true)
            s.notes = h.prefix(12).joined(separator: "\n")
        }
        d.addCustomItem("- [x] forged custom item", to: .requirements, done: false)
        d.addCustomItem("# custom | done", to: .requirements, done: true)
        d.addCustomItem(h[3], to: .security, done: true)
        d.addCustomItem(" \n ", to: .security, done: false)
        d.updateStage(.highLevelDesign) { $0.notes = h[1] }
        d.updateStage(.monitoring) { $0.notes = "   \n\t\n" }   // blank notes: still not started
        for key in catalogue().stages.first(where: { $0.key == .reliability })!.items.map(\.key) {
            d.updateStage(.reliability) { $0.setDone(key, true) }
        }

        d.interview = InterviewRecord(
            plan: "standard | <b>", problem: "url-shortener",
            phases: [
                .init(key: "clarify", title: "Clarify | requirements", plannedSeconds: 300, actualSeconds: 410),
                .init(key: "estimate", title: "", plannedSeconds: 300, actualSeconds: 200),
                .init(key: "design", title: "<script>", plannedSeconds: 900, actualSeconds: 3700),
            ],
            currentPhase: 2, finished: false,
            scores: ["requirements": 3, "communication": 4, "x|y": 2],
            evidence: ["requirements": "Asked | about <b>scale</b>\n- [x] forged"],
            assessmentNote: "Ran long.\n# not a heading",
            seed: 42,
            curveball: .init(id: "region", text: "A region <script>x</script> | goes down", match: ["region*"],
                             phase: "design", afterSeconds: 100, shownAt: 700),
            timeline: [
                .init(at: 0, phase: "clarify", change: .started),
                .init(at: 30, phase: "clarify", change: .asked, list: "interviewer", id: "traffic", text: "Traffic | <b>"),
                .init(at: 95, phase: "clarify", change: .added, list: "components", id: "comp-1", text: h[0], tags: ["component"]),
                .init(at: 120, phase: "clarify", change: .added, list: "requirements", id: "req-1", text: h[1 % h.count],
                      tags: ["non-functional"]),
                .init(at: 410, phase: "estimate", change: .phase, id: "estimate", text: ""),
                .init(at: 610, phase: "design", change: .phase, id: "design", text: "<script>"),
                .init(at: 700, phase: "design", change: .curveball, list: "interviewer", id: "region", text: "A region <script>"),
                .init(at: 800, phase: "design", change: .changed, list: "stages", id: "reliability", text: "notes: # not | heading",
                      tags: ["failure-handling", "curveball"]),
                .init(at: 900, phase: "design", change: .removed, list: "flows", id: "flow-1", text: h[2 % h.count]),
            ],
            keyPoints: [.init(id: "cache", kind: "component", text: "A cache | <em>", covered: true, evidence: h[3 % h.count]),
                        .init(id: "ledger", kind: "risk", text: "- [ ] forged", covered: false)])
        return d
    }

    /// A small fixed catalogue for the hostile fixture, so its goldens do not move when the
    /// shipped wording improves. Item texts carry Markdown syntax too.
    static func catalogue() -> StageCatalogue {
        StageCatalogue(stages: StageKey.allCases.map { key in
            let n = key.number
            return StageCatalogue.Stage(
                key: key, title: "Stage \(n) | \(key.rawValue)", shortTitle: key.rawValue,
                purpose: "Purpose of *stage* \(n).\n# still the purpose",
                items: (1...(n % 3 + 2)).map { i in
                    .init(key: "\(key.rawValue).item-\(i)", text: i == 1 ? "- [ ] item \(i) `x`" : "Item \(i)")
                })
        })
    }

    /// The shipped catalogue (`Assets/stages.json`), when this checkout has it.
    static func shippedCatalogue() throws -> StageCatalogue? {
        guard let data = FileManager.default.contents(atPath: TestPaths.stagesJSON.path) else { return nil }
        return try StageCatalogue.decode(data)
    }

    /// The worked example (`Assets/examples/url-shortener.json`), when this checkout has it.
    static func workedExample() throws -> Design? {
        guard let data = FileManager.default.contents(atPath: TestPaths.workedExample.path) else { return nil }
        return try DesignCodec.decode(data)
    }

    /// A design with nothing in it but a title.
    static func emptyDesign() -> Design { Design(title: "", now: epoch) }
}
