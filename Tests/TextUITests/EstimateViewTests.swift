import DesignModel
import DesignStorage
import Estimates
import Foundation
import Testing
@testable import TextUI
@testable import Workspace

/// The Estimates list, its form with the live preview, the load on flows and components, and
/// the reference card, as drawn.
@Suite struct EstimateViewTests {
    static let assets: EstimateAssets = {
        let locator = AssetLocator(root: viewPackageRoot)
        return EstimateAssets(templates: try! locator.estimateTemplates(), referenceCard: try! locator.referenceCard())
    }()

    func state(_ design: Design, _ columns: Int, _ rows: Int) -> AppState {
        var s = viewState(design, columns, rows)
        s.estimateAssets = Self.assets
        viewSend(&s, .char(Character(String(Pane.estimates.number))))
        return s
    }

    @Test("the worked example's estimates: name, value in a readable unit, expression", arguments: [(80, 24), (120, 40)])
    func exampleList(columns: Int, rows: Int) throws {
        let s = state(viewExample, columns, rows)
        let grid = viewRender(s)
        expectSaneGrid(grid, "estimates \(columns)×\(rows)")
        #expect(viewBrokenBorders(s, grid).isEmpty)
        let screen = grid.lines().joined(separator: "\n")
        // Every row shown carries the value the sheet computes, printed for screens.
        let sheet = viewExample.estimateSheet()
        let first = viewExample.estimates[0]
        #expect(screen.contains(first.name))
        #expect(screen.contains(sheet.displayText(at: 0)))
        #expect(screen.contains("Estimates (\(viewExample.estimates.count))"))
        #expect(screen.contains("A template") && screen.contains("R reference"), "the list's own keys are hinted")
        expectViewGolden("estimates-\(columns)x\(rows)", grid.lines())
    }

    @Test("a row with an error shows its message; rows that use it are marked", arguments: [(80, 24), (120, 40)])
    func errorRow(columns: Int, rows: Int) throws {
        var d = Design(title: "Errors", now: viewNow)
        d.addEstimate(name: "dau", expression: "10M")
        d.addEstimate(name: "reads", expression: "dua * 20 / day")
        d.addEstimate(name: "peak_reads", expression: "reads * 3")
        d.addEstimate(name: "mixed", expression: "5 GB + 3 /s")
        let s = state(d, columns, rows)
        let lines = viewRender(s).lines()
        let reads = try #require(lines.first { $0.contains("reads ") && !$0.contains("peak") })
        #expect(reads.contains("⚠") && reads.contains("unknown name \"dua\"; did you mean dau?"))
        let peak = try #require(lines.first { $0.contains("peak_reads") })
        #expect(peak.contains("↳") && peak.contains("needs reads"))
        let mixed = try #require(lines.first { $0.contains("mixed") })
        #expect(mixed.contains("cannot add data size (B) and rate (/s) (column 6)"))
        expectViewGolden("estimates-errors-\(columns)x\(rows)", lines)
    }

    @Test("the details put a caret under the error's column")
    func caretInDetails() throws {
        var d = Design(title: "Errors", now: viewNow)
        d.addEstimate(name: "mixed", expression: "5 GB + 3 /s")
        let s = state(d, 120, 40)
        let lines = viewRender(s).lines()
        let expr = try #require(lines.first { $0.contains("Expression") && $0.contains("5 GB + 3 /s") })
        let caretRow = try #require(lines.firstIndex(of: expr)).advanced(by: 1)
        let start = try #require(expr.range(of: "5 GB"))
        let column = expr.distance(from: expr.startIndex, to: start.lowerBound) + 5   // the "+" is the 6th character
        let caretLine = Array(lines[caretRow])
        #expect(caretLine.indices.contains(column) && caretLine[column] == "^", "\(lines[caretRow])")
    }

