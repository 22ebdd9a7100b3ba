import Testing
@testable import Estimates

/// The unit and digits values print with.
@Suite struct FormatTests {
    @Test func displayChoosesAReadableUnitPerDimension() {
        let cases: [(String, String)] = [
            // sizes stay in bytes unless written in bits
            ("6e9 * 500 B", "3.0 TB"), ("1536 B", "1.5 KB"), ("999.97 KB", "1.0 MB"), ("12 B", "12.0 B"),
            ("4 Kbit * 1000", "4.0 Mbit"), ("1 KiB", "1.0 KB"),
            // data rates: B/s for bytes, bit/s for bits
            ("100 /s * 500 B", "50.0 KB/s"), ("100 /s * 4 Kbit", "400 Kbit/s"), ("1.2 Gbit/s", "1.2 Gbit/s"),
            ("85 GB / day", "984 KB/s"),
            // times
            ("90 s", "1.5 min"), ("36 h", "1.5 days"), ("0.5 ms", "500 µs"), ("1 day", "1.0 day"),
            ("400 days", "1.1 years"), ("20 ns", "20.0 ns"),
            // rates per second, or per longer periods below one a second
            ("100M/month", "38.6 /s"), ("20K /s", "20.0K /s"), ("100 / day", "4.2 /h"), ("2 / month", "2.0 /month"),
            // plain numbers: whole numbers below 1000 as they are, K/M/B/T above
            ("3", "3"), ("1500", "1.5K"), ("999999", "1.0M"), ("6e9", "6.0B"), ("2.5T", "2.5T"), ("0.999", "0.999"),
            ("1/3", "0.333"), ("0.0005", "0.0005"), ("2^60", "1.2e18"), ("-1500", "-1.5K"),
            // anything else in base units
            ("1 KB * 1 s", "1.0K B*s"), ("1 / s^2", "1.0 /s^2"),
        ]
        for (text, expected) in cases {
            #expect(shown(text) == expected, "\(text)")
        }
    }

    @Test func preciseIsFourSignificantDigits() {
        let cases: [(String, String)] = [
            ("100M/month", "38.58 /s"), ("6e9 * 500 B", "3 TB"), ("1 / 3", "0.3333"), ("2^10", "1.024K"),
            ("123456", "123.5K"), ("20000 /s to /s", "20000 /s"), ("0.00012346", "0.0001235"),
        ]
        for (text, expected) in cases {
            #expect(shown(text, .precise) == expected, "\(text)")
        }
    }

    @Test func aTargetUnitIsKept() {
        #expect(shown("1 GiB to B") == "1073741824 B")
        #expect(shown("20000 /s to /s") == "20.0K /s")
        #expect(shown("1 TB to GiB", .precise) == "931.3 GiB")
        #expect(shown("1 to %") == "100 %")
    }

    @Test func zeroAndNegativeValues() {
        #expect(shown("0 B") == "0 B")
        #expect(shown("0 /s") == "0 /s")
        #expect(shown("-2 GB") == "-2.0 GB")
        #expect(shown("1 KB - 2 KB") == "-1.0 KB")
    }
}
