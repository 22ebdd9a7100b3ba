import DesignModel
import Foundation
import Testing
@testable import Interview

@Suite struct SummaryTests {
    /// A finished 60-minute run with a skipped phase, and a design with some checklist work.
    func finishedRun() throws -> (InterviewRecord, Design) {
        var d = Driver(InterviewSession(plan: try loadStandardPlan(), problem: "chat-app"))
        d.send(.start)
        d.run(720)          // clarify: 12:00 of 8:00
        d.send(.nextPhase)
        d.send(.nextPhase)  // estimate skipped
        d.run(700)          // high-level: 11:40 of 12:00
        d.send(.nextPhase)
        d.run(400)          // deep dive: 6:40 of 17:00
        d.send(.extend(seconds: 120))
        d.send(.nextPhase)
        d.run(900)          // scale: 15:00 of 13:00
        d.send(.nextPhase)
        d.run(300)          // wrap-up: on time
        d.send(.finish)

        var design = Design(title: "Chat", now: fixedDate)
        design.updateStage(.requirements) { $0.setDone("requirements.a", true); $0.setDone("requirements.b", true) }
        design.updateStage(.highLevelDesign) { $0.setDone("high-level-design.a", true) }
        design.addCustomItem("Presence fan-out", to: .highLevelDesign, done: false)
        design.updateStage(.security) { $0.notes = "TLS everywhere" }
        return (d.session.record, design)
    }

