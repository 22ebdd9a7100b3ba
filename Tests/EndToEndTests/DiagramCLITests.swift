import Foundation
import Testing

@Suite struct DiagramCLITests {
    @Test func drawsTheWorkedExample() throws {
        let r = try sysdraft("diagram", Repo.example)
        #expect(r.status == 0, "\(r.stderr)")
        for tag in ["[User]", "[CDN]", "[LB]", "[GW]", "[Cache]", "[Q]", "[Wkr]"] {
            #expect(r.stdout.contains(tag), "box tagged \(tag)")
        }
        #expect(r.stdout.components(separatedBy: "[DB]").count - 1 == 2, "two databases")
        #expect(r.stdout.contains("▼") || r.stdout.contains("▶"), "arrowheads")
        #expect(r.stdout.contains("┄") || r.stdout.contains("┆"), "async flows are dashed")
    }

    @Test func asciiOutputIsPlainASCII() throws {
        let r = try sysdraft("diagram", "--ascii", "--direction", "lr", Repo.example)
        #expect(r.status == 0)
        // The example's names are ASCII, so with --ascii every character drawn is too.
        let allASCII = r.stdout.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(allASCII)
        #expect(r.stdout.contains("+--"))
    }

    @Test func anEmptyDesignDrawsNothingAndIsNotAnError() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        try sysdraft("new", dir.file("e.json"))
        let r = try sysdraft("diagram", dir.file("e.json"))
        #expect(r.status == 0 && r.stdout.isEmpty && r.stderr.contains("no components yet"))
    }

    @Test func directionIsSpelledEitherWayInBothCommands() throws {
        let lower = try sysdraft("diagram", "--direction", "lr", Repo.example)
        let upper = try sysdraft("diagram", "--direction", "LR", Repo.example)
        #expect(lower.status == 0 && lower.stdout == upper.stdout)
        let tb = try sysdraft("export", "--format", "mermaid", "--direction", "tb", Repo.example)
        let TB = try sysdraft("export", "--format", "mermaid", "--direction", "TB", Repo.example)
        #expect(tb.status == 0 && tb.stdout == TB.stdout && tb.stdout.contains("flowchart TB"))
        #expect(try sysdraft("diagram", "--direction", "sideways", Repo.example).status == 64)
    }

    @Test func widthLimitIsTriedAndReported() throws {
        let fits = try sysdraft("diagram", "--width", "400", Repo.example)
        #expect(fits.status == 0)
        #expect(fits.stderr.isEmpty)
        #expect(fits.stdout.split(separator: "\n").allSatisfy { $0.count <= 400 })
        let tight = try sysdraft("diagram", "--width", "20", Repo.example)
        #expect(tight.status == 0)
        #expect(tight.stderr.contains("columns wide"))
        #expect(try sysdraft("diagram", "--width", "5", Repo.example).status == 64)
    }
}

