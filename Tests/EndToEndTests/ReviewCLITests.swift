import DesignModel
import Foundation
import Testing

/// `sysdraft review` end to end: planted problems reported on the right items in JSON, SARIF read
/// by a real consumer (sarif-tools), exit codes, and the settings files.
@Suite struct ReviewCLITests {
    /// A small design with problems planted on known items.
    static func planted() -> Design {
        var d = Design(title: "Planted", now: Date(timeIntervalSince1970: 1_700_000_000))
        d.requirements = [Requirement(id: "req-1", kind: .functional, text: "Create orders"),
                          Requirement(id: "req-2", kind: .nonFunctional, text: "Highly available", category: .availability)]
        d.components = [Component(id: "comp-1", name: "Browser", kind: .client),
                        Component(id: "comp-2", name: "Orders", kind: .service, requirements: ["req-1"]),
                        Component(id: "comp-3", name: "Orders DB", kind: .database),
                        Component(id: "comp-4", name: "Payments", kind: .external)]
        d.flows = [Flow(id: "flow-1", from: "comp-1", to: "comp-2", label: "orders"),
                   Flow(id: "flow-2", from: "comp-2", to: "comp-3", label: "insert order"),
                   Flow(id: "flow-3", from: "comp-1", to: "comp-3", label: "read orders"),
                   Flow(id: "flow-4", from: "comp-2", to: "comp-4", label: "charge")]
        return d
    }

    func write(_ d: Design, in dir: TempDir, _ name: String = "planted.json") throws -> String {
        let path = dir.file(name)
        try DesignCodec.encode(d).write(to: URL(fileURLWithPath: path))
        return path
    }

