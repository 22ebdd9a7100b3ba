import DesignModel
import Foundation
import Testing
@testable import DesignModel

/// The interview coach's schema step: a record written before it opens unchanged, with an empty
/// timeline, no evidence and no key points; its scores stay as they were (the new dimension is
/// left unscored, not guessed).
@Suite struct InterviewCoachingMigrationTests {
    /// A design as the schema before the coach wrote it, with a finished interview.
    static let before = """
        {
          "components" : [ ],
          "created" : "2026-11-02T09:00:00Z",
          "flows" : [ ],
          "interview" : {
            "assessmentNote" : "Rushed the estimate.",
            "autoAdvance" : false,
            "currentPhase" : 2,
            "finished" : true,
            "pausedSeconds" : 30,
            "pauses" : 1,
            "phases" : [
              { "actualSeconds" : 500, "extraSeconds" : 0, "key" : "clarify", "plannedSeconds" : 480,
                "stages" : [ "requirements" ], "timeUp" : true, "title" : "Clarify requirements", "warned" : true },
              { "actualSeconds" : 700, "extraSeconds" : 60, "key" : "deep-dive", "plannedSeconds" : 720,
                "stages" : [ "low-level-design" ], "timeUp" : false, "title" : "Deep dive", "warned" : true }
            ],
            "plan" : "standard",
            "planTitle" : "Standard",
            "problem" : "url-shortener",
            "scores" : { "communication" : 3, "deep-dive" : 2, "estimation" : 1 },
            "started" : true,
            "suspendedSeconds" : 0,
            "timeUp" : false
          },
          "modified" : "2026-11-02T10:30:00Z",
          "problem" : "Short links",
          "requirements" : [ ],
          "schemaVersion" : SCHEMA,
          "stages" : [ ],
          "title" : "URL shortener",
          "tradeOffs" : [ ]
        }
        """

    static var step: Migration { Migrations.steps.first { $0.summary.contains("interview timeline") }! }

