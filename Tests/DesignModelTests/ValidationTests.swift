import DesignModel
import Foundation
import Testing

@Suite struct ValidationTests {
    @Test func aConsistentDesignHasNoErrors() throws {
        #expect(try sampleDesign().errors.isEmpty)
    }

    @Test func danglingFlowsAreErrorsWithTheirPath() throws {
        var d = try sampleDesign()
        d.components.removeAll { $0.id == "comp-3" }  // bypasses removeComponent on purpose
        let errors = d.errors
        #expect(errors.map(\.path) == ["flows[1].to", "flows[2].to"])
        #expect(errors[0].message.contains("comp-3"))
    }

    @Test func duplicateIdsAndBadChoicesAreErrors() throws {
        var d = try sampleDesign()
        d.requirements[1].id = d.requirements[0].id
        d.tradeOffs[0].chosen = "opt-9"
        let paths = d.errors.map(\.path)
        #expect(paths.contains("requirements[1].id"))
        #expect(paths.contains("tradeOffs[0].chosen"))
    }

    @Test func unknownChecklistKeysAreWarningsWithACatalogue() throws {
        var d = try sampleDesign()
        d.updateStage(.security) { $0.setDone("security.made-up", true) }
        let catalogue = StageCatalogue(stages: StageKey.allCases.map {
            .init(key: $0, title: $0.rawValue, shortTitle: $0.rawValue, purpose: "",
                  items: [.init(key: "\($0.rawValue).functional", text: "x")])
        })
        #expect(catalogue.problems().isEmpty)
        let warnings = d.findings(catalogue: catalogue).filter { $0.severity == .warning }
        #expect(warnings.map(\.message) == ["unknown checklist item \"security.made-up\""])
        let p = d.progress(of: .requirements, in: catalogue)
        #expect((p.done, p.total, p.status) == (1, 2, .inProgress))
        #expect(d.progress(of: .monitoring, in: catalogue).status == .notStarted)
    }

    @Test func catalogueRulesAreChecked() {
        var stages = StageKey.allCases.map {
            StageCatalogue.Stage(key: $0, title: "", shortTitle: "", purpose: "",
                                 items: [.init(key: "\($0.rawValue).a", text: "a")])
        }
        stages[1].items.append(.init(key: "security.a", text: "wrong stage and duplicate"))
        stages.swapAt(2, 3)
        let problems = StageCatalogue(stages: stages).problems()
        #expect(problems.contains { $0.contains("in order") })
        #expect(problems.contains("duplicate item key security.a"))
        #expect(problems.contains("item key security.a must start with high-level-design."))
    }
}
