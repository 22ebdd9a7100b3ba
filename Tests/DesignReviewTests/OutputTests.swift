import DesignModel
@testable import DesignReview
import Foundation
import Testing

@Suite struct OutputTests {
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Assets/examples/url-shortener.json")

    func reviewed(_ s: Sketch) throws -> ReviewedFile {
        let bytes = [UInt8](try DesignCodec.encode(s.design))
        return ReviewedFile(path: "designs/sketch one.json", design: s.design, text: DesignTextIndex(bytes), result: s.review())
    }

    func planted() -> Sketch {
        var (s, ids) = Sound.sketch()
        s.flow(ids.client, ids.db, "direct read")
        s.flow(ids.service, ids.service, "")
        s.design.acceptedFindings.append(AcceptedFinding(id: "accept-1", rule: "flow.unlabelled",
                                                         items: [s.design.flows.last!.id.rawValue], reason: "Self-call"))
        return s
    }

    @Test func theIndexFindsWhatTheLocatorFinds() throws {
        let bytes = [UInt8](try Data(contentsOf: Self.example))
        let design = try DesignCodec.decode(Data(bytes))
        let index = DesignTextIndex(bytes)
        for (list, ids) in [("components", design.components.map(\.id.rawValue)), ("flows", design.flows.map(\.id.rawValue)),
                            ("requirements", design.requirements.map(\.id.rawValue)), ("endpoints", design.endpoints.map(\.id.rawValue))] {
            for (i, id) in ids.enumerated() {
                let expected = JSONLocator.offset(of: [.key(list), .index(i), .key("id")], in: bytes)
                #expect(index.offset(ofItem: id) == expected, "\(id)")
                #expect(index.position(expected!) == TextPosition(offset: expected!, in: bytes))
                #expect(index.offset(of: [.key(list), .index(i)]) == JSONLocator.offset(of: [.key(list), .index(i)], in: bytes))
            }
        }
        #expect(index.offset(of: [.key("stages"), .index(8)]) == JSONLocator.offset(of: [.key("stages"), .index(8)], in: bytes))
        #expect(index.offset(of: [.key("endpoints"), .index(1), .key("path")])
                == JSONLocator.offset(of: [.key("endpoints"), .index(1), .key("path")], in: bytes))
    }

    @Test func theIndexToleratesBrokenText() {
        let index = DesignTextIndex(Array("{\"components\": [{\"id\": \"comp-1\"}, {\"id\": ".utf8))
        #expect(index.offset(ofItem: "comp-1") != nil)
        #expect(index.position(of: ReviewFinding(rule: "x", severity: .info, stage: .requirements, message: "", hint: "",
                                                 items: ["comp-9"])) == TextPosition(line: 1, column: 1))
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let file = try reviewed(planted())
        let json = ReviewJSON.render([file])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        let accepted = try #require(object["accepted"] as? [[String: Any]])
        #expect(findings.count == file.result.open.count)
        #expect(accepted.count == 1)
        for f in findings {
            #expect(f["rule"] is String && f["message"] is String && f["items"] is [String] && f["stage"] is String)
            #expect(["error", "warning", "info"].contains(f["severity"] as? String ?? ""))
        }
        let direct = try #require(findings.first { $0["rule"] as? String == "flow.client-to-store" })
        #expect(direct["severity"] as? String == "error")
        #expect(direct["stage"] as? String == "high-level-design")
        #expect((direct["items"] as? [String])?.contains("comp-1") == true)
        #expect(accepted[0]["reason"] as? String == "Self-call")
    }

    @Test func sarifLocatesEachFindingAtItsItem() throws {
        let file = try reviewed(planted())
        let sarif = ReviewSARIF.render([file], toolVersion: "9.9")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        #expect(object["version"] as? String == "2.1.0")
        let run = try #require((object["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "sysdraft")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.count == ReviewRules.all.count)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == file.result.open.count + file.result.accepted.count)
        #expect(results.filter { $0["suppressions"] != nil }.count == 1)
        let bytes = [UInt8](try DesignCodec.encode(file.design))
        for (r, f) in zip(results, file.result.open) {
            #expect(r["ruleId"] as? String == f.rule)
            let physical = try #require(((r["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any])
            #expect((physical["artifactLocation"] as? [String: Any])?["uri"] as? String == "designs/sketch%20one.json")
            let region = try #require(physical["region"] as? [String: Any])
            let line = try #require(region["startLine"] as? Int)
            if let id = f.items.first, f.location == nil {
                // The line holds the item's id.
                let text = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                #expect(text[line - 1].contains("\"id\" : \"\(id)\""), "\(f.rule) at line \(line)")
            }
            // Rule index points at the rule.
            let index = try #require(r["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == f.rule)
        }
    }

    @Test func uriEscaping() {
        #expect(ReviewSARIF.uri("a b/c#d.json") == "a%20b/c%23d.json")
        #expect(ReviewSARIF.uri("/tmp/é.json") == "file:///tmp/%C3%A9.json")
    }

    @Test func textIsOneLinePerFindingWithTheFix() throws {
        let file = try reviewed(planted())
        let lines = ReviewText.lines(file)
        let first = try #require(lines.first)
        #expect(first.hasPrefix("designs/sketch one.json:"))
        #expect(first.contains(": error: ") && first.hasSuffix("[flow.client-to-store]"))
        #expect(lines[1].hasPrefix("    fix: "))
        #expect(lines.contains { $0.contains(": accepted: ") })
        #expect(lines.last == "designs/sketch one.json: " + ReviewSeverity.allCases.map { $0.counted(file.result.count($0)) }.joined(separator: ", ") + "; 1 accepted")
    }
}
