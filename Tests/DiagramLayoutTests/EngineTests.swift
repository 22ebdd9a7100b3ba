import TerminalText
import Testing
@testable import DiagramLayout

@Suite struct DisplayWidthTests {
    @Test func widths() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("用户") == 4)
        #expect(DisplayWidth.of("データ") == 6)
        #expect(DisplayWidth.of("👤") == 2)
        #expect(DisplayWidth.of("👨‍👩‍👧") == 2)          // ZWJ sequence is one cluster
        #expect(DisplayWidth.of("🇫🇷") == 2)              // flag
        #expect(DisplayWidth.of("e\u{301}") == 1)        // combining acute
        #expect(DisplayWidth.of("\u{301}") == 0)
        #expect(DisplayWidth.of("\u{200D}") == 0)
        #expect(DisplayWidth.of("\u{FE0F}") == 0)
        #expect(DisplayWidth.of("❤\u{FE0F}") == 2)       // emoji presentation selector
        #expect(DisplayWidth.of("Ａ") == 2)               // fullwidth Latin
        #expect(DisplayWidth.of("한국") == 4)
    }

    @Test func sanitizeNeverLetsControlsThrough() {
        #expect(LabelText.sanitize("a\u{1B}[2Jb") == "a^[[2Jb")
        #expect(LabelText.sanitize("x\u{7F}") == "x^?")
        // The same visible forms as everywhere else in the UI (TerminalText.Sanitize).
        #expect(LabelText.sanitize("x\u{9B}y") == "x\\u{9b}y")
        #expect(LabelText.sanitize("l\u{202E}r\u{2066}") == "l\\u{202e}r\\u{2066}")
        #expect(LabelText.sanitize("a\tb\nc") == "a b c")
        #expect(LabelText.sanitize("\u{301}x") == "\u{25CC}\u{301}x")
        #expect(LabelText.sanitize("a\u{200B}b") == "a\\u{200b}b", "zero-width characters are shown, as everywhere (issue 10)")
        #expect(LabelText.sanitize("plain") == "plain")
    }

    @Test func truncateAndWrapByDisplayWidth() {
        #expect(LabelText.truncate("abcdef", width: 4) == "abc…")
        #expect(LabelText.truncate("用户用户", width: 5) == "用户…")
        #expect(DisplayWidth.of(LabelText.truncate("用户用户", width: 4)) <= 4)
        #expect(LabelText.wrap("one two three", width: 7, maxLines: 3) == ["one two", "three"])
        #expect(LabelText.wrap("abcdefghij", width: 4, maxLines: 5) == ["abcd", "efgh", "ij"])
        let cut = LabelText.wrap("one two three four five", width: 7, maxLines: 2)
        #expect(cut.count == 2 && cut[1].hasSuffix("…") && cut.allSatisfy { DisplayWidth.of($0) <= 7 })
        for line in LabelText.wrap("データベース サーバー 用户", width: 5, maxLines: 9) { #expect(DisplayWidth.of(line) <= 5) }
    }
}

@Suite struct EngineTests {
    @Test func wideGlyphsOwnTheirNextCell() {
        let d = DiagramLayout.layout(Samples.wide)
        var sawContinuation = false
        for y in 0..<d.height {
            for x in 0..<d.width where d.role(x: x, y: y) == .continuation {
                sawContinuation = true
                #expect(x > 0)
                #expect(DisplayWidth.of(d.cells[y * d.width + x - 1]) == 2)
            }
            // Every line is exactly as wide as its cells (no drift from wide glyphs).
            #expect(DisplayWidth.of(d.line(y)) <= d.width)
        }
        #expect(sawContinuation)
        #expect(d.text().contains("用户 👤"))
    }

    @Test func tagsAndRoles() {
        let d = DiagramLayout.layout(Samples.two)
        let text = d.text()
        #expect(text.contains("[DB] Orders"))
        #expect(d.roles.contains(.tag))
        #expect(d.roles.contains(.arrowhead))
        #expect(d.roles.contains(.label))
        let r = d.nodeRects["db"]!
        #expect(d.role(x: r.x, y: r.y) == .boxBorder)
    }

