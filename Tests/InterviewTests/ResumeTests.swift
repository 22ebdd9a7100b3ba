import DesignModel
import Foundation
import Testing
@testable import Interview

@Suite struct ResumeTests {
    /// Saves mid-phase through the real codec, "restarts" with a new monotonic origin, and
    /// carries on: the time in the current phase and the alerts already given survive.
    @Test func resumeAfterSaveAndLoad() throws {
        let plan = try loadStandardPlan()
        var design = Design(title: "Shortener", now: fixedDate)
        var d = Driver(InterviewSession(plan: plan, problem: "url-shortener"))
        d.send(.start)
        d.run(480)           // clarify: exactly on time (warning and time-up given)
        d.send(.nextPhase)
        d.run(250)           // estimate: past 80 % (240 s)
        d.send(.extend(seconds: 60))
        d.send(.pause)
        d.run(30)
        d.send(.resume)
        d.now += .milliseconds(400) // a fraction of a second that will be rounded away
        d.send(.tick)
        #expect(d.log.map(\.event).filter(\.alertsUser) == [.phaseWarning(phase: 0), .phaseTimeUp(phase: 0), .phaseWarning(phase: 1)])

        design.interview = d.session.record(at: d.now + .milliseconds(200)) // 250.6 s → 251
        let data = try DesignCodec.encode(design)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"actualSeconds\" : 251"))
        #expect(text.contains("\"extraSeconds\" : 60"))
        let loaded = try decodeDesign(data)
        #expect(loaded.interview == design.interview)
        #expect(try DesignCodec.encode(loaded) == data)

        // New process: its monotonic clock starts somewhere else entirely.
        var e = Driver(try InterviewSession(resuming: try #require(loaded.interview), plan: plan, now: .seconds(5)))
        e.now = .seconds(5)
        #expect(e.session.clock == .paused)
        #expect(e.session.currentPhaseIndex == 1)
        #expect(e.session.currentPhase?.goal == plan.phases[1].goal)
        var s = e.session.status(at: e.now)
        #expect(s.elapsed == .seconds(251))
        #expect(s.remainingSeconds == 109)
        #expect(s.totalRemainingSeconds == 3600 - 480 - 251)
        e.run(600) // the app sits there paused: nothing counts
        #expect(e.actual == [480, 251, 0, 0, 0, 0])
        e.send(.resume)
        e.run(120) // 371 s of 360: time-up once, no second warning
        e.send(.nextPhase)
        e.run(10)
        #expect(e.log.map(\.description) == [
            "phaseTimeUp(phase: 1)@360", "phaseChanged(from: 1, to: 2)@-",
        ])
        s = e.session.status(at: e.now)
        #expect(s.phase?.key == "high-level")
        let r = e.session.record
        #expect(r.phases.map(\.actualSeconds) == [480, 371, 10, 0, 0, 0])
        #expect(r.pausedSeconds == 630)
        #expect(r.pauses == 1)
        #expect(r.problem == "url-shortener")
    }

    @Test func resumeStatesAndAMissingPlan() throws {
        let plan = try loadStandardPlan()
        // Never started: comes back not started.
        var fresh = try InterviewSession(resuming: plan.newRecord(), plan: plan, now: .zero)
        #expect(fresh.clock == .notStarted)
        #expect(fresh.start(at: .seconds(1)) == [.started])

        // Finished: stays finished; the plan file being gone is fine (no goals then).
        var rec = plan.newRecord()
        rec.started = true
        rec.finished = true
        rec.currentPhase = 6
        rec.phases[0].actualSeconds = 400
        let done = try InterviewSession(resuming: rec, plan: nil, now: .zero)
        #expect(done.clock == .finished)
        #expect(done.plan.phases.map(\.plannedSeconds) == plan.phases.map(\.plannedSeconds))
        #expect(done.plan.phases[0].goal == "")
        #expect(done.status(at: .seconds(9)).headerText == "Interview finished · 6:40 used")

        // A record written by hand with an out-of-range phase index is refused clearly.
        rec.finished = false
        rec.currentPhase = 9
        #expect(throws: InterviewResumeError.self) { try InterviewSession(resuming: rec, plan: plan, now: .zero) }
        do { _ = try InterviewSession(resuming: rec, plan: plan, now: .zero) } catch {
            #expect(error.description.contains("interview.currentPhase: 9 is outside 0...6"))
        }
    }

    /// A minimal log (only the required fields) loads, as older or hand-written files would.
    @Test func minimalRecordDecodes() throws {
        var design = Design(title: "x", now: fixedDate)
        design.interview = InterviewRecord(plan: "standard", phases: [.init(key: "a", title: "A", plannedSeconds: 60)])
        var json = String(decoding: try DesignCodec.encode(design), as: UTF8.self)
        let start = try #require(json.range(of: "\"interview\" : {"))
        let end = try #require(json.range(of: "\n  },", range: start.upperBound..<json.endIndex))
        json.replaceSubrange(start.lowerBound..<end.upperBound, with: """
            "interview" : { "plan" : "standard", "phases" : [ { "key" : "a", "plannedSeconds" : 60, "actualSeconds" : 12 } ] },
            """)
        let loaded = try decodeDesign(Data(json.utf8))
        let r = try #require(loaded.interview)
        #expect(r.phases[0].title == "a")
        #expect(r.phases[0].actualSeconds == 12)
        #expect(r.started)
        #expect(!r.finished)
        #expect(r.scores.isEmpty)
    }
}
