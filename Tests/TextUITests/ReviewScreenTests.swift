import DesignModel
import Testing
@testable import TextUI
@testable import Workspace

/// The review as drawn: the header's count, the Review screen, a stage's findings in the checklist.
@Suite struct ReviewScreenTests {
    /// The worked example with a client reading the link store directly (an error) and the
    /// link store's redundancy note gone (a warning).
    static func flawed() -> Design {
        var d = viewExample
        d.flows.append(Flow(id: "flow-99", from: "comp-1", to: "comp-10", label: "read links"))
        d.components[d.components.firstIndex { $0.id == "comp-10" }!].redundancy = nil
        return d
    }

    @Test func theHeaderCountsOpenErrorsAndWarnings() {
        let clean = viewRender(viewState(viewExample, 160, 40)).lines()[0]
        #expect(!clean.contains("error") && !clean.contains("warning"), "\(clean)")
        var s = viewState(Self.flawed(), 160, 40)
        let line = viewRender(s).lines()[0]
        #expect(line.contains("R 1 error, 1 warning"), "\(line)")
        // Narrow: the short form, and the file name stays.
        s = viewState(Self.flawed(), 60, 24)
        let narrow = viewRender(s).lines()[0]
        #expect(narrow.contains("✗1 ⚠1") && narrow.contains("url-shortener.json"), "\(narrow)")
    }

    @Test func theReviewScreenListsFindingsBySeverityWithTheSelectedInFull() {
        var s = viewState(Self.flawed(), 140, 40)
        viewSend(&s, .char("R"))
        let screen = viewRender(s).lines().joined(separator: "\n")
        #expect(screen.contains("Review — All stages: 2 open"))
        let err = screen.range(of: "ERR ")!, warn = screen.range(of: "WARN")!
        #expect(err.lowerBound < warn.lowerBound, "errors come first")
        #expect(screen.contains("Users & API clients") && screen.contains("Link store"))
        #expect(screen.contains("flow.client-to-store · error · stage 2"))
        #expect(screen.contains("Fix") && screen.contains("Enter go to the item"))
        #expect(screen.contains("All stages") && screen.contains(" 6 "))
    }

    @Test func aStageShowsItsFindingsInTheChecklist() {
        var s = viewState(Self.flawed(), 140, 40)
        viewSend(&s, .char("c"))
        while s.checklist.stage != .reliability { viewSend(&s, .tab) }
        let screen = viewRender(s).lines().joined(separator: "\n")
        #expect(screen.contains("Review: ⚠1 — R opens the review"), "\(screen)")
        #expect(screen.contains("Link store"))
    }

    @Test func detailsShowTraceability() {
        var s = viewState(viewExample, 140, 40)
        viewSend(&s, .char("1"))   // req-1
        let lines = RowText.detail(s, .requirements, 0)
        let addressed = lines.first { $0.label == "Addressed by" }
        #expect(addressed?.value.contains("comp-6 Shorten service") == true)
        #expect(addressed?.value.contains("api-1 POST /api/v1/links") == true)
        #expect(addressed?.value.contains("scen-1 Create a short link") == true)
        let component = RowText.detail(s, .components, s.design.components.firstIndex { $0.id == "comp-10" }!)
        #expect(component.first { $0.label == "Serves" }?.value.contains("req-9") == true)
        #expect(component.first { $0.label == "Redundancy" }?.value.contains("three availability zones") == true)
    }
}
