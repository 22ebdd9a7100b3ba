import DesignExport
import DesignModel
import DiagramLayout
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// The SVG export: drawn by a real renderer (rsvg-convert, from librsvg2-bin) without errors,
/// and read back with an XML parser to check that boxes, edges, arrowheads and frames are where
/// the layout puts them.
@Suite struct SVGExportTests {
    /// What the parser found.
    final class Elements: NSObject, XMLParserDelegate {
        var boxes: [String: [String: String]] = [:]
        var groups: [String: [String: String]] = [:]
        var edges: [Int: [String: String]] = [:]
        var arrowheads: [Int: Int] = [:]
        var texts: [String] = []
        var svg: [String: String] = [:]
        private var inText = false
        private var current = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            switch (name, attributes["class"]) {
            case ("svg", _): svg = attributes
            case ("rect", "box"): boxes[attributes["data-id"] ?? "?"] = attributes
            case ("rect", "group"): groups[attributes["data-id"] ?? "?"] = attributes
            case ("path", "edge"): edges[Int(attributes["data-edge"] ?? "") ?? -1] = attributes
            case ("polygon", "arrowhead"): arrowheads[Int(attributes["data-edge"] ?? "") ?? -1, default: 0] += 1
            case ("text", _): inText = true; current = ""
            default: break
            }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { current += string } }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "text" { texts.append(current); inText = false }
        }
    }

    static func parse(_ svg: String) throws -> Elements {
        let e = Elements()
        let p = XMLParser(data: Data(svg.utf8))
        p.delegate = e
        #expect(p.parse(), "not well-formed XML: \(String(describing: p.parserError))")
        return e
    }

    func number(_ s: String?) -> Double { Double(s ?? "") ?? .nan }

    /// Points of an SVG path `M x y L x y …`.
    func points(_ d: String) -> [(Double, Double)] {
        let nums = d.split(whereSeparator: { $0 == " " || $0 == "M" || $0 == "L" }).compactMap { Double($0) }
        return stride(from: 0, to: nums.count - 1, by: 2).map { (nums[$0], nums[$0 + 1]) }
    }

    func check(_ design: Design, style: DiagramSVGStyle = .print, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let svg = DesignSVG.render(design, options: {
            var o = ExportOptions()
            o.svgStyle = style
            return o
        }())
        // A real renderer draws it without complaint.
        let png = FileManager.default.temporaryDirectory.appendingPathComponent("sysdraft-svg-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: png) }
        let r = try runTool("rsvg-convert", ["-f", "png", "-o", png.path], input: svg)
        #expect(r.status == 0, "rsvg-convert failed: \(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.isEmpty, "rsvg-convert: \(r.stderr)", sourceLocation: sourceLocation)
        let size = (try? FileManager.default.attributesOfItem(atPath: png.path)[.size] as? Int) ?? 0
        #expect(size > 100, "no image written", sourceLocation: sourceLocation)

        // Read back: everything where the layout says.
        let layout = DesignDiagram.layout(design).diagram
        let e = try Self.parse(svg)
        let cw = Double(style.cellWidth), ch = Double(style.cellHeight)
        #expect(number(e.svg["width"]) == Double(layout.width) * cw, sourceLocation: sourceLocation)
        #expect(number(e.svg["height"]) == Double(layout.height) * ch, sourceLocation: sourceLocation)
        #expect(e.boxes.count == layout.nodeIDs.count, sourceLocation: sourceLocation)
        for id in layout.nodeIDs {
            let r = try #require(layout.nodeRects[id]), b = try #require(e.boxes[id], "no box for \(id)")
            #expect(number(b["x"]) == (Double(r.x) + 0.5) * cw && number(b["y"]) == (Double(r.y) + 0.5) * ch,
                    "box \(id) at \(b)", sourceLocation: sourceLocation)
            #expect(number(b["width"]) == Double(r.width - 1) * cw && number(b["height"]) == Double(r.height - 1) * ch,
                    "box \(id) size \(b)", sourceLocation: sourceLocation)
        }
        #expect(e.edges.count == layout.edgePaths.count, sourceLocation: sourceLocation)
        for i in 0..<layout.edgePaths.count {
            let path = try #require(e.edges[i], "no path for edge \(i)")
            let pts = points(path["d"] ?? "")
            // Every cell of the route lies on the polyline, in order, and it ends on the boxes.
            let cells = layout.edgePaths[i].map { ((Double($0.x) + 0.5) * cw, (Double($0.y) + 0.5) * ch) }
            var seg = 0
            for c in cells {
                func on(_ k: Int) -> Bool {
                    let a = pts[k], b = pts[k + 1]
                    return (min(a.0, b.0) - 0.01...max(a.0, b.0) + 0.01).contains(c.0)
                        && (min(a.1, b.1) - 0.01...max(a.1, b.1) + 0.01).contains(c.1)
                        && (abs(a.0 - b.0) < 0.01 || abs(a.1 - b.1) < 0.01)
                }
                while seg < pts.count - 1 && !on(seg) { seg += 1 }
                #expect(seg < pts.count - 1, "edge \(i): cell \(c) is off the route \(pts)", sourceLocation: sourceLocation)
                if seg >= pts.count - 1 { break }
            }
            let ends = layout.edgeEnds[i]
            let from = try #require(layout.nodeRects[layout.nodeIDs[ends.from]]), to = try #require(layout.nodeRects[layout.nodeIDs[ends.to]])
            func onBorder(_ p: (Double, Double), _ r: DiagramRect) -> Bool {
                let x0 = (Double(r.x) + 0.5) * cw, x1 = (Double(r.maxX) - 0.5) * cw
                let y0 = (Double(r.y) + 0.5) * ch, y1 = (Double(r.maxY) - 0.5) * ch
                let inX = p.0 >= x0 - 0.01 && p.0 <= x1 + 0.01, inY = p.1 >= y0 - 0.01 && p.1 <= y1 + 0.01
                return (inX && (abs(p.1 - y0) < 0.01 || abs(p.1 - y1) < 0.01)) || (inY && (abs(p.0 - x0) < 0.01 || abs(p.0 - x1) < 0.01))
            }
            #expect(onBorder(pts.first!, from) && onBorder(pts.last!, to), "edge \(i) does not run box to box", sourceLocation: sourceLocation)
            #expect(e.arrowheads[i] == (layout.edgeBothEnds[i] ? 2 : 1), "edge \(i) arrowheads", sourceLocation: sourceLocation)
            #expect((path["stroke-dasharray"] != nil) == layout.edgeDashed[i], "edge \(i) dashes", sourceLocation: sourceLocation)
        }
        #expect(Set(e.groups.keys) == Set(layout.groupIDs), sourceLocation: sourceLocation)
        for id in layout.groupIDs {
            let r = try #require(layout.groupRects[id]), g = try #require(e.groups[id])
            #expect(number(g["x"]) == (Double(r.x) + 0.5) * cw && number(g["width"]) == Double(r.width - 1) * cw,
                    sourceLocation: sourceLocation)
        }
        // Text is text: nothing raw that a browser would run or a terminal would act on.
        #expect(!svg.lowercased().contains("<script"), sourceLocation: sourceLocation)
        #expect(!svg.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value) },
                sourceLocation: sourceLocation)
    }

    @Test func theWorkedExample() throws {
        let design = try #require(try Fixtures.workedExample())
        try check(design)
        var lr = design
        lr.diagramDirection = .leftRight
        try check(lr, style: DiagramSVGStyle(background: "#0d1117", boxFill: "#0d1117", boxStroke: "#79c0ff", text: "#e6edf3",
                                             cellWidth: 10, cellHeight: 20, fontSize: 15))
    }

    @Test func hostileTextAndGroups() throws {
        let design = Fixtures.hostileDesign()
        try check(design)
        let svg = DesignSVG.render(design)
        let e = try Self.parse(svg)
        // The hostile names come through as their text (escaped in the file, whole when read).
        #expect(e.texts.contains { $0.contains("<script>alert(1)</script>") || $0.contains("<script>") })
        #expect(svg.contains("&lt;script&gt;"))
    }

    @Test func groupsAndAnEmptyDesign() throws {
        try check(GroupExportTests.nested())
        let empty = DesignSVG.render(Fixtures.emptyDesign())
        let png = FileManager.default.temporaryDirectory.appendingPathComponent("sysdraft-svg-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: png) }
        let r = try runTool("rsvg-convert", ["-f", "png", "-o", png.path], input: empty)
        #expect(r.status == 0, "rsvg-convert: \(r.stderr)")
    }

    @Test func exportFormatFromTheName() throws {
        #expect(try Exporter.resolveFormat(explicit: nil, outputPath: "arch.svg") == .svg)
        #expect(ExportFormat.svg.fileExtension == "svg")
    }
}