    @Test func asciiUsesOnlyAscii() {
        let o = DiagramOptions(ascii: true)
        for g in [Samples.urlShortener, Samples.parallel, Samples.selfLoop, Samples.cycle] {
            let d = DiagramLayout.layout(g, o)
            #expect(d.text().unicodeScalars.allSatisfy { $0.isASCII }, "\(d.text())")
        }
    }

    @Test func dashedAndTwoWay() {
        let g = DiagramGraph(nodes: [.init(id: "a", label: "A"), .init(id: "b", label: "B")],
                             edges: [.init(from: "a", to: "b", dashed: true, bothEnds: true)])
        let d = DiagramLayout.layout(g)
        let p = d.edgePaths[0]
        #expect(d.cell(x: p.first!.x, y: p.first!.y) == "▲")
        #expect(d.cell(x: p.last!.x, y: p.last!.y) == "▼")
        #expect(d.text().contains("┆"))
        let a = DiagramLayout.layout(g, DiagramOptions(direction: .leftToRight, ascii: true))
        #expect(a.text().contains("<") && a.text().contains(">") && a.text().contains("."))
    }

    @Test func reversedEdgesPointTheRightWay() {
        // C -> A closes the cycle and is drawn against the flow; its arrowhead must touch A.
        let d = DiagramLayout.layout(Samples.cycle)
        let p = d.edgePaths[2]
        let a = d.nodeRects["A"]!
        #expect(Invariants.headingInto(p.last!, a) != nil)
        #expect(Invariants.headingInto(p.first!, d.nodeRects["C"]!) != nil)
        #expect(d.cell(x: p.last!.x, y: p.last!.y) == "▲")
    }

    @Test func unknownEndpointsGetBoxesAndDuplicatesAreIgnored() {
        let g = DiagramGraph(nodes: [.init(id: "a", label: "A"), .init(id: "a", label: "dup")],
                             edges: [.init(from: "a", to: "ghost")])
        let d = DiagramLayout.layout(g)
        #expect(d.nodeIDs == ["a", "ghost"])
        #expect(d.text().contains("ghost") && !d.text().contains("dup"))
        #expect(Invariants.check(g, d, options: DiagramOptions()).isEmpty)
    }

    @Test func emptyGraph() {
        let d = DiagramLayout.layout(DiagramGraph())
        #expect(d.width == 0 && d.height == 0 && d.text() == "")
    }

    @Test func disconnectedParts() {
        let g = Samples.g([("a", nil), ("b", nil), ("c", nil), ("d", nil), ("lonely", nil)], [("a", "b"), ("c", "d")])
        let d = DiagramLayout.layout(g)
        #expect(Invariants.check(g, d, options: DiagramOptions()).isEmpty)
        #expect(d.nodeRects.count == 5)
    }

