import Testing
@testable import Estimates

/// Arithmetic, precedence, functions and conversions.
@Suite struct CalculatorTests {
    @Test func theIssuesExamples() {
        #expect(shown("100M/month to /s", .precise) == "38.58 /s")
        #expect(shown("6e9 * 500 B to TB", .precise) == "3 TB")
        #expect(shown("100M/month") == "38.6 /s")
        #expect(shown("6e9 * 500 B to TB") == "3.0 TB")
        #expect(shown("1.2 Gbit/s") == "1.2 Gbit/s")
    }

    @Test func precedence() {
        let cases: [(String, Double)] = [
            ("1 + 2 * 3", 7), ("(1 + 2) * 3", 9), ("2^3^2", 512), ("-2^2", -4), ("2^-1", 0.5), ("10 - 4 - 3", 3),
            ("100 / 10 / 5", 2), ("1 / 2 * 4", 2), ("2 (3 + 4)", 14), ("50% * 8", 4), ("--3", 3),
            ("+4", 4), ("1 × 2 · 3 ÷ 6", 1), ("5 − 2", 3), ("2**10", 1024), ("2 ** 3 ** 2", 512),
            ("6 billion", 6e9), ("2.5 million / 1 thousand", 2500),
        ]
        for (text, expected) in cases {
            #expect(value(text).map { close($0.value, expected, relative: 1e-15) } == true, "\(text)")
        }
    }

    @Test func juxtapositionBindsTighterThanDivision() {
        // 1/2 s is one per two seconds, as in GNU units.
        #expect(value("1 / 2 s") == Quantity(0.5, .rate))
        #expect(value("100 MB / 2 s") == Quantity(50e6, .dataRate))
        #expect(value("60 s / min") == Quantity(1))
    }

    @Test func aSlashWithoutSpacesBeforeAUnitBindsToItsNumber() {
        #expect(value("20K/s / 1500/s")?.value == 20_000.0 / 1500)
        #expect(value("3 TB / 100 Mbit/s")?.dimension == .time)
        #expect(value("2 / s / 2") == Quantity(1, .rate))
        #expect(value("1 / 2/s") == Quantity(0.5, .time))
        #expect(shown("5M req/day * 3 -> req/s", .precise) == "173.6 req/s")
    }

    @Test func functions() {
        let cases: [(String, Double)] = [
            ("ceil(2.1)", 3), ("floor(2.9)", 2), ("round(2.5)", 3), ("round(-2.5)", -3), ("min(3, 1, 2)", 1),
            ("max(3, 1, 2)", 3), ("sqrt(16)", 4), ("log2(1024)", 10), ("log10(1M)", 6), ("abs(-3)", 3),
            ("ceil(10K / (1K * 70%))", 15), ("min(2 min, 90 s) / s", 90),
        ]
        for (text, expected) in cases {
            #expect(value(text)?.value == expected, "\(text)")
        }
        #expect(value("sqrt(9 GB^2)") == Quantity(3e9, .size))
        #expect(value("max(1 KB, 1 KiB)") == Quantity(1024, .size))
        // `min(` calls the function; `min` on its own is minutes.
        #expect(value("5 min") == Quantity(300, .time))
        #expect(value("min (2)") == Quantity(120, .time))
    }

    @Test func conversionsKeepTheValueAndChooseTheUnit() {
        let c = try! Calculation("1 GB/s -> Mbit/s")
        #expect(c.value == Quantity(1e9, .dataRate))
        #expect(c.shown(.precise).text == "8000 Mbit/s")
        #expect(c.shown(.precise).unit == "Mbit/s")
        #expect(shown("0.25 to %", .precise) == "25 %")
        #expect(shown("5K req/s to req/day", .precise) == "432000000 req/day")
        #expect(shown("1 KB * 1 s to B*s", .precise) == "1000 B*s")
        #expect(shown("90 min to h", .precise) == "1.5 h")
        #expect(shown("3 TB → GB", .precise) == "3000 GB")
    }

    @Test func availabilityArithmetic() {
        #expect(shown("(1 - 99.9%) * year to h", .precise) == "8.76 h")
        #expect(shown("(1 - 99.99%) * month to min", .precise) == "4.32 min")
    }
}
