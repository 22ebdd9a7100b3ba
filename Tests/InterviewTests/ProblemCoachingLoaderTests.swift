import Foundation
import Testing
@testable import Interview

/// Mistakes in the interviewer's material of a problem file are named with their path.
@Suite struct ProblemCoachingLoaderTests {
    static let base = """
        "title": "T", "statement": "S", "questions": ["a?", "b?", "c?"]
        """

    func problems(_ extra: String) -> [String] {
        do {
            _ = try ProblemLoader.load(Data("{\(Self.base), \(extra)}".utf8), key: "t")
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    @Test func aMinimalFileWithFactsLoads() throws {
        let p = try ProblemLoader.load(Data("""
            {\(Self.base), "facts": [{"topic": "traffic", "label": "Reads", "value": "1k/s"}],
             "followUps": {"deep-dive": ["Why?"]},
             "keyPoints": [{"id": "cache", "kind": "component", "text": "A cache", "match": ["cach*|redis"]}],
             "curveballs": [{"id": "surge", "text": "10x", "match": ["cach*"]}], "stresses": ["estimation"]}
            """.utf8), key: "t")
        #expect(p.facts == [.init(topic: .traffic, label: "Reads", value: "1k/s")])
        #expect(p.scale.map(\.label) == ["Reads"], "the facts are the scale to assume")
        #expect(p.followUps == [.deepDive: ["Why?"]])
        #expect(p.keyPoints.map(\.id) == ["cache"] && p.curveballs.map(\.id) == ["surge"] && p.stresses == [.estimation])
    }

    @Test func anOlderFileWithOnlyAScaleListStillLoads() throws {
        let p = try ProblemLoader.load(Data("{\(Self.base), \"scale\": [{\"label\": \"Users\", \"value\": \"1M\"}]}".utf8), key: "t")
        #expect(p.facts == [.init(topic: .other, label: "Users", value: "1M")])
        #expect(p.keyPoints.isEmpty && p.curveballs.isEmpty)
    }

    @Test func mistakesAreNamed() {
        #expect(problems(#""facts": [{"topic": "weather", "label": "L", "value": "V"}]"#)
            .contains { $0.contains("fact 1: unknown topic \"weather\"") && $0.contains("(at facts[0].topic)") })
        #expect(problems(#""facts": [], "scale": [{"label": "a", "value": "b"}]"#).contains { $0.contains("facts is empty") })
        #expect(problems(#""scale": [{"label": "a", "value": "b"}], "followUps": {"deep_dive": ["?"]}"#)
            .contains { $0.contains("unknown field \"deep_dive\"") })
        let dup = #""scale": [{"label": "a", "value": "b"}], "keyPoints": [{"id": "x", "kind": "risk", "text": "t", "match": ["a|b"]}, {"id": "x", "kind": "risk", "text": "t", "match": ["a"]}]"#
        #expect(problems(dup).contains { $0.contains("key point 2 \"x\": id \"x\" is already used by key point 1") })
        let kind = #""scale": [{"label": "a", "value": "b"}], "keyPoints": [{"id": "x", "kind": "vibe", "text": "t", "match": ["a"]}]"#
        #expect(problems(kind).contains { $0.contains("unknown kind \"vibe\"") })
        let match = #""scale": [{"label": "a", "value": "b"}], "keyPoints": [{"id": "x", "kind": "risk", "text": "t", "match": ["cache||x"]}]"#
        #expect(problems(match).contains { $0.contains("match group 1: alternative 2") && $0.contains("(at keyPoints[0].match[0])") })
        let noMatch = #""scale": [{"label": "a", "value": "b"}], "curveballs": [{"id": "c", "text": "t"}]"#
        #expect(problems(noMatch).contains { $0.contains("curveball 1 \"c\": missing \"match\"") })
        let stress = #""scale": [{"label": "a", "value": "b"}], "stresses": ["charm"]"#
        #expect(problems(stress).contains { $0.contains("unknown dimension \"charm\"") })
        #expect(problems(#""facts": 3"#).contains { $0.contains("facts must be a list") })
    }
}
