import PropertyBased
import Testing
@testable import Estimates

/// A small deterministic generator driven by a seed PropertyBased picks (reported on failure).
struct Draw {
    var state: UInt64
    init(_ seed: Int) { state = UInt64(bitPattern: Int64(seed)) &* 0x9E37_79B9_7F4A_7C15 | 1 }

    mutating func next(_ n: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(n))
    }

    mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }

    /// A positive double spanning `10^lo ... 10^hi`, with random digits.
    mutating func magnitude(_ lo: Int, _ hi: Int) -> Double {
        let mantissa = 1 + Double(next(1_000_000_000)) / 1e9 * 9
        var v = mantissa
        let e = lo + next(hi - lo + 1)
        for _ in 0..<abs(e) { v = e < 0 ? v / 10 : v * 10 }
        return v
    }

    /// A random expression as text: numbers (with suffixes and exponents), units, names of
    /// nothing, operators, functions, percentages, parentheses and uneven spacing.
    mutating func expression(depth: Int = 0) -> String {
        func space() -> String { ["", " ", "  "][next(3)] }
        if depth > 3 || next(3) == 0 {
            switch next(6) {
            case 0: return "\(next(1000))"
            case 1: return "\(next(100)).\(next(100))" + pick(["", "K", "M", "B", "T", "e3", "e-2"])
            case 2: return "\(next(50) + 1) " + pick(["B", "KB", "MiB", "Gbit", "s", "ms", "min", "day", "year", "req"])
            case 3: return "\(next(90) + 1)%"
            case 4: return pick(["GB", "s", "h", "month", "Mbps", "KiB"])
            default: return "\(next(9) + 1)e\(next(12))"
            }
        }
        let a = expression(depth: depth + 1), b = expression(depth: depth + 1)
        switch next(12) {
        case 11: return "(" + a + ")" + pick(["/s", "/day", "/GB", "/min", "/h^2"])
        case 0: return a + space() + "+" + space() + b
        case 1: return a + space() + "-" + space() + b
        case 2: return a + space() + "*" + space() + b
        case 3: return a + space() + "/" + space() + b
        case 4: return "(" + a + ")^" + pick(["2", "-1", "3", "0.5"])
        case 5: return "-" + a
        case 6: return "(" + space() + a + space() + ")"
        case 7: return pick(["ceil", "floor", "round", "sqrt", "log2", "log10", "abs"]) + "(" + a + ")"
        case 8: return pick(["min", "max"]) + "(" + a + ", " + b + ")"
        case 9: return "\(next(9) + 1) (" + a + ")"
        default: return "(" + a + ") " + pick(["B", "s", "/s", "GB", "%"])
        }
    }
}

/// Units of one dimension, for conversions.
let unitsByDimension: [[String]] = [
    ["B", "KB", "MB", "GB", "TB", "PB", "KiB", "MiB", "GiB", "TiB", "bit", "Kbit", "Mbit", "Gbit", "Tbit"],
    ["ns", "µs", "ms", "s", "min", "h", "day", "week", "month", "year"],
    ["/s", "/min", "/h", "/day", "/month", "/year", "req/s", "/ms"],
    ["B/s", "KB/s", "MB/s", "GB/s", "bit/s", "Kbit/s", "Mbit/s", "Gbit/s", "Gbps", "Mbps", "TB/day", "GB/month"],
    ["%", "percent"],
]

