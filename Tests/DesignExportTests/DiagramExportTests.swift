import DesignExport
import DesignModel
import DiagramLayout
import Foundation
import TerminalText
import Testing

@Suite struct DiagramExportTests {
    /// Structural checks on Mermaid: no interaction or directive lines, every label quoted and
    /// free of raw specials, brackets balanced outside labels, one node per component, one edge
    /// per flow.
    func checkMermaid(_ text: String, _ design: Design, grouped: Bool) {
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.first == "flowchart LR" || lines.first == "flowchart TB")
        #expect(!text.contains("%%"))
        #expect(!text.contains("%"))
        // Mermaid's lexer tries `.*direction\s+(TB|BT|RL|LR)` at the start of every statement.
        #expect(text.range(of: #"direction\s+(TB|BT|RL|LR)"#, options: .regularExpression) == nil)
        var nodes = 0, edges = 0, subgraphs = 0, ends = 0
        var classed: [Substring] = []
        for line in lines.dropFirst() {
            // `class n_a,n_b kind_x`: the kind of each component, for `sysdraft import`.
            if line.hasPrefix("class ") {
                let parts = line.split(separator: " ")
                #expect(parts.count == 3 && parts[2].hasPrefix("kind_") && parts[2].allSatisfy { $0.isLetter || $0 == "_" }, "class: \(line)")
                classed += parts[1].split(separator: ",")
                continue
            }
            let lower = line.lowercased()
            #expect(!lower.hasPrefix("click") && !lower.hasPrefix("call") && !lower.hasPrefix("style")
                    && !lower.hasPrefix("classdef") && !lower.hasPrefix("linkstyle"), "line: \(line)")
            let parts = line.split(separator: "\"", omittingEmptySubsequences: false)
            #expect(parts.count % 2 == 1, "unbalanced quotes: \(line)")
            for (i, p) in parts.enumerated() where i % 2 == 1 {
                #expect(!p.contains(where: { "<>&%|`{}\n".contains($0) }), "raw special in label: \(line)")
            }
            let outside = parts.enumerated().filter { $0.offset % 2 == 0 }.map(\.element).joined()
            if line == "end" { ends += 1; continue }
            if line.hasPrefix("subgraph ") { subgraphs += 1; continue }
            if outside.contains("-->") || outside.contains("-.->") {
                edges += 1
                let tokens = outside.split(separator: " ")
                #expect(tokens.count == 3 && tokens[0].hasPrefix("n_") && tokens[2].hasPrefix("n_"), "edge: \(line)")
                #expect(tokens.allSatisfy { $0.allSatisfy { $0.isASCII } })
            } else {
                nodes += 1
                let id = outside.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
                #expect(id.hasPrefix("n_"), "node: \(line)")
                let brackets = outside.dropFirst(id.count)
                let opens = brackets.filter { "[({".contains($0) }.count
                let closes = brackets.filter { "])}".contains($0) }.count
                #expect(opens == closes || brackets.hasPrefix(">"), "brackets: \(line)")
            }
        }
        #expect(nodes == design.components.count)
        #expect(classed.count == nodes && classed.allSatisfy { $0.hasPrefix("n_") })
        let valid = Set(design.components.map(\.id))
        #expect(edges == design.flows.filter { valid.contains($0.from) && valid.contains($0.to) }.count)
        #expect(subgraphs == ends)
        #expect(subgraphs == (grouped ? Set(design.components.map(\.kind)).count : usedGroups(design)))
    }

    /// Groups holding a component, directly or through nested groups.
    func usedGroups(_ design: Design) -> Int {
        design.groups.filter { !design.components(inGroup: $0.id).isEmpty }.count
    }

    @Test func mermaidIsStructurallySafe() {
        let d = Fixtures.hostileDesign()
        checkMermaid(MermaidExport.render(d), d, grouped: false)
        checkMermaid(MermaidExport.render(d, options: FlowchartOptions(direction: .topToBottom, groupByKind: true)),
                     d, grouped: true)
        checkMermaid(MermaidExport.render(Fixtures.emptyDesign()), Fixtures.emptyDesign(), grouped: false)
    }

    @Test func mermaidShapesArrowsAndIDs() {
        var d = Design(title: "t", now: Fixtures.epoch)
        let db = d.addComponent(name: "Users DB", kind: .database)
        let q = d.addComponent(name: "Jobs", kind: .queue)
        let api = d.addComponent(name: "API \"v2\" <b> & #1 %%{init}%% |x| `y`", kind: .service)
        _ = try! d.addFlow(from: api, to: db, label: "rows", protocol: .sql)
        _ = try! d.addFlow(from: api, to: q, label: "", protocol: .pubsub, mode: .async)
        _ = try! d.addFlow(from: q, to: api, label: "acks", protocol: .other, direction: .twoWay)
        _ = try! d.addFlow(from: q, to: db, protocol: .other, mode: .async, direction: .twoWay)
        let out = MermaidExport.render(d)
        #expect(out == """
            flowchart TB
                n_comp_1[("Users DB")]
                n_comp_2>"Jobs"]
                n_comp_3["API #quot;v2#quot; #lt;b#gt; #amp; #35;1 #37;#37;#123;init#125;#37;#37; #124;x#124; #96;y#96;"]
                n_comp_3 -->|"rows (SQL)"| n_comp_1
                n_comp_3 -.->|"Pub/sub"| n_comp_2
                n_comp_2 <-->|"acks"| n_comp_3
                n_comp_2 <-.-> n_comp_1
                class n_comp_3 kind_service
                class n_comp_1 kind_database
                class n_comp_2 kind_message_queue

            """)
    }

    @Test func directionInALabelCannotBecomeAStatement() {
        var d = Design(title: "t", now: Fixtures.epoch)
        let a = d.addComponent(name: "Router direction LR", kind: .service)
        let b = d.addComponent(name: "x", kind: .service)
        _ = try! d.addFlow(from: a, to: b, label: "change direction\tTB")
        let out = MermaidExport.render(d)
        #expect(out.contains("n_comp_1[\"Router #100;irection LR\"]"))
        #expect(out.contains("|\"change #100;irection TB (HTTP/REST)\"|"))
        checkMermaid(out, d, grouped: false)
        #expect(MermaidExport.label("directional") == "#100;irectional")
        #expect(MermaidExport.label("Direction") == "Direction")
    }

    @Test func diagramIDsAreSanitisedAndUnique() {
        let d = Fixtures.hostileDesign()
        let ids = MermaidExport.render(d).split(separator: "\n").dropFirst()
            .filter { !$0.contains("->") && !$0.trimmingCharacters(in: .whitespaces).hasPrefix("class ") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.hasPrefix("subgraph ") && $0 != "end" }
            .map { $0.trimmingCharacters(in: .whitespaces).prefix { $0.isLetter || $0.isNumber || $0 == "_" } }
        #expect(Set(ids).count == d.components.count)
        #expect(ids.contains("n_comp_x") && ids.contains("n_comp_x_2") && ids.contains("n_comp_x_3"))
    }

    @Test func dotIsAcceptedByGraphviz() throws {
        let d = Fixtures.hostileDesign()
        for options in [FlowchartOptions(), FlowchartOptions(direction: .topToBottom, groupByKind: true)] {
            let dot = DotExport.render(d, options: options)
            let r = try runTool("dot", ["-Tsvg"], input: dot)
            #expect(r.status == 0, "dot failed: \(r.stderr)")
            #expect(!r.stderr.lowercased().contains("error"), "dot: \(r.stderr)")
            #expect(HTML.count("class=\"node\"", in: r.stdout) == d.components.count)
            #expect(HTML.count("class=\"edge\"", in: r.stdout) == d.flows.count)
            #expect(HTML.count("class=\"cluster\"", in: r.stdout)
                    == (options.groupByKind ? Set(d.components.map(\.kind)).count : usedGroups(d)))
            #expect(!r.stdout.lowercased().contains("<script"))
            // Names come through as text, not markup.
            #expect(r.stdout.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        }
        let empty = try runTool("dot", ["-Tsvg"], input: DotExport.render(Fixtures.emptyDesign()))
        #expect(empty.status == 0)
    }

    @Test func dotStringsAreEscaped() {
        #expect(DotExport.quote("a\"b\\N\nc & d") == "\"a\\\"b\\\\N / c &amp; d\"")
        var d = Design(title: "t", now: Fixtures.epoch)
        let a = d.addComponent(name: "A", kind: .database)
        let b = d.addComponent(name: "B", kind: .queue)
        _ = try! d.addFlow(from: a, to: b, label: "x", protocol: .tcp, mode: .async, direction: .twoWay)
        let out = DotExport.render(d)
        #expect(out.contains("n_comp_1 [label=\"A\", shape=cylinder];"))
        #expect(out.contains("n_comp_1 -> n_comp_2 [label=\"x (TCP)\", style=dashed, dir=both];"))
    }

    /// A flow's own protocol name ("Kafka", "RESP") is on its arrow in both exports, with the
    /// list value it stands for when that is not "other"; graphviz draws the DOT.
    @Test func protocolNamesAreShown() throws {
        var d = Design(title: "t", now: Fixtures.epoch)
        let a = d.addComponent(name: "Svc", kind: .service)
        let q = d.addComponent(name: "Events", kind: .queue)
        let c = d.addComponent(name: "Cache", kind: .cache)
        let f1 = try d.addFlow(from: a, to: q, label: "click events", protocol: .pubsub, mode: .async)
        let f2 = try d.addFlow(from: a, to: c, label: "", protocol: .other)
        d.flows[d.flows.firstIndex { $0.id == f1 }!].protocolName = "Kafka"
        d.flows[d.flows.firstIndex { $0.id == f2 }!].protocolName = "RESP"
        let mermaid = MermaidExport.render(d)
        #expect(mermaid.contains("n_comp_1 -.->|\"click events (Kafka, Pub/sub)\"| n_comp_2"))
        #expect(mermaid.contains("n_comp_1 -->|\"(RESP)\"| n_comp_3"))
        let dot = DotExport.render(d)
        #expect(dot.contains("[label=\"click events (Kafka, Pub/sub)\", style=dashed]"))
        #expect(dot.contains("n_comp_1 -> n_comp_3 [label=\"(RESP)\"]"))
        let r = try runTool("dot", ["-Tsvg"], input: dot)
        #expect(r.status == 0, "dot failed: \(r.stderr)")
        #expect(r.stdout.contains("click events (Kafka, Pub/sub)") && r.stdout.contains("(RESP)"))
    }
}

@Suite struct GroupExportTests {
    /// A region holding a network holding one component, and one component outside.
    static func nested() -> Design {
        var d = Design(title: "Groups", now: Fixtures.epoch)
        let region = d.addGroup(name: "us-east-1", kind: .region)
        let vpc = d.addGroup(name: "VPC", kind: .network, parent: region)
        _ = d.addGroup(name: "Empty team", kind: .team)
        let lb = d.addComponent(name: "LB", kind: .loadBalancer)
        let api = d.addComponent(name: "API", kind: .service)
        let user = d.addComponent(name: "User", kind: .client)
        d.components[0].group = region
        d.components[1].group = vpc
        _ = try! d.addFlow(from: user, to: lb, label: "HTTPS")
        _ = try! d.addFlow(from: lb, to: api)
        return d
    }

    @Test func mermaidSubgraphsNest() {
        // The kind classes (`class n_… kind_…`) at the end are another feature's.
        let out = MermaidExport.render(Self.nested()).split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("    class ") }.joined(separator: "\n")
        #expect(out == """
            flowchart TB
                subgraph g_group_1 ["us-east-1 · region"]
                    n_comp_1[/"LB"\\]
                    subgraph g_group_2 ["VPC · network"]
                        n_comp_2["API"]
                    end
                end
                n_comp_3(["User"])
                n_comp_3 -->|"HTTPS (HTTP/REST)"| n_comp_1
                n_comp_1 -->|"HTTP/REST"| n_comp_2

            """)
    }

    @Test func dotClustersNestAndGraphvizDrawsThem() throws {
        let dot = DotExport.render(Self.nested())
        #expect(dot.contains("    subgraph cluster_g_group_1 {\n        label=\"us-east-1 · region\";\n        n_comp_1 "))
        #expect(dot.contains("        subgraph cluster_g_group_2 {\n            label=\"VPC · network\";\n            n_comp_2 "))
        #expect(!dot.contains("Empty team"))
        let r = try runTool("dot", ["-Tsvg"], input: dot)
        #expect(r.status == 0, "dot failed: \(r.stderr)")
        #expect(HTML.count("class=\"cluster\"", in: r.stdout) == 2)
    }

    @Test func theTextDrawingFramesTheGroups() throws {
        let d = Self.nested()
        let diagram = DesignDiagram.layout(d).diagram
        #expect(diagram.groupIDs == ["group-1", "group-2"])
        let region = try #require(diagram.groupRects["group-1"]), vpc = try #require(diagram.groupRects["group-2"])
        #expect(region.insetBy(1).contains(vpc))
        #expect(region.contains(diagram.nodeRects["comp-1"]!) && vpc.contains(diagram.nodeRects["comp-2"]!))
        #expect(!region.intersects(diagram.nodeRects["comp-3"]!))
        #expect(diagram.text().contains("us-east-1 · region") && diagram.text().contains("VPC · network"))
    }

    @Test func viewsShowPartsOfTheDesign() {
        let d = Self.nested()
        let ids = { (s: DiagramSelection) in DesignDiagram.components(d, s).map(\.id.rawValue) }
        #expect(ids(.all) == ["comp-1", "comp-2", "comp-3"])
        #expect(ids(.focus("comp-3", depth: 1)) == ["comp-1", "comp-3"])
        #expect(ids(.focus("comp-3", depth: 2)) == ["comp-1", "comp-2", "comp-3"])
        #expect(ids(.group("group-1")) == ["comp-1", "comp-2"])
        #expect(ids(.group("group-2")) == ["comp-2"])
        #expect(ids(.kinds([.client, .service])) == ["comp-2", "comp-3"])
        #expect(ids(.focus("comp-99", depth: 1)).isEmpty)
        // Only flows between shown components are drawn; only groups holding one are framed.
        let g = DesignDiagram.graph(d, selection: .group("group-2"))
        #expect(g.edges.isEmpty && g.groups.map(\.id) == ["group-1", "group-2"])
        let f = DesignDiagram.graph(d, selection: .focus("comp-3", depth: 1))
        #expect(f.edges.map(\.id) == ["flow-1"])
    }

    @Test func aScenarioPathIsHighlighted() throws {
        let d = Self.nested()
        let diagram = DesignDiagram.layout(d).diagram
        let mask = DesignDiagram.highlight(diagram, components: ["comp-3", "comp-1"], flows: ["flow-1"])
        let user = try #require(diagram.nodeRects["comp-3"]), api = try #require(diagram.nodeRects["comp-2"])
        #expect(mask[user.y * diagram.width + user.x])
        #expect(!mask[api.y * diagram.width + api.x])
        for p in diagram.edgePaths[0] { #expect(mask[p.y * diagram.width + p.x]) }
        for p in diagram.edgePaths[1] { #expect(!mask[p.y * diagram.width + p.x]) }
    }

    @Test func theDirectionIsTheDesigns() {
        var d = Self.nested()
        #expect(MermaidExport.render(d).hasPrefix("flowchart TB"))
        #expect(DotExport.render(d).contains("rankdir=TB"))
        #expect(DesignDiagram.layout(d).diagram.direction == .topToBottom)
        d.diagramDirection = .leftRight
        #expect(MermaidExport.render(d).hasPrefix("flowchart LR"))
        #expect(DotExport.render(d).contains("rankdir=LR"))
        #expect(DesignDiagram.layout(d).diagram.direction == .leftToRight)
        // Asked for explicitly, the other one wins everywhere, the report's text drawing too.
        #expect(MermaidExport.render(d, options: FlowchartOptions(direction: .topToBottom)).hasPrefix("flowchart TB"))
        let report = try! Exporter.export(d, catalogue: StageCatalogue(stages: []), format: .markdown,
                                          options: ExportOptions(diagram: FlowchartOptions(direction: .topToBottom)))
        let tb = DesignDiagram.text(d, direction: .topToBottom)
        #expect(report.contains(tb.split(separator: "\n").prefix(3).joined(separator: "\n")))
    }
}

/// The worked example drawn by the diagram engine, in every form the CLI and the report offer
/// (top-to-bottom Unicode also appears inside Golden/url-shortener.md).
@Suite struct WorkedExampleDrawingTests {
    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func theWorkedExampleDrawing(leftToRight: Bool, ascii: Bool) throws {
        guard let design = try Fixtures.workedExample() else {
            Issue.record("Assets/examples/url-shortener.json is missing")
            return
        }
        let text = DesignDiagram.text(design, direction: leftToRight ? .leftToRight : .topToBottom, ascii: ascii)
        expectGolden(text, "url-shortener-drawing-\(leftToRight ? "lr" : "tb")\(ascii ? "-ascii" : "").txt")
        let allASCII = text.unicodeScalars.allSatisfy { $0.isASCII }
        if ascii { #expect(allASCII) }
    }

    /// At 120 columns every flow's label is drawn whole beside its arrow (no references).
    @Test func at120ColumnsEveryLabelIsWhole() throws {
        let design = try #require(try Fixtures.workedExample())
        let fitted = DesignDiagram.layout(design, width: 120)
        let d = fitted.diagram
        #expect(fitted.fits && d.width <= 120)
        #expect(d.legend.isEmpty)
        for (i, flow) in design.flows.enumerated() {
            #expect(d.labelPlacements[i] == (flow.label.isEmpty ? .none : .full), "flow \(flow.id)")
            guard let r = d.edgeLabelRects[i] else { continue }
            var shown: [String] = []
            for y in r.y..<r.maxY {
                var line = ""
                for x in r.x..<r.maxX { if let c = d.cell(x: x, y: y) { line.append(c) } }
                shown.append(line.trimmingCharacters(in: .whitespaces))
            }
            #expect(shown.joined(separator: " ") == flow.label, "flow \(flow.id) shows \(shown)")
        }
        for y in 0..<d.height { #expect(DisplayWidth.of(d.line(y)) <= 120) }
        expectGolden(d.text(), "url-shortener-drawing-120.txt")
    }

    /// At 80 columns the drawing fits, labels whole or numbered with their legend lines whole.
    @Test func at80ColumnsItFits() throws {
        let design = try #require(try Fixtures.workedExample())
        let fitted = DesignDiagram.layout(design, width: 80)
        let d = fitted.diagram
        #expect(fitted.fits && d.width <= 80)
        for y in 0..<d.height { #expect(DisplayWidth.of(d.line(y)) <= 80, "line \(y): \(d.line(y))") }
        let legendText = (d.drawingHeight..<d.height).map { d.line($0).trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        for (i, flow) in design.flows.enumerated() where !flow.label.isEmpty {
            switch d.labelPlacements[i] {
            case .full: break
            case .reference(let n):
                #expect(legendText.contains("(\(n)) ") && legendText.contains(flow.label), "legend for \(flow.id)")
            case .none: Issue.record("flow \(flow.id) has no label shown")
            }
        }
        expectGolden(d.text(), "url-shortener-drawing-80.txt")
    }
}
