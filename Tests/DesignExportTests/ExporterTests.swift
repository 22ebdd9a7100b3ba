import DesignExport
import DesignModel
import Foundation
import Testing

@Suite struct ExporterTests {
    @Test func formatComesFromTheFlagThenTheExtension() throws {
        #expect(try Exporter.resolveFormat(explicit: nil, outputPath: nil) == .markdown)
        #expect(try Exporter.resolveFormat(explicit: nil, outputPath: "-") == .markdown)
        #expect(try Exporter.resolveFormat(explicit: nil, outputPath: "out/report.MD") == .markdown)
        #expect(try Exporter.resolveFormat(explicit: nil, outputPath: "a.markdown") == .markdown)
        #expect(try Exporter.resolveFormat(explicit: nil, outputPath: "a.mmd") == .mermaid)
        #expect(try Exporter.resolveFormat(explicit: nil, outputPath: "a.mermaid") == .mermaid)
        #expect(try Exporter.resolveFormat(explicit: nil, outputPath: "a.dot") == .dot)
        #expect(try Exporter.resolveFormat(explicit: nil, outputPath: "a.gv") == .dot)
        #expect(try Exporter.resolveFormat(explicit: nil, outputPath: "dir.v2/a.json") == .json)
        #expect(try Exporter.resolveFormat(explicit: .dot, outputPath: "a.json") == .dot)
        #expect(throws: ExportError.self) { try Exporter.resolveFormat(explicit: nil, outputPath: "a.txt") }
        #expect(throws: ExportError.self) { try Exporter.resolveFormat(explicit: nil, outputPath: "dir.md/README") }
        #expect(throws: ExportError.self) { try Exporter.resolveFormat(explicit: nil, outputPath: ".md") }
    }

    @Test func everyFormatIsPureAndDeterministic() throws {
        let d = Fixtures.hostileDesign()
        for f in ExportFormat.allCases {
            let a = try Exporter.export(d, catalogue: Fixtures.catalogue(), format: f)
            let b = try Exporter.export(d, catalogue: Fixtures.catalogue(), format: f)
            #expect(a == b)
            #expect(a.hasSuffix("\n") && !a.hasSuffix("\n\n"))
        }
        let json = try Exporter.export(d, catalogue: Fixtures.catalogue(), format: .json)
        #expect(try DesignCodec.decode(Data(json.utf8)) == d)
    }

    @Test func textDiagramOptionReachesTheReport() throws {
        let d = Fixtures.hostileDesign()
        let md = try Exporter.export(d, catalogue: Fixtures.catalogue(), format: .markdown,
                                     options: ExportOptions(textDiagram: "[a] --> [b]"))
        #expect(md.contains("```text\n[a] --> [b]\n```\n"))
    }
}

@Suite struct GoldenTests {
    @Test(arguments: ExportFormat.allCases)
    func hostileFixture(_ format: ExportFormat) throws {
        let out = try Exporter.export(Fixtures.hostileDesign(), catalogue: Fixtures.catalogue(), format: format)
        expectGolden(out, "hostile.\(format.fileExtension)")
    }

    // The worked example and the catalogue ship with the repository: missing files fail.
    @Test(arguments: ExportFormat.allCases)
    func workedExample(_ format: ExportFormat) throws {
        let design = try #require(try Fixtures.workedExample())
        let catalogue = try #require(try Fixtures.shippedCatalogue())
        let out = try Exporter.export(design, catalogue: catalogue, format: format)
        expectGolden(out, "url-shortener.\(format.fileExtension)")
    }

    @Test func workedExampleThroughRenderers() throws {
        let design = try #require(try Fixtures.workedExample())
        let catalogue = try #require(try Fixtures.shippedCatalogue())
        try checkReportStructure(design, catalogue)
        let r = try runTool("dot", ["-Tsvg"], input: DotExport.render(design))
        #expect(r.status == 0, "dot failed: \(r.stderr)")
        #expect(HTML.count("class=\"node\"", in: r.stdout) == design.components.count)
    }
}
