import DesignExport
import DesignModel
import Foundation
import Testing

/// `--only-started`, `--hide-unticked`, one status line per stage, and the risks and open
/// questions of stage 10.
@Suite struct ReportOptionsTests {
    let catalogue = Fixtures.catalogue()

    /// Requirements written and one HLD item ticked: two stages started, eight untouched.
    func twoStages() -> Design {
        var d = Design(title: "Two stages", now: Date(timeIntervalSince1970: 1_700_000_000))
        d.requirements = [Requirement(id: "req-1", kind: .functional, text: "Send messages")]
        let key = catalogue[.highLevelDesign].items[0].key
        d.updateStage(.highLevelDesign) { $0.done = [key] }
        return d
    }

    func stageHeadings(_ html: String) -> [String] {
        HTML.elements("h2", in: html).map(HTML.text).filter { $0.first?.isNumber == true }
    }

    @Test func onlyStartedLeavesNoEmptyStageSections() throws {
        let md = MarkdownReport.render(twoStages(), catalogue: catalogue, options: .init(onlyStarted: true))
        let html = try cmarkGFM(md)
        #expect(stageHeadings(html) == [MarkdownReport.stageHeading(catalogue[.requirements]),
                                        MarkdownReport.stageHeading(catalogue[.highLevelDesign])])
        // Stage 1 has no ticked item but holds requirements, so it is there (and says so).
        #expect(md.components(separatedBy: "**Status:** Not started").count - 1 == 1)
        #expect(md.contains("left out: 3, 4, 5, 6, 7, 8, 9, 10"))
        // The progress table still lists all ten, linking only to sections that exist.
        let progress = HTML.tables(html)[0]
        #expect(progress.bodyText.count == 11)
        for key in StageKey.allCases where key.number > 2 {
            #expect(!md.contains("[" + MarkdownText.inline(catalogue[key].title) + "](#"), "no link to the left-out stage \(key.number)")
        }
        #expect(md.contains("[" + MarkdownText.inline(catalogue[.highLevelDesign].title) + "](#"))
        let all = MarkdownReport.render(twoStages(), catalogue: catalogue)
        #expect(stageHeadings(try cmarkGFM(all)).count == 10, "by default every stage is there")
    }

    @Test func hideUntickedListsOnlyTickedItems() {
        let d = twoStages()
        let md = MarkdownReport.render(d, catalogue: catalogue, options: .init(hideUnticked: true))
        #expect(!md.contains("- [ ] "))
        #expect(md.contains("- [x] "))
        let hld = catalogue[.highLevelDesign].items.count
        #expect(md.contains("_\(hld - 1) unticked item\(hld - 1 == 1 ? "" : "s") not shown._"))
    }

    @Test func everyStageHasTheSameStatusLine() {
        let md = MarkdownReport.render(twoStages(), catalogue: catalogue)
        let status = md.split(separator: "\n").filter { $0.contains("Status") && $0.contains("checklist items ticked") }
        #expect(status.count == 10)
        for line in status {
            #expect(line.range(of: #"^\*\*Status:\*\* (Not started|In progress|Done) — \d+ of \d+ checklist items ticked\.$"#,
                               options: .regularExpression) != nil, "\(line)")
        }
    }

    @Test(arguments: Fixtures.hostile.filter { !TextSafety.oneLine($0).isEmpty })
    func risksAndQuestionsKeepTheirTablesWithHostileText(_ s: String) throws {
        var d = Design(title: "Risky", now: Date(timeIntervalSince1970: 1_700_000_000))
        d.components = [Component(id: "comp-1", name: "API", kind: .service)]
        d.risks = [Risk(id: "risk-1", text: s, owner: s, status: .open, impact: .high, mitigation: s + "\n" + s,
                        concerns: ["comp-1"])]
        d.questions = [OpenQuestion(id: "q-1", text: s, owner: s, answer: s, concerns: ["comp-1", "risk-1"])]
        let html = try cmarkGFM(MarkdownReport.render(d, catalogue: catalogue))
        let one = TextSafety.oneLine(s)
        let risk = try #require(HTML.tables(html).first { $0.headerCells == 7 })
        #expect(risk.bodyText.count == 1)
        #expect(risk.bodyText[0][1] == one && risk.bodyText[0][4] == one)
        #expect(risk.bodyText[0][2] == "High" && risk.bodyText[0][5] == "comp-1")
        let question = try #require(HTML.tables(html).first { $0.headerCells == 6 && $0.bodyText.first?.first == "q-1" })
        #expect(question.bodyText[0][1] == one)
        #expect(question.bodyText[0][4] == "comp-1, risk-1")
    }

    @Test func decisionRecordsNameWhatSupersedesThemAndTheirDrivers() {
        var d = Design(title: "Decisions", now: Date(timeIntervalSince1970: 1_700_000_000))
        d.requirements = [Requirement(id: "req-1", kind: .nonFunctional, text: "p99 under 50 ms")]
        d.tradeOffs = [TradeOff(id: "trade-1", title: "Old choice", status: .superseded, supersededBy: "trade-2"),
                       TradeOff(id: "trade-2", title: "New choice", status: .accepted, drivers: ["req-1"])]
        let md = MarkdownReport.render(d, catalogue: catalogue)
        #expect(md.contains("**Status:** superseded by [trade-2: New choice]("))
        #expect(md.contains("**Drivers:** req-1: p99 under 50 ms"))
    }
}