    func json(_ r: RunResult) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], "\(r.stdout)\n\(r.stderr)")
    }

    func findings(_ object: [String: Any], _ key: String = "findings") -> [(rule: String, items: [String], severity: String)] {
        (object[key] as? [[String: Any]] ?? []).map { ($0["rule"] as? String ?? "", $0["items"] as? [String] ?? [], $0["severity"] as? String ?? "") }
    }

    /// No user settings unless a test writes some.
    func env(_ dir: TempDir) -> [String: String] { ["XDG_CONFIG_HOME": dir.file("config"), "HOME": dir.path] }

    @Test func plantedProblemsAreReportedOnTheirItems() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = try write(Self.planted(), in: dir)
        let r = try sysdraft("review", path, "--format", "json", env: env(dir))
        #expect(r.status == 4, "an error reaches the default --fail-on error")
        let found = findings(try json(r))
        func has(_ rule: String, _ items: Set<String>) -> Bool { found.contains { $0.rule == rule && items.isSubset(of: Set($0.items)) } }
        #expect(has("flow.client-to-store", ["comp-1", "comp-3", "flow-3"]))
        #expect(has("component.single-point-of-failure", ["comp-3"]))
        #expect(has("path.sync-slow-dependency", ["comp-4", "comp-2"]))
        #expect(has("component.entry-without-load-balancer", ["comp-2", "comp-1"]))
        #expect(has("path.no-authentication", ["comp-2", "comp-1"]))
        #expect(has("requirement.unmeasurable", ["req-2"]))
        #expect(has("design.no-trade-off", []))
        #expect(found.first?.severity == "error")
    }

    @Test func failOnSetsTheExitCode() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = try write(Self.planted(), in: dir)
        #expect(try sysdraft("review", path, "--fail-on", "never", env: env(dir)).status == 0)
        #expect(try sysdraft("review", path, "--fail-on", "warning", env: env(dir)).status == 4)
        let example = try sysdraft("review", Repo.example, "--fail-on", "info", env: env(dir))
        #expect(example.status == 0, "the worked example has nothing open: \(example.stdout)")
        #expect(try sysdraft("review", path, "--fail-on", "sometimes", env: env(dir)).status == 64)
        #expect(try sysdraft("review", dir.file("missing.json"), env: env(dir)).status == 3)
        let broken = try dir.write("broken.json", "{\"schemaVersion\": 8, ")
        #expect(try sysdraft("review", broken, env: env(dir)).status == 1)
    }

    @Test func textNamesTheLineOfEachItem() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = try write(Self.planted(), in: dir)
        let r = try sysdraft("review", path, env: env(dir))
        let lines = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false)
        let direct = try #require(r.stdout.split(separator: "\n").first { $0.hasSuffix("[flow.client-to-store]") })
        // FILE:LINE:COL: error: ...
        let parts = direct.dropFirst(path.count + 1).split(separator: ":", maxSplits: 2)
        let line = try #require(Int(parts[0]))
        #expect(lines[line - 1].contains("\"flow-3\""))
        #expect(direct.contains(": error: "))
    }

    /// `sarif summary` prints a line `level: count` per level it saw.
    func sarifCounts(_ summary: String) -> [String: Int] {
        var out: [String: Int] = [:]
        for line in summary.split(separator: "\n") {
            let parts = line.split(separator: ":")
            if parts.count == 2, ["error", "warning", "note", "none"].contains(String(parts[0])),
               let n = Int(parts[1].trimmingCharacters(in: .whitespaces)) { out[String(parts[0])] = n }
        }
        return out
    }

    @Test func sarifIsReadByARealConsumerThatCountsTheSameFindings() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        var d = Self.planted()
        d.acceptedFindings = [AcceptedFinding(id: "accept-1", rule: "design.no-trade-off", items: [], reason: "A spike")]
        let path = try write(d, in: dir)
        let sarif = try sysdraft("review", path, "--format", "sarif", env: env(dir))
        #expect(sarif.status == 4)
        let sarifFile = try dir.write("review.sarif", sarif.stdout)
        let tool = Repo.root.appendingPathComponent(".build/venv/bin/sarif").path
        guard FileManager.default.isExecutableFile(atPath: tool) else {
            Issue.record("\(tool) is missing; run `make deps-py` (or `make test`, which does)")
            return
        }
        let summary = try run(tool, ["summary", sarifFile])
        #expect(summary.status == 0, "\(summary.stderr)")
        let counted = sarifCounts(summary.stdout)
        let object = try json(try sysdraft("review", path, "--format", "json", env: env(dir)))
        let all = findings(object) + findings(object, "accepted")
        var expected: [String: Int] = [:]
        for f in all { expected[f.severity == "info" ? "note" : f.severity, default: 0] += 1 }
        #expect(counted.filter { $0.value > 0 } == expected, "sarif summary said:\n\(summary.stdout)")
        // Each rule is counted under its id.
        for f in all { #expect(summary.stdout.contains(f.rule), "\(f.rule)") }
        let ls = try run(tool, ["ls", sarifFile])
        #expect(ls.status == 0)
    }

    @Test func repositoryAndUserSettingsApplyAndUnknownRulesAreNamed() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        try FileManager.default.createDirectory(atPath: dir.file("repo/.git"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir.file("repo/designs"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir.file("config/sysdraft"), withIntermediateDirectories: true)
        let path = try write(Self.planted(), in: dir, "repo/designs/planted.json")
        _ = try dir.write("config/sysdraft/config.toml", "[review]\n\"flow.client-to-store\" = \"warning\"\ndesign.no-trade-off = \"off\"\n")
        _ = try dir.write("repo/.sysdraft.toml", "# team policy\n[review]\n\"flow.client-to-store\" = \"error\"\n\"path.sync-slow-dependency\" = \"off\"\nflow.unlabeled = \"off\"\n")
        // A .sysdraft.toml above the repository root does not apply.
        _ = try dir.write(".sysdraft.toml", "[review]\n\"component.single-point-of-failure\" = \"off\"\n")
        let r = try sysdraft("review", path, "--format", "json", env: env(dir))
        let found = findings(try json(r))
        #expect(found.first { $0.rule == "flow.client-to-store" }?.severity == "error", "the repository wins over the user")
        #expect(!found.contains { $0.rule == "path.sync-slow-dependency" })
        #expect(!found.contains { $0.rule == "design.no-trade-off" })
        #expect(found.contains { $0.rule == "component.single-point-of-failure" })
        #expect(r.stderr.contains(".sysdraft.toml:5: unknown review rule \"flow.unlabeled\""), "\(r.stderr)")
    }

    @Test func listRulesNamesEveryRule() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let r = try sysdraft("review", "--list-rules", "--format", "json", env: env(dir))
        #expect(r.status == 0)
        let rules = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        let ids = rules.compactMap { $0["id"] as? String }
        #expect(ids.contains("component.single-point-of-failure") && ids.contains("endpoint.duplicate-route"))
        #expect(rules.allSatisfy { ($0["stage"] as? String).map { StageKey(rawValue: $0) != nil } ?? false })
        let text = try sysdraft("review", "--list-rules", env: env(dir))
        for id in ids { #expect(text.stdout.contains(id)) }
    }
}