@Suite struct PropertyTests {
    /// A value printed in full reads back as the same value, in every unit family.
    @Test func printingAValueThenParsingItGivesTheSameValue() async {
        await propertyCheck(count: 400, input: Gen.int(in: 0...Int(Int32.max))) { seed in
            var d = Draw(seed)
            let dims: [Dimension] = [.none, .size, .time, .rate, .dataRate, Dimension(data: 2), Dimension(time: -2)]
            let dim = d.pick(dims)
            let q = Quantity((d.next(4) == 0 ? -1 : 1) * d.magnitude(-6, 14), dim, inBits: d.next(2) == 0,
                             isPercent: dim.isNone && d.next(3) == 0)
            let text = ValueFormat.show(q, style: .exact).text
            let back = try? Calculation(text).value
            #expect(back?.dimension == q.dimension, "\(q.value) \(q.dimension): \(text)")
            #expect(back.map { close($0.value, q.value, relative: 4e-16 * 4) } == true, "\(q.value): \(text) → \(String(describing: back?.value))")
            // Rounded forms read back as the value to the precision they show.
            for (style, tolerance) in [(ValueFormat.Style.display, 0.05), (.precise, 0.0005)] {
                let t = ValueFormat.show(q, style: style).text
                let v = try? Calculation(t).value
                #expect(v?.dimension == q.dimension && v.map { close($0.value, q.value, relative: tolerance) } == true,
                        "\(q.value) \(q.dimension) as \(style): \(t)")
            }
        }
    }

    /// An expression written out canonically parses to the same operations: the same value,
    /// bit for bit (or the same error), and writing it out again changes nothing.
    @Test func printingAnExpressionThenParsingItGivesTheSameValue() async {
        await propertyCheck(count: 600, input: Gen.int(in: 0...Int(Int32.max))) { seed in
            var d = Draw(seed)
            let text = d.expression()
            guard let e = try? Expression.parse(text) else {
                Issue.record("generated text does not parse: \(text)")
                return
            }
            let canonical = e.canonicalText
            guard let again = try? Expression.parse(canonical) else {
                Issue.record("\(text) → \(canonical) does not parse")
                return
            }
            #expect(again.canonicalText == canonical, "\(text)")
            let first = Result { () throws(CalcError) in try e.evaluate() }
            let second = Result { () throws(CalcError) in try again.evaluate() }
            switch (first, second) {
            case (.success(let a), .success(let b)):
                #expect(a.value.bitPattern == b.value.bitPattern && a.dimension == b.dimension, "\(text) → \(canonical)")
            case (.failure(let a), .failure(let b)):
                #expect(a.kind == b.kind, "\(text) → \(canonical)")
            default:
                Issue.record("\(text) → \(canonical): \(first) vs \(second)")
            }
        }
    }

    /// Converting A to B and back gives A.
    @Test func convertingThereAndBackGivesTheStart() async {
        await propertyCheck(count: 400, input: Gen.int(in: 0...Int(Int32.max))) { seed in
            var d = Draw(seed)
            let family = d.pick(unitsByDimension)
            let a = d.pick(family), b = d.pick(family)
            let x = d.magnitude(-3, 9)
            func number(_ text: String) -> Double? { try? Calculation(text).shown(.exact).value }
            guard let y = number(ValueFormat.exact(x) + " " + a + " to " + b) else {
                Issue.record("\(x) \(a) to \(b) failed")
                return
            }
            let back = number(ValueFormat.exact(y) + " " + b + " to " + a)
            #expect(back.map { close($0, x, relative: 1e-14) } == true, "\(x) \(a) → \(y) \(b) → \(String(describing: back)) \(a)")
        }
    }

    /// Random text never crashes the calculator: it gives a value or an error with a column
    /// inside the text (or just after it).
    @Test func arbitraryTextGivesAValueOrAPlacedError() async {
        let alphabet = Array("0123456789.eEKMBTk+-*/^%()_, toµ×→abcdefghsmyGiBbit\u{1b}\u{202E}漢")
        await propertyCheck(count: 500, input: Gen.int(in: 0...Int(Int32.max))) { seed in
            var d = Draw(seed)
            let text = String((0..<d.next(24)).map { _ in d.pick(alphabet) })
            do throws(CalcError) {
                _ = try Calculation(text)
            } catch {
                if let c = error.column {
                    #expect(c >= 1 && c <= text.count + 1, "\(text.debugDescription): \(error)")
                }
                #expect(!error.message.isEmpty)
            }
        }
    }
}
