import DesignModel
import Foundation
import Testing

/// The design review in a real terminal: the header's count, the Review screen, Enter to the
/// item, fixing a finding by editing, accepting one with a reason, and the saved file reviewed
/// again by `sysdraft review`.
@Suite(.serialized) struct ReviewTerminalTests {
    /// The worked example (nothing open) with two planted problems: the client reads the link
    /// store directly (an error) and the link store no longer says how it survives a failure
    /// (a single point of failure: a warning).
    static func flawed() throws -> Design {
        var d = try DesignCodec.decode(try Data(contentsOf: URL(fileURLWithPath: Repo.example)))
        d.flows.append(Flow(id: "flow-99", from: "comp-1", to: "comp-10", label: "read links directly"))
        let store = try #require(d.components.firstIndex { $0.id == "comp-10" })
        d.components[store].redundancy = nil
        return d
    }

    /// The header line (the first line of the screen).
    func header(_ screen: String) -> String { String(screen.split(separator: "\n", omittingEmptySubsequences: false).first ?? "") }

    @Test func reviewJumpFixAcceptAndSave() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.file("flawed.json")
        try DesignCodec.encode(try Self.flawed()).write(to: URL(fileURLWithPath: path))
        let t = try TmuxSession("\(Repo.binary) flawed.json", cwd: dir.path, columns: 120, rows: 40)

        // The header counts what the review finds as soon as the design opens.
        let opened = try t.waitFor("the review's count in the header") { self.header($0).contains("R 1 error, 1 warning") }
        #expect(opened.contains("URL shortener"))

        // The Review screen: errors first, the selected finding in full with its fix.
        try t.keys("R")
        let review = try t.waitFor(text: "Review — All stages: 2 open")
        let err = try #require(review.range(of: "ERR"), "\(review)")
        let warn = try #require(review.range(of: "WARN"), "\(review)")
        #expect(err.lowerBound < warn.lowerBound, "errors come before warnings")
        #expect(review.contains("flow.client-to-store · error · stage 2"), "\(review)")
        #expect(review.contains("Fix"))

        // Enter goes to the item the finding is about: the flow, in the flows pane.
        try t.keys("Enter")
        let jumped = try t.waitFor("the flow's details") { !$0.contains("Review — ") && $0.contains("flow-99") }
        #expect(jumped.contains("Users & API clients → Link store"), "\(jumped)")

        // Deleting the flow fixes the error; the header follows the edit.
        try t.keys("d")
        try t.waitFor("the error to go from the header") { self.header($0).contains("R 1 warning") && !self.header($0).contains("error") }

        // Accept the remaining finding with a reason.
        try t.keys("R")
        let one = try t.waitFor(text: "Review — All stages: 1 open")
        #expect(one.contains("component.single-point-of-failure"), "\(one)")
        try t.keys("a")
        try t.waitFor(text: "Accept a finding")
        try t.keys("Tab")
        try t.type("DynamoDB replicates across three zones")
        try t.keys("C-s")
        let accepted = try t.waitFor("the header without findings") { !$0.contains("Accept a finding") && !self.header($0).contains("R 1") }
        #expect(accepted.contains("Review — All stages: nothing open, 1 accepted"), "\(accepted)")
        #expect(accepted.contains("DynamoDB replicates across three zones"), "the accepted finding is listed with its reason")

        try t.keys("Escape")
        try t.waitFor("the panes") { !$0.contains("Review — ") }
        try t.keys("C-s")
        try t.waitFor(text: "Saved")
        try t.keys("q")
        try t.waitFor(text: "EXITED=0")

        // The file holds the acceptance; the review from the command line agrees.
        let doc = try json(path)
        let acceptances = try #require(doc["acceptedFindings"] as? [[String: Any]])
        #expect(acceptances.count == 1)
        #expect(acceptances.first?["rule"] as? String == "component.single-point-of-failure")
        #expect((acceptances.first?["items"] as? [String])?.contains("comp-10") == true)
        #expect(acceptances.first?["reason"] as? String == "DynamoDB replicates across three zones")
        #expect(!(try #require(doc["flows"] as? [[String: Any]])).contains { $0["id"] as? String == "flow-99" })
        let cli = try sysdraft("review", path, "--format", "json", "--fail-on", "info",
                               env: ["XDG_CONFIG_HOME": dir.file("config"), "HOME": dir.path])
        #expect(cli.status == 0, "\(cli.stdout)\n\(cli.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(cli.stdout.utf8)) as? [String: Any])
        #expect((object["findings"] as? [Any])?.isEmpty == true)
        #expect((object["accepted"] as? [[String: Any]])?.first?["rule"] as? String == "component.single-point-of-failure")
    }
}
