import DesignExport
import DesignModel
import Foundation
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
        for line in lines.dropFirst() {
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
        let valid = Set(design.components.map(\.id))
        #expect(edges == design.flows.filter { valid.contains($0.from) && valid.contains($0.to) }.count)
        #expect(subgraphs == ends)
        #expect(subgraphs == (grouped ? Set(design.components.map(\.kind)).count : 0))
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
            flowchart LR
                n_comp_1[("Users DB")]
                n_comp_2>"Jobs"]
                n_comp_3["API #quot;v2#quot; #lt;b#gt; #amp; #35;1 #37;#37;#123;init#125;#37;#37; #124;x#124; #96;y#96;"]
                n_comp_3 -->|"rows (SQL)"| n_comp_1
                n_comp_3 -.->|"Pub/sub"| n_comp_2
                n_comp_2 <-->|"acks"| n_comp_3
                n_comp_2 <-.-> n_comp_1

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
            .filter { !$0.contains("->") }
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
                    == (options.groupByKind ? Set(d.components.map(\.kind)).count : 0))
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
}
