import DesignModel
import Foundation
import Testing

/// `sysdraft calc` and `sysdraft estimate`, run as the built binary.
@Suite struct CalcCLITests {
    /// Splits a README command line into arguments (single quotes group words).
    static func words(_ line: String) -> [String] {
        var out: [String] = [], current = "", quoted = false, any = false
        for c in line {
            if c == "'" { quoted.toggle(); any = true; continue }
            if c == " " && !quoted {
                if any { out.append(current) }
                current = ""
                any = false
                continue
            }
            current.append(c)
            any = true
        }
        if any { out.append(current) }
        return out
    }

    /// Every command in the README's calc examples prints exactly what the README says, and
    /// exits 0 (1 when it shows an error).
    @Test func theReadmeExamplesGiveTheDocumentedResults() throws {
        let readme = try String(contentsOf: Repo.root.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "<!-- calc-examples"))
        let end = try #require(readme.range(of: "<!-- end calc-examples -->"))
        let block = readme[start.upperBound..<end.lowerBound]
        var examples: [(command: String, output: [String])] = []
        for line in block.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("$ ") {
                examples.append((String(line.dropFirst(2)), []))
            } else if !examples.isEmpty && !line.hasPrefix("```") && !line.isEmpty {
                examples[examples.count - 1].output.append(String(line))
            }
        }
        #expect(examples.count >= 8)
        for (command, output) in examples {
            let args = Self.words(command)
            #expect(args.first == "sysdraft")
            let r = try run(Repo.binary, Array(args.dropFirst()))
            let expected = output.joined(separator: "\n") + "\n"
            let isError = output.first?.hasPrefix("sysdraft:") == true
            #expect(r.status == (isError ? 1 : 0), "\(command): \(r.stderr)")
            #expect((isError ? r.stderr : r.stdout) == expected, "\(command)")
            if isError { #expect(r.stdout.isEmpty) } else { #expect(r.stderr.isEmpty, "\(command): \(r.stderr)") }
        }
    }

    @Test func valuesInTheUnitAskedFor() throws {
        let cases: [([String], Double, String)] = [
            (["100M/month", "to", "/s"], 100e6 / 2_592_000, "/s"),
            (["6e9 * 500 B to TB"], 3, "TB"),
            (["1 Gbit/s to MB/s"], 125, "MB/s"),
            (["5K req/s to req/day"], 5_000 * 86_400, "req/day"),
            (["(1 - 99.9%) * year to h"], 8.76, "h"),
            (["1 TiB to GB"], 1_099.511627776, "GB"),
            (["0.25 to %"], 25, "%"),
            (["90 s"], 1.5, "min"),
            (["6e9"], 6e9, ""),
        ]
        for (args, value, unit) in cases {
            let r = try run(Repo.binary, ["calc", "--json"] + args)
            #expect(r.status == 0, "\(args): \(r.stderr)")
            let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
            let v = try #require(json?["value"] as? Double, "\(args): \(r.stdout)")
            #expect(abs(v - value) <= 1e-9 * abs(value), "\(args): \(v)")
            #expect(json?["unit"] as? String == unit, "\(args)")
        }
    }

    @Test func badExpressionsExitOneWithTheColumn() throws {
        let cases: [(String, String)] = [
            ("1 +", "column 4"), ("5 GB to s", "column 6: cannot convert data size (B) to time (s)"),
            ("2 * dau", "column 5: unknown name \"dau\""), ("1/0", "column 2: division by zero"),
            ("1e308 * 10", "column 7: the result is too large"), ("((2)", "column 5"),
        ]
        for (expr, message) in cases {
            let r = try run(Repo.binary, ["calc", expr])
            #expect(r.status == 1, "\(expr)")
            #expect(r.stdout.isEmpty)
            #expect(r.stderr.contains(message), "\(expr): \(r.stderr)")
        }
        let j = try run(Repo.binary, ["calc", "--json", "1 +"])
        #expect(j.status == 1)
        let json = try JSONSerialization.jsonObject(with: Data(j.stdout.utf8)) as? [String: Any]
        #expect(json?["column"] as? Int == 4)
        // Hostile text comes back visible, never raw.
        let hostile = try run(Repo.binary, ["calc", "1 + \u{1b}[2J"])
        #expect(hostile.status == 1)
        #expect(!hostile.stderr.contains("\u{1b}"))
        #expect(hostile.stderr.contains("U+001B"))
        #expect(try run(Repo.binary, ["calc"]).status == 64)
        #expect(try run(Repo.binary, ["calc", "--no-such-flag-here", "1"]).status == 64)
        #expect(try run(Repo.binary, ["calc", "-5", "s"]).stdout == "-5 s\n")
    }

    @Test func theReferenceCard() throws {
        let r = try run(Repo.binary, ["calc", "--reference"])
        #expect(r.status == 0, "\(r.stderr)")
        for text in ["Latency", "Reference in main memory", "2012", "2^30", "1,073,741,824", "99.999%", "5.26 min",
                     "31,536,000"] {
            #expect(r.stdout.contains(text), "\(text)")
        }
    }

    @Test func estimateOnTheWorkedExample() throws {
        let r = try run(Repo.binary, ["estimate", Repo.example])
        #expect(r.status == 0, "\(r.stderr)")
        for text in ["Capacity estimates", "peak_read_qps", "19.3K /s", "3.0 TB", "Load on the data flows", "Component capacity"] {
            #expect(r.stdout.contains(text), "\(text)")
        }
        let j = try run(Repo.binary, ["estimate", "--json", Repo.example])
        #expect(j.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(j.stdout.utf8)) as? [String: Any])
        let estimates = try #require(json["estimates"] as? [[String: Any]])
        let peak = try #require(estimates.first { $0["name"] as? String == "peak_read_qps" })
        let result = try #require(peak["result"] as? [String: Any])
        // 100M links a month, 100 reads each, five times the average at peak.
        let expected = 100e6 / 2_592_000 * 100 * 5
        #expect(abs((result["value"] as? Double ?? 0) - expected) < 1e-9 * expected)
        #expect(result["unit"] as? String == "/s")
        #expect((json["flows"] as? [Any])?.isEmpty == false)
    }

    @Test func brokenEstimatesAreReportedByEstimateAndValidate() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        var d = Design(title: "Broken", now: Date(timeIntervalSince1970: 1_790_000_000))
        d.addEstimate(name: "qps", expression: "200 /s")
        d.addEstimate(name: "size", expression: "qps + 1 KB", description: "oops")
        d.addEstimate(name: "uses", expression: "size * 2")
        d.addEstimate(name: "evil\u{1b}[31m", expression: "1")
        let path = dir.file("broken.json")
        try DesignCodec.encode(d).write(to: URL(fileURLWithPath: path))
        let r = try run(Repo.binary, ["estimate", path])
        #expect(r.status == 1)
        #expect(r.stdout.contains("error: column 5: cannot add rate (/s) and data size (B)"))
        #expect(r.stdout.contains("depends on size (error)"))
        #expect(!r.stdout.contains("\u{1b}"))
        let v = try run(Repo.binary, ["validate", path])
        #expect(v.status == 1)
        #expect(v.stderr.contains("estimates[1].expression: estimate est-2 \"size\": column 5"))
        #expect(v.stderr.contains("estimates[3].name"))
        #expect(!v.stderr.contains("estimates[2]"), "dependents are not repeated")
        #expect(!v.stderr.contains("\u{1b}"))
        #expect(try run(Repo.binary, ["estimate", dir.file("missing.json")]).status == 3)
    }
}