@Suite struct DiagramViewsCLITests {
    /// The worked example with two groups and its direction set to left-right.
    static func groupedExample(_ dir: TempDir) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: Repo.example))
        var json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        json["groups"] = [["id": "group-1", "name": "AWS us-east-1", "kind": "region"],
                          ["id": "group-2", "name": "Redirect path", "kind": "team", "parent": "group-1"]]
        var components = try #require(json["components"] as? [[String: Any]])
        for i in components.indices {
            let id = components[i]["id"] as? String ?? ""
            if ["comp-4", "comp-5", "comp-6", "comp-8", "comp-10"].contains(id) { components[i]["group"] = "group-1" }
            if ["comp-7", "comp-9"].contains(id) { components[i]["group"] = "group-2" }
        }
        json["components"] = components
        let path = dir.file("grouped.json")
        try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys, .prettyPrinted]).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func focusGroupAndKindsDrawParts() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let file = try Self.groupedExample(dir)
        let focus = try sysdraft("diagram", "--focus", "comp-9", "--width", "200", file)
        #expect(focus.status == 0, "\(focus.stderr)")
        #expect(focus.stdout.contains("Link cache") && focus.stdout.contains("Redirect") && !focus.stdout.contains("Analytics"))
        let wider = try sysdraft("diagram", "--focus", "Link cache", "--depth", "2", "--width", "200", file)
        #expect(wider.status == 0 && wider.stdout.contains("Load balancer") && wider.stdout.contains("Click event"))
        let group = try sysdraft("diagram", "--group", "Redirect path", "--width", "200", file)
        #expect(group.status == 0 && group.stdout.contains("Redirect path · team") && !group.stdout.contains("Shorten"))
        let kinds = try sysdraft("diagram", "--kinds", "database,cache", "--width", "200", file)
        #expect(kinds.status == 0 && kinds.stdout.contains("Link store") && !kinds.stdout.contains("[LB]"))
        #expect(try sysdraft("diagram", "--focus", "nope", file).status == 64)
        #expect(try sysdraft("diagram", "--kinds", "teapot", file).stderr.contains("unknown kind"))
        #expect(try sysdraft("diagram", "--group", "group-1", "--kinds", "cache", file).status == 64)
    }

    @Test func framesInTextAndClustersInExports() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let file = try Self.groupedExample(dir)
        let text = try sysdraft("diagram", "--width", "300", file)
        #expect(text.status == 0 && text.stdout.contains("AWS us-east-1 · region") && text.stdout.contains("╔"))
        let mermaid = try sysdraft("export", "--format", "mermaid", file)
        #expect(mermaid.stdout.contains("subgraph g_group_1 [\"AWS us-east-1 · region\"]"))
        let dot = try sysdraft("export", "--format", "dot", file)
        #expect(dot.stdout.contains("subgraph cluster_g_group_2 {"))
        #expect(try sysdraft("validate", file).status == 0)
    }

    @Test func svgExportIsDrawnByRsvg() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let file = try Self.groupedExample(dir)
        let out = dir.file("arch.svg")
        let r = try sysdraft("export", file, "-o", out)
        #expect(r.status == 0, "\(r.stderr)")
        let svg = try String(contentsOfFile: out, encoding: .utf8)
        #expect(svg.hasPrefix("<?xml") && svg.contains("<svg") && svg.contains("class=\"group\""))
        let png = dir.file("arch.png")
        let rsvg = try run("/usr/bin/env", ["rsvg-convert", "-f", "png", "-o", png, out])
        #expect(rsvg.status == 0, "rsvg-convert: \(rsvg.stderr)")
        let themed = try sysdraft("export", "--format", "svg", "--theme", "nord", file)
        #expect(themed.status == 0 && themed.stdout.contains("<svg"))
        #expect(themed.stdout != svg, "a theme's colours differ from the print style")
        #expect(try sysdraft("export", "--format", "mermaid", "--theme", "nord", file).status == 64)
    }

    @Test func oneDefaultDirectionEverywhere() throws {
        let tb = try sysdraft("export", "--format", "mermaid", Repo.example)
        #expect(tb.stdout.hasPrefix("flowchart TB"), "the design's direction: top-down")
        let dir = try TempDir()
        defer { dir.cleanup() }
        let data = try Data(contentsOf: URL(fileURLWithPath: Repo.example))
        var json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        json["diagramDirection"] = "left-right"
        let file = dir.file("lr.json")
        try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys, .prettyPrinted]).write(to: URL(fileURLWithPath: file))
        #expect(try sysdraft("export", "--format", "mermaid", file).stdout.hasPrefix("flowchart LR"))
        #expect(try sysdraft("export", "--format", "dot", file).stdout.contains("rankdir=LR"))
        let drawing = try sysdraft("diagram", "--width", "400", file)
        let forced = try sysdraft("diagram", "--width", "400", "--direction", "lr", file)
        #expect(drawing.stdout == forced.stdout, "the drawing runs left to right too")
        // The report's text drawing follows --direction.
        let report = try sysdraft("export", "--direction", "tb", file)
        let tbDrawing = try sysdraft("diagram", "--width", "400", "--direction", "tb", file)
        let firstLines = tbDrawing.stdout.split(separator: "\n").prefix(4).joined(separator: "\n")
        #expect(report.stdout.contains(firstLines))
    }
}