    @Test func highlightCoversNodeAndItsEdges() {
        let d = DiagramLayout.layout(Samples.two)
        let mask = d.highlightMask(node: "db")
        let r = d.nodeRects["db"]!
        #expect(mask[r.y * d.width + r.x])
        for p in d.edgePaths[0] { #expect(mask[p.y * d.width + p.x]) }
        let api = d.nodeRects["api"]!
        #expect(!mask[(api.y + 1) * d.width + api.x + 1])
        #expect(!d.highlightMask(node: "nope").contains(true))
    }

    /// The checker itself must catch damage, or the property tests prove nothing.
    @Test func invariantCheckerDetectsDamage() {
        let g = Samples.urlShortener
        let o = DiagramOptions()
        let d = DiagramLayout.layout(g, o)
        #expect(Invariants.check(g, d, options: o).isEmpty)
        func damaged(_ edit: (inout [Character], inout [DiagramCellRole]) -> Void) -> Diagram {
            var cells = Array(d.cells), roles = d.roles
            edit(&cells, &roles)
            return Diagram(width: d.width, height: d.height, cells: cells, roles: roles, nodeIDs: d.nodeIDs,
                           nodeRects: d.nodeRects, edgePaths: d.edgePaths, edgeEnds: d.edgeEnds,
                           edgeLabelRects: d.edgeLabelRects, legend: d.legend, crossings: d.crossings,
                           labelPlacements: d.labelPlacements, edgeLabelLines: d.edgeLabelLines, edgeIDs: d.edgeIDs,
                           edgeDashed: d.edgeDashed, edgeBothEnds: d.edgeBothEnds, nodeLines: d.nodeLines,
                           nodeTagColumns: d.nodeTagColumns, groupIDs: d.groupIDs, groupRects: d.groupRects,
                           groupTitles: d.groupTitles, nodeGroups: d.nodeGroups, direction: d.direction,
                           drawingHeight: d.drawingHeight)
        }
        let mid = d.edgePaths[3][d.edgePaths[3].count / 2]
        let gap = damaged { c, r in c[mid.y * d.width + mid.x] = " "; r[mid.y * d.width + mid.x] = .empty }
        #expect(!Invariants.check(g, gap, options: o).isEmpty)
        let last = d.edgePaths[0].last!
        let noArrow = damaged { c, r in c[last.y * d.width + last.x] = "│"; r[last.y * d.width + last.x] = .edge }
        #expect(!Invariants.check(g, noArrow, options: o).isEmpty)
        let box = d.nodeRects["db"]!
        let overwritten = damaged { c, r in c[box.y * d.width + box.x + 1] = "x"; r[box.y * d.width + box.x + 1] = .label }
        #expect(!Invariants.check(g, overwritten, options: o).isEmpty)
        let escape = damaged { c, _ in c[0] = "\u{1B}" }
        #expect(!Invariants.check(g, escape, options: o).isEmpty)
    }
}

@Suite struct StressTests {
    /// A 10,000-node chain (and the same chain closed into one big cycle) lays out without
    /// recursion overflowing the stack, and every edge is drawn.
    @Test(arguments: [false, true])
    func longChain(closed: Bool) {
        let n = 10_000
        var edges = (0..<(n - 1)).map { DiagramGraph.Edge(from: "n\($0)", to: "n\($0 + 1)") }
        if closed { edges.append(.init(from: "n\(n - 1)", to: "n0")) }
        let g = DiagramGraph(nodes: (0..<n).map { .init(id: "n\($0)", label: "node \($0)") }, edges: edges)
        let d = DiagramLayout.layout(g)
        #expect(d.nodeRects.count == n)
        #expect(d.edgePaths.count == edges.count)
        #expect(d.edgePaths.allSatisfy { !$0.isEmpty })
        let problems = Invariants.check(g, d, options: DiagramOptions(), checkOverlapsPairwise: false)
        #expect(problems.isEmpty, "\(problems)")
    }
}

@Suite struct DenseGraphTests {
    /// Crowded graphs push the router into its fallbacks; every guarantee must still hold.
    @Test func completeGraphAndBigFanIn() {
        var k: [DiagramGraph.Edge] = []
        for a in 0..<9 { for b in 0..<9 where a != b { k.append(.init(from: "k\(a)", to: "k\(b)", label: a == 0 ? "x" : nil)) } }
        let star = (0..<60).map { DiagramGraph.Edge(from: "leaf\($0)", to: "hub", dashed: $0 % 3 == 0) }
        for (g, o) in [(DiagramGraph(edges: k), DiagramOptions()), (DiagramGraph(edges: k), DiagramOptions(direction: .leftToRight)),
                       (DiagramGraph(edges: star), DiagramOptions()), (DiagramGraph(edges: star), DiagramOptions(direction: .leftToRight, ascii: true))] {
            let d = DiagramLayout.layout(g, o)
            let problems = Invariants.check(g, d, options: o, checkOverlapsPairwise: false)
            #expect(problems.isEmpty, "\(problems)")
        }
    }
}
