import DesignModel
import Foundation
import Testing
@testable import Interview

@Suite struct LoaderErrorTests {
    @Test(arguments: Fixtures.broken.map(\.name))
    func brokenPlanIsRefusedClearly(_ name: String) throws {
        let fixture = try #require(Fixtures.broken.first { $0.name == name })
        do {
            let plan = try PlanLoader.load(Data(fixture.json.utf8), name: name, file: "plans/\(name).json")
            Issue.record("loaded a broken plan: \(plan)")
        } catch {
            #expect(error.kind == .plan)
            #expect(error.file == "plans/\(name).json")
            #expect(error.description.hasPrefix("plan file plans/\(name).json"))
            let text = error.problems.map(\.description)
            var from = 0
            for wanted in fixture.expected {
                let hit = text[from...].firstIndex { $0.contains(wanted) }
                #expect(hit != nil, "\(name): no problem contains \(wanted)\n  got: \(text)")
                from = (hit ?? from - 1) + 1
                if from >= text.count && wanted != fixture.expected.last { break }
            }
        }
    }

    @Test func severalProblemsAreListedTogether() throws {
        let fixture = try #require(Fixtures.broken.first { $0.name == "wrong-types" })
        #expect(throws: AssetFileError.self) { try PlanLoader.load(Data(fixture.json.utf8), name: "w") }
        do { _ = try PlanLoader.load(Data(fixture.json.utf8), name: "w") } catch {
            #expect(error.problems.count == 4)
            #expect(error.description.hasPrefix("plan file w has 4 problems:\n  line 1, column 11: plan: title"))
        }
    }

    @Test func fractionalMinutesAreFine() throws {
        let plan = try PlanLoader.load(Data("""
            {"title": "T", "phases": [{"key": "a", "title": "A", "minutes": 7.5, "goal": "g"},
                                      {"key": "b", "title": "B", "seconds": 30, "goal": "g"}]}
            """.utf8), name: "t")
        #expect(plan.phases.map(\.plannedSeconds) == [450, 30])
        #expect(plan.totalSeconds == 480)
    }

    @Test func unreadableFile() {
        do {
            _ = try PlanLoader.load(contentsOf: URL(fileURLWithPath: "/nonexistent/x.json"))
            Issue.record("loaded a missing file")
        } catch {
            #expect(error.description == "plan file /nonexistent/x.json: cannot read the file: no such file")
        }
    }

    @Test(arguments: Fixtures.brokenProblems.map(\.key))
    func brokenProblemIsRefusedClearly(_ key: String) throws {
        let fixture = try #require(Fixtures.brokenProblems.first { $0.key == key })
        do {
            _ = try ProblemLoader.load(Data(fixture.json.utf8), key: key)
            Issue.record("loaded a broken problem")
        } catch {
            #expect(error.kind == .problem)
            let text = error.problems.map(\.description)
            for wanted in fixture.expected {
                #expect(text.contains { $0.contains(wanted) }, "\(key): no problem contains \(wanted)\n  got: \(text)")
            }
        }
    }
}