    @Test("the form previews the value as it is typed, and an error with a caret", arguments: [(80, 24)])
    func formPreview(columns: Int, rows: Int) throws {
        var d = Design(title: "Preview", now: viewNow)
        d.addEstimate(name: "dau", expression: "100M")
        var s = state(d, columns, rows)
        viewSend(&s, .char("a"))
        viewType(&s, "writes")
        viewSend(&s, .tab)
        viewType(&s, "dau / month to /s")
        var lines = viewRender(s).lines()
        #expect(lines.contains { $0.contains("= 38.6 /s") && $0.contains("38.58 /s") })
        expectViewGolden("estimate-form-value-\(columns)x\(rows)", lines)
        viewSend(&s, .ctrl("u"))
        viewType(&s, "dau + 5 GB")
        lines = viewRender(s).lines()
        let field = try #require(lines.first { $0.contains("dau + 5 GB") })
        let caret = try #require(lines.firstIndex(of: field)).advanced(by: 1)
        let plus = try #require(field.range(of: "+")).lowerBound
        let column = field.distance(from: field.startIndex, to: plus)
        #expect(Array(lines[caret]).indices.contains(column) && Array(lines[caret])[column] == "^", "\n\(lines.joined(separator: "\n"))")
        #expect(lines[caret + 1].contains("cannot add"))
        expectSaneGrid(viewRender(s), "form with an error")
    }

    @Test("flows show their load on the row and in the details; an overloaded component says so")
    func loadOnFlowsAndComponents() throws {
        var d = Design(title: "Load", now: viewNow)
        d.addEstimate(name: "peak_qps", expression: "20K /s")
        let a = d.addComponent(name: "Gateway", kind: .apiGateway)
        let b = d.addComponent(name: "Store", kind: .database)
        try d.addFlow(from: a, to: b, label: "writes")
        d.flows[0].rate = "peak_qps"
        d.flows[0].payload = "2 KB"
        d.components[1].capacity = "5K /s"
        d.components[1].instances = "2"
        var s = viewState(d, 120, 40)
        viewSend(&s, .char("3"))
        var screen = viewRender(s).lines().joined(separator: "\n")
        #expect(screen.contains("20.0K /s · 40.0 MB/s"), "\(screen)")
        #expect(screen.contains("20.0K /s (peak_qps) × 2.0 KB = 40.0 MB/s"), "\(screen)")
        viewSend(&s, .char("2"), .char("j"))
        screen = viewRender(s).lines().joined(separator: "\n")
        #expect(screen.contains("⚠ over capacity"))
        #expect(screen.contains("200 % of capacity — OVER CAPACITY"), "\(screen)")
        #expect(screen.contains("5.0K /s per instance × 2 = 10.0K /s"), "\(screen)")
    }

    @Test("the reference card is readable at 80×24 and scrolls to its end")
    func referenceCard() throws {
        var s = state(viewExample, 80, 24)
        viewSend(&s, .char("R"))
        let grid = viewRender(s)
        expectSaneGrid(grid, "reference card")
        #expect(grid.lines().contains { $0.contains("Latency") })
        expectViewGolden("reference-card-80x24", grid.lines())
        // At 80 columns every latency row is whole (nothing cut), each with its year.
        let body = ReferenceCardView.body(width: 80, height: 24)
        let lines = ReferenceCardView.lines(Self.assets.referenceCard!, width: body.width).map(\.text)
        for row in Self.assets.referenceCard!.latency.rows {
            #expect(lines.contains { $0.contains(row.operation) && $0.contains(row.time) && $0.contains("\(row.year)") },
                    "\(row.operation)")
        }
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= body.width })
        // Scrolling to the end shows the last table.
        let end = WorkspaceView.scrollLimit(s, .referenceCard)
        #expect(end > 0)
        s.overlays = [.referenceCard(scroll: end)]
        let last = viewRender(s).lines().joined(separator: "\n")
        #expect(last.contains(Self.assets.referenceCard!.rulesOfThumb.last!.expression))
        // On the smallest terminal drawn, the widest text column is cut rather than the table broken.
        let smallest = ReferenceCardView.body(width: ScreenSize.minimum.columns, height: ScreenSize.minimum.rows).width
        let narrow = ReferenceCardView.lines(Self.assets.referenceCard!, width: smallest).map(\.text)
        #expect(narrow.allSatisfy { DisplayWidth.of($0) <= smallest }, "\(narrow.filter { DisplayWidth.of($0) > smallest })")
    }

    @Test("template picker lists each template beside its title")
    func templatePicker() throws {
        var s = state(viewExample, 80, 24)
        viewSend(&s, .char("A"))
        let lines = viewRender(s).lines()
        for t in Self.assets.templates!.templates {
            #expect(lines.contains { $0.contains(" \(t.key) ") && $0.contains(String(t.title.prefix(20))) }, "\(t.key)")
        }
        expectViewGolden("template-picker-80x24", lines)
    }
}