    @Test func theStepFillsTheNewFieldsAndKeepsTheRest() throws {
        let text = Self.before.replacingOccurrences(of: "SCHEMA", with: "\(Self.step.from)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let upgraded = try Self.step.apply(object)
        let record = try #require(upgraded["interview"] as? [String: Any])
        #expect((record["timeline"] as? [Any])?.isEmpty == true)
        #expect((record["evidence"] as? [String: Any])?.isEmpty == true)
        #expect((record["keyPoints"] as? [Any])?.isEmpty == true)
        #expect(record["scores"] as? [String: Int] == ["communication": 3, "deep-dive": 2, "estimation": 1])
        #expect(record["assessmentNote"] as? String == "Rushed the estimate.")
        // Without an interview the step changes nothing.
        var plain = object
        plain.removeValue(forKey: "interview")
        #expect(NSDictionary(dictionary: try Self.step.apply(plain)) == NSDictionary(dictionary: plain))
    }

    /// A file written just before the coach (the current document without the coach's fields,
    /// at the step's version) opens as the same design, the new fields empty.
    @Test func aFileOfThePreviousVersionOpensWithItsContentUnchanged() throws {
        var original = Design(title: "URL shortener", problem: "Short links", now: Date(timeIntervalSince1970: 1_790_000_000))
        original.addRequirement(.nonFunctional, "p99 under 50 ms", category: .latency)
        original.interview = InterviewRecord(
            plan: "standard", planTitle: "Standard", problem: "url-shortener",
            phases: [.init(key: "clarify", title: "Clarify requirements", plannedSeconds: 480, actualSeconds: 500,
                           stages: [.requirements], warned: true, timeUp: true),
                     .init(key: "deep-dive", title: "Deep dive", plannedSeconds: 720, extraSeconds: 60, actualSeconds: 700)],
            currentPhase: 2, started: true, finished: true, pausedSeconds: 30, pauses: 1,
            scores: ["communication": 3, "deep-dive": 2, "estimation": 1], assessmentNote: "Rushed the estimate.")
        var object = try #require(try JSONSerialization.jsonObject(with: DesignCodec.encode(original)) as? [String: Any])
        var record = try #require(object["interview"] as? [String: Any])
        for key in ["timeline", "evidence", "keyPoints"] {
            #expect(record.removeValue(forKey: key) != nil, "the coach writes \(key)")
        }
        object["interview"] = record
        object["schemaVersion"] = Self.step.from
        let d = try DesignCodec.decode(try JSONSerialization.data(withJSONObject: object))
        #expect(d == original, "content unchanged, coach fields empty")
        let r = try #require(d.interview)
        #expect(r.score(.scalabilityReliability) == nil, "the new dimension is not guessed")
        #expect(r.timeline.isEmpty && r.evidence.isEmpty && r.keyPoints.isEmpty)
        #expect(r.seed == nil && r.curveball == nil && r.attempt == nil)
        #expect(r.problems().isEmpty)
        #expect(d.findings().filter { $0.severity == .error }.isEmpty)
        #expect(!d.findings().contains { $0.path.hasPrefix("interview") })
        // Saved again, it round-trips as a current document.
        #expect(try DesignCodec.decode(try DesignCodec.encode(d)) == d)
    }

    @Test func coachingFieldsRoundTripThroughBothEncoders() throws {
        var d = Design(title: "Coached", now: Date(timeIntervalSince1970: 1_790_000_000))
        d.interview = InterviewRecord(
            plan: "standard", phases: [.init(key: "clarify", title: "Clarify", plannedSeconds: 480, actualSeconds: 90)],
            started: true, scores: ["scalability-reliability": 2],
            evidence: ["scalability-reliability": "No failover for the cache"], assessmentNote: "",
            attempt: "2026-11-02T09:00:00Z-42", seed: 42,
            curveball: .init(id: "region-outage", text: "A region goes down", match: ["region*", "failover"],
                             phase: "scale", afterSeconds: 300, shownAt: 2500),
            timeline: [
                .init(at: 0, phase: "clarify", change: .started, tags: ["component"]),
                .init(at: 75, phase: "clarify", change: .added, list: "requirements", id: "req-1", text: "p99 < 50 ms",
                      tags: ["non-functional"]),
                .init(at: 80, phase: "clarify", change: .asked, list: "interviewer", id: "traffic", text: "Traffic"),
            ],
            keyPoints: [.init(id: "cache", kind: "component", text: "A cache", covered: true, evidence: "comp-2 Cache")])
        let bytes = try DesignCodec.encode(d)
        #expect(try DesignCodec.decode(bytes) == d)
        var reference = try DesignCodec.referenceEncode(d)
        reference.append(0x0A)
        #expect(bytes == reference, "the fast encoder writes what JSONEncoder writes")
        #expect(UnknownFields.find(in: bytes, decoded: d).isEmpty)
    }

    @Test func brokenCoachingFieldsAreReported() {
        var r = InterviewRecord(plan: "standard", phases: [.init(key: "a", title: "A", plannedSeconds: 60)])
        r.evidence["clarity"] = "?"
        r.timeline = [.init(at: -5, phase: "a", change: .added)]
        r.keyPoints = [.init(id: "x", kind: "risk", text: "", covered: false), .init(id: "x", kind: "risk", text: "", covered: true)]
        let p = r.problems()
        #expect(p.contains { $0.hasPrefix("interview.evidence.clarity: unknown dimension") })
        #expect(p.contains("interview.timeline[0].at: must not be negative"))
        #expect(p.contains("interview.keyPoints[1].id: duplicate key point \"x\""))
        var d = Design(title: "t", now: Date(timeIntervalSince1970: 0))
        d.interview = r
        let findings = d.findings()
        #expect(findings.contains { $0.severity == .warning && $0.path == "interview.timeline[0].at" })
        #expect(d.errors.isEmpty, "a broken record never stops the design from loading")
    }
}
