import Foundation
import Testing

/// Opening a design that does not load prints each problem on a line of its own.
@Suite struct OpenErrorsCLITests {
    @Test func eachProblemOfAnInvalidDesignIsALine() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let data = try Data(contentsOf: URL(fileURLWithPath: Repo.example))
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var flows = try #require(object["flows"] as? [[String: Any]])
        flows[0]["from"] = "nowhere"
        flows[1]["to"] = "elsewhere"
        object["flows"] = flows
        let path = dir.file("broken.json")
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
        let r = try sysdraft(path)
        #expect(r.status != 0)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.contains { $0.contains("\"nowhere\"") } && lines.contains { $0.contains("\"elsewhere\"") })
        #expect(!lines.contains { $0.contains("nowhere") && $0.contains("elsewhere") }, "one problem per line")
        #expect(!r.stderr.contains("↵"))
    }
}
