import Foundation
import Testing

/// `sysdraft calc` checked against numbers that do not come from sysdraft: GNU units computes
/// the expected value of every expression (written in its own syntax, with our conventions made
/// explicit: a month is 30 days, a year 365 days, KB is 1,000 bytes), and the value sysdraft
/// prints must be within 0.1 % of it, in the unit asked for. A further set kept outside the
/// repository can be named by `SYSDRAFT_CALC_CASES` (lines `expression<TAB>value<TAB>unit`,
/// `#` comments); it is checked the same way.
@Suite struct CalcOracleTests {
    /// sysdraft's expression, the same quantity for GNU units, the unit GNU units converts it
    /// to (empty for a plain number), and the unit sysdraft must print.
    static let cases: [(ours: String, units: String, to: String, unit: String)] = [
        ("100M/month to /s", "100e6 / (30 day)", "1/s", "/s"),
        ("6e9 * 500 B to TB", "6e9 * 500 byte", "1e12 byte", "TB"),
        ("1 Gbit/s to MB/s", "1e9 bit/s", "1e6 byte/s", "MB/s"),
        ("5K req/s to req/day", "5000/s", "1/day", "req/day"),
        ("(1 - 99.9%) * year to h", "(1 - 0.999) * 365 day", "hour", "h"),
        ("(1 - 99.99%) * month to min", "(1 - 0.9999) * 30 day", "minute", "min"),
        ("1 TiB to GB", "2^40 byte", "1e9 byte", "GB"),
        ("3 PiB / 1.5 to TiB", "3 * 2^50 byte / 1.5", "2^40 byte", "TiB"),
        ("10 Tbit to TB", "10e12 bit", "1e12 byte", "TB"),
        ("200 Mbit/s * 1 h to GB", "200e6 bit/s * 1 hour", "1e9 byte", "GB"),
        ("500M * 2 KB / day to MB/s", "500e6 * 2000 byte / day", "1e6 byte/s", "MB/s"),
        ("1.5e8 * 365 * 5 * 100 B to PB", "1.5e8 * 365 * 5 * 100 byte", "1e15 byte", "PB"),
        ("ceil(38.6K /s / (2500 /s))", "ceil(38600 / 2500)", "", ""),
        ("floor(log2(6e9))", "floor(log2(6e9))", "", ""),
        ("sqrt(2 TB * 8 GB) to GB", "sqrt(2e12 byte * 8e9 byte)", "1e9 byte", "GB"),
        ("log10(1e9)", "log(1e9)", "", ""),
        ("2^30 B to GiB", "2^30 byte", "2^30 byte", "GiB"),
        ("1 week to h", "1 week", "hour", "h"),
        ("90 min to s", "90 minute", "s", "s"),
        ("250 ms * 4 to s", "250 millisecond * 4", "s", "s"),
        ("1 day / 250 ms", "1 day / 250 millisecond", "", ""),
        ("20 % * 300 GB to GB", "0.2 * 300e9 byte", "1e9 byte", "GB"),
        ("1e9 req/day to /s", "1e9 / day", "1/s", "/s"),
        ("100 Kbit to B", "100e3 bit", "byte", "B"),
        ("64 KiB * 1M to GiB", "64 * 1024 byte * 1e6", "2^30 byte", "GiB"),
        ("3 TB / 5 Gbit/s to h", "3e12 byte / (5e9 bit/s)", "hour", "h"),
        ("12 GB / (100 MB/s) to min", "12e9 byte / (100e6 byte/s)", "minute", "min"),
        ("2.5B * 1 KB to TB", "2.5e9 * 1000 byte", "1e12 byte", "TB"),
        ("1T bit to TB", "1e12 bit", "1e12 byte", "TB"),
        ("1 h -> s", "1 hour", "s", "s"),
        ("7 * 24 h to week", "7 * 24 hour", "week", "week"),
        ("100 µs * 1K to ms", "100 microsecond * 1000", "millisecond", "ms"),
        ("0.25 to %", "0.25", "percent", "%"),
        ("1 year to day", "365 day", "day", "day"),
        ("2 weeks / 3 days", "2 week / 3 day", "", ""),
        ("ceil(50K msg/s * 1 KB / (10 MB/s))", "ceil(50000/s * 1000 byte / (10e6 byte/s))", "", ""),
        ("1 PB / 1 TiB", "1e15 byte / 2^40 byte", "", ""),
        ("(6e9 * 500 B) / (1 Gbit/s) to day", "6e9 * 500 byte / (1e9 bit/s)", "day", "day"),
        ("1K * 4 KiB * 3 / 70% to MB", "1000 * 4096 byte * 3 / 0.7", "1e6 byte", "MB"),
    ]

