import DesignModel
import Foundation
import Testing
@testable import Interview

/// Every shipped problem carries the interviewer's material, complete and well-formed.
@Suite struct ProblemFileTests {
    static let problems = ProblemLoader.loadAll([builtInProblems]).problems

    @Test func atLeastTwentyProblemsIncludingTheClassics() {
        let keys = Set(Self.problems.map(\.key))
        #expect(Self.problems.count >= 20)
        #expect(keys.isSuperset(of: [
            "url-shortener", "chat-app", "video-streaming", "e-commerce", "notification-system",
            "realtime-recommendations", "fraud-detection", "chatgpt-assistant", "rag-document-search", "ml-model-deployment",
            "rate-limiter", "news-feed", "search-autocomplete", "distributed-cache", "web-crawler", "ride-sharing",
            "payment-system", "ticket-booking", "metrics-monitoring", "job-scheduler",
        ]))
        // Titles are distinct, so lookups by a title word and lists read unambiguously.
        #expect(Set(Self.problems.map(\.title)).count == Self.problems.count)
    }

    @Test(arguments: problems.map(\.key))
    func theProblemIsComplete(_ key: String) throws {
        let p = try #require(Self.problems.first { $0.key == key })
        // Facts: the essential topics, each answered.
        for topic in PracticeProblem.FactTopic.essential {
            #expect(!p.facts(about: topic).isEmpty, "\(key): no fact about \(topic.rawValue)")
        }
        #expect(p.facts.allSatisfy { !$0.label.isEmpty && !$0.value.isEmpty })
        // Follow-up questions for every kind of phase, as questions.
        for role in PhaseRole.allCases {
            let qs = p.followUps[role] ?? []
            #expect(qs.count >= 2, "\(key): \(qs.count) follow-ups for \(role.rawValue)")
            #expect(qs.allSatisfy { $0.hasSuffix("?") || $0.hasSuffix(".") }, "\(key): follow-ups for \(role.rawValue) are sentences")
        }
        // Key points: enough, of every kind that matters, with unique ids.
        #expect(p.keyPoints.count >= 7, "\(key): \(p.keyPoints.count) key points")
        #expect(Set(p.keyPoints.map(\.id)).count == p.keyPoints.count, "\(key): duplicate key point id")
        let kinds = Set(p.keyPoints.map(\.kind))
        #expect(kinds == Set(PracticeProblem.KeyPoint.Kind.allCases), "\(key): kinds \(kinds)")
        // Curveballs: at least three, unique ids, each with words to recognise an answer.
        #expect(p.curveballs.count >= 3, "\(key)")
        #expect(Set(p.curveballs.map(\.id)).count == p.curveballs.count, "\(key): duplicate curveball id")
        #expect(p.curveballs.allSatisfy { !$0.match.isEmpty && !$0.text.isEmpty })
        #expect(!p.stresses.isEmpty, "\(key): no dimensions it stresses")
    }

    /// Ids are unique across every problem's key points and curveballs within a file, and the
    /// file names (the problem keys) are unique by construction; check the keys are well-formed.
    @Test func keysAreWellFormed() {
        for p in Self.problems {
            #expect(AssetFiles.isKey(p.key))
            #expect((p.keyPoints.map(\.id) + p.curveballs.map(\.id)).allSatisfy(AssetFiles.isKey), "\(p.key)")
        }
    }

    /// The worked example is a strong answer to the URL shortener: the key-point check finds
    /// most of what it should in it, with evidence.
    @Test func theWorkedExampleCoversTheURLShortenersKeyPoints() throws {
        let p = try #require(Self.problems.first { $0.key == "url-shortener" })
        let example = try DesignCodec.decode(Data(contentsOf: assetsDirectory.appendingPathComponent("examples/url-shortener.json")))
        let results = KeyPointCheck.check(p.keyPoints, in: example)
        let covered = results.filter(\.covered)
        #expect(covered.count >= p.keyPoints.count - 1, "missed: \(results.filter { !$0.covered }.map(\.id))")
        #expect(covered.allSatisfy { !$0.evidence.isEmpty })
        // An empty design covers nothing.
        #expect(KeyPointCheck.check(p.keyPoints, in: Design(title: "x", now: fixedDate)).allSatisfy { !$0.covered })
    }
}
