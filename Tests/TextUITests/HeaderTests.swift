import DesignModel
import Interview
import Testing
@testable import TextUI
import Workspace

/// The header keeps the file name and the unsaved marker on narrow screens; the interview badge
/// shrinks to its short form first.
@Suite struct HeaderTests {
    static let plan = InterviewPlan(name: "drill", title: "Drill", phases: [
        .init(key: "a", title: "Clarify requirements", plannedSeconds: 300, goal: "Scope", stages: [.requirements]),
        .init(key: "b", title: "Design", plannedSeconds: 600, goal: "Draw", stages: [.highLevelDesign]),
    ])

    static func header(columns: Int) -> String {
        var s = viewState(viewExample, columns, 24)
        s.interview = InterviewSession(plan: plan)
        viewSend(&s, .char("d"))  // unsaved
        return viewRender(s).lines()[0]
    }

    @Test(arguments: [60, 80])
    func narrowHeadersKeepTheFileAndTheMarker(columns: Int) {
        let line = Self.header(columns: columns)
        #expect(line.contains("url-shortener.json") && line.contains("[+]"), "\(line)")
        #expect(line.contains("⏸ 1/2 5:00"), "\(line)")
        #expect(!line.contains("Clarify"), "the short badge: \(line)")
    }

    @Test func wideHeadersShowTheWholeBadge() {
        let line = Self.header(columns: 160)
        #expect(line.contains("url-shortener.json") && line.contains("[+]"))
        #expect(line.contains("Clarify requirements 1/2 · 5:00 left"), "\(line)")
    }
}