    @Test func plannedVersusActualAndCoverage() throws {
        let (record, design) = try finishedRun()
        let s = InterviewSummary(record: record, design: design, catalogue: testCatalogue)
        #expect(s.planTitle == "Standard system-design interview (60 minutes)")
        #expect(s.problem == "chat-app")
        #expect(s.finished)
        #expect(s.phases.map(\.actualSeconds) == [720, 0, 700, 400, 900, 300])
        #expect(s.phases.map(\.deltaSeconds) == [240, -300, -20, -620, 120, 0])
        #expect(s.phases.map(\.outcome) == [.over, .skipped, .onTime, .onTime, .over, .onTime])
        #expect(s.phases[3].extraSeconds == 120)
        #expect(s.overruns.map(\.key) == ["clarify", "scale"])
        #expect(s.totalPlannedSeconds == 3600)
        #expect(s.totalActualSeconds == 3020)
        #expect(s.totalOverrunSeconds == 0)
        #expect(s.totalExtraSeconds == 120)

        let req = try #require(s.coverage.first { $0.stage == .requirements })
        #expect(req.progress.done == 2 && req.progress.total == 2 && req.progress.status == .done)
        #expect(req.fedBy == ["Clarify requirements", "Estimate scale"])
        let hld = try #require(s.coverage.first { $0.stage == .highLevelDesign })
        #expect(hld.progress.done == 1 && hld.progress.total == 3)
        #expect(abs(hld.fraction - 1.0 / 3) < 1e-9)
        #expect(s.coverage.first { $0.stage == .security }?.progress.status == .inProgress)
        #expect(s.coverage.map(\.stage) == StageKey.allCases)

        #expect(s.observations == [
            "Finished within the plan's 1 h (9:40 to spare).",
            "Clarify requirements ran 4:00 over its 8 min.",
            "Skipped: Estimate scale.",
            "Deep dive got 6:40 of its 17 min: was there more to say?",
            "Requirements took long: settle the main use cases and numbers, then move on; later questions can be asked as they come up.",
            "Checklist stages not touched: Low-Level-Design, Scalability-Performance, Data-Storage, Reliability, Deployment-Devops, Monitoring-Alerting, Trade-Offs.",
        ])
    }

    @Test func unfinishedPhasesAreNotReachedRatherThanSkipped() throws {
        var d = Driver(InterviewSession(plan: try loadStandardPlan()))
        d.send(.start)
        d.run(60)
        d.send(.nextPhase)
        d.send(.nextPhase)
        d.run(10)
        let s = InterviewSummary(record: d.session.record, design: Design(title: "x", now: fixedDate), catalogue: testCatalogue)
        #expect(s.phases.map(\.outcome) == [.onTime, .skipped, .onTime, .notReached, .notReached, .notReached])
        #expect(!s.finished)
    }

    @Test func selfAssessment() throws {
        var (record, _) = try finishedRun()
        var a = SelfAssessment(record: record)
        #expect(a.scores.isEmpty)
        #expect(!a.isComplete)
        #expect(a.average == nil)
        a.scores = [.requirements: 3, .estimation: 1, .highLevelDesign: 4, .deepDive: 2, .scalabilityReliability: 2, .tradeOffs: 3]
        #expect(a.problems() == [])
        #expect(a.problems(requireAll: true) == ["Communication: not scored yet"])
        a.scores[.communication] = 5
        #expect(a.problems() == ["Communication: score 5 is outside 1 to 4"])
        #expect(throws: AssessmentError.self) { try a.apply(to: &record) }
        #expect(record.scores.isEmpty)
        a.scores[.communication] = 3
        a.note = "Spent too long on requirements; skipped estimation."
        #expect(a.isComplete)
        a.evidence = [.scalabilityReliability: "No plan for a cache node failing"]
        #expect(a.average == 18.0 / 7)
        try a.apply(to: &record)
        #expect(record.scores == ["requirements": 3, "estimation": 1, "high-level-design": 4, "deep-dive": 2,
                                  "scalability-reliability": 2, "trade-offs": 3, "communication": 3])
        #expect(record.evidence == ["scalability-reliability": "No plan for a cache node failing"])
        #expect(record.unscoredDimensions.isEmpty)
        #expect(SelfAssessment(record: record) == a)

        // Through the record directly, as the workspace's form would.
        #expect(throws: InterviewRecordError.scoreOutOfRange(.deepDive, 0)) { try record.setScore(.deepDive, 0) }
        try record.setScore(.deepDive, nil)
        #expect(record.unscoredDimensions == [.deepDive])
        record.scores["charisma"] = 4
        #expect(record.problems() == [
            "interview.scores.charisma: unknown dimension; known: requirements, estimation, high-level-design, "
                + "deep-dive, scalability-reliability, trade-offs, communication",
        ])
        a.note = String(repeating: "x", count: 2001)
        #expect(a.problems() == ["note: 2001 characters, keep it under 2000"])

        // The assessment survives a save and load.
        var design = Design(title: "x", now: fixedDate)
        record.scores.removeValue(forKey: "charisma")
        design.interview = record
        #expect(try decodeDesign(DesignCodec.encode(design)).interview == record)
    }

    @Test func timeFormatting() {
        #expect(TimeFormat.clock(0) == "0:00")
        #expect(TimeFormat.clock(65) == "1:05")
        #expect(TimeFormat.clock(-65) == "-1:05")
        #expect(TimeFormat.clock(3600) == "1:00:00")
        #expect(TimeFormat.clock(3725) == "1:02:05")
        #expect(TimeFormat.minutes(300) == "5 min")
        #expect(TimeFormat.minutes(450) == "7 min 30 s")
        #expect(TimeFormat.minutes(45) == "45 s")
        #expect(TimeFormat.minutes(0) == "0 s")
        #expect(TimeFormat.minutes(3900) == "1 h 5 min")
    }
}

/// The header's total after an interview is the timing log's total, to the second.
@Suite struct HeaderTotalTests {
    @Test func theFinishedHeaderShowsTheLoggedTotal() {
        let plan = InterviewPlan(name: "drill", title: "Drill", phases: [
            .init(key: "a", title: "A", plannedSeconds: 10, goal: "", stages: []),
            .init(key: "b", title: "B", plannedSeconds: 10, goal: "", stages: []),
        ])
        var s = InterviewSession(plan: plan)
        s.start(at: .zero)
        s.nextPhase(at: .milliseconds(1_600))    // A: 1.6 s, logged as 2
        s.nextPhase(at: .milliseconds(3_200))    // B: 1.6 s, logged as 2; 3.2 s in all
        let record = s.record(at: .milliseconds(3_200))
        #expect(record.totalActualSeconds == 4)
        #expect(s.status(at: .milliseconds(3_200)).headerText == "Interview finished · 0:04 used")
    }
}
