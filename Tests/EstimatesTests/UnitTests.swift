import Testing
@testable import Estimates

/// Every unit spelling and number suffix, against values known independently of the code.
@Suite struct UnitTests {
    static let kilo = 1_000.0, kibi = 1_024.0

    /// (spelling, one of it in bytes or seconds, dimension)
    static let table: [(String, Double, Dimension)] = [
        ("B", 1, .size), ("byte", 1, .size), ("bytes", 1, .size),
        ("KB", 1e3, .size), ("kB", 1e3, .size), ("MB", 1e6, .size), ("GB", 1e9, .size), ("TB", 1e12, .size),
        ("PB", 1e15, .size), ("EB", 1e18, .size),
        ("KiB", 1024, .size), ("MiB", 1_048_576, .size), ("GiB", 1_073_741_824, .size),
        ("TiB", 1_099_511_627_776, .size), ("PiB", 1_125_899_906_842_624, .size),
        ("EiB", 1_152_921_504_606_846_976, .size),
        ("bit", 0.125, .size), ("bits", 0.125, .size), ("Kbit", 125, .size), ("kbit", 125, .size),
        ("Mbit", 125_000, .size), ("Gbit", 125_000_000, .size), ("Tbit", 125_000_000_000, .size),
        ("Pbit", 125_000_000_000_000, .size),
        ("bps", 0.125, .dataRate), ("Kbps", 125, .dataRate), ("kbps", 125, .dataRate), ("Mbps", 125_000, .dataRate),
        ("Gbps", 125_000_000, .dataRate), ("Tbps", 125_000_000_000, .dataRate),
        ("ns", 1e-9, .time), ("nanosecond", 1e-9, .time), ("nanoseconds", 1e-9, .time),
        ("µs", 1e-6, .time), ("μs", 1e-6, .time), ("us", 1e-6, .time), ("microsecond", 1e-6, .time),
        ("microseconds", 1e-6, .time), ("ms", 1e-3, .time), ("millisecond", 1e-3, .time), ("milliseconds", 1e-3, .time),
        ("s", 1, .time), ("sec", 1, .time), ("secs", 1, .time), ("second", 1, .time), ("seconds", 1, .time),
        ("min", 60, .time), ("mins", 60, .time), ("minute", 60, .time), ("minutes", 60, .time),
        ("h", 3600, .time), ("hr", 3600, .time), ("hrs", 3600, .time), ("hour", 3600, .time), ("hours", 3600, .time),
        ("day", 86_400, .time), ("days", 86_400, .time), ("week", 604_800, .time), ("weeks", 604_800, .time),
        ("month", 30 * 86_400, .time), ("months", 30 * 86_400, .time),
        ("year", 365 * 86_400, .time), ("years", 365 * 86_400, .time), ("yr", 365 * 86_400, .time), ("yrs", 365 * 86_400, .time),
        ("percent", 0.01, .none),
        ("req", 1, .none), ("reqs", 1, .none), ("request", 1, .none), ("requests", 1, .none), ("op", 1, .none),
        ("ops", 1, .none), ("query", 1, .none), ("queries", 1, .none), ("msg", 1, .none), ("msgs", 1, .none),
        ("message", 1, .none), ("messages", 1, .none), ("event", 1, .none), ("events", 1, .none),
        ("thousand", 1e3, .none), ("million", 1e6, .none), ("billion", 1e9, .none), ("trillion", 1e12, .none),
    ]

    @Test func everyUnitHasItsSize() {
        for (name, size, dim) in Self.table {
            guard let q = value("3 \(name)") else { continue }
            #expect(q.dimension == dim, "\(name)")
            #expect(close(q.value, 3 * size, relative: 1e-15), "3 \(name) = \(q.value), expected \(3 * size)")
        }
    }

    @Test func theTableCoversEverySpellingTheCalculatorAccepts() {
        let tested = Set(Self.table.map(\.0))
        let accepted = Set(Units.all.flatMap(\.names))
        #expect(accepted.subtracting(tested).isEmpty, "untested: \(accepted.subtracting(tested).sorted())")
        #expect(tested.subtracting(accepted).isEmpty, "not accepted: \(tested.subtracting(accepted).sorted())")
    }

    @Test func numberSuffixesAndNotation() {
        let cases: [(String, Double)] = [
            ("5K", 5e3), ("5k", 5e3), ("5M", 5e6), ("5B", 5e9), ("5T", 5e12), ("1.5K", 1500), ("2.5B", 2.5e9),
            ("6e9", 6e9), ("6E9", 6e9), ("1.5e-3", 0.0015), ("2e+3", 2000), ("1_000_000", 1e6), (".5", 0.5),
            ("12%", 0.12), ("99.9%", 0.999), ("1e3K", 1e6),
        ]
        for (text, expected) in cases {
            guard let q = value(text) else { continue }
            #expect(q.dimension == .none, "\(text)")
            #expect(close(q.value, expected, relative: 1e-15), "\(text) = \(q.value)")
        }
    }

    @Test func aSuffixRightAfterTheNumberIsAScaleAndAfterASpaceAUnit() {
        #expect(value("500B") == Quantity(500e9))
        #expect(value("500 B") == Quantity(500, .size))
        #expect(value("500MB")?.value == 500e6)
        #expect(value("5Kbit")?.value == 625)
        #expect(value("5min")?.value == 300)
        #expect(value("2K /s") == Quantity(2000, .rate))
    }

    @Test func decimalAndBinaryPrefixesConvert() {
        #expect(inUnit("1 GiB to MiB") == 1024)
        #expect(inUnit("1 KiB to KB") == 1.024)
        #expect(inUnit("1 GB to MB") == 1000)
        #expect(inUnit("1 TB to GiB").map { close($0, 931.3225746154785, relative: 1e-12) } == true)
        #expect(inUnit("8 bit to B") == 1)
        #expect(inUnit("1 Gbps to MB/s") == 125)
        #expect(inUnit("1 year to days") == 365)
        #expect(inUnit("1 month to days") == 30)
        #expect(inUnit("1 week to h") == 168)
    }
}

/// The README documents every spelling the calculator accepts.
@Suite struct DocumentationTests {
    @Test func theReadmeNamesEveryUnit() throws {
        let readme = String(decoding: try RepoFiles.data("README.md"), as: UTF8.self)
        let start = try #require(readme.range(of: "## Estimates"))
        let section = readme[start.lowerBound...].prefix { _ in true }
        let text = String(section.prefix(12_000))
        for unit in Units.all {
            for name in unit.names {
                let plural = name.hasSuffix("s") ? "`\(name.dropLast())(s)`" : "`\(name)(s)`"
                #expect(text.contains("`\(name)`") || text.contains(plural), "README does not mention \(name)")
            }
        }
        for f in CalcFunction.allCases { #expect(text.contains("`\(f.rawValue)`"), "README does not mention \(f.rawValue)") }
        for suffix in ["5K", "5k", "5M", "5B", "5T"] { #expect(text.contains("`\(suffix)`")) }
    }
}