    /// The value GNU units gives for `expression` in `target` (a plain number when empty).
    func unitsValue(_ expression: String, _ target: String) throws -> Double {
        let r = try run(try gnuUnits(), ["--terse", "--digits", "15", expression] + (target.isEmpty ? [] : [target]))
        #expect(r.status == 0, "GNU units on \(expression) → \(target): \(r.stdout) \(r.stderr)")
        let text = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return try #require(Double(text), "GNU units on \(expression) → \(target) printed \(text)")
    }

    /// `sysdraft calc --json`: the value and the unit it is expressed in.
    func calc(_ expression: String) throws -> (value: Double, unit: String) {
        let r = try run(Repo.binary, ["calc", "--json", expression])
        #expect(r.status == 0, "\(expression): \(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any],
                                "\(expression): \(r.stdout)")
        let value = try #require((json["value"] as? NSNumber)?.doubleValue, "\(expression): \(r.stdout)")
        return (value, try #require(json["unit"] as? String, "\(expression): \(r.stdout)"))
    }

    func within(_ got: Double, _ expected: Double) -> Bool {
        abs(got - expected) <= 0.001 * abs(expected) + 1e-12
    }

    @Test func agreesWithGNUUnits() throws {
        for c in Self.cases {
            let expected = try unitsValue(c.units, c.to)
            let got = try calc(c.ours)
            #expect(within(got.value, expected), "\(c.ours): sysdraft \(got.value), GNU units \(expected)")
            #expect(got.unit == c.unit, "\(c.ours): unit \(got.unit)")
        }
    }

    /// The oracle is not fooled by itself: a wrong convention (an average Gregorian month, as
    /// GNU units has it) is outside the tolerance, so the test can fail.
    @Test func theToleranceSeesAWrongConvention() throws {
        let gregorian = try unitsValue("100e6 / month", "1/s")
        #expect(!within(try calc("100M/month to /s").value, gregorian))
    }

    @Test func theSetKeptOutsideTheRepository() throws {
        guard let path = ProcessInfo.processInfo.environment["SYSDRAFT_CALC_CASES"], !path.isEmpty else { return }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var checked = 0
        for (n, line) in text.split(separator: "\n").enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            try #require(fields.count >= 2, "\(path):\(n + 1): expected expression<TAB>value<TAB>unit")
            let expected = try #require(Double(fields[1].trimmingCharacters(in: .whitespaces)),
                                        "\(path):\(n + 1): \(fields[1]) is not a number")
            let unit = fields.count > 2 ? fields[2].trimmingCharacters(in: .whitespaces) : ""
            let got = try calc(fields[0])
            #expect(within(got.value, expected), "\(path):\(n + 1): \(fields[0]) gave \(got.value), expected \(expected)")
            #expect(got.unit == unit, "\(path):\(n + 1): \(fields[0]) gave unit \(got.unit), expected \(unit)")
            checked += 1
        }
        #expect(checked > 0, "\(path) holds no cases")
    }
}

/// GNU units (`make test` installs the Debian package `units`); missing, the test fails.
func gnuUnits() throws -> String {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") + ["/usr/bin"] {
        let path = "\(dir)/units"
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    throw CalcToolMissing()
}

struct CalcToolMissing: Error, CustomStringConvertible {
    var description: String { "GNU units is not installed (apt-get install units, or run `make test`, which does)" }
}
