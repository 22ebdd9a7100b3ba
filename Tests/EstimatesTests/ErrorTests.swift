import Testing
@testable import Estimates

/// Every kind of error, with the column it names. Nothing crashes or hangs.
@Suite struct ErrorTests {
    func expectError(_ text: String, column: Int?, _ check: (CalcError.Kind) -> Bool, _ words: [String] = [],
                     sourceLocation: SourceLocation = #_sourceLocation) {
        guard let e = failure(text) else {
            Issue.record("\(text) did not fail", sourceLocation: sourceLocation)
            return
        }
        #expect(e.column == column, "\(text): \(e)", sourceLocation: sourceLocation)
        #expect(check(e.kind), "\(text): \(e)", sourceLocation: sourceLocation)
        for w in words { #expect(e.description.contains(w), "\(text): \(e) lacks \(w)", sourceLocation: sourceLocation) }
    }

    func syntax(_ k: CalcError.Kind) -> Bool { if case .syntax = k { true } else { false } }

    @Test func syntaxErrors() {
        expectError("", column: 1, syntax, ["empty"])
        expectError("   ", column: 1, syntax, ["empty"])
        expectError("2 +* 3", column: 4, syntax, ["\"*\""])
        expectError("((1)", column: 5, syntax, ["column 1"])
        expectError("1 +", column: 4, syntax, ["ends too early"])
        expectError("1)", column: 2, syntax, ["unmatched"])
        expectError("1.2.3", column: 1, syntax, ["malformed number"])
        expectError("5 \u{1b}[31m 3", column: 3, syntax, ["U+001B"])
        expectError("5 \u{202E} 3", column: 3, syntax, ["U+202E"])
        expectError("ceil(1, 2)", column: 1, syntax, ["one argument"])
        expectError("1 000 000", column: 3, syntax, ["_"])
        expectError("5 % 3", column: 5, syntax, ["not modulo"])
        expectError("5 min 30 s", column: 7, syntax, ["* or +"])
        expectError("max()", column: 5, syntax, ["needs an argument"])
        expectError("x to", column: 5, syntax, ["unit after"])
        expectError("(1 to s)", column: 4, syntax, ["at the end"])
        expectError("1 to s^0", column: 8, syntax, ["whole power"])
        expectError(String(repeating: "(", count: 200) + "1" + String(repeating: ")", count: 200), column: 65, syntax, ["nested"])
        expectError(String(repeating: "-", count: 500) + "1", column: 65, syntax, ["nested"])
        expectError(String(repeating: "1+", count: 3000) + "1", column: nil, syntax, ["too long"])
    }

    @Test func unknownNames() {
        expectError("10 M", column: 4, { if case .unknownName("M", _) = $0 { true } else { false } }, ["million"])
        expectError("5 kb", column: 3, { if case .unknownName("kb", _) = $0 { true } else { false } }, ["KB", "Kbit"])
        // Columns count characters, not bytes.
        expectError("2 µs + dau", column: 8, { if case .unknownName("dau", nil) = $0 { true } else { false } })
        expectError("1 to parsecs", column: 6, { if case .unknownName("parsecs", _) = $0 { true } else { false } })
    }

    @Test func dimensionMismatchesNameBothDimensions() {
        expectError("5 GB + 3 /s", column: 6, { $0 == .dimensionMismatch(operation: "add", left: .size, right: .rate) },
                    ["data size", "rate"])
        expectError("1 h - 1 KB", column: 5, { $0 == .dimensionMismatch(operation: "subtract", left: .time, right: .size) },
                    ["time", "data size"])
        expectError("5 GB to s", column: 6, { $0 == .dimensionMismatch(operation: "convert", left: .size, right: .time) },
                    ["convert data size (B) to time (s)"])
        expectError("20000 to /s", column: 7, { $0 == .dimensionMismatch(operation: "convert", left: .none, right: .rate) },
                    ["plain number"])
        expectError("min(1 s, 1 B)", column: 1, { $0 == .dimensionMismatch(operation: "compare", left: .time, right: .size) })
        expectError("1 GB^2 + 1 s", column: 8, { $0 == .dimensionMismatch(operation: "add", left: Dimension(data: 2), right: .time) },
                    ["B^2"])
    }

    @Test func divisionByZero() {
        expectError("1/0", column: 2, { $0 == .divisionByZero })
        expectError("5 GB / (3 s - 3 s)", column: 6, { $0 == .divisionByZero })
        expectError("0^-1", column: 2, { $0 == .divisionByZero })
    }

    @Test func overflowAndNonFiniteResults() {
        expectError("1e308 * 10", column: 7, { $0 == .notFinite }, ["too large"])
        expectError("1e400", column: 1, { $0 == .notFinite })
        expectError("10^400", column: 3, { $0 == .notFinite })
        expectError("1e200 * 1e200", column: 7, { $0 == .notFinite })
        expectError("1 / 1e-300 / 1e-300", column: 12, { $0 == .notFinite })
    }

    @Test func domainErrors() {
        func domain(_ k: CalcError.Kind) -> Bool { if case .domain = k { true } else { false } }
        expectError("sqrt(-1)", column: 1, domain, ["negative"])
        expectError("sqrt(1 GB)", column: 1, domain, ["no unit"])
        expectError("log2(0)", column: 1, domain, ["zero"])
        expectError("ceil(3 GB)", column: 1, domain, ["ceil(x / GB)"])
        expectError("ceil(20K/s / 1500)", column: 1, domain, ["rate (/s)", "ceil(x * s)"])
        expectError("(1 GB)^0.5", column: 7, domain, ["whole power"])
        expectError("2^(1 s)", column: 2, domain, ["plain number"])
        expectError("(-8)^(1/3)", column: 5, domain, ["not a real number"])
        expectError("(1 s)^13", column: 6, domain, ["whole power"])
        expectError("1 GB * 1 GB * 1 GB * 1 GB * 1 GB * 1 GB * 1 GB * 1 GB * 1 GB * 1 GB * 1 GB * 1 GB * 1 KB",
                    column: 83, domain, ["too large"])
    }
}
